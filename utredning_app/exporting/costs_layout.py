"""The cost workbook's layout: which cell holds what (pure, no openpyxl).

The exporter writes this layout and the importer rebuilds it from the investigation to check
a returned workbook cell by cell, so both agree on every address by construction.

Sheets:

* ``Indata`` — one row per estimate and scenario (Låg/Bas/Hög), one column per horizon year;
  the yellow cells (year values and the discount rate) are the only inputs.
* ``Beräkning`` — live formulas: discount factors ``1/(1+r)^t`` with ``t = år − första år``,
  totals per option and scenario (``SUMIFS`` over Indata), undiscounted sums, present values
  (``SUMPRODUCT`` with the factors), differences against the baseline, and per actor.
* ``Struktur`` — hidden and protected: format marker, investigation id, a checksum of every
  non-input cell, the id behind each Indata row and the values as exported (to tell what
  the economist changed from what changed in the app meanwhile).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from utredning_app.domain.costs import (
    SCENARIOS,
    CostModelInput,
    EstimateData,
    OptionData,
    Scenario,
    actors_in,
    baseline_of,
    sorted_options,
)
from utredning_app.domain.enums import Actor

FORMAT_ID = "utredningsstod-kostnadsmodell-1"
INPUT_SHEET = "Indata"
CALC_SHEET = "Beräkning"
STRUCTURE_SHEET = "Struktur"
README_SHEET = "Läs mig"

RATE_CELL = (3, 2)  # Indata!B3
START_CELL = (4, 2)  # Indata!B4
HEADER_ROW = 8
FIRST_DATA_ROW = 9
# Indata columns (1-based): the SUMIFS in Beräkning look at these.
COL_OPTION, COL_NAME, COL_UNIT_NAME, COL_KIND, COL_UNIT = 1, 2, 3, 4, 5
COL_ACTOR, COL_FINANCING, COL_IN_SUM, COL_SCENARIO = 6, 7, 8, 9
FIRST_YEAR_COL = 10  # Indata: column J
CALC_FIRST_YEAR_COL = 3  # Beräkning: column C
MONEY_FORMAT = "#,##0.00"
YES = "ja"
NO = "nej"


class CellKind(StrEnum):
    TITLE = "title"
    HEADER = "header"
    LABEL = "label"
    FORMULA = "formula"
    INPUT = "input"
    ORIGINAL = "original"  # Struktur: value as exported; not part of the structure checksum
    META = "meta"  # Struktur: checksum and export time; not part of the checksum


@dataclass(frozen=True)
class Cell:
    value: str | float | int | None
    kind: CellKind
    number_format: str | None = None


@dataclass(frozen=True)
class InputRef:
    """What an input cell means: one scenario value of one estimate and year, or the rate."""

    estimate_id: str | None
    year: int | None
    scenario: Scenario | None

    @property
    def is_rate(self) -> bool:
        return self.estimate_id is None


@dataclass
class SheetLayout:
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    hidden: bool = False

    def put(
        self,
        row: int,
        col: int,
        value: str | float | int | None,
        kind: CellKind = CellKind.LABEL,
        number_format: str | None = None,
    ) -> None:
        if isinstance(value, str) and kind is not CellKind.FORMULA:
            value = clean_text(value)
        self.cells[(row, col)] = Cell(value, kind, number_format)


# The yellow input cells' data validation (Excel refuses other values while typing), and
# the bounds the import checks again, since a workbook can be written without Excel.
INPUT_LIMIT = 1e12  # mnkr, either sign
RATE_LIMIT = 0.9999  # the discount rate: 0 to 99.99 %

_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
MAX_CELL_TEXT = 32_767  # Excel's limit; longer text would be cut when Excel saves


def clean_text(text: str) -> str:
    """User text as a cell can hold it: no XML-illegal control characters, Excel's length."""
    text = text.translate(_CONTROL).replace("\r\n", "\n")
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


