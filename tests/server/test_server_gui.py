"""Two people in the desktop app on one server investigation edit the same option: the second
save shows the conflict with both values, and the person chooses. Driven with the mouse and
the keyboard against a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import open_window
from tests.gui.test_master_detail_clicks import click_row
from utredning_app.cli import main
from utredning_app.gui.table_model import ROW_ROLE
from utredning_app.services import entities
from utredning_app.services.demo import create_demo
from utredning_app.storage.database import open_database
from utredning_app.storage.location import ServerLocation


@pytest.fixture(autouse=True)
def _temp_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from utredning_app.gui import settings

    settings.configure(tmp_path / "inställningar")


@pytest.fixture
def server(pg_url: str) -> ServerLocation:
    create_demo(ServerLocation.parse(pg_url)).close()
    return ServerLocation.parse(pg_url, "demo")


def _window(qtbot: QtBot, where: ServerLocation, name: str) -> Any:
    return open_window(qtbot, where, name, timeout=20_000)


@pytest.fixture
def two_windows(qtbot: QtBot, server: ServerLocation) -> Iterator[tuple[Any, Any]]:
    anna = _window(qtbot, server, "Anna Andersson")
    bertil = _window(qtbot, server, "Bertil Berg")
    yield anna, bertil
    anna.close()
    bertil.close()


def _edit_name(qtbot: QtBot, window: Any, text: str) -> Any:
    """Click the first option, open its form and type a new name (not saved yet)."""
    panel = window.show_view("options").panels[0]
    row_id = str(panel.proxy.index(0, 0).data(ROW_ROLE))
    click_row(qtbot, panel, row_id)
    dialog = panel.make_edit_dialog()
    assert dialog is not None
    field = dialog.editors["name"].widget
    field.selectAll()
    qtbot.keyClicks(field, text)
    return panel, dialog, row_id


def _answer_conflict(qtbot: QtBot, choose: Callable[[Any], Any], seen: list[Any]) -> QTimer:
    from utredning_app.gui.edit_conflict_dialog import EditConflictDialog

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, EditConflictDialog) and widget.isVisible():
            seen.append([(a.toPlainText(), b.toPlainText()) for a, b in widget.panes])
            button = choose(widget)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    return timer


def _save(panel: Any, dialog: Any) -> bool:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    return bool(panel.apply_edit(dialog))


def test_the_second_save_shows_the_conflict_and_keeps_mine_when_asked(
    qtbot: QtBot, two_windows: tuple[Any, Any], server: ServerLocation
) -> None:
    anna, bertil = two_windows
    # Both open the same option's form at the same time.
    anna_panel, anna_dialog, row_id = _edit_name(qtbot, anna, "Annas modell")
    bertil_panel, bertil_dialog, _ = _edit_name(qtbot, bertil, "Bertils modell")
    assert _save(anna_panel, anna_dialog)

    seen: list[Any] = []
    timer = _answer_conflict(qtbot, lambda d: d.keep_button, seen)
    try:
        assert _save(bertil_panel, bertil_dialog)
    finally:
        timer.stop()
    assert seen == [[("Annas modell", "Bertils modell")]]
    with open_database(server, read_only=True) as db:
        assert entities.get(db, "governance_option", row_id)["name"] == "Bertils modell"
    # Keeping mine is one undo step like any edit: undo gives Anna's value back.
    bertil.undo_action.trigger()
    with open_database(server, read_only=True) as db:
        assert entities.get(db, "governance_option", row_id)["name"] == "Annas modell"


def test_reading_theirs_writes_nothing_and_shows_their_value(
    qtbot: QtBot, two_windows: tuple[Any, Any], server: ServerLocation
) -> None:
    anna, bertil = two_windows
    anna_panel, anna_dialog, row_id = _edit_name(qtbot, anna, "Annas modell")
    bertil_panel, bertil_dialog, _ = _edit_name(qtbot, bertil, "Bertils modell")
    assert _save(anna_panel, anna_dialog)
    seen: list[Any] = []
    timer = _answer_conflict(qtbot, lambda d: d.reload_button, seen)
    try:
        assert not _save(bertil_panel, bertil_dialog)
    finally:
        timer.stop()
    assert len(seen) == 1
    with open_database(server, read_only=True) as db:
        assert entities.get(db, "governance_option", row_id)["name"] == "Annas modell"
    # Bertil's open view shows Anna's name now, without a restart.
    qtbot.waitUntil(
        lambda: (
            bertil_panel.proxy.index(0, 0).data() is not None
            and any(
                bertil_panel.proxy.index(r, c).data() == "Annas modell"
                for r in range(bertil_panel.proxy.rowCount())
                for c in range(bertil_panel.proxy.columnCount())
            )
        ),
        timeout=5000,
    )


def test_connecting_from_the_dialog_lists_the_investigations_and_opens_the_chosen(
    qtbot: QtBot, pg: Any, pg_db: str, tmp_path: Path
) -> None:
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.gui.server_dialog import ConnectDialog
    from utredning_app.gui.settings import AppSettings

    # A login of one's own (an ASCII password: typed with the keyboard below).
    pg.psql("CREATE ROLE tester LOGIN SUPERUSER PASSWORD 'hemligt-123'")
    try:
        base = pg.url(database=pg_db)
        for name, title in (("akut", "Akutsjukvården"), ("styrning", "Styrning av vården")):
            main(["new", base, "--utredning", name, "--titel", title])
        address = f"postgresql://tester@127.0.0.1:{pg.port}/{pg_db}"
        settings = AppSettings()
        window = MainWindow(settings, ask_identity=False)
        qtbot.addWidget(window)
        dialog = ConnectDialog(settings, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.address, address)
        qtbot.keyClicks(dialog.password, "fel")
        qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "lösenord" in dialog.message.text(), timeout=10_000)
        assert not dialog.ok_button.isEnabled()
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "hemligt-123")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Return fetches the list
        qtbot.waitUntil(lambda: dialog.choice.count() == 2, timeout=10_000)
        assert dialog.choice.itemText(0) == "Akutsjukvården (akut)"
        dialog.choice.setFocus()
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == ConnectDialog.DialogCode.Accepted
        assert dialog.location is not None and dialog.location.schema == "styrning"
        # The address is remembered without its password.
        assert settings.server_address() == address
        window.show()
        with qtbot.waitSignal(window.file_opened, timeout=20_000):
            window.open_path(dialog.location)
        assert "styrning" in window.windowTitle() and "hemligt" not in window.windowTitle()
        assert not window.save_copy_action.isEnabled() and window.fetch_copy_action.isEnabled()
        window.close()
    finally:
        pg.psql("DROP OWNED BY tester CASCADE")
        pg.psql("DROP ROLE tester")


def test_fetching_a_copy_from_the_menu_writes_a_file_that_opens(
    qtbot: QtBot, server: ServerLocation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "bärbar"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window = _window(qtbot, server, "Anna Andersson")
    try:
        assert window.fetch_copy_action.isEnabled()
        window.fetch_copy_action.trigger()  # Arkiv ▸ Hämta kopia för offline…
        copy = target.with_name("bärbar.utredning")
        qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
        assert copy.exists() and str(copy) in asked[0]
        with open_database(copy, read_only=True) as db:
            assert len(entities.rows(db, "governance_option")) == 5
    finally:
        window.close()


def test_the_search_box_offers_inflections_on_a_server_and_finds_them(
    qtbot: QtBot, server: ServerLocation
) -> None:
    from tests.gui.test_master_detail_clicks import click_tab

    window = _window(qtbot, server, "Anna Andersson")
    try:
        bench = window.show_view("remiss_answers").workbench
        click_tab(qtbot, bench, bench.indexOf(bench.searcher))
        searcher = bench.searcher
        assert searcher.inflections.isVisible()
        qtbot.keyClicks(searcher.query, "sjukhusen")
        qtbot.keyClick(searcher.query, Qt.Key.Key_Return)
        exact = len(searcher.hits)
        box = searcher.inflections
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        assert box.isChecked()
        assert len(searcher.hits) > exact  # "sjukhuset", "sjukhus" … as well
        assert "svar matchar" in searcher.count.text()
    finally:
        window.close()
