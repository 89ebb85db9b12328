"""The one writer helper for user text in spreadsheets and CSV (OWASP CSV injection)."""

from __future__ import annotations

import io
import zipfile

import pytest

from utredning_app.exporting.sheet_cells import csv_bytes, csv_field, put, safe_row


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_fields_that_start_like_formulas_are_quote_prefixed(text: str) -> None:
    assert csv_field(text) == "'" + text


@pytest.mark.parametrize("value", ["Region Uppsala", "1-2", "a=b", "", 3, -1.5, None])
def test_other_fields_are_left_alone(value: object) -> None:
    assert csv_field(value) == value


def test_csv_bytes_are_swedish_excel_csv() -> None:
    data = csv_bytes([("Namn", "Tal"), ('=HYPERLINK("x")', -2)])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == 'Namn;Tal\r\n"\'=HYPERLINK(""x"")";-2\r\n'


@pytest.mark.parametrize("write_only", [False, True])
def test_texts_are_string_cells_in_both_worksheet_modes(write_only: bool) -> None:
    from openpyxl import Workbook, load_workbook

    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Blad")
    ws.append(safe_row(ws, ["=1+1", "a\x07b", 5]))
    if not write_only:
        put(ws, 2, 1, "=SUM(A1:A2)")
        put(ws, 2, 2, 7)
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as zf:
        sheet = next(n for n in zf.namelist() if n.startswith("xl/worksheets/sheet"))
        assert b"<f>" not in zf.read(sheet)
    back = load_workbook(io.BytesIO(buffer.getvalue()))["Blad"]
    assert [c.value for c in back[1]] == ["=1+1", "ab", 5]
    assert back["A1"].quotePrefix  # stays text when someone edits the cell in Excel
    if not write_only:
        assert back["A2"].value == "=SUM(A1:A2)" and back["B2"].value == 7


def test_text_xml_cannot_hold_is_dropped_not_an_error() -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Blad")
    ws.append(safe_row(ws, ["titel\x1b\x00\ud800\uffff slut", "x" * 40_000]))
    buffer = io.BytesIO()
    wb.save(buffer)  # no IllegalCharacterError, no UnicodeEncodeError
    with zipfile.ZipFile(buffer) as zf:
        sheet = zf.read(next(n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")))
    assert b"titel slut" in sheet and b"x" * 32_767 in sheet and b"x" * 32_768 not in sheet
