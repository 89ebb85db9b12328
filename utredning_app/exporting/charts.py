"""Charts drawn with matplotlib (Agg, no display) as PNG bytes: for Word reports and the GUI.

matplotlib is imported inside the functions (it costs ~0.3 s), never at module import.
``to_png`` is the one place that turns a drawing into PNG bytes (cost_charts uses it too).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

DPI = 150


def to_png(draw: Callable[[Any], None], *, width: float = 16.0, height: float = 9.0) -> bytes:
    """Draw on a fresh Agg figure (size in cm) and return PNG bytes.

    ``draw`` lays the figure out itself; a layout engine left behind by ``tight_layout`` is
    dropped first, or drawing would lay out (measure every text) again.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from PIL import Image

    fig = Figure(figsize=(width / 2.54, height / 2.54), dpi=DPI)
    canvas: Any = FigureCanvasAgg(fig)
    draw(fig)
    fig.set_layout_engine(None)
    canvas.draw()
    # RGB (the charts are opaque) at zlib level 3: smaller and faster than savefig's RGBA/6.
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", compress_level=3, dpi=(DPI, DPI))
    return buffer.getvalue()


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
) -> bytes:
    """A line per series (base) with a shaded low–high band; Swedish number format on y."""
    return to_png(
        lambda fig: draw_range_chart(fig, series, title=title, y_label=y_label),
        width=width_cm,
        height=height_cm,
    )


def draw_range_chart(fig: Any, series: Sequence[RangeSeries], *, title: str, y_label: str) -> None:
    from matplotlib.ticker import FuncFormatter

    from utredning_app.domain.formatting import format_number

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
