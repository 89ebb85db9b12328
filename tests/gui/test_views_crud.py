"""Every view's tables: create, edit, delete, undo and redo through the real dialogs and undo
stack, with the file re-read after each step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import read

# (view key, panel attribute or None for the view's first panel, field to type, first, second)
CASES = [
    ("overview", "milestones", "title", "Remissmöte", "Remissmöte flyttat"),
    ("members", "members", "name", "Örjan Östlund", "Örjan Öst"),
    ("members", "parties", "name", "Kristdemokraterna", "KD"),
    ("providers", None, "name", "S:t Eriks Ögonsjukhus AB", "S:t Eriks"),
    ("options", None, "name", "Regiondirektörsmodell", "Ny modell"),
    ("assessments", "criteria", "name", "Ekonomi", "Ekonomisk hållbarhet"),
    ("estimates", "estimates", "name", "Årlig kostnad för nämnd", "Nämndkostnad"),
    ("estimates", "values", "year", "2025", "2026"),
    ("proposals", None, "title", "Avveckla bolagen", "Avveckla två bolag"),
    ("reports", "reports", "title", "Slutrapport", "Slutrapport 2"),
    ("reports", "sections", "title", "Bakgrund", "Bakgrund och nuläge"),
    ("remiss", "rounds", "name", "Andra remissrundan", "Andra omgången"),
    ("remiss", "consultees", "name", "Locum AB", "Locum"),
    ("remiss", "responses", "their_reference", "LOC 2023-12", "LOC 2023-13"),
    ("remiss", "stances", "comment_md", "Bra förslag.", "Mycket bra förslag."),
    ("dissents", None, "title", "Särskilt yttrande (C)", "Yttrande (C)"),
    ("assessments", "profiles", "name", "Centerpartiets vikter", "C:s vikter"),
    ("assessments", "weights", "weight", "2", "0,5"),
    ("notes", None, "title", "Fråga till sekretariatet", "Fråga om kostnader"),
]

# Other required fields, per table.
EXTRA: dict[str, dict[str, str]] = {
    "milestone": {"due_date": "2031-05-05"},
    "estimate_value": {"low": "1", "base": "2", "high": "3"},
    "party": {"abbreviation": "KD"},
    "governance_option": {"code": "A9"},
    "section": {"key": "bakgrund"},
}
# What the file holds for a typed value, where it differs from the text.
STORED = {"2": "2.0", "0,5": "0.5"}


def _panel(window: Any, view_key: str, attr: str | None) -> Any:
    view = window.show_view(view_key)
    return getattr(view, attr) if attr else view.primary_panel()


def _fill(dialog: Any, values: dict[str, str]) -> None:
    """Put text into line edits as typed text (parsed by the dialog); set other widgets."""
    from PySide6.QtWidgets import QLineEdit

    for key, text in values.items():
        editor = dialog.editors[key]
        if isinstance(editor.widget, QLineEdit):
            editor.widget.setText(text)
        else:
            editor.set_value(text)


def _save(dialog: Any) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted, [
        label.text() for label in dialog.errors.values() if label.text()
    ]


def _value(row: dict[str, Any], key: str) -> str:
    return str(row[key])


def _stored(text: str) -> str:
    return STORED.get(text, text)


@pytest.mark.parametrize(("view_key", "attr", "key", "first", "second"), CASES)
def test_create_edit_delete_undo_redo(
    qtbot: QtBot,
    message_boxes: list[str],
    window: Any,
    filled_path: Path,
    view_key: str,
    attr: str | None,
    key: str,
    first: str,
    second: str,
) -> None:
    panel = _panel(window, view_key, attr)
    table = panel.spec.table
    stack = window.workspace.undo_stack

    # create
    dialog = panel.make_add_dialog()
    assert dialog is not None, "Ny must be possible"
    extra = EXTRA.get(table, {})
    if table == "stance":  # the populated response already has a stance on the only proposal
        window.workspace.delete("stance", panel.current_id(), "förbered")
        dialog = panel.make_add_dialog()
    _fill(dialog, {key: first, **extra})
    _save(dialog)
    row_id = panel.apply_add(dialog)
    assert row_id
    assert _value(read(filled_path, table, row_id), key) == _stored(first)
    assert panel.current_id() == row_id

    # edit
    dialog = panel.make_edit_dialog()
    _fill(dialog, {key: second})
    _save(dialog)
    assert panel.apply_edit(dialog)
    assert _value(read(filled_path, table, row_id), key) == _stored(second)

    # delete
    panel.delete_current(confirm=False)
    assert read(filled_path, table, row_id)["deleted_at"] is not None
    assert panel.model.find(row_id) == -1

    # undo ×3: restore, old value, gone
    window.undo_action.trigger()
    assert read(filled_path, table, row_id)["deleted_at"] is None
    assert panel.model.find(row_id) >= 0
    window.undo_action.trigger()
    assert _value(read(filled_path, table, row_id), key) == _stored(first)
    window.undo_action.trigger()
    assert read(filled_path, table, row_id)["deleted_at"] is not None

    # redo ×3: back, edited, deleted
    window.redo_action.trigger()
    assert read(filled_path, table, row_id)["deleted_at"] is None
    window.redo_action.trigger()
    assert _value(read(filled_path, table, row_id), key) == _stored(second)
    window.redo_action.trigger()
    assert read(filled_path, table, row_id)["deleted_at"] is not None
    assert stack.canUndo() and not stack.canRedo()

    assert message_boxes == []
    # the audit log records the user from the settings
    audit = read_actor_entries(filled_path, "Tina Testare (S, Ledamot)")
    assert audit >= 9


def read_actor_entries(path: Path, actor: str) -> int:
    from utredning_app.services.audit_query import AuditFilter, count_entries
    from utredning_app.storage.database import open_database

    db = open_database(path, read_only=True)
    try:
        return count_entries(db, AuditFilter(actor=actor))
    finally:
        db.close()


def test_impossible_value_is_explained_at_the_field_and_not_written(
    qtbot: QtBot, window: Any, filled_path: Path
) -> None:
    panel = _panel(window, "providers", None)
    before = panel.model.total
    dialog = panel.make_add_dialog()
    _fill(dialog, {"name": "Nytt bolag", "employees": "-5"})
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors["employees"].text() == "Antal anställda kan inte vara negativt."
    assert not dialog.errors["employees"].isHidden()
    _fill(dialog, {"employees": "tolv"})
    assert "heltal" in dialog.errors["employees"].text()
    dialog.reject()
    panel.reload()
    assert panel.model.total == before


def test_round_with_deadline_before_sending_is_refused(qtbot: QtBot, window: Any) -> None:
    panel = _panel(window, "remiss", "rounds")
    dialog = panel.make_add_dialog()
    _fill(dialog, {"name": "R", "sent_date": "2024-05-01", "deadline": "2024-04-01"})
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "före utskicksdagen" in dialog.errors["deadline"].text()


LINKS = [
    ("proposals", "options", "option_id"),
    ("remiss", "round_proposals", "proposal_id"),
    ("dissents", "members", "member_id"),
]


@pytest.mark.parametrize(("view_key", "attr", "key"), LINKS)
def test_link_tables_create_delete_undo_redo(
    qtbot: QtBot, window: Any, filled_path: Path, view_key: str, attr: str, key: str
) -> None:
    panel = _panel(window, view_key, attr)
    assert panel.parent_id is not None, "the master row is selected on open"
    dialog = panel.make_add_dialog()
    combo = dialog.editors[key].widget
    assert combo.count() >= 1
    combo.setCurrentIndex(combo.count() - 1)
    _save(dialog)
    row_id = panel.apply_add(dialog)
    row = read(filled_path, panel.spec.table, row_id)
    assert row[key] == combo.itemData(combo.count() - 1)
    assert row[panel.spec.parent_key] == panel.parent_id
    panel.delete_current(confirm=False)
    assert read(filled_path, panel.spec.table, row_id)["deleted_at"] is not None
    window.undo_action.trigger()
    assert read(filled_path, panel.spec.table, row_id)["deleted_at"] is None
    window.undo_action.trigger()
    assert read(filled_path, panel.spec.table, row_id)["deleted_at"] is not None
    window.redo_action.trigger()
    assert read(filled_path, panel.spec.table, row_id)["deleted_at"] is None


def test_quotes_of_a_response(qtbot: QtBot, window: Any, filled_path: Path) -> None:
    panel = _panel(window, "remiss", "quotes")
    dialog = panel.make_add_dialog()
    _fill(dialog, {"text": ""})
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.errors["text"].text() == "Citat måste fyllas i."
    _fill(dialog, {"text": "Nämnden tillstyrker förslaget."})
    _save(dialog)
    row_id = panel.apply_add(dialog)
    assert read(filled_path, "quote", row_id)["text"] == "Nämnden tillstyrker förslaget."
    window.undo_action.trigger()
    assert read(filled_path, "quote", row_id)["deleted_at"] is not None
