"""Registry of Arkiv ▸ Exportera… actions.

An export feature adds itself with :func:`register` (from a module listed in
``EXPORT_MODULES`` — imported when the menu is first opened, never at start-up)::

    register(ExportAction("delrapport", "Delrapport (Word)…", run_delrapport, word=True))

``run(parent, workspace, options)`` asks for a file name, runs the export (off the UI thread
with :func:`utredning_app.gui.operations.run_op` when slow) and reports in the status bar.
``options`` are the choices made in the menu itself (:class:`ExportOptions`); ``word=True``
marks the Word documents, which the menu groups with the choices that apply to them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace


@dataclass(frozen=True)
class ExportOptions:
    """Choices in the Exportera menu, passed to every export (each uses what applies to it)."""

    draft: bool = False  # Word documents: watermark UTKAST and draft markers


@dataclass(frozen=True)
class ExportAction:
    key: str
    title: str
    run: Callable[[QWidget, Workspace, ExportOptions], None]
    word: bool = False  # a Word document: the draft choice applies


EXPORT_ACTIONS: list[ExportAction] = []
# Modules that register export actions; the Word/Excel export features add theirs here.
EXPORT_MODULES: list[str] = ["utredning_app.gui.export_reports"]
_loaded = False


def register(action: ExportAction) -> None:
    if any(a.key == action.key for a in EXPORT_ACTIONS):
        return
    EXPORT_ACTIONS.append(action)


def actions() -> list[ExportAction]:
    global _loaded
    if not _loaded:
        _loaded = True
        for name in EXPORT_MODULES:
            importlib.import_module(name)
    return list(EXPORT_ACTIONS)


def _export_json(parent: QWidget, workspace: Workspace, _options: ExportOptions) -> None:
    from utredning_app.gui.operations import run_op
    from utredning_app.services.archive import export_archive

    suggested = workspace.stand_in.with_suffix(".json")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Export", "Exportera JSON-arkiv"),
        str(suggested),
        "JSON (*.json)",
    )
    if not name:
        return
    from pathlib import Path

    source = workspace.db.location
    run_op(
        parent,
        QCoreApplication.translate("Export", "Exporterar arkiv…"),
        lambda _ctx: export_archive(source, Path(name), include_private=True),
        done=QCoreApplication.translate("Export", "Arkivet skrevs: %1").replace("%1", name),
    )


register(
    ExportAction("json", QCoreApplication.translate("Export", "Öppet JSON-arkiv…"), _export_json)
)
