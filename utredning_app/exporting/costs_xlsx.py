"""Write the cost model as an Excel workbook with live formulas (data in, file out; no Qt).

Inputs are yellow, unlocked cells; every other cell is locked (sheets protected without a
password, so an auditor can still unprotect on purpose — the re-import then checks the
structure cell by cell anyway). The file is written atomically (temp file + rename).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from utredning_app.domain.costs import CostModelInput
from utredning_app.exporting.costs_layout import (
    CellKind,
    SheetLayout,
    WorkbookLayout,
    build_layout,
)

INPUT_FILL = "FFF2CC"  # light yellow: "you may change this"
HEADER_FILL = "DDEBF7"


def cost_workbook(
    model: CostModelInput, *, investigation_id: str, title: str, diarienummer: str
) -> tuple[bytes, WorkbookLayout]:
    """The workbook as bytes (the caller writes the file atomically) and its layout (the
    inputs' and results' cells)."""
    import io

    wb, layout = _build_workbook(
        model, investigation_id=investigation_id, title=title, diarienummer=diarienummer
    )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), layout


def _build_workbook(
    model: CostModelInput, *, investigation_id: str, title: str, diarienummer: str
) -> tuple[Any, WorkbookLayout]:
    from openpyxl import Workbook

    from utredning_app.exporting.sheet_cells import sheet_text

    layout = build_layout(
        model, investigation_id=investigation_id, title=title, diarienummer=diarienummer
    )
    wb = Workbook()
    styles = _Styles()
    first = True
    for sheet in layout.sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        _write_sheet(ws, sheet, styles)
    _protect_workbook(wb)
    _validate_inputs(wb[layout.inputs_sheet.name], layout)
    wb[layout.inputs_sheet.name].freeze_panes = "C9"
    struct = wb[layout.structure.name]
    struct["B4"] = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    wb.active = 1  # open on Indata
    wb.properties.title = sheet_text(f"Kostnadsmodell – {title}")
    wb.properties.creator = "Utredningsstöd"
    return wb, layout


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="BF9000")
        self.input_fill = PatternFill("solid", start_color=INPUT_FILL, end_color=INPUT_FILL)
        self.header_fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        self.input_border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.unlocked = Protection(locked=False)
        self.bold = Font(bold=True)
        self.title = Font(bold=True, size=13)
        self.wrap = Alignment(wrap_text=True, vertical="top")


def _write_sheet(ws: Any, sheet: SheetLayout, styles: _Styles) -> None:
    from copy import copy

    from openpyxl.utils import get_column_letter

    from utredning_app.exporting.sheet_cells import put_text

    ws.title = sheet.name
    # Styling a cell through fill/border/font setters hashes style objects each time (the
    # bulk of the export time); style one prototype cell per look and copy its style array.
    prototypes: dict[tuple[CellKind, str | None, bool], Any] = {}
    for (row, col), cell in sheet.cells.items():
        if cell.kind is not CellKind.FORMULA and isinstance(cell.value, str):
            target = put_text(ws, row, col, cell.value)  # text, even if it looks like "=…"
        else:
            target = ws.cell(row=row, column=col, value=cell.value)  # the app's own formulas
        key = (cell.kind, cell.number_format, bool(target.quotePrefix))
        proto = prototypes.get(key)
        if proto is not None:
            target._style = copy(proto._style)
            continue
        if cell.number_format:
            target.number_format = cell.number_format
        if cell.kind is CellKind.INPUT:
            target.fill = styles.input_fill
            target.border = styles.input_border
            target.protection = styles.unlocked
        elif cell.kind is CellKind.HEADER:
            target.font = styles.bold
            target.fill = styles.header_fill
        elif cell.kind is CellKind.TITLE:
            target.font = styles.title
        elif sheet.name == "Läs mig":
            target.alignment = styles.wrap
        prototypes[key] = target
    for col, width in sheet.widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.protection.sheet = True
    ws.protection.formatCells = False  # allow number formats and widths, not content
    ws.protection.formatColumns = False
    if sheet.hidden:
        ws.sheet_state = "hidden"


def _protect_workbook(wb: Any) -> None:
    """Lock the sheet structure: no sheets added, removed, renamed or unhidden."""
    from openpyxl.workbook.protection import WorkbookProtection

    wb.security = WorkbookProtection(lockStructure=True)


def _validate_inputs(ws: Any, layout: WorkbookLayout) -> None:
    """Excel/LibreOffice refuse text in the yellow cells already while typing."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from utredning_app.exporting.costs_layout import INPUT_LIMIT, RATE_CELL, RATE_LIMIT, col_letter

    values = DataValidation(
        type="decimal",
        operator="between",
        formula1=f"{-INPUT_LIMIT:.0E}",
        formula2=f"{INPUT_LIMIT:.0E}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Indata",
        error="Skriv ett tal (mnkr), utan enhet, eller lämna cellen tom.",
    )
    rate = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2=str(RATE_LIMIT),
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Diskonteringsränta",
        error="Diskonteringsräntan anges i procent, minst 0 % och under 100 %.",
    )
    cells = [pos for pos, ref in layout.inputs.items() if not ref.is_rate]
    if cells:  # the year columns of the data rows form one rectangle
        top, bottom = min(r for r, _ in cells), max(r for r, _ in cells)
        left, right = min(c for _, c in cells), max(c for _, c in cells)
        values.add(f"{col_letter(left)}{top}:{col_letter(right)}{bottom}")
    rate.add(f"{col_letter(RATE_CELL[1])}{RATE_CELL[0]}")
    ws.add_data_validation(values)
    ws.add_data_validation(rate)
