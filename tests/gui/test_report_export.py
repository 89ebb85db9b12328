"""Exportera… for the reports: runs off the UI thread, shows progress, opens on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from tests.word_helpers import fill_small_investigation
from utredning_app.gui.report_export import start_export
from utredning_app.storage.database import open_database


@pytest.fixture
def source(empty_path: Path) -> Path:
    db = open_database(empty_path, actor="Testaren")
    try:
        fill_small_investigation(db)
    finally:
        db.close()
    return empty_path


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
    source: Path,
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
    runner = start_export(window, source, "slutrapport")
    assert runner is not None
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert target.is_file()
    assert asked and "Vill du öppna den nu?" in asked[0]
    assert opened == [str(target)]
    assert "Filen skrevs" in window.statusBar().currentMessage()


def test_excel_export_not_opened_when_declined(
    qtbot: QtBot,
    source: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    target = tmp_path / "remiss.xlsx"
    runner = start_export(window, source, "remiss", out=target)
    assert runner is not None
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert target.is_file() and opened == []


def test_failure_is_shown_and_cancel_leaves_no_file(
    qtbot: QtBot, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _p, _t, text, *_a, **_k: warnings.append(text)),
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = start_export(window, source, "delrapport", out=tmp_path / "saknas" / "d.docx")
    assert runner is not None
    with qtbot.waitSignal(runner.failed, timeout=60_000) as blocker:
        pass
    assert "finns inte" in blocker.args[0] and warnings == [blocker.args[0]]

    out = tmp_path / "avbruten.docx"
    runner = start_export(window, source, "slutrapport", out=out)
    assert runner is not None
    runner.cancel()
    with qtbot.waitSignal(runner.failed, timeout=60_000) as blocker:
        pass
    assert blocker.args[0] == ""  # cancelled: no message
    assert not out.exists()


def test_save_dialog_cancelled(qtbot: QtBot, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    assert start_export(None, source, "delrapport") is None


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
