"""Tables and charts of documents with many options: within the margins, words whole, the
template's table style, a readable top-N in the charts with a sentence about the rest."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.costs_helpers import write_random_investigation
from tests.word_helpers import docx_text
from utredning_app.exporting import table_layout as tl
from utredning_app.exporting.template import default_template
from utredning_app.services.exports import export_document

TWIPS_PER_CM = 566.93


@pytest.fixture(scope="module")
def many_options(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("many") / "manga.utredning"
    return write_random_investigation(path, options=20, per_option=4)


@pytest.fixture(scope="module")
def slutrapport(many_options: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("slut") / "slutrapport.docx"
    export_document("slutrapport", many_options, out)
    return out


def test_tables_stay_within_the_margins_with_whole_words(slutrapport: Path) -> None:
    document = docx.Document(str(slutrapport))
    assert document.tables
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) / TWIPS_PER_CM for c in table._tbl.tblGrid]
        assert sum(grid) <= tl.TEXT_WIDTH_CM + 0.05, [c.text for c in table.rows[0].cells]
        header = [c.text for c in table.rows[0].cells]
        rows = [[c.text for c in r.cells] for r in table.rows[1:]]
        for width, need in zip(grid, tl.column_needs(header, rows), strict=True):
            assert width + 0.01 >= min(need.least, tl.TEXT_WIDTH_CM / 2), header  # twips


def test_charts_show_a_readable_top_n_and_say_so(slutrapport: Path) -> None:
    document = docx.Document(str(slutrapport))
    text = docx_text(slutrapport)
    alts = [s._inline.docPr.get("descr") or "" for s in document.inline_shapes]
    assert alts and not any("…" in a for a in alts)
    assert "första av" not in text  # never "the first N of 50": a reasoned top-N
    assert "Diagrammet visar de 12 alternativ som har lägst kostnad" in text
    assert "alla 20 finns i tabellen" in text or "alla 21 finns i tabellen" in text
    assert "pert" not in text.casefold()


def test_table_text_follows_the_template_table_style(many_options: Path, tmp_path: Path) -> None:
    """A template whose table style says 11 pt gives 11 pt table text (not a fixed 8.5)."""
    template = tmp_path / "egen.docx"
    shutil.copyfile(default_template(), template)
    with zipfile.ZipFile(default_template()) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    styles = parts["word/styles.xml"].decode()
    start = styles.index('w:styleId="Rapporttabell"')
    size = styles.index('<w:sz w:val="18"/>', start)
    parts["word/styles.xml"] = (
        styles[:size] + '<w:sz w:val="22"/>' + styles[size + len('<w:sz w:val="18"/>') :]
    ).encode()
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    out = tmp_path / "d.docx"
    export_document("delrapport", many_options, out, template=template)
    table = docx.Document(str(out)).tables[0]
    sizes = {
        r.font.size.pt
        for row in table.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if r.font.size
    }
    assert sizes == {11.0}
