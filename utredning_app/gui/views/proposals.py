"""Förslag (till beslut), numbered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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
                "delrapporten till slutrapporten.",
            ),
        )
        self.add_panel(EntityPanel(specs.PROPOSAL, QCoreApplication.translate("Fält", "Förslag")))
