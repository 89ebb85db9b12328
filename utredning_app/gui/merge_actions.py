"""Arkiv ▸ Slå ihop med kopia…, Arkiv ▸ Skicka mina ändringar…, Arkiv ▸ Konflikter….

The merge runs in the background as an ``Op`` (gui/operations.py) with progress; Avbryt before
the commit leaves the file as it was. It returns a change record (services/edits.merge_copy)
and so is one undo step like every edit: undo puts back the file as it was just before the
merge (the "före sammanslagning" backup), redo as it was just after, both in one SQLite
transaction (services.merge.restore_into).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from utredning_app.errors import UserError
from utredning_app.gui.operations import Op
from utredning_app.services import merge as merge_service

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace

ALL_TABLES = frozenset(t.name for t in merge_service.TABLES)


def merge_with_copy(parent: QWidget, workspace: Workspace, kopia: Path | None = None) -> Op | None:
    """Ask for a copy (or a change package) and merge it in the background (an ``Op`` with
    progress; Avbryt before the commit leaves the file as it was). The merge becomes one undo
    step when it is done. Returns the op, or None when no file was chosen."""
    if kopia is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Sammanslagning", "Slå ihop med kopia"),
            str(workspace.stand_in.parent),
            QCoreApplication.translate(
                "Sammanslagning",
                "Kopior och ändringspaket (*.utredning *.andringar);;Alla filer (*)",
            ),
        )
        if not name:
            return None
        kopia = Path(name)
    from utredning_app.services.edits import merge_copy

    db, chosen = workspace.db, kopia
    op = Op(
        lambda ctx: merge_copy(db, chosen, progress=ctx.progress, cancelled=ctx.cancelled),
        parent,
        QCoreApplication.translate("Sammanslagning", "Slår ihop med %1 …").replace(
            "%1", kopia.name
        ),
    )
    text = QCoreApplication.translate("Sammanslagning", "Slå ihop med %1").replace("%1", kopia.name)
    op.failed.connect(
        lambda message: QMessageBox.warning(
            op.parent_widget(),
            QCoreApplication.translate("Sammanslagning", "Slå ihop med kopia"),
            message,
        )
    )
    workspace.run_op(op, None, text)  # one undo step and ``changed`` when it is done
    op.finished.connect(lambda change: _merged(parent, workspace, change.value))
    return op


def _merged(parent: QWidget, workspace: Workspace, result: Any) -> None:
    if not shiboken6.isValid(parent):
        return
    counts = result.counts
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
