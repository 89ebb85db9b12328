"""Replica identity, hybrid logical clock and per-field versions (the merge bookkeeping).

Every write of a tracked row through the ORM passes the audit hook (:mod:`storage.audit`),
which calls :func:`record_versions` in the same transaction, so no service can forget to
version a change. The design (why each table exists) is described in
:mod:`utredning_app.services.merge`; in short:

* ``replica_state`` (one row): this copy's replica id, the file identity (device:inode) the
  id belongs to, the last hybrid-logical-clock value issued, and the copy's owner (name and
  party: who may receive party-internal rows).
* ``replica_seen``: the version vector — per replica id, the highest clock value of that
  replica's changes this file has incorporated.
* ``row_version``: the version (clock, replica) that created a row after this release.
* ``field_version``: the version of the last change of one field (table, row, column), and
  ``legacy_hash``: a fingerprint of the value that first versioned change replaced.
* ``text_base``: long texts by version, so a later three-way text merge finds the common
  ancestor.
* ``merge_conflict``: conflicts a merge found (both values kept side by side).
* ``audit_provenance``: which ändringslogg entries came through a merge, and from which copy.

A field without a version row has a *legacy* version derived from its value only
(:func:`legacy_version`): rows from files made before this release. Two copies handed out at
schema 0002 and upgraded separately therefore start with identical versions.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    String,
    Table,
    Text,
    select,
    text,
)
from sqlalchemy.orm import Session

from utredning_app.domain.merge import LEGACY_PREFIX as LEGACY_PREFIX
from utredning_app.domain.merge import Version, legacy_version, value_hash
from utredning_app.storage.base import Base

# Physical milliseconds shifted left by COUNTER_BITS, plus a logical counter: one integer that
# sorts like (wall time, counter) and survives laptop clocks that are wrong or go backwards.
COUNTER_BITS = 16

# Long texts merged paragraph by paragraph; their versions' values are kept in text_base.
LONG_TEXT_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("section", "body_md"),
        ("proposal", "text_md"),
        ("proposal", "rationale_md"),
        ("governance_option", "description_md"),
        ("governance_option", "legal_aspects_md"),
        ("governance_option", "effects_md"),
        ("dissent", "text_md"),
        ("note", "body_md"),
        ("investigation", "directive_md"),
        ("remiss_comment", "text_md"),
    }
)
# Row bookkeeping columns: not versioned per field (set from the winning side as a whole).
UNVERSIONED = frozenset({"id", "created_at", "updated_at", "updated_by"})

# 64-bit clock values: SQLite's INTEGER is 64-bit; PostgreSQL's integer is not (bigint there).
HLC_TYPE = Integer().with_variant(BigInteger(), "postgresql")

replica_state = Table(
    "replica_state",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("replica_id", String(36), nullable=False),
    Column("file_identity", String(100), nullable=False, server_default=""),
    Column("hlc", HLC_TYPE, nullable=False, server_default="0"),
    Column("owner_name", String(200), nullable=False, server_default=""),
    Column("owner_party", String(20), nullable=False, server_default=""),
    Column("origin_replica", String(36), nullable=False, server_default=""),
    comment="Den här kopians identitet och klocka (en rad).",
)
replica_seen = Table(
    "replica_seen",
    Base.metadata,
    Column("replica_id", String(36), primary_key=True),
    Column("hlc", HLC_TYPE, nullable=False),
    comment="Versionsvektor: högsta klockvärde per kopia som filen har tagit emot.",
)
replica_baseline = Table(
    "replica_baseline",
    Base.metadata,
    Column("replica_id", String(36), primary_key=True),
    Column("hlc", HLC_TYPE, nullable=False),
    comment="Versionsvektorn när kopian delades ut eller senast utbytte ändringar.",
)
row_version = Table(
    "row_version",
    Base.metadata,
    Column("table_name", String(50), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("hlc", HLC_TYPE, nullable=False),
    Column("replica_id", String(36), nullable=False),
    comment="Version som skapade raden.",
)
field_version = Table(
    "field_version",
    Base.metadata,
    Column("table_name", String(50), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("column_name", String(50), primary_key=True),
    Column("hlc", HLC_TYPE, nullable=False),
    Column("replica_id", String(36), nullable=False),
    Column("legacy_hash", String(16), nullable=False, server_default=""),
    comment="Version av fältets senaste ändring.",
)
text_base = Table(
    "text_base",
    Base.metadata,
    Column("table_name", String(50), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("column_name", String(50), primary_key=True),
    Column("hlc", HLC_TYPE, primary_key=True),
    Column("replica_id", String(36), primary_key=True),
    Column("value", Text, nullable=False),
    comment="Långa texter per version (gemensam förfader vid trevägssammanslagning).",
)
merge_conflict = Table(
    "merge_conflict",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("table_name", String(50), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("column_name", String(50), nullable=False),
    Column("base_json", Text, nullable=False),
    Column("mine_json", Text, nullable=False),
    Column("theirs_json", Text, nullable=False),
    Column("mine_by", String(200), nullable=False, server_default=""),
    Column("mine_at", String(40), nullable=False, server_default=""),
    Column("theirs_by", String(200), nullable=False, server_default=""),
    Column("theirs_at", String(40), nullable=False, server_default=""),
    Column("source", String(300), nullable=False, server_default=""),
    Column("found_at", String(40), nullable=False, server_default=""),
    Column("resolved_at", String(40), nullable=False, server_default=""),
    Column("resolution", String(20), nullable=False, server_default=""),
    comment="Konflikter från sammanslagningar: båda värdena sida vid sida.",
)
audit_provenance = Table(
    "audit_provenance",
    Base.metadata,
    Column("audit_id", String(36), primary_key=True),
    Column("source_replica", String(36), nullable=False),
    Column("source", String(300), nullable=False),
    Column("merged_at", String(40), nullable=False),
    comment="Ändringsloggposter som kom via en sammanslagning, och från vilken kopia.",
)

BOOKKEEPING_TABLES: tuple[Table, ...] = (
    replica_state,
    replica_seen,
    replica_baseline,
    row_version,
    field_version,
    text_base,
    merge_conflict,
    audit_provenance,
)


def physical_now() -> int:
    return int(time.time() * 1000) << COUNTER_BITS


def hlc_to_text(hlc: int) -> str:
    """ISO time (UTC, seconds) of a clock value, for people."""
    ms = hlc >> COUNTER_BITS
    if ms <= 0:
        return ""
    return (
        dt.datetime.fromtimestamp(ms / 1000, dt.UTC)
        .replace(tzinfo=None)
        .isoformat(timespec="seconds")
    )


def file_identity(path: Path) -> str:
    """Device and inode: a plain copy of the file (same bytes) has another one."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_dev}:{st.st_ino}"


