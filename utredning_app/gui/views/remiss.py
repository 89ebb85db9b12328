"""Remiss: omgångar → instanser → svar → ställningstaganden, as a chain of panels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter

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
        self.rounds.current_changed.connect(self.consultees.set_parent)
        self.consultees.current_changed.connect(self.responses.set_parent)
        self.responses.current_changed.connect(self.stances.set_parent)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.rounds)
        top.addWidget(self.consultees)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.responses)
        bottom.addWidget(self.stances)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(bottom)
        self.panels += [self.rounds, self.consultees, self.responses, self.stances]
        self.layout_.addWidget(outer, 1)
