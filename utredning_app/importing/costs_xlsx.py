"""Read a returned cost workbook: untrusted bytes in, the changed inputs or a clear error out.

The workbook is checked against the layout rebuilt from the investigation as it is now
(:func:`utredning_app.exporting.costs_layout.build_layout`): every formula, label and id
must be where the export put it. Only the yellow input cells may differ. A change is a cell
whose value differs from the value recorded (hidden) at export; if the same value has also
been changed in the app since the export, the import is refused as a conflict.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from utredning_app.domain.costs import SCENARIOS, Scenario
from utredning_app.domain.validation import in_order
from utredning_app.errors import ValidationError, os_reason
from utredning_app.exporting.costs_layout import (
    CALC_SHEET,
    FORMAT_ID,
    INPUT_LIMIT,
    INPUT_SHEET,
    RATE_CELL,
    RATE_LIMIT,
    STRUCTURE_SHEET,
    Cell,
    CellKind,
    WorkbookLayout,
    canonical,
    col_letter,
)

SHEETS = (INPUT_SHEET, CALC_SHEET, STRUCTURE_SHEET)
Grid = dict[tuple[int, int], object]
REL_TOL = 1e-9


@dataclass(frozen=True)
class RawWorkbook:
    name: str
    grids: dict[str, Grid]


@dataclass(frozen=True)
class ValueChange:
    """New low/base/high of one estimate and year (None: the year's value is removed)."""

    estimate_id: str
    year: int
    old: tuple[float, float, float] | None
    new: tuple[float, float, float] | None
    cells: tuple[str, ...]  # the changed cells, e.g. ("Indata!K12",)


@dataclass(frozen=True)
class WorkbookChanges:
    rate: tuple[float, float] | None  # (old, new)
    values: tuple[ValueChange, ...]

    @property
    def empty(self) -> bool:
        return self.rate is None and not self.values


def addr(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


# Rows and columns read per sheet when the caller gives no bounds: far beyond any cost
# model (a sheet's <dimension> may claim a million rows; openpyxl would pad them all).
DEFAULT_BOUNDS = (20_000, 400)


def sheet_bounds(layout: WorkbookLayout) -> dict[str, tuple[int, int]]:
    """The last row and column of each sheet the export wrote: nothing beyond is read."""
    bounds: dict[str, tuple[int, int]] = {}
    for sheet in layout.sheets:
        rows = max((r for r, _c in sheet.cells), default=1)
        cols = max((c for _r, c in sheet.cells), default=1)
        bounds[sheet.name] = (rows, cols)
    return bounds


def read_workbook(path: Path, bounds: dict[str, tuple[int, int]] | None = None) -> RawWorkbook:
    """Load the three sheets' cells (formulas as text). Raises ValidationError.

    The file passes the same guards as remissvar first (size, zip-bomb ratio, number of
    parts, no DTD, cells per sheet), and only the rows and columns within ``bounds``
    (sheet → last row, last column) are read, in openpyxl's streaming read-only mode.
    """
    import io

    from openpyxl import load_workbook

    from utredning_app.importing.guards import FileKind, check_office_package, check_size

    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"Arbetsboken {path} finns inte.")
    if not zipfile.is_zipfile(path):
        raise ValidationError(
            f"Filen {path.name} är inte en Excel-arbetsbok (.xlsx); spara den som "
            "Excel-arbetsbok och försök igen."
        )
    try:
        check_size(path.name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            f"Arbetsboken {path.name} kan inte läsas ({os_reason(exc)})."
        ) from exc
    check_office_package(path.name, data, FileKind.XLSX)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise ValidationError(
            f"Arbetsboken {path.name} kan inte läsas: den är skadad eller inte en Excel-arbetsbok "
            f"({type(exc).__name__})."
        ) from exc
    try:
        grids: dict[str, Grid] = {}
        for name in SHEETS:
            if name not in wb.sheetnames:
                raise ValidationError(
                    f"Arbetsboken {path.name} saknar bladet ”{name}”; den är inte en "
                    "kostnadsmodell exporterad från Utredningsstöd, eller så har bladet "
                    "tagits bort eller bytt namn."
                )
            ws = wb[name]
            max_row, max_col = (bounds or {}).get(name, DEFAULT_BOUNDS)
            grid: Grid = {}
            try:
                rows = ws.iter_rows(max_row=max_row, max_col=max_col, values_only=True)
                for r, row in enumerate(rows, start=1):
                    for c, value in enumerate(row, start=1):
                        if value is not None and value != "":
                            grid[(r, c)] = value
            except Exception as exc:  # read_only mode parses each sheet only here
                raise ValidationError(
                    f"Arbetsboken {path.name}: bladet ”{name}” är skadat och kan inte läsas "
                    f"({type(exc).__name__})."
                ) from exc
            grids[name] = grid
    finally:
        wb.close()
    return RawWorkbook(path.name, grids)


def _describe_expected(cell: Cell) -> str:
    if cell.kind is CellKind.FORMULA:
        return f"innehålla formeln {cell.value}"
    if cell.value is None or cell.value == "":
        return "vara tom"
    return f"innehålla ”{cell.value}”"


def check_structure(raw: RawWorkbook, expected: WorkbookLayout, investigation_id: str) -> None:
    """Refuse, naming sheet and cell, anything but input cells that differs from the layout."""
    struct = raw.grids[STRUCTURE_SHEET]
    if struct.get((1, 2)) != FORMAT_ID:
        raise ValidationError(
            f"Arbetsboken {raw.name} är inte en kostnadsmodell från Utredningsstöd "
            f"(bladet ”{STRUCTURE_SHEET}”, cell B1, har fel formatmärkning)."
        )
    if struct.get((2, 2)) != investigation_id:
        raise ValidationError(
            f"Arbetsboken {raw.name} hör till en annan utredning än den här filen "
            f"(bladet ”{STRUCTURE_SHEET}”, cell B2)."
        )
    investigation_changed = struct.get((3, 2)) != expected.checksum
    for sheet, (row, col), cell in expected.checked_cells():
        found = raw.grids[sheet].get((row, col))
        if canonical(found) == canonical(cell.value):
            continue
        where = f"bladet ”{sheet}”, cell {addr(row, col)}"
        shown = "är tom" if found is None else f"innehåller ”{found}”"
        if investigation_changed:
            raise ValidationError(
                f"Arbetsboken {raw.name} stämmer inte längre med utredningen: alternativ "
                "eller skattningar har lagts till, tagits bort eller ändrats sedan "
                f"exporten ({where} skulle nu {_describe_expected(cell)} men {shown}). "
                "Exportera en ny arbetsbok och för över ändringarna dit."
            )
        what = "formeln" if cell.kind is CellKind.FORMULA else "den låsta cellen"
        raise ValidationError(
            f"Arbetsbokens struktur har ändrats: {where} {shown} men skulle "
            f"{_describe_expected(cell)}. Rader, kolumner och formler får inte flyttas, "
            f"infogas eller tas bort ({what} är ändrad); bara de gula indatacellerna får "
            "ändras. Utredningen har inte ändrats."
        )
    if investigation_changed:
        raise ValidationError(
            f"Arbetsboken {raw.name} har en kontrollsumma som inte stämmer med utredningen "
            f"(bladet ”{STRUCTURE_SHEET}”, cell B3); exportera en ny arbetsbok."
        )


def _number(raw: RawWorkbook, sheet: str, row: int, col: int, meaning: str) -> float | None:
    value = raw.grids[sheet].get((row, col))
    where = f"Bladet ”{sheet}”, cell {addr(row, col)} ({meaning})"
    if value is None:
        return None
    if isinstance(value, bool | dt.datetime | dt.date | dt.time):
        raise ValidationError(f"{where}: ”{value}” är inte ett tal.")
    if isinstance(value, int | float):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            raise ValidationError(f"{where}: värdet är inte ett ändligt tal.")
        if abs(number) > INPUT_LIMIT:
            # The cells' own data validation allows ±1E+12; a workbook written by other
            # means than Excel can hold more, which the cost model cannot compute with.
            raise ValidationError(
                f"{where}: {number:.4g} ligger utanför det tillåtna intervallet "
                f"(±{_fmt(INPUT_LIMIT)}, som indatacellerna själva kräver)."
            )
        return number
    text = str(value)
    if text.startswith("="):
        raise ValidationError(f"{where} innehåller formeln {text}; ange ett tal i indatacellen.")
    raise ValidationError(
        f"{where} innehåller texten ”{text}”, inte ett tal. Skriv talet utan enhet "
        "(t.ex. 12,5) eller lämna cellen tom."
    )


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL_TOL * max(1.0, abs(a), abs(b))


def find_changes(
    raw: RawWorkbook,
    expected: WorkbookLayout,
    names: dict[str, str],
) -> WorkbookChanges:
    """Changed inputs, validated (numbers, low ≤ base ≤ high, whole years), with conflicts
    against changes made in the app since the export refused. ``names`` labels estimates."""
    struct = raw.grids[STRUCTURE_SHEET]
    ind = expected.inputs_sheet

    def original(pos: tuple[int, int]) -> float | None:
        srow, scol = expected.originals[pos]
        value = struct.get((srow, scol))
        return (
            float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )

    def current(pos: tuple[int, int]) -> float | None:
        value = ind.cells[pos].value
        return float(value) if isinstance(value, int | float) else None

    def conflict(pos: tuple[int, int], meaning: str, was: float | None, now: float | None) -> None:
        raise ValidationError(
            f"Bladet ”{INPUT_SHEET}”, cell {addr(*pos)} ({meaning}) har ändrats både i "
            f"arbetsboken och i utredningen sedan exporten (exporterat {_fmt(was)}, i "
            f"utredningen nu {_fmt(now)}). Exportera en ny arbetsbok och för över ändringen."
        )

    rate_change: tuple[float, float] | None = None
    rate = _number(raw, INPUT_SHEET, *RATE_CELL, "diskonteringsränta")
    if rate is None:
        raise ValidationError(
            f"Bladet ”{INPUT_SHEET}”, cell {addr(*RATE_CELL)}: diskonteringsräntan saknas."
        )
    if not 0 <= rate <= RATE_LIMIT:
        raise ValidationError(
            f"Bladet ”{INPUT_SHEET}”, cell {addr(*RATE_CELL)}: diskonteringsräntan måste vara "
            f"minst 0 % och under 100 % (angiven: {rate:.4g})."
        )
    rate_orig, rate_now = original(RATE_CELL), current(RATE_CELL)
    if not _same(rate, rate_orig) and not _same(rate, rate_now):
        if not _same(rate_orig, rate_now):
            conflict(RATE_CELL, "diskonteringsränta", rate_orig, rate_now)
        rate_change = (rate_now if rate_now is not None else 0.0, rate)

    by_key: dict[tuple[str, int], dict[Scenario, tuple[int, int]]] = {}
    for pos, ref in expected.inputs.items():
        if ref.estimate_id is None or ref.year is None or ref.scenario is None:
            continue  # the discount rate
        by_key.setdefault((ref.estimate_id, ref.year), {})[ref.scenario] = pos

    changes: list[ValueChange] = []
    for (estimate_id, year), cells in by_key.items():
        label = names.get(estimate_id, estimate_id)
        new: dict[Scenario, float | None] = {}
        changed_cells: list[str] = []
        for scenario in SCENARIOS:
            pos = cells[scenario]
            meaning = f"”{label}”, {year}, {scenario.label.lower()}"
            value = _number(raw, INPUT_SHEET, *pos, meaning)
            was, now = original(pos), current(pos)
            if _same(value, was) or _same(value, now):
                # Untouched in the workbook (keep the app's value), or already imported.
                new[scenario] = now
                continue
            if not _same(was, now):
                conflict(pos, meaning, was, now)
            new[scenario] = value
            changed_cells.append(f"{INPUT_SHEET}!{addr(*pos)}")
        if not changed_cells:
            continue
        low, base, high = (new[s] for s in SCENARIOS)
        span = f"{addr(*cells[Scenario.LOW])}–{addr(*cells[Scenario.HIGH])}"
        if low is None and base is None and high is None:
            triple_new = None
        elif low is None or base is None or high is None:
            raise ValidationError(
                f"Bladet ”{INPUT_SHEET}”, cellerna {span} (”{label}”, {year}): låg, bas och "
                "hög måste alla vara ifyllda, eller alla tomma för att ta bort årets värde."
            )
        elif not in_order(low, base, high):
            raise ValidationError(
                f"Bladet ”{INPUT_SHEET}”, cellerna {span} (”{label}”, {year}): låg ≤ bas ≤ hög "
                f"gäller inte (låg {_fmt(low)}, bas {_fmt(base)}, hög {_fmt(high)})."
            )
        else:
            triple_new = (low, base, high)
        o_low, o_base, o_high = (current(cells[s]) for s in SCENARIOS)
        triple_old = (
            (o_low, o_base, o_high)
            if o_low is not None and o_base is not None and o_high is not None
            else None
        )
        changes.append(ValueChange(estimate_id, year, triple_old, triple_new, tuple(changed_cells)))
    changes.sort(key=lambda ch: (expected.estimate_rows[(ch.estimate_id, Scenario.LOW)], ch.year))
    return WorkbookChanges(rate_change, tuple(changes))


def _fmt(value: float | None) -> str:
    from utredning_app.domain.formatting import format_number

    if value is None:
        return "tomt"
    return format_number(value, 6, sep=" ").rstrip("0").rstrip(",")
