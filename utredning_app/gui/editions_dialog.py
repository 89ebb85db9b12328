"""Rapporter ▸ Utgåvor: the sent editions of the delrapport and slutrapport.

Lists every edition kept in the file (report, date, label, size); *Spara utgåva* keeps the
fastställd report as it is now as a new edition (``services/editions.py``; LibreOffice adds
page numbers where installed, so it runs off the UI thread) as one undo step of the workspace
(``services/edits.record_edition``: undo removes the edition, redo restores it); *Spara som
Word-fil…* writes the chosen edition's exact bytes to a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from utredning_app.errors import UserError

if TYPE_CHECKING:
    from utredning_app.gui.operations import Op
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.editions import EditionInfo


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class EditionsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(QCoreApplication.translate("Utgåvor", "Utgåvor av rapporterna"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "Utgåvor",
                    "En fastställd rapport sparas som utgåva när den skickas. Exporten ger "
                    "sedan utgåvan, precis som den skickades.",
                )
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Utgåvor", "Rapport"),
                QCoreApplication.translate("Utgåvor", "Datum"),
                QCoreApplication.translate("Utgåvor", "Etikett"),
                QCoreApplication.translate("Utgåvor", "Storlek"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.new_delrapport = QPushButton(
            QCoreApplication.translate("Utgåvor", "Spara utgåva av delrapporten")
        )
        self.new_slutrapport = QPushButton(
            QCoreApplication.translate("Utgåvor", "Spara utgåva av slutrapporten")
        )
        self.save_as = QPushButton(QCoreApplication.translate("Utgåvor", "Spara som Word-fil …"))
        self.save_as.setEnabled(False)
        for button in (self.new_delrapport, self.new_slutrapport, self.save_as):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.new_delrapport.clicked.connect(
            lambda: self._record("delrapport", self.new_delrapport.text())
        )
        self.new_slutrapport.clicked.connect(
            lambda: self._record("slutrapport", self.new_slutrapport.text())
        )
        self.save_as.clicked.connect(self._save_as)
        self.table.itemSelectionChanged.connect(
            lambda: self.save_as.setEnabled(bool(self.table.selectedItems()))
        )
        self.editions: list[EditionInfo] = []
        self.task: Op | None = None
        self.refresh()

    def refresh(self) -> None:
        from utredning_app.domain.formatting import format_number
        from utredning_app.services.editions import editions_of

        self.editions = self.workspace.query(editions_of)
        self.table.setRowCount(len(self.editions))
        for row, e in enumerate(self.editions):
            cells = [
                e.kind.label,
                e.edition_date.isoformat(),
                e.label,
                f"{format_number(e.size_bytes / 1024, 0)} kB",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _record(self, name: str, text: str) -> None:
        from utredning_app.gui.operations import Op
        from utredning_app.services.edits import record_edition

        db = self.workspace.db
        self.task = Op(
            lambda _ctx: record_edition(db, name),
            self,
            QCoreApplication.translate("Utgåvor", "Sparar utgåvan …"),
        )
        self.task.finished.connect(lambda _change: self.refresh())
        self.task.failed.connect(
            lambda message: QMessageBox.warning(self, self.windowTitle(), message)
        )
        # Done: one undo step (Ctrl+Z in the window once this dialog is closed), and every
        # view is told.
        self.workspace.run_op(self.task, self, text)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), message)

    def _save_as(self) -> None:
        from utredning_app.services.editions import edition_bytes
        from utredning_app.services.exports import ExportError, write_atomic

        rows = {i.row() for i in self.table.selectedItems()}
        if not rows:
            return
        edition = self.editions[min(rows)]
        suggested = self.workspace.stand_in.with_name(
            f"{self.workspace.stand_in.stem}-{edition.kind.value}-{edition.edition_date}.docx"
        )
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Utgåvor", "Spara utgåvan"),
            str(suggested),
            "Word (*.docx)",
        )
        if not name:
            return
        out = Path(name if name.endswith(".docx") else name + ".docx")
        try:
            write_atomic(out, edition_bytes(self.workspace.db.location, edition.id))
        except (UserError, ExportError) as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        parent = self.parent()
        window = parent.window() if isinstance(parent, QWidget) else None
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(
                QCoreApplication.translate("Utgåvor", "Utgåvan skrevs: %1").replace("%1", str(out)),
                8000,
            )


def show_editions(parent: QWidget, workspace: Workspace | None) -> None:
    if workspace is None:
        return
    EditionsDialog(workspace, parent).exec()
