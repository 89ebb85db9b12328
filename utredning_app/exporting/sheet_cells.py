"""User text into spreadsheets and CSV files: never a formula (the one writer helper).

Every Excel and CSV export writes the investigation's texts (names, titles, comments, who
changed what) through these functions:

* **xlsx**: a text is always a *string* cell (``data_type = "s"``), whatever it starts with;
  openpyxl would otherwise store ``=HYPERLINK(…)`` as a formula. A text that starts like a
  formula also gets Excel's "quote prefix" style, so it stays text when someone edits the
  cell. The text itself is kept exactly (a re-import reads the same name back), except for
  the control characters XML cannot hold and the cell's length limit.
* **CSV** has no cell types: a field that starts with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return is prefixed with a single quote, as OWASP's CSV injection guidance says
  (Excel and LibreOffice then show it as text).

The app's own formulas (the cost model's sums and NPVs) are written by
``exporting/costs_xlsx.py`` directly and never contain user text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

# What makes a spreadsheet program read the start of a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell

# Characters an XML 1.0 part cannot hold (openpyxl refuses the control characters with an
# error; lone surrogates cannot even be encoded as UTF-8).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def sheet_text(text: str) -> str:
    """``text`` as a cell can hold it: XML-illegal control characters dropped, at most
    32 767 characters."""
    return _ILLEGAL_XML.sub("", text)[:MAX_CELL_CHARS]


def _make_text(cell: Any, text: str) -> Any:
    cell.value = sheet_text(text)
    cell.data_type = "s"  # after the value: assigning a value re-guesses the type
    if looks_like_formula(cell.value):
        cell.quotePrefix = True
    return cell


def text_cell(ws: Any, text: str) -> Any:
    """A string cell for ``ws.append`` (works in normal and write-only worksheets)."""
    from openpyxl.cell import WriteOnlyCell

    return _make_text(WriteOnlyCell(ws), text)


def put_text(ws: Any, row: int, column: int, text: str) -> Any:
    """Write ``text`` as a string cell at (row, column) of a normal worksheet."""
    return _make_text(ws.cell(row=row, column=column), text)


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Like ``ws.cell(row, column, value)``, with any text as a string cell."""
    if isinstance(value, str):
        return put_text(ws, row, column, value)
    return ws.cell(row=row, column=column, value=value)


def safe_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """``values`` ready for ``ws.append``: texts become string cells, the rest (numbers,
    dates, prepared cells) stay as they are."""
    return [text_cell(ws, v) if isinstance(v, str) else v for v in values]


def csv_field(value: Any) -> Any:
    """One CSV field: a text that starts like a formula gets a leading single quote."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Sequence[Any]], *, delimiter: str = ";") -> bytes:
    """Rows as CSV the way Swedish Excel opens it: ``;``-separated, CRLF, UTF-8 with BOM;
    every field through :func:`csv_field`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_field(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")
