"""Run slow work off the UI thread with a progress dialog and a cancel button.

The work function runs in a ``QThread``; it must not touch widgets and must open its own
database connection (the engine's NullPool gives every unit of work its own, so nothing is
shared across threads). Cancel stops waiting for the result: work that cannot be interrupted
(a migration) finishes in the background and its result is discarded (a database is closed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from utredning_app import APP_NAME
from utredning_app.errors import UserError


class _Worker(QObject):
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            result = self._work()
        except UserError as exc:
            self.error = exc
            self.failed.emit(exc.message)
        except Exception as exc:  # the user gets a message, the app stays usable
            self.error = exc
            self.failed.emit(
                QCoreApplication.translate("Uppgift", "Ett oväntat fel inträffade: %1").replace(
                    "%1", f"{exc!r}"
                )
            )
        else:
            self.succeeded.emit(result)


class Task(QObject):
    """One background job. ``finished(result)`` or ``failed(message)``; ``cancelled`` flag."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        work: Callable[[], Any],
        parent: QWidget | None,
        label: str,
        *,
        discard: Callable[[Any], None] | None = None,
        show_progress: bool = True,
    ) -> None:
        super().__init__(parent)
        self.cancelled = False
        self._done = False
        self._discard = discard
        self._thread = QThread()
        self.worker = _Worker(work)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.succeeded.connect(self._on_success, Qt.ConnectionType.QueuedConnection)
        self.worker.failed.connect(self._on_failure, Qt.ConnectionType.QueuedConnection)
        self.progress: QProgressDialog | None = None
        if show_progress and parent is not None:
            self.attach_progress(parent, label)

    def attach_progress(self, parent: QWidget, label: str) -> None:
        """Show a (delayed) busy dialog with Avbryt for this task over ``parent``."""
        if self.progress is not None or (not self._thread.isRunning() and self._done):
            return
        self.progress = QProgressDialog(label, self.tr("Avbryt"), 0, 0, parent)
        self.progress.setWindowTitle(APP_NAME)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)

    def start(self) -> None:
        _RUNNING.add(self)
        self._thread.start()

    @property
    def error(self) -> BaseException | None:
        """The exception the work raised (e.g. FileLockedError), after ``failed``."""
        return self.worker.error

    def cancel(self) -> None:
        self.cancelled = True

    def _finish(self) -> None:
        self._done = True
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self._thread.quit()
        self._thread.wait()
        _RUNNING.discard(self)

    def _on_success(self, result: Any) -> None:
        self._finish()
        if self.cancelled:
            if self._discard is not None:
                self._discard(result)
            return
        self.finished.emit(result)

    def _on_failure(self, message: str) -> None:
        self._finish()
        if not self.cancelled:
            self.failed.emit(message)


_RUNNING: set[Task] = set()


def run_task(parent: QWidget, label: str, work: Callable[[], Any], *, done: str = "") -> Task:
    """Fire-and-report: errors in a dialog, success in the status bar (if any)."""
    task = Task(work, parent, label)

    def on_done(_result: Any) -> None:
        window = parent.window()
        status = getattr(window, "statusBar", None)
        if done and callable(status):
            status().showMessage(done, 8000)

    task.finished.connect(on_done)
    task.failed.connect(lambda message: QMessageBox.warning(parent, APP_NAME, message))
    task.start()
    return task
