"""Report blocks from the cost model and the appraisal: present values with the difference
against the baseline, the Monte Carlo simulation with tornado diagrams, and the ranking per
party weight profile with stability ranges. Same figures and same charts as the app's views
(``cost_tables`` and ``cost_charts``); registered in ``exporting.blocks.BLOCKS``.

Outline use (``exports/outlines/*.toml``)::

    { typ = "nuvarde" }                        # table + chart of the difference
    { typ = "osakerhet", tornado = true }      # P10/P50/P90, P(dyrare), tornado per option
    { typ = "rangordning", stabilitet = true } # profiles side by side + stability ranges
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from utredning_app.errors import UserError
from utredning_app.exporting.blocks.context import Background, BuildContext
from utredning_app.exporting.blocks.registry import block

if TYPE_CHECKING:
    from utredning_app.domain.costs import CostModelInput
    from utredning_app.domain.report_model import ReportData

MAX_TORNADOES = 4  # more would bury the report in diagrams (the app shows all)


def _problem(ctx: BuildContext, message: str) -> int:
    """Data that cannot be used: say so in a draft, leave it out of a final document."""
    if ctx.draft:
        ctx.paragraph(f"[Kan inte räknas fram: {message}]", italic=True)
        return 1
    return 0


@block(
    "nuvarde",
    "diagram",
    help="nuvärde per alternativ med intervall och skillnad mot nollalternativet",
)
def present_value_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.charts import cost_charts
    from utredning_app.exporting import cost_tables

    if _costed_model(ctx) is None:
        return 0
    figures = ctx.cost_figures()  # the summary is computed once per document
    summary = figures.summary
    if summary is None:
        return _problem(ctx, figures.problem)
    table = cost_tables.cost_table(summary)
    ctx.text_table(table)
    written = 1
    if params.get("diagram", True) and len(summary.options) > 1:
        rows = {oc.option.id: row for oc, row in zip(summary.options, table.rows, strict=True)}
        differing = [oc for oc in summary.options if oc.difference_pv is not None]
        shown = sorted(differing, key=lambda oc: oc.difference_pv.base)[: cost_charts.CHART_TOP]
        shown_ids = {oc.option.id for oc in shown}
        shown = [oc for oc in differing if oc.option.id in shown_ids]  # the table's order
        lines = [f"{oc.option.title}: {rows[oc.option.id][2]}\u00a0mnkr" for oc in shown]
        rest = ""
        if len(shown) < len(differing):
            rest = (
                f" Diagrammet visar de {len(shown)} alternativ som har lägst kostnad jämfört "
                f"med nollalternativet; alla {len(differing)} finns i tabellen."
            )
        ctx.figure(
            ctx.chart(
                cost_charts.cost_ranges_png, summary, difference=True, option_ids=list(shown_ids)
            ),
            "Skillnad i nuvärde mot nollalternativet; stapeln visar bas, linjen "
            "scenariointervallet",
            "Liggande stapeldiagram över skillnaden i nuvärde mot nollalternativet, bas "
            "(scenariointervall). " + "; ".join(lines) + "." + rest,
        )
        if rest:
            ctx.paragraph(rest.strip(), italic=True)
        written += 1
    return written


def _costed_model(ctx: BuildContext) -> CostModelInput | None:
    """The cost model when it has options and cost estimates (else the blocks write nothing)."""
    return _costed(ctx.data)


def _costed(data: ReportData) -> CostModelInput | None:
    from utredning_app.domain.costs import cost_estimates

    model = data.cost_model
    if model is None or not model.options or not cost_estimates(model):
        return None
    return model


def _simulation(model: CostModelInput, *, threads: int | None = None) -> Any:
    # Kept by a hash of the model: exporting again with unchanged estimates reads the figures.
    from utredning_app.exporting.simulation_cache import cached_simulation

    return cached_simulation(model, threads=threads)


def _start_simulation(data: ReportData, params: dict[str, Any], background: Background) -> None:
    # The Monte Carlo (numpy, no GIL) runs while the rest of the file is read and the
    # chapters before it are written. One core is left to the thread writing the document:
    # on two cores, drawing with both slowed the writer more than the simulation gained.
    model = _costed(data)
    if model is not None:
        spare = max(1, (os.cpu_count() or 1) - 1)
        background.start("simulering", lambda: _simulation(model, threads=spare))


@block(
    "osakerhet",
    "tornado",
    "max_tornado",
    help="Monte Carlo-simulering (P10/P50/P90) och tornadodiagram",
    prefetch=_start_simulation,
)
def uncertainty_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.charts import cost_charts
    from utredning_app.domain.costs import cost_estimates
    from utredning_app.domain.uncertainty import tornado
    from utredning_app.exporting import cost_tables

    model = _costed_model(ctx)
    if model is None:
        return 0
    show_tornado = bool(params.get("tornado", True))
    candidates = [o for o in model.options if not o.is_baseline and cost_estimates(model, o.id)]
    limit = int(params.get("max_tornado", MAX_TORNADOES))
    if len(candidates) > limit:
        # The options that cost least (present value, base) are the ones a reader weighs.
        summary = ctx.cost_figures().summary
        if summary is not None:
            base = {oc.option.id: oc.present_value.base for oc in summary.options}
            candidates.sort(key=lambda o: base.get(o.id, float("inf")))
    tornadoes: list[tuple[Any, Any, Any]] = []
    try:
        # The tornado charts need no simulation: drawn first, they overlap its last part.
        for option in candidates[:limit] if show_tornado else []:
            ctx.check()
            data = tornado(model, option.id, limit=8)
            tornadoes.append((option, data, ctx.chart(cost_charts.tornado_png, data)))
        result = ctx.result("simulering", lambda: _simulation(model))
    except UserError as exc:
        return _problem(ctx, exc.message)
    table = cost_tables.simulation_table(result)
    ctx.text_table(table)
    ranked = sorted(result.options, key=lambda o: (not o.option.is_baseline, o.p50))
    shown_ids = {o.option.id for o in ranked[: cost_charts.CHART_TOP]}
    rows = [r for o, r in zip(result.options, table.rows, strict=True) if o.option.id in shown_ids]
    rest = ""
    if len(shown_ids) < len(result.options):
        rest = (
            f" Diagrammet visar nollalternativet och de {len(shown_ids) - 1} alternativ med "
            f"lägst mittvärde; alla {len(result.options)} finns i tabellen."
        )
    ctx.figure(
        ctx.chart(cost_charts.simulation_png, result, list(shown_ids)),
        "Simulerat nuvärde per alternativ: åtta av tio utfall (P10–P90) med mittvärdet (P50)",
        "Diagram över simulerade nuvärden. "
        + "; ".join(f"{r[0]}: P50 {r[2]} ({r[1]}\u00a0– {r[3]})\u00a0mnkr" for r in rows)
        + "."
        + rest,
    )
    if rest:
        ctx.paragraph(rest.strip(), italic=True)
    written = 2
    if show_tornado and len(candidates) > limit:
        ctx.paragraph(
            f"Tornadodiagram visas för de {limit} alternativ som har lägst kostnad (nuvärde, "
            f"bas) av {len(candidates)}; programmet visar dem för alla.",
            italic=True,
        )
    for option, data, png in tornadoes:
        top = ", ".join(b.estimate.name for b in data.bars[:3])
        ctx.figure(
            png,
            f"Skattningar som styr osäkerheten i alternativ {option.title}",
            f"Tornadodiagram för {option.title}: störst utslag har {top}.",
        )
        written += 1
    return written


@block("rangordning", "stabilitet", help="rangordning per partiprofil sida vid sida och stabilitet")
def ranking_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.charts import cost_charts
    from utredning_app.domain.appraisal import overview
    from utredning_app.exporting import cost_tables

    data = ctx.data.appraisal
    if data is None or not data.options or not data.criteria:
        return 0
    result = overview(data)
    written = 0
    if result.rankings:
        table = cost_tables.ranking_table(result.rankings, compact=True)
        ctx.text_table(table)
        group = result.rankings[0]
        best = sorted(group.ranking, key=lambda r: r.rank)[: cost_charts.CHART_TOP]
        shown_ids = [r.option.id for r in best]
        if len(shown_ids) < len(group.ranking):
            ctx.paragraph(
                f"Diagrammet visar de {len(shown_ids)} alternativ som placeras bäst i "
                f"{group.profile.name.lower()}; placeringarna gäller bland alla "
                f"{len(group.ranking)} alternativ, som alla finns i tabellen.",
                italic=True,
            )
        ctx.figure(
            ctx.chart(cost_charts.party_rankings_png, result.rankings, shown_ids),
            "Placering per viktprofil (1 = bäst) och viktad poäng",
            "Rutnät med alternativens placering för varje viktprofil. "
            + "; ".join(
                f"{r.profile.party or r.profile.name}: {r.top.option.title} först"
                for r in result.rankings
            )
            + ".",
        )
        written += 2
    if params.get("stabilitet", True) and result.sensitivities:
        stability = result.sensitivities[0]
        ctx.text_table(cost_tables.stability_table(stability))
        written += 1
    if ctx.draft:
        for problem in result.problems:
            ctx.paragraph(f"[{problem}]", italic=True)
            written += 1
    return written
