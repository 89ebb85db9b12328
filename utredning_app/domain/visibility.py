"""Who may see a row: the one rule for private content (sections, notes, dissents).

A row marked *privat* or *parti* stays on the author's laptop unless it has been released;
only *hela gruppen* rows (or released ones) may leave the file in archives without private
content, Word reports and other shared outputs.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from utredning_app.domain.enums import Visibility

# Tables whose rows carry a visibility (and, for notes, a released flag).
PRIVATE_TABLES: tuple[str, ...] = ("section", "note", "dissent")


def is_private(visibility: Visibility | str | None, released: bool = False) -> bool:
    """True when content with this visibility must not be shared with the whole group."""
    vis = visibility.value if isinstance(visibility, enum.Enum) else visibility
    return vis != Visibility.GRUPPEN.value and not released


def is_private_row(table: str, row: dict[str, Any]) -> bool:
    """The rule applied to a raw row (a column → value mapping) of ``table``."""
    if table not in PRIVATE_TABLES:
        return False
    return is_private(row.get("visibility"), bool(row.get("released", False)))


# ------------------------------------------------------------------ history (ändringslogg)

# Rows whose visibility is their parent's: a dissent's signatories (child table → the
# column naming the parent, and the parent's table).
PRIVATE_CHILDREN: dict[str, tuple[str, str]] = {"dissent_member": ("dissent_id", "dissent")}

# What stands in for an old value that was private when it was replaced.
REDACTED = "‹dolt: var inte delat›"

# Columns that decide visibility; their old values say only *that* a row was private.
_STATE_KEYS = ("visibility", "released")


class _State(enum.Enum):
    ABSENT = "absent"  # before a create / after a hard delete
    SHARED = "shared"
    PRIVATE = "private"


_UNKNOWN: Any = object()


@dataclass(frozen=True)
class HistoryEntry:
    """One ändringslogg entry, as far as visibility is concerned: ``changes`` maps a column
    to ``[old, new]`` (parsed ``changes_json``)."""

    id: str
    table: str
    row_id: str
    changes: Mapping[str, Any]


def _pair(changes: Mapping[str, Any], key: str) -> tuple[Any, Any] | None:
    value = changes.get(key, _UNKNOWN)
    if isinstance(value, list) and len(value) == 2:
        return value[0], value[1]
    return None


def _points(field: str, changes: Sequence[Mapping[str, Any]], current: Any) -> list[Any]:
    """``field``'s value at each point of a row's history: point k is just before entry k,
    the last point is now. Entries that do not touch the field keep the value it had."""
    points: list[Any] = [_UNKNOWN] * (len(changes) + 1)
    for k, change in enumerate(changes):
        pair = _pair(change, field)
        if pair is not None:
            if points[k] is _UNKNOWN:
                points[k] = pair[0]
            points[k + 1] = pair[1]
    if points[-1] is _UNKNOWN:
        points[-1] = current
    last = _UNKNOWN
    for k, value in enumerate(points):  # forward: a value holds until changed
        if value is _UNKNOWN:
            points[k] = last
        else:
            last = value
    last = _UNKNOWN
    for k in range(len(points) - 1, -1, -1):  # what is still unknown held since the start
        if points[k] is _UNKNOWN:
            points[k] = last
        else:
            last = points[k]
    return points


def _state(visibility: Any, released: Any) -> _State:
    if visibility is None:
        return _State.ABSENT
    if visibility is _UNKNOWN:
        return _State.PRIVATE  # no trace of what it was: assume the worst
    shared_flag = bool(released) if released not in (_UNKNOWN, None) else False
    return _State.PRIVATE if is_private(visibility, shared_flag) else _State.SHARED


def _redact_old(changes: Mapping[str, Any]) -> dict[str, Any]:
    redacted: dict[str, Any] = {}
    for key, value in changes.items():
        if (
            key not in _STATE_KEYS
            and isinstance(value, list)
            and len(value) == 2
            and value[0] not in (None, "")
        ):
            redacted[key] = [REDACTED, value[1]]
        else:
            redacted[key] = value
    return redacted


def shareable_history(
    entries: Sequence[HistoryEntry], current: Mapping[str, tuple[str, Mapping[str, Any]]]
) -> dict[str, dict[str, Any] | None]:
    """What of the ändringslogg of private-capable rows may leave the author's file.

    ``entries``: the log entries of the tables in :data:`PRIVATE_TABLES` and
    :data:`PRIVATE_CHILDREN`, oldest first. ``current``: those rows as they are now
    (row id → (table, column → value)). Returns, per entry id, the changes that may be
    shown (old values replaced by :data:`REDACTED` where the row was not shareable just
    before the change) or ``None`` when the entry must stay in the file.

    The rule: a row's history carries the visibility the row had at each point. An entry
    leaves only if the row was shareable (*hela gruppen*, or released) right after the
    change, and shows its old values only if the row was shareable right before it too. A
    signatory's entries follow the dissent as it was at that moment. A row private *now*
    keeps its whole history at home (the copy does not hold the row either).
    """
    by_row: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        by_row.setdefault(entry.row_id, []).append(index)

    hidden = {
        row_id
        for row_id, (table, row) in current.items()
        if table in PRIVATE_TABLES and is_private_row(table, dict(row))
    }
    # Per entry of a visibility-carrying row: its state before and after the entry.
    states: dict[int, tuple[_State, _State]] = {}
    for row_id, indices in by_row.items():
        table = entries[indices[0]].table
        if table not in PRIVATE_TABLES:
            continue
        row = current.get(row_id, ("", {}))[1]
        changes = [entries[i].changes for i in indices]
        vis = _points("visibility", changes, row.get("visibility", _UNKNOWN))
        rel = _points("released", changes, row.get("released", _UNKNOWN))
        for k, i in enumerate(indices):
            states[i] = (_state(vis[k], rel[k]), _state(vis[k + 1], rel[k + 1]))

    def parent_state(parent_id: str, index: int) -> _State:
        """The parent's state when entry ``index`` was written."""
        parent_entries = by_row.get(parent_id, [])
        earlier = [i for i in parent_entries if i < index]
        if earlier:
            before, after = states[earlier[-1]]
            return after if after is not _State.ABSENT else before
        if parent_entries:  # written in the same flush, just before the parent's create
            before, after = states[parent_entries[0]]
            return before if before is not _State.ABSENT else after
        now = current.get(parent_id)
        if now is None:
            return _State.PRIVATE
        return _State.PRIVATE if is_private_row(now[0], dict(now[1])) else _State.SHARED

    result: dict[str, dict[str, Any] | None] = {}
    for index, entry in enumerate(entries):
        decision: dict[str, Any] | None
        if entry.table in PRIVATE_CHILDREN:
            column, _parent_table = PRIVATE_CHILDREN[entry.table]
            parent_id = _parent_of(entry.row_id, column, by_row, entries, current)
            keep = (
                parent_id is not None
                and parent_id not in hidden
                and parent_state(parent_id, index) is _State.SHARED
            )
            decision = dict(entry.changes) if keep else None
        elif entry.table in PRIVATE_TABLES:
            before, after = states[index]
            if entry.row_id in hidden or after is _State.PRIVATE:
                decision = None
            elif before is _State.PRIVATE:
                decision = _redact_old(entry.changes) if after is _State.SHARED else None
            else:
                decision = dict(entry.changes)
        else:
            decision = dict(entry.changes)
        result[entry.id] = decision
    return result


def _parent_of(
    row_id: str,
    column: str,
    by_row: Mapping[str, list[int]],
    entries: Sequence[HistoryEntry],
    current: Mapping[str, tuple[str, Mapping[str, Any]]],
) -> str | None:
    now = current.get(row_id)
    if now is not None and now[1].get(column):
        return str(now[1][column])
    for index in by_row.get(row_id, []):
        pair = _pair(entries[index].changes, column)
        if pair is not None:
            value = pair[1] if pair[1] is not None else pair[0]
            if value is not None:
                return str(value)
    return None
