"""Reservationer och särskilda yttranden."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        tr = QCoreApplication.translate
        super().__init__(
            tr("Vyer", "Reservationer och särskilda yttranden"),
            tr(
                "Vyer",
                "Reservationer mot förslag och särskilda yttranden, per parti. De tas med "
                "sist i slutrapporten.",
            ),
        )
        self.add_panel(
            EntityPanel(specs.DISSENT, tr("Fält", "Reservationer och särskilda yttranden"))
        )
