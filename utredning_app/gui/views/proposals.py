"""Förslag (till beslut), numbered, with the governance options each builds on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Förslag"),
            QCoreApplication.translate(
                "Vyer",
                "Utredningens numrerade förslag till beslut. Numret följer förslaget från "
                "delrapporten till slutrapporten. Välj ett förslag för att se vilka "
                "styrmodeller det bygger på.",
            ),
        )
        self.proposals = EntityPanel(specs.PROPOSAL, QCoreApplication.translate("Fält", "Förslag"))
        self.options = EntityPanel(
            specs.PROPOSAL_OPTION,
            QCoreApplication.translate("Fält", "Bygger på styrmodeller"),
            compact=True,
        )
        self.proposals.current_changed.connect(self.options.set_parent)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.proposals)
        splitter.addWidget(self.options)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.panels += [self.proposals, self.options]
        self.layout_.addWidget(splitter, 1)
