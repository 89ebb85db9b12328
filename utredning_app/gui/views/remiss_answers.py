"""Remissvar: the remiss workbench (read and code answers, import, search, overview) as a view.

The workbench writes through its own services (coding, import) in their own transactions;
its ``changed`` signal is passed on to the workspace so the other views reload.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from utredning_app.gui.remiss.workbench import RemissWorkbench
from utredning_app.gui.views.base import BaseView
from utredning_app.gui.workspace import Workspace


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Remissvar"),
            QCoreApplication.translate(
                "Vyer",
                "Läs in remissvaren, läs och koda dem förslag för förslag, sök i dem och se "
                "hur långt arbetet har kommit.",
            ),
        )
        self.workbench = RemissWorkbench()
        self.workbench.changed.connect(self._relay)
        self.layout_.addWidget(self.workbench, 1)

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workbench.set_workspace(workspace)
        super().set_workspace(workspace)

    def _relay(self, tables: frozenset[str]) -> None:
        if self.workspace is not None:
            self.workspace.notify(set(tables), initiator=self)

    def on_changed(self, tables: frozenset[str]) -> None:
        """Another view wrote (or an undo/redo): the workbench reloads what it shows."""
        self.workbench.on_external_change(tables)
