"""Charts of the cost model and the appraisal (matplotlib, no pyplot, no Qt).

Each chart has a ``draw_*(figure, …)`` function that draws on any matplotlib ``Figure`` —
the GUI passes the figure of a ``FigureCanvasQTAgg`` — and a ``*_png(…)`` function that
draws on an Agg figure and returns PNG bytes for the Word reports. matplotlib is imported
only when a chart is drawn. Labels are Swedish, numbers ``1 234,5``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from utredning_app.charts.drawing import to_png
from utredning_app.charts.texts import t
from utredning_app.domain.appraisal import ProfileRanking, Sensitivity
from utredning_app.domain.costs import CostSummary, difference_range
from utredning_app.domain.formatting import format_number
from utredning_app.domain.uncertainty import SimulationResult, Tornado

# Okabe–Ito: told apart with every common colour-vision deficiency (no red/green pairs).
BASELINE_COLOUR = "#7F7F7F"
OPTION_COLOUR = "#0072B2"  # blue
LOW_COLOUR = "#56B4E9"  # sky blue: an estimate at its low value
HIGH_COLOUR = "#E69F00"  # orange: an estimate at its high value
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000")
RANK_COLOURS = "cividis_r"  # ranking grid: 1 (best) light yellow … last dark blue

# Documents show at most this many rows in a chart (the tables have them all).
CHART_TOP = 12


def _number_axis(axis: Any, decimals: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, decimals)))
    axis.set_tick_params(labelsize=8)


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


def _label(text: str, width: int = 26, lines: int = 3) -> str:
    """Wrap a long name over lines of ``width`` characters; it is never cut (at most
    ``lines`` lines, each then a little wider)."""
    import textwrap

    wrapped = textwrap.wrap(text, width) or [""]
    while len(wrapped) > lines and width < 80:
        width += 6
        wrapped = textwrap.wrap(text, width)
    return "\n".join(wrapped)


ROW_LABEL = "rad"  # gid of the row labels that _fit_rows measures


def _rows(ax: Any, labels: Sequence[str], *, fontsize: float = 8) -> None:
    """One row per label, first on top; labels as plain texts left of the axes.

    Not tick labels: 50 ticks (each with its own lines and texts) cost more than the rest
    of the chart.
    """
    from matplotlib.transforms import offset_copy

    ax.set_yticks([])
    ax.set_ylim(len(labels) - 0.5, -0.5)
    where = offset_copy(ax.get_yaxis_transform(), fig=ax.figure, x=-4, units="points")
    for i, label in enumerate(labels):
        ax.text(
            0, i, label, transform=where, ha="right", va="center", fontsize=fontsize, gid=ROW_LABEL
        )


def _bars(
    ax: Any,
    widths: Sequence[float],
    *,
    left: Sequence[float] | float = 0.0,
    height: float = 0.8,
    colours: Sequence[str] | str = OPTION_COLOUR,
    label: str | None = None,
) -> None:
    """Horizontal bars, one per row, as one collection (50 patches are slow to add and draw)."""
    from matplotlib.collections import PolyCollection

    lefts = [left] * len(widths) if isinstance(left, int | float) else list(left)
    half = height / 2
    boxes = [
        [(x, y - half), (x + w, y - half), (x + w, y + half), (x, y + half)]
        for y, (x, w) in enumerate(zip(lefts, widths, strict=True))
    ]
    ax.add_collection(PolyCollection(boxes, facecolors=colours, linewidths=0, label=label))
    ax.autoscale_view(scaley=False)


def _fit_rows(fig: Any, axes: Sequence[Any], *, legend_below: bool = False) -> None:
    """Margins for the horizontal-bar charts, measured from their row labels only.

    These charts share one shape: row labels on the left, a title above, numbers and an
    axis label below (and possibly a legend under those). ``tight_layout`` measures every
    text of the figure twice and took a third of a chart's time; here only the row labels
    are measured (their layout is cached for the drawing that follows).
    """
    renderer = fig.canvas.get_renderer()
    widest = max(
        (
            text.get_window_extent(renderer).width
            for ax in axes
            for text in ax.texts
            if text.get_gid() == ROW_LABEL
        ),
        default=0.0,
    )
    width, height = fig.get_size_inches()
    top, below = 0.32, 0.55  # inches: title; tick numbers + axis label
    bottom = below + (0.3 if legend_below else 0.0)
    n = len(axes)
    gap = top + below
    usable = height - top - bottom
    axes_height = max((usable - (n - 1) * gap) / n, 0.3)
    fig.subplots_adjust(
        left=min(0.6, (widest / fig.dpi + 0.15) / width),
        right=1 - 0.25 / width,
        top=1 - top / height,
        bottom=bottom / height,
        hspace=gap / axes_height if n > 1 else 0.0,
    )


# ---------------------------------------------------------------- cost per option with ranges


def draw_cost_ranges(
    fig: Any,
    summary: CostSummary,
    *,
    difference: bool = False,
    option_ids: Sequence[str] | None = None,
) -> None:
    """Present value per option (bar = base, whisker = low–high); ``option_ids`` limits the
    rows (a document shows a readable top-N)."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    # The baseline has no difference against itself; a difference shows the ordered scenario
    # range the tables print (``difference_range``), so chart, table and alt text agree.
    shown = [
        (oc, difference_range(oc.present_value, r) if difference else r)
        for oc in summary.options
        if (r := oc.difference_pv if difference else oc.present_value) is not None
        and (option_ids is None or oc.option.id in option_ids)
    ]
    rows = [oc for oc, _ in shown]
    ranges = [r for _, r in shown]
    names = [_row_label(oc.option.title, len(rows)) for oc in rows]
    base = [r.base for r in ranges]
    lower = [max(0.0, r.base - r.low) for r in ranges]
    upper = [max(0.0, r.high - r.base) for r in ranges]
    colours = [BASELINE_COLOUR if oc.option.is_baseline else OPTION_COLOUR for oc in rows]
    positions = list(range(len(rows)))
    _rows(ax, names, fontsize=10 if len(rows) <= MANY else 8)
    _bars(ax, base, colours=colours)
    ax.errorbar(base, positions, xerr=[lower, upper], fmt="none", capsize=4, ecolor="#333333", lw=1)
    ax.axvline(0, color="#333333", linewidth=0.8)
    _number_axis(ax.xaxis)
    rate = format_number(summary.discount_rate * 100, 1) + "\u00a0%"
    period = f"{summary.horizon.start_year}–{summary.horizon.end_year}"
    if difference:
        _title(ax, t("Skillnad mot nollalternativet, nuvärde %1", period))
        ax.set_xlabel(t("mnkr, alternativ − nollalternativ (r = %1)", rate))
    else:
        _title(ax, t("Kostnad per alternativ, nuvärde %1", period))
        ax.set_xlabel(t("mnkr; stapel = bas, linje = låg–hög (r = %1)", rate))
    if len(rows) <= MANY:  # many rows: the values stand in the table beside the chart
        for pos, r in enumerate(ranges):
            # Beyond the whisker's far end, so the number never sits on a bar or a line.
            right = r.base >= 0
            ax.annotate(
                format_number(r.base, 1),
                (r.high if right else r.low, pos),
                xytext=(5 if right else -5, 0),
                textcoords="offset points",
                ha="left" if right else "right",
                va="center",
                fontsize=8,
                color="#333333",
            )
    # Bars grow from 0; room beyond the whiskers for the numbers (none when many rows).
    lo = min([0.0, *(r.low for r in ranges)])
    hi = max([0.0, *(r.high for r in ranges)])
    pad = (hi - lo or 1.0) * (0.22 if len(rows) <= MANY else 0.04)
    ax.set_xlim(lo - pad if lo < 0 else 0.0, hi + pad if hi > 0 else 0.0)
    _fit_rows(fig, [ax])


