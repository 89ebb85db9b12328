"""The building blocks of the reports: one function per kind of content.

Each block writes into the document of a ``BuildContext`` and returns how many elements it
wrote (0 = nothing to say, so an empty chapter can be dropped or marked in a draft). Outlines
(``exports/outlines/*.toml``) name blocks by their Swedish ``typ`` and pass parameters.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from utredning_app.domain.enums import (
    ConsulteeType,
    CriterionKind,
    DissentKind,
    EstimateKind,
    ReportKind,
    StanceKind,
)
from utredning_app.domain.formatting import format_date, format_number
from utredning_app.domain.report_model import (
    ConsulteeData,
    OptionData,
    ProposalData,
    ReportData,
    RoundData,
)
from utredning_app.exporting.docx_helpers import CaptionCounter, clean, fast_run, keep_with_next
from utredning_app.exporting.fast_table import add_table
from utredning_app.exporting.markdown_docx import (
    MarkdownWriter,
    StyleNames,
    markdown_to_plain,
    no_break_numbers,
)

if TYPE_CHECKING:
    from utredning_app.exporting.cost_tables import TextTable

T = TypeVar("T")
FIGURE_WIDTH_CM = 16.0  # the text width of the template's A4 page


class Cancelled(Exception):
    """The user cancelled the export."""


@dataclass(frozen=True)
class PendingChart:
    """A chart being drawn by the chart worker (``exporting/chart_jobs.py``)."""

    future: Future[bytes]
    fn: Callable[..., bytes]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


@dataclass
class BuildContext:
    document: Any
    data: ReportData
    kind: ReportKind
    styles: StyleNames
    md: MarkdownWriter
    captions: CaptionCounter = field(default_factory=CaptionCounter)
    draft: bool = False
    chapter_level: int = 1
    cancelled: Callable[[], bool] = lambda: False
    _costs: Any = None
    _background: dict[str, Future[Any]] = field(default_factory=dict)
    # Swedish notes for the person exporting (e.g. a memo past four pages, no signatory).
    warnings: list[str] = field(default_factory=list)
    _table_size: float | None = None
    _figures: list[tuple[Any, bytes | PendingChart, str, str]] = field(default_factory=list)
    _table_font: str | None = None

    def start(self, key: str, work: Callable[[], Any]) -> None:
        """Start ``work`` in a background thread now; ``result(key, …)`` collects it later.

        For number crunching that releases the GIL (numpy), so it overlaps with the
        document being written in the meantime.
        """
        if key not in self._background:
            self._background[key] = _background_pool().submit(work)

    def result(self, key: str, work: Callable[[], T]) -> T:
        """The result of ``start(key, …)`` (its exception re-raised), or ``work()`` now."""
        future = self._background.get(key)
        if future is None:
            return work()
        result: T = future.result()
        return result

    def cost_figures(self) -> Any:
        """The cost model's figures, computed once per document (several blocks use them)."""
        if self._costs is None:
            from utredning_app.exporting.cost_figures import cost_figures

            self._costs = cost_figures(self.data)
        return self._costs

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def heading(self, text: str, depth: int = 1) -> Any:
        """A heading ``depth`` levels below the chapter level (0 = chapter level)."""
        return self.md.par(self.document, self.styles.heading(self.chapter_level + depth), text)

    def styled(self, style_name: str, text: str = "") -> Any:
        return self.md.par(self.document, style_name, text)

    def paragraph(self, text: str = "", *, italic: bool = False, bold: bool = False) -> Any:
        paragraph = self.md.par(self.document, self.styles.normal)
        if text:
            fast_run(paragraph, text, italic=italic, bold=bold)
        return paragraph

    def markdown(self, text: str, depth: int = 1) -> int:
        return self.md.write(text, heading_level=self.chapter_level + depth)

    def caption(self, label: str, text: str) -> None:
        keep_with_next(
            self.captions.add(self.document, label, text, style_id=self.md.ids(self.styles.caption))
        )

    def table(
        self,
        headers: list[str],
        rows: list[list[str]] | Any,
        *,
        numeric: tuple[int, ...] = (),
    ) -> None:
        """A table in the template's table style (its font size, ``--mall``), columns as wide
        as their content needs; too wide for the page, it is split into tables that each
        repeat the first column."""
        from utredning_app.exporting import table_layout as tl

        rows = rows if isinstance(rows, list) else list(rows)
        size = self.table_font_size()
        needs = tl.column_needs(headers, rows, size or 9.0)
        widths = tl.fit_widths(needs)
        groups = [list(range(len(headers)))] if widths is not None else tl.split_columns(needs)
        for part, columns in enumerate(groups):
            if part:
                more = ", ".join(headers[i].replace("\u00ad", "") for i in columns[1:])
                self.paragraph(f"Tabellen fortsätter med kolumnerna {more}.", italic=True)
            sub_needs = [needs[i] for i in columns]
            sub_widths = widths if widths is not None else tl.fit_widths(sub_needs)
            add_table(
                self.document,
                [headers[i] for i in columns],
                [[row[i] if i < len(row) else "" for i in columns] for row in rows]
                if len(groups) > 1
                else rows,
                style=self.styles.table,
                widths_cm=sub_widths,
                numeric_columns=tuple(columns.index(i) for i in numeric if i in columns),
                font_size_pt=size,
                font_name=self.table_font(),
            )
            # A little air after a table (Word glues the next paragraph to it otherwise).
            spacer = self.md.par(self.document, self.styles.normal)
            spacer.paragraph_format.space_after = 0

    def table_font(self) -> str | None:
        """The font of the template's table style: set on the runs, since the Normal style's
        font would otherwise win over the table style's in Word and LibreOffice."""
        if self._table_font is None:
            from docx.oxml.ns import qn

            name = ""
            try:
                rpr = self.document.styles[self.styles.table].element.find(qn("w:rPr"))
                fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
                if fonts is not None:
                    name = str(fonts.get(qn("w:ascii")) or "")
            except KeyError:
                name = ""
            self._table_font = name
        return self._table_font or None

    def table_font_size(self) -> float | None:
        """The font size of the template's table style (None: the style sets none)."""
        if self._table_size is None:
            from docx.oxml.ns import qn

            size = 0.0
            try:
                style = self.document.styles[self.styles.table]
                rpr = style.element.find(qn("w:rPr"))
                sz = rpr.find(qn("w:sz")) if rpr is not None else None
                if sz is not None:
                    size = int(sz.get(qn("w:val"))) / 2
            except (KeyError, ValueError, TypeError):
                size = 0.0
            self._table_size = size
        return self._table_size or None

    def text_table(self, table: TextTable) -> None:
        """A ready-formatted table (``exporting.cost_tables.TextTable``) with its caption and
        note."""
        self.caption("Tabell", table.title)
        self.table(
            list(table.header),
            [list(row) for row in table.rows],
            numeric=tuple(table.numeric_columns),
        )
        if table.note:
            self.paragraph(table.note, italic=True)

    def chart(self, fn: Callable[..., bytes], *args: Any, **kwargs: Any) -> PendingChart:
        """Draw a chart (a module-level ``*_png`` function) in the chart worker process; the
        picture is put in place when the document is finished (``place_figures``)."""
        from utredning_app.exporting import chart_jobs

        return PendingChart(chart_jobs.submit(fn, *args, **kwargs), fn, args, kwargs)

    def figure(
        self, png: bytes | PendingChart, caption: str, alt: str, *, title: str | None = None
    ) -> None:
        """A chart, centred at full text width, with alt text (``title`` defaults to the
        caption) and its numbered caption below."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = self.styled(self.styles.normal)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        keep_with_next(paragraph)
        self._figures.append((paragraph, png, alt, title or caption))
        self.caption("Figur", caption)

    def place_figures(self) -> None:
        """Put every chart's picture into its paragraph (waiting for the worker's drawings)."""
        from docx.oxml.shape import CT_Inline
        from docx.shared import Cm

        from utredning_app.exporting import chart_jobs

        if not self._figures:
            return
        part = self.document.part
        # python-docx finds a free drawing id by searching the whole document for each
        # picture; one search, then counting up.
        shape_id = int(part.next_id)
        for paragraph, png, alt, title in self._figures:
            self.check()
            if isinstance(png, PendingChart):
                png = chart_jobs.result(png.future, png.fn, *png.args, **png.kwargs)
            r_id, image = part.get_or_add_image(io.BytesIO(png))
            cx, cy = image.scaled_dimensions(Cm(FIGURE_WIDTH_CM), None)
            inline = CT_Inline.new_pic_inline(shape_id, r_id, image.filename, cx, cy)
            shape_id += 1
            paragraph.add_run()._r.add_drawing(inline)
            inline.docPr.set("descr", clean(alt))
            inline.docPr.set("title", clean(title))
        self._figures.clear()

    def proposals(self) -> list[ProposalData]:
        return self.data.proposals_for(self.kind)


@cache
def _background_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="rapport")


BlockFn = Callable[[BuildContext, dict[str, Any]], int]
PrefetchFn = Callable[[BuildContext, dict[str, Any]], None]


@dataclass(frozen=True)
class BlockSpec:
    fn: BlockFn
    params: tuple[str, ...]
    help: str
    prefetch: PrefetchFn | None = None  # called for every use in the outline before writing


BLOCKS: dict[str, BlockSpec] = {}


def block(
    name: str, *params: str, help: str, prefetch: PrefetchFn | None = None
) -> Callable[[BlockFn], BlockFn]:
    def register(fn: BlockFn) -> BlockFn:
        BLOCKS[name] = BlockSpec(fn, params, help, prefetch)
        return fn

    return register


def _mnkr(value: float) -> str:
    return format_number(value, 1)


def _report_kind(value: Any, default: ReportKind) -> ReportKind:
    return ReportKind(value) if isinstance(value, str) and value else default


# ------------------------------------------------------------------ prose


@block(
    "text", "nyckel", "reserv", "rapport", "rubrik", help="ett textavsnitt (Markdown) med nyckeln"
)
def text_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """The section with ``nyckel`` (from the report ``rapport``, else this document's report,
    else any report); ``reserv`` names a section to use when that one is missing."""
    prefer = _report_kind(params.get("rapport"), ctx.kind)
    section = ctx.data.section(str(params.get("nyckel", "")), prefer)
    if (section is None or not section.body_md.strip()) and params.get("reserv"):
        section = ctx.data.section(str(params["reserv"]), prefer)
    if section is None or not section.body_md.strip():
        return 0
    if params.get("rubrik"):
        ctx.heading(str(params["rubrik"]))
    return ctx.markdown(section.body_md)


@block("rubrik", "text", help="en underrubrik i kapitlet")
def heading_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    ctx.heading(str(params.get("text", "")))
    return 0  # a heading alone does not make a chapter non-empty


@block("uppdraget", help="direktivet och vem som gav uppdraget")
def directive_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    inv = ctx.data.investigation
    written = 0
    if inv.commissioned_by or inv.decided_on:
        parts = []
        if inv.commissioned_by:
            parts.append(f"{inv.commissioned_by} gav uppdraget")
        if inv.decided_on:
            parts.append(f"genom beslut {format_date(inv.decided_on)}")
        if inv.diarienummer:
            parts.append(f"(dnr {inv.diarienummer})")
        ctx.paragraph(" ".join(parts) + ".")
        written += 1
    if inv.directive_md.strip():
        written += ctx.markdown(inv.directive_md)
    return written


# ------------------------------------------------------------------ nuläge and options


@block("nulage", "beskrivningar", help="de egenägda verksamheterna med juridisk form")
def providers_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    providers = ctx.data.providers
    if not providers:
        return 0
    ctx.caption("Tabell", "Regionens egenägda verksamheter och hur de styrs i dag")
    ctx.table(
        ["Verksamhet", "Juridisk form", "Styrs av", "Anställda", "Omsättning, mnkr"],
        [
            [
                p.name,
                p.legal_form.label,
                p.governed_by,
                format_number(p.employees, 0) if p.employees is not None else "–",
                _mnkr(p.turnover_mnkr) if p.turnover_mnkr is not None else "–",
            ]
            for p in providers
        ],
        numeric=(3, 4),
    )
    written = 1
    described = [p for p in providers if p.description_md.strip()]
    if params.get("beskrivningar", True) and described:
        ctx.heading("Verksamheterna")
        for p in described:
            ctx.heading(f"{p.name} ({p.legal_form.label.lower()})", 2)
            written += ctx.markdown(p.description_md, depth=3)
    return written


@block("alternativ", "delar", help="styrmodellerna med beskrivning, juridik och effekter")
def options_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    parts = list(params.get("delar", ["beskrivning", "juridik", "effekter"]))
    if parts in (["juridik"], ["effekter"]):
        return _option_aspect(ctx, parts[0])
    written = 0
    for option in ctx.data.options:
        ctx.check()
        ctx.heading(_option_title(option))
        written += 1
        if "beskrivning" in parts:
            written += ctx.markdown(option.description_md, depth=2)
        if "juridik" in parts and option.legal_aspects_md.strip():
            ctx.heading("Legala aspekter", 2)
            written += ctx.markdown(option.legal_aspects_md, depth=3)
        if "effekter" in parts and option.effects_md.strip():
            ctx.heading("Effekter", 2)
            written += ctx.markdown(option.effects_md, depth=3)
    return written


def _option_title(option: OptionData) -> str:
    named = "nollalternativ" in option.name.casefold()
    suffix = " (nollalternativ)" if option.is_baseline and not named else ""
    return f"{option.code}. {option.name}{suffix}" if option.code else option.name


def _option_aspect(ctx: BuildContext, part: str) -> int:
    """One aspect of every option (under a chapter sub-heading such as "Legala aspekter")."""
    written = 0
    for option in ctx.data.options:
        text = option.legal_aspects_md if part == "juridik" else option.effects_md
        if not text.strip():
            continue
        ctx.heading(_option_title(option), 2)
        written += ctx.markdown(text, depth=3)
    return written


# ------------------------------------------------------------------ appraisal


MATRIX_MAX_COLUMNS = 8


def _score(value: float | None) -> str:
    if value is None:
        return "–"
    return format_number(value, 0 if value == int(value) else 1)


@block("bedomningsmatris", help="bedömningsmatrisen: bedömningsgrund × alternativ")
def matrix_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    data = ctx.data
    if not data.options or not data.criteria or not data.assessments:
        return 0
    inv = data.investigation
    total_weight = sum(c.weight for c in data.criteria) or 1.0
    weighted: dict[str, float | None] = {}
    for option in data.options:
        scores = [data.assessments.get((option.id, c.id)) for c in data.criteria]
        if all(a is not None and a.score is not None for a in scores):
            weighted[option.id] = (
                sum(
                    a.score * c.weight
                    for a, c in zip(scores, data.criteria, strict=True)
                    if a and a.score is not None
                )
                / total_weight
            )
        else:
            weighted[option.id] = None
    caption = (
        f"Bedömning av alternativen (skala {inv.score_min}–{inv.score_max}; "
        "viktat medelvärde med bedömningsgrundernas vikter)"
    )
    options = data.options
    if len(options) <= MATRIX_MAX_COLUMNS:
        # Criteria as rows, options as columns (by code): long criterion names fit.
        codes = [o.code or str(i) for i, o in enumerate(options, start=1)]
        rows = [
            [
                c.name,
                format_number(c.weight, 1),
                *[_score(_assessment_score(data, o.id, c.id)) for o in options],
            ]
            for c in data.criteria
        ]
        rows.append(["Viktat medelvärde", "", *[format_number(weighted[o.id], 1) for o in options]])
        ctx.caption("Tabell", caption)
        n = len(options)
        ctx.table(
            ["Bedömningsgrund", "Vikt", *codes],
            rows,
            numeric=tuple(range(1, n + 2)),
        )
        legend = "; ".join(f"{code} = {o.name}" for code, o in zip(codes, options, strict=True))
        ctx.paragraph(f"Alternativ: {legend}.", italic=True)
        return 1
    headers = ["Alternativ", *[c.name for c in data.criteria], "Viktat"]
    rows = [
        [
            o.name,
            *[_score(_assessment_score(data, o.id, c.id)) for c in data.criteria],
            format_number(weighted[o.id], 1),
        ]
        for o in options
    ]
    n = len(data.criteria)
    ctx.caption("Tabell", caption)
    ctx.table(
        headers,
        rows,
        numeric=tuple(range(1, n + 2)),
    )
    return 1


def _assessment_score(data: ReportData, option_id: str, criterion_id: str) -> float | None:
    a = data.assessments.get((option_id, criterion_id))
    return a.score if a is not None else None


_KIND_ALIASES = {
    "legal": CriterionKind.LEGAL,
    "juridik": CriterionKind.LEGAL,
    "kapacitet": CriterionKind.CAPACITY,
    "kvalitet": CriterionKind.QUALITY,
    "kostnad": CriterionKind.COST,
    "omvardnad": CriterionKind.NURSING,
    "ovrigt": CriterionKind.OTHER,
}


def _criterion_kind(value: Any) -> CriterionKind:
    text = str(value or "").casefold()
    if text in _KIND_ALIASES:
        return _KIND_ALIASES[text]
    return CriterionKind(text)


@block("bedomningar", "kriterium", help="bedömningarna per alternativ för en bedömningsgrund")
def assessments_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    kind = _criterion_kind(params.get("kriterium"))
    data = ctx.data
    written = 0
    for criterion in (c for c in data.criteria if c.kind == kind):
        if criterion.description_md.strip():
            written += ctx.markdown(criterion.description_md, depth=2)
        for option in data.options:
            a = data.assessments.get((option.id, criterion.id))
            if a is None or not (a.rationale_md.strip() or a.score is not None):
                continue
            paragraph = ctx.paragraph()
            label = option.name
            if a.score is not None:
                label += (
                    f" (bedömning {format_number(a.score, 0 if a.score == int(a.score) else 1)})"
                )
            fast_run(paragraph, clean(label) + ". ", bold=True)
            fast_run(paragraph, clean(markdown_to_plain(a.rationale_md)))
            if a.source:
                fast_run(paragraph, f" Källa: {clean(a.source)}.", italic=True)
            written += 1
    return written


# ------------------------------------------------------------------ costs and quality


@block(
    "kostnader",
    "diagram",
    "nuvarde",
    help="kostnader per alternativ och år med intervall och diagram "
    "(nuvarde = false när blocket nuvarde följer och visar nuvärdestabellen)",
)
def costs_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.exporting.cost_tables import cost_table

    figures = ctx.cost_figures()
    costs = [c for c in figures.options if any(c.base) or any(c.high)]
    if not costs:
        return 0
    years = costs[0].years
    inv = ctx.data.investigation
    ctx.caption(
        "Tabell",
        f"Kostnader per alternativ och år, basnivå (mnkr, prisnivå {inv.price_base_year})",
    )
    ctx.table(
        ["Alternativ", *[str(y) for y in years], "Summa"],
        [[c.name, *[_mnkr(v) for v in c.base], _mnkr(c.total_base)] for c in costs],
        numeric=tuple(range(1, len(years) + 2)),
    )
    if figures.summary is not None:
        if params.get("nuvarde", True):
            ctx.text_table(cost_table(figures.summary))
    else:
        _simple_totals(ctx, costs)
        ctx.paragraph(
            f"Kostnadsmodellen är inte komplett, därför visas enkla summor utan nuvärden: "
            f"{figures.problem}",
            italic=True,
        )
    if params.get("diagram", True):
        _cost_chart(ctx, costs)
    return 2


def _simple_totals(ctx: BuildContext, costs: list[Any]) -> None:
    years = costs[0].years
    baseline = next((c for c in costs if c.is_baseline), None)
    rows = []
    for c in costs:
        diff = "–"
        if baseline is not None and not c.is_baseline:
            delta = c.total_base - baseline.total_base
            diff = ("+" if delta > 0 else "") + _mnkr(delta)
        rows.append([c.name, _mnkr(c.total_low), _mnkr(c.total_base), _mnkr(c.total_high), diff])
    ctx.caption(
        "Tabell",
        f"Kostnader {years[0]}–{years[-1]} med osäkerhetsintervall och skillnad mot "
        "nollalternativet (mnkr)",
    )
    ctx.table(
        ["Alternativ", "Låg", "Bas", "Hög", "Skillnad mot nollalternativet (bas)"],
        rows,
        numeric=(1, 2, 3, 4),
    )


MAX_CHART_SERIES = 6


def _cost_chart(ctx: BuildContext, costs: list[Any]) -> None:
    from utredning_app.exporting.charts import RangeSeries, range_chart_png

    # A readable chart has few lines: the baseline and the options that cost least.
    if len(costs) <= MAX_CHART_SERIES:
        shown = costs
    else:
        baseline = [c for c in costs if c.is_baseline][:1]
        others = sorted((c for c in costs if not c.is_baseline), key=lambda c: c.total_base)
        keep = {id(c) for c in baseline + others[: MAX_CHART_SERIES - len(baseline)]}
        shown = [c for c in costs if id(c) in keep]
    series = [
        RangeSeries(c.name, c.years, c.low, c.base, c.high, dashed=c.is_baseline) for c in shown
    ]
    png = ctx.chart(
        range_chart_png,
        series,
        title="Kostnad per år (bas, med intervall låg–hög)",
        y_label="mnkr",
    )
    lines = [
        f"{c.name}: {_mnkr(c.base[0])}\u00a0mnkr {c.years[0]} och {_mnkr(c.base[-1])}\u00a0mnkr "
        f"{c.years[-1]} (intervall {_mnkr(c.total_low)}–{_mnkr(c.total_high)}\u00a0mnkr för "
        "perioden)"
        for c in shown
    ]
    rest = ""
    if len(shown) < len(costs):
        rest = (
            f"Diagrammet visar nollalternativet och de {len(shown) - 1} alternativ som kostar "
            f"minst över perioden; alla {len(costs)} alternativ finns i tabellen."
        )
    ctx.figure(
        png,
        "Kostnad per år och alternativ; skuggat område visar intervallet låg–hög",
        "Linjediagram över kostnaden per år för varje alternativ. "
        + "; ".join(lines)
        + "."
        + (f" {rest}" if rest else ""),
        title="Kostnad per alternativ och år",
    )
    if rest:
        ctx.paragraph(rest, italic=True)


@block("kostnader_aktor", help="kostnader och finansiering per aktör (14 § kommittéförordningen)")
def costs_by_actor_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.exporting.cost_tables import actor_table

    figures = ctx.cost_figures()
    if figures.summary is None:
        return 0
    table = actor_table(figures.summary)
    if not table.rows:
        return 0
    ctx.text_table(table)
    return 1


@block("skattningar", "slag", help="kapacitets- eller kvalitetsskattningar med intervall")
def estimates_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    kind = {
        "kvalitet": EstimateKind.QUALITY,
        "kapacitet": EstimateKind.CAPACITY,
    }.get(str(params.get("slag", "kvalitet")), EstimateKind.QUALITY)
    model = ctx.data.cost_model
    pool = model.estimates if model is not None else ()
    estimates = [e for e in pool if e.kind == kind and e.values]
    if not estimates:
        return 0
    names = {o.id: o.name for o in ctx.data.options}
    order = {o.id: i for i, o in enumerate(ctx.data.options)}
    estimates.sort(key=lambda e: (e.name, order.get(e.option_id, 99)))
    rows = []
    for e in estimates:
        last = e.values[-1]
        rows.append(
            [
                e.name,
                names.get(e.option_id, ""),
                e.unit,
                str(last.year),
                format_number(last.base, 1),
                f"{format_number(last.low, 1)}–{format_number(last.high, 1)}",
                e.source or "–",
            ]
        )
    ctx.caption("Tabell", f"{kind.label}: skattningar per alternativ (sista året i perioden)")
    ctx.table(
        ["Indikator", "Alternativ", "Enhet", "År", "Bas", "Intervall", "Källa"],
        rows,
        numeric=(3, 4, 5),
    )
    return 1


# ------------------------------------------------------------------ proposals


def _proposal_heading(ctx: BuildContext, proposal: ProposalData, depth: int) -> None:
    ctx.heading(f"{proposal.label}. {proposal.title}", depth)


@block("forslag", "motivering", "rubriker", help="förslagen till beslut, numrerade")
def proposals_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    proposals = ctx.proposals()
    if not proposals:
        return 0
    as_headings = bool(params.get("rubriker", False))
    with_rationale = bool(params.get("motivering", False))
    for p in proposals:
        ctx.check()
        if as_headings:
            _proposal_heading(ctx, p, 1)
        else:
            paragraph = ctx.paragraph()
            fast_run(paragraph, f"{p.label}. {clean(p.title)}", bold=True)
            keep_with_next(paragraph)
        ctx.markdown(p.text_md, depth=2)
        if with_rationale and p.rationale_md.strip():
            ctx.heading("Skälen för förslaget", 2) if as_headings else None
            ctx.markdown(p.rationale_md, depth=3)
    return len(proposals)


@block("forslag_lista", help="förslagen som en numrerad beslutslista (tjänsteutlåtande)")
def proposal_list_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from docx.shared import Cm

    proposals = ctx.proposals()
    # A decision list is numbered 1, 2, 3 …; where that differs from the proposal's own number
    # (kept since the delrapport) the proposal is named so the two can be matched.
    renumbered = [p.number for p in proposals] != list(range(1, len(proposals) + 1))
    for index, p in enumerate(proposals, start=1):
        paragraph = ctx.paragraph()
        fmt = paragraph.paragraph_format
        fmt.left_indent = Cm(0.8)
        fmt.first_line_indent = Cm(-0.8)
        body = (markdown_to_plain(p.text_md) or p.title).rstrip()
        fast_run(paragraph, f"{index}.\t{clean(body)}")
        if renumbered:
            fast_run(paragraph, f" (utredningens förslag {p.number})", italic=True)
    return len(proposals)


@block(
    "forslag_motiveringar",
    "utom_om_text",
    help="kort motivering per förslag (utelämnas om avsnittet utom_om_text finns)",
)
def proposal_rationales_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    key = params.get("utom_om_text")
    if key:
        existing = ctx.data.section(str(key), ctx.kind)
        if existing is not None and existing.body_md.strip():
            return 0
    written = 0
    for p in ctx.proposals():
        text = markdown_to_plain(p.rationale_md)
        if not text:
            continue
        paragraph = ctx.paragraph()
        fast_run(paragraph, f"{p.label}. ", bold=True)
        fast_run(paragraph, clean(text))
        written += 1
    return written


# ------------------------------------------------------------------ remiss


def _round(ctx: BuildContext) -> RoundData | None:
    return ctx.data.latest_round()


STANCE_ORDER = tuple(StanceKind)  # för, för med synpunkter, mot, ingen erinran, avstår


def _answered(rnd: RoundData) -> list[ConsulteeData]:
    return [c for c in rnd.consultees if c.response is not None]


def _not_answered(rnd: RoundData) -> list[ConsulteeData]:
    return [c for c in rnd.consultees if c.response is None and c.invited]


@block("remissomgang", help="remissomgången: utskick, sista svarsdag och antal svar")
def round_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = _round(ctx)
    if rnd is None:
        return 0
    invited = [c for c in rnd.consultees if c.invited]
    answered = _answered(rnd)
    own = [c for c in answered if not c.invited]
    text = f"{rnd.name} skickades ut"
    if rnd.sent_date:
        text += f" {format_date(rnd.sent_date)}"
    text += f" till {len(invited)} remissinstanser"
    if rnd.deadline:
        text += f" med sista svarsdag {format_date(rnd.deadline)}"
    text += f". {len(answered)} svar kom in"
    if own:
        text += f", varav {len(own)} från instanser som svarade på eget initiativ"
    silent = len(_not_answered(rnd))
    text += (
        ". 1 inbjuden instans svarade inte."
        if silent == 1
        else f". {silent} inbjudna instanser svarade inte."
    )
    ctx.paragraph(text)
    if ctx.kind != ReportKind.REMISSAMMANSTALLNING:
        # The compilation is written after the deadline: the covering letter's wording about
        # what the answers should contain does not belong in it.
        ctx.markdown(rnd.description_md)
    return 1


def _stance_counts(rnd: RoundData, proposal_id: str) -> Counter[StanceKind]:
    counts: Counter[StanceKind] = Counter()
    for c in rnd.consultees:
        if c.response is not None:
            stance = c.response.stances.get(proposal_id)
            if stance is not None:
                counts[stance.stance] += 1
    return counts


@block("remiss_sammanfattning", help="antal ställningstaganden per förslag")
def remiss_summary_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = _round(ctx)
    if rnd is None:
        return 0
    proposals = ctx.data.round_proposals(rnd)
    if not proposals:
        return 0
    answered = _answered(rnd)
    rows = []
    for p in proposals:
        counts = _stance_counts(rnd, p.id)
        silent = len(answered) - sum(counts.values())
        rows.append(
            [
                f"{p.number}. {p.title}",
                *[str(counts.get(s, 0)) for s in STANCE_ORDER],
                str(silent),
            ]
        )
    ctx.caption("Tabell", "Remissinstansernas ställningstaganden per förslag (antal)")
    ctx.table(
        # Soft hyphens (U+00AD) let the narrow number columns break words at the right place.
        [
            "Förslag",
            "Till\u00adstyrker",
            "Med syn\u00adpunkter",
            "Av\u00adstyrker",
            "Ingen erinran",
            "Avstår",
            "Inte berört",
        ],
        rows,
        numeric=(1, 2, 3, 4, 5, 6),
    )
    ctx.paragraph(
        "Med synpunkter: tillstyrker med synpunkter. Inte berört: instanser som svarat men "
        "inte tagit ställning till förslaget.",
        italic=True,
    )
    return 1


@block("remiss_per_forslag", "tabell", "citat", "ej_svar", help="synpunkterna förslag för förslag")
def remiss_per_proposal_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """Per förslag: the instanser grouped by stance (names in each group), answers from
    instanser that were not invited, the comments that were made, the central points
    (quotes) and Utredningens kommentar. Instanser without a comment are named in their
    group only, never given a table row each."""
    rnd = _round(ctx)
    if rnd is None:
        return 0
    proposals = ctx.data.round_proposals(rnd)
    with_table = bool(params.get("tabell", True))
    with_quotes = bool(params.get("citat", True))
    answered = _answered(rnd)
    silent = [c.name for c in _not_answered(rnd)] if params.get("ej_svar", False) else []
    written = 0
    for p in proposals:
        ctx.check()
        _proposal_heading(ctx, p, 1)
        if p.text_md.strip():
            quote = ctx.styled(ctx.styles.quote)
            fast_run(quote, clean(markdown_to_plain(p.text_md)))
        groups: dict[StanceKind, list[str]] = {s: [] for s in STANCE_ORDER}
        others: list[str] = []
        rows: list[list[str]] = []
        for c in answered:
            assert c.response is not None
            stance = c.response.stances.get(p.id)
            if stance is None:
                continue
            if c.invited:
                groups[stance.stance].append(c.name)
            else:
                others.append(f"{c.name} ({stance.stance.label.lower()})")
            comment = markdown_to_plain(stance.comment_md)
            if comment:
                rows.append([c.name, stance.stance.label, comment])
        if not any(groups.values()) and not others:
            ctx.paragraph("Ingen remissinstans tog ställning till förslaget.")
        for s in STANCE_ORDER:
            if groups[s]:
                paragraph = ctx.paragraph()
                fast_run(paragraph, f"{s.label} ({len(groups[s])}): ", bold=True)
                fast_run(paragraph, clean(", ".join(groups[s])) + ".")
        if others:
            paragraph = ctx.paragraph()
            fast_run(paragraph, f"Övriga som har yttrat sig ({len(others)}): ", bold=True)
            fast_run(paragraph, clean(", ".join(others)) + ".")
        if with_table and rows:
            ctx.caption("Tabell", f"Synpunkter på förslag {p.number}")
            ctx.table(["Remissinstans", "Ställningstagande", "Synpunkt"], rows)
        if with_quotes:
            quotes = [
                (c.name, q.text)
                for c in answered
                if c.response is not None
                for q in c.response.quotes
                if q.is_key and q.proposal_id == p.id
            ]
            if quotes:
                ctx.heading("Centrala synpunkter", 2)
                for name, text in quotes:
                    quote = ctx.styled(ctx.styles.quote)
                    fast_run(quote, f"”{clean(text.strip())}”")
                    fast_run(quote, f" – {clean(name)}")
        ctx.heading("Utredningens kommentar", 2)
        comment_md = rnd.comments.get(p.id, "")
        if comment_md.strip():
            ctx.markdown(comment_md, depth=3)
        else:
            ctx.paragraph("[Utredningens kommentar är ännu inte skriven.]", italic=True)
        if silent:
            paragraph = ctx.paragraph()
            fast_run(paragraph, "Svarade inte: ", bold=True)
            fast_run(paragraph, clean(", ".join(silent)) + ".")
        written += 1
    return written


@block("remiss_ej_svar", help="inbjudna remissinstanser som inte har svarat")
def not_answered_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = _round(ctx)
    if rnd is None:
        return 0
    silent = _not_answered(rnd)
    if not silent:
        ctx.paragraph("Alla inbjudna remissinstanser svarade.")
        return 1
    for c in silent:
        ctx.styled(ctx.styles.bullets[0], c.name)
    return len(silent)


@block("remissinstanser", help="bilaga: remissinstanserna med svarsdatum")
def consultees_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = _round(ctx)
    if rnd is None or not rnd.consultees:
        return 0
    if rnd.deadline:
        ctx.paragraph(
            f"Remissen skickades ut {format_date(rnd.sent_date)} med sista svarsdag "
            f"{format_date(rnd.deadline)}."
            if rnd.sent_date
            else f"Sista svarsdag var {format_date(rnd.deadline)}."
        )
    rows = []
    for c in rnd.consultees:
        if c.response is not None:
            answer = format_date(c.response.received_date) or "Svar utan datum"
        else:
            answer = "Inget svar" if c.invited else "–"
        rows.append([c.name, c.type.label, "Ja" if c.invited else "Nej (eget initiativ)", answer])
    ctx.caption("Tabell", "Remissinstanser och svarsdatum")
    ctx.table(
        ["Remissinstans", "Typ", "Inbjuden", "Svar inkom"],
        rows,
    )
    return 1


# ------------------------------------------------------------------ dissents and members


@block("reservationer", help="reservationer och särskilda yttranden per förslag och parti")
def dissents_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """Per kind (a sub-heading only when both kinds occur: the chapter's own title already
    says "Reservationer"), per proposal: the text and the ledamöter who sign it, each with
    their own party."""
    dissents = ctx.data.dissents
    if not dissents:
        return 0
    by_proposal = {p.id: p for p in ctx.data.proposals}
    kinds = [
        k
        for k in (DissentKind.RESERVATION, DissentKind.SARSKILT_YTTRANDE)
        if any(d.kind == k for d in dissents)
    ]
    written = 0
    for kind in kinds:
        items = [d for d in dissents if d.kind == kind]
        depth = 1
        if len(kinds) > 1:
            title = "Reservationer" if kind == DissentKind.RESERVATION else "Särskilda yttranden"
            ctx.heading(title)
            depth = 2
        items.sort(
            key=lambda d: (by_proposal[d.proposal_id].number if d.proposal_id else 10_000, d.party)
        )
        for d in items:
            ctx.check()
            names_of = {p.abbreviation: p.name for p in ctx.data.parties}
            parties = [names_of.get(a, a) for a in dict.fromkeys(a for _, a in d.signers if a)]
            if not parties:
                parties = [d.party_name or d.party or "ledamot"]
            who = (
                parties[0] if len(parties) == 1 else ", ".join(parties[:-1]) + f" och {parties[-1]}"
            )
            about = ""
            if d.proposal_id and d.proposal_id in by_proposal:
                about = f" – förslag {by_proposal[d.proposal_id].number}"
            heading = f"{kind.label} av {who}{about}"
            if d.title:
                heading += f": {d.title}"
            ctx.heading(heading, depth)
            ctx.markdown(d.text_md, depth=depth + 1)
            names = [f"{name} ({party})" if party else name for name, party in d.signers]
            if not names and d.members:
                names = list(d.members)
            if names:
                paragraph = ctx.paragraph(", ".join(names))
                paragraph.runs[0].italic = True
            written += 1
    return written


@block("ledamoter", help="utredningens ledamöter, sekretariat och experter")
def members_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    members = ctx.data.members
    if not members:
        return 0
    from utredning_app.domain.enums import MemberRole

    order = {r: i for i, r in enumerate(MemberRole)}
    rows = [
        [m.name, m.role.label, m.party or "–", m.title or ""]
        for m in sorted(members, key=lambda m: (order[m.role], m.party, m.name))
    ]
    ctx.caption("Tabell", "Utredningens sammansättning")
    ctx.table(["Namn", "Roll", "Parti", "Titel"], rows)
    return 1


@block("tidplan", help="milstolparna som en tabell")
def milestones_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.domain.enums import MilestoneKind

    # The group's own meetings are not part of the plan for carrying the proposals out.
    milestones = [m for m in ctx.data.milestones if m.kind != MilestoneKind.SAMMANTRADE]
    if not milestones:
        return 0
    ctx.caption("Tabell", "Tidplan")
    ctx.table(
        ["Datum", "Milstolpe", "Typ", "Klar"],
        [
            [format_date(m.due_date), m.title, m.kind.label, "Ja" if m.done else "Nej"]
            for m in milestones
        ],
    )
    return 1


# ------------------------------------------------------------------ tjänsteutlåtande


@block("tu_huvud", "dokumenttyp", help="tjänsteutlåtandets huvud: region, förvaltning, dnr")
def memo_header_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from docx.shared import Pt

    inv = ctx.data.investigation
    report = ctx.data.reports.get(ReportKind.TJANSTEUTLATANDE)
    date = (report.report_date if report else None) or dt.date.today()
    from utredning_app.exporting.fast_table import set_widths

    table = ctx.document.add_table(rows=1, cols=2)
    set_widths(table, [10.0, 6.0])
    left, right = table.rows[0].cells
    lines_left = [
        (inv.region or "Regionen", True, 13),
        (inv.administration, False, 10),
        (f"Handläggare: {inv.case_officer}" if inv.case_officer else "", False, 9),
        (inv.case_officer_contact, False, 9),
    ]
    lines_right = [
        (str(params.get("dokumenttyp", "Tjänsteutlåtande")), True, 13),
        (f"Datum {format_date(date)}", False, 10),
        (f"Diarienummer {inv.diarienummer}" if inv.diarienummer else "", False, 10),
    ]
    for cell, lines in ((left, lines_left), (right, lines_right)):
        first = True
        for text, bold, size in lines:
            if not text:
                continue
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            paragraph.style = ctx.styles.normal
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(clean(no_break_numbers(text)))
            run.bold = bold or None
            run.font.size = Pt(size)
            first = False
    ctx.paragraph()
    return 1


@block("tu_titel", help="ärendets rubrik (utredningens titel)")
def memo_title_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    report = ctx.data.reports.get(ReportKind.TJANSTEUTLATANDE)
    title = report.title if report and report.title else ctx.data.investigation.title
    ctx.styled(ctx.styles.heading(1), title)
    return 1


@block("beslutsunderlag", help="listan över beslutsunderlag")
def decision_basis_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    items: list[str] = []
    today = dt.date.today()
    for kind in (ReportKind.SLUTRAPPORT, ReportKind.DELRAPPORT, ReportKind.REMISSAMMANSTALLNING):
        report = ctx.data.reports.get(kind)
        if report is not None:
            date = format_date(report.report_date or today)
            items.append(f"{kind.label}: {report.title} ({date})")
    rnd = _round(ctx)
    if rnd is not None and _answered(rnd):
        if ReportKind.REMISSAMMANSTALLNING not in ctx.data.reports:
            items.append(f"Remissammanställning: {rnd.name}")
        items.append(f"Inkomna remissvar ({len(_answered(rnd))} st.)")
    if ctx.kind == ReportKind.TJANSTEUTLATANDE:
        items.insert(0, f"Tjänsteutlåtande {format_date(today)}")
    for item in items:
        ctx.styled(ctx.styles.bullets[0], item)
    return len(items)


@block("underskrift", "titlar", "namn", help="underskrifter (t.ex. regiondirektör)")
def signature_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """ "I tjänsten" with each signatory's name over the title: the regiondirektör (the
    investigation's signatory) and the handläggare. A signatory without a name is never an
    empty line: the title stands alone and the export warns."""
    from docx.shared import Pt

    from utredning_app.exporting.docx_helpers import repeat_header_row

    inv = ctx.data.investigation
    titles = [str(t) for t in params.get("titlar", ["Regiondirektör"])]
    names = [str(n) for n in params.get("namn", [])]
    signers: list[tuple[str, str]] = []
    for i, title in enumerate(titles):
        name = names[i] if i < len(names) else (inv.signatory if i == 0 else "")
        if not name.strip():
            ctx.warnings.append(
                f"Tjänsteutlåtandet saknar namn på undertecknaren ({title.lower()}): ange det "
                "i utredningens fält Undertecknare (regiondirektör)."
            )
        signers.append((name.strip(), title))
    if inv.case_officer:
        signers.append((inv.case_officer, "Handläggare"))
    paragraph = ctx.paragraph("I tjänsten")
    paragraph.paragraph_format.space_before = Pt(12)
    keep_with_next(paragraph)
    table = ctx.document.add_table(rows=1, cols=max(len(signers), 1))
    repeat_header_row(table.rows[0])  # also marks the row cantSplit: signatures stay together
    for cell, (name, title) in zip(table.rows[0].cells, signers, strict=False):
        first = cell.paragraphs[0]
        first.paragraph_format.space_before = Pt(24)
        first.paragraph_format.keep_with_next = True
        if name:
            fast_run(first, clean(name))
            cell.add_paragraph(clean(title))
        else:
            fast_run(first, clean(title))
    return 1


@block("utdrag_till", "mottagare", help="utdrag till: mottagare av beslutet")
def copies_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """Every recipient by name (never "med flera")."""
    receivers = [str(r) for r in params.get("mottagare", [])]
    if not receivers:
        inv = ctx.data.investigation
        if inv.commissioned_by:
            receivers.append(inv.commissioned_by)
        rnd = _round(ctx)
        if rnd is not None:
            for c in rnd.consultees:
                if c.invited and c.type in (ConsulteeType.NAMND, ConsulteeType.BOLAG):
                    receivers.append(c.name)
    receivers = list(dict.fromkeys(r for r in receivers if r.strip()))
    for r in receivers:
        paragraph = ctx.paragraph(r)
        paragraph.paragraph_format.space_after = 0
    return len(receivers)


# The cost model's blocks (nuvärde, osäkerhet, rangordning) live beside the cost charts and
# register themselves in BLOCKS when imported.
from utredning_app.exporting import cost_blocks as _cost_blocks  # noqa: E402, F401
from utredning_app.exporting import decision_blocks as _decision_blocks  # noqa: E402, F401
from utredning_app.exporting import remiss_uninvited as _remiss_uninvited  # noqa: E402, F401
