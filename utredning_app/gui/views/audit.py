"""Ändringslogg: read-only, newest first, filtered by person, item, text and date in SQL and
loaded a page at a time (the log is the largest table in a long-lived file)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
)

from utredning_app.domain.enums import AuditAction
from utredning_app.gui.enum_labels import enum_label
from utredning_app.gui.table_model import Column, RowTableModel
from utredning_app.gui.views.base import BaseView
from utredning_app.gui.workspace import Workspace
from utredning_app.services.audit_query import AuditFilter, actors, count_entries, entries
from utredning_app.services.entities import table_labels


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Ändringslogg"),
            QCoreApplication.translate(
                "Ändringslogg", "Varje ändring i filen: vem, när och vad. Loggen kan inte ändras."
            ),
        )
        filters = QHBoxLayout()
        self.actor_combo = QComboBox()
        self.actor_combo.setAccessibleName(
            QCoreApplication.translate("Ändringslogg", "Filtrera på person")
        )
        self.actor_combo.setMinimumWidth(180)
        self.table_combo = QComboBox()
        self.table_combo.setAccessibleName(
            QCoreApplication.translate("Ändringslogg", "Filtrera på del av utredningen")
        )
        self.table_combo.addItem(QCoreApplication.translate("Ändringslogg", "Alla delar"), "")
        for table, label in sorted(table_labels().items(), key=lambda kv: kv[1]):
            if table != "audit_entry":
                self.table_combo.addItem(label, table)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(QCoreApplication.translate("Ändringslogg", "Sök post…"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setAccessibleName(QCoreApplication.translate("Ändringslogg", "Sök post"))
        self.text_edit.setMinimumWidth(220)
        self.table_combo.setMinimumWidth(160)
        self.use_dates = QCheckBox(QCoreApplication.translate("Ändringslogg", "Datum"))
        self.from_date = QDateEdit(QDate.currentDate().addMonths(-1))
        self.to_date = QDateEdit(QDate.currentDate())
        for edit, name in (
            (self.from_date, QCoreApplication.translate("Ändringslogg", "Från datum")),
            (self.to_date, QCoreApplication.translate("Ändringslogg", "Till datum")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.from_date.setEnabled)
        self.use_dates.toggled.connect(self.to_date.setEnabled)
        for label, widget in (
            (QCoreApplication.translate("Ändringslogg", "Person"), self.actor_combo),
            (QCoreApplication.translate("Ändringslogg", "Del"), self.table_combo),
        ):
            text = QLabel(label)
            text.setBuddy(widget)
            filters.addWidget(text)
            filters.addWidget(widget)
        filters.addWidget(self.text_edit, 1)
        # The dates and the count on a row of their own: in one row the filters needed more
        # than a laptop window's width and were drawn over each other.
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.from_date)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.to_date)
        dates.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        dates.addWidget(self.count_label)
        self.layout_.addLayout(filters)
        self.layout_.addLayout(dates)

        self.model = RowTableModel(
            [
                Column("at", QCoreApplication.translate("Ändringslogg", "Tidpunkt")),
                Column("actor", QCoreApplication.translate("Ändringslogg", "Person")),
                Column(
                    "action",
                    QCoreApplication.translate("Ändringslogg", "Ändring"),
                    lambda r: enum_label(AuditAction(r["action"])),
                ),
                Column("table", QCoreApplication.translate("Ändringslogg", "Del")),
                Column("summary", QCoreApplication.translate("Ändringslogg", "Post")),
                Column("changes", QCoreApplication.translate("Ändringslogg", "Ändrade värden")),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setObjectName("table_audit")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setAccessibleName(QCoreApplication.translate("Ändringslogg", "Ändringslogg"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((140, 190, 90, 150, 320)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.layout_.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.actor_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.table_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.text_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.use_dates.toggled.connect(lambda _b: self.reload())
        self.from_date.dateChanged.connect(lambda _d: self.reload())
        self.to_date.dateChanged.connect(lambda _d: self.reload())

    def current_filter(self) -> AuditFilter:
        dates = self.use_dates.isChecked()
        return AuditFilter(
            actor=str(self.actor_combo.currentData() or ""),
            table=str(self.table_combo.currentData() or ""),
            text=self.text_edit.text().strip(),
            date_from=self.from_date.date().toPython() if dates else None,  # type: ignore[arg-type]
            date_to=self.to_date.date().toPython() if dates else None,  # type: ignore[arg-type]
        )

    def _fill_actors(self) -> None:
        if self.workspace is None:
            return
        keep = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItem(QCoreApplication.translate("Ändringslogg", "Alla personer"), "")
        for name in actors(self.workspace.db):
            self.actor_combo.addItem(name, name)
        index = self.actor_combo.findData(keep)
        self.actor_combo.setCurrentIndex(max(index, 0))
        self.actor_combo.blockSignals(False)

    def on_changed(self, tables: frozenset[str]) -> None:
        self._fill_actors()
        self.reload()

    def set_workspace(self, workspace: Workspace | None) -> None:
        super().set_workspace(workspace)
        self._fill_actors()

    def reload(self) -> None:
        if self.workspace is None:
            self.model.set_rows([])
            return
        db = self.workspace.db
        f = self.current_filter()
        total = count_entries(db, f)
        self.model.set_source(
            total, lambda offset, limit: entries(db, f, offset=offset, limit=limit)
        )
        self.count_label.setText(
            QCoreApplication.translate("Ändringslogg", "%1 ändringar").replace("%1", str(total))
        )

    def focus_search(self) -> None:
        self.text_edit.setFocus()
        self.text_edit.selectAll()
