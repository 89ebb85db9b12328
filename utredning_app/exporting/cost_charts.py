"""Charts of the cost model and the appraisal (matplotlib, no pyplot, no Qt).

Each chart has a ``draw_*(figure, …)`` function that draws on any matplotlib ``Figure`` —
the GUI passes the figure of a ``FigureCanvasQTAgg`` — and a ``*_png(…)`` function that
draws on an Agg figure and returns PNG bytes for the Word reports. matplotlib is imported
only when a chart is drawn. Labels are Swedish, numbers ``1 234,5``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from utredning_app.domain.appraisal import ProfileRanking, Sensitivity
from utredning_app.domain.costs import CostSummary
from utredning_app.domain.formatting import format_number
from utredning_app.domain.uncertainty import SimulationResult, Tornado

BASELINE_COLOUR = "#7F7F7F"
OPTION_COLOUR = "#1F5C99"
LOW_COLOUR = "#2E8B57"
HIGH_COLOUR = "#C0392B"
PALETTE = ("#1F5C99", "#E07B00", "#2E8B57", "#8E44AD", "#C0392B", "#16A085", "#7F8C8D")
DPI = 150


def _number_axis(axis: Any, decimals: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, decimals)))


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _title(ax: Any, text: str) -> None:
    ax.set_title(text, fontsize=10)


MANY = 12  # above this many rows, charts switch to one-line labels and compact rows
MAX_HEIGHT_CM = 22.0


def _height(rows: int, per_row: float, extra: float = 2.5) -> float:
    """Figure height (cm) for ``rows`` bars: roomy for few, compact for many, capped."""
    if rows > MANY:
        per_row = 0.42
    return min(MAX_HEIGHT_CM, max(7.5, extra + per_row * rows))


def _row_label(text: str, rows: int) -> str:
    return _short(text, 34) if rows > MANY else _label(text)


def _label(text: str, width: int = 26, lines: int = 2) -> str:
    """Wrap a long name over at most ``lines`` lines (ellipsis if still too long)."""
    import textwrap

    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], _short(" ".join(wrapped[lines - 1 :]), width)]
    return "\n".join(wrapped)


def to_png(draw: Callable[[Any], None], *, width: float = 16.0, height: float = 9.0) -> bytes:
    """Draw on a fresh Agg figure (size in cm) and return PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width / 2.54, height / 2.54), dpi=DPI)
    FigureCanvasAgg(fig)
    draw(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


# ---------------------------------------------------------------- cost per option with ranges


def draw_cost_ranges(fig: Any, summary: CostSummary, *, difference: bool = False) -> None:
    """Present value per option (bar = base, whisker = low–high)."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    rows = [oc for oc in summary.options if not difference or oc.difference_pv is not None]
    names = [_row_label(oc.option.title, len(rows)) for oc in rows]
    ranges = [oc.difference_pv if difference else oc.present_value for oc in rows]
    base = [r.base for r in ranges if r is not None]
    lower = [max(0.0, r.base - r.low) for r in ranges if r is not None]
    upper = [max(0.0, r.high - r.base) for r in ranges if r is not None]
    colours = [BASELINE_COLOUR if oc.option.is_baseline else OPTION_COLOUR for oc in rows]
    positions = list(range(len(rows)))
    ax.barh(positions, base, color=colours, xerr=[lower, upper], capsize=4, ecolor="#333333")
    ax.set_yticks(positions, names)
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", linewidth=0.8)
    _number_axis(ax.xaxis)
    rate = format_number(summary.discount_rate * 100, 1)
    period = f"{summary.horizon.start_year}–{summary.horizon.end_year}"
    if difference:
        _title(ax, f"Skillnad mot nollalternativet, nuvärde {period}")
        ax.set_xlabel(f"mnkr, alternativ − nollalternativ (r = {rate} %)")
    else:
        _title(ax, f"Kostnad per alternativ, nuvärde {period}")
        ax.set_xlabel(f"mnkr; stapel = bas, linje = låg–hög (r = {rate} %)")
    for pos, value in zip(positions, base, strict=True):
        ax.annotate(
            format_number(value, 1),
            (value, pos),
            xytext=(4, -10),
            textcoords="offset points",
            fontsize=7,
            color="#333333",
        )
    fig.tight_layout()


def cost_ranges_png(summary: CostSummary, *, difference: bool = False) -> bytes:
    height = _height(len(summary.options), 1.1)
    return to_png(lambda f: draw_cost_ranges(f, summary, difference=difference), height=height)


# ---------------------------------------------------------------- cost over years


def draw_cost_over_years(
    fig: Any, summary: CostSummary, option_ids: Sequence[str] | None = None
) -> None:
    """Yearly cost per option: base line with a low–high band."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    rows = [oc for oc in summary.options if option_ids is None or oc.option.id in set(option_ids)]
    years = list(summary.horizon.year_list)
    for i, oc in enumerate(rows[: len(PALETTE) * 2]):
        colour = BASELINE_COLOUR if oc.option.is_baseline else PALETTE[i % len(PALETTE)]
        style = "--" if oc.option.is_baseline else "-"
        ax.plot(
            years, oc.yearly.base, style, color=colour, marker="o", label=_short(oc.option.title)
        )
        ax.fill_between(years, oc.yearly.low, oc.yearly.high, color=colour, alpha=0.12)
    ax.set_xticks(years, [str(y) for y in years])
    _number_axis(ax.yaxis)
    ax.set_ylabel("mnkr per år (linje = bas, fält = låg–hög)")
    _title(ax, "Kostnad över åren")
    ax.grid(axis="y", alpha=0.3)
    if rows:
        ax.legend(fontsize=7, loc="best")
    fig.tight_layout()


def cost_over_years_png(summary: CostSummary, option_ids: Sequence[str] | None = None) -> bytes:
    return to_png(lambda f: draw_cost_over_years(f, summary, option_ids))


# ---------------------------------------------------------------- tornado


def draw_tornado(fig: Any, tornado: Tornado) -> None:
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    bars = list(tornado.bars)
    positions = list(range(len(bars)))
    base = tornado.base_total
    ax.barh(
        positions,
        [b.total_at_low - base for b in bars],
        left=base,
        color=LOW_COLOUR,
        label="skattningen på lågt värde",
    )
    ax.barh(
        positions,
        [b.total_at_high - base for b in bars],
        left=base,
        color=HIGH_COLOUR,
        label="skattningen på högt värde",
    )
    ax.set_yticks(positions, [_label(b.estimate.name, 30) for b in bars], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(base, color="#333333", linewidth=1)
    _number_axis(ax.xaxis)
    ax.set_xlabel(f"nuvärde, mnkr (bas {format_number(base, 1)}, övriga på bas)")
    which = _short(tornado.option.code or tornado.option.name, 20)
    _title(ax, f"Vad styr osäkerheten – alternativ {which}")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False)
    fig.tight_layout()


def tornado_png(tornado: Tornado) -> bytes:
    return to_png(lambda f: draw_tornado(f, tornado), height=_height(len(tornado.bars), 1.1, 3.0))


# ---------------------------------------------------------------- Monte Carlo


def draw_simulation(fig: Any, result: SimulationResult) -> None:
    """P10–P90 per option with the median marked, and P(costs more than the baseline)."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    rows = list(result.options)
    positions = list(range(len(rows)))
    ax.barh(
        positions,
        [max(o.p90 - o.p10, 0.0) for o in rows],
        left=[o.p10 for o in rows],
        height=0.5,
        color=[BASELINE_COLOUR if o.option.is_baseline else OPTION_COLOUR for o in rows],
    )
    ax.vlines(
        [o.p50 for o in rows],
        [p - 0.3 for p in positions],
        [p + 0.3 for p in positions],
        colors="#111111",
        linewidth=2,
    )
    labels = []
    for o in rows:
        label = _row_label(o.option.title, len(rows))
        if o.prob_above_baseline is not None:
            prob = format_number(o.prob_above_baseline * 100, 0)
            label += f"\nP(dyrare än nollalt.) {prob} %"
        labels.append(label)
    ax.set_yticks(positions, labels, fontsize=8)
    ax.invert_yaxis()
    _number_axis(ax.xaxis)
    ax.set_xlabel("nuvärde, mnkr (stapel = P10–P90, streck = P50)")
    _title(
        ax,
        f"Monte Carlo: {format_number(result.draws, 0)} dragningar, "
        f"{result.distribution.label.lower()}",
    )
    ax.grid(axis="x", alpha=0.3)
    ax.margins(x=0.05)
    fig.tight_layout()


def simulation_png(result: SimulationResult) -> bytes:
    return to_png(lambda f: draw_simulation(f, result), height=_height(len(result.options), 1.4))


# ---------------------------------------------------------------- ranking per party profile


def draw_party_rankings(fig: Any, rankings: Sequence[ProfileRanking]) -> None:
    """Rank of every option under every weight profile, side by side (1 = best)."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    if not rankings:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Ingen rangordning: poäng eller vikter saknas", ha="center")
        return
    options = [r.option for r in rankings[0].ranking]
    options.sort(key=lambda o: (not o.is_baseline, o.sort_order, o.code))
    n = len(options)
    grid = [[rk.rank_of(o.id) for o in options] for rk in rankings]
    image = ax.imshow(grid, cmap="RdYlGn_r", vmin=1, vmax=max(n, 2), aspect="auto", alpha=0.55)
    for i, rk in enumerate(rankings):
        if n > MANY:
            break  # colours only: 500 numbers would be unreadable (the table has them)
        for j, o in enumerate(options):
            rank = rk.rank_of(o.id)
            score = next(r.score for r in rk.ranking if r.option.id == o.id)
            ax.text(
                j, i, f"{rank}\n{format_number(score, 2)}", ha="center", va="center", fontsize=7
            )
    ax.set_xticks(
        range(n),
        [_short(o.code or o.name, 12) for o in options],
        fontsize=8 if n <= MANY else 6,
        rotation=0 if n <= MANY else 90,
    )
    labels = [
        f"{rk.profile.name} ({rk.profile.party})" if rk.profile.party else rk.profile.name
        for rk in rankings
    ]
    ax.set_yticks(range(len(rankings)), [_short(label, 34) for label in labels], fontsize=8)
    _title(ax, "Rangordning per viktprofil (placering och viktad poäng)")
    bar = fig.colorbar(image, ax=ax, label="placering (1 = bäst)", shrink=0.8)
    bar.set_ticks(list(range(1, max(n, 2) + 1)))
    fig.tight_layout()


