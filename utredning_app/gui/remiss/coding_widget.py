"""Reading and coding an answer: the text beside the proposals.

Select a passage and press "Citera markeringen" to keep it as a quote (with its place in the
text, linked to the proposal selected on the right); mark a quote as key; set the stance and
comment per proposal; write a short summary. Each action is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.enums import ResponseStatus, StanceKind
from utredning_app.domain.stance_rules import Suggestion
from utredning_app.gui.enum_labels import enum_label
from utredning_app.gui.remiss.comment_editor import RemissCommentEditor
from utredning_app.gui.remiss.common import fill_rounds, run_action
from utredning_app.gui.remiss.suggestion_panel import SuggestionPanel
from utredning_app.gui.settings import remember_splitter
from utredning_app.services import coding

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import Database


QUOTE_COLOUR = QColor("#fff2a8")
KEY_COLOUR = QColor("#ffc970")


def utf16_to_index(text: str, position: int) -> int:
    """Python index of a Qt (UTF-16) text position."""
    if text.isascii() or all(ord(ch) < 0x10000 for ch in text):
        return position
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) >= 0x10000 else 1
    return len(text)


def index_to_utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) >= 0x10000)


class CodingWidget(QWidget):
    changed = Signal(object)  # frozenset of table names written

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The open file (set by the Remissvar view): the services get its database, and
        # coding actions become undo steps through it like every other edit.
        self.workspace: Workspace | None = None
        self.detail: coding.ResponseDetail | None = None
        self._loading = False
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("codingRound")
        self.responses = QListWidget()
        self.responses.setObjectName("codingResponses")
        self.text = QPlainTextEdit()
        self.text.setObjectName("codingText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.proposals = QTableWidget(0, 4)
        self.proposals.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.proposals.setObjectName("codingProposals")
        self.proposals.setHorizontalHeaderLabels(
            [self.tr("Nr"), self.tr("Förslag"), self.tr("Ställningstagande"), self.tr("Kommentar")]
        )
        self.proposals.verticalHeader().setVisible(False)
        self.proposals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.proposals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.proposals.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.proposals.setWordWrap(True)
        self.quotes = QListWidget()
        self.quotes.setObjectName("codingQuotes")
        self.quotes.setMaximumHeight(72)
        self.quotes.setWordWrap(True)
        self.quote_button = QPushButton(self.tr("Citera markeringen"))
        self.key_button = QPushButton(self.tr("Nyckelcitat på/av"))
        self.remove_button = QPushButton(self.tr("Ta bort citat"))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("codingSummary")
        self.summary.setPlaceholderText(self.tr("Kort sammanfattning av svaret …"))
        self.save_summary = QPushButton(self.tr("Spara sammanfattning"))
        self.status = QComboBox()
        self.status.setObjectName("codingStatus")
        for status in ResponseStatus:
            self.status.addItem(enum_label(status), status)
        self.heading = QLabel()
        self.heading.setObjectName("codingHeading")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Remissomgång:")))
        top.addWidget(self.round_combo, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Remissvar")))
        left_layout.addWidget(self.responses)
        reading = QWidget()
        mid_layout = QVBoxLayout(reading)
        mid_layout.setContentsMargins(0, 0, 0, 0)
        mid_layout.addWidget(self.heading)
        mid_layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        for button in (self.quote_button, self.key_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        mid_layout.addLayout(buttons)
        mid_layout.addWidget(self.quotes)
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        status_row = QHBoxLayout()
        status_row.addWidget(QLabel(self.tr("Status:")))
        status_row.addWidget(self.status, 1)
        notes_layout.addLayout(status_row)
        notes_layout.addWidget(QLabel(self.tr("Sammanfattning")))
        notes_layout.addWidget(self.summary, 1)
        notes_layout.addWidget(self.save_summary)
        # Utredningens kommentar to the selected proposal (per round, not per answer).
        self.comment_editor = RemissCommentEditor()
        notes_layout.addWidget(self.comment_editor)
        stances = QWidget()
        stances_layout = QVBoxLayout(stances)
        stances_layout.setContentsMargins(0, 0, 0, 0)
        stances_layout.addWidget(QLabel(self.tr("Ställningstaganden per förslag")))
        stances_layout.addWidget(self.proposals, 1)
        self.suggestion_panel = SuggestionPanel()
        self.suggestion_panel.stack = self._undo_stack
        stances_layout.addWidget(self.suggestion_panel)
        # The text and the stances one above the other, so both get the width (on a laptop
        # the three columns side by side cut the answer, the proposals and the comments).
        # Every splitter can be dragged and remembers where it was left.
        self.reading_split = QSplitter(Qt.Orientation.Horizontal)
        self.reading_split.setObjectName("codingReadingSplit")
        self.reading_split.addWidget(reading)
        self.reading_split.addWidget(notes)
        self.reading_split.setStretchFactor(0, 3)
        self.reading_split.setStretchFactor(1, 1)
        self.work_split = QSplitter(Qt.Orientation.Vertical)
        self.work_split.setObjectName("codingWorkSplit")
        self.work_split.addWidget(self.reading_split)
        self.work_split.addWidget(stances)
        self.work_split.setStretchFactor(0, 3)
        self.work_split.setStretchFactor(1, 2)
        self.outer_split = QSplitter(Qt.Orientation.Horizontal)
        self.outer_split.setObjectName("codingOuterSplit")
        self.outer_split.addWidget(left)
        self.outer_split.addWidget(self.work_split)
        self.outer_split.setStretchFactor(0, 0)
        self.outer_split.setStretchFactor(1, 1)
        self.outer_split.setSizes([200, 900])
        self.reading_split.setSizes([620, 280])
        self.work_split.setSizes([360, 200])
        for splitter in (self.outer_split, self.reading_split, self.work_split):
            splitter.setChildrenCollapsible(False)
            remember_splitter(splitter, f"remiss/{splitter.objectName()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.outer_split, 1)

        self.round_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.responses.currentItemChanged.connect(lambda *_a: self._show_current())
        self.quote_button.clicked.connect(self.quote_selection)
        self.key_button.clicked.connect(self.toggle_key)
        self.remove_button.clicked.connect(self.remove_quote)
        self.save_summary.clicked.connect(self.store_summary)
        self.status.currentIndexChanged.connect(lambda _i: self._store_status())
        self.quotes.itemDoubleClicked.connect(self._select_quote_in_text)
        self.proposals.itemChanged.connect(self._comment_edited)
        self.proposals.currentCellChanged.connect(lambda *_a: self._show_remiss_comment())
        self.comment_editor.changed.connect(self.changed.emit)
        self.suggestion_panel.suggest_button.clicked.connect(self.suggest)
        self.suggestion_panel.show_evidence.connect(self._show_evidence)
        self.suggestion_panel.accepted.connect(self._take_suggestion)
        self._update_buttons()

    # ---------------------------------------------------------------- loading

    @property
    def db(self) -> Database | None:
        """The open file, handed to the services (None: no file)."""
        return None if self.workspace is None else self.workspace.db

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.comment_editor.workspace = workspace
        fill_rounds(self.round_combo, workspace)
        self.reload()

    def reload(self) -> None:
        current = self.current_response_id()
        self.responses.blockSignals(True)
        self.responses.clear()
        if self.db is not None and self.round_combo.currentData() is not None:
            rows = coding.responses_in_round(self.db, self.round_combo.currentData())
            for row in rows:
                late = self.tr(" · inkom sent") if row.late else ""
                item = QListWidgetItem(f"{row.consultee}\n{enum_label(row.status)}{late}")
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(f"{row.consultee}\n{row.file_name}".strip())
                self.responses.addItem(item)
                if row.id == current:
                    self.responses.setCurrentItem(item)
        self.responses.blockSignals(False)
        if self.responses.currentItem() is None and self.responses.count():
            self.responses.setCurrentRow(0)
        else:
            self._show_current()

    def current_response_id(self) -> str | None:
        item = self.responses.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_response(self, response_id: str) -> None:
        for row in range(self.responses.count()):
            item = self.responses.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == response_id:
                self.responses.setCurrentItem(item)
                return

    def _show_current(self) -> None:
        rid = self.current_response_id()
        self._loading = True
        try:
            if self.db is None or rid is None:
                self.detail = None
                self.text.setPlainText("")
                self.heading.setText(self.tr("Inget remissvar valt."))
                self.proposals.setRowCount(0)
                self.quotes.clear()
                self.summary.setPlainText("")
                return
            detail = coding.response_detail(self.db, rid)
            keep_scroll = self.detail is not None and self.detail.id == detail.id
            if not keep_scroll:
                self.suggestion_panel.clear()  # suggestions belong to one answer
            scroll = self.text.verticalScrollBar().value()
            self.detail = detail
            heading = detail.consultee
            if detail.ocr_pages:
                heading += " – " + self.tr(
                    "OCR-tolkad text (sidorna %1): kontrollera mot originalet"
                ).replace("%1", detail.ocr_pages)
            self.heading.setText(heading)
            if self.text.toPlainText() != detail.text:
                self.text.setPlainText(detail.text)
            if keep_scroll:
                self.text.verticalScrollBar().setValue(scroll)
            self._fill_proposals(detail)
            self._fill_quotes(detail)
            if self.summary.toPlainText() != detail.summary:
                self.summary.setPlainText(detail.summary)
            self.status.setCurrentIndex(self.status.findData(detail.status))
        finally:
            self._loading = False
            self._update_buttons()
            self._show_remiss_comment()

    def _show_remiss_comment(self) -> None:
        row = self.proposals.currentRow()
        number = self.proposals.item(row, 0) if row >= 0 else None
        title = self.proposals.item(row, 1) if row >= 0 else None
        pid = None if number is None else str(number.data(Qt.ItemDataRole.UserRole))
        label = "" if number is None else f"förslag {number.text()}"
        if title is not None:
            label += f" ({title.text()})"
        self.comment_editor.show_for(self.db, self.round_combo.currentData(), pid, label)

    def _fill_proposals(self, detail: coding.ResponseDetail) -> None:
        selected = self.proposals.currentRow()
        self.proposals.blockSignals(True)
        self.proposals.setRowCount(len(detail.proposals))
        for row, (pid, number, title) in enumerate(detail.proposals):
            number_item = QTableWidgetItem(str(number))
            number_item.setData(Qt.ItemDataRole.UserRole, pid)
            number_item.setFlags(number_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            title_item = QTableWidgetItem(title)
            title_item.setFlags(title_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            title_item.setToolTip(title)
            self.proposals.setItem(row, 0, number_item)
            self.proposals.setItem(row, 1, title_item)
            stance, comment = detail.stances.get(pid, (None, ""))
            old = self.proposals.cellWidget(row, 2)
            if old is not None:  # replaced widgets are deleted later; hide them now
                old.hide()
            combo = QComboBox()
            combo.addItem(self.tr("(ej angivet)"), None)
            for kind in StanceKind:
                combo.addItem(enum_label(kind), kind)
            combo.setCurrentIndex(combo.findData(stance) if stance else 0)
            combo.currentIndexChanged.connect(
                lambda _i, p=pid, c=combo: self._stance_chosen(p, c.currentData())
            )
            self.proposals.setCellWidget(row, 2, combo)
            self.proposals.setItem(row, 3, QTableWidgetItem(comment))
        self.proposals.blockSignals(False)
        self.proposals.resizeRowsToContents()
        if 0 <= selected < len(detail.proposals):
            self.proposals.selectRow(selected)

    def _fill_quotes(self, detail: coding.ResponseDetail) -> None:
        numbers = {pid: number for pid, number, _t in detail.proposals}
        current = self.quotes.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.quotes.clear()
        selections: list[QTextEdit.ExtraSelection] = []
        for quote in detail.quotes:
            star = "★ " if quote.is_key else ""
            where = (
                self.tr("[förslag %1] ").replace("%1", str(numbers[quote.proposal_id]))
                if quote.proposal_id in numbers
                else ""
            )
            short = quote.text if len(quote.text) < 160 else quote.text[:157] + "…"
            item = QListWidgetItem(f"{star}{where}«{short}»")
            item.setData(Qt.ItemDataRole.UserRole, quote.id)
            self.quotes.addItem(item)
            if quote.id == current_id:
                self.quotes.setCurrentItem(item)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(index_to_utf16(detail.text, quote.start))
            cursor.setPosition(
                index_to_utf16(detail.text, quote.end), QTextCursor.MoveMode.KeepAnchor
            )
            fmt = QTextCharFormat()
            fmt.setBackground(KEY_COLOUR if quote.is_key else QUOTE_COLOUR)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text.setExtraSelections(selections)

    # ---------------------------------------------------------------- actions
    def _undo_stack(self) -> QUndoStack | None:
        return None if self.workspace is None else self.workspace.undo_stack

    def _coded(self, label: str, action: Callable[[], Any]) -> Any:
        """Run a coding action as one undo step of the workspace (snapshots of the answer's
        coding before and after, services/edits.coding_action; undo and redo restore them,
        each in a transaction, and every view reloads)."""
        if self.db is None or self.detail is None or self.workspace is None:
            return run_action(self, action)
        from utredning_app.services.edits import coding_action

        db, rid = self.db, self.detail.id
        change = run_action(self, lambda: coding_action(db, rid, action))
        if change is None:
            return None
        # This widget shows its change itself (``_done``); the workspace tells the others,
        # with one ``changed`` (the workbench reloads its other tabs from it).
        self.workspace.record(change, self, label)
        return change.value

    def _done(self, *_tables: str) -> None:
        self._show_current()

    def _stance_chosen(self, proposal_id: str, stance: StanceKind | None) -> None:
        if self._loading or self.db is None or self.detail is None:
            return
        db, rid = self.db, self.detail.id
        self._coded(
            self.tr("Ställningstagande"), lambda: coding.set_stance(db, rid, proposal_id, stance)
        )
        # Do not rebuild the table here: the combo box that emitted this signal lives in it.
        self.detail = coding.response_detail(db, rid)

    def _comment_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 3 or self.db is None or self.detail is None:
            return
        number_item = self.proposals.item(item.row(), 0)
        if number_item is None:
            return
        pid = number_item.data(Qt.ItemDataRole.UserRole)
        combo = self.proposals.cellWidget(item.row(), 2)
        stance = combo.currentData() if isinstance(combo, QComboBox) else None
        if stance is None:  # a comment without a stance: "with remarks" until changed
            stance = StanceKind.TILLSTYRKER_MED_SYNPUNKTER
            if isinstance(combo, QComboBox):
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(stance))
                combo.blockSignals(False)
        db, rid, text = self.db, self.detail.id, item.text()
        self._coded(self.tr("Kommentar"), lambda: coding.set_stance(db, rid, pid, stance, text))
        self.detail = coding.response_detail(db, rid)

    # ---------------------------------------------------------------- suggestions
    def suggest(self) -> None:
        """Suggest stances from the text (rules, offline); nothing is coded."""
        from utredning_app.services.stance_suggest import suggest_for_response

        if self.detail is None:
            return
        found = suggest_for_response(self.detail.text, self.detail.proposals)
        self.suggestion_panel.set_suggestions(found)
        if not any(s.stance for s in found):
            self.heading.setText(
                self.detail.consultee
                + " – "
                + self.tr("inga ställningstaganden kändes igen i texten")
            )

    def _show_evidence(self, suggestion: Suggestion) -> None:
        if self.detail is None or suggestion.start is None or suggestion.end is None:
            return
        text = self.detail.text
        cursor = self.text.textCursor()
        cursor.setPosition(index_to_utf16(text, suggestion.start))
        cursor.setPosition(index_to_utf16(text, suggestion.end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def _take_suggestion(self, suggestion: Suggestion, stance: StanceKind) -> None:
        from utredning_app.services.stance_suggest import accept_suggestion

        if self.db is None or self.detail is None:
            return
        db, rid = self.db, self.detail.id
        stack = self._undo_stack()
        if stack is not None:
            stack.beginMacro(self.tr("Ta emot förslag"))
        try:
            self._coded(
                self.tr("Ställningstagande"),
                lambda: accept_suggestion(
                    db, rid, suggestion.proposal_id, stance, suggestion.start, suggestion.end
                ),
            )
            self.suggestion_panel.taken(suggestion)
        finally:
            if stack is not None:
                stack.endMacro()
        self._done("stance", "quote", "response")

    def selected_proposal_id(self) -> str | None:
        item = self.proposals.item(self.proposals.currentRow(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def quote_selection(self) -> None:
        if self.db is None or self.detail is None:
            return
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            run_action(self, _raise_no_selection)
            return
        text = self.detail.text
        start = utf16_to_index(text, cursor.selectionStart())
        end = utf16_to_index(text, cursor.selectionEnd())
        db, rid, pid = self.db, self.detail.id, self.selected_proposal_id()
        if self._coded(
            self.tr("Citat"), lambda: coding.add_quote(db, rid, start, end, proposal_id=pid)
        ):
            self._done("quote", "response")

    def _current_quote_id(self) -> str | None:
        item = self.quotes.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def toggle_key(self) -> None:
        qid = self._current_quote_id()
        if self.db is None or self.detail is None or qid is None:
            return
        quote = next(q for q in self.detail.quotes if q.id == qid)
        db = self.db
        self._coded(
            self.tr("Centralt citat"), lambda: coding.set_quote_key(db, qid, not quote.is_key)
        )
        self._done("quote")

    def remove_quote(self) -> None:
        qid = self._current_quote_id()
        if self.db is None or self.detail is None or qid is None:
            return
        db = self.db
        self._coded(self.tr("Ta bort citat"), lambda: coding.remove_quote(db, qid))
        self._done("quote")

    def store_summary(self) -> None:
        if self.db is None or self.detail is None:
            return
        db, rid, text = self.db, self.detail.id, self.summary.toPlainText()
        self._coded(self.tr("Sammanfattning"), lambda: coding.set_summary(db, rid, text))
        self._done("response")

    def _store_status(self) -> None:
        if self._loading or self.db is None or self.detail is None:
            return
        db, rid, status = self.db, self.detail.id, self.status.currentData()
        self._coded(self.tr("Status"), lambda: coding.set_status(db, rid, status))
        self.reload()

    def _select_quote_in_text(self, item: QListWidgetItem) -> None:
        if self.detail is None:
            return
        qid = item.data(Qt.ItemDataRole.UserRole)
        quote = next((q for q in self.detail.quotes if q.id == qid), None)
        if quote is None:
            return
        cursor = self.text.textCursor()
        cursor.setPosition(index_to_utf16(self.detail.text, quote.start))
        cursor.setPosition(
            index_to_utf16(self.detail.text, quote.end), QTextCursor.MoveMode.KeepAnchor
        )
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def _update_buttons(self) -> None:
        has = self.detail is not None
        for widget in (
            self.quote_button,
            self.key_button,
            self.remove_button,
            self.save_summary,
            self.status,
            self.summary,
        ):
            widget.setEnabled(has)


def _raise_no_selection() -> None:
    from utredning_app.errors import ValidationError

    raise ValidationError("Markera ett stycke i svarets text först.")
