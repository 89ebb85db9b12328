"""Builds ``region.docx``, the Word template every report starts from.

Run from the repository root after changing the look:

    PYTHONPATH=. python exports/templates/build_template.py

The result is committed. A region can instead give its own template (``--mall``) as long as it
defines the same style names (``utredning_app.exporting.markdown_docx.StyleNames``); the header
may use the placeholders ``{titel}``, ``{diarienummer}``, ``{region}`` and ``{dokumenttyp}``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from utredning_app.exporting.docx_helpers import add_page_x_of_y, set_language

HERE = Path(__file__).resolve().parent
BLUE = RGBColor(0x00, 0x2D, 0x5A)
GREY = RGBColor(0x55, 0x5F, 0x6B)
FONT = "Arial"
BODY_FONT = "Georgia"


def _font(
    style: object, name: str, size: float, *, bold: bool = False, color: object = None
) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = name
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    if color is not None:
        font.color.rgb = color
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


def _spacing(style: object, before: float, after: float, line: float | None = None) -> None:
    fmt = style.paragraph_format  # type: ignore[attr-defined]
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line


def _remove_borders(style: object) -> None:
    ppr = style.element.get_or_add_pPr()  # type: ignore[attr-defined]
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)


TABLE_STYLE_XML = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="Rapporttabell">
  <w:name w:val="Rapporttabell"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="002D5A"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="002D5A"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFC7D0"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="90" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="002D5A"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def build(out: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.1), Cm(1.0)

    styles = doc.styles
    _font(styles["Normal"], BODY_FONT, 11)
    _spacing(styles["Normal"], 0, 6, 1.15)
    _font(styles["Title"], FONT, 26, bold=True, color=BLUE)
    _spacing(styles["Title"], 0, 12)
    _remove_borders(styles["Title"])
    _font(styles["Subtitle"], FONT, 14, color=GREY)
    _spacing(styles["Subtitle"], 0, 6)
    for level, size, before in ((1, 16, 18), (2, 13, 14), (3, 11, 10)):
        style = styles[f"Heading {level}"]
        _font(style, FONT, size, bold=True, color=BLUE)
        _spacing(style, before, 6)
        style.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2", "List Continue"):
        _font(styles[name], BODY_FONT, 11)
        _spacing(styles[name], 0, 3, 1.15)
    _font(styles["Caption"], FONT, 9, bold=True, color=BLUE)
    _spacing(styles["Caption"], 6, 4)
    styles["Caption"].paragraph_format.keep_with_next = True
    _font(styles["Quote"], BODY_FONT, 10.5, color=GREY)
    styles["Quote"].font.italic = True
    styles["Quote"].paragraph_format.left_indent = Cm(1.0)
    styles["Quote"].paragraph_format.right_indent = Cm(0.5)
    _spacing(styles["Quote"], 2, 6)
    text_width = section.page_width - section.left_margin - section.right_margin
    for name in ("Header", "Footer"):
        _font(styles[name], FONT, 8, color=GREY)
        # The default Header/Footer styles have US-Letter tab stops: one right tab at the margin.
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    if "Rapporttabell" not in [s.name for s in styles]:
        styles.element.append(parse_xml(TABLE_STYLE_XML))
    # A paragraph style for the small print on the title page (dates, diarienummer).
    meta = styles.add_style("Rapportuppgift", WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = styles["Normal"]
    _font(meta, FONT, 10, color=GREY)
    _spacing(meta, 0, 2)

    set_language(doc)

    # Header: title left, diarienummer right; footer: region left, "Sida X av Y" right.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.style = styles["Header"]
    header.add_run("{titel}\t{dokumenttyp} · Dnr {diarienummer}")
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", "BFC7D0")):
        bottom.set(qn(key), value)
    bdr.append(bottom)
    header._p.get_or_add_pPr().append(bdr)
    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.add_run("{region}\t")
    add_page_x_of_y(footer)
    section.first_page_header.paragraphs[0].text = ""
    first_footer = section.first_page_footer.paragraphs[0]
    first_footer.style = styles["Footer"]
    first_footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    first_footer.add_run("{region}")

    # The body of the template is empty: reports add everything.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    props = doc.core_properties
    props.title = "Mall för utredningsrapporter"
    props.author = "Utredningsstöd"
    props.last_modified_by = "Utredningsstöd"
    props.language = "sv-SE"
    props.comments = ""
    props.keywords = ""
    props.revision = 1
    doc.save(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "region.docx"
    print(build(target))
