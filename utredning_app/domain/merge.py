"""The pure part of merging two copies: per-field three-way decisions and text merging.

No SQL and no files: :mod:`utredning_app.services.merge` reads both copies into
:class:`Side` objects, :func:`plan_merge` decides, and the service writes the plan in one
transaction. The design is described in the service's docstring.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

LEGACY_PREFIX = "legacy:"


@dataclass(frozen=True, order=True)
class Version:
    """A change's position: clock value, then replica id as the tie-breaker."""

    hlc: int
    replica: str

    @property
    def is_legacy(self) -> bool:
        return self.replica.startswith(LEGACY_PREFIX)


def canonical(value: Any) -> Any:
    """A stored value in one comparable, JSON-able form (enums by value, ISO dates)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def value_hash(value: Any) -> str:
    """Short fingerprint of a stored value (the same on every copy and platform)."""
    value = canonical(value)
    if isinstance(value, bytes):
        raw = b"b:" + value
    else:
        raw = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


def legacy_version(value: Any) -> Version:
    """The version of a field written before this release: derived from its value alone, so
    copies upgraded separately agree wherever their values agree."""
    return Version(0, LEGACY_PREFIX + value_hash(value))


# ------------------------------------------------------------------ text


def split_paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def merge_text(base: str, mine: str, theirs: str) -> str | None:
    """Three-way merge paragraph by paragraph; None when edits overlap (a conflict)."""
    import merge3

    merger = merge3.Merge3(split_paragraphs(base), split_paragraphs(mine), split_paragraphs(theirs))
    out: list[str] = []
    for group in merger.merge_groups():
        kind = group[0]
        if kind == "conflict":
            return None
        out.extend(group[1])
    return "\n\n".join(out)


# ------------------------------------------------------------------ sides


@dataclass
class Side:
    """One copy, as the merge sees it."""

    replica: str
    vector: dict[str, int]
    rows: dict[str, dict[str, dict[str, Any]]]  # table -> row id -> column -> value
    row_versions: dict[tuple[str, str], Version]
    # (table, row id) -> column -> (version, legacy hash)
    field_versions: dict[tuple[str, str], dict[str, tuple[Version, str]]]
    texts: dict[tuple[str, str, str], dict[Version, str]] = field(default_factory=dict)

    def version(self, table: str, row_id: str, column: str) -> tuple[Version, str]:
        fields = self.field_versions.get((table, row_id))
        found = fields.get(column) if fields else None
        if found is not None:
            return found
        created = self.row_versions.get((table, row_id))
        if created is not None:
            return created, ""
        return legacy_version(self.rows[table][row_id][column]), ""

    def newest(self, table: str, row_id: str) -> Version:
        """The newest recorded version of any field of a row (legacy fields count as 0)."""
        found = [v for v, _l in self.field_versions.get((table, row_id), {}).values()]
        created = self.row_versions.get((table, row_id))
        if created is not None:
            found.append(created)
        return max(found, default=Version(0, ""))

    def has_seen(self, version: Version) -> bool:
        return self.vector.get(version.replica, -1) >= version.hlc


def seen_by(version: Version, other: Side, other_version: Version, other_legacy: str) -> bool:
    """Whether the copy ``other`` (whose field has ``other_version``) already knew
    ``version``: same version, covered by its version vector, or a legacy value its first
    versioned change replaced."""
    if version == other_version:
        return True
    if version.is_legacy:
        return bool(other_legacy) and version.replica == LEGACY_PREFIX + other_legacy
    return other.has_seen(version)


class Decision(enum.Enum):
    KEEP = "keep"  # mine is newer or the same
    TAKE = "take"  # theirs changed, mine did not
    BOTH = "both"  # both changed since they last agreed


def decide(mine: Side, theirs: Side, table: str, row_id: str, column: str) -> Decision:
    mv, ml = mine.version(table, row_id, column)
    tv, tl = theirs.version(table, row_id, column)
    if mv == tv:
        return Decision.KEEP
    theirs_seen = seen_by(tv, mine, mv, ml)
    mine_seen = seen_by(mv, theirs, tv, tl)
    if theirs_seen and mine_seen:
        # Each copy already holds the other's value and kept its own: two copies settled the
        # same conflict differently (one kept its own edit, a third took the newer one).
        # Both agree on the newer version, or they would never converge.
        return Decision.KEEP if mv > tv else Decision.TAKE
    if theirs_seen:
        return Decision.KEEP
    if mine_seen:
        return Decision.TAKE
    return Decision.BOTH


# ------------------------------------------------------------------ the plan


@dataclass
class Conflict:
    table: str
    row_id: str
    column: str
    base: Any
    mine: Any
    theirs: Any
    mine_version: Version
    theirs_version: Version
    kept_theirs: bool = False  # the value kept in the field is theirs (decided by order)


@dataclass
class RowChange:
    """Changes to one existing row of mine."""

    table: str
    row_id: str
    values: dict[str, Any] = field(default_factory=dict)  # column -> new value
    versions: dict[str, tuple[Version, str]] = field(default_factory=dict)
    restamp: set[str] = field(default_factory=set)  # columns that get the merge's own version
    texts: dict[str, dict[Version, str]] = field(default_factory=dict)
    touch: dict[str, Any] = field(default_factory=dict)  # updated_at / updated_by


@dataclass
class Plan:
    inserts: list[tuple[str, str]] = field(default_factory=list)  # (table, row id) of theirs
    changes: list[RowChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    new_rows: int = 0
    changed_fields: int = 0
    deleted_rows: int = 0

    @property
    def counts(self) -> dict[str, int]:
        return {
            "nya": self.new_rows,
            "andrade": self.changed_fields,
            "borttagna": self.deleted_rows,
            "konflikter": len(self.conflicts),
        }


def _base_text(mine: Side, theirs: Side, key: tuple[str, str, str]) -> str | None:
    """The newest version of a long text that both copies hold: their common ancestor."""
    mine_texts = mine.texts.get(key, {})
    theirs_texts = theirs.texts.get(key, {})
    common = set(mine_texts) & set(theirs_texts)
    if not common:
        return None
    return mine_texts[max(common)]


def plan_merge(
    mine: Side,
    theirs: Side,
    tables: Iterable[str],
    columns: Callable[[str], list[str]],
    long_texts: frozenset[tuple[str, str]],
    counted: Callable[[str, dict[str, Any]], bool],
) -> Plan:
    """Decide every field of every row ``theirs`` holds (rows it lacks count as unchanged).

    ``columns(table)`` names the versioned columns, ``counted(table, row)`` whether a new
    row counts in the figures (private rows do not)."""
    plan = Plan()
    for table in tables:
        my_rows = mine.rows.get(table, {})
        for row_id, their_row in theirs.rows.get(table, {}).items():
            my_row = my_rows.get(row_id)
            if my_row is None:
                plan.inserts.append((table, row_id))
                if their_row.get("deleted_at") is None and counted(table, their_row):
                    plan.new_rows += 1
                continue
            key = (table, row_id)
            my_fields = mine.field_versions.get(key, {})
            their_fields = theirs.field_versions.get(key, {})
            same_rows = mine.row_versions.get(key) == theirs.row_versions.get(key)
            candidates = [
                c
                for c in columns(table)
                if my_row[c] != their_row[c]
                or my_fields.get(c) != their_fields.get(c)
                or not same_rows
            ]
            if candidates:
                _plan_row(
                    plan, mine, theirs, table, row_id, my_row, their_row, candidates, long_texts
                )
            elif _touch(my_row) != _touch(their_row) and _later(_touch(their_row), _touch(my_row)):
                # Same values and versions, but another copy's merge recorded a later
                # "changed by / at" (a conflict it kept): agree on it, so copies converge.
                change = RowChange(table, row_id)
                touch = _touch(their_row)
                change.touch = {"updated_at": touch[0], "updated_by": touch[1]}
                plan.changes.append(change)
    return plan


def _touch(row: dict[str, Any]) -> tuple[Any, str]:
    return (row.get("updated_at"), str(row.get("updated_by") or ""))


def _plan_row(
    plan: Plan,
    mine: Side,
    theirs: Side,
    table: str,
    row_id: str,
    my_row: dict[str, Any],
    their_row: dict[str, Any],
    candidates: list[str],
    long_texts: frozenset[tuple[str, str]],
) -> None:
    """Decide the ``candidates`` (columns whose value or version differs) of one row."""
    change = RowChange(table, row_id)
    both: list[str] = []
    took: list[str] = []
    my_edits: list[str] = []  # my changes they have not seen (for delete/edit conflicts)
    for column in candidates:
        decision = decide(mine, theirs, table, row_id, column)
        if decision is Decision.KEEP:
            mv, _ = mine.version(table, row_id, column)
            tv, tl = theirs.version(table, row_id, column)
            if mv != tv and not seen_by(mv, theirs, tv, tl):
                my_edits.append(column)
            continue
        if decision is Decision.TAKE:
            took.append(column)
        else:
            both.append(column)
            my_edits.append(column)
    if not took and not both:
        return
    their_deletes = (
        ("deleted_at" in took or "deleted_at" in both)
        and their_row["deleted_at"] is not None
        and my_row["deleted_at"] is None
    )
    my_deletes = (
        "deleted_at" in my_edits
        and my_row["deleted_at"] is not None
        and their_row["deleted_at"] is None
    )
    edits_other = [c for c in my_edits if c != "deleted_at" and my_row[c] != their_row[c]]
    their_other = [c for c in took + both if c != "deleted_at" and my_row[c] != their_row[c]]
    if their_deletes and edits_other:
        # Deleted there, edited here: the row stays (an edit is never lost silently), the
        # deletion is listed as a conflict; the kept state gets a new version so it wins.
        mv, _ = mine.version(table, row_id, "deleted_at")
        tv, _ = theirs.version(table, row_id, "deleted_at")
        plan.conflicts.append(
            Conflict(table, row_id, "deleted_at", None, None, their_row["deleted_at"], mv, tv)
        )
        change.restamp.add("deleted_at")
        took = [c for c in took if c != "deleted_at"]
        both = [c for c in both if c != "deleted_at"]
    elif my_deletes and their_other:
        mv, _ = mine.version(table, row_id, "deleted_at")
        tv, _ = theirs.version(table, row_id, "deleted_at")
        local = mv.replica == mine.replica
        plan.conflicts.append(
            Conflict(
                table, row_id, "deleted_at", None, my_row["deleted_at"], None, mv, tv, not local
            )
        )
        if local:
            # Deleted here by this copy's owner: the row stays deleted (their edits are kept
            # in the tombstone, so restoring it later loses nothing).
            change.restamp.add("deleted_at")
        else:
            change.values["deleted_at"] = None
            change.restamp.add("deleted_at")
    for column in took:
        tv, tl = theirs.version(table, row_id, column)
        if my_row[column] != their_row[column]:
            change.values[column] = their_row[column]
            if column == "deleted_at":
                if their_row[column] is not None and my_row[column] is None:
                    plan.deleted_rows += 1
            else:
                plan.changed_fields += 1
        change.versions[column] = (tv, tl)
        _carry_texts(change, theirs, table, row_id, column, long_texts)
    for column in both:
        _plan_both(plan, change, mine, theirs, table, row_id, column, my_row, their_row, long_texts)
    # Who changed the row last, and when: from the side with the newer version of the row
    # (then the later time, ties by name), also when the only outcome is a conflict, so the
    # result does not depend on the order of merges.
    mine_touch = (my_row.get("updated_at"), str(my_row.get("updated_by") or ""))
    their_touch = (their_row.get("updated_at"), str(their_row.get("updated_by") or ""))
    mine_newest, their_newest = mine.newest(table, row_id), theirs.newest(table, row_id)
    newer = their_newest > mine_newest or (
        their_newest == mine_newest and _later(their_touch, mine_touch)
    )
    if newer and their_touch != mine_touch:
        change.touch = {"updated_at": their_touch[0], "updated_by": their_touch[1]}
    if change.values or change.versions or change.restamp or change.touch:
        plan.changes.append(change)


def _later(a: tuple[Any, str], b: tuple[Any, str]) -> bool:
    if a[0] is None or b[0] is None:
        return a[0] is not None
    return bool(a > b)


def _carry_texts(
    change: RowChange,
    theirs: Side,
    table: str,
    row_id: str,
    column: str,
    long_texts: frozenset[tuple[str, str]],
) -> None:
    if (table, column) in long_texts:
        texts = theirs.texts.get((table, row_id, column))
        if texts:
            change.texts[column] = texts


def _plan_both(
    plan: Plan,
    change: RowChange,
    mine: Side,
    theirs: Side,
    table: str,
    row_id: str,
    column: str,
    my_row: dict[str, Any],
    their_row: dict[str, Any],
    long_texts: frozenset[tuple[str, str]],
) -> None:
    mv, _ = mine.version(table, row_id, column)
    tv, tl = theirs.version(table, row_id, column)
    mval, tval = my_row[column], their_row[column]
    if column == "deleted_at" and mval is not None and tval is not None:
        # Deleted on both sides: it stays deleted; agree on the newer tombstone.
        if tv > mv:
            change.values[column] = tval
            change.versions[column] = (tv, tl)
        return
    if mval == tval:
        # The same value written on both sides: agree on one version, nothing changes.
        if tv > mv:
            change.versions[column] = (tv, tl)
        return
    key = (table, row_id, column)
    base: Any = None
    if (table, column) in long_texts and isinstance(mval, str) and isinstance(tval, str):
        base = _base_text(mine, theirs, key)
        merged = merge_text(base, mval, tval) if base is not None else None
        if merged is not None:
            if merged != mval:
                change.values[column] = merged
                plan.changed_fields += 1
            change.restamp.add(column)
            _carry_texts(change, theirs, table, row_id, column, long_texts)
            return
    # A real conflict. This copy's own edit stays; between two other copies' edits the
    # newer version stays, so the result does not depend on the order copies come back.
    keep_theirs = mv.replica != mine.replica and tv > mv
    plan.conflicts.append(Conflict(table, row_id, column, base, mval, tval, mv, tv, keep_theirs))
    if keep_theirs:
        change.values[column] = tval
        change.versions[column] = (tv, tl)
        _carry_texts(change, theirs, table, row_id, column, long_texts)
