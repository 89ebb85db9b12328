"""GUI fixtures: a main window on a populated copy of a real file, settings in a temp folder."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.gui_helpers import populate
from utredning_app.storage.database import open_database


@pytest.fixture(autouse=True)
def _temp_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QSettings go to INI files in a temp folder: tests never touch the user's settings."""
    from utredning_app.gui import settings

    folder = tmp_path / "inställningar"
    monkeypatch.setenv("UTREDNING_SETTINGS_DIR", str(folder))
    settings.configure(folder)
    return folder


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal message boxes would block a test: record them instead (tests assert on them)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    def question(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return shown


@pytest.fixture
def filled_path(empty_path: Path) -> Path:
    db = open_database(empty_path, actor="Förberedelse")
    try:
        populate(db)
    finally:
        db.close()
    return empty_path


@pytest.fixture
def ids(filled_path: Path) -> dict[str, Any]:
    from utredning_app.services import entities

    db = open_database(filled_path, read_only=True)
    try:
        return {
            "report": entities.rows(db, "report")[0]["id"],
            "section": entities.rows(db, "section")[0]["id"],
            "options": [r["id"] for r in entities.rows(db, "governance_option")],
            "criteria": [r["id"] for r in entities.rows(db, "criterion", order_by=("sort_order",))],
        }
    finally:
        db.close()


def open_window(qtbot: QtBot, path: Any, name: str = "Tina Testare", timeout: int = 15_000) -> Any:
    """A shown main window with ``path`` (a file or a server location) open as ``name``
    (the caller closes it)."""
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.gui.settings import AppSettings, Identity

    settings = AppSettings()
    settings.set_identity(Identity(name, "S", "Ledamot"))
    win = MainWindow(settings, ask_identity=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.file_opened, timeout=timeout):
        win.open_path(path)
    return win


@pytest.fixture
def window(qtbot: QtBot, filled_path: Path) -> Iterator[Any]:
    win = open_window(qtbot, filled_path)
    yield win
    win.close()


def read(path: Path, table: str, row_id: str) -> dict[str, Any]:
    """What the file holds now (a fresh connection, as another program would see it)."""
    from utredning_app.services import entities

    db = open_database(path, read_only=True)
    try:
        return entities.get(db, table, row_id)
    finally:
        db.close()


@pytest.fixture(autouse=True)
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Exports offer to open the written file: record the request instead of starting Word."""
    from PySide6.QtGui import QDesktopServices

    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()))
    )
    return urls


@pytest.fixture(autouse=True, scope="session")
def _none_guard() -> None:
    """What the application does at start (gui/none_guard.py): a long GUI test run makes more
    void calls than there are references to None (and bool emits than references to True),
    and PySide6 6.12 on 3.11 drops one each."""
    from utredning_app.gui.none_guard import guard_singletons

    guard_singletons()


@contextlib.contextmanager
def translated(language: str) -> Iterator[None]:
    """The translators the program installs for ``language`` (app.install_translations),
    removed again afterwards. Needs a QApplication (the ``qapp`` fixture)."""
    from PySide6.QtWidgets import QApplication

    from utredning_app.gui.app import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translations(app, language)
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
