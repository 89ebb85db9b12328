"""Full-text search across the answers, hits in context, filters by type and stance."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.enums import ConsulteeType, StanceKind
from utredning_app.errors import UserError
from utredning_app.gui.enum_labels import enum_label
from utredning_app.services.search import SearchHit, search

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import Database


class SearchWidget(QWidget):
    changed = Signal(object)
    open_response = Signal(str)  # response id: the view switches to reading/coding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.hits: list[SearchHit] = []
        self.query = QLineEdit()
        self.query.setObjectName("remissSearchQuery")
        self.query.setPlaceholderText(self.tr("Sök i remissvaren, t.ex. styrning omvårdnad"))
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("Sök"))
        # PostgreSQL's Swedish stems (a server only): "sjukhusen" also finds "sjukhuset".
        self.inflections = QCheckBox(self.tr("Även &böjningsformer"))
        self.inflections.setToolTip(
            self.tr(
                "Söker på ordens stammar (PostgreSQL:s svenska textsökning), så att t.ex. "
                "sjukhusen också hittar sjukhuset. Finns för utredningar på en server."
            )
        )
        self.inflections.setVisible(False)
        self.inflections.toggled.connect(lambda _c: self.run_search())
        self.type_boxes: dict[ConsulteeType, QCheckBox] = {}
        self.stance_boxes: dict[StanceKind, QCheckBox] = {}
        types = QGroupBox(self.tr("Typ av remissinstans"))
        type_grid = QGridLayout(types)
        for i, kind in enumerate(ConsulteeType):
            box = QCheckBox(enum_label(kind))
            self.type_boxes[kind] = box
            type_grid.addWidget(box, i // 3, i % 3)
            box.toggled.connect(lambda _c: self.run_search())
        stances = QGroupBox(self.tr("Ställningstagande i svaret"))
        stance_grid = QGridLayout(stances)
        for i, st in enumerate(StanceKind):
            box = QCheckBox(enum_label(st))
            self.stance_boxes[st] = box
            stance_grid.addWidget(box, i // 3, i % 3)
            box.toggled.connect(lambda _c: self.run_search())
        self.count = QLabel()
        self.count.setObjectName("remissSearchCount")
        self.results = QTextBrowser()
        self.results.setObjectName("remissSearchResults")
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._anchor)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.inflections)
        row.addWidget(self.search_button)
        filters = QHBoxLayout()
        filters.addWidget(types)
        filters.addWidget(stances)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self.query.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)

    @property
    def db(self) -> Database | None:
        """The open file, handed to the services (None: no file)."""
        return None if self.workspace is None else self.workspace.db

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        on_server = workspace is not None and workspace.db.file_path is None
        self.inflections.setVisible(on_server)
        if not on_server:
            self.inflections.setChecked(False)
        self.hits = []
        self.results.clear()
        self.count.clear()

    def reload(self) -> None:
        if self.query.text().strip():
            self.run_search()

    def run_search(self) -> None:
        text = self.query.text().strip()
        if self.db is None or not text:
            return
        db = self.db
        types = [k for k, box in self.type_boxes.items() if box.isChecked()]
        stances = [k for k, box in self.stance_boxes.items() if box.isChecked()]
        try:
            hits = search(
                db, text, types=types, stances=stances, inflections=self.inflections.isChecked()
            )
        except UserError as exc:
            # Said here, under the search field, and the old hits go: a modal box left the
            # previous results standing as if they answered the new question.
            self.hits = []
            self.results.clear()
            self.count.setObjectName("fieldError")
            self._restyle(self.count)
            self.count.setText(exc.message)
            return
        self.hits = hits
        self.count.setObjectName("remissSearchCount")
        self._restyle(self.count)
        self.count.setText(self.tr("%n svar matchar.", "", len(hits)))
        self.results.setHtml(render_hits(hits))

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "svar":
            self.open_response.emit(url.path())


def render_hits(hits: list[SearchHit]) -> str:
    parts: list[str] = []
    for hit in hits:
        received = f", inkom {html.escape(hit.received)}" if hit.received else ""
        kind = html.escape(enum_label(hit.consultee_type))
        parts.append(
            f'<p><a href="svar:{hit.response_id}"><b>{html.escape(hit.consultee)}</b></a> '
            f"<span style='color:#555'>({kind}{received})</span>"
            "</p><ul>"
        )
        for p in hit.passages:
            parts.append(
                f"<li>{html.escape(p.before)}"
                f"<span style='background:#fff2a8'><b>{html.escape(p.hit)}</b></span>"
                f"{html.escape(p.after)}</li>"
            )
        parts.append("</ul>")
    return "".join(parts)
