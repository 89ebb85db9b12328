"""Small dialogs built on Designer forms: who you are (+ language), new investigation, about."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from utredning_app import APP_NAME, __version__
from utredning_app.domain.enums import MemberRole
from utredning_app.gui.enum_labels import enum_label
from utredning_app.gui.files import FILE_SUFFIX
from utredning_app.gui.forms.ui_about_dialog import Ui_AboutDialog
from utredning_app.gui.forms.ui_identity_dialog import Ui_IdentityDialog
from utredning_app.gui.forms.ui_new_investigation_dialog import Ui_NewInvestigationDialog
from utredning_app.gui.settings import LANGUAGES, Identity

PARTIES = ("", "M", "S", "SD", "C", "V", "KD", "L", "MP")


def _set_error(label: object, text: str) -> None:
    from PySide6.QtWidgets import QLabel

    assert isinstance(label, QLabel)  # named "fieldError" by the dialog (styled red)
    label.setText(text)
    label.setVisible(bool(text))


class IdentityDialog(QDialog):
    """First start and Inställningar: name and party/role for the ändringslogg, language."""

    def __init__(
        self, identity: Identity | None, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_IdentityDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.partyEdit.addItems(PARTIES)
        # The role is saved as the Swedish label (it goes into the shared ändringslogg): show it
        # translated, keep the label as item data and map a chosen item back in identity().
        self.ui.roleEdit.addItem("")
        for role in MemberRole:
            self.ui.roleEdit.addItem(enum_label(role), role.label)
        for code, name in LANGUAGES.items():
            self.ui.languageCombo.addItem(name, code)
        self.ui.languageCombo.setCurrentIndex(max(self.ui.languageCombo.findData(language), 0))
        if identity is not None:
            self.ui.nameEdit.setText(identity.name)
            self.ui.partyEdit.setCurrentText(identity.party)
            known = self.ui.roleEdit.findData(identity.role)
            if known > 0:
                self.ui.roleEdit.setCurrentIndex(known)
            else:
                self.ui.roleEdit.setCurrentText(identity.role)
        self.ui.nameError.setObjectName("fieldError")
        _set_error(self.ui.nameError, "")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.ui.buttonBox.accepted.connect(self._try_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.nameEdit.textChanged.connect(lambda _t: _set_error(self.ui.nameError, ""))

    def identity(self) -> Identity:
        return Identity(
            self.ui.nameEdit.text().strip(),
            self.ui.partyEdit.currentText().strip(),
            self._role(),
        )

    def _role(self) -> str:
        """What was typed, or the Swedish label of the role chosen from the list."""
        text = self.ui.roleEdit.currentText().strip()
        data = self.ui.roleEdit.itemData(self.ui.roleEdit.findText(text))
        return data if isinstance(data, str) and data else text

    def language(self) -> str:
        return str(self.ui.languageCombo.currentData())

    def _try_accept(self) -> None:
        if not self.identity().name:
            _set_error(
                self.ui.nameError,
                self.tr("Skriv ditt namn: det står i ändringsloggen vid dina ändringar."),
            )
            self.ui.nameEdit.setFocus()
            return
        self.accept()


class NewInvestigationDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewInvestigationDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.fileEdit.setText(str(folder / f"ny-utredning{FILE_SUFFIX}"))
        for label in (self.ui.titleError, self.ui.fileError):
            label.setObjectName("fieldError")
            _set_error(label, "")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Skapa"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.ui.buttonBox.accepted.connect(self._try_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.browseButton.clicked.connect(self._browse)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara ny utredning som"),
            self.ui.fileEdit.text(),
            self.tr("Utredningar (*%1)").replace("%1", FILE_SUFFIX),
        )
        if name:
            self.ui.fileEdit.setText(name if name.endswith(FILE_SUFFIX) else name + FILE_SUFFIX)

    def values(self) -> tuple[str, str, Path]:
        return (
            self.ui.titleEdit.text().strip(),
            self.ui.dnrEdit.text().strip(),
            Path(self.ui.fileEdit.text().strip()),
        )

    def _try_accept(self) -> None:
        title, _dnr, path = self.values()
        ok = True
        if not title:
            _set_error(self.ui.titleError, self.tr("Utredningen måste ha en titel."))
            ok = False
        else:
            _set_error(self.ui.titleError, "")
        if not str(path) or str(path) == ".":
            _set_error(self.ui.fileError, self.tr("Välj var filen ska sparas."))
            ok = False
        elif path.exists():
            _set_error(self.ui.fileError, self.tr("Filen finns redan; välj ett annat namn."))
            ok = False
        elif not path.parent.is_dir():
            _set_error(self.ui.fileError, self.tr("Mappen finns inte."))
            ok = False
        else:
            _set_error(self.ui.fileError, "")
        if ok:
            self.accept()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.titleLabel.setObjectName("dialogHeading")
        self.ui.titleLabel.setText(APP_NAME)
        self.ui.versionLabel.setText(self.tr("Version %1").replace("%1", __version__))
        self.ui.detailsLabel.setText(
            f"Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}"
        )
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        self.ui.buttonBox.rejected.connect(self.reject)
