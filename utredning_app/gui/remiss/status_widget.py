"""The remiss dashboard: counts per consultee type and who to remind (exportable)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.enums import ConsulteeType
from utredning_app.domain.formatting import format_date
from utredning_app.gui.enum_labels import enum_label
from utredning_app.gui.remiss.common import fill_rounds, run_action
from utredning_app.gui.specs import tr_field
from utredning_app.services.remiss_status import (
    REMINDER_HEADERS,
    Counts,
    RemissStatus,
    export_reminders,
    reminder_rows,
    remiss_status,
)

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import Database

COUNT_FIELDS = ("invited", "answered", "abstained", "missing", "late", "spontaneous")


class StatusWidget(QWidget):
    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.status: RemissStatus | None = None
        self.round_combo = QComboBox()
        self.deadline = QLabel()
        self.counts = QTableWidget(0, len(COUNT_FIELDS) + 1)
        self.counts.setObjectName("remissCounts")
        self.counts.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.counts.setHorizontalHeaderLabels(
            [
                self.tr("Typ"),
                self.tr("Inbjudna"),
                self.tr("Besvarat"),
                self.tr("Avstått"),
                self.tr("Saknas"),
                self.tr("Sena"),
                self.tr("Spontana"),
            ]
        )
        self.counts.verticalHeader().setVisible(False)
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.remind = QTableWidget(0, len(REMINDER_HEADERS))
        self.remind.setObjectName("remissReminders")
        self.remind.setTabKeyNavigation(False)
        # The service's Swedish headers are field labels; their translations are in context Fält.
        self.remind.setHorizontalHeaderLabels([tr_field(h) for h in REMINDER_HEADERS])
        self.remind.verticalHeader().setVisible(False)
        self.remind.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        remind_header = self.remind.horizontalHeader()
        remind_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        remind_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton(self.tr("Exportera påminnelselista …"))
        self.sendout_button = QPushButton(self.tr("Skapa utskick …"))
        self.sendout_button.setToolTip(
            self.tr("Svarsmall (Excel) och missiv (Word) för varje inbjuden remissinstans")
        )
        self.import_list_button = QPushButton(self.tr("Importera remissinstanser …"))
        self.export_list_button = QPushButton(self.tr("Exportera remissinstanser …"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Remissomgång:")))
        top.addWidget(self.round_combo, 1)
        top.addWidget(self.deadline)
        actions = QHBoxLayout()
        for button in (self.sendout_button, self.import_list_button, self.export_list_button):
            actions.addWidget(button)
        actions.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Att påminna (inbjudna som inte har svarat)")))
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.counts)
        layout.addLayout(bottom)
        layout.addWidget(self.remind, 1)
        self.round_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.export_button.clicked.connect(lambda: self.export())
        self.sendout_button.clicked.connect(lambda: self.sendout())
        self.import_list_button.clicked.connect(lambda: self.import_list())
        self.export_list_button.clicked.connect(lambda: self.export_list())

    @property
    def db(self) -> Database | None:
        """The open file, handed to the services (None: no file)."""
        return None if self.workspace is None else self.workspace.db

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        fill_rounds(self.round_combo, workspace)
        self.reload()

    def reload(self) -> None:
        db, rid = self.db, self.round_combo.currentData()
        has_round = db is not None and rid is not None
        for button in (self.sendout_button, self.import_list_button, self.export_list_button):
            button.setEnabled(has_round)
        if db is None or rid is None:
            self.counts.setRowCount(0)
            self.remind.setRowCount(0)
            self.export_button.setEnabled(False)
            return
        status = run_action(self, lambda: remiss_status(db, rid))
        if status is None:
            return
        self.status = status
        self.deadline.setText(
            self.tr("Sista svarsdag: ") + (format_date(status.deadline) if status.deadline else "–")
        )
        rows: list[tuple[str, Counts]] = [
            (enum_label(kind), status.by_type[kind])
            for kind in ConsulteeType
            if kind in status.by_type
        ]
        rows.append((self.tr("Totalt"), status.total))
        self.counts.setRowCount(len(rows))
        for r, (label, counts) in enumerate(rows):
            self.counts.setItem(r, 0, QTableWidgetItem(label))
            for c, field in enumerate(COUNT_FIELDS, start=1):
                self.counts.setItem(r, c, QTableWidgetItem(str(getattr(counts, field))))
        # Show every row (at most eight: six types and the total) without a scroll bar.
        self.counts.resizeRowsToContents()
        height = self.counts.horizontalHeader().height() + 2 * self.counts.frameWidth()
        height += sum(self.counts.rowHeight(r) for r in range(len(rows)))
        self.counts.setFixedHeight(height)
        reminders = reminder_rows(status)
        self.remind.setRowCount(len(reminders))
        for r, (row, consultee) in enumerate(zip(reminders, status.to_remind, strict=True)):
            # reminder_rows gives the type's Swedish label (for the export); show it translated.
            values = (row[0], enum_label(consultee.type), *row[2:])
            for c, value in enumerate(values):
                self.remind.setItem(r, c, QTableWidgetItem(value))
        self.export_button.setEnabled(bool(reminders))

    def export(self, path: Path | None = None) -> None:
        if self.db is None:
            return
        if path is None:
            name, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Spara påminnelselista"),
                "påminnelser.xlsx",
                self.tr("Excel (*.xlsx);;CSV (*.csv)"),
            )
            if not name:
                return
            path = Path(name)
        db, rid, out = self.db, self.round_combo.currentData(), path
        run_action(self, lambda: export_reminders(db, out, rid))

    def sendout(self, folder: Path | None = None) -> list[Path]:
        """Write the send-out into ``folder`` (asked for when not given)."""
        from utredning_app.services.sendout import create_sendout

        if self.db is None:
            return []
        if folder is None:
            name = QFileDialog.getExistingDirectory(self, self.tr("Välj mapp för utskicket"))
            if not name:
                return []
            folder = Path(name)
        path, rid, target = self.db.location, self.round_combo.currentData(), folder
        items = run_action(self, lambda: create_sendout(path, target, round_ref=rid))
        if not items:
            return []
        QMessageBox.information(
            self,
            self.tr("Utskick"),
            self.tr("%1 svarsmallar och missiv skrevs i %2.")
            .replace("%1", str(len(items)))
            .replace("%2", str(folder)),
        )
        return [p for item in items for p in (item.form, item.letter)]

    def import_list(self, path: Path | None = None) -> int:
        from utredning_app.gui.remiss.consultee_import import ConsulteeImportDialog

        if self.db is None:
            return 0
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                self, self.tr("Välj lista med remissinstanser"), "", self.tr("Excel (*.xlsx)")
            )
            if not name:
                return 0
            path = Path(name)
        db, source, rid = self.db, path, self.round_combo.currentData()
        dialog = run_action(self, lambda: ConsulteeImportDialog(db, source, rid, self))
        if dialog is None or not dialog.exec():
            return 0
        self.reload()
        self.changed.emit(frozenset({"consultee"}))
        return int(dialog.added)

    def export_list(self, path: Path | None = None) -> None:
        from utredning_app.services.consultees import export_consultees

        if self.db is None:
            return
        if path is None:
            name, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Spara remissinstanser"),
                "remissinstanser.xlsx",
                self.tr("Excel (*.xlsx)"),
            )
            if not name:
                return
            path = Path(name)
        db, out, rid = self.db, path, self.round_combo.currentData()
        run_action(self, lambda: export_consultees(db, out, rid))
