"""Small OXML helpers for what python-docx has no API for.

Fields (TOC, PAGE, NUMPAGES, SEQ), ``w:updateFields`` in settings.xml (in schema order),
repeating table header rows, the document language, captions, the UTKAST watermark, core
properties, hyperlinks and picture alt text. All functions take python-docx objects.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

LANGUAGE = "sv-SE"

# Characters XML 1.0 forbids (lxml refuses them): text from PDFs and e-mails can carry them.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text safe to put into OOXML."""
    return _BAD_XML.sub("", text)


# ------------------------------------------------------------------ settings and language

# Children of w:settings that come *after* w:updateFields in the CT_Settings sequence.
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def set_update_fields(document: DocxDocument) -> None:
    """Ask Word to update fields (the table of contents) when the document is opened."""
    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        successor = next(
            (
                child
                for child in settings
                if isinstance(child.tag, str) and child.tag.split("}")[-1] in _AFTER_UPDATE_FIELDS
            ),
            None,
        )
        if successor is not None:
            successor.addprevious(existing)
        else:
            settings.append(existing)
    existing.set(qn("w:val"), "true")


def set_language(document: DocxDocument, lang: str = LANGUAGE) -> None:
    """Document language (spelling, hyphenation, field formats): docDefaults and theme."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr, lang)
    # Styles may carry their own w:lang (e.g. a template made in English Word): override them.
    for style_rpr in styles.iter(qn("w:rPr")):
        if style_rpr.find(qn("w:lang")) is not None:
            _set_lang(style_rpr, lang)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), lang)


def _set_lang(rpr: Any, lang: str) -> None:
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)  # w:lang is near the end of CT_RPr; later siblings are rare in styles
        # keep schema order: w:lang precedes eastAsianLayout, specVanish, oMath
        for tail in ("w:eastAsianLayout", "w:specVanish", "w:oMath"):
            later = rpr.find(qn(tail))
            if later is not None:
                later.addprevious(el)
                break
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)
    el.set(qn("w:bidi"), "ar-SA")


def document_language(document: DocxDocument) -> str:
    el = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = el.find(qn("w:lang")) if el is not None else None
    return str(lang.get(qn("w:val"))) if lang is not None else ""


# ------------------------------------------------------------------ fast paragraphs


class StyleIds:
    """Style names → style ids, looked up once.

    python-docx resolves ``style="Heading 1"`` by scanning every style of the document for each
    paragraph (≈2 ms with a full Word template): with thousands of paragraphs that dominated
    the export time, so writers resolve ids once and set ``w:pStyle`` directly.
    """

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._ids: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        found = self._ids.get(name)
        if found is None:
            found = str(self._document.styles[name].style_id)
            self._ids[name] = found
        return found


_P = qn("w:p")
_PPR = qn("w:pPr")
_PSTYLE = qn("w:pStyle")
_SECTPR = qn("w:sectPr")
_VAL = qn("w:val")


def add_par(container: Any, style_id: str | None = None, text: str = "") -> Paragraph:
    """Append a paragraph with ``style_id`` (and ``text``) to a Document, cell or header.

    Built as XML directly: python-docx places ``w:pPr`` and ``w:pStyle`` by searching for
    their successors, a tenth of a large report's time."""
    target = container._body if isinstance(container, DocxDocument) else container
    element = target._element
    p = OxmlElement("w:p")
    if style_id:
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(_VAL, style_id)
        ppr.append(pstyle)
        p.append(ppr)
    last = element[-1] if len(element) else None
    if last is not None and last.tag == _SECTPR:
        last.addprevious(p)  # the body's section properties stay last
    else:
        element.append(p)
    paragraph = Paragraph(p, target)
    if text:
        add_text_run(paragraph, text)
    return paragraph


_T_TAG = qn("w:t")
_XML_SPACE = qn("xml:space")


