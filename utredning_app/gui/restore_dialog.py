"""Arkiv → Återställ från säkerhetskopia…: pick one of the file's backups (or any backup file)
and put it in place of the investigation.

Built in code rather than a Designer form: it is one table whose rows are the backups found.
The work is done by ``services.backups`` (Qt-free); the window closes the file first and
reopens it afterwards (``restore_interactively``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from utredning_app.domain.formatting import format_number
from utredning_app.errors import UserError
from utredning_app.services.backups import backups_for, folder_for, restore_backup
from utredning_app.services.files import BackupInfo


class RestoreDialog(QDialog):
    """Lists the backups of ``path``, newest first; ``chosen()`` is the picked backup file."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._chosen: Path | None = None
        self.setWindowTitle(self.tr("Återställ från säkerhetskopia"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Välj den säkerhetskopia av %1 som ska ersätta filen. Filen som den är nu "
                "sparas först som en egen säkerhetskopia, så återställningen kan ångras."
            ).replace("%1", self.path.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backups: list[BackupInfo] = backups_for(self.path)
        self.table = QTableWidget(len(self.backups), 3, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tidpunkt"), self.tr("Anledning"), self.tr("Storlek")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self.backups):
            when = QTableWidgetItem(info.taken_at.strftime("%Y-%m-%d %H:%M:%S"))
            when.setToolTip(str(info.path))
            size = QTableWidgetItem(f"{format_number(info.size / 1024, 0)} kB")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, QTableWidgetItem(info.reason_label))
            self.table.setItem(row, 2, size)
        layout.addWidget(self.table)
        where = QLabel(
            self.tr("Säkerhetskopiorna ligger i %1").replace("%1", str(folder_for(path)))
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)
        if not self.backups:
            layout.addWidget(QLabel(self.tr("Det finns inga säkerhetskopior av filen ännu.")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = QPushButton(self.tr("&Återställ"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        other = QPushButton(self.tr("Välj &annan fil…"), self)
        self.buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self._pick_file)
        self.buttons.accepted.connect(self._accept_selected)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectedItems()))
        )
        self.table.itemDoubleClicked.connect(lambda _item: self._accept_selected())
        if self.backups:
            self.table.selectRow(0)

    def chosen(self) -> Path | None:
        return self._chosen

    def _accept_selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            self._chosen = self.backups[min(rows)].path
            self.accept()

    def _pick_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj säkerhetskopia"),
            str(folder_for(self.path)),
            self.tr("Utredningar (*.utredning);;Alla filer (*)"),
        )
        if name:
            self._chosen = Path(name)
            self.accept()


def restore_interactively(
    parent: QWidget,
    path: Path,
    close_file: Callable[[], None],
    reopen: Callable[[Path], object],
) -> bool:
    """Ask for a backup, confirm, close the file, restore, reopen. True if restored."""
    dialog = RestoreDialog(path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    backup = dialog.chosen()
    assert backup is not None
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("RestoreDialog", "Återställ från säkerhetskopia"),
        QCoreApplication.translate("RestoreDialog", "%1 ersätts av säkerhetskopian %2. Fortsätta?")
        .replace("%1", path.name)
        .replace("%2", backup.name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    close_file()
    try:
        restore_backup(path, backup)
    except UserError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("RestoreDialog", "Återställningen misslyckades"),
            exc.message,
        )
        reopen(path)
        return False
    reopen(path)
    return True