@dataclass
class WorkbookLayout:
    readme: SheetLayout
    inputs_sheet: SheetLayout
    calc: SheetLayout
    structure: SheetLayout
    inputs: dict[tuple[int, int], InputRef]  # Indata cells → meaning
    originals: dict[tuple[int, int], tuple[int, int]]  # Indata input cell → Struktur cell
    results: dict[tuple[str, ...], tuple[int, int]]  # result key → Beräkning cell
    estimate_rows: dict[tuple[str, Scenario], int]  # (estimate id, scenario) → Indata row
    year_cols: dict[int, int]  # year → column (same in Indata and Beräkning)
    checksum: str = ""

    @property
    def sheets(self) -> tuple[SheetLayout, ...]:
        return (self.readme, self.inputs_sheet, self.calc, self.structure)

    def checked_cells(self) -> Iterator[tuple[str, tuple[int, int], Cell]]:
        """Every cell whose content is structure (everything but inputs and metadata)."""
        for sheet in (self.inputs_sheet, self.calc, self.structure):
            for pos, cell in sorted(sheet.cells.items()):
                if cell.kind not in (CellKind.INPUT, CellKind.ORIGINAL, CellKind.META):
                    yield sheet.name, pos, cell


def col_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def ref(row: int, col: int, *, abs_row: bool = False, abs_col: bool = False) -> str:
    return f"{'$' if abs_col else ''}{col_letter(col)}{'$' if abs_row else ''}{row}"


