"""Utredningens kommentar, written next to the coding: one text per proposal and remiss round.

The coding view shows it for the proposal selected in "Ställningstaganden per förslag"; *Spara
kommentar* stores it (one transaction, ``services/remiss_comments.py``) as one undo step of the
workspace (``services/edits.set_remiss_comment``: undo writes the previous text back). It is
printed in the remissammanställning after the stances and the central points, and in the
slutrapport's "Hur synpunkterna har beaktats".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from utredning_app.errors import UserError

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import Database


class RemissCommentEditor(QWidget):
    changed = Signal(object)  # frozenset of table names written
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.workspace: Workspace | None = None  # set by the coding widget: saving is undoable
        self.round_id: str | None = None
        self.proposal_id: str | None = None
        self.title = QLabel(self.tr("Utredningens kommentar"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("remissComment")
        self.text.setPlaceholderText(
            self.tr("Utredningens kommentar till synpunkterna på förslaget …")
        )
        self.text.setMaximumHeight(110)
        self.save = QPushButton(self.tr("Spara kommentar"))
        self.save.setObjectName("saveRemissComment")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.save)
        self.save.clicked.connect(self.store)
        self.show_for(None, None, None, "")

    def show_for(
        self, db: Database | None, round_id: str | None, proposal_id: str | None, label: str
    ) -> None:
        """Show the comment of ``proposal_id`` in ``round_id`` (nothing selected: disabled)."""
        from utredning_app.services.remiss_comments import remiss_comment

        self.db, self.round_id, self.proposal_id = db, round_id, proposal_id
        ready = db is not None and round_id is not None and proposal_id is not None
        self.text.setEnabled(ready)
        self.save.setEnabled(ready)
        if not ready or db is None or round_id is None or proposal_id is None:
            self.title.setText(self.tr("Utredningens kommentar (välj ett förslag)"))
            self.text.setPlainText("")
            return
        self.title.setText(self.tr("Utredningens kommentar till %1").replace("%1", label))
        self.text.setPlainText(remiss_comment(db, round_id, proposal_id))

    def store(self) -> None:
        from utredning_app.services.edits import set_remiss_comment

        if self.db is None or self.round_id is None or self.proposal_id is None:
            return
        db, round_id, proposal_id = self.db, self.round_id, self.proposal_id
        text = self.text.toPlainText()
        try:
            change = set_remiss_comment(db, round_id, proposal_id, text)
        except UserError as exc:
            self.failed.emit(str(exc))
            return
        if self.workspace is not None:
            # One undo step (Ctrl+Z writes the previous text back and the coding view
            # shows it); the workspace tells the other views.
            self.workspace.record(change, self, self.tr("Utredningens kommentar"))
        self.changed.emit(frozenset({"remiss_comment"}))
