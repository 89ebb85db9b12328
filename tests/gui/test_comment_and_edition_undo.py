"""Utredningens kommentar and a kept edition are undone and redone with Ctrl+Z / Ctrl+Y in the
main window like every other edit: one undo step each, the file and the views follow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window
from utredning_app.gui.editions_dialog import EditionsDialog
from utredning_app.services.editions import list_editions
from utredning_app.services.remiss_comments import remiss_comment
from utredning_app.storage.database import open_database

CTRL = Qt.KeyboardModifier.ControlModifier
NEW = "Utredningen delar synpunkten och har skrivit om texten."


@pytest.fixture
def demo_window(qtbot: QtBot, demo_path: Path) -> Iterator[Any]:
    win = open_window(qtbot, demo_path)
    yield win
    win.close()


def _comment_in_file(path: Path, round_id: str, proposal_id: str) -> str:
    db = open_database(path, read_only=True)
    try:
        return remiss_comment(db, round_id, proposal_id)
    finally:
        db.close()


def _keys(qtbot: QtBot, window: Any, key: Qt.Key) -> None:
    """Ctrl+key in the main window, as a person presses it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(window, key, CTRL)


def test_a_saved_comment_is_undone_and_redone_with_the_keys(
    qtbot: QtBot, demo_window: Any, demo_path: Path
) -> None:
    view = demo_window.show_view("remiss_answers")
    coding = view.workbench.coding
    coding.reload()
    editor = coding.comment_editor
    # Click the second proposal's title cell with the mouse.
    index = coding.proposals.model().index(1, 1)
    qtbot.mouseClick(
        coding.proposals.viewport(),
        Qt.MouseButton.LeftButton,
        pos=coding.proposals.visualRect(index).center(),
    )
    pid = str(coding.proposals.item(1, 0).data(Qt.ItemDataRole.UserRole))
    rnd = coding.round_combo.currentData()
    before = _comment_in_file(demo_path, rnd, pid)
    assert editor.text.toPlainText() == before
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, NEW)
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert _comment_in_file(demo_path, rnd, pid) == NEW
    assert demo_window.undo_action.text() == "&Ångra Utredningens kommentar"

    _keys(qtbot, demo_window, Qt.Key.Key_Z)
    # The text as it was (a saved comment is stored without blanks around it).
    assert _comment_in_file(demo_path, rnd, pid) == before.strip()
    assert editor.proposal_id == pid  # still the same proposal, showing the old text
    assert editor.text.toPlainText() == before.strip()

    _keys(qtbot, demo_window, Qt.Key.Key_Y)
    assert _comment_in_file(demo_path, rnd, pid) == NEW
    assert editor.text.toPlainText() == NEW


def test_saving_the_same_comment_again_adds_no_undo_step(
    qtbot: QtBot, demo_window: Any, demo_path: Path
) -> None:
    view = demo_window.show_view("remiss_answers")
    coding = view.workbench.coding
    coding.reload()
    index = coding.proposals.model().index(0, 1)
    qtbot.mouseClick(
        coding.proposals.viewport(),
        Qt.MouseButton.LeftButton,
        pos=coding.proposals.visualRect(index).center(),
    )
    steps = demo_window.workspace.undo_stack.count()
    qtbot.mouseClick(coding.comment_editor.save, Qt.MouseButton.LeftButton)
    assert demo_window.workspace.undo_stack.count() == steps


def test_a_kept_edition_is_undone_and_redone_with_the_keys(
    qtbot: QtBot, demo_window: Any, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[EditionsDialog] = []

    def exec_(dialog: EditionsDialog) -> int:  # modal exec would block the test
        shown.append(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(EditionsDialog, "exec", exec_)
    view = demo_window.show_view("reports")

    def open_editions() -> EditionsDialog:
        qtbot.mouseClick(view.editions_button, Qt.MouseButton.LeftButton)
        return shown[-1]

    dialog = open_editions()
    assert dialog.table.rowCount() == 1
    qtbot.mouseClick(dialog.new_delrapport, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=120_000)
    assert [e.label for e in list_editions(demo_path)] == ["Remissutgåva", "Remissutgåva 2"]
    assert demo_window.undo_action.text() == "&Ångra Spara utgåva av delrapporten"
    dialog.close()

    _keys(qtbot, demo_window, Qt.Key.Key_Z)
    assert [e.label for e in list_editions(demo_path)] == ["Remissutgåva"]
    dialog = open_editions()
    assert dialog.table.rowCount() == 1
    dialog.close()

    _keys(qtbot, demo_window, Qt.Key.Key_Y)
    assert [e.label for e in list_editions(demo_path)] == ["Remissutgåva", "Remissutgåva 2"]
    dialog = open_editions()
    assert dialog.table.rowCount() == 2
    dialog.close()
