"""Läsa och koda on a laptop screen: at 1366×768 every column heading shows in full and the
answer text is at least 60 characters wide; at 1024×700 the sidebar gives way to icons; the
splitters remember where the user left them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window
from tests.gui.test_master_detail_clicks import click_tab


def _coding(qtbot: QtBot, path: Path, width: int, height: int) -> tuple[Any, Any]:
    window = open_window(qtbot, path)
    window.resize(width, height)
    view = window.show_view("remiss_answers")
    view.workbench.setCurrentWidget(view.workbench.coding)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()
    return window, view.workbench.coding


def test_at_1366x768_headings_show_in_full_and_the_answer_is_60_characters_wide(
    qtbot: QtBot, demo_path: Path
) -> None:
    window, coding = _coding(qtbot, demo_path, 1366, 768)
    try:
        assert coding.proposals.rowCount() >= 3, "the demo answer is coded per proposal"
        header = coding.proposals.horizontalHeader()
        metrics = header.fontMetrics()
        visible = header.viewport().width()
        for column in range(header.count()):
            text = coding.proposals.horizontalHeaderItem(column).text()
            left = header.sectionViewportPosition(column)
            size = header.sectionSize(column)
            assert size >= metrics.horizontalAdvance(text) + 8, text
            assert left >= 0 and left + size <= visible, f"{text} is outside the table"
        text = coding.text
        characters = text.viewport().width() / text.fontMetrics().horizontalAdvance("n")
        assert characters >= 60, characters
        assert window.sidebar.width() < 300  # the views get the room
    finally:
        window.close()


def test_at_1024x700_the_sidebar_shows_icons_and_the_answer_stays_readable(
    qtbot: QtBot, demo_path: Path
) -> None:
    window, coding = _coding(qtbot, demo_path, 1024, 700)
    try:
        assert window.sidebar.width() <= 60
        item = window.sidebar.item(0)
        assert item.text() == "" and item.toolTip().startswith("Översikt")
        text = coding.text
        assert text.viewport().width() / text.fontMetrics().horizontalAdvance("n") >= 50
        window.resize(1700, 900)
        qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "Översikt")
    finally:
        window.close()


@pytest.mark.parametrize("name", ["outer_split", "work_split", "reading_split"])
def test_splitters_remember_where_they_were_left(qtbot: QtBot, demo_path: Path, name: str) -> None:
    window, coding = _coding(qtbot, demo_path, 1366, 768)
    try:
        splitter = getattr(coding, name)
        handle = splitter.handle(1)
        start = handle.rect().center()
        before = splitter.sizes()
        step = (
            QPoint(40, 0) if splitter.orientation() == Qt.Orientation.Horizontal else QPoint(0, 40)
        )
        qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(handle, start + step)
        qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + step)
        moved = splitter.sizes()
        assert moved != before
    finally:
        window.close()
    window, coding = _coding(qtbot, demo_path, 1366, 768)
    try:
        assert getattr(coding, name).sizes() == moved
    finally:
        window.close()


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_the_change_log_filters_do_not_overlap(
    qtbot: QtBot, demo_path: Path, size: tuple[int, int]
) -> None:
    window = open_window(qtbot, demo_path)
    try:
        window.resize(*size)
        view = window.show_view("audit")
        qtbot.waitUntil(lambda: window.width() == size[0])
        QApplication.processEvents()
        widgets = [
            view.actor_combo,
            view.table_combo,
            view.text_edit,
            view.use_dates,
            view.from_date,
            view.to_date,
            view.count_label,
        ]
        rects = [
            w.geometry().translated(w.parentWidget().mapTo(view, QPoint(0, 0))) for w in widgets
        ]
        for i, first in enumerate(rects):
            assert first.width() > 0
            for second in rects[i + 1 :]:
                assert not first.intersects(second), (first, second)
        assert view.count_label.text().endswith("ändringar")
    finally:
        window.close()


def _inside(inner: Any, outer: Any) -> bool:
    return (
        inner.x0 >= outer.x0 - 1
        and inner.x1 <= outer.x1 + 1
        and inner.y0 >= outer.y0 - 1
        and inner.y1 <= outer.y1 + 1
    )


def test_charts_keep_their_texts_inside_and_apart_at_1024x700(
    qtbot: QtBot, demo_path: Path
) -> None:
    """The tornado's legend below the plot covered the axis label; the Monte Carlo title ran
    past the edge of a narrow canvas."""
    window = open_window(qtbot, demo_path)
    try:
        window.resize(1024, 700)
        view = window.show_view("cost_analysis")
        qtbot.waitUntil(lambda: window.width() == 1024)
        click_tab(qtbot, view.tabs, view.tabs.indexOf(view.tornado_chart.parentWidget()))
        QApplication.processEvents()
        qtbot.waitUntil(lambda: view.tornado_chart.drawn)
        figure = view.tornado_chart.figure
        view.tornado_chart.canvas.draw()
        renderer = view.tornado_chart.canvas.get_renderer()
        (legend,) = figure.legends
        label = figure.axes[0].xaxis.label.get_window_extent(renderer)
        assert not legend.get_window_extent(renderer).overlaps(label)

        click_tab(qtbot, view.tabs, view.tabs.count() - 1)
        view.run_simulation()
        qtbot.waitUntil(lambda: view.sim_chart.drawn, timeout=60_000)
        QApplication.processEvents()
        canvas = view.sim_chart.canvas
        canvas.draw()
        renderer = canvas.get_renderer()
        whole = view.sim_chart.figure.bbox
        axes = view.sim_chart.figure.axes[0]
        assert axes.get_title(), "the chart has a title"
        for text in (axes.title, axes.xaxis.label):
            assert _inside(text.get_window_extent(renderer), whole), text.get_text()
    finally:
        window.close()