@dataclass(frozen=True)
class ReplicaState:
    replica_id: str
    file_identity: str
    hlc: int
    owner_name: str
    owner_party: str
    origin_replica: str


def read_state(conn: Connection) -> ReplicaState | None:
    row = conn.execute(select(replica_state).where(replica_state.c.id == 1)).mappings().first()
    if row is None:
        return None
    return ReplicaState(
        row["replica_id"],
        row["file_identity"],
        int(row["hlc"]),
        row["owner_name"],
        row["owner_party"],
        row["origin_replica"],
    )


def read_vector(conn: Connection, table: Table = replica_seen) -> dict[str, int]:
    return {r: int(h) for r, h in conn.execute(select(table.c.replica_id, table.c.hlc))}


def _mint(conn: Connection, identity: str, old: ReplicaState | None) -> ReplicaState:
    """A new replica id for this file: first write in a new file, or a copy was detected.

    The version vector at this moment is remembered as the baseline (what the copy already
    had when it was made: change packages hold only what comes after it)."""
    new = ReplicaState(
        str(uuid.uuid4()),
        identity,
        old.hlc if old else 0,
        "",  # a copy is someone else's until its owner is set (privacy of party rows)
        "",
        old.replica_id if old else "",
    )
    if old is None:
        conn.execute(replica_state.insert().values(id=1, **_state_values(new)))
    else:
        conn.execute(
            replica_state.update().where(replica_state.c.id == 1).values(**_state_values(new))
        )
    conn.execute(replica_baseline.delete())
    conn.execute(text("INSERT INTO replica_baseline SELECT replica_id, hlc FROM replica_seen"))
    return new


def _state_values(state: ReplicaState) -> dict[str, Any]:
    return {
        "replica_id": state.replica_id,
        "file_identity": state.file_identity,
        "hlc": state.hlc,
        "owner_name": state.owner_name,
        "owner_party": state.owner_party,
        "origin_replica": state.origin_replica,
    }


def current_replica(conn: Connection, path: Path | None) -> ReplicaState:
    """This file's replica, minting a new id when the file is new or is a copy (its device
    and inode differ from the ones the stored id was minted for)."""
    state = read_state(conn)
    identity = file_identity(path) if path is not None else (state.file_identity if state else "")
    if state is None or (identity and state.file_identity != identity):
        state = _mint(conn, identity, state)
    return state


def next_stamp(conn: Connection, path: Path | None, *, at_least: int = 0) -> Version:
    """Issue the next clock value for this replica (one per transaction)."""
    state = current_replica(conn, path)
    hlc = max(physical_now(), state.hlc + 1, at_least + 1)
    conn.execute(replica_state.update().where(replica_state.c.id == 1).values(hlc=hlc))
    conn.execute(
        text(
            "INSERT INTO replica_seen(replica_id, hlc) VALUES (:r, :h) "
            "ON CONFLICT(replica_id) DO UPDATE SET hlc = CASE WHEN excluded.hlc > replica_seen.hlc "
            "THEN excluded.hlc ELSE replica_seen.hlc END"
        ),
        {"r": state.replica_id, "h": hlc},
    )
    return Version(hlc, state.replica_id)


def session_stamp(session: Session) -> Version:
    """The version of everything this transaction writes (issued on its first flush)."""
    stamp = session.info.get("_version_stamp")
    if isinstance(stamp, Version):
        return stamp
    path = session.info.get("path")
    stamp = next_stamp(session.connection(), Path(path) if path else None)
    session.info["_version_stamp"] = stamp
    return stamp


