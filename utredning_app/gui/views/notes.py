"""Anteckningar: members' notes; privat and parti notes stay in the author's file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView


class NotePanel(EntityPanel):
    def new_values(self) -> dict[str, Any]:
        """A new note is signed by the user from Inställningar."""
        from utredning_app.gui.settings import AppSettings

        values = super().new_values()
        identity = AppSettings().identity()
        if identity is not None:
            values.setdefault("author", identity.name)
            values.setdefault("author_party", identity.party)
        return values


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Anteckningar"),
            QCoreApplication.translate(
                "Vyer",
                "Egna anteckningar. Privata och partiinterna anteckningar följer inte med när "
                "utredningen delas, förrän de frisläpps till hela gruppen.",
            ),
        )
        self.add_panel(NotePanel(specs.NOTE, QCoreApplication.translate("Fält", "Anteckningar")))
