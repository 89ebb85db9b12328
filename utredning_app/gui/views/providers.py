"""Verksamheter: the self-owned care providers being governed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Verksamheter"),
            QCoreApplication.translate(
                "Vyer",
                "Regionens egenägda vårdgivare: sjukhus och bolag, deras driftform och vem "
                "som styr dem.",
            ),
        )
        self.add_panel(
            EntityPanel(specs.PROVIDER_UNIT, QCoreApplication.translate("Fält", "Verksamheter"))
        )
