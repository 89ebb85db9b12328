"""How the window answers a person's mouse and keyboard: double clicks, Return, opening a file
from the recent list, the undo menu's texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.gui.test_master_detail_clicks import choose_in_combo, click_row


class DialogCounter:
    """Counts the modal dialogs that open while it runs, and closes each one (Avbryt)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            self.seen.append(widget.windowTitle())
            widget.reject()

    def __enter__(self) -> DialogCounter:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()


def _first_row_id(panel: Any) -> str:
    from utredning_app.gui.table_model import ROW_ROLE

    return str(panel.proxy.index(0, 0).data(ROW_ROLE))


def test_a_double_click_opens_the_edit_dialog_once(qtbot: QtBot, window: Any) -> None:
    panel = window.show_view("members").members
    row_id = _first_row_id(panel)
    click_row(qtbot, panel, row_id)
    index = panel.proxy.index(0, 0)
    pos = panel.view.visualRect(index).center()
    with DialogCounter() as dialogs:
        # A real double click: press-release, then the second press as a double click.
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.wait(200)
    assert len(dialogs.seen) == 1, dialogs.seen
    assert dialogs.seen[0].startswith("Redigera")


def test_return_on_a_row_opens_the_edit_dialog_once(qtbot: QtBot, window: Any) -> None:
    panel = window.show_view("members").members
    click_row(qtbot, panel, _first_row_id(panel))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.view.setFocus()
    with DialogCounter() as dialogs:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
        qtbot.wait(200)
    assert len(dialogs.seen) == 1, dialogs.seen


def _visible_views(window: Any) -> list[str]:
    return [key for key, view in window.views.items() if view.isVisible()]


def _reopen_from(window: Any, qtbot: QtBot, how: str) -> None:
    """Close the file in the members view, then open it again from the recent list."""
    window.show_view("members")
    window.settings.save_window(window.saveGeometry(), window.saveState(), "members")
    window.close_file()
    assert window.stack.currentWidget() is window.welcome
    with qtbot.waitSignal(window.file_opened, timeout=15_000):
        if how == "welcome":
            recent = window.welcome.recent
            recent.setFocus()
            rect = recent.visualItemRect(recent.item(0))
            qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        else:
            window.recent_menu.actions()[0].trigger()
    qtbot.wait(100)  # let focus changes and queued paints happen


def test_opening_from_the_welcome_list_shows_the_restored_view_alone(
    qtbot: QtBot, window: Any
) -> None:
    """After opening from the welcome page's list, the restored view is the only one on screen
    (Översikt was painted over it until another view was clicked)."""
    _reopen_from(window, qtbot, "welcome")
    assert window.current_view_key() == "members"
    assert _visible_views(window) == ["members"]
    assert window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole) == "members"


def test_opening_from_the_recent_menu_shows_the_restored_view_alone(
    qtbot: QtBot, window: Any
) -> None:
    _reopen_from(window, qtbot, "menu")
    assert window.current_view_key() == "members"
    assert _visible_views(window) == ["members"]
    assert window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole) == "members"


def test_signers_are_offered_by_party_and_printed_with_their_own(
    qtbot: QtBot, window: Any, filled_path: Path, tmp_path: Path
) -> None:
    """The reservation is Vänsterpartiet's: V's members come first, everyone shows a party, and
    a member of M who signs it is printed "(M)" in the slutrapport, not "(V)"."""
    from tests.word_helpers import docx_text
    from utredning_app.services.exports import export_document

    view = window.show_view("dissents")
    click_row(qtbot, view.dissents, _first_row_id(view.dissents))
    dialog = view.members.make_add_dialog()
    assert dialog is not None
    combo = dialog.editors["member_id"].widget
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["Åsa Åberg (V)", "Anna Andersson (M)", "Östen Öberg (S)"]
    assert combo.currentText() == "Åsa Åberg (V)"  # the party's own member is the default
    choose_in_combo(qtbot, combo, "Anna Andersson (M)")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert view.members.apply_add(dialog)
    cell = view.members.proxy.index(0, 0).data()
    assert cell == "Anna Andersson (M)"

    out = tmp_path / "slutrapport.docx"
    export_document("slutrapport", filled_path, out)
    text = docx_text(out)
    assert "Anna Andersson (M)" in text
    assert "Anna Andersson (V)" not in text


def test_the_undo_menu_names_rows_by_their_label_not_their_id(qtbot: QtBot, window: Any) -> None:
    """A signer, a linked option and a weight are named as the table shows them."""
    view = window.show_view("dissents")
    click_row(qtbot, view.dissents, _first_row_id(view.dissents))
    dialog = view.members.make_add_dialog()
    assert dialog is not None
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert view.members.apply_add(dialog)
    assert window.undo_action.text() == "&Ångra Skapa Undertecknare «Åsa Åberg (V)»"
    view.members.delete_current(confirm=False)
    assert window.undo_action.text() == "&Ångra Ta bort Undertecknare «Åsa Åberg (V)»"

    view = window.show_view("assessments")
    dialog = view.weights.make_add_dialog()
    assert dialog is not None
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert view.weights.apply_add(dialog)
    assert window.undo_action.text() == "&Ångra Skapa Vikt «Legala aspekter»"


