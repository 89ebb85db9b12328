"""One editor widget per field kind, with parsing of what the user typed into plain values.

Nullable numbers and dates are line edits (a spin box or date edit cannot be empty); what the
user types is parsed Swedish-style (``1 234,5``, ``2024-06-30``) and a parse failure becomes a
Swedish message shown next to the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from utredning_app.domain.formatting import format_number, parse_number
from utredning_app.gui.enum_labels import enum_label
from utredning_app.gui.specs import FieldSpec, tr_field


class ParseError(ValueError):
    """What the user typed cannot be read as the field's kind (message is Swedish)."""


class FieldEditor(QWidget):
    """Wraps the concrete widget; ``value()`` returns the plain value or raises ParseError."""

    edited = Signal()

    def __init__(self, spec: FieldSpec, choices: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        from PySide6.QtWidgets import QVBoxLayout

        self.spec = spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.widget = self._make(spec, choices or [])
        self.widget.setAccessibleName(tr_field(spec.label))
        self.widget.setObjectName(f"field_{spec.key}")
        layout.addWidget(self.widget)
        self.setFocusProxy(self.widget)

    def _make(self, spec: FieldSpec, choices: list[tuple[str, str]]) -> QWidget:
        kind = spec.kind
        if kind == "multiline":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(90)
            edit.textChanged.connect(self.edited)
            return edit
        if kind == "bool":
            box = QCheckBox()
            box.toggled.connect(self.edited)
            return box
        if kind in ("enum", "ref"):
            combo = QComboBox()
            if spec.nullable:
                combo.addItem("–", None)
            if kind == "enum" and spec.enum is not None:
                for member in spec.enum:
                    combo.addItem(enum_label(member), member)
            else:
                for row_id, label in choices:
                    combo.addItem(label, row_id)
            combo.currentIndexChanged.connect(self.edited)
            return combo
        line = QLineEdit()
        if spec.placeholder:
            line.setPlaceholderText(tr_field(spec.placeholder))
        elif kind == "date":
            line.setPlaceholderText(QCoreApplication.translate("Fältredigerare", "ÅÅÅÅ-MM-DD"))
        line.textChanged.connect(self.edited)
        return line

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value or ""))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index < 0 and value is not None:
                index = next((i for i in range(w.count()) if str(w.itemData(i)) == str(value)), -1)
            w.setCurrentIndex(max(index, 0))
        elif isinstance(w, QLineEdit):
            w.setText(self._format(value))

    def _format(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if self.spec.kind == "float":
            return format_number(float(value), self.spec.decimals, sep=" ").replace("−", "-")
        if self.spec.kind == "int":
            return str(int(value))  # no grouping in the editor: easier to retype
        if self.spec.kind == "date" and isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    def display_text(self) -> str:
        """What the field shows, as the user sees it (for messages)."""
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.text()
        if isinstance(w, QComboBox):
            return w.currentText()
        assert isinstance(w, QLineEdit)
        return w.text().strip()

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        assert isinstance(w, QLineEdit)
        text = w.text().strip()
        kind = self.spec.kind
        if kind == "text":
            return w.text()
        if not text:
            return None
        if kind == "int":
            try:
                number = parse_number(text)
            except ValueError:
                raise ParseError(
                    QCoreApplication.translate("Fältredigerare", "Ange ett heltal, t.ex. 1 200.")
                ) from None
            if not number.is_integer():
                raise ParseError(
                    QCoreApplication.translate("Fältredigerare", "Ange ett heltal utan decimaler.")
                )
            return int(number)
        if kind == "float":
            try:
                return parse_number(text)
            except ValueError:
                raise ParseError(
                    QCoreApplication.translate("Fältredigerare", "Ange ett tal, t.ex. 1 234,5.")
                ) from None
        if kind == "date":
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise ParseError(
                    QCoreApplication.translate(
                        "Fältredigerare", "Ange ett datum som ÅÅÅÅ-MM-DD, t.ex. 2023-06-30."
                    )
                ) from None
        return text
