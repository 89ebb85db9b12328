"""Skattningar: cost, capacity and quality effects, per year with låg/bas/hög."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Skattningar"),
            QCoreApplication.translate(
                "Vyer",
                "Skattade effekter av varje styrmodell. Välj en skattning för att se och "
                "ändra dess värden per år (låg ≤ bas ≤ hög).",
            ),
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.estimates = EntityPanel(
            specs.ESTIMATE, QCoreApplication.translate("Fält", "Skattningar")
        )
        self.values = EntityPanel(
            specs.ESTIMATE_VALUE, QCoreApplication.translate("Fält", "Värden per år")
        )
        self.estimates.current_changed.connect(self.values.set_parent)
        splitter.addWidget(self.estimates)
        splitter.addWidget(self.values)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.panels += [self.estimates, self.values]
        self.layout_.addWidget(splitter, 1)
