"""A matplotlib figure in a Qt widget (QtCharts is not available in PySide6-Essentials).

The drawing code is shared with the Word reports: ``charts/cost_charts.py`` has
``draw_*(figure, …)`` functions; this widget hands them its figure and repaints. matplotlib
is imported when the first canvas is built, i.e. when a chart view is first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


class ChartCanvas(QWidget):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure: Any = Figure(figsize=(7.0, 4.0), dpi=100, layout="tight")
        self.canvas: Any = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(260)
        self.canvas.setAccessibleName(accessible_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.drawn = False

    def draw(self, painter: Callable[[Any], None]) -> None:
        """Clear the figure, let ``painter(figure)`` draw, repaint."""
        from utredning_app.charts.texts import translated
        from utredning_app.gui.chart_texts import chart_text

        self.figure.clear()
        with translated(chart_text):  # titles, axes and legends in the user's language
            painter(self.figure)
        self._wrap_texts()
        self.canvas.draw_idle()
        self.drawn = True

    def _wrap_texts(self) -> None:
        """Titles and axis labels wrap at the canvas edge instead of running past it (the
        Monte Carlo title was cut in a narrow window); the tight layout then makes room."""
        suptitle = getattr(self.figure, "_suptitle", None)
        texts = [suptitle] if suptitle is not None else []
        for ax in self.figure.axes:
            texts += [ax.title, ax.xaxis.label, ax.yaxis.label]
            legend = ax.get_legend()
            if legend is not None:
                # Beside the lines, not over the axis labels (matplotlib finds the emptiest
                # corner of the plot area).
                legend.set_loc("best")
        for text in texts:
            text.set_wrap(True)
        self._room_for_figure_legends()

    def _room_for_figure_legends(self) -> None:
        """A legend below the plot (``fig.legend(loc="lower center")``, the tornado) is not
        seen by the tight layout and covered the axis label: keep its height free."""
        from matplotlib.layout_engine import TightLayoutEngine

        bottom = 0.0
        if self.figure.legends:
            renderer = self.canvas.get_renderer()
            height = max(
                legend.get_window_extent(renderer).height for legend in self.figure.legends
            )
            bottom = min(0.4, height / max(self.figure.bbox.height, 1.0) + 0.01)
        self.figure.set_layout_engine(TightLayoutEngine(rect=(0.0, bottom, 1.0, 1.0)))

    def message(self, text: str) -> None:
        """Show a sentence instead of a chart (no data, or data that cannot be used)."""

        def paint(fig: Any) -> None:
            ax = fig.add_subplot(1, 1, 1)
            ax.set_axis_off()
            ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, fontsize=10)

        self.draw(paint)
        self.drawn = False
