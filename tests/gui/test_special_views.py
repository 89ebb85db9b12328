"""The views that are more than tables: the matrix, the text editor, the audit log, the
overview; plus file handling, settings and lazy loading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.conftest import read
from utredning_app.services.assessments import matrix
from utredning_app.storage.database import open_database


def file_matrix(path: Path) -> Any:
    db = open_database(path, read_only=True)
    try:
        return matrix(db)
    finally:
        db.close()


def test_matrix_scores_are_edited_in_place_with_undo(
    qtbot: QtBot, window: Any, filled_path: Path, ids: dict[str, Any]
) -> None:
    view = window.show_view("assessments")
    model = view.model
    option, criterion = ids["options"][1], ids["criteria"][1]
    row = [o.id for o in model.matrix.options].index(option)
    col = [c.id for c in model.matrix.criteria].index(criterion)
    index = model.index(row, col)
    assert model.setData(index, "4", Qt.ItemDataRole.EditRole)
    assert file_matrix(filled_path).score(option, criterion) == 4
    assert model.index(row, col).data() == "4"
    assert model.index(row, col).data(Qt.ItemDataRole.BackgroundRole) is not None

    # outside the scale: refused with the reason next to the matrix, file unchanged
    assert not model.setData(model.index(row, col), "9", Qt.ItemDataRole.EditRole)
    assert view.error_label.text() == "Poängen måste ligga på skalan 1–5."
    assert not view.error_label.isHidden()
    assert not model.setData(model.index(row, col), "mycket", Qt.ItemDataRole.EditRole)
    assert file_matrix(filled_path).score(option, criterion) == 4

    assert model.setData(model.index(row, col), "2,5", Qt.ItemDataRole.EditRole)
    assert file_matrix(filled_path).score(option, criterion) == 2.5
    window.undo_action.trigger()
    assert file_matrix(filled_path).score(option, criterion) == 4
    window.undo_action.trigger()
    assert file_matrix(filled_path).score(option, criterion) is None
    assert model.index(row, col).data() == ""
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert file_matrix(filled_path).score(option, criterion) == 2.5


def test_section_text_is_saved_as_markdown_with_undo(
    qtbot: QtBot, window: Any, filled_path: Path, ids: dict[str, Any]
) -> None:
    view = window.show_view("reports")
    assert view.section_id == ids["section"]
    editor = view.editor
    assert "en nämnd" in editor.edit.toPlainText()
    cursor = editor.edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    editor.edit.insertPlainText("\nNytt stycke om omvårdnad.")
    assert view.save()
    body = read(filled_path, "section", ids["section"])["body_md"]
    assert body == "Utredningen föreslår **en nämnd**.\n\nNytt stycke om omvårdnad.\n"
    assert not view.save()  # nothing changed: no second write, no undo step
    window.undo_action.trigger()
    assert read(filled_path, "section", ids["section"])["body_md"] == (
        "Utredningen föreslår **en nämnd**.\n"
    )
    assert "omvårdnad" not in editor.edit.toPlainText()
    window.redo_action.trigger()
    assert "omvårdnad" in editor.edit.toPlainText()


def test_formatting_buttons_produce_the_markdown_subset(qtbot: QtBot, window: Any) -> None:
    view = window.show_view("reports")
    editor = view.editor
    editor.set_markdown("")
    editor.edit.insertPlainText("Rubrik")
    editor.set_heading(2)
    cursor = editor.edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    editor.edit.insertPlainText("\n")
    editor.set_heading(0)
    editor.toggle_bold()
    editor.edit.insertPlainText("fet")
    assert editor.markdown() == "## Rubrik\n\n**fet**\n"


def test_heading_shortcuts_work_in_the_editor_and_view_shortcuts_outside(
    qtbot: QtBot, window: Any
) -> None:
    """Ctrl+digit switches views; in the editor Ctrl+Alt+digit sets the paragraph style.

    The editor once used Ctrl+1..3 too: an ambiguous shortcut that did nothing at all.
    """
    view = window.show_view("reports")
    editor = view.editor
    editor.set_markdown("Rubrik")
    editor.edit.setFocus()
    qtbot.waitUntil(editor.edit.hasFocus)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(editor.edit, Qt.Key.Key_2, ctrl_alt)
    assert editor.markdown() == "## Rubrik\n"
    qtbot.keyClick(editor.edit, Qt.Key.Key_0, ctrl_alt)
    assert editor.markdown() == "Rubrik\n"
    qtbot.keyClick(editor.edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.views["overview"]


def test_overview_edits_the_uppdrag_with_undo(qtbot: QtBot, window: Any, filled_path: Path) -> None:
    view = window.show_view("overview")
    dialog = view.make_investigation_dialog()
    dialog.editors["diarienummer"].widget.setText("RS 2099-0002")
    dialog.editors["score_max"].widget.setText("0")
    dialog._try_accept()
    assert "större än det lägsta" in dialog.errors["score_max"].text()
    dialog.editors["score_max"].widget.setText("7")
    dialog._try_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert view.apply_investigation(dialog)
    row = read(filled_path, "investigation", str(dialog.property("row_id")))
    assert (row["diarienummer"], row["score_max"]) == ("RS 2099-0002", 7)
    assert "RS 2099-0002" in view.facts_label.text()
    window.undo_action.trigger()
    row = read(filled_path, "investigation", str(dialog.property("row_id")))
    assert (row["diarienummer"], row["score_max"]) == ("RS 2099-0001", 5)


def test_views_reload_only_for_the_tables_they_show(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A score or a stance does not re-query the overview; a milestone does."""
    overview = window.show_view("overview")
    assessments = window.show_view("assessments")
    reloads: list[str] = []
    for name, view in (("overview", overview), ("assessments", assessments)):
        monkeypatch.setattr(view, "reload", lambda name=name: reloads.append(name))
    window.workspace.changed.emit(frozenset({"assessment"}), None)
    assert reloads == ["assessments"]
    reloads.clear()
    window.workspace.changed.emit(frozenset({"stance", "quote"}), None)
    assert reloads == []
    window.workspace.changed.emit(frozenset({"milestone"}), None)
    assert reloads == ["overview"]
    reloads.clear()
    # the view that wrote (or a widget inside it) has shown its change already: no reload
    window.workspace.changed.emit(frozenset({"assessment"}), assessments)
    window.workspace.changed.emit(frozenset({"assessment"}), assessments.panels[0])
    assert reloads == []


