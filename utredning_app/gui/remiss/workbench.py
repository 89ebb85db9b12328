"""The remiss answers workbench: reading/coding, import, search and overview as tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from utredning_app.gui.remiss.coding_widget import CodingWidget
from utredning_app.gui.remiss.import_widget import ImportWidget
from utredning_app.gui.remiss.search_widget import SearchWidget
from utredning_app.gui.remiss.status_widget import StatusWidget

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace

REMISS_TABLES = frozenset(
    {
        "consultation_round",
        "round_proposal",
        "consultee",
        "response",
        "attachment",
        "stance",
        "quote",
        "proposal",
        "remiss_comment",  # an undone or redone Utredningens kommentar is shown again
    }
)


class RemissWorkbench(QTabWidget):
    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remissWorkbench")
        self.coding = CodingWidget()
        self.importer = ImportWidget()
        self.searcher = SearchWidget()
        self.overview = StatusWidget()
        self.addTab(self.coding, self.tr("Läsa och koda"))
        self.addTab(self.importer, self.tr("Läs in svar"))
        self.addTab(self.searcher, self.tr("Sök i svaren"))
        self.addTab(self.overview, self.tr("Översikt"))
        for widget in (self.coding, self.importer, self.searcher, self.overview):
            widget.changed.connect(self._relay)
        self.searcher.open_response.connect(self.show_response)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """The open file: coding actions become undo steps of ``workspace``."""
        for widget in (self.coding, self.importer, self.searcher, self.overview):
            widget.set_workspace(workspace)
        if workspace is not None:
            workspace.changed.connect(self._recorded)

    def _relay(self, tables: frozenset[str]) -> None:
        """A tab wrote through its own service call: the other tabs reload, and ``changed``
        tells the window (the Remissvar view passes it on to the workspace)."""
        self._reload_besides(self.sender())
        self.changed.emit(tables)

    def _recorded(self, _tables: frozenset[str], initiator: object) -> None:
        """A tab's change went through the workspace (coding: ``Workspace.record``), which
        told every view once; here only the other tabs reload."""
        if isinstance(initiator, QWidget) and (initiator is self or self.isAncestorOf(initiator)):
            self._reload_besides(initiator)

    def _reload_besides(self, writer: object) -> None:
        for widget in (self.coding, self.overview):
            if widget is not writer and not (
                isinstance(writer, QWidget) and widget.isAncestorOf(writer)
            ):
                widget.reload()

    def on_external_change(self, tables: frozenset[str]) -> None:
        """Another view wrote: reload what shows remiss data."""
        if tables & REMISS_TABLES:
            self.coding.reload()
            self.overview.reload()
            self.importer.reload()

    def show_response(self, response_id: str) -> None:
        self.coding.select_response(response_id)
        self.setCurrentWidget(self.coding)
