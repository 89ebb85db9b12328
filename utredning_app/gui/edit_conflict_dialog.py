"""Two people saved the same field (an investigation on a server): show both values side by
side, like the conflict view of merged copies, and let the second person choose – read
theirs (nothing of mine is written) or keep mine (replaces theirs, logged, undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class EditConflictDialog(QDialog):
    def __init__(self, conflict: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Någon annan ändrade samtidigt"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        message = QLabel(conflict.message, self)
        message.setWordWrap(True)
        layout.addWidget(message)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Fält"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Deras (sparat nu)"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Din ändring"), self), 0, 2)
        self.panes: list[tuple[QPlainTextEdit, QPlainTextEdit]] = []
        for row, (field, (theirs, mine)) in enumerate(sorted(conflict.fields.items()), start=1):
            grid.addWidget(QLabel(field, self), row, 0)
            panes = []
            for column, value in ((1, theirs), (2, mine)):
                pane = QPlainTextEdit(_text(value), self)
                pane.setReadOnly(True)
                grid.addWidget(pane, row, column)
                panes.append(pane)
            self.panes.append((panes[0], panes[1]))
        layout.addLayout(grid)
        buttons = QDialogButtonBox(self)
        self.reload_button = buttons.addButton(
            self.tr("&Läs in deras"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button = buttons.addButton(
            self.tr("&Behåll min"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reload_button.setDefault(True)  # the safe choice: nothing of theirs is lost
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_keep_mine(parent: QWidget, conflict: Any) -> bool:
    """True when the person keeps their value."""
    return EditConflictDialog(conflict, parent).exec() == QDialog.DialogCode.Accepted
