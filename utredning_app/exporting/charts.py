"""Charts drawn with matplotlib (Agg, no display) as PNG bytes: for Word reports and the GUI.

matplotlib is imported inside the functions (it costs ~0.3 s), never at module import.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

# The region's palette: dark blue first, then clearly different hues (colour-blind safe order).
PALETTE = ("#002D5A", "#D55E00", "#009E73", "#CC79A7", "#0072B2", "#E69F00", "#56B4E9")


@dataclass(frozen=True)
class RangeSeries:
    label: str
    x: Sequence[int]
    low: Sequence[float]
    base: Sequence[float]
    high: Sequence[float]
    dashed: bool = False


def range_chart_png(
    series: Sequence[RangeSeries],
    *,
    title: str,
    y_label: str,
    width_cm: float = 16.0,
    height_cm: float = 10.0,
    dpi: int = 150,
) -> bytes:
    """A line per series (base) with a shaded low–high band; Swedish number format on y."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    from utredning_app.domain.formatting import format_number

    fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=dpi)
    ax = fig.add_subplot(1, 1, 1)
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        ax.fill_between(s.x, s.low, s.high, color=colour, alpha=0.15, linewidth=0)
        ax.plot(
            s.x,
            s.base,
            color=colour,
            linewidth=2,
            marker="o",
            markersize=3,
            linestyle="--" if s.dashed else "-",
            label=s.label,
        )
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_ylabel(y_label, fontsize=8)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, 0, sep=" ")))
    xs = sorted({x for s in series for x in s.x})
    ax.set_xticks(xs)
    ax.set_xticklabels([str(x) for x in xs])
    ax.tick_params(labelsize=8)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if series:
        # Below the plot: long Swedish option names would cover the lines inside it.
        ax.legend(
            fontsize=7,
            frameon=False,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncol=2 if len(series) > 2 else len(series),
        )
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
