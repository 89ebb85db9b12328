"""Rapporter ▸ Utgåvor: the demo's sent delrapport is listed, saved byte for byte as a Word
file, and a new edition of a fastställd report is kept; an utkast is refused with a message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window
from utredning_app.gui.editions_dialog import EditionsDialog
from utredning_app.services.editions import edition_bytes, list_editions


def _click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_editions_listed_saved_and_recorded(
    qtbot: QtBot,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[str],
) -> None:
    shown: list[EditionsDialog] = []

    def exec_(dialog: EditionsDialog) -> int:  # modal exec would block the test
        shown.append(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(EditionsDialog, "exec", exec_)
    window = open_window(qtbot, demo_path)
    try:
        view = window.show_view("reports")
        _click(qtbot, view.editions_button)
        (dialog,) = shown
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 0).text() == "Delrapport"
        assert dialog.table.item(0, 2).text() == "Remissutgåva"
        assert not dialog.save_as.isEnabled()
        # Choose the edition with the mouse, then save it as a Word file.
        index = dialog.table.model().index(0, 1)
        qtbot.mouseClick(
            dialog.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=dialog.table.visualRect(index).center(),
        )
        assert dialog.save_as.isEnabled()
        target = tmp_path / "skickad.docx"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
        )
        _click(qtbot, dialog.save_as)
        (edition,) = list_editions(demo_path)
        assert target.read_bytes() == edition_bytes(demo_path, edition.id)
        # The slutrapport is an utkast: refused, said why, nothing kept.
        _click(qtbot, dialog.new_slutrapport)
        qtbot.waitUntil(lambda: bool(message_boxes), timeout=30_000)
        assert "utkast" in message_boxes[-1]
        # A new edition of the fastställd delrapport.
        _click(qtbot, dialog.new_delrapport)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=120_000)
        assert [e.label for e in list_editions(demo_path)] == ["Remissutgåva", "Remissutgåva 2"]
        dialog.close()
    finally:
        window.close()
