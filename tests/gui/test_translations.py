"""English is a compiled .qm built from the shipped .ts; every source string is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
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
