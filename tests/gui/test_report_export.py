"""Exportera… for the reports: runs off the UI thread, shows progress, opens on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from utredning_app.gui.report_export import start_export


@pytest.fixture
def opened(opened_urls: list[str]) -> list[str]:
    return opened_urls  # tests/gui/conftest.py records QDesktopServices.openUrl


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> Any:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_export_runs_and_opens_on_request(
    qtbot: QtBot,
    small_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    target = tmp_path / "slut.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    runner = start_export(window, small_path, "slutrapport")
    assert runner is not None
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert target.is_file()
    assert asked and "Vill du öppna den nu?" in asked[0]
    assert opened == [str(target)]
    assert "Filen skrevs" in window.statusBar().currentMessage()


def test_excel_export_not_opened_when_declined(
    qtbot: QtBot,
    small_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    target = tmp_path / "remiss.xlsx"
    runner = start_export(window, small_path, "remiss", out=target)
    assert runner is not None
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert target.is_file() and opened == []


def test_failure_is_shown_and_cancel_leaves_no_file(
    qtbot: QtBot, small_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _p, _t, text, *_a, **_k: warnings.append(text)),
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = start_export(window, small_path, "delrapport", out=tmp_path / "saknas" / "d.docx")
    assert runner is not None
    with qtbot.waitSignal(runner.failed, timeout=60_000) as blocker:
        pass
    assert "finns inte" in blocker.args[0] and warnings == [blocker.args[0]]

    out = tmp_path / "avbruten.docx"
    runner = start_export(window, small_path, "slutrapport", out=out)
    assert runner is not None
    runner.cancel()
    with qtbot.waitSignal(runner.failed, timeout=60_000) as blocker:
        pass
    assert blocker.args[0] == ""  # cancelled: no message
    assert not out.exists()


def test_save_dialog_cancelled(
    qtbot: QtBot, small_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    assert start_export(None, small_path, "delrapport") is None


def test_menu_action_shows_progress_and_opens_on_request(
    qtbot: QtBot,
    window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
    message_boxes: list[str],
) -> None:
    """Arkiv ▸ Exportera ▸ Tjänsteutlåtande: the file is written, then offered for opening."""
    target = tmp_path / "tu.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    window._fill_export_menu()
    titles = [a.text() for a in window.export_menu.actions()]
    window.export_menu.actions()[titles.index("Tjänsteutlåtande (Word)…")].trigger()
    qtbot.waitUntil(lambda: opened == [str(target)], timeout=60_000)
    assert target.read_bytes()[:2] == b"PK"
    assert any("Vill du öppna den nu?" in m for m in message_boxes)


def export_from_menu(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    window: Any,
    title: str,
    target: Path,
    opened: list[str],
) -> None:
    """Open Arkiv ▸ Exportera as the user does (aboutToShow fills it), pick ``title``, save as
    ``target`` and wait until the finished file is offered for opening."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    window.export_menu.aboutToShow.emit()
    titles = [a.text() for a in window.export_menu.actions()]
    window.export_menu.actions()[titles.index(title)].trigger()
    qtbot.waitUntil(lambda: str(target) in opened, timeout=60_000)


