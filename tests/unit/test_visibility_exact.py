"""Exact cases of the privacy rule (domain/visibility.py): every branch, exact outputs."""

from __future__ import annotations

from utredning_app.domain.enums import Visibility
from utredning_app.domain.visibility import (
    PRIVATE_CHILDREN,
    PRIVATE_TABLES,
    REDACTED,
    HistoryEntry,
    is_private,
    is_private_row,
    shareable_history,
)


def _e(i: int, table: str, row: str, **changes: object) -> HistoryEntry:
    return HistoryEntry(f"e{i}", table, row, changes)


def test_constants_are_exact() -> None:
    assert PRIVATE_TABLES == ("section", "note", "dissent")
    assert PRIVATE_CHILDREN == {"dissent_member": ("dissent_id", "dissent")}
    assert REDACTED == "‹dolt: var inte delat›"


def test_is_private_defaults_and_odd_values() -> None:
    assert is_private(None) is True
    assert is_private("") is True
    assert is_private("privat") is True
    assert is_private("gruppen") is False
    assert is_private(Visibility.GRUPPEN, released=True) is False
    assert is_private(Visibility.PARTI, released=False) is True
    assert is_private(Visibility.PARTI, True) is False


def test_is_private_row_per_table_and_released_default() -> None:
    for table in ("section", "note", "dissent"):
        assert is_private_row(table, {"visibility": "parti"}) is True
        assert is_private_row(table, {"visibility": "gruppen"}) is False
        assert is_private_row(table, {"visibility": "parti", "released": 1}) is False
        assert is_private_row(table, {"visibility": "parti", "released": 0}) is True
        assert is_private_row(table, {}) is True
    assert is_private_row("dissent_member", {"visibility": "privat"}) is False
    assert is_private_row("proposal", {}) is False


def test_tables_without_visibility_pass_through_unchanged() -> None:
    entries = [
        _e(1, "proposal", "p", title=["hemlig?", "b"]),
        _e(2, "member", "m", name=[None, "x"]),
    ]
    assert shareable_history(entries, {}) == {
        "e1": {"title": ["hemlig?", "b"]},
        "e2": {"name": [None, "x"]},
    }


def test_shared_row_shows_all_its_history_exactly() -> None:
    entries = [
        _e(1, "section", "s", body_md=[None, "a"], visibility=[None, "gruppen"]),
        _e(2, "section", "s", body_md=["a", "b"]),
    ]
    current = {"s": ("section", {"visibility": "gruppen", "released": False})}
    assert shareable_history(entries, current) == {
        "e1": {"body_md": [None, "a"], "visibility": [None, "gruppen"]},
        "e2": {"body_md": ["a", "b"]},
    }


def test_redaction_spares_state_keys_empty_old_values_and_non_pairs() -> None:
    entries = [
        _e(1, "note", "n", body_md=[None, "x"], visibility=[None, "privat"]),
        _e(
            2,
            "note",
            "n",
            body_md=["x", "y"],
            title=["", "t"],
            extra=[None, "z"],
            odd=["a", "b", "c"],
            scalar="v",
            visibility=["privat", "gruppen"],
        ),
    ]
    current = {"n": ("note", {"visibility": "gruppen"})}
    shown = shareable_history(entries, current)
    assert shown["e1"] is None
    assert shown["e2"] == {
        "body_md": [REDACTED, "y"],
        "title": ["", "t"],
        "extra": [None, "z"],
        "odd": ["a", "b", "c"],
        "scalar": "v",
        "visibility": ["privat", "gruppen"],
    }


def test_release_of_a_private_note_redacts_old_values() -> None:
    entries = [
        _e(
            1, "note", "n", body_md=[None, "x"], visibility=[None, "privat"], released=[None, False]
        ),
        _e(2, "note", "n", body_md=["x", "y"], released=[False, True]),
        _e(3, "note", "n", body_md=["y", "z"]),
    ]
    current = {"n": ("note", {"visibility": "privat", "released": True})}
    assert shareable_history(entries, current) == {
        "e1": None,
        "e2": {"body_md": [REDACTED, "y"], "released": [False, True]},
        "e3": {"body_md": ["y", "z"]},
    }


def test_released_none_counts_as_not_released() -> None:
    entries = [_e(1, "note", "n", body_md=["a", "b"])]
    current = {"n": ("note", {"visibility": "privat", "released": None})}
    assert shareable_history(entries, current) == {"e1": None}