def test_audit_view_filters_by_person_item_and_text(qtbot: QtBot, window: Any) -> None:
    view = window.show_view("audit")
    everything = view.model.total
    assert everything > 20
    window.show_view("members").members.delete_current(confirm=False)
    view = window.show_view("audit")
    assert view.model.total == everything + 1
    assert view.model.row(0)["actor"] == "Tina Testare (S, Ledamot)"
    view.actor_combo.setCurrentIndex(view.actor_combo.findData("Tina Testare (S, Ledamot)"))
    assert view.model.total == 1
    view.actor_combo.setCurrentIndex(0)
    view.table_combo.setCurrentIndex(view.table_combo.findData("party"))
    assert view.model.total == 4
    view.text_edit.setText("Vänster")
    view.reload()
    assert view.model.total == 1


def test_sorting_uses_swedish_collation(qtbot: QtBot, window: Any) -> None:
    panel = window.show_view("members").members
    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert names == ["Anna Andersson", "Åsa Åberg", "Östen Öberg"]


def test_filter_narrows_the_table(qtbot: QtBot, window: Any) -> None:
    panel = window.show_view("members").members
    panel.filter_edit.setText("öberg")
    assert panel.proxy.rowCount() == 1


def test_file_that_fails_to_open_shows_its_message_and_app_stays_usable(
    qtbot: QtBot, window: Any, tmp_path: Path, message_boxes: list[str], filled_path: Path
) -> None:
    bad = tmp_path / "inte-en-utredning.utredning"
    bad.write_text("hej", encoding="utf-8")
    window.open_path(bad)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10_000)
    assert "inte en utredningsfil" in message_boxes[0]
    # the open file is still open and editable
    assert window.workspace is not None and window.workspace.db.path == filled_path
    assert window.show_view("members") is not None


def test_title_recent_files_and_identity_persist(
    qtbot: QtBot, window: Any, filled_path: Path
) -> None:
    from utredning_app.gui.settings import AppSettings

    assert filled_path.name in window.windowTitle()
    assert AppSettings().recent_files()[0] == filled_path.resolve()
    assert AppSettings().identity().actor == "Tina Testare (S, Ledamot)"
    assert window.recent_menu.actions()[0].text().endswith(filled_path.name)


