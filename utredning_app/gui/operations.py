"""The one way to run work off the UI thread: an ``Op`` (a write, or any slow job, with
progress and Avbryt) or a ``Query`` (a read: on the spot when quick, in the background when
slow), both on one runner.

The work runs in a ``QThread`` and gets a :class:`Context`: ``ctx.progress(done, total, text)``
reports a step, ``ctx.cancelled()`` says whether the user pressed Avbryt (work that can stop
raises :class:`Cancelled`, or its own cancel exception, before it commits). The work must not
touch widgets and must open its own database connections: the engine's NullPool gives every
unit of work its own connection, so nothing SQLite holds is shared across threads.

Outcomes arrive on the UI thread, exactly one per op: ``finished(result)``, ``failed(message)``
(a Swedish message; exceptions never reach the user as tracebacks) or ``cancelled()``. Work
that cannot be interrupted (a migration) finishes in the background after Avbryt and its
result goes to ``discard`` (a database is closed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from utredning_app import APP_NAME
from utredning_app.errors import UserError


class Cancelled(Exception):
    """Raised by work that saw ``ctx.cancelled()`` and stopped before writing anything."""


class Context:
    """What the work may use from its thread: progress and the cancel flag."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Step ``done`` of ``total`` (0: unknown), with an optional text for the dialog."""
        self._emit(int(done), int(total), text)

    def fraction(self, value: float, text: str = "") -> None:
        self.progress(round(value * 100), 100, text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled


Work = Callable[[Context], Any]


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, unexpected: str) -> None:
        super().__init__()
        self._work = work
        self._unexpected = unexpected
        self.ctx = Context(self.progressed.emit)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            result = self._work(self.ctx)
        except UserError as exc:
            self.error = exc
            self.failed.emit(exc.message)
        except Exception as exc:  # the user gets a message, the app stays usable
            self.error = exc
            self.failed.emit(self._unexpected.replace("%1", repr(exc)))
        else:
            self.succeeded.emit(result)


class Op(QObject):
    """One job on the background runner.

    ``label`` is the progress dialog's text (shown over ``parent`` after ``min_duration`` ms
    unless ``show_progress`` is false); progress with a total turns the busy bar into a
    percentage. The op is not a child of ``parent``: its thread outlives a window closed
    mid-job, and a module-level set keeps it alive until it ends.
    """

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progressed = Signal(int, int, str)

    def __init__(
        self,
        work: Work,
        parent: QWidget | None = None,
        label: str = "",
        *,
        show_progress: bool = True,
        discard: Callable[[Any], None] | None = None,
        min_duration: int = 400,
        unexpected: str | None = None,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._discard = discard
        self._done = False
        self._started = False
        self.cancel_requested = False
        self._thread = QThread()
        self._worker = _Worker(
            work,
            unexpected or QCoreApplication.translate("Uppgift", "Ett oväntat fel inträffade: %1"),
        )
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        queued = Qt.ConnectionType.QueuedConnection
        self._worker.progressed.connect(self._on_progress, queued)
        self._worker.succeeded.connect(self._on_success, queued)
        self._worker.failed.connect(self._on_failure, queued)
        self.dialog: QProgressDialog | None = None
        self._min_duration = min_duration
        if show_progress and parent is not None:
            self.attach_progress(parent, label)

    # ------------------------------------------------------------------ control
    def attach_progress(self, parent: QWidget, label: str) -> None:
        """Show a (delayed) progress dialog with Avbryt for this op over ``parent``."""
        if self.dialog is not None or self._done:
            return
        self._parent = parent
        dialog = QProgressDialog(
            label, QCoreApplication.translate("Uppgift", "Avbryt"), 0, 0, parent
        )
        dialog.setWindowTitle(APP_NAME)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(self._min_duration)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog

    def start(self) -> Op:
        """Start the work (once: a second call does nothing)."""
        if not self._started and not self._done:
            self._started = True
            _RUNNING.add(self)
            self._thread.start()
        return self

    def is_started(self) -> bool:
        return self._started

    def cancel(self) -> None:
        self.cancel_requested = True
        self._worker.ctx._cancel.set()
        if not self._started and not self._done:  # made but never started: nothing ran
            self._finish()
            self.cancelled.emit()

    def is_running(self) -> bool:
        return not self._done

    @property
    def error(self) -> BaseException | None:
        """The exception the work raised (e.g. FileLockedError), after ``failed``."""
        return self._worker.error

    def parent_widget(self) -> QWidget | None:
        parent = self._parent
        return parent if parent is not None and shiboken6.isValid(parent) else None

    # ------------------------------------------------------------------ outcomes
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog):
            if total > 0:
                if dialog.maximum() != total:
                    dialog.setRange(0, total)
                dialog.setValue(min(done, total))
            if text:
                dialog.setLabelText(text)

    def _finish(self) -> None:
        self._done = True
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
        self._thread.quit()
        self._thread.wait()
        _RUNNING.discard(self)

    def _on_success(self, result: Any) -> None:
        self._finish()
        if self.cancel_requested:
            if self._discard is not None:
                self._discard(result)
            self.cancelled.emit()
            return
        self.finished.emit(result)

    def _on_failure(self, message: str) -> None:
        self._finish()
        if self.cancel_requested or isinstance(self._worker.error, Cancelled):
            self.cancelled.emit()
            return
        self.failed.emit(message)


_RUNNING: set[Op] = set()


class Query(Op):
    """A read. ``Query.now(read)`` runs it on the spot (quick reads: a table page, a combo's
    choices); a ``Query`` object runs it in the background without a dialog (slow reads)."""

    def __init__(self, read: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(lambda _ctx: read(), parent, show_progress=False)

    @staticmethod
    def now(read: Callable[[], Any]) -> Any:
        return read()


def run_op(parent: QWidget, label: str, work: Work, *, done: str = "") -> Op:
    """Fire and report: errors in a dialog, success in the status bar (if any)."""
    op = Op(work, parent, label)

    def on_done(_result: Any) -> None:
        widget = op.parent_widget()
        status = getattr(widget.window(), "statusBar", None) if widget is not None else None
        if done and callable(status):
            status().showMessage(done, 8000)

    op.finished.connect(on_done)
    op.failed.connect(lambda message: QMessageBox.warning(op.parent_widget(), APP_NAME, message))
    return op.start()
