"""The change record (domain.changes) and the Swedish table words (domain.vocabulary)."""

from __future__ import annotations

import pytest

from utredning_app.domain.changes import Change, RowChange
from utredning_app.domain.vocabulary import DOCUMENT_TITLES, ITEM_NAMES, TABLE_LABELS


def test_row_change_defaults() -> None:
    row = RowChange("proposal", "p1", "created")
    assert row.fields == {}
    assert row == RowChange("proposal", "p1", "created", {})


def test_empty_change() -> None:
    change = Change()
    assert change.rows == ()
    assert change.value is None
    assert change.extra_tables == frozenset()
    assert change.tables == frozenset()
    assert change.undoable is False
    with pytest.raises(ValueError, match=r"^Ändringen går inte att ångra\.$"):
        change.revert()


def test_tables_are_rows_and_extra_tables() -> None:
    change = Change(
        rows=(
            RowChange("proposal", "p1", "updated", {"title": ("a", "b")}),
            RowChange("proposal", "p2", "deleted"),
            RowChange("stance", "s1", "created"),
        ),
        extra_tables=frozenset({"audit_entry"}),
    )
    assert change.tables == frozenset({"proposal", "stance", "audit_entry"})
    assert Change(extra_tables=frozenset({"x"})).tables == frozenset({"x"})


def test_revert_and_redo_are_the_same_call() -> None:
    calls: list[str] = []

    def redo() -> Change:
        calls.append("redo")
        return Change(rows=(RowChange("note", "n", "created"),), undo=undo, value="n")

    def undo() -> Change:
        calls.append("undo")
        return Change(rows=(RowChange("note", "n", "deleted"),), undo=redo)

    done = Change(rows=(RowChange("note", "n", "created"),), undo=undo, value="n")
    assert done.undoable is True
    undone = done.revert()
    assert undone.rows == (RowChange("note", "n", "deleted"),)
    again = undone.revert()
    assert again.value == "n"
    assert calls == ["undo", "redo"]
    # undo is not part of equality
    assert done == Change(rows=(RowChange("note", "n", "created"),), value="n")


def test_vocabulary_words() -> None:
    assert TABLE_LABELS["proposal"] == "Förslag"
    assert TABLE_LABELS["dissent"] == "Reservationer och särskilda yttranden"
    assert TABLE_LABELS["audit_entry"] == "Ändringslogg"
    assert len(TABLE_LABELS) == 29
    assert ITEM_NAMES["assessment"] == "bedömning"
    assert set(ITEM_NAMES) <= set(TABLE_LABELS)
    assert DOCUMENT_TITLES == {
        "delrapport": "Delrapport",
        "slutrapport": "Slutrapport",
        "remissammanstallning": "Remissammanställning",
        "tjansteutlatande": "Tjänsteutlåtande",
    }
    assert all(v and v == v.strip() for v in [*TABLE_LABELS.values(), *ITEM_NAMES.values()])
