"""Utredningens kommentar next to the coding: choose a proposal with the mouse, type, save;
the text is the one the remissammanställning prints."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from utredning_app.gui.remiss.coding_widget import CodingWidget
from utredning_app.services.remiss_comments import remiss_comment
from utredning_app.storage.database import Database


def test_comment_per_proposal_is_edited_next_to_the_coding(qtbot: QtBot, demo_db: Database) -> None:
    view = CodingWidget()
    qtbot.addWidget(view)
    view.resize(1300, 800)
    from utredning_app.gui.workspace import Workspace

    view.set_workspace(Workspace(demo_db))
    view.show()
    assert view.proposals.rowCount() >= 2
    editor = view.comment_editor
    # Click the second proposal's title cell, as a person would.
    index = view.proposals.model().index(1, 1)
    qtbot.mouseClick(
        view.proposals.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.proposals.visualRect(index).center(),
    )
    pid = str(view.proposals.item(1, 0).data(Qt.ItemDataRole.UserRole))
    number = view.proposals.item(1, 0).text()
    assert f"förslag {number}" in editor.title.text()
    rnd = view.round_combo.currentData()
    assert editor.text.toPlainText() == remiss_comment(demo_db, rnd, pid)  # the demo's text
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "Utredningen har flyttat tidplanen efter bolagens svar.")
    with qtbot.waitSignal(view.changed, timeout=5_000) as signal:
        qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert "remiss_comment" in signal.args[0]
    assert remiss_comment(demo_db, rnd, pid) == (
        "Utredningen har flyttat tidplanen efter bolagens svar."
    )
