"""Reading a copy for a merge: its rows, versions and log, with the privacy rule applied.

Used by :mod:`services.merge` (whole copies) and :mod:`services.packages` (change packages).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select

from utredning_app.domain.merge import Side, Version, canonical
from utredning_app.domain.visibility import PRIVATE_TABLES
from utredning_app.errors import ValidationError
from utredning_app.storage.base import Base
from utredning_app.storage.database import Database, user_errors
from utredning_app.storage.models import TRACKED_MODELS
from utredning_app.storage.versions import (
    UNVERSIONED,
    field_version,
    read_state,
    read_vector,
    row_version,
    text_base,
)

TABLES: tuple[Table, ...] = tuple(
    Base.metadata.tables[str(m.__tablename__)]  # type: ignore[attr-defined]
    for m in TRACKED_MODELS
)
TABLE_BY_NAME = {t.name: t for t in TABLES}
# Attachment bytes (never edited; their sha256 column is compared) and the text extracted from
# them (derived, large): carried with new rows, not compared field by field.
# search_key: the search index's key, numbered per file by the database (archive.FILE_LOCAL_COLUMNS)
NOT_COMPARED = {"data", "extracted_text", "search_key"}
# Each open file has its own engine (and statement cache); the merge's statements are the
# same for every file, so they are compiled once per process instead of once per merge.
COMPILED: dict[Any, Any] = {}


def cached(conn: Connection) -> Connection:
    return conn.execution_options(compiled_cache=COMPILED)


def versioned_columns(table: str) -> list[str]:
    return [
        c.name
        for c in TABLE_BY_NAME[table].columns
        if c.name not in UNVERSIONED and c.name not in NOT_COMPARED
    ]


@dataclass(frozen=True)
class Owner:
    replica: str
    name: str
    party: str


def investigation_id(conn: Connection) -> str:
    table = TABLE_BY_NAME["investigation"]
    found = conn.execute(select(table.c.id).where(table.c.deleted_at.is_(None))).first()
    if found is None:
        raise ValidationError("Filen innehåller ingen utredning.")
    return str(found[0])


def _row_party(
    conn_rows: dict[str, dict[str, dict[str, Any]]], table: str, row: dict[str, Any]
) -> str:
    if table == "dissent":
        party = conn_rows.get("party", {}).get(row.get("party_id") or "")
        return str(party["abbreviation"]) if party else ""
    return str(row.get("author_party") or "")


def travels(
    rows: dict[str, dict[str, dict[str, Any]]],
    table: str,
    row: dict[str, Any],
    sender_party: str,
    receiver_party: str,
) -> bool:
    """The one privacy rule for rows leaving a copy."""
    if table not in PRIVATE_TABLES:
        return True
    visibility = canonical(row.get("visibility"))
    if visibility == "gruppen" or bool(row.get("released", False)):
        return True
    if visibility == "parti":
        party = _row_party(rows, table, row)
        return bool(party) and sender_party == party and receiver_party == party
    return False


def _read_rows(conn: Connection) -> dict[str, dict[str, dict[str, Any]]]:
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    for table in TABLES:
        # created_at is neither compared nor versioned (new rows are copied whole)
        cols = [c for c in table.columns if c.name not in NOT_COMPARED and c.name != "created_at"]
        keys = [c.name for c in cols]
        at = keys.index("id")
        rows[table.name] = {
            r[at]: dict(zip(keys, r, strict=True)) for r in conn.execute(select(*cols))
        }
    return rows


def filter_private(
    rows: dict[str, dict[str, dict[str, Any]]], sender_party: str, receiver_party: str
) -> set[str]:
    """Drop rows that may not travel (and rows hanging on them); returns the dropped ids."""
    dropped: set[str] = set()
    for table in TABLES:
        parents = [fk.parent.name for fk in table.foreign_keys]
        kept: dict[str, dict[str, Any]] = {}
        for row_id, row in rows[table.name].items():
            if not travels(rows, table.name, row, sender_party, receiver_party) or any(
                row.get(c) is not None and row.get(c) in dropped for c in parents
            ):
                dropped.add(row_id)
                continue
            kept[row_id] = row
        rows[table.name] = kept
    return dropped


def read_side(
    conn: Connection, *, receiver_party: str | None = None, replica: str | None = None
) -> tuple[Side, Owner]:
    """One copy as the merge sees it; ``receiver_party`` set: only what may travel to it."""
    conn = cached(conn)
    state = read_state(conn)
    owner = Owner(
        replica or (state.replica_id if state else ""),
        state.owner_name if state else "",
        state.owner_party if state else "",
    )
    rows = _read_rows(conn)
    dropped: set[str] = set()
    if receiver_party is not None:
        dropped = filter_private(rows, owner.party, receiver_party)
    row_versions = {
        (t, r): Version(int(h), rep)
        for t, r, h, rep in conn.execute(
            select(
                row_version.c.table_name,
                row_version.c.row_id,
                row_version.c.hlc,
                row_version.c.replica_id,
            )
        )
        if r not in dropped
    }
    field_versions: dict[tuple[str, str], dict[str, tuple[Version, str]]] = {}
    for t, r, c, h, rep, lh in conn.execute(
        select(
            field_version.c.table_name,
            field_version.c.row_id,
            field_version.c.column_name,
            field_version.c.hlc,
            field_version.c.replica_id,
            field_version.c.legacy_hash,
        )
    ):
        if r not in dropped:
            field_versions.setdefault((t, r), {})[c] = (Version(int(h), rep), lh)
    texts: dict[tuple[str, str, str], dict[Version, str]] = {}
    for t, r, c, h, rep, value in conn.execute(select(text_base)):
        if r in dropped:
            continue
        if receiver_party is not None and t in PRIVATE_TABLES:
            # Older versions of a text that was private or party-internal then: only the
            # current text travels (an old private value must not arrive as a merge base).
            row = rows.get(t, {}).get(r)
            if row is None or row.get(c) != value:
                continue
        texts.setdefault((t, r, c), {})[Version(int(h), rep)] = value
    side = Side(owner.replica, read_vector(conn), rows, row_versions, field_versions, texts)
    return side, owner


class FileSource:
    """A whole copy opened read-only."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path
        self.name = path.name
        self._vector: dict[str, int] = {}

    def load(self, receiver_party: str | None, investigation: str) -> tuple[Side, Owner, Any]:
        with user_errors(self.path), self.db.engine.connect() as conn:
            if investigation_id(conn) != investigation:
                raise ValidationError(
                    f"{self.path.name} är en kopia av en annan utredning (utredningens id "
                    "skiljer sig) och kan inte slås ihop med den här filen. Ingenting ändrades."
                )
            side, owner = read_side(conn, receiver_party=receiver_party)
            audit = shareable_audit(conn, side)
        self._vector = dict(side.vector)
        return side, owner, audit

    def absorbable(self, mine: dict[str, int]) -> dict[str, int]:
        """A whole copy: after the merge this file has everything the copy had."""
        return self._vector

    def full_rows(self, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        out: dict[tuple[str, str], dict[str, Any]] = {}
        by_table: dict[str, list[str]] = {}
        for name, row_id in wanted:
            by_table.setdefault(name, []).append(row_id)
        with user_errors(self.path), self.db.engine.connect() as conn:
            conn = cached(conn)
            for table_name, ids in by_table.items():
                table = TABLE_BY_NAME[table_name]
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                        out[(table_name, row["id"])] = dict(row)
        return out


AUDIT_COLUMNS = ("id", "at", "actor", "action", "table_name", "row_id", "summary", "changes_json")
_ROW_ID = AUDIT_COLUMNS.index("row_id")


def shareable_audit(conn: Connection, side: Side) -> list[dict[str, Any]]:
    """KOPIA's log entries for rows that travel, without those written while a row was
    private (an old private value must not arrive through the log)."""
    travelling = {r for rows in side.rows.values() for r in rows}
    # Stored values as they are (text): copied as they are, the same in every file.
    columns = ", ".join(AUDIT_COLUMNS)
    found = conn.exec_driver_sql(f"SELECT {columns} FROM audit_entry ORDER BY at, id")
    entries = [dict(zip(AUDIT_COLUMNS, r, strict=True)) for r in found if r[_ROW_ID] in travelling]
    out: list[dict[str, Any]] = []
    public: dict[str, bool] = {}
    for entry in entries:
        if entry["table_name"] not in PRIVATE_TABLES:
            out.append(entry)
            continue
        try:
            changes = json.loads(entry["changes_json"] or "{}")
        except ValueError:
            changes = {}
        before = public.get(entry["row_id"])
        state = _public_after(changes, before)
        public[entry["row_id"]] = state
        if before is None:
            before = state  # a creation: public only if created public
        if before and state:
            out.append(entry)
    return out


def _public_after(changes: dict[str, Any], before: bool | None) -> bool:
    vis = changes.get("visibility")
    rel = changes.get("released")
    visibility_public = None if vis is None else vis[1] == "gruppen"
    released = None if rel is None else bool(rel[1])
    if visibility_public is None and released is None:
        return bool(before)
    return bool(visibility_public) or bool(released)
