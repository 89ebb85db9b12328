"""Suggested ställningstaganden for the answer being read: one row per proposal with a
suggestion, the evidence sentence highlighted in the text. «Ta emot» codes it (with the stance
shown in the row, which the analyst may change first), «Avvisa» drops it; both can be undone.
Nothing is coded until a person takes a suggestion."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.enums import StanceKind
from utredning_app.domain.stance_rules import Suggestion
from utredning_app.gui.enum_labels import enum_label

COL_NR, COL_STANCE, COL_SENTENCE, COL_ACTIONS = range(4)


class SuggestionPanel(QWidget):
    accepted = Signal(object, object)  # Suggestion, the stance taken
    show_evidence = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The window's undo stack, as the coding view has it (None: not undoable).
        self.stack: Callable[[], QUndoStack | None] = lambda: None
        self.suggestions: list[Suggestion] = []
        self.suggest_button = QPushButton(self.tr("Föreslå ställningstaganden ur texten"))
        self.suggest_button.setObjectName("suggestStances")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("suggestionTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nr"), self.tr("Förslag ur texten"), self.tr("Belägg"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STANCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SENTENCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ACTIONS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(170)
        self.table.cellClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.suggest_button)
        layout.addWidget(self.table)

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.suggestions = [s for s in suggestions if s.stance is not None]
        self._fill()

    def clear(self) -> None:
        self.set_suggestions([])

    def _fill(self) -> None:
        self.table.setRowCount(len(self.suggestions))
        for row, s in enumerate(self.suggestions):
            self.table.setItem(row, COL_NR, QTableWidgetItem(str(s.number)))
            combo = QComboBox()
            combo.setObjectName(f"suggestionStance{s.number}")
            for kind in StanceKind:
                combo.addItem(enum_label(kind), kind)
            combo.setCurrentIndex(combo.findData(s.stance))
            self.table.setCellWidget(row, COL_STANCE, combo)
            sentence = QTableWidgetItem(" ".join(s.sentence.split()))
            sentence.setToolTip(s.sentence)
            self.table.setItem(row, COL_SENTENCE, sentence)
            buttons = QWidget()
            box = QHBoxLayout(buttons)
            box.setContentsMargins(0, 0, 0, 0)
            take = QPushButton(self.tr("Ta emot"))
            take.setObjectName(f"acceptSuggestion{s.number}")
            drop = QPushButton(self.tr("Avvisa"))
            drop.setObjectName(f"rejectSuggestion{s.number}")
            take.clicked.connect(
                lambda _c=False, x=s, c=combo: self._take(x, StanceKind(c.currentData()))
            )
            drop.clicked.connect(lambda _c=False, x=s: self.reject(x))
            box.addWidget(take)
            box.addWidget(drop)
            self.table.setCellWidget(row, COL_ACTIONS, buttons)
        self.table.resizeRowsToContents()

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.suggestions):
            self.show_evidence.emit(self.suggestions[row])

    def _take(self, suggestion: Suggestion, stance: StanceKind) -> None:
        self.accepted.emit(suggestion, stance)  # the coding view codes it (undoable there)

    def taken(self, suggestion: Suggestion) -> None:
        """After the coding view coded it: the row goes (and comes back on undo)."""
        stack = self.stack()
        if stack is None:
            self._remove(suggestion)
        else:
            stack.push(_Drop(self, suggestion, self.tr("Ta emot förslag")))

    def reject(self, suggestion: Suggestion) -> None:
        stack = self.stack()
        if stack is None:
            self._remove(suggestion)
        else:
            stack.push(_Drop(self, suggestion, self.tr("Avvisa förslag")))

    def _remove(self, suggestion: Suggestion) -> None:
        self.suggestions = [s for s in self.suggestions if s != suggestion]
        self._fill()

    def _restore(self, suggestion: Suggestion) -> None:
        if suggestion not in self.suggestions:
            self.suggestions = sorted([*self.suggestions, suggestion], key=lambda s: s.number)
            self._fill()


class _Drop(QUndoCommand):
    """A suggestion leaves the list (taken or rejected); undo brings it back."""

    def __init__(self, panel: SuggestionPanel, suggestion: Suggestion, label: str) -> None:
        super().__init__(label)
        self.panel, self.suggestion = panel, suggestion

    def redo(self) -> None:
        self.panel._remove(self.suggestion)

    def undo(self) -> None:
        self.panel._restore(self.suggestion)
