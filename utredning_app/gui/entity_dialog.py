"""The editor for one row of any entity: a Designer frame with fields added from the spec.

Each field has its error label right under it; values are checked while typing (after the
field was touched) and on Save with the same rules the services apply
(:mod:`utredning_app.domain.validation`), so a refused value is explained at the field and
never written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from utredning_app.domain.validation import FieldError, Scale, validate
from utredning_app.gui.field_editors import FieldEditor, ParseError
from utredning_app.gui.forms.ui_entity_dialog import Ui_EntityDialog
from utredning_app.gui.specs import EntitySpec, tr_field
from utredning_app.gui.validation_text import translated_message


class EntityDialog(QDialog):
    def __init__(
        self,
        spec: EntitySpec,
        values: dict[str, Any],
        choices: dict[str, list[tuple[str, str]]],
        scale: Scale,
        *,
        heading: str,
        parent: QWidget | None = None,
        hidden: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_EntityDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.spec = spec
        self.scale = scale
        self._base = dict(values)
        self._touched: set[str] = set()
        # Checks that need the file (a duplicate year …), run on Save after the field rules:
        # a refused value keeps the form open with the message at the field.
        self.checker: Callable[[dict[str, Any]], list[FieldError]] | None = None
        self.setWindowTitle(heading)
        self.ui.headingLabel.setText(heading)
        self.ui.headingLabel.setObjectName("dialogHeading")
        self.ui.summaryLabel.setObjectName("errorLabel")
        self.ui.summaryLabel.hide()
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Spara"))
        save.setDefault(True)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.ui.buttonBox.accepted.connect(self._try_accept)
        # Return in a multi-line field starts a new line; Ctrl+Return saves from anywhere.
        save.setToolTip(self.tr("Spara (Ctrl+Retur)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._try_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, QLabel] = {}
        first: QWidget | None = None
        for field in spec.fields:
            if field.key in hidden:
                continue
            editor = FieldEditor(field, choices.get(field.key))
            editor.set_value(values.get(field.key))
            editor.edited.connect(lambda key=field.key: self._on_edit(key))
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            # One line is kept for the message even while there is none: fields below do not
            # move while the user is clicking.
            error.setMinimumHeight(error.fontMetrics().height())
            container = QWidget()
            from PySide6.QtWidgets import QVBoxLayout

            box = QVBoxLayout(container)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(error)
            label = QLabel(tr_field(field.label) + (" *" if self._required(field.key) else ""))
            label.setBuddy(editor.widget)
            self.ui.formLayout.addRow(label, container)
            self.editors[field.key] = editor
            self.errors[field.key] = error
            first = first or editor.widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _required(self, key: str) -> bool:
        from utredning_app.domain.validation import REQUIRED_TEXT, REQUIRED_VALUE

        return key in REQUIRED_TEXT.get(self.spec.table, {}) or (
            key in REQUIRED_VALUE.get(self.spec.table, {})
        )

    # values and checks -----------------------------------------------------
    def collect(self) -> tuple[dict[str, Any], list[FieldError]]:
        values: dict[str, Any] = {}
        errors: list[FieldError] = []
        for key, editor in self.editors.items():
            try:
                values[key] = editor.value()
            except ParseError as exc:
                errors.append(FieldError(key, str(exc)))
        parsed = {e.field for e in errors}
        merged = {**self._base, **values}
        errors += [
            e for e in validate(self.spec.table, merged, self.scale) if e.field not in parsed
        ]
        return values, errors

    def base_value(self, key: str) -> Any:
        return self._base.get(key)

    def changed_values(self) -> dict[str, Any]:
        values, _ = self.collect()
        return {k: v for k, v in values.items() if self._base.get(k) != v}

    def show_errors(self, errors: list[FieldError], only: set[str] | None = None) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(translated_message(error.message))
        for key, label in self.errors.items():
            messages = by_field.get(key, [])
            visible = bool(messages) and (only is None or key in only)
            label.setText(" ".join(messages) if visible else "")
            self.editors[key].widget.setProperty("invalid", visible)
            self.editors[key].widget.style().unpolish(self.editors[key].widget)
            self.editors[key].widget.style().polish(self.editors[key].widget)
        unplaced = [translated_message(e.message) for e in errors if e.field not in self.errors]
        self.ui.summaryLabel.setText(" ".join(unplaced))
        self.ui.summaryLabel.setVisible(bool(unplaced) and only is None)

    def _on_edit(self, key: str) -> None:
        self._touched.add(key)
        _, errors = self.collect()
        self.show_errors(errors, self._touched)

    def _try_accept(self) -> None:
        values, errors = self.collect()
        if not errors and self.checker is not None:
            errors = self.checker({**self._base, **values})
        if errors:
            self.show_errors(errors)
            bad = next((e.field for e in errors if e.field in self.editors), None)
            if bad is not None:
                self.editors[bad].widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()
