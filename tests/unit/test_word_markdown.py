"""Markdown prose becomes real Word formatting (in-memory python-docx documents)."""

from __future__ import annotations

from typing import Any

import pytest
from docx.oxml.ns import qn

from utredning_app.exporting.docx_helpers import (
    CaptionCounter,
    field_instructions,
    set_language,
    set_update_fields,
)
from utredning_app.exporting.fast_table import add_table, first_cell_texts
from utredning_app.exporting.markdown_docx import MarkdownWriter, StyleNames, markdown_to_plain
from utredning_app.exporting.template import open_template


@pytest.fixture
def document() -> Any:
    return open_template(None)


def test_inline_formatting_and_no_literal_markup(document: Any) -> None:
    writer = MarkdownWriter(document, StyleNames())
    writer.write("Text med **fet**, *kursiv* och ***båda*** samt `kod`.")
    paragraph = document.paragraphs[-1]
    assert "*" not in paragraph.text and "`" not in paragraph.text
    runs = {r.text: (bool(r.bold), bool(r.italic)) for r in paragraph.runs}
    assert runs["fet"] == (True, False)
    assert runs["kursiv"] == (False, True)
    assert runs["båda"] == (True, True)


def test_headings_lists_quote_and_link(document: Any) -> None:
    writer = MarkdownWriter(document, StyleNames())
    writer.write(
        "## Bakgrund\n\nText.\n\n### Detalj\n\n- ett\n- två\n  - under\n\n"
        "1. första\n2. andra\n\n> citat\n\nSe [webbplatsen](https://example.se).",
        heading_level=2,
    )
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 2", "Bakgrund") in styles  # the text's top level maps to heading_level
    assert ("Heading 3", "Detalj") in styles
    assert ("List Bullet", "ett") in styles
    assert ("List Bullet 2", "under") in styles
    assert ("List Number", "första") in styles
    assert ("Quote", "citat") in styles
    xml = document.element.xml
    assert "w:hyperlink" in xml
    rels = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert "https://example.se" in rels


def test_each_numbered_list_restarts(document: Any) -> None:
    writer = MarkdownWriter(document, StyleNames())
    writer.write("1. a\n2. b")
    writer.write("1. c\n2. d")
    num_ids = {
        p.text: p._p.pPr.numPr.numId.val
        for p in document.paragraphs
        if p.style.name == "List Number"
    }
    assert num_ids["a"] == num_ids["b"]
    assert num_ids["a"] != num_ids["c"]


def test_markdown_table_has_repeating_header(document: Any) -> None:
    writer = MarkdownWriter(document, StyleNames())
    writer.write("| År | Kostnad |\n|---|---|\n| 2024 | 1 200 |\n| 2025 | 1 300 |")
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["År", "Kostnad"]
    assert (
        table.rows[0]._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )
    assert table.style.name == "Rapporttabell"
    assert table.rows[2].cells[1].text == "1\xa0300"  # no-break thousands


def test_markdown_to_plain() -> None:
    assert markdown_to_plain("Hej **du** och *dig*") == "Hej du och dig"
    assert markdown_to_plain("- ett\n- två") == "ett två"
    assert markdown_to_plain("Kostnad 1.5 mnkr") == "Kostnad 1.5\xa0mnkr"
    assert markdown_to_plain("") == ""
    assert markdown_to_plain("styr\x00ning") == "styrning"  # control characters dropped


def test_fast_table_rows_and_header(document: Any) -> None:
    rows = [[f"Instans {i}", "Tillstyrker", f"Kommentar {i}"] for i in range(500)]
    table = add_table(document, ["Instans", "Ställning", "Kommentar"], rows, style="Rapporttabell")
    assert len(table.rows) == 501
    assert first_cell_texts(table)[:2] == ["Instans 0", "Instans 1"]
    assert table.rows[0].cells[0].text == "Instans"
    assert table.rows[500].cells[2].text == "Kommentar 499"


def test_fields_language_and_settings_order(document: Any) -> None:
    counter = CaptionCounter()
    counter.add(document, "Tabell", "Första")
    counter.add(document, "Tabell", "Andra")
    counter.add(document, "Figur", "Bild")
    assert counter.count("Tabell") == 2 and counter.count("Figur") == 1
    assert "SEQ Tabell \\* ARABIC" in field_instructions(document.element)
    set_language(document)
    set_update_fields(document)
    set_update_fields(document)  # idempotent
    settings = document.settings.element
    tags = [c.tag.split("}")[-1] for c in settings if isinstance(c.tag, str)]
    assert tags.count("updateFields") == 1
    if "compat" in tags:
        assert tags.index("updateFields") < tags.index("compat")
    assert tags.index("updateFields") > tags.index("defaultTabStop")
    assert 'w:val="sv-SE"' in document.styles.element.xml


def test_footnotes_strikethrough_third_level_and_bare_urls(document: Any) -> None:
    writer = MarkdownWriter(document, StyleNames())
    writer.write(
        "Kostnaden ökar[^1] och ~~struken~~ text; se https://www.regionstockholm.se nu.\n\n"
        "- ett\n  - två\n    - tre\n\n"
        "[^1]: Enligt ekonomistabens bedömning 2023.\n"
    )
    paragraphs = document.paragraphs
    body = paragraphs[0]
    assert "~" not in body.text and "[^1]" not in body.text
    marks = [r for r in body.runs if r.font.superscript]
    assert [r.text for r in marks] == ["1"]
    struck = [r.text for r in body.runs if r.font.strike]
    assert struck == ["struken"]
    links = body._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    target = document.part.rels[links[0].get(qn("r:id"))].target_ref
    assert target == "https://www.regionstockholm.se"
    levels = [(p.text, p.style.name, p.paragraph_format.left_indent) for p in paragraphs[1:4]]
    assert [t for t, _, _ in levels] == ["ett", "två", "tre"]
    assert levels[0][1] == "List Bullet" and levels[1][1] == "List Bullet 2"
    # Level 3 keeps its own level: deeper than level 2, never flattened onto it.
    assert levels[2][1] == "List Bullet 3"
    # A template without a level-3 style: the level-2 style, indented one step further.
    bare = open_template(None)
    for style in list(bare.styles):
        if style.name in ("List Bullet 3",):
            style.element.getparent().remove(style.element)
    MarkdownWriter(bare, StyleNames()).write("- ett\n  - två\n    - tre\n")
    deep = bare.paragraphs[2]
    assert deep.style.name == "List Bullet 2" and deep.paragraph_format.left_indent is not None
    note = paragraphs[-1]
    assert note.text.endswith("Enligt ekonomistabens bedömning 2023.")
    assert note.runs[0].font.superscript and note.runs[0].text.startswith("1")
    plain = markdown_to_plain("Ökar[^1].\n\n[^1]: Källa: SCB.")
    assert "Källa: SCB." in plain and "[1]" in plain
