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
