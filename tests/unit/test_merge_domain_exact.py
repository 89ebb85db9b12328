"""Exact expectations for every decision of domain/merge.py (issue 11), so the mutation run
(`make reliability`, unit tests only) notices a changed comparison, argument or constant.

Pure function calls on small hand-built :class:`Side` objects: no SQL, no files, no Qt.
One table ``t`` with one row ``r`` (columns ``x``, ``y``, ``deleted_at`` are versioned).
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from typing import Any

from utredning_app.domain.merge import (
    LEGACY_PREFIX,
    Conflict,
    Decision,
    Plan,
    RowChange,
    Side,
    Version,
    _later,
    canonical,
    decide,
    legacy_version,
    merge_text,
    plan_merge,
    seen_by,
    split_paragraphs,
    value_hash,
)

V = Version
COLS = ["x", "y", "deleted_at"]
LONG = frozenset({("t", "x")})
KEY = ("t", "r", "x")
BASE = "ett\n\ntvå\n\ntre"
A1, A4, B6 = V(1, "A"), V(4, "A"), V(6, "B")


def side(
    replica: str,
    vector: dict[str, int],
    row: dict[str, Any] | None = None,
    fields: dict[str, tuple[Version, str]] | None = None,
    created: Version | None = None,
    texts: dict[tuple[str, str, str], dict[Version, str]] | None = None,
) -> Side:
    the_row: dict[str, Any] = {
        "id": "r",
        "x": "a",
        "y": "p",
        "deleted_at": None,
        "updated_at": None,
        "updated_by": "",
    }
    the_row.update(row or {})
    return Side(
        replica,
        vector,
        {"t": {"r": the_row}},
        {("t", "r"): created} if created else {},
        {("t", "r"): fields} if fields else {},
        texts or {},
    )


def columns(table: str) -> list[str]:
    assert table == "t"
    return list(COLS)


def plan(mine: Side, theirs: Side, long_texts: frozenset[tuple[str, str]] = frozenset()) -> Plan:
    def counted(table: str, row: dict[str, Any]) -> bool:
        assert table == "t" and "id" in row
        return True

    return plan_merge(mine, theirs, ["t"], columns, long_texts, counted)


def counts(
    andrade: int = 0, borttagna: int = 0, konflikter: int = 0, nya: int = 0
) -> dict[str, int]:
    return {"nya": nya, "andrade": andrade, "borttagna": borttagna, "konflikter": konflikter}


# ------------------------------------------------------------------ values and versions


class Colour(enum.Enum):
    RED = "röd"


def test_canonical_forms() -> None:
    assert canonical(Colour.RED) == "röd"
    assert canonical(dt.date(2026, 1, 2)) == "2026-01-02"
    assert canonical(dt.datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05"
    assert canonical(5) == 5 and canonical("x") == "x" and canonical(None) is None


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def test_value_hash_is_the_sha256_of_canonical_json_cut_to_16() -> None:
    assert value_hash("a") == _sha(b'"a"') == "ac8d8342bbb2362d"
    assert len(value_hash(None)) == 16 and value_hash(None) == _sha(b"null")
    assert value_hash("å") == _sha('"å"'.encode())  # not ASCII-escaped
    unsorted = {"b": 1, "a": "ö"}
    expected = json.dumps(unsorted, ensure_ascii=False, sort_keys=True).encode("utf-8")
    assert value_hash(unsorted) == _sha(expected)
    assert value_hash(b"\x00\x01") == _sha(b"b:\x00\x01")
    assert value_hash(Colour.RED) == value_hash("röd")
    assert value_hash(dt.date(2026, 1, 2)) == value_hash("2026-01-02")


def test_legacy_version_is_hlc_zero_and_the_prefixed_hash() -> None:
    assert LEGACY_PREFIX == "legacy:"
    assert legacy_version("a") == V(0, "legacy:ac8d8342bbb2362d")
    assert legacy_version("a").is_legacy
    assert not V(0, "A").is_legacy and not V(3, "xlegacy:").is_legacy


def test_versions_order_by_clock_then_replica() -> None:
    assert V(2, "A") > V(1, "B") and V(1, "B") > V(1, "A") and V(1, "A") == V(1, "A")


def test_split_paragraphs() -> None:
    assert split_paragraphs("a\n\nb\nc") == ["a", "b\nc"]
    assert split_paragraphs("") == [""]


def test_merge_text_exact() -> None:
    assert merge_text(BASE, "ETT\n\ntvå\n\ntre", BASE) == "ETT\n\ntvå\n\ntre"
    assert merge_text(BASE, BASE, "ett\n\ntvå\n\nTRE") == "ett\n\ntvå\n\nTRE"
    assert merge_text(BASE, "ETT\n\ntvå\n\ntre", "ETT\n\ntvå\n\ntre") == "ETT\n\ntvå\n\ntre"
    assert merge_text(BASE, "ETT\n\ntvå\n\ntre", "Ett!\n\ntvå\n\ntre") is None
    assert merge_text(BASE, "ett\n\ntvå\n\ntre\n\nfyra", "noll\n\nett\n\ntvå\n\ntre") == (
        "noll\n\nett\n\ntvå\n\ntre\n\nfyra"
    )


# ------------------------------------------------------------------ Side


def test_side_version_field_then_row_then_legacy() -> None:
    s = side("A", {}, {"x": "v"}, fields={"x": (V(4, "A"), "h")}, created=V(2, "A"))
    assert s.version("t", "r", "x") == (V(4, "A"), "h")
    assert s.version("t", "r", "y") == (V(2, "A"), "")
    bare = side("A", {}, {"x": "v"}, fields={"y": (V(4, "A"), "")})
    assert bare.version("t", "r", "x") == (legacy_version("v"), "")
    assert side("A", {}, {"x": "v"}).version("t", "r", "x") == (legacy_version("v"), "")


def test_side_newest() -> None:
    assert side("A", {}).newest("t", "r") == V(0, "")
    fields = {"x": (V(4, "B"), ""), "y": (V(2, "A"), "")}
    assert side("A", {}, fields=fields).newest("t", "r") == V(4, "B")
    assert side("A", {}, fields=fields, created=V(3, "A")).newest("t", "r") == V(4, "B")
    assert side("A", {}, fields=fields, created=V(5, "A")).newest("t", "r") == V(5, "A")
    assert side("A", {}, created=V(1, "A")).newest("t", "r") == V(1, "A")


def test_has_seen_boundaries() -> None:
    s = side("A", {"A": 5})
    assert s.has_seen(V(5, "A")) and s.has_seen(V(4, "A"))
    assert not s.has_seen(V(6, "A"))
    assert not s.has_seen(V(0, "B"))
    assert s.has_seen(V(-1, "B"))  # a replica missing from the vector counts as -1
    assert not side("A", {"B": 0}).has_seen(V(1, "B"))
    assert side("A", {"B": 0}).has_seen(V(0, "B"))


def test_seen_by() -> None:
    other = side("B", {"A": 3})
    assert seen_by(V(9, "C"), other, V(9, "C"), "")  # the same version
    assert seen_by(V(3, "A"), other, V(1, "B"), "")
    assert not seen_by(V(4, "A"), other, V(1, "B"), "")
    old = legacy_version("a")
    assert seen_by(old, other, V(1, "B"), value_hash("a"))
    assert not seen_by(old, other, V(1, "B"), value_hash("b"))
    assert not seen_by(old, other, V(1, "B"), "")
    assert not seen_by(V(0, LEGACY_PREFIX), other, V(1, "B"), "")
    # A legacy version is never looked up in the vector.
    assert not seen_by(old, side("B", {old.replica: 5}), V(1, "B"), "")


def test_decide_all_outcomes() -> None:
    same = (V(4, "C"), "")
    assert decide(side("A", {}, fields={"x": same}), side("B", {}, fields={"x": same}), *KEY) is (
        Decision.KEEP
    )
    mine = side("A", {"A": 5, "B": 3}, fields={"x": (V(5, "A"), "")})
    theirs = side("B", {"B": 3}, fields={"x": (V(3, "B"), "")})
    assert decide(mine, theirs, *KEY) is Decision.KEEP
    assert decide(theirs, mine, *KEY) is Decision.TAKE
    concurrent = side("B", {"B": 7}, fields={"x": (V(7, "B"), "")})
    assert decide(mine, concurrent, *KEY) is Decision.BOTH
    assert decide(concurrent, mine, *KEY) is Decision.BOTH
    # Mine's first versioned change replaced the legacy value theirs still has.
    upgraded = side("A", {"A": 2}, {"x": "new"}, fields={"x": (V(2, "A"), value_hash("a"))})
    legacy = side("B", {}, {"x": "a"})
    assert decide(upgraded, legacy, *KEY) is Decision.KEEP
    assert decide(legacy, upgraded, *KEY) is Decision.TAKE
    assert [d.value for d in Decision] == ["keep", "take", "both"]


def test_plan_counts_keys() -> None:
    p = Plan(new_rows=1, changed_fields=2, deleted_rows=3)
    p.conflicts.append(Conflict("t", "r", "x", None, 1, 2, V(1, "A"), V(2, "B")))
    assert p.counts == {"nya": 1, "andrade": 2, "borttagna": 3, "konflikter": 1}
    assert p.conflicts[0].kept_theirs is False


# ------------------------------------------------------------------ plan_merge: rows


def test_new_rows_are_inserted_and_counted_when_live_and_counted() -> None:
    mine = side("A", {})
    theirs = side("B", {})
    theirs.rows["t"].update(
        {
            "n1": {"id": "n1", "deleted_at": None},
            "n2": {"id": "n2", "deleted_at": "2026-01-01"},
            "n3": {"id": "n3", "deleted_at": None},
            "n4": {"id": "n4"},
        }
    )
    theirs.rows["u"] = {"m": {"id": "m", "deleted_at": None}}
    calls: list[tuple[str, str]] = []

    def counted(table: str, row: dict[str, Any]) -> bool:
        calls.append((table, row["id"]))
        return row["id"] != "n3"

    p = plan_merge(mine, theirs, ["t", "u", "v"], lambda _t: COLS, frozenset(), counted)
    assert p.inserts == [("t", "n1"), ("t", "n2"), ("t", "n3"), ("t", "n4"), ("u", "m")]
    assert calls == [("t", "n1"), ("t", "n3"), ("t", "n4"), ("u", "m")]
    assert p.new_rows == 3
    assert p.changes == [] and p.conflicts == []
    assert p.counts == counts(nya=3)


def test_rows_only_mine_has_and_tables_not_asked_for_are_left_alone() -> None:
    mine = side("A", {})
    mine.rows["t"]["mine-only"] = {"id": "mine-only", "deleted_at": None}
    theirs = side("B", {})
    theirs.rows["skipped"] = {"s": {"id": "s", "deleted_at": None}}
    p = plan(mine, theirs)
    assert p == Plan()


def test_identical_rows_give_nothing() -> None:
    f = {"x": (V(3, "A"), "")}
    assert plan(side("A", {"A": 3}, fields=f), side("B", {"A": 3}, fields=f)) == Plan()


def test_a_later_touch_alone_is_agreed_on() -> None:
    mine = side("A", {}, {"updated_at": "2026-03-01", "updated_by": "Al"})
    theirs = side("B", {}, {"updated_at": "2026-03-02", "updated_by": "Bo"})
    p = plan(mine, theirs)
    assert p.changes == [
        RowChange("t", "r", touch={"updated_at": "2026-03-02", "updated_by": "Bo"})
    ]
    assert p.counts == counts()
    assert plan(theirs, mine) == Plan()
    # Same time, the name breaks the tie.
    same_time = side("B", {}, {"updated_at": "2026-03-01", "updated_by": "Bo"})
    assert plan(mine, same_time).changes[0].touch == {
        "updated_at": "2026-03-01",
        "updated_by": "Bo",
    }
    assert plan(same_time, mine) == Plan()
    # A missing name counts as "".
    none_name = side("B", {}, {"updated_at": "2026-03-01", "updated_by": None})
    blank = side("A", {}, {"updated_at": "2026-03-01", "updated_by": ""})
    assert plan(blank, none_name) == Plan()
    assert plan(none_name, blank) == Plan()
    # A time beats no time.
    untimed = side("A", {}, {"updated_at": None, "updated_by": "Zed"})
    assert plan(untimed, theirs).changes[0].touch["updated_by"] == "Bo"
    assert plan(theirs, untimed) == Plan()


def test_later() -> None:
    assert not _later((None, ""), (None, ""))
    assert _later(("2026", ""), (None, "z"))
    assert not _later((None, "z"), ("2026", ""))
    assert _later(("2027", ""), ("2026", "z"))
    assert not _later(("2026", "a"), ("2026", "a"))
    assert _later(("2026", "b"), ("2026", "a"))


# ------------------------------------------------------------------ plan_merge: one side changed


def test_take_their_newer_value_with_its_version_and_touch() -> None:
    mine = side("A", {"A": 1}, fields={"x": (V(1, "A"), "")})
    theirs = side(
        "B",
        {"A": 1, "B": 2},
        {"x": "b", "y": "q", "updated_at": "2026-01-02", "updated_by": "Bo"},
        fields={"x": (V(2, "B"), ""), "y": (V(2, "B"), value_hash("p"))},
    )
    p = plan(mine, theirs)
    assert p.changes == [
        RowChange(
            "t",
            "r",
            values={"x": "b", "y": "q"},
            versions={"x": (V(2, "B"), ""), "y": (V(2, "B"), value_hash("p"))},
            touch={"updated_at": "2026-01-02", "updated_by": "Bo"},
        )
    ]
    assert p.counts == counts(andrade=2)
    # The other way round mine is newer: nothing to do.
    assert plan(theirs, mine) == Plan()


def test_take_only_a_version_when_the_values_agree() -> None:
    mine = side("A", {})
    theirs = side("B", {"B": 2}, fields={"x": (V(2, "B"), value_hash("a"))})
    p = plan(mine, theirs)
    assert p.changes == [RowChange("t", "r", versions={"x": (V(2, "B"), value_hash("a"))})]
    assert p.counts == counts()


def test_take_a_long_text_carries_its_history_only_for_long_text_columns() -> None:
    history = {V(1, "A"): "a", V(2, "B"): "b"}
    mine = side("A", {"A": 1}, fields={"x": (V(1, "A"), "")})
    theirs = side(
        "B", {"A": 1, "B": 2}, {"x": "b"}, fields={"x": (V(2, "B"), "")}, texts={KEY: history}
    )
    assert plan(mine, theirs, LONG).changes[0].texts == {"x": history}
    assert plan(mine, theirs).changes[0].texts == {}
    no_history = side("B", {"A": 1, "B": 2}, {"x": "b"}, fields={"x": (V(2, "B"), "")})
    assert plan(mine, no_history, LONG).changes[0].texts == {}


def test_take_their_deletion_and_their_restore() -> None:
    mine = side("A", {"A": 1}, fields={"deleted_at": (V(1, "A"), "")})
    theirs = side(
        "B", {"A": 1, "B": 3}, {"deleted_at": "D"}, fields={"deleted_at": (V(3, "B"), "")}
    )
    p = plan(mine, theirs)
    assert p.changes == [
        RowChange("t", "r", values={"deleted_at": "D"}, versions={"deleted_at": (V(3, "B"), "")})
    ]
    assert p.counts == counts(borttagna=1)
    deleted = side("A", {"A": 1}, {"deleted_at": "D"}, fields={"deleted_at": (V(1, "A"), "")})
    restored = side("B", {"A": 1, "B": 3}, fields={"deleted_at": (V(3, "B"), "")})
    p = plan(deleted, restored)
    assert p.changes == [
        RowChange("t", "r", values={"deleted_at": None}, versions={"deleted_at": (V(3, "B"), "")})
    ]
    assert p.counts == counts()


def test_take_a_restore_while_i_edited_is_no_conflict() -> None:
    mine = side(
        "A",
        {"A": 5},
        {"x": "mine", "deleted_at": "D"},
        fields={"x": (V(5, "A"), ""), "deleted_at": (V(1, "A"), "")},
    )
    theirs = side(
        "B",
        {"A": 1, "B": 3},
        fields={"x": (V(1, "A"), ""), "deleted_at": (V(3, "B"), "")},
    )
    p = plan(mine, theirs)
    assert p.conflicts == []
    assert p.changes == [
        RowChange("t", "r", values={"deleted_at": None}, versions={"deleted_at": (V(3, "B"), "")})
    ]


def test_only_my_unseen_edit_changes_nothing() -> None:
    mine = side("A", {"A": 5, "B": 2}, {"x": "mine"}, fields={"x": (V(5, "A"), "")})
    theirs = side(
        "B",
        {"B": 2},
        {"updated_at": "2099-01-01", "updated_by": "Bo"},
        fields={"x": (V(2, "B"), "")},
    )
    assert plan(mine, theirs) == Plan()


def test_a_row_version_difference_alone_makes_every_column_a_candidate() -> None:
    mine = side("A", {})
    theirs = side("B", {"B": 3}, created=V(3, "B"))
    p = plan(mine, theirs)
    assert p.changes == [RowChange("t", "r", versions={c: (V(3, "B"), "") for c in COLS})]
    assert p.conflicts == [] and p.counts == counts()


# ------------------------------------------------------------------ delete against edit


def _their_delete(mine_x: str, mine_deleted_version: Version = A1) -> Plan:
    mine = side(
        "A",
        {"A": 5},
        {"x": mine_x},
        fields={"x": (V(5, "A"), ""), "deleted_at": (mine_deleted_version, "")},
    )
    theirs = side(
        "B",
        {"A": 1, "B": 3},
        {"deleted_at": "D"},
        fields={"x": (V(1, "A"), ""), "deleted_at": (V(3, "B"), "")},
    )
    return plan(mine, theirs)


def test_deleted_there_edited_here_keeps_the_row_as_a_conflict() -> None:
    p = _their_delete("mine")
    assert p.conflicts == [
        Conflict("t", "r", "deleted_at", None, None, "D", V(1, "A"), V(3, "B"), False)
    ]
    assert p.changes == [RowChange("t", "r", restamp={"deleted_at"})]
    assert p.counts == counts(konflikter=1)


def test_deleted_there_while_both_changed_the_deletion_is_still_a_conflict() -> None:
    p = _their_delete("mine", V(4, "A"))
    assert p.conflicts == [
        Conflict("t", "r", "deleted_at", None, None, "D", V(4, "A"), V(3, "B"), False)
    ]
    assert p.changes == [RowChange("t", "r", restamp={"deleted_at"})]


def test_deleted_there_and_my_edit_kept_the_value_so_the_deletion_is_taken() -> None:
    p = _their_delete("a")
    assert p.conflicts == []
    assert p.changes == [
        RowChange("t", "r", values={"deleted_at": "D"}, versions={"deleted_at": (V(3, "B"), "")})
    ]
    assert p.counts == counts(borttagna=1)


def _my_delete(replica: str, their_x: str = "b") -> Plan:
    mine = side(
        replica,
        {"A": 5},
        {"deleted_at": "D"},
        fields={"x": (V(1, "A"), ""), "deleted_at": (V(5, "A"), "")},
    )
    theirs = side(
        "B",
        {"A": 1, "B": 3},
        {"x": their_x},
        fields={"x": (V(3, "B"), ""), "deleted_at": (V(1, "A"), "")},
    )
    return plan(mine, theirs)


def test_deleted_here_by_this_copy_edited_there_stays_deleted() -> None:
    p = _my_delete("A")
    assert p.conflicts == [
        Conflict("t", "r", "deleted_at", None, "D", None, V(5, "A"), V(1, "A"), False)
    ]
    assert p.changes == [
        RowChange(
            "t",
            "r",
            values={"x": "b"},
            versions={"x": (V(3, "B"), "")},
            restamp={"deleted_at"},
        )
    ]
    assert p.counts == counts(andrade=1, konflikter=1)


def test_deleted_by_another_copy_edited_there_is_restored() -> None:
    p = _my_delete("C")
    assert p.conflicts == [
        Conflict("t", "r", "deleted_at", None, "D", None, V(5, "A"), V(1, "A"), True)
    ]
    assert p.changes == [
        RowChange(
            "t",
            "r",
            values={"deleted_at": None, "x": "b"},
            versions={"x": (V(3, "B"), "")},
            restamp={"deleted_at"},
        )
    ]


def test_deleted_here_and_their_edit_did_not_change_the_value_is_no_conflict() -> None:
    p = _my_delete("A", their_x="a")
    assert p.conflicts == []
    assert p.changes == [RowChange("t", "r", versions={"x": (V(3, "B"), "")})]


# ------------------------------------------------------------------ both changed


def _both(
    mine_row: dict[str, Any],
    theirs_row: dict[str, Any],
    column: str = "x",
    mine_v: Version = A4,
    theirs_v: Version = B6,
    replica: str = "A",
    long_texts: frozenset[tuple[str, str]] = frozenset(),
    mine_texts: dict[Version, str] | None = None,
    theirs_texts: dict[Version, str] | None = None,
) -> Plan:
    key = ("t", "r", column)
    mine = side(
        replica,
        {mine_v.replica: mine_v.hlc},
        mine_row,
        fields={column: (mine_v, "")},
        texts={key: mine_texts} if mine_texts else None,
    )
    theirs = side(
        "B",
        {theirs_v.replica: theirs_v.hlc},
        theirs_row,
        fields={column: (theirs_v, "")},
        texts={key: theirs_texts} if theirs_texts else None,
    )
    return plan(mine, theirs, long_texts)


def test_deleted_on_both_sides_agrees_on_the_newer_tombstone() -> None:
    p = _both({"deleted_at": "D1"}, {"deleted_at": "D2"}, "deleted_at")
    assert p.changes == [
        RowChange("t", "r", values={"deleted_at": "D2"}, versions={"deleted_at": (V(6, "B"), "")})
    ]
    assert p.conflicts == [] and p.counts == counts()
    p = _both({"deleted_at": "D1"}, {"deleted_at": "D2"}, "deleted_at", V(6, "A"), V(4, "B"))
    assert p == Plan()


def test_restored_here_deleted_there_without_other_edits_is_a_deletion_conflict() -> None:
    p = _both({}, {"deleted_at": "D2"}, "deleted_at")
    assert p.conflicts == [
        Conflict("t", "r", "deleted_at", None, None, "D2", V(4, "A"), V(6, "B"), False)
    ]
    assert p.changes == []


def test_the_same_value_written_on_both_sides_agrees_on_the_newer_version() -> None:
    p = _both({"x": "z"}, {"x": "z"})
    assert p.changes == [RowChange("t", "r", versions={"x": (V(6, "B"), "")})]
    assert p.conflicts == [] and p.counts == counts()
    assert _both({"x": "z"}, {"x": "z"}, "x", V(6, "A"), V(4, "B")) == Plan()


def test_a_conflict_keeps_my_own_edit() -> None:
    p = _both({"x": "m"}, {"x": "t"})
    assert p.conflicts == [Conflict("t", "r", "x", None, "m", "t", V(4, "A"), V(6, "B"), False)]
    assert p.changes == []
    assert p.counts == counts(konflikter=1)


def test_a_conflict_between_two_other_copies_keeps_the_newer() -> None:
    p = _both({"x": "m"}, {"x": "t"}, replica="C")
    assert p.conflicts == [Conflict("t", "r", "x", None, "m", "t", V(4, "A"), V(6, "B"), True)]
    assert p.changes == [RowChange("t", "r", values={"x": "t"}, versions={"x": (V(6, "B"), "")})]
    assert p.counts == counts(konflikter=1)
    p = _both({"x": "m"}, {"x": "t"}, "x", V(6, "A"), V(4, "B"), replica="C")
    assert p.conflicts == [Conflict("t", "r", "x", None, "m", "t", V(6, "A"), V(4, "B"), False)]
    assert p.changes == []


def test_the_touch_follows_the_newer_side_even_for_a_conflict() -> None:
    touched = {"updated_at": "2026-03-02", "updated_by": "Bo"}
    p = _both({"x": "m", "updated_at": "2026-03-01", "updated_by": "Al"}, {"x": "t", **touched})
    assert p.changes == [RowChange("t", "r", touch=touched)]
    assert len(p.conflicts) == 1
    p = _both(
        {"x": "m", **touched},
        {"x": "t", "updated_at": "2026-03-09", "updated_by": "Bo"},
        "x",
        V(6, "A"),
        V(4, "B"),
    )
    assert p.changes == []


def test_equal_newest_versions_leave_the_touch_to_the_later_time() -> None:
    # Two legacy values that differ: both newest versions are Version(0, "").
    mine = side("A", {}, {"x": "m", "updated_at": "2026-03-01", "updated_by": "Al"})
    theirs = side("B", {}, {"x": "t", "updated_at": "2026-03-02", "updated_by": "Bo"})
    keep_theirs = legacy_version("t") > legacy_version("m")
    p = plan(mine, theirs)
    assert p.conflicts == [
        Conflict(
            "t", "r", "x", None, "m", "t", legacy_version("m"), legacy_version("t"), keep_theirs
        )
    ]
    assert p.changes[0].touch == {"updated_at": "2026-03-02", "updated_by": "Bo"}
    reverse = plan(theirs, mine)
    assert all(c.touch == {} for c in reverse.changes)


def _texts(mine_x: str, theirs_x: str, replica: str = "A", base: str = BASE) -> Plan:
    older = V(0, "A")
    common = {older: "gammal", V(1, "A"): base}
    return _both(
        {"x": mine_x},
        {"x": theirs_x},
        replica=replica,
        long_texts=LONG,
        mine_texts={**common, V(4, "A"): mine_x},
        theirs_texts={**common, V(6, "B"): theirs_x},
    )


THEIR_HISTORY = {V(0, "A"): "gammal", V(1, "A"): BASE}


def test_long_texts_changed_in_different_paragraphs_are_merged() -> None:
    p = _texts("ETT\n\ntvå\n\ntre", "ett\n\ntvå\n\nTRE")
    assert p.conflicts == []
    assert p.changes == [
        RowChange(
            "t",
            "r",
            values={"x": "ETT\n\ntvå\n\nTRE"},
            restamp={"x"},
            texts={"x": {**THEIR_HISTORY, V(6, "B"): "ett\n\ntvå\n\nTRE"}},
        )
    ]
    assert p.counts == counts(andrade=1)


def test_a_long_text_merge_that_gives_my_text_changes_no_value() -> None:
    p = _texts("ETT\n\ntvå\n\nTRE", "ETT\n\ntvå\n\ntre")
    assert p.conflicts == []
    assert p.changes == [
        RowChange(
            "t",
            "r",
            restamp={"x"},
            texts={"x": {**THEIR_HISTORY, V(6, "B"): "ETT\n\ntvå\n\ntre"}},
        )
    ]
    assert p.counts == counts()


def test_overlapping_long_text_edits_are_a_conflict_with_the_base() -> None:
    p = _texts("ETT\n\ntvå\n\ntre", "Ett!\n\ntvå\n\ntre")
    assert p.conflicts == [
        Conflict(
            "t", "r", "x", BASE, "ETT\n\ntvå\n\ntre", "Ett!\n\ntvå\n\ntre", V(4, "A"), V(6, "B")
        )
    ]
    assert p.changes == []
    p = _texts("ETT\n\ntvå\n\ntre", "Ett!\n\ntvå\n\ntre", replica="C")
    assert p.conflicts[0].kept_theirs
    assert p.changes == [
        RowChange(
            "t",
            "r",
            values={"x": "Ett!\n\ntvå\n\ntre"},
            versions={"x": (V(6, "B"), "")},
            texts={"x": {**THEIR_HISTORY, V(6, "B"): "Ett!\n\ntvå\n\ntre"}},
        )
    ]


def test_a_long_text_without_a_common_version_is_a_conflict_without_base() -> None:
    p = _both(
        {"x": "ETT\n\ntvå"},
        {"x": "ett\n\nTVÅ"},
        long_texts=LONG,
        mine_texts={V(4, "A"): "ETT\n\ntvå"},
        theirs_texts={V(6, "B"): "ett\n\nTVÅ"},
    )
    assert p.conflicts == [
        Conflict("t", "r", "x", None, "ETT\n\ntvå", "ett\n\nTVÅ", V(4, "A"), V(6, "B"))
    ]
    # No history on mine at all.
    p = _both(
        {"x": "ETT\n\ntvå"},
        {"x": "ett\n\nTVÅ"},
        long_texts=LONG,
        theirs_texts={V(1, "A"): "ett\n\ntvå", V(6, "B"): "ett\n\nTVÅ"},
    )
    assert p.conflicts[0].base is None


def test_only_long_text_columns_holding_text_are_merged() -> None:
    history = {V(1, "A"): BASE}
    mine_x, theirs_x = "ETT\n\ntvå\n\ntre", "ett\n\ntvå\n\nTRE"
    # Not a long-text column: a plain conflict even though a base exists.
    p = _both({"x": mine_x}, {"x": theirs_x}, mine_texts=history, theirs_texts=history)
    assert p.conflicts[0].base is None and p.changes == []
    # A long-text column where one side holds no text.
    for mine_value, theirs_value in ((None, theirs_x), (mine_x, None)):
        p = _both(
            {"x": mine_value},
            {"x": theirs_value},
            long_texts=LONG,
            mine_texts=history,
            theirs_texts=history,
        )
        assert p.conflicts == [
            Conflict("t", "r", "x", None, mine_value, theirs_value, V(4, "A"), V(6, "B"))
        ]


def test_take_a_newer_tombstone_is_no_new_deletion() -> None:
    mine = side("A", {"A": 1}, {"deleted_at": "D1"}, fields={"deleted_at": (A1, "")})
    theirs = side(
        "B", {"A": 1, "B": 3}, {"deleted_at": "D2"}, fields={"deleted_at": (V(3, "B"), "")}
    )
    p = plan(mine, theirs)
    assert p.changes == [
        RowChange("t", "r", values={"deleted_at": "D2"}, versions={"deleted_at": (V(3, "B"), "")})
    ]
    assert p.counts == counts()


def test_a_missing_name_counts_as_blank_when_taking_a_change() -> None:
    for mine_by, theirs_by in ((None, ""), ("", None)):
        mine = side(
            "A", {"A": 1}, {"updated_at": "T", "updated_by": mine_by}, fields={"x": (A1, "")}
        )
        theirs = side(
            "B",
            {"A": 1, "B": 2},
            {"x": "b", "updated_at": "T", "updated_by": theirs_by},
            fields={"x": (V(2, "B"), "")},
        )
        assert plan(mine, theirs).changes == [
            RowChange("t", "r", values={"x": "b"}, versions={"x": (V(2, "B"), "")})
        ]


def test_a_later_touch_with_no_name_is_agreed_on_as_blank() -> None:
    mine = side("A", {}, {"updated_at": "2026-03-01", "updated_by": "Al"})
    theirs = side("B", {}, {"updated_at": "2026-03-02", "updated_by": None})
    assert plan(mine, theirs).changes == [
        RowChange("t", "r", touch={"updated_at": "2026-03-02", "updated_by": ""})
    ]


def test_the_same_name_and_time_is_no_touch_when_taking_a_change() -> None:
    mine = side("A", {"A": 1}, {"updated_at": "T", "updated_by": "Al"}, fields={"x": (A1, "")})
    theirs = side(
        "B",
        {"A": 1, "B": 2},
        {"x": "b", "updated_at": "T", "updated_by": "Al"},
        fields={"x": (V(2, "B"), "")},
    )
    assert plan(mine, theirs).changes[0].touch == {}


def test_equal_fields_and_row_versions_go_straight_to_the_touch() -> None:
    fields = {"x": (A1, ""), "y": (A1, "")}
    mine = side("A", {"A": 1}, {"updated_at": "2026-03-01"}, fields=fields, created=A1)
    theirs = side("B", {"A": 1}, {"updated_at": "2026-03-02"}, fields=fields, created=A1)
    assert plan(mine, theirs).changes == [
        RowChange("t", "r", touch={"updated_at": "2026-03-02", "updated_by": ""})
    ]


def test_changed_fields_and_deleted_rows_add_up_over_columns_and_rows() -> None:
    # y taken, x merged as a long text: two changed fields in one row.
    common = {A1: BASE}
    mine = side(
        "A",
        {"A": 4},
        {"x": "ETT\n\ntvå\n\ntre"},
        fields={"x": (A4, ""), "y": (A1, "")},
        texts={KEY: {**common, A4: "ETT\n\ntvå\n\ntre"}},
    )
    theirs = side(
        "B",
        {"A": 1, "B": 6},
        {"x": "ett\n\ntvå\n\nTRE", "y": "q"},
        fields={"x": (B6, ""), "y": (B6, "")},
        texts={KEY: {**common, B6: "ett\n\ntvå\n\nTRE"}},
    )
    p = plan(mine, theirs, LONG)
    assert p.conflicts == [] and p.counts == counts(andrade=2)
    assert p.changes[0].values == {"y": "q", "x": "ETT\n\ntvå\n\nTRE"}
    # Two rows deleted there.
    mine = side("A", {"A": 1}, fields={"deleted_at": (A1, "")})
    theirs = side(
        "B", {"A": 1, "B": 3}, {"deleted_at": "D"}, fields={"deleted_at": (V(3, "B"), "")}
    )
    for s in (mine, theirs):
        s.rows["t"]["s"] = {**s.rows["t"]["r"], "id": "s"}
        s.field_versions[("t", "s")] = s.field_versions[("t", "r")]
    assert plan(mine, theirs).counts == counts(borttagna=2)


def test_taking_their_restore_and_edit_of_a_row_deleted_earlier_is_no_conflict() -> None:
    mine = side("A", {"A": 1}, {"deleted_at": "D"}, fields={"x": (A1, ""), "deleted_at": (A1, "")})
    theirs = side(
        "B",
        {"A": 1, "B": 3},
        {"x": "b"},
        fields={"x": (V(3, "B"), ""), "deleted_at": (V(3, "B"), "")},
    )
    p = plan(mine, theirs)
    assert p.conflicts == []
    assert p.changes == [
        RowChange(
            "t",
            "r",
            values={"x": "b", "deleted_at": None},
            versions={"x": (V(3, "B"), ""), "deleted_at": (V(3, "B"), "")},
        )
    ]
    assert p.counts == counts(andrade=1)


def test_deleted_here_restored_there_at_the_same_time_is_one_conflict() -> None:
    p = _both({"deleted_at": "D"}, {}, "deleted_at")
    assert p.conflicts == [Conflict("t", "r", "deleted_at", None, "D", None, A4, B6, False)]
    assert p.changes == []


def test_a_long_text_only_mine_has_history_of_is_a_conflict_without_base() -> None:
    p = _both(
        {"x": "ETT\n\ntvå"},
        {"x": "ett\n\nTVÅ"},
        long_texts=LONG,
        mine_texts={A1: "ett\n\ntvå", A4: "ETT\n\ntvå"},
    )
    assert p.conflicts == [Conflict("t", "r", "x", None, "ETT\n\ntvå", "ett\n\nTVÅ", A4, B6)]
