"""Suggested coding in the reading view: suggest, look at the evidence, change, take, reject,
undo – nothing is coded until a person takes a suggestion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window
from tests.remiss_helpers import ensure_round, write_docx_answer
from utredning_app.domain.enums import StanceKind
from utredning_app.gui.remiss import suggestion_panel as sp
from utredning_app.services import coding
from utredning_app.services.responses import analyse_files, commit_import
from utredning_app.storage.database import open_database


def _button(panel: sp.SuggestionPanel, name: str) -> QPushButton:
    button = panel.findChild(QPushButton, name)
    assert isinstance(button, QPushButton), name
    return button


def test_suggestions_are_taken_changed_rejected_and_undone(
    qtbot: QtBot, empty_path: Path, tmp_path: Path
) -> None:
    with open_database(empty_path) as db:
        ids = ensure_round(db)
        answer = write_docx_answer(
            tmp_path / "svar.docx",
            "Patientnämnden",
            ["Nämnden tillstyrker förslag 1.", "Nämnden avstyrker förslag 3 om ägarstyrning."],
        )
        (rid,) = commit_import(
            db, analyse_files(db, [answer]), received=dt.date(2023, 9, 1)
        ).response_ids
    numbers = {pid: n for n, pid in enumerate(ids.proposal_ids, start=1)}
    win: Any = open_window(qtbot, empty_path)
    try:
        view = win.show_view("remiss_answers")
        widget = view.workbench.coding
        widget.reload()
        assert widget.detail is not None and widget.detail.id == rid
        panel = widget.suggestion_panel
        qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
        shown = {s.number: s.stance for s in panel.suggestions}
        first = min(numbers.values())
        assert shown[first] is StanceKind.TILLSTYRKER
        assert shown[first + 2] is StanceKind.AVSTYRKER
        assert coding.stances_of(widget.db, rid) == {}  # nothing coded by suggesting

        # The evidence: clicking the sentence selects it in the answer's text.
        row = [s.number for s in panel.suggestions].index(first + 2)
        cell = panel.table.visualItemRect(panel.table.item(row, sp.COL_SENTENCE)).center()
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        assert widget.text.textCursor().selectedText() == (
            "Nämnden avstyrker förslag 3 om ägarstyrning."
        )

        # Change the suggested stance (keyboard on the row's list), then take it.
        combo = panel.table.cellWidget(row, sp.COL_STANCE)
        assert isinstance(combo, QComboBox)
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # Avstyrker -> Ingen erinran
        assert StanceKind(combo.currentData()) is StanceKind.INGEN_ERINRAN
        qtbot.mouseClick(_button(panel, f"acceptSuggestion{first + 2}"), Qt.MouseButton.LeftButton)
        stances = coding.stances_of(widget.db, rid)
        (pid3,) = [p for p, n in numbers.items() if n == first + 2]
        assert stances[pid3].stance is StanceKind.INGEN_ERINRAN
        (quote,) = coding.quotes_of(widget.db, rid)
        assert quote.text == "Nämnden avstyrker förslag 3 om ägarstyrning."
        assert quote.proposal_id == pid3
        assert first + 2 not in [s.number for s in panel.suggestions]

        # Reject the other one; undo brings it back; undo again un-codes the first.
        qtbot.mouseClick(_button(panel, f"rejectSuggestion{first}"), Qt.MouseButton.LeftButton)
        assert first not in [s.number for s in panel.suggestions]
        stack = win.workspace.undo_stack
        stack.undo()
        assert first in [s.number for s in panel.suggestions]
        stack.undo()
        assert coding.stances_of(widget.db, rid) == {}
        assert coding.quotes_of(widget.db, rid) == []
        assert first + 2 in [s.number for s in panel.suggestions]
        stack.redo()
        assert coding.stances_of(widget.db, rid)[pid3].stance is StanceKind.INGEN_ERINRAN
    finally:
        win.close()
