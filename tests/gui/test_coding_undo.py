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


def test_a_coding_action_tells_the_other_views_once(
    qtbot: QtBot, demo_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each coding action in Läsa och koda is ONE ``changed`` of the workspace (its undo
    step's), with the coding widget as initiator; the workbench's own status tab still
    reloads once, and the coding widget does not reload itself from it."""
    from PySide6.QtCore import Qt

    from tests.gui.test_master_detail_clicks import choose_in_combo, click_tab

    overview = demo_window.show_view("overview")
    view = demo_window.show_view("remiss_answers")
    workbench = view.workbench
    click_tab(qtbot, workbench, workbench.indexOf(workbench.coding))
    widget = workbench.coding
    item = widget.responses.item(0)
    rect = widget.responses.visualItemRect(item)
    qtbot.mouseClick(widget.responses.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.detail is not None

    seen: list[tuple[frozenset[str], object]] = []
    demo_window.workspace.changed.connect(lambda tables, by: seen.append((tables, by)))
    reloads = {"status": 0, "coding": 0, "overview": 0}
    for name, target in (
        ("status", workbench.overview),
        ("coding", widget),
        ("overview", overview),
    ):
        original = target.reload

        def counted(*args: Any, _name: str = name, _original: Any = original) -> Any:
            reloads[_name] += 1
            return _original(*args)

        monkeypatch.setattr(target, "reload", counted)

    # The summary: typed and saved with a click.
    widget.summary.clear()
    qtbot.keyClicks(widget.summary, "Sammanfattat en gång.")
    qtbot.mouseClick(widget.save_summary, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and seen[0][1] is widget and "response" in seen[0][0]
    assert reloads == {"status": 1, "coding": 0, "overview": 1}

    # The status, chosen with the arrow keys.
    seen.clear()
    reloads.update(status=0, coding=0, overview=0)
    index = widget.status.currentIndex()
    neighbour = index + 1 if index + 1 < widget.status.count() else index - 1  # one key press
    choose_in_combo(qtbot, widget.status, widget.status.itemText(neighbour))
    assert len(seen) == 1 and seen[0][1] is widget and "response" in seen[0][0]
    assert reloads["status"] == 1 and reloads["overview"] == 1
