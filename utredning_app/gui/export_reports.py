"""Arkiv ▸ Exportera: the Word documents, the Excel files and the ändringslogg.

Registered in :mod:`utredning_app.gui.export_actions` (this module is listed in
``EXPORT_MODULES`` and imported when the menu is first opened). Each export asks for a file
name, runs in a worker thread with a progress dialog whose Avbryt stops it (no file is
written), and reports in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from utredning_app.gui.export_actions import ExportAction, ExportOptions, register

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace


def _ask(parent: QWidget, workspace: Workspace, stem: str, suffix: str, kind: str) -> Path | None:
    suggested = workspace.stand_in.with_name(f"{workspace.stand_in.stem}-{stem}{suffix}")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Export", "Exportera"),
        str(suggested),
        f"{kind} (*{suffix})",
    )
    if not name:
        return None
    return Path(name if name.endswith(suffix) else name + suffix)


def _word(kind: str) -> Callable[[QWidget, Workspace, ExportOptions], None]:
    """Word documents and Excel files: step-by-step progress, Avbryt, then "open it now?"."""

    def run(parent: QWidget, workspace: Workspace, options: ExportOptions) -> None:
        from utredning_app.gui.report_export import start_export
        from utredning_app.services.exports import DOCUMENTS

        # The draft choice only means something for the Word documents.
        draft = options.draft and kind in DOCUMENTS
        start_export(parent, workspace.db.location, kind, draft=draft)

    return run


_xlsx = _word  # the same runner: services.exports tells Word and Excel kinds apart


def _audit(parent: QWidget, workspace: Workspace, _options: ExportOptions) -> None:
    from utredning_app.gui.operations import run_op
    from utredning_app.services.audit_log import export_audit

    out = _ask(parent, workspace, "andringslogg", ".xlsx", "Excel")
    if out is None:
        return
    source = workspace.db.location
    run_op(
        parent,
        QCoreApplication.translate("Export", "Skriver ändringsloggen …"),
        lambda _ctx: export_audit(source, out),
        done=QCoreApplication.translate("Export", "Ändringsloggen skrevs: %1").replace(
            "%1", str(out)
        ),
    )


def _register() -> None:
    from utredning_app.gui.report_export import TITLES
    from utredning_app.services.exports import DOCUMENTS, xlsx_kinds

    for kind in DOCUMENTS:
        register(
            ExportAction(
                kind, QCoreApplication.translate("Export", TITLES[kind]), _word(kind), word=True
            )
        )
    for xkind in xlsx_kinds().values():
        known = TITLES.get(xkind.name)
        title = (
            QCoreApplication.translate("Export", known)
            if known
            else f"{xkind.name.capitalize()} (Excel)…"
        )
        register(ExportAction(f"xlsx-{xkind.name}", title, _xlsx(xkind.name)))
    register(
        ExportAction(
            "audit", QCoreApplication.translate("Export", "Ändringsloggen (Excel)…"), _audit
        )
    )


_register()
