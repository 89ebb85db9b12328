"""Undo commands: each step calls a service and is persisted in its own transaction.

Undo of a create is a soft delete (the id is kept, so redo restores the very same row);
undo of a delete is a restore; undo of an update writes the old values back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from utredning_app.errors import UserError
from utredning_app.services import entities
from utredning_app.storage.base import new_id

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace


class EntityCommand(QUndoCommand):
    """Base: ``first_run`` does the action; ``redo`` skips the push-time call."""

    def __init__(self, workspace: Workspace, table: str, text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.table = table
        self._pushed = False

    def first_run(self) -> None:
        self.do()
        self.workspace.notify({self.table})

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # already done by first_run
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, action: Any) -> None:
        try:
            action()
        except UserError as exc:
            self.workspace.error.emit(exc.message)
        self.workspace.notify({self.table})


class CreateCommand(EntityCommand):
    def __init__(self, workspace: Workspace, table: str, values: dict[str, Any], text: str):
        super().__init__(workspace, table, text)
        self.values = values
        self.row_id = new_id()
        self._created = False

    def do(self) -> None:
        if self._created:
            entities.restore(self.workspace.db, self.table, self.row_id)
        else:
            # The service may revive a deleted row with the same unique key: use its id.
            self.row_id = entities.create(
                self.workspace.db, self.table, self.values, row_id=self.row_id
            )
            self._created = True

    def revert(self) -> None:
        entities.soft_delete(self.workspace.db, self.table, self.row_id)


class UpdateCommand(EntityCommand):
    def __init__(
        self, workspace: Workspace, table: str, row_id: str, values: dict[str, Any], text: str
    ):
        super().__init__(workspace, table, text)
        self.row_id = row_id
        self.values = values
        self.old: dict[str, Any] = {}

    def do(self) -> None:
        self.old = entities.update(self.workspace.db, self.table, self.row_id, self.values)

    def revert(self) -> None:
        entities.update(self.workspace.db, self.table, self.row_id, self.old)


class DeleteCommand(EntityCommand):
    def __init__(self, workspace: Workspace, table: str, row_id: str, text: str):
        super().__init__(workspace, table, text)
        self.row_id = row_id

    def do(self) -> None:
        entities.soft_delete(self.workspace.db, self.table, self.row_id)

    def revert(self) -> None:
        entities.restore(self.workspace.db, self.table, self.row_id)


class ScoreCommand(EntityCommand):
    """Set one cell of the bedömningsmatris (undo sets the previous score back)."""

    def __init__(
        self,
        workspace: Workspace,
        option_id: str,
        criterion_id: str,
        score: float | None,
        text: str,
    ):
        super().__init__(workspace, "assessment", text)
        self.option_id = option_id
        self.criterion_id = criterion_id
        self.score = score
        self.previous: float | None = None

    def do(self) -> None:
        from utredning_app.services.assessments import set_score

        self.previous = set_score(self.workspace.db, self.option_id, self.criterion_id, self.score)

    def revert(self) -> None:
        from utredning_app.services.assessments import set_score

        set_score(self.workspace.db, self.option_id, self.criterion_id, self.previous)
