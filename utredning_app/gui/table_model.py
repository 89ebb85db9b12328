"""Table models over rows loaded by the services, a page at a time.

``RowTableModel`` knows the row count but loads rows lazily through ``canFetchMore`` /
``fetchMore`` (pages of ``PAGE_SIZE``), so a view of 10,000 rows shows at once and loads
more only as the user scrolls. ``SwedishSortProxy`` sorts with Swedish collation
(QCollator sv_SE: å, ä, ö after z) and numbers numerically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from utredning_app.domain.enums import LabelledEnum, StanceKind
from utredning_app.domain.formatting import format_number
from utredning_app.gui.enum_labels import enum_label

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

# Soft backgrounds for ställningstaganden: support green, objection red, neutral grey.
STANCE_COLOURS = {
    StanceKind.TILLSTYRKER: "#d7f0d2",
    StanceKind.TILLSTYRKER_MED_SYNPUNKTER: "#eef5cf",
    StanceKind.AVSTYRKER: "#f7d4d4",
    StanceKind.INGEN_ERINRAN: "#e8eaed",
    StanceKind.AVSTAR: "#e8eaed",
}
Row = dict[str, Any]


class Column:
    """One column: a header and how to turn a row into text (and a sort value)."""

    def __init__(
        self,
        key: str,
        header: str,
        text: Callable[[Row], str] | None = None,
        *,
        align_right: bool = False,
        check: bool = False,
    ) -> None:
        self.key = key
        self.header = header
        self._text = text
        self.align_right = align_right
        self.check = check

    def value(self, row: Row) -> Any:
        return row.get(self.key)

    def text(self, row: Row) -> str:
        if self._text is not None:
            return self._text(row)
        return display_text(row.get(self.key))


def display_text(value: Any, decimals: int = 1) -> str:
    if value is None:
        return ""
    if isinstance(value, LabelledEnum):
        return enum_label(value)
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float):
        return format_number(value, decimals)
    if isinstance(value, int):
        return format_number(value, 0)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= 120 else first[:119] + "…"


class RowTableModel(QAbstractTableModel):
    """Rows from ``fetch(offset, limit)``; ``total()`` says how many there are in all."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Row] = []
        self._total = 0
        self._fetch: Callable[[int, int], list[Row]] = lambda _o, _l: []

    # loading -----------------------------------------------------------------
    def set_source(self, total: int, fetch: Callable[[int, int], list[Row]]) -> None:
        self.beginResetModel()
        self._fetch = fetch
        self._total = total
        self._rows = fetch(0, min(PAGE_SIZE, total)) if total else []
        self.endResetModel()

    def set_rows(self, rows: list[Row]) -> None:
        self.set_source(len(rows), lambda o, n: rows[o : o + n])

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        more = self._fetch(start, min(PAGE_SIZE, self._total - start))
        if not more:
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    @property
    def total(self) -> int:
        return self._total

    # access ------------------------------------------------------------------
    def row(self, index: int) -> Row:
        return self._rows[index]

    def find(self, row_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.get("id") == row_id:
                return i
        return -1

    # Qt model API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if column.check else column.text(row)
        if role == Qt.ItemDataRole.CheckStateRole and column.check:
            return Qt.CheckState.Checked if row.get(column.key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            value = row.get(column.key)
            if isinstance(value, StanceKind):
                return QColor(STANCE_COLOURS[value])
            return None
        if role == Qt.ItemDataRole.DecorationRole and column.key == "colour":
            value = row.get("colour")
            return (
                QColor(value) if isinstance(value, str) and QColor.isValidColorName(value) else None
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            value = row.get(column.key)
            return value if isinstance(value, str) and len(value) > 60 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            value = column.value(row)
            # Text as shown (an enum by its label in the chosen language): a column sorts
            # alphabetically by what the user reads.
            return value if isinstance(value, int | float) else column.text(row)
        if role == ROW_ROLE:
            return row.get("id")
        return None


class SwedishSortProxy(QSortFilterProxyModel):
    """Sort text with Swedish collation and numbers as numbers; filter on every column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._collator = QCollator(QLocale("sv_SE"))
        self._collator.setNumericMode(True)
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if isinstance(a, int | float) and isinstance(b, int | float):
            return a < b
        if a is None or isinstance(a, int | float):
            return b is not None and not isinstance(b, int | float)
        if b is None or isinstance(b, int | float):
            return False
        return self._collator.compare(str(a), str(b)) < 0
