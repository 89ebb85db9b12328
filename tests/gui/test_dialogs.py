"""The Designer-form dialogs: first-start identity, new investigation, about, help, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from utredning_app.gui.dialogs import AboutDialog, IdentityDialog, NewInvestigationDialog
from utredning_app.gui.settings import Identity


def test_identity_requires_a_name(qtbot: QtBot) -> None:
    dialog = IdentityDialog(None, "sv")
    qtbot.addWidget(dialog)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Skriv ditt namn" in dialog.ui.nameError.text()
    dialog.ui.nameEdit.setText("Karin Wallén")
    dialog.ui.partyEdit.setCurrentText("S")
    dialog.ui.roleEdit.setCurrentText("Ordförande")
    dialog.ui.languageCombo.setCurrentIndex(dialog.ui.languageCombo.findData("en"))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.identity() == Identity("Karin Wallén", "S", "Ordförande")
    assert dialog.identity().actor == "Karin Wallén (S, Ordförande)"
    assert dialog.language() == "en"


def test_new_identity_becomes_the_audit_actor(qtbot: QtBot, window: Any) -> None:
    window.apply_identity(Identity("Ny Person", "MP", ""), "sv")
    assert window.workspace.db.actor == "Ny Person (MP)"
    assert "Ny Person (MP)" in window.actor_label.text()


def test_name_given_while_the_file_opens_is_the_audit_actor(
    qtbot: QtBot, filled_path: Path
) -> None:
    """First start: the file starts opening (no name yet) while the name dialog is up.

    Answered before the file was open, the name only reached the settings: every change of
    the session was logged with no name.
    """
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.gui.settings import AppSettings

    window = MainWindow(AppSettings(), ask_identity=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_path(filled_path)
        assert window.workspace is None  # the result arrives through the event loop
        window.apply_identity(Identity("Första Gången", "V", ""), "sv")
    assert window.workspace is not None
    assert window.workspace.db.actor == "Första Gången (V)"


def test_new_investigation_dialog_checks_its_fields(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewInvestigationDialog(tmp_path)
    qtbot.addWidget(dialog)
    existing = tmp_path / "finns.utredning"
    existing.write_bytes(b"")
    dialog.ui.fileEdit.setText(str(existing))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.ui.titleError.text() == "Utredningen måste ha en titel."
    assert "finns redan" in dialog.ui.fileError.text()
    dialog.ui.titleEdit.setText("Utredning om vårdval")
    dialog.ui.fileEdit.setText(str(tmp_path / "ny.utredning"))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.values() == ("Utredning om vårdval", "", tmp_path / "ny.utredning")


def test_about_and_help_show(qtbot: QtBot) -> None:
    from utredning_app.gui.help import HelpDialog

    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    assert "Version" in about.ui.versionLabel.text()
    help_dialog = HelpDialog()
    qtbot.addWidget(help_dialog)
    help_dialog.show()
    assert help_dialog.windowTitle() == "Användarhandledning"


def test_export_menu_writes_the_json_archive(
    qtbot: QtBot, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "arkiv.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    window._fill_export_menu()
    actions = window.export_menu.actions()
    assert actions[0].text() == "Öppet JSON-arkiv…"
    actions[0].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data


def test_word_export_from_the_menu(
    qtbot: QtBot,
    window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[str],
) -> None:
    target = tmp_path / "delrapport.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    window._fill_export_menu()
    titles = [a.text() for a in window.export_menu.actions()]
    assert "Delrapport (Word)…" in titles
    assert "Remissammanställning (Excel)…" in titles
    assert "Ändringsloggen (Excel)…" in titles
    window.export_menu.actions()[titles.index("Delrapport (Word)…")].trigger()
    # Until the export has finished (it asks "open it now?"), not only until the file exists:
    # a question asked after the test would be a real modal box (Qt aborts offscreen).
    qtbot.waitUntil(lambda: any(str(target) in m for m in message_boxes), timeout=60_000)
    assert target.read_bytes()[:2] == b"PK"


def test_the_user_guide_follows_the_language(qtbot: QtBot) -> None:
    from utredning_app.gui.help import HelpDialog

    swedish = HelpDialog()
    english = HelpDialog(language="en")
    for dialog in (swedish, english):
        qtbot.addWidget(dialog)
    assert swedish.browser.toPlainText().startswith("Användarhandledning")
    assert english.browser.toPlainText().startswith("User guide")
    assert "Alt+1" in english.browser.toPlainText()
    # The two guides have the same chapters.
    from utredning_app import paths

    folder = paths.resources_dir() / "help"
    chapters = [
        sum(
            1
            for line in (folder / name).read_text(encoding="utf-8").splitlines()
            if line.startswith("## ")
        )
        for name in ("handledning.md", "handledning.en.md")
    ]
    assert chapters[0] == chapters[1] > 3
