"""The conflict view: each open conflict side by side (base, mine, theirs, who and when), and
a choice — keep mine, take theirs, or an edited merged text. Every choice is one undo step."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from utredning_app.errors import UserError
from utredning_app.services import conflicts as conflict_service
from utredning_app.services.entities import label_for

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Konflikter från sammanslagningar"))
        self.resize(900, 600)
        self.items: list[conflict_service.OpenConflict] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nr"), self.tr("Tabell"), self.tr("Post"), self.tr("Fält")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show(row))
        layout.addWidget(self.table)
        grid = QGridLayout()
        self.base = self._pane(grid, 0, self.tr("Bas (innan någon ändrade)"))
        self.mine = self._pane(grid, 1, self.tr("Mina (den här filen)"))
        self.theirs = self._pane(grid, 2, self.tr("Deras (kopian)"))
        self.mine_who = QLabel(self)
        self.theirs_who = QLabel(self)
        grid.addWidget(self.mine_who, 2, 1)
        grid.addWidget(self.theirs_who, 2, 2)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Sammanslagen text (redigera och använd):"), self))
        self.merged = QPlainTextEdit(self)
        layout.addWidget(self.merged)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.keep_mine = QPushButton(self.tr("Behåll mina"), self)
        self.take_theirs = QPushButton(self.tr("Ta deras"), self)
        self.use_merged = QPushButton(self.tr("Använd sammanslagen text"), self)
        for button in (self.keep_mine, self.take_theirs, self.use_merged):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_mine.clicked.connect(lambda: self._resolve("mina"))
        self.take_theirs.clicked.connect(lambda: self._resolve("deras"))
        self.use_merged.clicked.connect(lambda: self._resolve("egen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self.reload()

    def _pane(self, grid: QGridLayout, column: int, title: str) -> QPlainTextEdit:
        grid.addWidget(QLabel(title, self), 0, column)
        pane = QPlainTextEdit(self)
        pane.setReadOnly(True)
        grid.addWidget(pane, 1, column)
        return pane

    def reload(self) -> None:
        with self.workspace.db.engine.connect() as conn:
            self.items = conflict_service.open_conflicts(conn)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [
                str(item.number),
                label_for(item.table),
                item.row_name or item.row_id[:8],
                item.field_label,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(self.tr("%1 olösta konflikter").replace("%1", str(len(self.items))))
        if self.items:
            self.table.setCurrentCell(0, 0)
            self._show(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        for button in (self.keep_mine, self.take_theirs, self.use_merged):
            button.setEnabled(item is not None)
        if item is None:
            for pane in (self.base, self.mine, self.theirs, self.merged):
                pane.setPlainText("")
            self.mine_who.setText("")
            self.theirs_who.setText("")
            return
        self.base.setPlainText(_text(item.base))
        self.mine.setPlainText(_text(item.mine))
        self.theirs.setPlainText(_text(item.theirs))
        self.merged.setPlainText(_text(item.mine))
        self.use_merged.setEnabled(isinstance(item.mine, str) and item.column != "*")
        self.mine_who.setText(f"{item.mine_by or '–'}, {item.mine_at or '–'}")
        self.theirs_who.setText(f"{item.theirs_by or '–'}, {item.theirs_at or '–'}")

    def current(self) -> conflict_service.OpenConflict | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _resolve(self, side: str) -> None:
        item = self.current()
        if item is None:
            return
        text = self.merged.toPlainText() if side == "egen" else None
        label = self.tr("Lös konflikt %1").replace("%1", str(item.number))
        from utredning_app.services.edits import resolve_conflict

        db = self.workspace.db
        try:
            change = resolve_conflict(db, item.number, side, text)
        except UserError as exc:
            self.status.setText(exc.message)  # shown in the dialog, the conflict stays open
            return
        self.workspace.record(change, self, label)  # one undo step; undo reopens it
        self.reload()