def test_delete_of_a_shared_row_leaves_and_of_a_private_row_stays() -> None:
    shared = [
        _e(1, "section", "s", body_md=[None, "a"], visibility=[None, "gruppen"]),
        _e(2, "section", "s", body_md=["a", None], visibility=["gruppen", None]),
    ]
    assert shareable_history(shared, {}) == {
        "e1": {"body_md": [None, "a"], "visibility": [None, "gruppen"]},
        "e2": {"body_md": ["a", None], "visibility": ["gruppen", None]},
    }
    private = [
        _e(1, "section", "s", body_md=[None, "a"], visibility=[None, "parti"]),
        _e(2, "section", "s", body_md=["a", None], visibility=["parti", None]),
    ]
    assert shareable_history(private, {}) == {"e1": None, "e2": None}


def test_unknown_old_state_before_first_visibility_change() -> None:
    # The first entry does not touch visibility; the second says it was "parti" before.
    entries = [
        _e(1, "dissent", "d", text_md=["a", "b"]),
        _e(2, "dissent", "d", visibility=["parti", "gruppen"]),
        _e(3, "dissent", "d", text_md=["b", "c"]),
    ]
    current = {"d": ("dissent", {"visibility": "gruppen"})}
    assert shareable_history(entries, current) == {
        "e1": None,
        "e2": {"visibility": ["parti", "gruppen"]},
        "e3": {"text_md": ["b", "c"]},
    }


def test_made_private_then_shared_again() -> None:
    entries = [
        _e(1, "section", "s", body_md=[None, "a"], visibility=[None, "gruppen"]),
        _e(2, "section", "s", visibility=["gruppen", "privat"]),
        _e(3, "section", "s", body_md=["a", "b"]),
        _e(4, "section", "s", visibility=["privat", "gruppen"]),
        _e(5, "section", "s", body_md=["b", "c"]),
    ]
    current = {"s": ("section", {"visibility": "gruppen"})}
    assert shareable_history(entries, current) == {
        "e1": {"body_md": [None, "a"], "visibility": [None, "gruppen"]},
        "e2": None,
        "e3": None,
        "e4": {"visibility": ["privat", "gruppen"]},
        "e5": {"body_md": ["b", "c"]},
    }


def test_entries_of_two_rows_are_judged_separately() -> None:
    entries = [
        _e(1, "note", "a", body_md=["x", "y"]),
        _e(2, "note", "b", body_md=["x", "y"]),
    ]
    current = {
        "a": ("note", {"visibility": "gruppen"}),
        "b": ("note", {"visibility": "parti"}),
    }
    assert shareable_history(entries, current) == {"e1": {"body_md": ["x", "y"]}, "e2": None}


def test_a_current_row_of_another_table_is_not_hidden() -> None:
    entries = [_e(1, "proposal", "p", title=["a", "b"])]
    current = {"p": ("proposal", {"visibility": "privat"})}
    assert shareable_history(entries, current) == {"e1": {"title": ["a", "b"]}}


# ---------------------------------------------------------------- signatories (children)


def test_signatory_parent_from_current_row_without_parent_entries() -> None:
    entries = [_e(1, "dissent_member", "m", member_id=["x", "y"])]
    shared = {
        "m": ("dissent_member", {"dissent_id": "d"}),
        "d": ("dissent", {"visibility": "gruppen"}),
    }
    assert shareable_history(entries, shared) == {"e1": {"member_id": ["x", "y"]}}
    private = {**shared, "d": ("dissent", {"visibility": "parti"})}
    assert shareable_history(entries, private) == {"e1": None}
    released = {**shared, "d": ("dissent", {"visibility": "parti", "released": True})}
    assert shareable_history(entries, released) == {"e1": {"member_id": ["x", "y"]}}
    no_parent_row = {"m": ("dissent_member", {"dissent_id": "d"})}
    assert shareable_history(entries, no_parent_row) == {"e1": None}


def test_signatory_without_any_parent_stays_home() -> None:
    entries = [_e(1, "dissent_member", "m", member_id=["x", "y"])]
    assert shareable_history(entries, {}) == {"e1": None}
    empty_parent = {"m": ("dissent_member", {"dissent_id": ""})}
    assert shareable_history(entries, empty_parent) == {"e1": None}


def test_signatory_parent_found_in_its_own_entries() -> None:
    current = {"d": ("dissent", {"visibility": "gruppen"})}
    created = [_e(1, "dissent_member", "m", dissent_id=[None, "d"])]
    assert shareable_history(created, current) == {"e1": {"dissent_id": [None, "d"]}}
    deleted = [_e(1, "dissent_member", "m", dissent_id=["d", None])]
    assert shareable_history(deleted, current) == {"e1": {"dissent_id": ["d", None]}}
    neither = [_e(1, "dissent_member", "m", dissent_id=[None, None])]
    assert shareable_history(neither, current) == {"e1": None}
    # a later entry names it when the first does not
    later = [
        _e(1, "dissent_member", "m", member_id=["a", "b"]),
        _e(2, "dissent_member", "m", dissent_id=[None, "d"]),
    ]
    assert shareable_history(later, current) == {
        "e1": {"member_id": ["a", "b"]},
        "e2": {"dissent_id": [None, "d"]},
    }