def party_rankings_png(rankings: Sequence[ProfileRanking]) -> bytes:
    return to_png(lambda f: draw_party_rankings(f, rankings), height=_height(len(rankings), 0.8))


# ---------------------------------------------------------------- stability ranges


def draw_stability(fig: Any, sensitivity: Sensitivity) -> None:
    """Per criterion: the weight range within which the top option stays on top."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    rows = list(sensitivity.criteria)
    positions = list(range(len(rows)))
    ax.barh(positions, [100] * len(rows), color="#EEEEEE")
    ax.barh(
        positions,
        [c.upper - c.lower for c in rows],
        left=[c.lower for c in rows],
        color="#9CC3E6",
        label=f"{_short(sensitivity.top.title, 30)} förblir bäst",
    )
    ax.plot([c.current for c in rows], positions, "kD", markersize=5, label="nuvarande vikt")
    ax.set_yticks(positions, [_label(c.criterion.name, 24) for c in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("vikt, % (övriga vikter skalas i proportion)")
    _title(ax, f"Stabilitetsintervall – {_short(sensitivity.profile.name, 40)}")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False)
    fig.tight_layout()


def stability_png(sensitivity: Sensitivity) -> bytes:
    return to_png(
        lambda f: draw_stability(f, sensitivity),
        height=max(7.5, 2.5 + 0.7 * len(sensitivity.criteria)),
    )