def test_save_copy_writes_a_consistent_copy(
    qtbot: QtBot, window: Any, tmp_path: Path, filled_path: Path
) -> None:
    target = tmp_path / "kopia.utredning"
    task = window.save_copy_to(target)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    db = open_database(target, read_only=True)
    try:
        from utredning_app.services import entities

        assert entities.count(db, "member") == 3
    finally:
        db.close()


def test_save_copy_adds_the_file_suffix_and_asks_before_replacing(
    qtbot: QtBot, window: Any, tmp_path: Path, message_boxes: list[str]
) -> None:
    """Typing "kopia" in Qt's dialog once wrote a file without .utredning (hidden by Öppna)."""
    task = window.save_copy_to(tmp_path / "kopia")
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert not (tmp_path / "kopia").exists()
    assert (tmp_path / "kopia.utredning").is_file()
    assert message_boxes == []
    task = window.save_copy_to(tmp_path / "kopia")  # the name with the suffix exists now
    assert message_boxes and "kopia.utredning finns redan" in message_boxes[0]
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass


def test_new_investigation_is_created_and_opened(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    target = tmp_path / "ny.utredning"
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.create_file(target, "Ny utredning om vårdval", "RS 2030-1")
    assert window.workspace.db.path == target
    assert window.views["overview"].title_label.text() == "Ny utredning om vårdval"


def test_every_registered_view_opens(qtbot: QtBot, window: Any) -> None:
    from utredning_app.gui.views import VIEWS

    for info in VIEWS:
        view = window.show_view(info.key)
        assert window.stack.currentWidget() is view
        assert window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole) == info.key


def test_window_state_and_last_view_persist(qtbot: QtBot, window: Any, filled_path: Path) -> None:
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.gui.settings import AppSettings

    window.show_view("remiss")
    window.close()
    settings = AppSettings()
    assert settings.last_view() == "remiss"
    assert settings.geometry() is not None
    again = MainWindow(settings, ask_identity=False)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.file_opened, timeout=10_000):
        again.open_path(filled_path)
    assert again.current_view_key() == "remiss"


def test_cancelled_open_leaves_the_current_file(
    qtbot: QtBot, window: Any, demo_path: Path, filled_path: Path
) -> None:
    task = window.open_path(demo_path)
    task.cancel()
    qtbot.waitUntil(lambda: not task.is_running(), timeout=10_000)
    qtbot.wait(50)
    assert window.workspace.db.path == filled_path


def test_remiss_answers_view_hosts_the_workbench(qtbot: QtBot, window: Any) -> None:
    view = window.show_view("remiss_answers")
    assert view.workbench.count() == 4
    seen: list[frozenset[str]] = []
    window.workspace.changed.connect(lambda tables, _initiator: seen.append(tables))
    view.workbench.changed.emit(frozenset({"stance"}))
    assert seen == [frozenset({"stance"})]


def test_locked_file_offers_read_only(
    qtbot: QtBot, window: Any, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from utredning_app.gui import file_safety
    from utredning_app.storage.lock import lock_path_for

    # Another computer has the file open for writing.
    lock_path_for(demo_path).write_text(
        json.dumps(
            {"user": "bertil", "host": "bertils-laptop", "pid": 4242, "since": "2026-01-02T03:04"}
        ),
        encoding="utf-8",
    )
    asked: list[str] = []

    def choose(_parent: object, error: Any, _file_name: str | None = None) -> Any:
        asked.append(error.message)
        return file_safety.LockedChoice.READ_ONLY

    monkeypatch.setattr(file_safety, "ask_when_locked", choose)
    with qtbot.waitSignal(window.file_opened, timeout=15_000):
        window.open_path(demo_path)
    assert asked and "bertils-laptop" in asked[0]
    assert window.workspace.db.read_only
    assert "skrivskyddad" in window.windowTitle()


def test_matrix_columns_fit_the_longest_word_of_a_criterion(
    qtbot: QtBot, window: Any, filled_path: Path
) -> None:
    """A long one-word criterion name was clipped at both ends in a stretched column."""
    from utredning_app.services import entities

    window.resize(window.minimumSize())  # a small laptop screen
    view = window.show_view("assessments")
    name = "Omvårdnadsperspektivet"
    for kind in ("nursing", "cost", "quality", "capacity"):
        entities.create(window.workspace.db, "criterion", {"name": name, "kind": kind})
    view.reload()
    qtbot.wait(50)
    header = view.table.horizontalHeader()
    column = next(i for i, c in enumerate(view.model.matrix.criteria) if c.label == name)
    assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(name)
