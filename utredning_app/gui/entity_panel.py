"""A titled, filterable, sortable table of one entity with Ny / Redigera / Ta bort.

Used by most views; master–detail views chain panels through ``set_parent``. All writes go
through ``Workspace.run`` (one generic undo step per change).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.validation import FieldError
from utredning_app.gui.icons import icon
from utredning_app.gui.specs import EntitySpec, tr_field
from utredning_app.gui.table_model import ROW_ROLE, Column, RowTableModel, SwedishSortProxy
from utredning_app.gui.table_model import display_text as _display
from utredning_app.gui.workspace import Workspace

if TYPE_CHECKING:
    from utredning_app.gui.entity_dialog import EntityDialog


def _number_text(key: str, decimals: int, grouping: bool) -> Callable[[dict[str, Any]], str]:
    def text(row: dict[str, Any]) -> str:
        value = row.get(key)
        if value is None:
            return ""
        if not grouping and not decimals:
            return str(int(value))
        return _display(float(value), decimals) if decimals else _display(int(value))

    return text


def _prose_text(key: str) -> Callable[[dict[str, Any]], str]:
    """First line of Markdown prose without its markers (**, *, #, >, list bullets)."""

    def text(row: dict[str, Any]) -> str:
        value = str(row.get(key) or "").strip()
        first = next((line for line in value.splitlines() if line.strip()), "")
        first = re.sub(r"^\s*(#+|>|[-*+]|\d+\.)\s+", "", first)
        first = re.sub(r"(\*\*|__|\*|`)", "", first)
        return first if len(first) <= 120 else first[:119] + "…"

    return text


class EntityPanel(QWidget):
    current_changed = Signal(object)  # row id or None

    def __init__(
        self,
        spec: EntitySpec,
        title: str,
        parent: QWidget | None = None,
        *,
        extra_columns: list[Column] | None = None,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self._extra_columns = list(extra_columns or [])
        self.workspace: Workspace | None = None
        self.parent_id: str | None = None
        self._lookups: dict[str, dict[str, str]] = {}
        self._fitted = False
        self.setObjectName(f"panel_{spec.table}")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.title_label = QLabel(title)
        self.title_label.setObjectName("panelTitle")
        head.addWidget(self.title_label)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        head.addWidget(self.count_label)
        head.addStretch(1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filtrera…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filtrera %1").replace("%1", title))
        self.filter_edit.setMaximumWidth(140 if compact else 240)
        self.filter_edit.textChanged.connect(self._on_filter)
        head.addWidget(self.filter_edit)

        self.add_action = QAction(icon("add"), self.tr("Ny"), self)
        self.add_action.setToolTip(self.tr("Lägg till (Ins)"))
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.triggered.connect(self.add)
        self.edit_action = QAction(icon("edit"), self.tr("Redigera"), self)
        self.edit_action.setToolTip(self.tr("Redigera markerad rad (F2 eller Retur)"))
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action = QAction(icon("delete"), self.tr("Ta bort"), self)
        self.delete_action.setToolTip(self.tr("Ta bort markerad rad (Del) – kan ångras"))
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_current)
        for action in (self.add_action, self.edit_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonIconOnly
                if compact
                else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            )
            button.setAccessibleName(action.text())
            head.addWidget(button)
        layout.addLayout(head)

        self.model = RowTableModel(self._columns(), self)
        self.proxy = SwedishSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName(f"table_{spec.table}")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setAccessibleName(title)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        # Tables with a natural order (number, sort order, year) keep it; others start sorted
        # by their first column in Swedish order.
        self.view.sortByColumn(-1 if spec.order_by else 0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # A double click edits; so do Return and Enter. Not ``activated`` as well: it comes
        # with every double click too (the dialog opened twice), and on a single click in
        # styles that activate on one click.
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_current)
        # Follow the selection, not the current index: on a mouse press the current row
        # changes before the row is selected (currentRowChanged would see no selected row),
        # while selectionChanged comes after it for mouse and keyboard alike.
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.selectionModel().currentRowChanged.connect(self._update_actions)
        layout.addWidget(self.view, 1)
        self._update_actions()

    # columns ---------------------------------------------------------------
    def _columns(self) -> list[Column]:
        columns = []
        for key in self.spec.columns:
            field = self.spec.field(key)
            header = tr_field(field.label)
            if field.kind == "ref":
                columns.append(Column(key, header, self._ref_text(key)))
            elif field.kind == "multiline":
                columns.append(Column(key, header, _prose_text(key)))
            elif field.kind == "bool":
                columns.append(Column(key, header, check=True))
            elif field.kind in ("int", "float"):
                decimals = field.decimals if field.kind == "float" else 0
                columns.append(
                    Column(
                        key,
                        header,
                        _number_text(key, decimals, field.grouping),
                        align_right=True,
                    )
                )
            else:
                columns.append(Column(key, header))
        return columns + self._extra_columns

    def _ref_text(self, key: str) -> Any:
        return lambda row: self._lookups.get(key, {}).get(row.get(key) or "", "")

    # data --------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        if workspace is not None:
            workspace.changed.connect(self._on_changed)
        self.reload()

    def set_parent(self, parent_id: str | None) -> None:
        self.parent_id = parent_id
        self.reload()

    def _where(self) -> dict[str, Any] | None:
        if self.spec.parent_key is None:
            return None
        return {self.spec.parent_key: self.parent_id}  # reload() needs a parent_id first

    def tables(self) -> set[str]:
        refs = {f.ref.table for f in self.spec.fields if f.ref is not None}
        return {self.spec.table, *refs}

    def _on_changed(self, tables: frozenset[str], _initiator: object = None) -> None:
        if tables & self.tables():
            self.reload()

    def choices(self) -> dict[str, list[tuple[str, str]]]:
        from utredning_app.services import entities

        ws = self.workspace
        assert ws is not None
        out = {}
        for field in self.spec.fields:
            if field.ref is not None:
                out[field.key] = entities.choices(ws.db, field.ref.table, field.ref.label_fields)
        return out

    def reload(self) -> None:
        keep = self.current_id()
        ws = self.workspace
        if ws is None or (self.spec.parent_key is not None and self.parent_id is None):
            self.model.set_rows([])
        else:
            # Imported here: Översikt's panel is built at start before SQLAlchemy (first_look).
            from utredning_app.services import entities

            self._lookups = {k: dict(v) for k, v in self.choices().items()}
            where = self._where()
            total = entities.count(ws.db, self.spec.table, where)
            order = self.spec.order_by
            self.model.set_source(
                total,
                lambda offset, limit: entities.rows(
                    ws.db, self.spec.table, where, order_by=order, offset=offset, limit=limit
                ),
            )
            if self.filter_edit.text():
                self.model.fetch_all()
        if not (keep and self.select(keep)) and self.model.rowCount() > 0:
            self.select_first()
        elif self.model.rowCount() == 0:
            self.current_changed.emit(None)
        self._fit_columns()
        self._update_count()
        self._update_actions()

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        """Rows read before the file is open (Översikt at start, ``services.overview
        .first_look``): shown, nothing editable until ``set_workspace`` reads them again."""
        self.model.set_rows(rows)
        self._fit_columns()
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("(%n st)", "", self.model.total) if self.model.total else ""
        )

    def _on_filter(self, text: str) -> None:
        if text:
            self.model.fetch_all()  # filter what is in the file, not only what was scrolled to
        self.proxy.setFilterFixedString(text)

    # selection ---------------------------------------------------------------
    def _selected_index(self) -> QModelIndex:
        """The selected row (column 0), or an invalid index: the one answer to "which row?"."""
        rows = self.view.selectionModel().selectedRows(0)
        return rows[0] if rows else QModelIndex()

    def current_id(self) -> str | None:
        value = self._selected_index().data(ROW_ROLE)
        return str(value) if value else None

    def current_row(self) -> dict[str, Any] | None:
        index = self._selected_index()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def select(self, row_id: str) -> bool:
        source_row = self.model.find(row_id)
        while source_row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            source_row = self.model.find(row_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def select_first(self) -> None:
        index = self.proxy.index(0, 0)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _fit_columns(self) -> None:
        if self._fitted or self.model.rowCount() == 0:
            return
        self._fitted = True
        header = self.view.horizontalHeader()
        # A number in the last column should sit next to the others, not at the far right.
        header.setStretchLastSection(not self.model.columns[-1].align_right)
        for column in range(self.model.columnCount() - 1):
            self.view.resizeColumnToContents(column)
            header.resizeSection(column, max(70, min(header.sectionSize(column) + 12, 320)))

    def _on_selection(self, *_args: object) -> None:
        self._update_actions()
        self.current_changed.emit(self.current_id())

    def _update_actions(self, *_args: object) -> None:
        can_add = self.workspace is not None and (
            self.spec.parent_key is None or self.parent_id is not None
        )
        has_row = self.workspace is not None and self._selected_index().isValid()
        self.add_action.setEnabled(can_add)
        self.edit_action.setEnabled(has_row)
        self.delete_action.setEnabled(has_row)

    # editing -----------------------------------------------------------------
    def row_label(self, values: dict[str, Any]) -> str:
        """How a row is named in dialog titles and the undo menu: its name field as shown in
        the table (a picked row's label, not its id), or the entity's singular."""
        key = self.spec.name_key
        column = next((c for c in self.model.columns if c.key == key), None)
        if column is not None:
            text = column.text(values)
        else:
            text = "" if values.get(key) is None else str(values[key])
        return text or tr_field(self.spec.singular)

    def _dialog(self, values: dict[str, Any], heading: str) -> EntityDialog:
        from utredning_app.services import entities

        ws = self.workspace
        assert ws is not None
        scale = ws.query(entities.file_scale)
        hidden = frozenset({self.spec.parent_key}) if self.spec.parent_key else frozenset()
        # Imported here: building the dialog's form is not needed for the first view.
        from utredning_app.gui.entity_dialog import EntityDialog

        dialog = EntityDialog(
            self.spec, values, self.choices(), scale, heading=heading, parent=self, hidden=hidden
        )
        row_id = values.get("id")
        dialog.checker = lambda merged: self._duplicates(dialog, merged, row_id)
        return dialog

    def _duplicates(
        self, dialog: EntityDialog, values: dict[str, Any], row_id: str | None
    ) -> list[FieldError]:
        """A value the file already has where only one is allowed, named at its field."""
        from utredning_app.services.duplicates import duplicate_keys

        assert self.workspace is not None
        if self.spec.parent_key:
            values = {**values, self.spec.parent_key: self.parent_id}
        errors = []
        for keys in duplicate_keys(self.workspace.db, self.spec.table, values, row_id):
            shown = [key for key in keys if key in dialog.editors]
            for key in shown[-1:]:  # the field the user chose, not the hidden parent
                label = tr_field(self.spec.field(key).label)
                errors.append(
                    FieldError(
                        key,
                        self.tr("%1 «%2» finns redan här. Välj ett annat värde.")
                        .replace("%1", label)
                        .replace("%2", dialog.editors[key].display_text()),
                    )
                )
        return errors

    def new_values(self) -> dict[str, Any]:
        """Defaults for a new row (subclasses and views may extend)."""
        values = dict(self.spec.defaults)
        if self.spec.parent_key:
            values[self.spec.parent_key] = self.parent_id
        choices: dict[str, list[tuple[str, str]]] | None = None  # read once, when needed
        for field in self.spec.fields:
            if field.kind == "enum" and field.enum is not None and field.key not in values:
                values[field.key] = None if field.nullable else next(iter(field.enum))
            if field.kind == "ref" and not field.nullable and field.key not in values:
                if choices is None:
                    choices = self.choices()
                first = choices.get(field.key) or []
                values[field.key] = first[0][0] if first else None
            if field.key == "number" and field.key not in values and self.workspace:
                values["number"] = self.model.total + 1
        return values

    def add(self) -> None:
        dialog = self.make_add_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_add(dialog)

    def make_add_dialog(self) -> EntityDialog | None:
        if not self.add_action.isEnabled() or self.workspace is None:
            return None
        singular = tr_field(self.spec.singular)
        return self._dialog(self.new_values(), self.tr("Ny: %1").replace("%1", singular))

    def apply_add(self, dialog: EntityDialog) -> str | None:
        """Create the row the (accepted) dialog describes; one undo step."""
        assert self.workspace is not None
        values, _ = dialog.collect()
        if self.spec.parent_key:
            values[self.spec.parent_key] = self.parent_id
        singular = tr_field(self.spec.singular)
        name = self.row_label(values)
        row_id = self.workspace.create(
            self.spec.table, values, self.tr("Skapa %1").replace("%1", f"{singular} «{name}»")
        )
        if row_id:
            self.select(row_id)
        return row_id

    def edit_current(self) -> None:
        dialog = self.make_edit_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_edit(dialog)

    def make_edit_dialog(self) -> EntityDialog | None:
        row = self.current_row()
        if row is None or self.workspace is None:
            return None
        name = self.row_label(row)
        dialog = self._dialog(row, self.tr("Redigera: %1").replace("%1", name))
        dialog.setProperty("row_id", row["id"])
        return dialog

    def apply_edit(self, dialog: EntityDialog) -> bool:
        """Write what the (accepted) dialog changed; one undo step (nothing if unchanged)."""
        assert self.workspace is not None
        row_id = str(dialog.property("row_id"))
        changes = dialog.changed_values()
        if not changes:
            return False
        singular = tr_field(self.spec.singular)
        name = self.row_label({self.spec.name_key: dialog.base_value(self.spec.name_key)})
        return self.workspace.update(
            self.spec.table,
            row_id,
            changes,
            self.tr("Ändra %1").replace("%1", f"{singular} «{name}»"),
            expected={key: dialog.base_value(key) for key in changes},
        )

    def delete_current(self, *, confirm: bool = True) -> None:
        row = self.current_row()
        if row is None or self.workspace is None:
            return
        singular = tr_field(self.spec.singular)
        name = self.row_label(row)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Ta bort"),
                self.tr("Ta bort %1? Det går att ångra med Ctrl+Z.").replace(
                    "%1", f"{singular.lower()} «{name}»"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.workspace.delete(
            self.spec.table, row["id"], self.tr("Ta bort %1").replace("%1", f"{singular} «{name}»")
        )
