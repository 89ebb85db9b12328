"""Reservationer och särskilda yttranden, with the members who sign each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter

from utredning_app.gui import entity_specs as specs
from utredning_app.gui.entity_panel import EntityPanel
from utredning_app.gui.views.base import BaseView
from utredning_app.services.signers import signer_choices


class SignerPanel(EntityPanel):
    """Undertecknare: the members of the dissent's party first, each shown with its party."""

    def choices(self) -> dict[str, list[tuple[str, str]]]:
        assert self.workspace is not None
        return {"member_id": signer_choices(self.workspace.db, self.parent_id)}


class View(BaseView):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("Vyer", "Reservationer och särskilda yttranden"),
            QCoreApplication.translate(
                "Vyer",
                "Reservationer mot förslag och särskilda yttranden, per parti. De tas med "
                "sist i slutrapporten. Välj en för att se vilka ledamöter som står bakom den.",
            ),
        )
        self.dissents = EntityPanel(
            specs.DISSENT,
            QCoreApplication.translate("Fält", "Reservationer och särskilda yttranden"),
        )
        self.members = SignerPanel(
            specs.DISSENT_MEMBER, QCoreApplication.translate("Fält", "Undertecknare"), compact=True
        )
        self.dissents.current_changed.connect(self.members.set_parent)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.dissents)
        splitter.addWidget(self.members)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.panels += [self.dissents, self.members]
        self.layout_.addWidget(splitter, 1)