def cost_ranges_png(
    summary: CostSummary, *, difference: bool = False, option_ids: Sequence[str] | None = None
) -> bytes:
    rows = len(option_ids) if option_ids is not None else len(summary.options)
    height = _height(rows, 1.1)
    return to_png(
        lambda f: draw_cost_ranges(f, summary, difference=difference, option_ids=option_ids),
        height=height,
    )


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
            years,
            oc.yearly.base,
            style,
            color=colour,
            marker="o",
            label=_label(oc.option.title, 40, 2),
        )
        ax.fill_between(years, oc.yearly.low, oc.yearly.high, color=colour, alpha=0.12)
    ax.set_xticks(years, [str(y) for y in years])
    _number_axis(ax.yaxis)
    ax.set_ylabel(t("mnkr per år (linje = bas, fält = låg–hög)"))
    _title(ax, t("Kostnad över åren"))
    ax.grid(axis="y", alpha=0.3)
    if rows:
        ax.legend(fontsize=7, loc="best")
    fig.tight_layout()


def cost_over_years_png(summary: CostSummary, option_ids: Sequence[str] | None = None) -> bytes:
    return to_png(lambda f: draw_cost_over_years(f, summary, option_ids))


# ---------------------------------------------------------------- tornado


def _tornado_axes(ax: Any, tornado: Tornado, *, title: str) -> None:
    bars = list(tornado.bars)
    base = tornado.base_total
    _rows(ax, [_label(b.estimate.name, 30) for b in bars])
    _bars(
        ax,
        [b.total_at_low - base for b in bars],
        left=base,
        colours=LOW_COLOUR,
        label=t("skattningen på lågt värde"),
    )
    _bars(
        ax,
        [b.total_at_high - base for b in bars],
        left=base,
        colours=HIGH_COLOUR,
        label=t("skattningen på högt värde"),
    )
    ax.axvline(base, color="#333333", linewidth=1)
    for pos, b in enumerate(bars):  # the totals at the bar ends
        for value in (b.total_at_low, b.total_at_high):
            right = value >= base
            ax.annotate(
                format_number(value, 1),
                (value, pos),
                xytext=(3 if right else -3, 0),
                textcoords="offset points",
                ha="left" if right else "right",
                va="center",
                fontsize=7,
                color="#333333",
            )
    ax.margins(x=0.15)
    _number_axis(ax.xaxis)
    ax.set_xlabel(t("nuvärde, mnkr (bas %1, övriga på bas)", format_number(base, 1)), fontsize=8)
    _title(ax, title)


