"""Arkiv ▸ Slå ihop med kopia…, Arkiv ▸ Skicka mina ändringar…, Arkiv ▸ Konflikter….

A merge is one undo step: undo puts back the file as it was just before the merge (the
"före sammanslagning" backup), redo the file as it was just after (a copy kept beside the
backups), both in one SQLite transaction (services.merge.restore_into).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from utredning_app.errors import UserError
from utredning_app.services import merge as merge_service

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace

ALL_TABLES = frozenset(t.name for t in merge_service.TABLES)


class MergeCommand(QUndoCommand):
    """The merge, already done when pushed; undo/redo swap the file's content."""

    def __init__(self, workspace: Workspace, before: Path, after: Path, text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before = before
        self.after = after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._swap(self.after)

    def undo(self) -> None:
        self._swap(self.before)

    def _swap(self, snapshot: Path) -> None:
        try:
            merge_service.restore_into(self.workspace.db, snapshot)
        except UserError as exc:
            self.workspace.error.emit(exc.message)
        self.workspace.notify(ALL_TABLES | {"merge_conflict"})


def merge_with_copy(parent: QWidget, workspace: Workspace, kopia: Path | None = None) -> Any:
    """Ask for a copy (or a change package) and merge it; returns the result or None."""
    if kopia is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Sammanslagning", "Slå ihop med kopia"),
            str(workspace.db.path.parent),
            QCoreApplication.translate(
                "Sammanslagning",
                "Kopior och ändringspaket (*.utredning *.andringar);;Alla filer (*)",
            ),
        )
        if not name:
            return None
        kopia = Path(name)
    from utredning_app.services.backups import folder_for
    from utredning_app.storage.backup import REASON_AFTER_MERGE, make_backup

    db = workspace.db
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = merge_service.merge_into(db, kopia, actor=db.actor, backup_root=db.backup_root)
        after = make_backup(db.path, folder_for(db.path, db.backup_root), REASON_AFTER_MERGE)
    except UserError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent, QCoreApplication.translate("Sammanslagning", "Slå ihop med kopia"), exc.message
        )
        return None
    QApplication.restoreOverrideCursor()
    assert result.backup is not None
    counts = result.counts
    text = QCoreApplication.translate("Sammanslagning", "Slå ihop med %1").replace("%1", kopia.name)
    workspace.undo_stack.push(MergeCommand(workspace, result.backup, after, text))
    workspace.notify(ALL_TABLES | {"merge_conflict"})
    summary = (
        QCoreApplication.translate(
            "Sammanslagning",
            "%1 nya rader, %2 ändrade fält, %3 borttagna rader, %4 konflikter.",
        )
        .replace("%1", str(counts["nya"]))
        .replace("%2", str(counts["andrade"]))
        .replace("%3", str(counts["borttagna"]))
        .replace("%4", str(counts["konflikter"]))
    )
    window = parent.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(summary, 10_000)
    if counts["konflikter"]:
        show_conflicts(parent, workspace)
    return result


def send_changes(parent: QWidget, workspace: Workspace, target: Path | None = None) -> Path | None:
    """Write this copy's change package (to mail to the secretariat)."""
    from utredning_app.services.packages import write_package

    db = workspace.db
    if target is None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Sammanslagning", "Skicka mina ändringar"),
            str(db.path.with_suffix(".andringar")),
            QCoreApplication.translate("Sammanslagning", "Ändringspaket (*.andringar)"),
        )
        if not name:
            return None
        target = Path(name)
    try:
        info = write_package(db.path, target)
    except UserError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Sammanslagning", "Skicka mina ändringar"),
            exc.message,
        )
        return None
    window = parent.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(
            QCoreApplication.translate("Sammanslagning", "Ändringspaketet skrevs: %1 (%2)")
            .replace("%1", str(target))
            .replace("%2", info),
            10_000,
        )
    return target


def show_conflicts(parent: QWidget, workspace: Workspace) -> Any:
    from utredning_app.gui.conflict_dialog import ConflictDialog

    dialog = ConflictDialog(workspace, parent)
    dialog.open()
    return dialog
