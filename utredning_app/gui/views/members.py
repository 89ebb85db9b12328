"""Ledamöter och partier."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Ledamöter och partier"),
            QCoreApplication.translate(
                "Vyer",
                "Gruppens ledamöter, ersättare, sekretariat och experter, och partierna i "
                "fullmäktige. Parti och roll används i reservationer och i ändringsloggen.",
            ),
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.members = EntityPanel(specs.MEMBER, QCoreApplication.translate("Fält", "Ledamöter"))
        self.parties = EntityPanel(specs.PARTY, QCoreApplication.translate("Fält", "Partier"))
        splitter.addWidget(self.members)
        splitter.addWidget(self.parties)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.panels += [self.members, self.parties]
        self.layout_.addWidget(splitter, 1)
