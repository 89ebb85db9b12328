"""Coding a remissvar (stance, quote, summary) is on the window's undo stack like every
other edit: undo and redo each write the file, in their own transaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.conftest import open_window
from utredning_app.domain.enums import StanceKind
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database


@pytest.fixture
def demo_window(qtbot: QtBot, demo_path: Path) -> Iterator[Any]:
    win = open_window(qtbot, demo_path)
    yield win
    win.close()


def _coding(path: Path, response_id: str) -> tuple[str, dict[str, str], int]:
    """(summary, live stance per proposal id, live quotes) as the file holds them now."""
    db = open_database(path, read_only=True)
    try:
        with db.reader() as s:
            response = s.get(m.Response, response_id)
            assert response is not None
            stances = {
                st.proposal_id: st.stance.value
                for st in s.scalars(
                    select(m.Stance).where(
                        m.Stance.response_id == response_id, m.Stance.deleted_at.is_(None)
                    )
                )
            }
            quotes = len(
                s.scalars(
                    select(m.Quote).where(
                        m.Quote.response_id == response_id, m.Quote.deleted_at.is_(None)
                    )
                ).all()
            )
            return response.summary_md, stances, quotes
    finally:
        db.close()


def test_coding_actions_undo_and_redo(demo_window: Any, demo_path: Path) -> None:
    view = demo_window.show_view("remiss_answers")
    widget = view.workbench.coding
    widget.reload()
    widget.responses.setCurrentRow(0)
    assert widget.detail is not None
    rid = widget.detail.id
    stack = demo_window.workspace.undo_stack
    summary0, stances0, quotes0 = _coding(demo_path, rid)

    # A stance.
    pid = widget.detail.proposals[0][0]
    new = StanceKind.AVSTYRKER if stances0.get(pid) != "avstyrker" else StanceKind.INGEN_ERINRAN
    widget._stance_chosen(pid, new)
    assert _coding(demo_path, rid)[1][pid] == new.value
    stack.undo()
    assert _coding(demo_path, rid)[1] == stances0
    stack.redo()
    assert _coding(demo_path, rid)[1][pid] == new.value

    # A summary.
    widget.summary.setPlainText("Kort sammanfattning för ångra-testet.")
    widget.store_summary()
    assert _coding(demo_path, rid)[0] == "Kort sammanfattning för ångra-testet."
    stack.undo()
    assert _coding(demo_path, rid)[0] == summary0

    # A quote from a selection in the answer's text.
    cursor = widget.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(20, QTextCursor.MoveMode.KeepAnchor)
    widget.text.setTextCursor(cursor)
    widget.quote_selection()
    assert _coding(demo_path, rid)[2] == quotes0 + 1
    stack.undo()
    assert _coding(demo_path, rid)[2] == quotes0
    stack.redo()
    assert _coding(demo_path, rid)[2] == quotes0 + 1
    assert widget.detail is not None and len(widget.detail.quotes) == quotes0 + 1
