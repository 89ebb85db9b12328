"""Costs, costs per actor and the capacity/quality estimates."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.enums import EstimateKind
from utredning_app.domain.formatting import format_number
from utredning_app.exporting.blocks.common import mnkr
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block


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
        [[c.name, *[mnkr(v) for v in c.base], mnkr(c.total_base)] for c in costs],
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
            diff = ("+" if delta > 0 else "") + mnkr(delta)
        rows.append([c.name, mnkr(c.total_low), mnkr(c.total_base), mnkr(c.total_high), diff])
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
    from utredning_app.charts.drawing import RangeSeries, range_chart_png

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
        f"{c.name}: {mnkr(c.base[0])}\u00a0mnkr {c.years[0]} och {mnkr(c.base[-1])}\u00a0mnkr "
        f"{c.years[-1]} (intervall {mnkr(c.total_low)}–{mnkr(c.total_high)}\u00a0mnkr för "
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