def canonical(value: object) -> str:
    """Content as compared by the structure check (formulas without spaces, upper case
    outside string literals; numbers as repr of float; text stripped)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return f"b:{value}"
    if isinstance(value, int | float):
        return f"n:{float(value)!r}"
    text = str(value).strip()
    if not text:
        return ""
    if not text.startswith("="):  # labels: line breaks and spacing are not structure
        return "s:" + " ".join(text.split())
    out: list[str] = []
    in_string = False
    for ch in text:
        if ch == '"':
            in_string = not in_string
            out.append(ch)
        elif in_string:
            out.append(ch)
        elif not ch.isspace():
            out.append(ch.upper())
    return "f:" + "".join(out).replace("_XLFN.", "")


_CRITERIA_SPECIALS = str.maketrans({"*": "", "?": "", "~": ""})


def option_labels(options: tuple[OptionData, ...]) -> dict[str, str]:
    """A unique label per option (used as the SUMIFS key, so it must be unique)."""
    labels: dict[str, str] = {}
    used: set[str] = set()
    for o in options:
        # SUMIFS reads * ? ~ as wildcards and a leading < > = as a comparison: keep them out.
        label = (o.title or o.id).translate(_CRITERIA_SPECIALS).lstrip("<>= ") or o.id
        candidate, n = label, 2
        while candidate.casefold() in used:
            candidate, n = f"{label} ({n})", n + 1
        used.add(candidate.casefold())
        labels[o.id] = candidate
    return labels


def _estimate_order(model: CostModelInput, options: tuple[OptionData, ...]) -> list[EstimateData]:
    position = {o.id: i for i, o in enumerate(options)}
    return sorted(
        (e for e in model.estimates if e.option_id in position),
        key=lambda e: (position[e.option_id], not e.is_cost, e.kind.value, e.name, e.id),
    )


def build_layout(
    model: CostModelInput,
    *,
    investigation_id: str,
    title: str,
    diarienummer: str,
) -> WorkbookLayout:
    options = sorted_options(model.options)
    baseline = baseline_of(options)
    labels = option_labels(options)
    years = model.horizon.year_list
    year_cols = {y: FIRST_YEAR_COL + i for i, y in enumerate(years)}
    last_year_col = FIRST_YEAR_COL + len(years) - 1
    estimates = _estimate_order(model, options)

    readme = _readme(model, title, diarienummer)
    ind = SheetLayout(INPUT_SHEET)
    calc = SheetLayout(CALC_SHEET)
    struct = SheetLayout(STRUCTURE_SHEET, hidden=True)
    layout = WorkbookLayout(readme, ind, calc, struct, {}, {}, {}, {}, year_cols)

    # ------------------------------------------------------------ Indata
    ind.put(1, 1, f"Kostnadsmodell – {title}", CellKind.TITLE)
    ind.put(2, 1, f"Diarienummer {diarienummer}" if diarienummer else "", CellKind.LABEL)
    ind.put(3, 1, "Diskonteringsränta (r)")
    ind.put(*RATE_CELL, model.discount_rate, CellKind.INPUT, "0.00%")
    layout.inputs[RATE_CELL] = InputRef(None, None, None)
    ind.put(4, 1, "Första år i planeringshorisonten (t = 0)")
    ind.put(*START_CELL, model.horizon.start_year, CellKind.LABEL, "0")
    ind.put(5, 1, "Prisbasår")
    ind.put(5, 2, model.price_base_year, CellKind.LABEL, "0")
    ind.put(6, 1, "Belopp i mnkr; besparingar som negativa kostnader. Gula celler är indata.")
    headers = [
        "Alternativ",
        "Skattning",
        "Verksamhet",
        "Typ",
        "Enhet",
        "Aktör",
        "Finansiering",
        "I kostnadssumman",
        "Scenario",
        *[str(y) for y in years],
        "Antagande",
        "Källa",
    ]
    for i, h in enumerate(headers, start=1):
        ind.put(
            HEADER_ROW, i, h if i < FIRST_YEAR_COL or i > last_year_col else int(h), CellKind.HEADER
        )
    row = FIRST_DATA_ROW
    for e in estimates:
        for scenario in SCENARIOS:
            ind.put(row, COL_OPTION, labels[e.option_id])
            ind.put(row, COL_NAME, e.name)
            ind.put(row, COL_UNIT_NAME, e.provider_unit)
            ind.put(row, COL_KIND, e.kind.label)
            ind.put(row, COL_UNIT, e.unit)
            ind.put(row, COL_ACTOR, e.actor.label)
            ind.put(row, COL_FINANCING, e.financing)
            ind.put(row, COL_IN_SUM, YES if e.is_cost else NO)
            ind.put(row, COL_SCENARIO, scenario.label)
            for y in years:
                v = e.value_for(y)
                ind.put(
                    row, year_cols[y], v.get(scenario) if v else None, CellKind.INPUT, MONEY_FORMAT
                )
                layout.inputs[(row, year_cols[y])] = InputRef(e.id, y, scenario)
            ind.put(row, last_year_col + 1, e.assumption)
            ind.put(row, last_year_col + 2, e.source)
            layout.estimate_rows[(e.id, scenario)] = row
            row += 1
    last_data_row = max(row - 1, FIRST_DATA_ROW)
    ind.widths.update({1: 30, 2: 34, 3: 22, 4: 18, 5: 12, 6: 12, 7: 24, 8: 10, 9: 9})
    for c in range(FIRST_YEAR_COL, last_year_col + 1):
        ind.widths[c] = 12
    ind.widths[last_year_col + 1] = 40
    ind.widths[last_year_col + 2] = 24

    def col_range(col: int) -> str:
        return (
            f"{INPUT_SHEET}!{ref(FIRST_DATA_ROW, col, abs_row=True, abs_col=True)}:"
            f"{ref(last_data_row, col, abs_row=True, abs_col=True)}"
        )

    def values_range(col: int) -> str:
        return (
            f"{INPUT_SHEET}!{ref(FIRST_DATA_ROW, col, abs_row=True)}:"
            f"{ref(last_data_row, col, abs_row=True)}"
        )

    # ------------------------------------------------------------ Beräkning
    calc_cols = {y: CALC_FIRST_YEAR_COL + i for i, y in enumerate(years)}
    first_c, last_c = calc_cols[years[0]], calc_cols[years[-1]]
    sum_col, pv_col, extra_col = last_c + 1, last_c + 2, last_c + 3
    rate = f"{INPUT_SHEET}!{ref(*RATE_CELL, abs_row=True, abs_col=True)}"
    start = f"{INPUT_SHEET}!{ref(*START_CELL, abs_row=True, abs_col=True)}"
    calc.put(1, 1, f"Beräkning – {title}", CellKind.TITLE)
    calc.put(
        2,
        1,
        "Nuvärde = Σ belopp_t / (1 + r)^t, t = år − första år (första året diskonteras inte). "
        "Alla belopp i mnkr.",
    )
    calc.put(4, 1, "År", CellKind.HEADER)
    calc.put(5, 1, "t (år från horisontens början)")
    calc.put(6, 1, "Diskonteringsfaktor 1/(1+r)^t")
    factors = f"{ref(6, first_c, abs_row=True)}:{ref(6, last_c, abs_row=True)}"
    for y in years:
        c = calc_cols[y]
        calc.put(4, c, y, CellKind.HEADER)
        calc.put(5, c, f"={ref(4, c)}-{start}", CellKind.FORMULA, "0")
        calc.put(6, c, f"=1/(1+{rate})^{ref(5, c)}", CellKind.FORMULA, "0.000000")
        layout.results[("factor", str(y))] = (6, c)

    def block_header(r: int, heading: str, first: str, second: str, extra: str | None) -> None:
        calc.put(r, 1, heading, CellKind.TITLE)
        calc.put(r + 1, 1, first, CellKind.HEADER)
        calc.put(r + 1, 2, second, CellKind.HEADER)
        for y in years:
            calc.put(r + 1, calc_cols[y], y, CellKind.HEADER)
        calc.put(r + 1, sum_col, "Summa", CellKind.HEADER)
        calc.put(r + 1, pv_col, "Nuvärde", CellKind.HEADER)
        if extra:
            calc.put(r + 1, extra_col, extra, CellKind.HEADER)

    def sum_and_pv(r: int) -> None:
        span = f"{ref(r, first_c)}:{ref(r, last_c)}"
        calc.put(r, sum_col, f"=SUM({span})", CellKind.FORMULA, MONEY_FORMAT)
        calc.put(r, pv_col, f"=SUMPRODUCT({span},{factors})", CellKind.FORMULA, MONEY_FORMAT)

    r = 8
    block_header(r, "Kostnader per alternativ (mnkr)", "Alternativ", "Scenario", None)
    r += 2
    total_rows: dict[tuple[str, Scenario], int] = {}
    for o in options:
        for scenario in SCENARIOS:
            calc.put(r, 1, labels[o.id])
            calc.put(r, 2, scenario.label)
            for y in years:
                c = calc_cols[y]
                formula = (
                    f"=SUMIFS({values_range(year_cols[y])},{col_range(COL_OPTION)},"
                    f"{ref(r, 1, abs_col=True)},{col_range(COL_SCENARIO)},"
                    f'{ref(r, 2, abs_col=True)},{col_range(COL_IN_SUM)},"{YES}")'
                )
                calc.put(r, c, formula, CellKind.FORMULA, MONEY_FORMAT)
                layout.results[("total", o.id, scenario.value, str(y))] = (r, c)
            sum_and_pv(r)
            layout.results[("total", o.id, scenario.value, "sum")] = (r, sum_col)
            layout.results[("total", o.id, scenario.value, "pv")] = (r, pv_col)
            total_rows[(o.id, scenario)] = r
            r += 1

    r += 1
    block_header(
        r,
        f"Skillnad mot nollalternativet ({labels[baseline.id]}), alternativ − nollalternativ",
        "Alternativ",
        "Scenario",
        None,
    )
    r += 2
    for o in options:
        if o.id == baseline.id:
            continue
        for scenario in SCENARIOS:
            calc.put(r, 1, labels[o.id])
            calc.put(r, 2, scenario.label)
            own, base = total_rows[(o.id, scenario)], total_rows[(baseline.id, scenario)]
            for y in years:
                c = calc_cols[y]
                calc.put(r, c, f"={ref(own, c)}-{ref(base, c)}", CellKind.FORMULA, MONEY_FORMAT)
                layout.results[("diff", o.id, scenario.value, str(y))] = (r, c)
            sum_and_pv(r)
            layout.results[("diff", o.id, scenario.value, "sum")] = (r, sum_col)
            layout.results[("diff", o.id, scenario.value, "pv")] = (r, pv_col)
            r += 1

    actors = actors_in(model)
    if actors:
        r += 1
        block_header(
            r,
            "Per aktör (mnkr), med finansiering",
            "Alternativ",
            "Aktör / scenario",
            "Nuvärde, skillnad mot nollalternativet",
        )
        calc.put(r + 1, extra_col + 1, "Finansiering", CellKind.HEADER)
        r += 2
        actor_rows: dict[tuple[str, Actor, Scenario], int] = {}
        financings: dict[tuple[str, Actor], set[str]] = {}
        for e in estimates:
            if e.is_cost and e.financing.strip():
                financings.setdefault((e.option_id, e.actor), set()).add(e.financing.strip())
        for o in options:
            for actor in actors:
                financing = "; ".join(sorted(financings.get((o.id, actor), ())))
                for scenario in SCENARIOS:
                    calc.put(r, 1, labels[o.id])
                    calc.put(r, 2, f"{actor.label} – {scenario.label.lower()}")
                    calc.put(r, extra_col + 1, financing)
                    for y in years:
                        c = calc_cols[y]
                        formula = (
                            f"=SUMIFS({values_range(year_cols[y])},{col_range(COL_OPTION)},"
                            f"{ref(r, 1, abs_col=True)},"
                            f'{col_range(COL_ACTOR)},"{actor.label}",'
                            f'{col_range(COL_SCENARIO)},"{scenario.label}",'
                            f'{col_range(COL_IN_SUM)},"{YES}")'
                        )
                        calc.put(r, c, formula, CellKind.FORMULA, MONEY_FORMAT)
                    sum_and_pv(r)
                    layout.results[("actor", o.id, actor.value, scenario.value, "pv")] = (
                        r,
                        pv_col,
                    )
                    actor_rows[(o.id, actor, scenario)] = r
                    r += 1
        for (oid, actor, scenario), ar in actor_rows.items():
            if oid == baseline.id:
                continue
            br = actor_rows[(baseline.id, actor, scenario)]
            calc.put(
                ar,
                extra_col,
                f"={ref(ar, pv_col)}-{ref(br, pv_col)}",
                CellKind.FORMULA,
                MONEY_FORMAT,
            )
            layout.results[("actor_diff", oid, actor.value, scenario.value, "pv")] = (ar, extra_col)
    calc.widths.update({1: 34, 2: 22})
    for c in range(first_c, extra_col + 2):
        calc.widths[c] = 13
    calc.widths[extra_col] = 22
    calc.widths[extra_col + 1] = 34

    # ------------------------------------------------------------ Struktur
    struct.put(1, 1, "format")
    struct.put(1, 2, FORMAT_ID)
    struct.put(2, 1, "utredning")
    struct.put(2, 2, investigation_id)
    struct.put(3, 1, "kontrollsumma")
    struct.put(4, 1, "exporterad")
    struct.put(5, 1, "diskonteringsränta vid export")
    struct.put(5, 2, model.discount_rate, CellKind.ORIGINAL)
    layout.originals[RATE_CELL] = (5, 2)
    struct.put(7, 1, "Indata-rad", CellKind.HEADER)
    struct.put(7, 2, "skattning", CellKind.HEADER)
    struct.put(7, 3, "scenario", CellKind.HEADER)
    for y in years:
        struct.put(7, 3 + year_cols[y] - FIRST_YEAR_COL + 1, y, CellKind.HEADER)
    srow = 8
    for e in estimates:
        for scenario in SCENARIOS:
            irow = layout.estimate_rows[(e.id, scenario)]
            struct.put(srow, 1, irow)
            struct.put(srow, 2, e.id)
            struct.put(srow, 3, scenario.value)
            for y in years:
                v = e.value_for(y)
                scol = 3 + year_cols[y] - FIRST_YEAR_COL + 1
                struct.put(srow, scol, v.get(scenario) if v else None, CellKind.ORIGINAL)
                layout.originals[(irow, year_cols[y])] = (srow, scol)
            srow += 1
    opt_col = 5 + len(years)
    struct.put(7, opt_col, "alternativ", CellKind.HEADER)
    struct.put(7, opt_col + 1, "alternativ-id", CellKind.HEADER)
    for i, o in enumerate(options):
        struct.put(8 + i, opt_col, labels[o.id])
        struct.put(8 + i, opt_col + 1, o.id)

    layout.checksum = structure_checksum(layout)
    struct.put(3, 2, layout.checksum, CellKind.META)
    return layout


def structure_checksum(layout: WorkbookLayout) -> str:
    digest = hashlib.sha256()
    for sheet, (row, col), cell in layout.checked_cells():
        digest.update(f"{sheet}\x1f{row}\x1f{col}\x1f{canonical(cell.value)}\x1e".encode())
    return digest.hexdigest()


def _readme(model: CostModelInput, title: str, diarienummer: str) -> SheetLayout:
    sheet = SheetLayout(README_SHEET)
    lines = [
        (f"Kostnadsmodell – {title}", CellKind.TITLE),
        (f"Diarienummer: {diarienummer or '–'}", CellKind.LABEL),
        ("", CellKind.LABEL),
        ("Så här används arbetsboken", CellKind.HEADER),
        (
            "Bladet Indata har en rad per skattning och scenario (låg, bas, hög) och en kolumn "
            "per år. Gula celler är indata och får ändras; allt annat är låst.",
            CellKind.LABEL,
        ),
        (
            "Bladet Beräkning räknar med formler: summor per alternativ och år, nuvärde och "
            "skillnad mot nollalternativet, samt per aktör med finansiering.",
            CellKind.LABEL,
        ),
        (
            "Ändrade värden läses tillbaka med: utredning import kostnader UTREDNING.utredning "
            "DEN_HÄR_FILEN.xlsx (med --torrkorning visas bara ändringarna).",
            CellKind.LABEL,
        ),
        (
            "Flytta, infoga eller ta inte bort rader, kolumner eller formler: då vägras "
            "återläsningen, eftersom det inte längre går att veta vilken skattning en cell avser.",
            CellKind.LABEL,
        ),
        ("", CellKind.LABEL),
        ("Konventioner", CellKind.HEADER),
        (
            f"Belopp i mnkr i {model.price_base_year or 'utredningens'} års priser; "
            "besparingar anges som negativa kostnader.",
            CellKind.LABEL,
        ),
        (
            f"Nuvärde = Σ belopp_t / (1 + r)^t där t = år − {model.horizon.start_year}; det "
            "första året diskonteras alltså inte.",
            CellKind.LABEL,
        ),
        (
            "Låg/bas/hög-summorna är summan av alla skattningars låga, bas- respektive höga "
            "värden: ett intervall, inte en sannolikhet. Sannolikheter (P10/P50/P90) finns i "
            "programmets Monte Carlo-simulering.",
            CellKind.LABEL,
        ),
        (
            "Skillnaden mot nollalternativet räknas scenario för scenario: alternativ − "
            "nollalternativ; positivt betyder att alternativet kostar mer än dagens modell.",
            CellKind.LABEL,
        ),
        (
            "Engångskostnader kan sakna värden för vissa år (räknas som 0); årliga kostnader "
            "måste ha värden för varje år.",
            CellKind.LABEL,
        ),
    ]
    for i, (text, kind) in enumerate(lines, start=1):
        sheet.put(i, 1, text, kind)
    sheet.widths[1] = 120
    return sheet
