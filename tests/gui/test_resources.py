"""Icons and style sheet ship with the program and load (SVG, so sharp on high-DPI screens)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from utredning_app import paths
from utredning_app.gui.icons import icon
from utredning_app.gui.views import VIEWS

GUI = Path(__file__).resolve().parents[2] / "utredning_app" / "gui"


def test_every_icon_used_exists_and_renders(qtbot: QtBot) -> None:
    names = {v.icon for v in VIEWS}
    for source in GUI.rglob("*.py"):
        names |= set(re.findall(r'icon\("([a-z_]+)"\)', source.read_text(encoding="utf-8")))
    names |= {p.stem for p in (paths.resources_dir() / "icons").glob("*.svg")}
    assert len(names) > 25
    for name in sorted(names):
        assert (paths.resources_dir() / "icons" / f"{name}.svg").is_file(), name
        pixmap = icon(name).pixmap(QSize(48, 48))
        assert not pixmap.isNull(), name


def test_style_sheet_applies_without_warnings(qtbot: QtBot, qapp: object) -> None:
    from utredning_app.gui.app import apply_style

    apply_style(qapp)  # type: ignore[arg-type]
    assert "sidebar" in qapp.styleSheet()  # type: ignore[attr-defined]
    qapp.setStyleSheet("")  # type: ignore[attr-defined]


def test_the_directive_scrollbar_is_not_painted_black(
    qtbot: QtBot, qapp: object, demo_path: Path
) -> None:
    """The card's text once had a transparent background; its scroll bar inherited it and
    Fusion painted the handle solid black. Count near-black pixels in the scroll bar."""
    from PySide6.QtWidgets import QApplication

    from tests.gui.conftest import open_window
    from utredning_app.gui.app import apply_style

    apply_style(qapp)  # type: ignore[arg-type]
    try:
        window = open_window(qtbot, demo_path)
        window.resize(1366, 768)
        view = window.show_view("overview")
        QApplication.processEvents()
        bar = view.directive.verticalScrollBar()
        assert bar.isVisible() and bar.maximum() > 0, "the demo directive needs scrolling"
        image = bar.grab().toImage()
        dark = sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 40
        )
        assert dark < image.width() * image.height() // 20, dark
        window.close()
    finally:
        qapp.setStyleSheet("")  # type: ignore[attr-defined]