def _legend_below(fig: Any, ax: Any) -> None:
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, fontsize=7, loc="lower center", ncol=2, frameon=False)


def _tornado_title(tornado: Tornado) -> str:
    return tornado.option.code or tornado.option.name


def draw_tornado(fig: Any, tornado: Tornado) -> None:
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    title = t("Vad styr osäkerheten – alternativ %1", _tornado_title(tornado))
    _tornado_axes(ax, tornado, title=title)
    _legend_below(fig, ax)
    _fit_rows(fig, [ax], legend_below=True)


def tornado_png(tornado: Tornado) -> bytes:
    return to_png(lambda f: draw_tornado(f, tornado), height=_height(len(tornado.bars), 1.1, 3.0))


# ---------------------------------------------------------------- Monte Carlo


def draw_simulation(
    fig: Any, result: SimulationResult, option_ids: Sequence[str] | None = None
) -> None:
    """P10–P90 per option with the median marked and printed, and P(costs more than the
    baseline); ``option_ids`` limits the rows."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    rows = [o for o in result.options if option_ids is None or o.option.id in option_ids]
    positions = list(range(len(rows)))
    _bars(
        ax,
        [max(o.p90 - o.p10, 0.0) for o in rows],
        left=[o.p10 for o in rows],
        height=0.5,
        colours=[BASELINE_COLOUR if o.option.is_baseline else OPTION_COLOUR for o in rows],
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
        if o.prob_above_baseline is not None and len(rows) <= MANY:  # else: in the table
            prob = format_number(o.prob_above_baseline * 100, 0)
            label += "\n" + t("dyrare än i dag: %1", f"{prob}\u00a0%")
        labels.append(label)
    _rows(ax, labels)
    if len(rows) <= MANY:
        for pos, o in enumerate(rows):
            ax.annotate(
                f"{format_number(o.p50, 1)} ({format_number(o.p10, 1)}–{format_number(o.p90, 1)})",
                (o.p90, pos),
                xytext=(4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=7,
                color="#333333",
            )
    _number_axis(ax.xaxis)
    ax.set_xlabel(t("nuvärde, mnkr (stapel = 80 % av utfallen, streck = mittvärdet)"))
    _title(ax, t("Simulerade kostnader: %1 slumpade utfall", format_number(result.draws, 0)))
    ax.grid(axis="x", alpha=0.3)
    ax.margins(x=0.05)
    if rows and len(rows) <= MANY:
        lo = min(o.p10 for o in rows)
        hi = max(o.p90 for o in rows)
        ax.set_xlim(lo - (hi - lo) * 0.05, hi + (hi - lo or 1.0) * 0.45)
    _fit_rows(fig, [ax])


def simulation_png(result: SimulationResult, option_ids: Sequence[str] | None = None) -> bytes:
    rows = len(option_ids) if option_ids is not None else len(result.options)
    return to_png(lambda f: draw_simulation(f, result, option_ids), height=_height(rows, 1.4))


# ---------------------------------------------------------------- ranking per party profile


def draw_party_rankings(
    fig: Any, rankings: Sequence[ProfileRanking], option_ids: Sequence[str] | None = None
) -> None:
    """Rank of every option under every weight profile, side by side (1 = best);
    ``option_ids`` limits the columns (the ranks stay those among all options)."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    if not rankings:
        ax.set_axis_off()
        ax.text(0.5, 0.5, t("Ingen rangordning: poäng eller vikter saknas"), ha="center")
        return
    options = [r.option for r in rankings[0].ranking]
    total = len(options)
    if option_ids is not None:
        options = [o for o in options if o.id in option_ids]
    options.sort(key=lambda o: (not o.is_baseline, o.sort_order, o.code))
    n = len(options)
    grid = [[rk.rank_of(o.id) for o in options] for rk in rankings]
    image = ax.imshow(grid, cmap=RANK_COLOURS, vmin=1, vmax=max(total, 2), aspect="auto")
    for i, rk in enumerate(rankings):
        if n > MANY:
            break  # colours only: 500 numbers would be unreadable (the table has them)
        for j, o in enumerate(options):
            rank = rk.rank_of(o.id)
            score = next(r.score for r in rk.ranking if r.option.id == o.id)
            light = rank <= total / 2  # dark text on the light (good) end of the scale
            ax.text(
                j,
                i,
                f"{rank}\n{format_number(score, 2)}",
                ha="center",
                va="center",
                fontsize=7,
                color="#111111" if light else "#FFFFFF",
                # Inside the grid, so they cannot move the margins: tight_layout skips
                # measuring them (most of its time with 100 cells).
                in_layout=False,
            )
    codes = [_label(o.code or o.name, 12, 2) for o in options]
    if n <= MANY:
        ax.set_xticks(range(n), codes, fontsize=8)
    else:
        # Plain texts, not 50 tick objects (see _rows).
        from matplotlib.transforms import offset_copy

        ax.set_xticks([])
        below = offset_copy(ax.get_xaxis_transform(), fig=fig, y=-3, units="points")
        for j, code in enumerate(codes):
            ax.text(j, 0, code, transform=below, ha="center", va="top", rotation=90, fontsize=6)
    labels = [
        f"{rk.profile.name} ({rk.profile.party})" if rk.profile.party else rk.profile.name
        for rk in rankings
    ]
    ax.set_yticks(range(len(rankings)), [_label(label, 34, 2) for label in labels], fontsize=8)
    _title(ax, t("Rangordning per viktprofil (placering och viktad poäng)"))
    bar = fig.colorbar(image, ax=ax, label=t("placering (1 = bäst)"), shrink=0.8)
    # Every place when few; 1, 5, 10 … when many (50 tick labels would be a grey smear).
    bar.set_ticks(
        list(range(1, max(total, 2) + 1)) if total <= MANY else [1, *range(5, total + 1, 5)]
    )
    fig.tight_layout()


