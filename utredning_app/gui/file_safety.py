"""Qt glue for the storage guarantees: the "file is open elsewhere" choice and the periodic
backup timer. The decisions themselves live in storage/services (Qt-free).

* :func:`ask_when_locked` — after ``open_database`` raised :class:`FileLockedError`: "Öppna
  skrivskyddad", "Ta över" (only when the holder is another computer or unknown, after a
  warning) or "Avbryt". The caller reopens with ``read_only=True`` or ``take_over_lock=True``.
* :class:`BackupTimer` — calls ``services.backups.maybe_backup`` every minute while a file is
  open (it backs up at most every ten minutes, and only when something changed) and once more
  when the file is closed; a failing backup folder is reported once through ``warning``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from utredning_app.errors import FileLockedError

if TYPE_CHECKING:
    from utredning_app.services.files import Database


class LockedChoice(StrEnum):
    READ_ONLY = "read_only"
    TAKE_OVER = "take_over"
    CANCEL = "cancel"


def locked_message(error: FileLockedError, file_name: str | None) -> str:
    """The lock message in the user's language when the holder is known (the storage layer
    writes it in Swedish, without Qt); otherwise the storage layer's own words."""
    owner = error.owner
    if owner is None or not file_name:
        return error.message
    try:
        since = dt.datetime.fromisoformat(owner.since).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        since = QCoreApplication.translate("Filsäkerhet", "okänd tid")
    return (
        QCoreApplication.translate(
            "Filsäkerhet",
            "Filen %1 är redan öppen för redigering av %2 på datorn %3 (sedan %4). Du kan "
            "öppna den skrivskyddad, eller avbryta och försöka igen när den har stängts. (Om "
            "den datorn har kraschat kan du ta över låset.)",
        )
        .replace("%1", file_name)
        .replace("%2", owner.user or QCoreApplication.translate("Filsäkerhet", "okänd användare"))
        .replace("%3", owner.host or QCoreApplication.translate("Filsäkerhet", "okänd"))
        .replace("%4", since)
    )


def ask_when_locked(
    parent: QWidget, error: FileLockedError, file_name: str | None = None
) -> LockedChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Filsäkerhet", "Filen är redan öppen"))
    box.setText(locked_message(error, file_name))
    read_only = box.addButton(
        QCoreApplication.translate("Filsäkerhet", "Öppna &skrivskyddad"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    take_over = box.addButton(
        QCoreApplication.translate("Filsäkerhet", "&Ta över…"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(
        QCoreApplication.translate("Filsäkerhet", "Avbryt"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    if clicked is read_only:
        return LockedChoice.READ_ONLY
    if clicked is take_over:
        sure = QMessageBox.warning(
            parent,
            QCoreApplication.translate("Filsäkerhet", "Ta över filen"),
            QCoreApplication.translate(
                "Filsäkerhet",
                "Ta bara över filen om du vet att den andra datorn är avstängd eller har "
                "kraschat. Annars kan ni skriva över varandras ändringar. Ta över?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if sure == QMessageBox.StandardButton.Yes:
            return LockedChoice.TAKE_OVER
    return LockedChoice.CANCEL


class BackupTimer(QObject):
    """Periodic backups of the open file; ``warning`` carries a Swedish message, once."""

    warning = Signal(str)
    backed_up = Signal(str)

    def __init__(self, parent: QObject | None = None, *, tick_ms: int = 60_000) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self._warned = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)

    def watch(self, db: Database | None) -> None:
        """Start watching ``db`` (None: stop). Call ``flush`` before closing the file."""
        if db is not None and db.file_path is None:
            db = None  # a server investigation: its backups are the server's (pg_dump)
        self.db = db
        self._warned = False
        if db is None or db.read_only:
            self._timer.stop()
            return
        if db.backup_warning:
            self._warn(db.backup_warning)
        self._timer.start()

    def tick(self, interval: dt.timedelta | None = None) -> None:
        if self.db is None:
            return
        # Imported here: the main window builds this timer before the file is open, and
        # importing storage (SQLAlchemy) on the UI thread then would block start-up.
        from utredning_app.services.backups import maybe_backup

        outcome = (
            maybe_backup(self.db) if interval is None else maybe_backup(self.db, interval=interval)
        )
        if outcome.path is not None:
            self._warned = False
            self.backed_up.emit(str(outcome.path))
        elif outcome.warning:
            self._warn(outcome.warning)

    def flush(self) -> None:
        """A last backup of unsaved-in-backup changes, e.g. when the file is closed."""
        self.tick(dt.timedelta(0))

    def _warn(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            self.warning.emit(message)