def test_draft_choice_in_the_export_menu(
    qtbot: QtBot,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:
    """Arkiv ▸ Exportera ▸ Märk som utkast: chosen by keyboard, remembered, watermarks Word."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    from tests.gui.conftest import open_window
    from tests.word_helpers import has_draft_watermark
    from utredning_app.gui.settings import AppSettings

    window = open_window(qtbot, demo_path)
    menu = window.export_menu
    draft = window.draft_action
    assert draft.isCheckable() and not draft.isChecked() and not AppSettings().export_draft()

    # The choice sits right after the Word documents, before the Excel exports.
    menu.aboutToShow.emit()
    titles = [a.text() for a in menu.actions()]
    at = titles.index(draft.text())
    assert titles[at - 4 : at] == [
        "Delrapport (Word)…",
        "Slutrapport (Word)…",
        "Remissammanställning (Word)…",
        "Tjänsteutlåtande (Word)…",
    ]
    assert menu.actions()[at + 1].isSeparator()
    assert titles[at + 2] == "Remissammanställning (Excel)…"
    assert draft.isEnabled()
    # Keyboard: U (its mnemonic, unique in the menu) in the open menu ticks it.
    mnemonics = [QKeySequence.mnemonic(t).toString() for t in titles]
    assert mnemonics.count("Alt+U") == 1 and mnemonics[at] == "Alt+U"
    qtbot.keyClick(menu, Qt.Key.Key_U)
    assert draft.isChecked()
    assert AppSettings().export_draft()  # remembered in QSettings

    with_draft = tmp_path / "delrapport-utkast.docx"
    export_from_menu(qtbot, monkeypatch, window, "Delrapport (Word)…", with_draft, opened)
    assert has_draft_watermark(with_draft)

    draft.trigger()  # untick
    assert not AppSettings().export_draft()
    plain = tmp_path / "delrapport.docx"
    export_from_menu(qtbot, monkeypatch, window, "Delrapport (Word)…", plain, opened)
    assert not has_draft_watermark(plain)

    draft.trigger()
    window.close()
    # The next session starts with the choice the user left.
    from utredning_app.gui.main_window import MainWindow

    again = MainWindow(AppSettings(), ask_identity=False)
    qtbot.addWidget(again)
    assert again.draft_action.isChecked()


def test_older_file_held_by_someone_else_is_read_from_an_upgraded_copy(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
    message_boxes: list[str],
) -> None:
    """A colleague with the older version has the file open: "Öppna skrivskyddad" shows it and
    exports from it (UTKAST chosen) without changing a byte of it."""
    import dataclasses
    import hashlib
    import json
    import shutil

    from tests.word_helpers import has_draft_watermark
    from utredning_app import paths
    from utredning_app.gui import file_safety
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.gui.settings import AppSettings, Identity
    from utredning_app.storage.lock import LockOwner, lock_path_for
    from utredning_app.storage.schema_version import KNOWN_REVISIONS

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
    old = tmp_path / "delad" / "gammal.utredning"
    old.parent.mkdir()
    shutil.copyfile(fixtures / f"{KNOWN_REVISIONS[0]}.utredning", old)
    colleague = LockOwner(user="bertil", host="en-annan-dator", pid=4242, since="2024-05-02T09:00")
    lock_path_for(old).write_text(json.dumps(dataclasses.asdict(colleague)), encoding="utf-8")
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    monkeypatch.setattr(
        file_safety, "ask_when_locked", lambda *_a: file_safety.LockedChoice.READ_ONLY
    )

    settings = AppSettings()
    settings.set_identity(Identity("Tina Testare", "S", "Ledamot"))
    settings.set_export_draft(True)
    window = MainWindow(settings, ask_identity=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.file_opened, timeout=30_000):
        window.open_path(old)
    db = window.workspace.db
    assert db.read_only and db.upgraded_copy and db.path == old
    assert "äldre schemaversion" in window.statusBar().currentMessage()
    assert "(skrivskyddad)" in window.windowTitle()

    target = tmp_path / "delrapport.docx"
    export_from_menu(qtbot, monkeypatch, window, "Delrapport (Word)…", target, opened)
    assert has_draft_watermark(target)
    assert any("exporten gjordes från en uppgraderad kopia" in m for m in message_boxes)

    window.close()
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest
    copies = paths.snapshots_dir()
    assert not copies.exists() or not any(copies.iterdir()), "an upgraded copy was left"


def test_done_message_carries_the_exports_notes(
    qtbot: QtBot,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:
    """The demo's delrapport is fastställd: the file written is its sent edition, and the
    "done" question says so (issue 13), as the command line does."""
    window = QMainWindow()
    qtbot.addWidget(window)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    runner = start_export(window, demo_path, "delrapport", out=tmp_path / "del.docx")
    assert runner is not None
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert asked and "så som den skickades" in asked[0], asked
    assert "Vill du öppna den nu?" in asked[0]
