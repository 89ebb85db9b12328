"""English is a compiled .qm built from the shipped .ts; every source string is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.gui.conftest import translated
from utredning_app import paths


def test_every_string_has_an_english_translation() -> None:
    ts = paths.resources_dir() / "translations" / "utredningsstod_en.ts"
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts).iter("message")
        if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []
    assert ts.with_suffix(".qm").is_file()


def test_choosing_english_translates_the_window(qtbot: QtBot, qapp: Any) -> None:
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.gui.settings import AppSettings

    settings = AppSettings()
    settings.set_language("en")
    with translated(settings.language()):
        window = MainWindow(settings, ask_identity=False)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "&Help"]
        assert window.sidebar.item(0).text() == "Overview"
    window2 = MainWindow(settings, ask_identity=False)
    qtbot.addWidget(window2)
    assert window2.menuBar().actions()[0].text() == "&Arkiv"


def test_validation_messages_follow_the_language(qtbot: QtBot, qapp: Any) -> None:
    """The domain writes them in Swedish (no Qt there); the window shows them translated."""
    from utredning_app.domain.validation import Scale, validate
    from utredning_app.gui.validation_text import translated_message

    empty_name = validate("member", {"name": " "})[0].message
    bad_year = validate("estimate_value", {"year": 1800, "low": 3.0, "base": 2.0})
    messages = [empty_name, *(e.message for e in bad_year)]
    score = validate("assessment", {"score": 9.0}, Scale(1, 5))[0].message
    assert empty_name == "Namn måste fyllas i."
    assert [translated_message(m) for m in messages] == messages  # Swedish: as written
    with translated("en"):
        english = [translated_message(m) for m in [*messages, score]]
    assert english[0] == "Name must be filled in."
    assert "The low value cannot be greater than the base value." in english
    assert english[-1] == "The score must be on the scale 1–5."
    assert not any("måste" in text or "kan inte" in text for text in english), english


def _chart_texts(figure: Any) -> list[str]:
    """Every title, axis label and legend entry drawn on ``figure``."""
    texts = []
    for ax in figure.axes:
        texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        legend = ax.get_legend()
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
    for legend in figure.legends:
        texts += [t.get_text() for t in legend.get_texts()]
    return [t for t in texts if t]


def test_chart_texts_follow_the_language_in_the_window_and_stay_swedish_in_reports(
    qtbot: QtBot, qapp: Any, demo_path: Any
) -> None:
    """Kostnadsanalys in English draws English titles, axes and legends; the same chart made
    for a Word report at the same time (a PNG, no canvas) stays Swedish."""
    from utredning_app.charts import cost_charts
    from utredning_app.gui.views.cost_analysis import View
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import open_file

    workspace = Workspace(open_file(demo_path, actor="Testaren"))
    try:
        with translated("en"):
            view = View()
            qtbot.addWidget(view)
            view.resize(1200, 900)
            view.show()
            view.set_workspace(workspace)
            assert view.ranges_chart.drawn and view.tornado_chart.drawn
            english = [
                text
                for chart in (view.ranges_chart, view.diff_chart, view.years_chart)
                for text in _chart_texts(chart.figure)
            ] + _chart_texts(view.tornado_chart.figure)
            assert "Cost over the years" in english
            assert any(t.startswith("Cost per option, present value") for t in english)
            assert any(t.startswith("SEK m; bar = base, line = low–high (r = ") for t in english)
            assert (
                "estimate at its low value" in english and "estimate at its high value" in english
            )
            assert any(t.startswith("What drives the uncertainty – option") for t in english)
            swedish_words = ("nuvärde", "skattningen", "Kostnad", "mnkr", "osäkerheten")
            assert not [t for t in english if any(w in t for w in swedish_words)], english

            from matplotlib.figure import Figure

            assert view.summary is not None
            report = Figure()
            cost_charts.draw_cost_over_years(report, view.summary)  # as exporting does
            assert report.axes[0].get_title() == "Kostnad över åren"
        view.reload()  # Swedish again
        assert "Kostnad över åren" in _chart_texts(view.years_chart.figure)
    finally:
        workspace.close()


def test_every_chart_text_is_marked_for_translation() -> None:
    """Each ``t("…")`` source in charts/ is listed in gui/chart_texts.py (lupdate reads only
    the GUI), and nothing is listed there that no chart uses."""
    import ast

    from utredning_app.gui import chart_texts

    charts = Path(chart_texts.__file__).resolve().parents[1] / "charts"
    used = set()
    for path in charts.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
            ):
                first = node.args[0]
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: t() needs the Swedish text itself"
                )
                used.add(first.value)
    assert used and used == set(chart_texts.SOURCES)
