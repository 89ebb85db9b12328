"""Reservationer och särskilda yttranden."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Reservationer och särskilda yttranden"),
            QCoreApplication.translate(
                "Vyer",
                "Reservationer mot förslag och särskilda yttranden, per parti. De tas med "
                "sist i slutrapporten.",
            ),
        )
        self.add_panel(
            EntityPanel(
                specs.DISSENT,
                QCoreApplication.translate("Fält", "Reservationer och särskilda yttranden"),
            )
        )
