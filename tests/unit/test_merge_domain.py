"""The pure part of merging (domain/merge.py): versions, the three-way decision, text merge."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.merge import (
    Decision,
    Side,
    Version,
    decide,
    legacy_version,
    merge_text,
    plan_merge,
    value_hash,
)


def _side(
    replica: str,
    vector: dict[str, int],
    value: Any,
    field: tuple[Version, str] | None = None,
) -> Side:
    rows = {
        "t": {
            "r": {"id": "r", "x": value, "deleted_at": None, "updated_at": None, "updated_by": ""}
        }
    }
    fields = {("t", "r"): {"x": field}} if field else {}
    return Side(replica, vector, rows, {}, fields)


def test_legacy_versions_depend_on_the_value_only() -> None:
    assert legacy_version("a") == legacy_version("a")
    assert legacy_version("a") != legacy_version("b")
    assert legacy_version("a").is_legacy and not Version(5, "r").is_legacy
    assert value_hash(1) != value_hash("1")


def test_untouched_legacy_fields_agree() -> None:
    assert decide(_side("A", {}, "v"), _side("B", {}, "v"), "t", "r", "x") is Decision.KEEP


def test_a_change_after_the_upgrade_descends_from_the_legacy_value() -> None:
    mine = _side("A", {}, "old")
    theirs = _side("B", {"B": 10}, "new", (Version(10, "B"), value_hash("old")))
    assert decide(mine, theirs, "t", "r", "x") is Decision.TAKE
    assert decide(theirs, mine, "t", "r", "x") is Decision.KEEP


def test_two_legacy_values_that_differ_are_both_changed() -> None:
    assert decide(_side("A", {}, "a"), _side("B", {}, "b"), "t", "r", "x") is Decision.BOTH


def test_version_vectors_decide_who_has_seen_what() -> None:
    mine = _side("A", {"A": 5, "B": 3}, "a", (Version(5, "A"), ""))
    theirs_old = _side("B", {"B": 3}, "b", (Version(3, "B"), ""))
    assert decide(mine, theirs_old, "t", "r", "x") is Decision.KEEP
    theirs_new = _side("B", {"B": 7, "A": 5}, "c", (Version(7, "B"), ""))
    assert decide(mine, theirs_new, "t", "r", "x") is Decision.TAKE
    concurrent = _side("B", {"B": 7}, "c", (Version(7, "B"), ""))
    assert decide(mine, concurrent, "t", "r", "x") is Decision.BOTH


def test_text_merges_paragraph_by_paragraph() -> None:
    base = "ett\n\ntvå\n\ntre"
    assert merge_text(base, "ETT\n\ntvå\n\ntre", "ett\n\ntvå\n\nTRE") == "ETT\n\ntvå\n\nTRE"
    assert merge_text(base, "ett\n\nTVÅ\n\ntre", "ett\n\nTvå!\n\ntre") is None
    assert merge_text(base, base, base) == base


def test_a_conflict_keeps_this_copys_own_edit_and_otherwise_the_newer() -> None:
    def columns(_t: str) -> list[str]:
        return ["x", "deleted_at"]

    mine = _side("A", {"A": 5}, "a", (Version(5, "A"), ""))
    theirs = _side("B", {"B": 9}, "b", (Version(9, "B"), ""))
    plan = plan_merge(mine, theirs, ["t"], columns, frozenset(), lambda _t, _r: True)
    assert plan.counts["konflikter"] == 1 and not plan.conflicts[0].kept_theirs
    other = _side("C", {"A": 5}, "a", (Version(5, "A"), ""))  # A's edit, arrived at C
    plan = plan_merge(other, theirs, ["t"], columns, frozenset(), lambda _t, _r: True)
    assert plan.conflicts[0].kept_theirs and plan.changes[0].values == {"x": "b"}


def test_two_copies_that_each_hold_a_value_the_other_has_seen_agree_on_the_newer() -> None:
    """A copy that kept its own edit in a conflict (version 3 of A) and a copy that took the
    newer edit of a third copy (version 7 of C) have each seen the other's version: both keep
    the newer one, whichever merges into which, or they would never converge."""
    kept_own = _side("A", {"A": 3, "C": 7}, "delta", (Version(3, "A"), ""))
    took_newer = _side("B", {"A": 3, "C": 7}, "gamma", (Version(7, "C"), ""))
    assert decide(kept_own, took_newer, "t", "r", "x") is Decision.TAKE
    assert decide(took_newer, kept_own, "t", "r", "x") is Decision.KEEP
    # Seen on one side only: the usual rule – the copy that has not seen A's edit takes it.
    unaware = _side("B", {"C": 7}, "gamma", (Version(7, "C"), ""))
    assert decide(kept_own, unaware, "t", "r", "x") is Decision.KEEP
    assert decide(unaware, kept_own, "t", "r", "x") is Decision.TAKE
