"""Arkiv ▸ Anslut till server… and Hämta kopia för offline… (issue 12).

The address is a libpq URL without the password; the password is typed here (or read from
the system keyring when it was kept there) and only ever lives in memory. The list of
investigations is read in the background (a slow or unreachable server never freezes the
window) and the chosen one is opened by ``MainWindow.open_path`` like a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from utredning_app.errors import UserError
from utredning_app.gui.operations import Op, run_op

if TYPE_CHECKING:
    from utredning_app.gui.settings import AppSettings
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import ServerLocation


class ConnectDialog(QDialog):
    """Address, password and investigation; ``location`` is set when accepted."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.location: ServerLocation | None = None
        self._op: Op | None = None
        self.setWindowTitle(self.tr("Anslut till server"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Utredningar på regionens PostgreSQL-server. Adressen skrivs som "
                "postgresql://användare@server/databas."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("postgresql://anna@server.region.se/utredningar")
        self.address.setText(settings.server_address())
        form.addRow(self.tr("&Adress:"), self.address)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Lösenord:"), self.password)
        self.remember = QCheckBox(self.tr("Kom ihåg lösenordet i datorns &nyckelring"), self)
        form.addRow("", self.remember)
        self.fetch_button = QPushButton(self.tr("&Hämta utredningar"), self)
        self.fetch_button.clicked.connect(self.fetch_list)
        form.addRow("", self.fetch_button)
        self.choice = QComboBox(self)
        self.choice.setEnabled(False)
        form.addRow(self.tr("&Utredning:"), self.choice)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)  # room reserved: nothing jumps when it fills
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Anslut"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.address.textChanged.connect(self._address_changed)
        self.address.returnPressed.connect(self.fetch_list)
        self.password.returnPressed.connect(self.fetch_list)
        if self.address.text():
            self._fill_stored_password()

    # the address ----------------------------------------------------------------------
    def _parsed(self) -> ServerLocation | None:
        from utredning_app.services.files import ServerLocation

        try:
            return ServerLocation.parse(self.address.text().strip())
        except UserError as exc:
            self.message.setText(exc.message)
            return None

    def _address_changed(self) -> None:
        self.choice.clear()
        self.choice.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.message.clear()

    def _fill_stored_password(self) -> None:
        from utredning_app.services.files import stored_password

        location = self._parsed()
        if location is not None and not self.password.text():
            found = stored_password(location)
            if found:
                self.password.setText(found)
                self.remember.setChecked(True)

    def _with_password(self, location: ServerLocation) -> ServerLocation:
        secret = self.password.text()
        return location.with_password(secret) if secret else location

    # the list of investigations ---------------------------------------------------------
    def fetch_list(self) -> None:
        location = self._parsed()
        if location is None:
            return
        from utredning_app.services.files import server_investigations

        full = self._with_password(location)
        self.message.setText(self.tr("Hämtar utredningarna från servern …"))
        self.fetch_button.setEnabled(False)
        op = Op(lambda _ctx: server_investigations(full), self, "", show_progress=False)
        op.finished.connect(lambda found: self._listed(location, found))
        op.failed.connect(self._failed)
        self._op = op.start()

    def _listed(self, location: ServerLocation, found: list[tuple[str, str]]) -> None:
        self.fetch_button.setEnabled(True)
        self.choice.clear()
        for schema, title in found:
            self.choice.addItem(f"{title} ({schema})" if title else schema, schema)
        if location.schema is not None:
            index = self.choice.findData(location.schema)
            if index >= 0:
                self.choice.setCurrentIndex(index)
        self.choice.setEnabled(bool(found))
        self.ok_button.setEnabled(bool(found))
        self.message.setText(
            self.tr("Välj utredningen och klicka Anslut.")
            if found
            else self.tr("Det finns ingen utredning i den databasen.")
        )
        if found:
            self.ok_button.setDefault(True)

    def _failed(self, message: str) -> None:
        self.fetch_button.setEnabled(True)
        self.message.setText(message)

    def accept(self) -> None:
        location = self._parsed()
        schema = self.choice.currentData()
        if location is None or not isinstance(schema, str):
            return
        self.settings.set_server_address(location.display())
        if self.remember.isChecked() and self.password.text():
            from utredning_app.services.files import store_password

            problem = store_password(location, self.password.text())
            if problem is not None:
                self.message.setText(problem)
        self.location = self._with_password(location).with_schema(schema)
        super().accept()


def fetch_copy_interactively(
    parent: QWidget, workspace: Workspace, open_path: Callable[[Path], Any]
) -> Op | None:
    """Ask where the laptop copy goes, write it in the background, offer to open it."""
    from PySide6.QtWidgets import QMessageBox

    from utredning_app.services.files import ServerLocation

    location = workspace.db.location
    if not isinstance(location, ServerLocation):
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ConnectDialog", "Hämta kopia för offline"),
        str(Path.home() / f"{workspace.db.name}.utredning"),
        QCoreApplication.translate("ConnectDialog", "Utredningar (*.utredning)"),
    )
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != ".utredning":
        target = target.with_name(target.name + ".utredning")

    def work(_ctx: object) -> Path:
        from utredning_app.services.files import fetch_server_copy

        return fetch_server_copy(location, target)

    def done(path: Path) -> None:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ConnectDialog", "Kopian är hämtad"),
            QCoreApplication.translate(
                "ConnectDialog",
                "Kopian sparades: %1. Öppna den nu för att arbeta offline? Ändringarna förs "
                "tillbaka med Arkiv ▸ Slå ihop med kopia… när du är ansluten igen.",
            ).replace("%1", str(path)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            open_path(path)

    op = run_op(parent, QCoreApplication.translate("ConnectDialog", "Hämtar kopia …"), work)
    op.finished.connect(done)
    return op