def test_signatory_parent_hidden_now_wins_over_history() -> None:
    entries = [
        _e(1, "dissent", "d", visibility=[None, "gruppen"]),
        _e(2, "dissent_member", "m", dissent_id=[None, "d"]),
    ]
    current = {"d": ("dissent", {"visibility": "privat"})}
    assert shareable_history(entries, current) == {"e1": None, "e2": None}


def test_signatory_written_before_the_parents_create_in_the_same_flush() -> None:
    shared = [
        _e(1, "dissent_member", "m", dissent_id=[None, "d"]),
        _e(2, "dissent", "d", visibility=[None, "gruppen"]),
    ]
    current = {"d": ("dissent", {"visibility": "gruppen"})}
    assert shareable_history(shared, current) == {
        "e1": {"dissent_id": [None, "d"]},
        "e2": {"visibility": [None, "gruppen"]},
    }
    # the parent's first entry is not a create: its state before counts
    before_change = [
        _e(1, "dissent_member", "m", dissent_id=[None, "d"]),
        _e(2, "dissent", "d", visibility=["parti", "gruppen"]),
    ]
    assert shareable_history(before_change, current)["e1"] is None
    before_shared = [
        _e(1, "dissent_member", "m", dissent_id=[None, "d"]),
        _e(2, "dissent", "d", visibility=["gruppen", "gruppen"]),
    ]
    assert shareable_history(before_shared, current)["e1"] == {"dissent_id": [None, "d"]}


def test_signatory_after_the_parents_delete_uses_its_state_before() -> None:
    entries = [
        _e(1, "dissent", "d", visibility=[None, "gruppen"]),
        _e(2, "dissent", "d", visibility=["gruppen", None]),
        _e(3, "dissent_member", "m", dissent_id=["d", None]),
    ]
    assert shareable_history(entries, {})["e3"] == {"dissent_id": ["d", None]}
    private = [
        _e(1, "dissent", "d", visibility=[None, "parti"]),
        _e(2, "dissent", "d", visibility=["parti", None]),
        _e(3, "dissent_member", "m", dissent_id=["d", None]),
    ]
    assert shareable_history(private, {})["e3"] is None


def test_signatory_follows_the_latest_earlier_parent_entry() -> None:
    entries = [
        _e(1, "dissent", "d", visibility=[None, "parti"]),
        _e(2, "dissent", "d", visibility=["parti", "gruppen"]),
        _e(3, "dissent_member", "m", dissent_id=[None, "d"]),
    ]
    current = {"d": ("dissent", {"visibility": "gruppen"})}
    assert shareable_history(entries, current)["e3"] == {"dissent_id": [None, "d"]}


def test_the_current_visibility_counts_after_the_last_logged_change() -> None:
    # The log says the section went private; the row is shared now (a change not logged).
    entries = [
        _e(1, "section", "s", visibility=["gruppen", "privat"]),
        _e(2, "section", "s", body_md=["a", "b"]),
    ]
    current = {"s": ("section", {"visibility": "gruppen"})}
    assert shareable_history(entries, current) == {
        "e1": None,
        "e2": {"body_md": [REDACTED, "b"]},
    }


def test_a_visibility_known_only_later_holds_since_the_start() -> None:
    entries = [
        _e(1, "note", "n", body_md=["a", "b"], released=[False, True]),
        _e(2, "note", "n", visibility=["privat", "gruppen"]),
    ]
    current = {"n": ("note", {"visibility": "gruppen", "released": True})}
    assert shareable_history(entries, current) == {
        "e1": {"body_md": [REDACTED, "b"], "released": [False, True]},
        "e2": {"visibility": ["privat", "gruppen"]},
    }


def test_a_released_flag_known_only_from_the_log_holds_until_now() -> None:
    entries = [
        _e(
            1, "note", "n", body_md=[None, "a"], visibility=[None, "privat"], released=[None, False]
        ),
        _e(2, "note", "n", released=[False, True]),
        _e(3, "note", "n", body_md=["a", "b"]),
    ]
    assert shareable_history(entries, {}) == {
        "e1": None,
        "e2": {"released": [False, True]},
        "e3": {"body_md": ["a", "b"]},
    }
