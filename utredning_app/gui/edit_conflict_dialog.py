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
        labels = field_labels(conflict.table)
        singular = labels.get("", "")
        message = QLabel(
            self.tr(
                "%1 sparade %2 medan du redigerade%3. Din ändring är inte sparad ännu: läs in "
                "deras version, eller behåll din (den ersätter deras; det går att ångra)."
            )
            .replace("%1", conflict.by)
            .replace(
                "%2",
                ", ".join(labels.get(key, key).lower() for key in sorted(conflict.fields))
                + (f" ({singular.lower()})" if singular else ""),
            )
            .replace("%3", f" ({conflict.when})" if conflict.when else ""),
            self,
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Fält"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Deras (sparat nu)"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Din ändring"), self), 0, 2)
        self.panes: list[tuple[QPlainTextEdit, QPlainTextEdit]] = []
        for row, (field, (theirs, mine)) in enumerate(sorted(conflict.fields.items()), start=1):
            grid.addWidget(QLabel(labels.get(field, field), self), row, 0)
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


def field_labels(table: str) -> dict[str, str]:
    """The form's own (translated) labels of ``table``'s fields; "" → the entity's name."""
    from utredning_app.gui import entity_specs
    from utredning_app.gui.specs import EntitySpec, tr_field

    for spec in vars(entity_specs).values():
        if isinstance(spec, EntitySpec) and spec.table == table:
            labels = {f.key: tr_field(f.label) for f in spec.fields}
            labels[""] = tr_field(spec.singular)
            return labels
    return {}


def ask_keep_mine(parent: QWidget, conflict: Any) -> bool:
    """True when the person keeps their value."""
    return EditConflictDialog(conflict, parent).exec() == QDialog.DialogCode.Accepted
