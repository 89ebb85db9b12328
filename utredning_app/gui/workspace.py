"""The open investigation as the GUI sees it: the database, the undo stack and change signals.

Every edit goes through :meth:`Workspace.execute`: the command's first step runs *before* it is
pushed on the undo stack, so a refused value (Swedish message) never becomes an undo step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from utredning_app.errors import UserError
from utredning_app.gui.commands import (
    CreateCommand,
    DeleteCommand,
    EntityCommand,
    UpdateCommand,
)
from utredning_app.storage.database import Database


class Workspace(QObject):
    """One open file. ``changed`` carries the set of table names that were written."""

    changed = Signal(object)
    error = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)

    @property
    def path(self) -> Any:
        return self.db.path

    def execute(self, command: EntityCommand) -> bool:
        """Run ``command`` once; on success push it (without running it again)."""
        try:
            command.first_run()
        except UserError as exc:
            self.error.emit(exc.message)
            return False
        self.undo_stack.push(command)
        return True

    def notify(self, tables: set[str] | frozenset[str]) -> None:
        self.changed.emit(frozenset(tables))

    # conveniences used by the views --------------------------------------
    def create(self, table: str, values: Mapping[str, Any], text: str) -> str | None:
        command = CreateCommand(self, table, dict(values), text)
        return command.row_id if self.execute(command) else None

    def update(self, table: str, row_id: str, values: Mapping[str, Any], text: str) -> bool:
        return self.execute(UpdateCommand(self, table, row_id, dict(values), text))

    def delete(self, table: str, row_id: str, text: str) -> bool:
        return self.execute(DeleteCommand(self, table, row_id, text))

    def close(self) -> None:
        self.undo_stack.clear()
        self.db.close()
