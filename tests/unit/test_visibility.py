"""The one rule for private content, shared by the archive and the reports."""

from __future__ import annotations

from utredning_app.domain.enums import Visibility
from utredning_app.domain.visibility import (
    REDACTED,
    HistoryEntry,
    is_private,
    is_private_row,
    shareable_history,
)


def test_only_whole_group_or_released_content_is_shared() -> None:
    assert not is_private(Visibility.GRUPPEN)
    assert is_private(Visibility.PRIVAT)
    assert is_private(Visibility.PARTI)
    assert not is_private(Visibility.PRIVAT, released=True)
    assert is_private("parti")
    assert not is_private("gruppen")


def test_rows_of_tables_without_visibility_are_never_private() -> None:
    assert not is_private_row("proposal", {"visibility": "privat"})
    assert is_private_row("note", {"visibility": "privat", "released": False})
    assert not is_private_row("note", {"visibility": "privat", "released": True})
    assert is_private_row("dissent", {"visibility": Visibility.PARTI})


def _e(i: int, table: str, row: str, **changes: list[object]) -> HistoryEntry:
    return HistoryEntry(f"e{i}", table, row, changes)


def test_history_keeps_what_was_shared_at_each_point() -> None:
    entries = [
        _e(1, "note", "n", body_md=[None, "HEMLIGT"], visibility=[None, "privat"]),
        _e(2, "note", "n", body_md=["HEMLIGT", "neutral"], visibility=["privat", "gruppen"]),
        _e(3, "note", "n", body_md=["neutral", "ny"]),
        _e(4, "proposal", "p", title=["a", "b"]),
    ]
    current = {"n": ("note", {"visibility": "gruppen", "released": False})}
    shown = shareable_history(entries, current)
    assert shown["e1"] is None
    assert shown["e2"] == {"body_md": [REDACTED, "neutral"], "visibility": ["privat", "gruppen"]}
    assert shown["e3"] == {"body_md": ["neutral", "ny"]}
    assert shown["e4"] == {"title": ["a", "b"]}


def test_history_of_a_row_private_now_stays_home() -> None:
    entries = [
        _e(1, "section", "s", body_md=[None, "x"], visibility=[None, "gruppen"]),
        _e(2, "section", "s", visibility=["gruppen", "parti"]),
    ]
    shown = shareable_history(entries, {"s": ("section", {"visibility": "parti"})})
    assert shown == {"e1": None, "e2": None}


def test_history_without_a_create_uses_the_row_as_it_is_now() -> None:
    entries = [_e(1, "note", "n", body_md=["gammal", "ny"])]
    assert shareable_history(entries, {"n": ("note", {"visibility": "gruppen"})})["e1"] == {
        "body_md": ["gammal", "ny"]
    }
    released = {"n": ("note", {"visibility": "privat", "released": True})}
    assert shareable_history(entries, released)["e1"] == {"body_md": ["gammal", "ny"]}
    assert shareable_history(entries, {})["e1"] is None  # nothing known: assume private


def test_signatories_follow_the_dissent_at_that_moment() -> None:
    entries = [
        _e(1, "dissent_member", "m1", dissent_id=[None, "d"], member_id=[None, "x"]),
        _e(2, "dissent", "d", text_md=[None, "t"], visibility=[None, "parti"]),
        _e(3, "dissent", "d", visibility=["parti", "gruppen"]),
        _e(4, "dissent_member", "m2", dissent_id=[None, "d"], member_id=[None, "y"]),
        _e(5, "dissent", "d", visibility=["gruppen", "privat"]),
        _e(6, "dissent_member", "m3", dissent_id=[None, "d"], member_id=[None, "z"]),
    ]
    current = {
        "d": ("dissent", {"visibility": "gruppen"}),
        "m1": ("dissent_member", {"dissent_id": "d"}),
        "m2": ("dissent_member", {"dissent_id": "d"}),
        "m3": ("dissent_member", {"dissent_id": "d"}),
    }
    shown = shareable_history(entries, current)
    assert shown["e1"] is None  # signed while the dissent was party-internal
    assert shown["e4"] is not None
    assert shown["e6"] is None
    private_now = {**current, "d": ("dissent", {"visibility": "parti"})}
    assert shareable_history(entries, private_now)["e4"] is None
