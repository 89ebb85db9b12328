"""Arkiv ▸ Slå ihop med kopia… (one undo step), Skicka mina ändringar…, and the conflict
view driven with the mouse."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window, read
from tests.merge_helpers import edit, first, m
from utredning_app.services.conflicts import list_conflicts


def _rename(session: Any, name: str) -> str:
    option = first(session, m.GovernanceOption)
    option.name = name
    return str(option.id)


@pytest.fixture
def conflicting(filled_path: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    member = tmp_path / "ledamot.utredning"
    shutil.copyfile(filled_path, member)
    option_id = edit(filled_path, lambda s: _rename(s, "Sekretariatets namn"))
    edit(member, lambda s: _rename(s, "Ledamotens namn"), actor="Anna (S)")
    edit(member, lambda s: setattr(first(s, m.Proposal), "title", "Ny titel från Anna"))
    return filled_path, member, option_id


def test_merge_from_the_menu_is_one_undo_step_and_conflicts_are_chosen_by_mouse(
    qtbot: QtBot,
    conflicting: tuple[Path, Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, member, option_id = conflicting
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(member), ""))
    )
    window = open_window(qtbot, path)
    try:
        window.merge_action.trigger()
        assert window.merge_op is not None
        qtbot.waitUntil(lambda: not window.merge_op.is_running(), timeout=30_000)
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "" and type(w).__name__ == "ConflictDialog" and w.isVisible()
        )
        assert dialog.table.rowCount() == 1
        assert dialog.mine.toPlainText() == "Sekretariatets namn"
        assert dialog.theirs.toPlainText() == "Ledamotens namn"
        assert "Anna (S)" in dialog.theirs_who.text()
        assert "1 konflikter" in window.statusBar().currentMessage()
        proposal = read(path, "proposal", _first_id(path, m.Proposal))
        assert proposal["title"] == "Ny titel från Anna"
        # choose "Ta deras" with the mouse
        view = dialog.table
        index = view.model().index(0, 0)
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
        assert read(path, "governance_option", option_id)["name"] == "Ledamotens namn"
        assert list_conflicts(path) == []
        assert dialog.table.rowCount() == 0
        # undo the choice: the conflict is back, with the file's value
        window.undo_action.trigger()
        assert read(path, "governance_option", option_id)["name"] == "Sekretariatets namn"
        assert len(list_conflicts(path)) == 1
        # undo the merge: one step, everything as before
        window.undo_action.trigger()
        assert read(path, "proposal", _first_id(path, m.Proposal))["title"] != "Ny titel från Anna"
        assert list_conflicts(path) == []
        window.redo_action.trigger()
        assert read(path, "proposal", _first_id(path, m.Proposal))["title"] == "Ny titel från Anna"
        assert len(list_conflicts(path)) == 1
        dialog.close()
    finally:
        window.close()


def _first_id(path: Path, model: Any) -> str:
    from utredning_app.storage.database import open_database

    with open_database(path, read_only=True) as db, db.reader() as s:
        return str(first(s, model).id)


def test_send_my_changes_writes_a_package(
    qtbot: QtBot,
    conflicting: tuple[Path, Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _path, member, _option = conflicting
    target = tmp_path / "mina.andringar"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    window = open_window(qtbot, member)
    try:
        window.send_changes_action.trigger()
        assert target.is_file() and target.stat().st_size < 100 * 1024
        assert "Ändringspaketet skrevs" in window.statusBar().currentMessage()
    finally:
        window.close()


def test_a_copy_opened_in_the_window_belongs_to_the_user_and_receives_party_drafts(
    qtbot: QtBot, filled_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The identity given at first start (Tina Testare, S) owns the copy: a party-S draft
    from a party colleague's copy arrives, a party-M one does not."""
    from utredning_app.domain.enums import Visibility
    from utredning_app.services.conflicts import set_copy_owner

    mine, colleague = tmp_path / "tina.utredning", tmp_path / "kollega.utredning"
    shutil.copyfile(filled_path, mine)
    shutil.copyfile(filled_path, colleague)
    set_copy_owner(colleague, "Kim Kollega", "S")

    def drafts(session: Any) -> None:
        for party in ("S", "M"):
            session.add(
                m.Note(
                    title=f"Utkast {party}",
                    body_md=f"UTKAST-{party}",
                    visibility=Visibility.PARTI,
                    author="Kim",
                    author_party=party,
                )
            )

    edit(colleague, drafts, actor="Kim Kollega (S)")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(colleague), ""))
    )
    window = open_window(qtbot, mine)
    try:
        window.merge_action.trigger()
        assert window.merge_op is not None
        qtbot.waitUntil(lambda: not window.merge_op.is_running(), timeout=30_000)
    finally:
        window.close()
    data = mine.read_bytes()
    assert b"UTKAST-S" in data and b"UTKAST-M" not in data


def test_exporting_with_open_conflicts_warns_and_names_them(
    qtbot: QtBot,
    conflicting: tuple[Path, Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from utredning_app.gui.report_export import start_export
    from utredning_app.services.merge import merge_copy

    path, member, _option = conflicting
    merge_copy(path, member)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = start_export(window, path, "delrapport", out=tmp_path / "d.docx")
    assert runner is not None
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert asked and "1 olösta konflikter" in asked[0] and "Sekretariatets namn" in asked[0]


def test_avbryt_during_the_merge_leaves_the_file_as_it_was(
    qtbot: QtBot,
    conflicting: tuple[Path, Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The merge runs in the background behind a progress dialog; a click on Avbryt before
    the commit leaves the file, the undo stack and the conflicts as they were."""
    import threading

    from PySide6.QtWidgets import QPushButton

    path, member, option_id = conflicting
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(member), ""))
    )
    from utredning_app.services import merge as merge_service

    clicked = threading.Event()
    step = merge_service._Steps.__call__

    def last_step_waits(self: Any, text: str) -> None:
        if text.startswith("Sparar"):  # inside the merge's transaction, just before the commit
            clicked.wait(30)  # the worker waits there until the person has clicked Avbryt
        step(self, text)

    monkeypatch.setattr(merge_service._Steps, "__call__", last_step_waits)
    window = open_window(qtbot, path)
    try:
        window.merge_action.trigger()
        op = window.merge_op
        assert op is not None and op.dialog is not None
        op.dialog.show()  # it would appear by itself after 0,4 s of a slow merge
        cancel = next(
            b for b in op.dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Avbryt"
        )
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        clicked.set()
        with qtbot.waitSignal(op.cancelled, timeout=30_000):
            pass
        assert read(path, "governance_option", option_id)["name"] == "Sekretariatets namn"
        assert read(path, "proposal", _first_id(path, m.Proposal))["title"] != "Ny titel från Anna"
        assert list_conflicts(path) == []
        assert window.workspace.undo_stack.count() == 0
    finally:
        clicked.set()
        window.close()
