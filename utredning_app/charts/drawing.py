"""Charts drawn with matplotlib (Agg, no display) as PNG bytes: for Word reports and the GUI.

matplotlib is imported inside the functions (it costs ~0.3 s), never at module import.
``to_png`` is the one place that turns a drawing into PNG bytes (cost_charts uses it too).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

DPI = 150

# Metric-compatible free fonts for the usual Office fonts (what LibreOffice substitutes too).
_FONT_ALIASES = {
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "courier new": "Liberation Mono",
    "calibri": "Carlito",
    "cambria": "Caladea",
}
_chart_font: str | None = None


def set_chart_font(family: str | None) -> None:
    """Draw the following charts in ``family`` (the template's font) where it, or a
    metric-compatible replacement, is installed (else matplotlib's default). Only the name
    is kept here: looking fonts up imports matplotlib's font manager, which the chart worker
    does, not the process writing the document."""
    global _chart_font
    _chart_font = family or None


def resolved_chart_font() -> str | None:
    """The installed font the charts are drawn in (None: matplotlib's default)."""
    return _available_font(_chart_font) if _chart_font else None


def current_chart_font() -> str | None:
    return _chart_font


@cache
def _available_font(family: str) -> str | None:
    from matplotlib import font_manager

    names = {f.name.casefold(): f.name for f in font_manager.fontManager.ttflist}
    for candidate in (family, _FONT_ALIASES.get(family.casefold(), "")):
        if candidate and candidate.casefold() in names:
            return names[candidate.casefold()]
    return None


def to_png(draw: Callable[[Any], None], *, width: float = 16.0, height: float = 9.0) -> bytes:
    """Draw on a fresh Agg figure (size in cm) and return PNG bytes.

    ``draw`` lays the figure out itself; a layout engine left behind by ``tight_layout`` is
    dropped first, or drawing would lay out (measure every text) again.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from PIL import Image

    font = resolved_chart_font()
    fonts = {"font.family": "sans-serif", "font.sans-serif": [font, "DejaVu Sans"]}
    with matplotlib.rc_context(fonts if font else {}):
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
# Okabe–Ito after the region's dark blue: every pair told apart with colour-vision deficiency.
PALETTE = ("#002D5A", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")


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
    ends: list[tuple[float, int, str]] = []  # (last value, last year, colour)
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
            label=_wrap(s.label),
        )
        if s.x:
            ends.append((s.base[-1], s.x[-1], colour))
    _end_values(ax, ends)
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_ylabel(y_label, fontsize=8)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, 0, sep=" ")))
    xs = sorted({x for s in series for x in s.x})
    ax.set_xticks(xs)
    ax.set_xticklabels([str(x) for x in xs])
    if xs:
        ax.set_xlim(xs[0] - 0.2, xs[-1] + 0.2 + 0.12 * max(1, xs[-1] - xs[0]))
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


def _wrap(text: str, width: int = 45) -> str:
    """A legend label over lines (never cut)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def _end_values(ax: Any, ends: list[tuple[float, int, str]]) -> None:
    """The last year's value beside each line's end, moved apart where lines end close."""
    from utredning_app.domain.formatting import format_number

    if not ends:
        return
    low, high = ax.get_ylim()
    gap = (high - low) * 0.05
    placed: list[float] = []
    for value, _year, _colour in sorted(ends):
        y = value if not placed else max(value, placed[-1] + gap)
        placed.append(y)
    for (value, year, colour), y in zip(sorted(ends), placed, strict=True):
        ax.text(year + 0.08, y, format_number(value, 1), va="center", fontsize=7, color=colour)
