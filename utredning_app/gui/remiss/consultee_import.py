"""Import a consultee list from Excel: map the columns, see new rows, duplicates and errors,
then add the new ones in one go."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from utredning_app.gui.enum_labels import enum_label
from utredning_app.gui.remiss.common import run_action
from utredning_app.gui.specs import tr_field
from utredning_app.services import consultees as svc

if TYPE_CHECKING:
    from utredning_app.services.files import Database


class ConsulteeImportDialog(QDialog):
    def __init__(
        self, db: Database, path: Path, round_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importera remissinstanser"))
        self.db = db
        self.round_id = round_id
        self.sheet = svc.read_sheet(path)
        self.preview: svc.ImportPreview | None = None
        self.added = 0
        guessed = svc.guess_mapping(self.sheet.headers)
        form = QFormLayout()
        self.columns: dict[str, QComboBox] = {}
        for field, label in svc.FIELDS.items():
            combo = QComboBox()
            combo.setObjectName(f"mapping_{field}")
            combo.addItem(self.tr("(ingen kolumn)"), None)
            for index, header in enumerate(self.sheet.headers):
                combo.addItem(header or self.tr("Kolumn %1").replace("%1", str(index + 1)), index)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(field))))
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            self.columns[field] = combo
            form.addRow(tr_field(label) + ":", combo)  # consultee field labels: context Fält
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Lägg till"))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "%1, bladet %2 (rubriker på rad %3): välj vilken kolumn som innehåller vad."
                )
                .replace("%1", self.sheet.file_name)
                .replace("%2", self.sheet.sheet)
                .replace("%3", str(self.sheet.header_row))
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self.refresh()

    def mapping(self) -> dict[str, int]:
        return {f: c.currentData() for f, c in self.columns.items() if c.currentData() is not None}

    def refresh(self) -> None:
        db, sheet, mapping, rid = self.db, self.sheet, self.mapping(), self.round_id
        preview = run_action(self, lambda: svc.preview_import(db, sheet, mapping, rid))
        self.preview = preview
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if preview is None:
            ok.setEnabled(False)
            return
        self.summary.setText(
            self.tr("%1 nya, %2 dubbletter hoppas över, %3 rader avvisas.")
            .replace("%1", str(len(preview.new)))
            .replace("%2", str(len(preview.duplicates)))
            .replace("%3", str(len(preview.errors)))
        )
        lines = [f"+ {c.name} ({enum_label(c.type)})" for c in preview.new]
        lines += [
            self.tr("rad %1: «%2» finns redan som «%3»")
            .replace("%1", str(row))
            .replace("%2", name)
            .replace("%3", other)
            for row, name, other in preview.duplicates
        ]
        lines += [f"! {e}" for e in preview.errors]
        self.details.setPlainText("\n".join(lines))
        ok.setEnabled(bool(preview.new))  # the rejected rows are listed and left out

    def commit(self) -> None:
        if self.preview is None:
            return
        db, preview, rid = self.db, self.preview, self.round_id
        added = run_action(self, lambda: svc.commit_import(db, preview, rid))
        if added is not None:
            self.added = added
            self.accept()
