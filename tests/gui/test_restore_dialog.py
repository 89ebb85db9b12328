"""The restore dialog lists the file's backups and restores the chosen one."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from utredning_app.gui.restore_dialog import RestoreDialog, restore_interactively
from utredning_app.services.backups import maybe_backup
from utredning_app.storage.database import open_database
from utredning_app.storage.models import Note


def _file_with_history(path: Path) -> None:
    with open_database(path) as db:  # on-open backup: no notes
        with db.transaction() as s:
            s.add(Note(title="första"))
        maybe_backup(db, interval=dt.timedelta(0))  # backup with "första"
        with db.transaction() as s:
            s.add(Note(title="misstag"))


def _titles(path: Path) -> list[str]:
    with open_database(path, read_only=True) as db, db.reader() as s:
        return sorted(n.title for n in s.query(Note))


def test_dialog_lists_backups_newest_first(qtbot: QtBot, empty_path: Path) -> None:
    _file_with_history(empty_path)
    dialog = RestoreDialog(empty_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "under arbetet"
    assert dialog.table.item(1, 1).text() == "vid öppning"
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == dialog.backups[0].path


def test_restore_interactively_closes_restores_and_reopens(
    qtbot: QtBot, empty_path: Path, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QWidget

    _file_with_history(empty_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    events: list[str] = []
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: self._accept_selected() or 1)  # type: ignore[attr-defined]
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    assert restore_interactively(
        parent,
        empty_path,
        close_file=lambda: events.append("stängd"),
        reopen=lambda p: events.append(f"öppnad {p.name}"),
    )
    assert events == ["stängd", f"öppnad {empty_path.name}"]
    assert _titles(empty_path) == ["första"]


def test_arkiv_menu_restores_and_reopens(
    qtbot: QtBot, window: Any, filled_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arkiv → Återställ från säkerhetskopia… in the real main window: the file is closed,
    replaced by the backup made when it was opened, and opened again."""
    from utredning_app.services.backups import backups_for
    from utredning_app.storage.backup import REASON_OPEN, REASON_RESTORE

    assert window.restore_action in window.menuBar().actions()[0].menu().actions()
    with window.workspace.db.transaction() as s:
        s.add(Note(title="efter kopian"))

    def pick_open_backup(dialog: RestoreDialog) -> int:
        row = next(i for i, b in enumerate(dialog.backups) if b.reason == REASON_OPEN)
        dialog.table.selectRow(row)
        dialog._accept_selected()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(RestoreDialog, "exec", pick_open_backup)
    with qtbot.waitSignal(window.file_opened, timeout=15_000):
        window.restore_action.trigger()
    assert window.workspace is not None and window.workspace.db.path == filled_path
    assert "efter kopian" not in _titles(filled_path)
    safety = next(b for b in backups_for(filled_path) if b.reason == REASON_RESTORE)
    assert "efter kopian" in _titles(safety.path)
