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
from utredning_app.exporting.docx_helpers import CaptionCounter, clean, keep_with_next
from utredning_app.exporting.fast_table import add_table
from utredning_app.exporting.markdown_docx import MarkdownWriter, StyleNames, markdown_to_plain

if TYPE_CHECKING:
    from utredning_app.exporting.cost_tables import TextTable

T = TypeVar("T")
FIGURE_WIDTH_CM = 16.0  # the text width of the template's A4 page


class Cancelled(Exception):
    """The user cancelled the export."""


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
            run = paragraph.add_run(clean(text))
            run.italic = italic or None
            run.bold = bold or None
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
        widths: list[float] | None = None,
        numeric: tuple[int, ...] = (),
        small: bool = False,
    ) -> None:
        add_table(
            self.document,
            headers,
            rows,
            style=self.styles.table,
            widths_cm=widths,
            numeric_columns=numeric,
            font_size_pt=8.5 if small else None,
        )
        # A little air after a table (Word glues the next paragraph to it otherwise).
        spacer = self.md.par(self.document, self.styles.normal)
        spacer.paragraph_format.space_after = 0

    def text_table(self, table: TextTable, widths: list[float] | None = None) -> None:
        """A ready-formatted table (``exporting.cost_tables.TextTable``) with its caption and
        note."""
        self.caption("Tabell", table.title)
        self.table(
            list(table.header),
            [list(row) for row in table.rows],
            widths=widths,
            numeric=tuple(table.numeric_columns),
            small=True,
        )
        if table.note:
            self.paragraph(table.note, italic=True)

    def figure(self, png: bytes, caption: str, alt: str, *, title: str | None = None) -> None:
        """A chart, centred at full text width, with alt text (``title`` defaults to the
        caption) and its numbered caption below."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        from utredning_app.exporting.docx_helpers import set_alt_text

        paragraph = self.styled(self.styles.normal)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        keep_with_next(paragraph)
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(FIGURE_WIDTH_CM))
        set_alt_text(shape, alt, title or caption)
        self.caption("Figur", caption)

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
        widths=[4.6, 2.4, 4.0, 2.0, 3.0],
        numeric=(3, 4),
        small=True,
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
            widths=[5.0, 1.4, *([min(2.0, 9.6 / n)] * n)],
            numeric=tuple(range(1, n + 2)),
            small=True,
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
        widths=[4.5, *([max(1.4, min(2.4, 10.5 / max(n, 1)))] * n), 1.6],
        numeric=tuple(range(1, n + 2)),
        small=True,
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
            paragraph.add_run(clean(label) + ". ").bold = True
            paragraph.add_run(clean(markdown_to_plain(a.rationale_md)))
            if a.source:
                paragraph.add_run(f" Källa: {clean(a.source)}.").italic = True
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
        widths=[5.0, *([11.0 / (len(years) + 1)] * (len(years) + 1))],
        numeric=tuple(range(1, len(years) + 2)),
        small=True,
    )
    if figures.summary is not None:
        if params.get("nuvarde", True):
            ctx.text_table(cost_table(figures.summary), widths=[4.6, 4.1, 4.6, 2.7])
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
        widths=[5.0, 2.2, 2.2, 2.2, 4.4],
        numeric=(1, 2, 3, 4),
        small=True,
    )


MAX_CHART_SERIES = 6


def _cost_chart(ctx: BuildContext, costs: list[Any]) -> None:
    from utredning_app.exporting.charts import RangeSeries, range_chart_png

    # A readable chart has few lines: the baseline and the first options in the outline order.
    shown = costs[:MAX_CHART_SERIES]
    series = [
        RangeSeries(c.name, c.years, c.low, c.base, c.high, dashed=c.is_baseline) for c in shown
    ]
    png = range_chart_png(
        series, title="Kostnad per år (bas, med intervall låg–hög)", y_label="mnkr"
    )
    lines = [
        f"{c.name}: {_mnkr(c.base[0])} mnkr {c.years[0]} och {_mnkr(c.base[-1])} mnkr "
        f"{c.years[-1]} (intervall {_mnkr(c.total_low)}–{_mnkr(c.total_high)} mnkr för perioden)"
        for c in shown
    ]
    more = (
        f" (de {len(shown)} första av {len(costs)} alternativ)" if len(costs) > len(shown) else ""
    )
    ctx.figure(
        png,
        f"Kostnad per år och alternativ{more}; skuggat område visar intervallet låg–hög",
        "Linjediagram över kostnaden per år för varje alternativ. " + "; ".join(lines) + ".",
        title="Kostnad per alternativ och år",
    )


@block("kostnader_aktor", help="kostnader och finansiering per aktör (14 § kommittéförordningen)")
def costs_by_actor_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.exporting.cost_tables import actor_table

    figures = ctx.cost_figures()
    if figures.summary is None:
        return 0
    table = actor_table(figures.summary)
    if not table.rows:
        return 0
    ctx.text_table(table, widths=[3.3, 1.8, 3.3, 3.2, 4.4])
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
        widths=[3.6, 3.2, 1.6, 1.1, 1.4, 2.2, 3.0],
        numeric=(3, 4, 5),
        small=True,
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
            paragraph.add_run(f"{p.label}. {clean(p.title)}").bold = True
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
        paragraph.add_run(f"{index}.\t{clean(body)}")
        if renumbered:
            paragraph.add_run(f" (utredningens förslag {p.number})").italic = True
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
        paragraph.add_run(f"{p.label}. ").bold = True
        paragraph.add_run(clean(text))
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
    text += f". {len(answered)} svar har kommit in"
    if own:
        text += f", varav {len(own)} från instanser som svarat på eget initiativ"
    silent = len(_not_answered(rnd))
    text += (
        ". 1 inbjuden instans har inte svarat."
        if silent == 1
        else f". {silent} inbjudna instanser har inte svarat."
    )
    ctx.paragraph(text)
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
        widths=[4.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0],
        numeric=(1, 2, 3, 4, 5, 6),
        small=True,
    )
    ctx.paragraph(
        "Med synpunkter: tillstyrker med synpunkter. Inte berört: instanser som svarat men "
        "inte tagit ställning till förslaget.",
        italic=True,
    )
    return 1


@block("remiss_per_forslag", "tabell", "citat", "ej_svar", help="synpunkterna förslag för förslag")
def remiss_per_proposal_block(ctx: BuildContext, params: dict[str, Any]) -> int:
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
            quote.add_run(clean(markdown_to_plain(p.text_md)))
        groups: dict[StanceKind, list[str]] = {s: [] for s in STANCE_ORDER}
        rows: list[list[str]] = []
        for c in answered:
            assert c.response is not None
            stance = c.response.stances.get(p.id)
            if stance is None:
                continue
            groups[stance.stance].append(c.name)
            rows.append([c.name, stance.stance.label, markdown_to_plain(stance.comment_md)])
        summary = [f"{s.label}: {len(names)}" for s, names in groups.items() if names]
        ctx.paragraph(
            ("Ställningstaganden – " + "; ".join(summary) + ".")
            if summary
            else "Ingen remissinstans har tagit ställning till förslaget."
        )
        for s in STANCE_ORDER:
            if groups[s] and not with_table:
                paragraph = ctx.paragraph()
                paragraph.add_run(f"{s.label}: ").bold = True
                paragraph.add_run(clean(", ".join(groups[s])) + ".")
        if with_table and rows:
            ctx.caption("Tabell", f"Ställningstaganden till förslag {p.number}")
            ctx.table(
                ["Remissinstans", "Ställningstagande", "Kommentar"],
                rows,
                widths=[4.6, 3.4, 8.0],
                small=True,
            )
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
                    quote.add_run(f"”{clean(text.strip())}”")
                    quote.add_run(f" – {clean(name)}").italic = False
        if silent:
            paragraph = ctx.paragraph()
            paragraph.add_run("Har inte svarat: ").bold = True
            paragraph.add_run(clean(", ".join(silent)) + ".")
        written += 1
    return written


@block("remiss_ej_svar", help="inbjudna remissinstanser som inte har svarat")
def not_answered_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = _round(ctx)
    if rnd is None:
        return 0
    silent = _not_answered(rnd)
    if not silent:
        ctx.paragraph("Alla inbjudna remissinstanser har svarat.")
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
        widths=[7.0, 3.2, 3.2, 2.6],
        small=True,
    )
    return 1


# ------------------------------------------------------------------ dissents and members


@block("reservationer", help="reservationer och särskilda yttranden per förslag och parti")
def dissents_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    dissents = ctx.data.dissents
    if not dissents:
        return 0
    by_proposal = {p.id: p for p in ctx.data.proposals}
    written = 0
    for kind, title in (
        (DissentKind.RESERVATION, "Reservationer"),
        (DissentKind.SARSKILT_YTTRANDE, "Särskilda yttranden"),
    ):
        items = [d for d in dissents if d.kind == kind]
        if not items:
            continue
        ctx.heading(title)
        items.sort(
            key=lambda d: (by_proposal[d.proposal_id].number if d.proposal_id else 10_000, d.party)
        )
        for d in items:
            ctx.check()
            who = d.party_name or d.party or "Ledamot"
            about = ""
            if d.proposal_id and d.proposal_id in by_proposal:
                p = by_proposal[d.proposal_id]
                about = f" – förslag {p.number}"
            heading = f"{kind.label} av {who}{about}"
            if d.title:
                heading += f": {d.title}"
            ctx.heading(heading, 2)
            ctx.markdown(d.text_md, depth=3)
            if d.members:
                paragraph = ctx.paragraph(
                    ", ".join(d.members) + (f" ({d.party})" if d.party else "")
                )
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
    ctx.table(["Namn", "Roll", "Parti", "Titel"], rows, widths=[5.0, 3.5, 1.8, 5.7], small=True)
    return 1


@block("tidplan", help="milstolparna som en tabell")
def milestones_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    milestones = ctx.data.milestones
    if not milestones:
        return 0
    ctx.caption("Tabell", "Tidplan")
    ctx.table(
        ["Datum", "Milstolpe", "Typ", "Klar"],
        [
            [format_date(m.due_date), m.title, m.kind.label, "Ja" if m.done else "Nej"]
            for m in milestones
        ],
        widths=[2.6, 8.6, 3.2, 1.6],
        small=True,
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
            run = paragraph.add_run(clean(text))
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
    from docx.shared import Pt

    inv = ctx.data.investigation
    titles = list(params.get("titlar", ["Regiondirektör"]))
    names = list(params.get("namn", []))
    paragraph = ctx.paragraph("I tjänsten")
    paragraph.paragraph_format.space_before = Pt(12)
    keep_with_next(paragraph)
    table = ctx.document.add_table(
        rows=1, cols=max(len(titles), 1) + (1 if inv.case_officer else 0)
    )
    cells = list(table.rows[0].cells)
    signers = [(names[i] if i < len(names) else "", t) for i, t in enumerate(titles)]
    if inv.case_officer:
        signers.append((inv.case_officer, "Handläggare"))
    from utredning_app.exporting.docx_helpers import repeat_header_row

    repeat_header_row(table.rows[0])  # also marks the row cantSplit: signatures stay together
    for cell, (name, title) in zip(cells, signers, strict=False):
        first = cell.paragraphs[0]
        first.paragraph_format.space_before = Pt(24)
        first.paragraph_format.keep_with_next = True
        first.add_run(clean(name) if name else "")
        cell.add_paragraph(clean(title))
    return 1


@block("utdrag_till", "mottagare", help="utdrag till: mottagare av beslutet")
def copies_block(ctx: BuildContext, params: dict[str, Any]) -> int:
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
    if not receivers:
        return 0
    shown = receivers[:10]
    for r in shown:
        paragraph = ctx.paragraph(r)
        paragraph.paragraph_format.space_after = 0
    if len(receivers) > len(shown):
        ctx.paragraph(f"med flera ({len(receivers) - len(shown)} till)")
    return len(shown)


# The cost model's blocks (nuvärde, osäkerhet, rangordning) live beside the cost charts and
# register themselves in BLOCKS when imported.
from utredning_app.exporting import cost_blocks as _cost_blocks  # noqa: E402, F401
from utredning_app.exporting import remiss_uninvited as _remiss_uninvited  # noqa: E402, F401
