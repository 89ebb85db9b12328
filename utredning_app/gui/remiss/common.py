"""Small helpers shared by the remiss widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from utredning_app import APP_NAME
from utredning_app.errors import UserError
from utredning_app.gui.workspace import Workspace


def show_error(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, APP_NAME, message)


def run_action(parent: QWidget, action: Callable[[], Any]) -> Any | None:
    """Run a service call; a UserError becomes a dialog and ``None``."""
    try:
        return action()
    except UserError as exc:
        show_error(parent, exc.message)
        return None


def fill_rounds(combo: QComboBox, workspace: Workspace | None) -> None:
    """Fill a round picker, keeping the current choice; the latest round by default."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if workspace is not None:
        from utredning_app.services.remiss_rounds import round_choices

        for rid, name in round_choices(workspace.db):
            combo.addItem(name, rid)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(index if index >= 0 else combo.count() - 1)
    combo.blockSignals(False)
