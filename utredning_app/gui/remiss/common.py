"""Small helpers shared by the remiss widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from utredning_app import APP_NAME
from utredning_app.errors import UserError
from utredning_app.storage.database import Database


def show_error(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, APP_NAME, message)


def run_action(parent: QWidget, action: Callable[[], Any]) -> Any | None:
    """Run a service call; a UserError becomes a dialog and ``None``."""
    try:
        return action()
    except UserError as exc:
        show_error(parent, exc.message)
        return None


def round_choices(db: Database) -> list[tuple[str, str]]:
    """(id, name) of the live remiss rounds, oldest first."""
    from utredning_app.services.remiss_rounds import live_rounds

    with db.reader() as s:
        return [(r.id, r.name) for r in live_rounds(s)]


def fill_rounds(combo: QComboBox, db: Database | None) -> None:
    """Fill a round picker, keeping the current choice; the latest round by default."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if db is not None:
        for rid, name in round_choices(db):
            combo.addItem(name, rid)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(index if index >= 0 else combo.count() - 1)
    combo.blockSignals(False)


class _Worker(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progress.emit)
        except UserError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # shown to the user; the app stays usable
            self.failed.emit(f"Ett oväntat fel inträffade: {exc!r}")
        else:
            self.done.emit(result)


class Background(QObject):
    """Run ``work(progress)`` in a QThread; ``done(result)`` / ``failed(message)`` on the UI
    thread. The work must not touch widgets; it gets its own database connections."""

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], parent: QObject) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._finish_ok)
        self._worker.failed.connect(self._finish_fail)
        self._worker.progress.connect(self.progress)

    def start(self) -> None:
        self._thread.start()

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _finish_ok(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    def _finish_fail(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)

    def is_running(self) -> bool:
        return self._thread.isRunning()