def party_rankings_png(
    rankings: Sequence[ProfileRanking], option_ids: Sequence[str] | None = None
) -> bytes:
    return to_png(
        lambda f: draw_party_rankings(f, rankings, option_ids), height=_height(len(rankings), 0.8)
    )


# ---------------------------------------------------------------- stability ranges


def draw_stability(fig: Any, sensitivity: Sensitivity) -> None:
    """Per criterion: the weight range within which the top option stays on top."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    rows = list(sensitivity.criteria)
    positions = list(range(len(rows)))
    _rows(ax, [_label(c.criterion.name, 24) for c in rows], fontsize=10)
    _bars(ax, [100] * len(rows), colours="#EEEEEE")
    _bars(
        ax,
        [c.upper - c.lower for c in rows],
        left=[c.lower for c in rows],
        colours="#9CC3E6",
        label=t("%1 förblir bäst", sensitivity.top.title),
    )
    ax.plot([c.current for c in rows], positions, "kD", markersize=5, label=t("nuvarande vikt"))
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("vikt, % (övriga vikter skalas i proportion)"))
    _title(ax, t("Stabilitetsintervall – %1", sensitivity.profile.name))
    _legend_below(fig, ax)
    _fit_rows(fig, [ax], legend_below=True)


def stability_png(sensitivity: Sensitivity) -> bytes:
    return to_png(
        lambda f: draw_stability(f, sensitivity),
        height=max(7.5, 2.5 + 0.7 * len(sensitivity.criteria)),
    )
