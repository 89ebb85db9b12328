"""The ändringslogg as it may leave the author's file (`logg` without ``--med-privat``, the
`dela` copy, ``export-json --utan-privat``): one reader, so all three apply the same rule
(:func:`utredning_app.domain.visibility.shareable_history`).

Entries of rows that never carry a visibility pass unchanged; entries of notes, sections,
dissents and signatories are kept, shown with their private old values hidden, or left out,
by the visibility the row had when each was written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from utredning_app.domain.visibility import (
    PRIVATE_CHILDREN,
    PRIVATE_TABLES,
    HistoryEntry,
    shareable_history,
)
from utredning_app.storage.base import Base
from utredning_app.storage.models import AuditEntry

_WATCHED = (*PRIVATE_TABLES, *PRIVATE_CHILDREN)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _current_rows(conn: Connection) -> dict[str, tuple[str, dict[str, Any]]]:
    rows: dict[str, tuple[str, dict[str, Any]]] = {}
    for name in _WATCHED:
        table = _table(name)
        wanted = [c for c in table.c if c.name in ("id", "visibility", "released", "deleted_at")]
        if name in PRIVATE_CHILDREN:
            wanted.append(table.c[PRIVATE_CHILDREN[name][0]])
        for row in conn.execute(select(*wanted)).mappings():
            rows[str(row["id"])] = (name, dict(row))
    return rows


def _parse(raw: str) -> dict[str, Any]:
    try:
        changes = json.loads(raw)
    except ValueError:
        return {}
    return changes if isinstance(changes, dict) else {}


@dataclass(frozen=True)
class SharedHistory:
    """``changes``: per audit entry id of a watched table, its ``changes_json`` as it may be
    shown, or ``None`` when the entry stays in the file (entries not listed pass
    unchanged). ``withheld_rows``: deleted signatories whose whole life was private (their
    tombstones would tell who once signed a party-internal dissent)."""

    changes: dict[str, str | None]
    withheld_rows: frozenset[str]


def shared_history(conn: Connection) -> SharedHistory:
    log = AuditEntry.__table__
    query = (
        select(log.c.id, log.c.table_name, log.c.row_id, log.c.changes_json)
        .where(log.c.table_name.in_(_WATCHED))
        .order_by(log.c.at, log.c.id)
    )
    raw: dict[str, str] = {}
    entries: list[HistoryEntry] = []
    for r in conn.execute(query):
        raw[str(r.id)] = str(r.changes_json)
        entries.append(
            HistoryEntry(str(r.id), str(r.table_name), str(r.row_id), _parse(r.changes_json))
        )
    current = _current_rows(conn)
    changes: dict[str, str | None] = {}
    for entry_id, shown in shareable_history(entries, current).items():
        if shown is None:
            changes[entry_id] = None
        elif _parse(raw[entry_id]) == shown:
            changes[entry_id] = raw[entry_id]  # untouched: byte for byte as stored
        else:
            changes[entry_id] = json.dumps(shown, ensure_ascii=False, sort_keys=True)
    shown_rows = {e.row_id for e in entries if changes[e.id] is not None}
    logged_rows = {e.row_id for e in entries}
    withheld = frozenset(
        row_id
        for row_id, (table, row) in current.items()
        if table in PRIVATE_CHILDREN
        and row.get("deleted_at") is not None
        and row_id in logged_rows
        and row_id not in shown_rows
    )
    return SharedHistory(changes, withheld)


def shareable_audit_rows(
    conn: Connection, history: SharedHistory | None = None
) -> Iterator[dict[str, Any]]:
    """Every audit_entry row that may leave the file (column → value, oldest first), with
    ``changes_json`` as it may be shown."""
    decisions = (history or shared_history(conn)).changes
    log = AuditEntry.__table__
    query = select(log).order_by(log.c.at, log.c.id)
    for row in conn.execute(query).mappings():
        values = dict(row)
        entry_id = str(values["id"])
        if entry_id in decisions:
            shown = decisions[entry_id]
            if shown is None:
                continue
            values["changes_json"] = shown
        yield values
