"""services/edits.py: every edit returns a change record whose revert undoes it, and whose
revert's revert redoes it (the GUI's one generic undo step), each in its own transaction."""

from __future__ import annotations

import pytest

from utredning_app.errors import UserError
from utredning_app.services import edits, entities
from utredning_app.storage.database import Database


def _live(db: Database, table: str) -> list[str]:
    return [row["id"] for row in entities.rows(db, table)]


def test_create_is_undone_by_a_delete_and_redone_as_the_same_row(db: Database) -> None:
    change = edits.create(db, "party", {"abbreviation": "S", "name": "Socialdemokraterna"})
    row_id = change.value
    assert change.tables == {"party"}
    assert change.rows[0].kind == "created"
    assert change.rows[0].fields["name"] == (None, "Socialdemokraterna")
    undone = change.revert()
    assert row_id not in _live(db, "party")
    assert undone.rows[0].kind == "deleted"
    redone = undone.revert()
    assert row_id in _live(db, "party") and redone.rows[0].kind == "restored"


def test_update_records_before_and_after_and_undo_writes_the_old_value(db: Database) -> None:
    row_id = edits.create(db, "party", {"abbreviation": "V", "name": "Vänster"}).value
    change = edits.update(db, "party", row_id, {"name": "Vänsterpartiet"})
    assert change.rows[0].fields == {"name": ("Vänster", "Vänsterpartiet")}
    undone = change.revert()
    assert entities.get(db, "party", row_id)["name"] == "Vänster"
    assert undone.rows[0].fields == {"name": ("Vänsterpartiet", "Vänster")}
    undone.revert()
    assert entities.get(db, "party", row_id)["name"] == "Vänsterpartiet"


def test_a_refused_edit_raises_and_records_nothing(db: Database) -> None:
    before = _live(db, "party")
    with pytest.raises(UserError):
        edits.create(db, "party", {"abbreviation": "", "name": ""})
    assert _live(db, "party") == before


def test_delete_is_undone_by_a_restore(db: Database) -> None:
    row_id = edits.create(db, "party", {"abbreviation": "C", "name": "Centerpartiet"}).value
    change = edits.delete(db, "party", row_id)
    assert row_id not in _live(db, "party")
    change.revert()
    assert row_id in _live(db, "party")
