"""The lock choice and the periodic backup timer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from utredning_app.errors import FileLockedError
from utredning_app.gui.file_safety import BackupTimer, LockedChoice, ask_when_locked
from utredning_app.services.backups import backups_for
from utredning_app.storage.database import open_database
from utredning_app.storage.models import Note


def _click_later(text: str) -> None:
    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                for button in widget.buttons():
                    if button.text().replace("&", "") == text:
                        button.click()
                        return

    QTimer.singleShot(50, click)


@pytest.mark.parametrize(
    ("button", "expected"),
    [("Öppna skrivskyddad", LockedChoice.READ_ONLY), ("Avbryt", LockedChoice.CANCEL)],
)
def test_locked_file_offers_read_only_or_cancel(
    qtbot: QtBot, button: str, expected: LockedChoice
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _click_later(button)
    error = FileLockedError("Filen x.utredning är redan öppen för redigering av bertil.")
    assert ask_when_locked(parent, error) == expected


def test_backup_timer_backs_up_changes_and_warns_once(
    qtbot: QtBot, empty_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(empty_path, auto_backup=False)
    timer = BackupTimer(tick_ms=10_000)
    made: list[str] = []
    warnings: list[str] = []
    timer.backed_up.connect(made.append)
    timer.warning.connect(warnings.append)
    try:
        timer.watch(db)
        timer.flush()
        assert made == []  # nothing changed yet
        with db.transaction() as s:
            s.add(Note(title="ny"))
        timer.flush()
        assert len(made) == 1 and backups_for(empty_path)[0].path == Path(made[0])
        blocker = tmp_path / "fil"
        blocker.write_text("x")
        monkeypatch.setenv("UTREDNING_BACKUP_DIR", str(blocker / "kopior"))
        for title in ("a", "b"):
            with db.transaction() as s:
                s.add(Note(title=title))
            timer.flush()
        assert len(warnings) == 1 and "skrivbar" in warnings[0]
    finally:
        timer.watch(None)
        db.close()


def test_the_lock_message_is_in_the_chosen_language(qtbot: QtBot, qapp: object) -> None:
    from tests.gui.conftest import translated
    from utredning_app.gui.file_safety import locked_message
    from utredning_app.storage.lock import LockOwner

    owner = LockOwner(user="bertil", host="laptop-7", pid=4242, since="2026-12-03T09:15:00+01:00")
    error = FileLockedError(
        "Filen x.utredning är redan öppen för redigering av bertil.", owner=owner
    )
    swedish = locked_message(error, "x.utredning")
    assert swedish.startswith("Filen x.utredning är redan öppen för redigering av bertil på datorn")
    assert "laptop-7 (sedan 2026-12-03 09:15)" in swedish
    with translated("en"):
        english = locked_message(error, "x.utredning")
    assert english.startswith(
        "The file x.utredning is already open for editing by bertil on the computer laptop-7"
    )
    # Without a known holder the storage layer's words are all there is.
    assert locked_message(FileLockedError("Upptagen."), "x.utredning") == "Upptagen."
