"""Styrmodeller (alternativ), including the nollalternativ."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Styrmodeller"),
            QCoreApplication.translate(
                "Vyer",
                "De alternativa styrmodeller som utredningen jämför. Dagens modell är "
                "nollalternativet som de andra bedöms mot.",
            ),
        )
        self.add_panel(
            EntityPanel(specs.GOVERNANCE_OPTION, QCoreApplication.translate("Fält", "Styrmodeller"))
        )