def add_text_run(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(text)`` without python-docx's character-by-character loop.

    Text with tabs or line breaks takes python-docx's path (it writes w:tab / w:br).
    """
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(clean(text))
    r = paragraph._p.add_r()
    t = OxmlElement("w:t")
    t.set(_XML_SPACE, "preserve")
    t.text = clean(text)
    r.append(t)
    return Run(r, paragraph)


# ------------------------------------------------------------------ fields


def add_field(
    paragraph: Paragraph, instruction: str, shown: str = "", *, dirty: bool = True
) -> None:
    """A complex field (``w:fldChar`` begin/separate/end) with ``shown`` as its cached result.

    ``dirty`` asks Word to recompute it (fine for PAGE or SEQ; a table of contents is not
    dirty, or Word asks about it on every open)."""
    p = paragraph._p

    def run_with(child: Any) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = clean(shown)
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def add_toc(paragraph: Paragraph, levels: str = "1-3") -> None:
    """A table of contents field whose entries ``fill_toc_result`` writes out (Word updates it
    on request, with F9; it is not marked dirty so Word does not ask on every open)."""
    add_field(
        paragraph,
        f'TOC \\o "{levels}" \\h \\z \\u',
        "Innehållsförteckningen är tom.",
        dirty=False,
    )


def fill_toc_result(paragraph: Paragraph, entries: list[tuple[int, str]]) -> None:
    """Put the headings (level, text) into the TOC field's cached result.

    Word rebuilds the table (with page numbers) on open because of ``w:updateFields``;
    readers that do not update fields (LibreOffice, PDF converters, previews) show this list
    instead of an empty placeholder.
    """
    from docx.shared import Cm

    if not entries:
        return
    p = paragraph._p
    runs = p.findall(qn("w:r"))
    end_run = next(r for r in runs if _fld_char_type(r) == "end")
    placeholder = next(r for r in runs if r.find(qn("w:t")) is not None)
    p.remove(end_run)
    placeholder.find(qn("w:t")).text = clean(entries[0][1])
    last = p
    for level, text in entries[1:]:
        new = OxmlElement("w:p")
        last.addnext(new)
        last = new
        para = Paragraph(new, paragraph._parent)
        if paragraph._p.style:
            new.style = paragraph._p.style
        add_text_run(para, text)
        para.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        para.paragraph_format.space_after = 0
    paragraph.paragraph_format.space_after = 0
    last.append(end_run)


def _fld_char_type(run: Any) -> str | None:
    fld = run.find(qn("w:fldChar"))
    return None if fld is None else str(fld.get(qn("w:fldCharType")))


def add_page_x_of_y(paragraph: Paragraph) -> None:
    """``Sida X av Y`` with PAGE and NUMPAGES fields."""
    paragraph.add_run("Sida ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" av ")
    add_field(paragraph, "NUMPAGES", "1")


def field_instructions(element: Any) -> list[str]:
    """Every field instruction (complex and simple) under ``element`` — used by tests."""
    found = [t.text.strip() for t in element.iter(qn("w:instrText")) if t.text]
    found += [f.get(qn("w:instr")).strip() for f in element.iter(qn("w:fldSimple"))]
    return found


# ------------------------------------------------------------------ captions


class CaptionCounter:
    """Numbers captions per label ("Tabell", "Figur") like Word's SEQ fields do."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def add(self, document: Any, label: str, text: str, style_id: str = "Caption") -> Paragraph:
        number = self._counts.get(label, 0) + 1
        self._counts[label] = number
        paragraph = add_par(document, style_id)
        paragraph.add_run(f"{label} ")
        add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
        paragraph.add_run(f". {clean(text)}")
        return paragraph

    def count(self, label: str) -> int:
        return self._counts.get(label, 0)


# ------------------------------------------------------------------ tables and paragraphs


def repeat_header_row(row: _Row) -> None:
    """Mark the row as a header row repeated at the top of every page; never split it."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        if tr_pr.find(qn(tag)) is None:
            el = OxmlElement(tag)
            el.set(qn("w:val"), "true")
            tr_pr.append(el)


def set_table_look(table: Table, *, first_row: bool = True, first_column: bool = False) -> None:
    """Which conditional formats of the table style apply (header row shading etc.)."""
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    look.set(qn("w:val"), "04A0" if first_row else "0000")
    look.set(qn("w:firstRow"), "1" if first_row else "0")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:firstColumn"), "1" if first_column else "0")
    look.set(qn("w:lastColumn"), "0")
    look.set(qn("w:noHBand"), "0")
    look.set(qn("w:noVBand"), "1")


def keep_with_next(paragraph: Paragraph) -> None:
    ppr = paragraph._p.find(_PPR)
    if ppr is None or all(child.tag == _PSTYLE for child in ppr):
        # Only a style so far: w:keepNext comes right after it (CT_PPr order).
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            paragraph._p.insert(0, ppr)
        ppr.append(OxmlElement("w:keepNext"))
        return
    paragraph.paragraph_format.keep_with_next = True


def add_page_break(document: DocxDocument) -> None:
    from docx.enum.text import WD_BREAK

    add_par(document).add_run().add_break(WD_BREAK.PAGE)


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> Any:
    """An external hyperlink run (blue, underlined) pointing at ``url``."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = clean(text)
    run.append(t)
    link.append(run)
    paragraph._p.append(link)
    return run


def set_alt_text(inline_shape: Any, description: str, title: str = "") -> None:
    """Alternative text for a picture (read aloud by screen readers)."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", clean(description))
    if title:
        doc_pr.set("title", clean(title))


# ------------------------------------------------------------------ header, footer, watermark


def replace_placeholders(section: Section, values: dict[str, str]) -> None:
    """Replace ``{name}`` placeholders in the section's headers and footers."""
    parts = [
        section.header,
        section.footer,
        section.first_page_header,
        section.first_page_footer,
        section.even_page_header,
        section.even_page_footer,
    ]
    for part in parts:
        if part.is_linked_to_previous:
            continue
        paragraphs = list(part.paragraphs)
        for table in part.tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
        for paragraph in paragraphs:
            _replace_in_paragraph(paragraph, values)


def _replace_in_paragraph(paragraph: Paragraph, values: dict[str, str]) -> None:
    if "{" not in paragraph.text:
        return
    for run in paragraph.runs:
        for key, value in values.items():
            if "{" + key + "}" in run.text:
                run.text = run.text.replace("{" + key + "}", clean(value))
    if not any("{" + key + "}" in paragraph.text for key in values):
        return
    # A placeholder split over several runs (Word does that): merge the text into the first run.
    runs = paragraph.runs
    text = paragraph.text
    for key, value in values.items():
        text = text.replace("{" + key + "}", clean(value))
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


_VML_NS = (
    f'{nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)

_WATERMARK = (
    '<w:p {ns}><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/>'
    '<v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>'
    '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="PowerPlusWaterMarkObject{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;'
    "rotation:315;z-index:-251654144;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d0d0d0" '
    'stroked="f"><v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="{text}"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r></w:p>'
)


def add_watermark(section: Section, text: str = "UTKAST") -> None:
    """A diagonal, light grey text watermark in every header of the section (Word's own kind)."""
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    for n, header in enumerate(headers, start=1):
        xml = _WATERMARK.format(ns=_VML_NS, n=n, spid=2048 + n, text=clean(text))
        header._element.append(parse_xml(xml))


# ------------------------------------------------------------------ properties


def set_core_properties(
    document: DocxDocument,
    *,
    title: str,
    subject: str,
    author: str,
    keywords: str = "",
    created: dt.datetime | None = None,
) -> None:
    props = document.core_properties
    now = created or dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.title = clean(title)[:255]
    props.subject = clean(subject)[:255]
    props.author = clean(author)[:255]
    props.last_modified_by = clean(author)[:255]
    props.keywords = clean(keywords)[:255]
    props.language = LANGUAGE
    props.created = now.replace(tzinfo=None)
    props.modified = now.replace(tzinfo=None)
    props.revision = 1
    props.comments = ""
    props.category = ""


def fast_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    strike: bool = False,
    underline: bool = False,
) -> Run:
    """``paragraph.add_run(text)`` with its formatting, built directly: python-docx finds the
    place of every run property by an XPath search (a third of a large report's time went to
    setting ``run.bold``)."""
    if "\t" in text or "\n" in text or "\r" in text:
        run = paragraph.add_run(clean(text))
        run.bold = bold or None
        run.italic = italic or None
        run.font.strike = strike or None
        run.font.underline = underline or None
        return run
    r = OxmlElement("w:r")
    if bold or italic or strike or underline:
        rpr = OxmlElement("w:rPr")
        # CT_RPr order: b, i, …, strike, …, u.
        for flag, tag in ((bold, "w:b"), (italic, "w:i"), (strike, "w:strike")):
            if flag:
                rpr.append(OxmlElement(tag))
        if underline:
            u = OxmlElement("w:u")
            u.set(qn("w:val"), "single")
            rpr.append(u)
        r.append(rpr)
    t = OxmlElement("w:t")
    t.set(_XML_SPACE, "preserve")
    t.text = clean(text)
    r.append(t)
    paragraph._p.append(r)
    return Run(r, paragraph)
