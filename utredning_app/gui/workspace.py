"""The open investigation as the GUI sees it: the database, the undo stack and one change
signal.

Every edit goes through :meth:`Workspace.run`: a service call that returns a change record
(domain/changes.py) runs *before* anything is pushed, so a refused value (Swedish message)
never becomes an undo step; a successful one becomes ONE generic undo step (``ChangeStep``:
undo and redo both call the record's ``revert``) and ``changed(tables, initiator)`` is
emitted. The widget that made the change passes itself as ``initiator`` and skips its own
refresh; undo and redo are announced with no initiator, so everyone reloads.

On a server, what other people commit is announced the same way (no initiator) as it
arrives: a ``ChangeFeed`` (LISTEN/NOTIFY) wakes the workspace through a socket notifier, and a
slow timer polls too (it also reconnects a lost connection).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from utredning_app.errors import UserError

if TYPE_CHECKING:
    from utredning_app.domain.changes import Change
    from utredning_app.gui.operations import Op
    from utredning_app.services.files import Database
    from utredning_app.services.server_changes import ChangeFeed

T = TypeVar("T")


class _ReadTheirs(Exception):
    """The person chose to read the other person's saved values instead of saving theirs."""


class ChangeStep(QUndoCommand):
    """One undo step for any change record, already done when pushed."""

    def __init__(self, workspace: Workspace, change: Change, text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.change = change
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # done by Workspace.run before the push
            return
        self._flip()

    def undo(self) -> None:
        self._flip()

    def _flip(self) -> None:
        tables = self.change.tables
        try:
            self.change = self.change.revert()
        except UserError as exc:
            self.workspace.error.emit(exc.message)
        self.workspace.notify(tables | self.change.tables)


class Workspace(QObject):
    """One open file. ``changed(tables, initiator)``: the set of table names written and the
    widget that wrote them (None: an undo, a redo or a change from elsewhere)."""

    changed = Signal(object, object)
    error = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        # Set by the main window: shows an EditConflict, returns True to keep mine.
        self.conflict_handler: Callable[[Any], bool] | None = None
        self._feed: ChangeFeed | None = None
        self._notifier: QSocketNotifier | None = None
        self._poll_timer: QTimer | None = None
        self._watch_others()

    # other people's changes (a server) -------------------------------------
    def _watch_others(self) -> None:
        from utredning_app.services.server_changes import POLL_INTERVAL_S, open_feed

        try:
            self._feed = open_feed(self.db)
        except UserError:
            # Opening worked a moment ago; without live updates the views still reload on
            # every own change and when reopened.
            self._feed = None
        if self._feed is None:
            return
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(int(POLL_INTERVAL_S * 1000))
        self._poll_timer.timeout.connect(self._take_others)
        self._poll_timer.start()
        self._watch_socket()

    def _watch_socket(self) -> None:
        socket = self._feed.fileno() if self._feed is not None else None
        if self._notifier is not None:
            if self._notifier.socket() == socket:
                return
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if socket is not None:
            self._notifier = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._take_others)

    def _take_others(self) -> None:
        """Announce what others committed since the last look (no initiator: all reload)."""
        if self._feed is None:
            return
        tables = self._feed.take()
        self._watch_socket()  # a new socket after a reconnect
        if tables:
            self.changed.emit(tables, None)

    @property
    def path(self) -> Any:
        """Where the investigation lives: its file, or its ServerLocation."""
        return self.db.location

    @property
    def stand_in(self) -> Path:
        """A file name to base suggested names on (beside the file; a server investigation:
        its name in the home folder)."""
        return self.db.file_path or Path.home() / f"{self.db.name}.utredning"

    def run(
        self, action: Callable[[], Change], initiator: object = None, text: str = ""
    ) -> Change | None:
        """Run a change now; push one undo step (if it can be undone) and announce it.

        A refusal (``UserError``) is emitted on ``error`` and gives None; nothing is pushed.
        """
        try:
            change = action()
        except UserError as exc:
            self.error.emit(exc.message)
            return None
        self.record(change, initiator, text)
        return change

    def run_op(self, op: Op, initiator: object = None, text: str = "") -> Op:
        """Start a background :class:`Op` whose result is a change record; when it is done,
        push it as one undo step and announce it (failures go to the op's ``failed``)."""

        def done(change: Change) -> None:
            if shiboken6.isValid(self):  # not when the file was closed meanwhile
                self.record(change, initiator, text)

        op.finished.connect(done)
        return op.start()

    def record(self, change: Change, initiator: object = None, text: str = "") -> None:
        """A change already written: one undo step (if it can be undone) and ``changed``."""
        if change.undoable:
            self.undo_stack.push(ChangeStep(self, change, text))
        self.notify(change.tables, initiator)

    def notify(self, tables: set[str] | frozenset[str], initiator: object = None) -> None:
        self.changed.emit(frozenset(tables), initiator)

    def query(self, read: Callable[[Database], T]) -> T:
        """A quick read of the open file, on the spot: ``read(db)`` is a service function
        that opens its own unit of work (widgets never open sessions themselves)."""
        from utredning_app.gui.operations import Query

        result: T = Query.now(lambda: read(self.db))
        return result

    # conveniences used by the views --------------------------------------
    def create(
        self, table: str, values: Mapping[str, Any], text: str, initiator: object = None
    ) -> str | None:
        from utredning_app.services import edits

        change = self.run(lambda: edits.create(self.db, table, dict(values)), initiator, text)
        return None if change is None else str(change.value)

    def update(
        self,
        table: str,
        row_id: str,
        values: Mapping[str, Any],
        text: str,
        initiator: object = None,
        *,
        expected: Mapping[str, Any] | None = None,
    ) -> bool:
        """Save ``values``; ``expected``: what the form showed when the person began (another
        person's save in between is a conflict: ``conflict_handler`` decides, True = keep
        mine; without a handler, or False, nothing is written and the views reload)."""
        from utredning_app.services import edits
        from utredning_app.services.entities import EditConflict

        def save() -> Change:
            try:
                return edits.update(self.db, table, row_id, dict(values), expected=expected)
            except EditConflict as conflict:
                # Someone else saved one of these fields meanwhile (a server): ask.
                if self.conflict_handler is None:
                    raise  # shown as a message; nothing written
                if not self.conflict_handler(conflict):
                    raise _ReadTheirs from conflict
                return edits.update(self.db, table, row_id, dict(values))  # keep mine

        try:
            return self.run(save, initiator, text) is not None
        except _ReadTheirs:
            self.notify({table})  # nothing of mine was written; the views show theirs
            return False

    def delete(self, table: str, row_id: str, text: str, initiator: object = None) -> bool:
        from utredning_app.services import edits

        return self.run(lambda: edits.delete(self.db, table, row_id), initiator, text) is not None

    def set_score(self, option_id: str, criterion_id: str, score: float | None, text: str) -> bool:
        from utredning_app.services import edits

        change = self.run(
            lambda: edits.set_score(self.db, option_id, criterion_id, score), None, text
        )
        return change is not None

    def close(self) -> None:
        self.undo_stack.clear()
        if self._poll_timer is not None:
            self._poll_timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._feed is not None:
            self._feed.close()
            self._feed = None
        self.db.close()