_UPSERT_FIELD = text(
    "INSERT INTO field_version(table_name, row_id, column_name, hlc, replica_id, legacy_hash) "
    "VALUES (:t, :r, :c, :h, :rep, :lh) "
    "ON CONFLICT(table_name, row_id, column_name) DO UPDATE SET "
    "hlc = excluded.hlc, replica_id = excluded.replica_id"
)
_INSERT_TEXT = text(
    "INSERT INTO text_base(table_name, row_id, column_name, hlc, replica_id, value) "
    "VALUES (:t, :r, :c, :h, :rep, :v) ON CONFLICT DO NOTHING"
)


OWN_TEXT_VERSIONS = 3
_PRUNE_TEXT = text(
    "DELETE FROM text_base WHERE table_name = :t AND row_id = :r AND column_name = :c "
    "AND replica_id = :rep AND hlc NOT IN (SELECT hlc FROM text_base WHERE table_name = :t "
    "AND row_id = :r AND column_name = :c AND replica_id = :rep ORDER BY hlc DESC LIMIT :keep)"
)


def record_versions(
    session: Session,
    created: list[tuple[str, str, dict[str, Any]]],
    changed: list[tuple[str, str, dict[str, tuple[Any, Any]]]],
) -> None:
    """Stamp created rows and changed fields with this transaction's version.

    ``created``: (table, row id, column values); ``changed``: (table, row id,
    {column: (old, new)}). Called by the audit hook after every flush.
    """
    if not created and not changed:
        return
    if session.info.get("versioning") is False:
        return
    stamp = session_stamp(session)
    conn = session.connection()
    if created:
        conn.execute(
            text(
                "INSERT INTO row_version(table_name, row_id, hlc, replica_id) "
                "VALUES (:t, :r, :h, :rep) ON CONFLICT(table_name, row_id) DO UPDATE SET "
                "hlc = excluded.hlc, replica_id = excluded.replica_id"
            ),
            [{"t": t, "r": r, "h": stamp.hlc, "rep": stamp.replica} for t, r, _ in created],
        )
        texts = [
            {"t": t, "r": r, "c": c, "h": stamp.hlc, "rep": stamp.replica, "v": values[c]}
            for t, r, values in created
            for c in values
            if (t, c) in LONG_TEXT_FIELDS and isinstance(values[c], str)
        ]
        if texts:
            conn.execute(_INSERT_TEXT, texts)
    fields: list[dict[str, Any]] = []
    texts = []
    for table, row_id, changes in changed:
        for column, (old, new) in changes.items():
            if column in UNVERSIONED:
                continue
            fields.append(
                {
                    "t": table,
                    "r": row_id,
                    "c": column,
                    "h": stamp.hlc,
                    "rep": stamp.replica,
                    "lh": value_hash(old),
                }
            )
            if (table, column) in LONG_TEXT_FIELDS and isinstance(new, str):
                texts.append(
                    {"t": table, "r": row_id, "c": column, "h": stamp.hlc, "rep": stamp.replica}
                    | {"v": new}
                )
                if isinstance(old, str) and _is_legacy_field(conn, table, row_id, column):
                    legacy = legacy_version(old)
                    texts.append(
                        {"t": table, "r": row_id, "c": column, "h": 0, "rep": legacy.replica}
                        | {"v": old}
                    )
    if fields:
        conn.execute(_UPSERT_FIELD, fields)
    if texts:
        conn.execute(_INSERT_TEXT, texts)
        # Keep the base small: of this copy's own versions of a text only the newest few are
        # kept (another copy that took an older one still finds an older common ancestor,
        # with which a paragraph merge still works).
        own = {(t["t"], t["r"], t["c"]) for t in texts if t["rep"] == stamp.replica}
        conn.execute(
            _PRUNE_TEXT,
            [
                {"t": t, "r": r, "c": c, "rep": stamp.replica, "keep": OWN_TEXT_VERSIONS}
                for t, r, c in own
            ],
        )


def _is_legacy_field(conn: Connection, table: str, row_id: str, column: str) -> bool:
    has_field = conn.execute(
        select(field_version.c.hlc).where(
            field_version.c.table_name == table,
            field_version.c.row_id == row_id,
            field_version.c.column_name == column,
        )
    ).first()
    if has_field is not None:
        return False
    has_row = conn.execute(
        select(row_version.c.hlc).where(
            row_version.c.table_name == table, row_version.c.row_id == row_id
        )
    ).first()
    return has_row is None


def set_owner(conn: Connection, path: Path | None, name: str, party: str) -> ReplicaState:
    """Record who owns this copy (decides which party-internal rows it may receive)."""
    state = current_replica(conn, path)
    conn.execute(
        replica_state.update()
        .where(replica_state.c.id == 1)
        .values(owner_name=name.strip(), owner_party=party.strip())
    )
    return ReplicaState(
        state.replica_id,
        state.file_identity,
        state.hlc,
        name.strip(),
        party.strip(),
        state.origin_replica,
    )
