"""Tables built fast: one prepared ``w:tr`` deep-copied per data row.

python-docx's ``table.add_row().cells`` costs ~0.75 ms per 4-cell row; copying a prepared row
and setting its ``w:t`` texts is ~9× faster (DESIGN.md), which the remissammanställning of a
large investigation (7,500 rows) needs. Every table gets the template's table style, a bold
header row that repeats on each page, and optional column widths.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table

from utredning_app.exporting.docx_helpers import clean, repeat_header_row, set_table_look

_T = qn("w:t")
_R = qn("w:r")
_RPR = qn("w:rPr")


def add_table(
    document: Any,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    style: str,
    widths_cm: Sequence[float] | None = None,
    numeric_columns: Sequence[int] = (),
    bold_first_column: bool = False,
    font_size_pt: float | None = None,
    font_name: str | None = None,
) -> Table:
    """Append a table with ``headers`` and ``rows`` (already formatted text) to ``document``.

    ``numeric_columns`` are right-aligned (figures line up); ``document`` is a Document or a cell.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    n = len(headers)
    table: Table = document.add_table(rows=2, cols=n)
    table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_table_look(table, first_row=True, first_column=bold_first_column)
    header, proto = table.rows[0], table.rows[1]
    repeat_header_row(header)
    size = Pt(font_size_pt) if font_size_pt else None
    for i, (cell, text) in enumerate(zip(header.cells, headers, strict=True)):
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(clean(text))
        run.bold = True
        if size:
            run.font.size = size
        if font_name:
            run.font.name = font_name
        if i in numeric_columns:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        keep = paragraph.paragraph_format
        keep.keep_with_next = True
    for i, cell in enumerate(proto.cells):
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run("x")  # replaced per row; makes the w:t exist
        run._r.find(_T).set(qn("xml:space"), "preserve")
        if size:
            run.font.size = size
        if font_name:
            run.font.name = font_name
        if bold_first_column and i == 0:
            run.bold = True
        if i in numeric_columns:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if widths_cm:
        set_widths(table, widths_cm)
    tr_proto = proto._tr
    tbl = table._tbl
    tbl.remove(tr_proto)
    # Never split a row over two pages: a row is short (a name, a stance, a comment).
    tr_pr = tr_proto.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        cant = OxmlElement("w:cantSplit")
        tr_pr.append(cant)
    append = tbl.append
    deepcopy = copy.deepcopy
    for values in rows:
        tr = deepcopy(tr_proto)
        for t, value in zip(tr.iter(_T), values, strict=False):
            t.text = clean(value)
        append(tr)
    return table


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Column widths in the grid and in each (prototype) cell, and a fixed layout."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.iter(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def first_cell_texts(table: Table) -> list[str]:
    """The first column's texts below the header (for tests and checks)."""
    out: list[str] = []
    for tr in table._tbl.tr_lst[1:]:
        tc = tr.tc_lst[0]
        out.append("".join(t.text or "" for t in tc.iter(_T)))
    return out
