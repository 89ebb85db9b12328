"""Remiss: omgångar → instanser → svar → ställningstaganden, as a chain of panels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Remiss"),
            QCoreApplication.translate(
                "Vyer",
                "Välj en remissomgång för att se dess remissinstanser, en instans för att se "
                "dess svar och ett svar för att se ställningstagandena per förslag.",
            ),
        )
        self.rounds = EntityPanel(
            specs.CONSULTATION_ROUND,
            QCoreApplication.translate("Fält", "Remissomgångar"),
            compact=True,
        )
        self.consultees = EntityPanel(
            specs.CONSULTEE, QCoreApplication.translate("Fält", "Remissinstanser"), compact=True
        )
        self.responses = EntityPanel(
            specs.RESPONSE, QCoreApplication.translate("Fält", "Remissvar"), compact=True
        )
        self.stances = EntityPanel(
            specs.STANCE, QCoreApplication.translate("Fält", "Ställningstaganden"), compact=True
        )
        self.round_proposals = EntityPanel(
            specs.ROUND_PROPOSAL,
            QCoreApplication.translate("Fält", "Förslag på remiss"),
            compact=True,
        )
        self.quotes = EntityPanel(
            specs.QUOTE, QCoreApplication.translate("Fält", "Citat"), compact=True
        )
        self.rounds.current_changed.connect(self.consultees.set_parent)
        self.rounds.current_changed.connect(self.round_proposals.set_parent)
        self.consultees.current_changed.connect(self.responses.set_parent)
        self.responses.current_changed.connect(self.stances.set_parent)
        self.responses.current_changed.connect(self.quotes.set_parent)
        round_side = QSplitter(Qt.Orientation.Vertical)
        round_side.addWidget(self.rounds)
        round_side.addWidget(self.round_proposals)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(round_side)
        top.addWidget(self.consultees)
        answer_side = QTabWidget()
        answer_side.setDocumentMode(True)
        answer_side.addTab(self.stances, QCoreApplication.translate("Fält", "Ställningstaganden"))
        answer_side.addTab(self.quotes, QCoreApplication.translate("Fält", "Citat"))
        self.answer_tabs = answer_side
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.responses)
        bottom.addWidget(answer_side)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(bottom)
        self.panels += [
            self.rounds,
            self.round_proposals,
            self.consultees,
            self.responses,
            self.stances,
            self.quotes,
        ]
        self.layout_.addWidget(outer, 1)

    def prepare_screenshot(self) -> None:
        """Show an instance that has answered, with its stances."""
        if self.workspace is None:
            return
        from utredning_app.gui.table_model import ROW_ROLE
        from utredning_app.services import entities

        proxy = self.consultees.proxy
        for row in range(proxy.rowCount()):
            consultee_id = proxy.index(row, 0).data(ROW_ROLE)
            if entities.count(self.workspace.db, "response", {"consultee_id": consultee_id}):
                self.consultees.select(str(consultee_id))
                return
