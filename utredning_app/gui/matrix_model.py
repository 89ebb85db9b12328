"""The bedömningsmatris as a table model: options down, criteria across, scores editable in
place and coloured from red (low) through yellow to green (high) on the investigation's scale."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from utredning_app.domain.enums import CriterionKind
from utredning_app.domain.formatting import format_number, parse_number
from utredning_app.domain.validation import Scale, validate
from utredning_app.gui.enum_labels import enum_label
from utredning_app.gui.validation_text import translated_message
from utredning_app.services.assessments import Matrix

Index = QModelIndex | QPersistentModelIndex


def score_colour(score: float, lo: float, hi: float) -> QColor:
    """Soft red → amber → green, light enough for black text."""
    t = 0.5 if hi <= lo else max(0.0, min(1.0, (score - lo) / (hi - lo)))
    hue = 0 + 120 * t  # 0 = red, 60 = yellow, 120 = green
    return QColor.fromHsv(int(hue), 90, 245)


def score_text(score: float | None) -> str:
    if score is None:
        return ""
    return format_number(score, 0 if float(score).is_integer() else 1)


def _criterion_kind(text: str) -> str:
    """A criterion's detail is its kind's Swedish label (services.assessments): translate it."""
    try:
        return enum_label(CriterionKind.from_label(text))
    except ValueError:
        return text


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


class MatrixModel(QAbstractTableModel):
    score_entered = Signal(str, str, object)  # option id, criterion id, score or None
    refused = Signal(str)  # Swedish message

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix()

    def set_matrix(self, matrix: Matrix) -> None:
        """Show ``matrix``; when only scores changed, the cells are updated in place.

        A score typed into a cell is written while the view is still committing the cell's
        editor: a model reset there took the editor from the view, and Qt printed "commitData
        called with an editor that does not belong to this view" on every edit.
        """
        same_axes = (
            matrix.options == self.matrix.options
            and matrix.criteria == self.matrix.criteria
            and (matrix.score_min, matrix.score_max)
            == (self.matrix.score_min, self.matrix.score_max)
        )
        if not same_axes:
            self.beginResetModel()
            self.matrix = matrix
            self.endResetModel()
            return
        self.matrix = matrix
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.options)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.criteria)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        axis = (
            self.matrix.criteria
            if orientation == Qt.Orientation.Horizontal
            else self.matrix.options
        )
        if section >= len(axis):
            return None
        item = axis[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return _wrap(item.label, 16)
            text = f"{item.label}  {item.detail}" if item.detail != item.label else item.label
            return _wrap(text, 34)
        if role == Qt.ItemDataRole.ToolTipRole:
            if orientation == Qt.Orientation.Horizontal:
                return _criterion_kind(item.detail)
            return item.detail
        return None

    def _keys(self, index: Index) -> tuple[str, str]:
        return (
            self.matrix.options[index.row()].id,
            self.matrix.criteria[index.column()].id,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.matrix.cells.get(self._keys(index))
        score = cell.score if cell else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return score_text(score)
        if role == Qt.ItemDataRole.BackgroundRole and score is not None:
            return score_colour(score, self.matrix.score_min, self.matrix.score_max)
        if role == Qt.ItemDataRole.ForegroundRole and score is not None:
            return QColor("#1d1d1d")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and cell and cell.rationale_md:
            return cell.rationale_md[:400]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            option = self.matrix.options[index.row()].label
            criterion = self.matrix.criteria[index.column()].label
            return f"{option}, {criterion}: {score_text(score) or '–'}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value or "").strip()
        score: float | None
        if not text:
            score = None
        else:
            try:
                score = parse_number(text)
            except ValueError:
                self.refused.emit(
                    self.tr("«%1» är ingen poäng: skriv ett tal, t.ex. 3.").replace("%1", text)
                )
                return False
        scale = Scale(self.matrix.score_min, self.matrix.score_max)
        errors = validate("assessment", {"score": score}, scale)
        if errors:
            self.refused.emit(translated_message(errors[0].message))
            return False
        option_id, criterion_id = self._keys(index)
        if score == self.matrix.score(option_id, criterion_id):
            return False
        self.score_entered.emit(option_id, criterion_id, score)
        return True