def test_a_duplicate_year_is_named_at_the_field_and_the_form_stays_open(
    qtbot: QtBot, window: Any, filled_path: Path
) -> None:
    from utredning_app.services import entities
    from utredning_app.storage.database import open_database

    panel = window.show_view("estimates").values
    assert panel.parent_id is not None
    dialog = panel.make_add_dialog()
    assert dialog is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    below = dialog.editors["low"].widget
    y_before = below.mapTo(dialog, below.rect().topLeft()).y()
    for key, text in {"year": "2024", "low": "1", "base": "2", "high": "3"}.items():
        line = dialog.editors[key].widget
        line.clear()
        qtbot.keyClicks(line, text)
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors["year"].text() == "År «2024» finns redan här. Välj ett annat värde."
    assert dialog.editors["base"].widget.text() == "2"  # the input is kept
    assert below.mapTo(dialog, below.rect().topLeft()).y() == y_before  # nothing jumped
    db = open_database(filled_path, read_only=True)
    try:
        assert len(entities.rows(db, "estimate_value", {"estimate_id": panel.parent_id})) == 1
    finally:
        db.close()

    line = dialog.editors["year"].widget
    line.clear()
    qtbot.keyClicks(line, "2025")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert panel.apply_add(dialog)


def test_a_score_typed_into_the_matrix_is_saved_without_qt_warnings(
    qtbot: QtBot, window: Any, filled_path: Path, ids: dict[str, Any]
) -> None:
    """Click a cell, type the score, press Return: as a person does. Qt used to print
    "commitData called with an editor that does not belong to this view" on every edit
    (the write reset the model while the editor was still being committed); Qt warnings
    fail GUI tests (qt_log_level_fail)."""
    from tests.gui.test_special_views import file_matrix

    view = window.show_view("assessments")
    table, model = view.table, view.model
    option, criterion = ids["options"][1], ids["criteria"][1]
    row = [o.id for o in model.matrix.options].index(option)
    col = [c.id for c in model.matrix.criteria].index(criterion)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for text in ("4", "2"):
        index = model.index(row, col)
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
        )
        qtbot.keyClicks(table, text)  # any key opens the editor with that key
        editor = QApplication.focusWidget()
        assert editor is not table
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(50)
        assert file_matrix(filled_path).score(option, criterion) == int(text)
        assert model.index(row, col).data() == text


def _activate(qtbot: QtBot, window: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_every_view_has_its_own_keys_shown_in_the_menu(qtbot: QtBot, window: Any) -> None:
    from PySide6.QtGui import QKeySequence

    from utredning_app.gui.views import VIEWS

    _activate(qtbot, window)
    seen: set[str] = set()
    for info in VIEWS:
        keys = window.view_actions[info.key].shortcut()
        assert not keys.isEmpty(), f"{info.key} has no shortcut"
        text = keys.toString(QKeySequence.SequenceFormat.PortableText)
        assert text not in seen
        seen.add(text)
        combination = keys[0]
        window.sidebar.setFocus()
        qtbot.keyClick(window.sidebar, combination.key(), combination.keyboardModifiers())
        assert window.current_view_key() == info.key, text
    assert len(seen) == len(VIEWS) > 9


def test_tab_leaves_a_table(qtbot: QtBot, window: Any) -> None:
    panel = window.show_view("members").members
    _activate(qtbot, window)
    click_row(qtbot, panel, _first_row_id(panel))
    assert QApplication.focusWidget() is panel.view
    qtbot.keyClick(panel.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not panel.view
    assert panel.current_id() == _first_row_id(panel)  # the row stayed where it was


def test_ctrl_return_saves_a_dialog_from_a_multiline_field(
    qtbot: QtBot, window: Any, filled_path: Path
) -> None:
    from tests.gui.conftest import read

    panel = window.show_view("notes").primary_panel()
    dialog = panel.make_add_dialog()
    assert dialog is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.editors["title"].widget, "Kostnader")  # keyClicks: ASCII only
    body = dialog.editors["body_md"].widget
    body.setFocus()
    qtbot.keyClicks(body, "Rad ett")
    qtbot.keyClick(body, Qt.Key.Key_Return)  # Return is a new line …
    qtbot.keyClicks(body, "rad tva")
    assert dialog.isVisible()
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # … Ctrl saves
    assert dialog.result() == QDialog.DialogCode.Accepted
    row_id = panel.apply_add(dialog)
    assert read(filled_path, "note", row_id)["body_md"] == "Rad ett\nrad tva"
