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
from utredning_app.exporting.blocks import BuildContext, block

if TYPE_CHECKING:
    from utredning_app.domain.costs import CostModelInput

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
    from utredning_app.exporting import cost_charts, cost_tables

    if _costed_model(ctx) is None:
        return 0
    figures = ctx.cost_figures()  # the summary is computed once per document
    summary = figures.summary
    if summary is None:
        return _problem(ctx, figures.problem)
    table = cost_tables.cost_table(summary)
    ctx.text_table(table, [5.0, 4.0, 4.6, 2.4])
    written = 1
    if params.get("diagram", True) and len(summary.options) > 1:
        lines = [
            f"{oc.option.title}: {row[2]} mnkr"
            for oc, row in zip(summary.options, table.rows, strict=True)
            if oc.difference_pv is not None
        ]
        ctx.figure(
            cost_charts.cost_ranges_png(summary, difference=True),
            "Skillnad i nuvärde mot nollalternativet; stapeln visar bas, linjen låg–hög",
            "Liggande stapeldiagram över skillnaden i nuvärde mot nollalternativet. "
            + "; ".join(lines)
            + ".",
        )
        written += 1
    return written


def _costed_model(ctx: BuildContext) -> CostModelInput | None:
    """The cost model when it has options and cost estimates (else the blocks write nothing)."""
    from utredning_app.domain.costs import cost_estimates

    model = ctx.data.cost_model
    if model is None or not model.options or not cost_estimates(model):
        return None
    return model


def _simulation(model: CostModelInput, *, threads: int | None = None) -> Any:
    from utredning_app.domain.uncertainty import simulate

    return simulate(model, threads=threads)


def _start_simulation(ctx: BuildContext, params: dict[str, Any]) -> None:
    # The Monte Carlo (numpy, no GIL) runs while the chapters before it are written.
    # One core is left to the thread writing the document: on two cores, drawing with both
    # slowed the writer more than the simulation gained.
    model = _costed_model(ctx)
    if model is not None:
        spare = max(1, (os.cpu_count() or 1) - 1)
        ctx.start("simulering", lambda: _simulation(model, threads=spare))


@block(
    "osakerhet",
    "tornado",
    "max_tornado",
    help="Monte Carlo-simulering (P10/P50/P90) och tornadodiagram",
    prefetch=_start_simulation,
)
def uncertainty_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.domain.costs import cost_estimates
    from utredning_app.domain.uncertainty import tornado
    from utredning_app.exporting import cost_charts, cost_tables

    model = _costed_model(ctx)
    if model is None:
        return 0
    show_tornado = bool(params.get("tornado", True))
    candidates = [o for o in model.options if not o.is_baseline and cost_estimates(model, o.id)]
    limit = int(params.get("max_tornado", MAX_TORNADOES))
    tornadoes: list[tuple[Any, Any, bytes]] = []
    try:
        # The tornado charts need no simulation: drawn first, they overlap its last part.
        for option in candidates[:limit] if show_tornado else []:
            ctx.check()
            data = tornado(model, option.id, limit=8)
            tornadoes.append((option, data, cost_charts.tornado_png(data)))
        result = ctx.result("simulering", lambda: _simulation(model))
    except UserError as exc:
        return _problem(ctx, exc.message)
    table = cost_tables.simulation_table(result)
    ctx.text_table(table, [5.6, 2.2, 2.2, 2.2, 3.8])
    ctx.figure(
        cost_charts.simulation_png(result),
        "Simulerat nuvärde per alternativ: P10–P90 med medianen (P50) markerad",
        "Diagram över simulerade nuvärden. "
        + "; ".join(f"{r[0]}: P10 {r[1]}, P50 {r[2]}, P90 {r[3]} mnkr" for r in table.rows)
        + ".",
    )
    written = 2
    if show_tornado and len(candidates) > limit:
        ctx.paragraph(
            f"Tornadodiagram visas för de {limit} första av {len(candidates)} alternativ; "
            "programmet visar dem för alla.",
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
    from utredning_app.domain.appraisal import overview
    from utredning_app.exporting import cost_charts, cost_tables

    data = ctx.data.appraisal
    if data is None or not data.options or not data.criteria:
        return 0
    result = overview(data)
    written = 0
    if result.rankings:
        table = cost_tables.ranking_table(result.rankings, compact=True)
        first = 5.0
        rest = (16.0 - first) / max(1, len(table.header) - 1)
        ctx.text_table(table, [first, *([rest] * (len(table.header) - 1))])
        ctx.figure(
            cost_charts.party_rankings_png(result.rankings),
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
        group = result.sensitivities[0]
        ctx.text_table(cost_tables.stability_table(group), [4.0, 1.8, 3.2, 3.5, 3.5])
        written += 1
    if ctx.draft:
        for problem in result.problems:
            ctx.paragraph(f"[{problem}]", italic=True)
            written += 1
    return written
