"""Merging copies of an investigation (``utredning sla-ihop FIL KOPIA``).

Design
======

**Replica identity.** Every file has one row in ``replica_state``: a replica id (UUID), the
*file identity* it belongs to (device and inode of the file), the last clock value issued,
and the copy's owner (name and party). A plain file copy has the same bytes but another
inode, so on its first write (:func:`storage.versions.current_replica`, called from the
storage layer's audit hook) the mismatch is detected and a new replica id is minted. The
same happens to a file made by ``dela`` or ``import-json`` (the archive never carries the
file identity) and by *Spara kopia som…* (SQLite's backup API writes a new file). A copy that
is never written keeps the old id: harmless, as it has no changes of its own. Moving a file
to another disk or restoring a backup also mints a new id: harmless too (a new id only adds
one entry to the version vector), and it is what makes a restored file safe to merge —
it never reuses clock values others have already seen. When a new id is minted the owner is
cleared (a copy is someone else's until said otherwise, so it never receives another party's
internal rows by accident); ``utredning agare`` and the GUI (the identity set at first
start) set the owner of a copy.

**Clock.** Changes are ordered by a hybrid logical clock: ``(milliseconds << 16) + counter``
in one integer, always above the previous value issued in this file and above every value
received in a merge, so a laptop whose clock is wrong still orders its own changes and never
goes behind what it has seen. One value per transaction; a version is ``(hlc, replica id)``.

**Per-field versions** (as cr-sqlite: a version and a site id per column). ``row_version``
holds the version that created a row; ``field_version`` the version of the last change of
one field (table, row, column). The audit hook in :mod:`storage.audit` writes both for every
ORM flush, in the same transaction, so no service can forget. A field without either has a
*legacy* version derived only from its value (``legacy:`` + a hash): rows from files made
before this release. Copies handed out at schema 0002 and upgraded each on its own therefore
start with identical versions wherever they hold the same values. ``field_version.legacy_hash``
remembers the hash of the value the first versioned change replaced, so a change made after
the upgrade is known to descend from that legacy value.

**The common base.** ``replica_seen`` is the version vector: per replica, the highest clock
value of its changes this file holds. Copy B "has seen" version (h, R) when B's vector has
R ≥ h. For one field, with mine = version in FIL, theirs = version in KOPIA:

* equal, or theirs seen by FIL → keep FIL's value;
* FIL's seen by KOPIA → KOPIA changed it since they last agreed: take theirs (value and
  version, so the next exchange sees them equal);
* neither → both changed: equal values agree on the newer version; long texts are merged
  paragraph by paragraph with ``merge3`` against the newest version of the text both files
  hold in ``text_base`` (long texts are kept per version, only for the few prose fields);
  otherwise a **conflict**: FIL keeps its own edit and the other value is stored beside it
  in ``merge_conflict``; when neither edit is FIL's own (both came from other copies), the
  newer version stays, so the main file's result does not depend on the order copies come
  back. After the merge FIL's vector covers KOPIA's, so the other copy takes FIL's value
  at the next exchange: they converge, and the losing value is listed, never lost.

A deletion is the ``deleted_at`` field (tombstones; rows are never removed). A row deleted on
one side and edited on the other is a conflict: the row stays (with the edits) unless this
copy's owner deleted it here. A row KOPIA lacks counts as unchanged; only a tombstone
deletes.

**Privacy.** KOPIA's rows are filtered before deciding: a *privat* row never travels, a
*parti* row only when both copies' owners belong to that party, and rows hanging on a row
left out go too. The ändringslogg follows the same rule: KOPIA's entries for rows that
travel are copied (with their original id, author and time), and those written while a row
was private are not. ``audit_provenance`` marks each copied entry with the copy it came from.

**Transactions.** KOPIA is opened read-only (never modified); FIL is backed up ("före
sammanslagning") and changed in one transaction: a kill at any point leaves it as it was or
fully merged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, text, update
from sqlalchemy.exc import IntegrityError

from utredning_app.domain.merge import (
    Conflict,
    Plan,
    RowChange,
    Side,
    Version,
    canonical,
    plan_merge,
)
from utredning_app.domain.visibility import PRIVATE_TABLES
from utredning_app.errors import ValidationError
from utredning_app.services.merge_read import (
    AUDIT_COLUMNS,
    TABLE_BY_NAME,
    TABLES,
    FileSource,
    Owner,
    cached,
    investigation_id,
    read_side,
    versioned_columns,
)
from utredning_app.storage.backup import REASON_MERGE
from utredning_app.storage.base import utcnow_precise
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.location import Location, as_location
from utredning_app.storage.models import AuditEntry
from utredning_app.storage.versions import (
    LONG_TEXT_FIELDS,
    audit_provenance,
    current_replica,
    hlc_to_text,
    merge_conflict,
    next_stamp,
    read_state,
    replica_baseline,
)

__all__ = ["TABLES", "FileSource", "MergeResult", "merge_copy", "merge_into", "read_side"]


@dataclass(frozen=True)
class MergeResult:
    counts: dict[str, int]
    backup: Path | None
    source: str


# ------------------------------------------------------------------ merging


def _counted(table: str, row: dict[str, Any]) -> bool:
    if table in PRIVATE_TABLES:
        return canonical(row.get("visibility")) == "gruppen" or bool(row.get("released"))
    return True


def plan(mine: Side, theirs: Side) -> Plan:
    return plan_merge(
        mine,
        theirs,
        [t.name for t in TABLES],
        versioned_columns,
        LONG_TEXT_FIELDS,
        _counted,
    )


def merge_copy(
    path: Location,
    kopia: Path,
    *,
    dry_run: bool = False,
    actor: str = "",
    backup_root: Path | None = None,
) -> MergeResult:
    """Merge the copy ``kopia`` (a file or a change package) into ``path`` (a file, or an
    investigation on a server: the offline work of a laptop copy comes back)."""
    path, kopia = as_location(path), Path(kopia)
    _refuse_the_same_file(path if isinstance(path, Path) else None, kopia)
    from utredning_app.services.packages import is_package, open_package

    if is_package(kopia):
        package = open_package(kopia)
        return _merge_from(path, package, dry_run=dry_run, actor=actor, backup_root=backup_root)
    with open_database(kopia, read_only=True) as other:
        source = FileSource(other, kopia)
        return _merge_from(path, source, dry_run=dry_run, actor=actor, backup_root=backup_root)


def _merge_from(
    path: Location,
    source: Any,
    *,
    dry_run: bool,
    actor: str,
    backup_root: Path | None,
) -> MergeResult:
    if dry_run:
        with (
            open_database(path, read_only=True) as db,
            db.errors(),
            db.engine.connect() as conn,
        ):
            state = read_state(conn)
            mine, _owner = read_side(conn)
            theirs, _their_owner, _audit = source.load(
                state.owner_party if state else "", investigation_id(conn)
            )
            return MergeResult(plan(mine, theirs).counts, None, source.name)
    # No backup-on-open: the merge makes its own ("före sammanslagning") just below.
    with open_database(path, actor=actor, backup_dir=backup_root, auto_backup=False) as db:
        return _merge_into(db, source, actor, backup_root, _Steps(None, None))


def merge_into(
    db: Database,
    kopia: Path,
    *,
    actor: str = "",
    backup_root: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MergeResult:
    """Merge ``kopia`` (a file or a change package) into the open, writable ``db`` (the GUI's
    file): one transaction, after a backup ("före sammanslagning").

    ``progress(step, 4, text)`` reports the steps; when ``cancelled()`` turns true before the
    commit, :class:`MergeCancelled` is raised and the file is left as it was."""
    kopia = Path(kopia)
    _refuse_the_same_file(db.file_path, kopia)
    from utredning_app.services.packages import is_package, open_package

    steps = _Steps(progress, cancelled)
    steps("Läser kopian …")
    if is_package(kopia):
        return _merge_into(db, open_package(kopia), actor, backup_root, steps)
    with open_database(kopia, read_only=True) as other:
        return _merge_into(db, FileSource(other, kopia), actor, backup_root, steps)


def _refuse_the_same_file(path: Path | None, kopia: Path) -> None:
    """A file merged with itself (``path`` None: a server investigation, never a file)."""
    if path is not None and kopia.exists() and path.exists() and kopia.resolve() == path.resolve():
        raise ValidationError("Kopian och filen är samma fil.")


class MergeCancelled(Exception):
    """The user stopped the merge before it was committed; the file is unchanged."""


class _Steps:
    def __init__(
        self,
        progress: Callable[[int, int, str], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def __call__(self, text: str) -> None:
        if self._cancelled is not None and self._cancelled():
            raise MergeCancelled
        if self._progress is not None:
            self._progress(self.done, 4, text)
        self.done += 1


def _merge_into(
    db: Database, source: Any, actor: str, backup_root: Path | None, steps: _Steps
) -> MergeResult:
    from utredning_app.services.backups import folder_for
    from utredning_app.storage.backup import make_backup

    path = db.file_path  # None on a server: its backups are pg_dump's, not ours
    with db.errors(), db.engine.connect() as conn:
        state = read_state(conn)
        inv = investigation_id(conn)
    # Into a file: only what may travel to its owner. Into a server: everything the person's
    # copy holds (their own private and party-internal work too) – the server's row-level
    # security decides who may read it there.
    receiver = None if path is None else (state.owner_party if state else "")
    theirs, their_owner, audit = source.load(receiver, inv)
    steps("Säkerhetskopierar filen …")
    backup = make_backup(path, folder_for(path, backup_root), REASON_MERGE) if path else None
    steps("Slår ihop …")
    with db.transaction() as session:
        conn = cached(session.connection())
        me = current_replica(conn, path)
        mine, _ = read_side(conn, replica=me.replica_id)
        result = plan(mine, theirs)
        top = max(theirs.vector.values(), default=0)
        stamp = next_stamp(conn, path, at_least=top)
        _apply(conn, result, mine, theirs, source, stamp, their_owner)
        _absorb_vector(
            conn, source.absorbable(mine.vector), their_owner.replica == me.origin_replica
        )
        _copy_audit(conn, audit, their_owner, source.name)
        _log_merge(conn, actor or db.actor, result, their_owner, source.name, stamp)
        steps("Sparar …")  # the last moment Avbryt leaves the file as it was (a rollback)
    return MergeResult(result.counts, backup, source.name)


def snapshot_file(db: Database, target: Path) -> Path:
    """A consistent copy of the open file (the GUI keeps one after a merge, for redo)."""
    from utredning_app.storage.backup import copy_consistent

    return copy_consistent(db.path, target)


def restore_into(db: Database, snapshot: Path) -> None:
    """Put the content of ``snapshot`` (a copy of this file from before or after a merge)
    back into the open file, in one SQLite transaction: how the GUI undoes (and redoes) a
    merge as one step."""
    import sqlite3

    from utredning_app.storage.engine import sqlite_uri

    db.check_still_there()
    with db.errors():
        src = sqlite3.connect(sqlite_uri(Path(snapshot), read_only=True), uri=True, timeout=5)
        try:
            dst = sqlite3.connect(sqlite_uri(db.path), uri=True, timeout=5)
            try:
                (clock,) = dst.execute("SELECT coalesce(max(hlc), 0) FROM replica_state").fetchone()
                src.backup(dst)
                # The clock never goes back: values issued before the undo may have been seen
                # by other copies already.
                dst.execute("UPDATE replica_state SET hlc = max(hlc, ?)", (clock,))
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()


def _apply(
    conn: Connection,
    result: Plan,
    mine: Side,
    theirs: Side,
    source: Any,
    stamp: Version,
    their_owner: Owner,
) -> None:
    full = source.full_rows(result.inserts) if result.inserts else {}
    field_rows: list[dict[str, Any]] = []
    text_rows: list[dict[str, Any]] = []
    row_rows: list[dict[str, Any]] = []
    for table_name, row_id in _insert_rows(conn, result, theirs, full):
        created = theirs.row_versions.get((table_name, row_id))
        if created is not None:
            row_rows.append(
                {"t": table_name, "r": row_id, "h": created.hlc, "rep": created.replica}
            )
        for column in versioned_columns(table_name):
            found = theirs.field_versions.get((table_name, row_id), {}).get(column)
            if found is not None:
                field_rows.append(_field_row(table_name, row_id, column, found[0], found[1]))
            for version, value in theirs.texts.get((table_name, row_id, column), {}).items():
                text_rows.append(_text_row(table_name, row_id, column, version, value))
    applied = _update_rows(conn, result, mine, theirs)
    for change in applied:
        for column, (version, legacy) in change.versions.items():
            field_rows.append(_field_row(change.table, change.row_id, column, version, legacy))
        for column in change.restamp:
            _, legacy = mine.version(change.table, change.row_id, column)
            field_rows.append(_field_row(change.table, change.row_id, column, stamp, legacy))
            if (change.table, column) in LONG_TEXT_FIELDS:
                value = change.values.get(column, mine.rows[change.table][change.row_id][column])
                text_rows.append(_text_row(change.table, change.row_id, column, stamp, value))
        for column, texts in change.texts.items():
            for version, value in texts.items():
                text_rows.append(_text_row(change.table, change.row_id, column, version, value))
    if row_rows:
        conn.execute(
            text(
                "INSERT INTO row_version(table_name, row_id, hlc, replica_id) "
                "VALUES (:t, :r, :h, :rep) ON CONFLICT(table_name, row_id) DO UPDATE SET "
                "hlc = excluded.hlc, replica_id = excluded.replica_id"
            ),
            row_rows,
        )
    if field_rows:
        conn.execute(
            text(
                "INSERT INTO field_version(table_name, row_id, column_name, hlc, replica_id, "
                "legacy_hash) VALUES (:t, :r, :c, :h, :rep, :lh) "
                "ON CONFLICT(table_name, row_id, column_name) DO UPDATE SET "
                "hlc = excluded.hlc, replica_id = excluded.replica_id, "
                "legacy_hash = excluded.legacy_hash"
            ),
            field_rows,
        )
    if text_rows:
        conn.execute(
            text(
                "INSERT INTO text_base(table_name, row_id, column_name, hlc, "
                "replica_id, value) VALUES (:t, :r, :c, :h, :rep, :v) ON CONFLICT DO NOTHING"
            ),
            text_rows,
        )
    _store_conflicts(conn, result.conflicts, mine, theirs, their_owner, source.name)


def _insert_rows(
    conn: Connection,
    result: Plan,
    theirs: Side,
    full: dict[tuple[str, str], dict[str, Any]],
) -> list[tuple[str, str]]:
    """Insert the new rows, a table at a time (parents first). A table whose rows break a
    rule is retried row by row: a row that already exists under another id (the same link or
    assessment made in both copies) is never a duplicate, it is listed as a conflict."""
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for table_name, row_id in result.inserts:
        row = full.get((table_name, row_id)) or theirs.rows[table_name][row_id]
        groups.setdefault(table_name, []).append((row_id, row))
    done: list[tuple[str, str]] = []
    for table_name, items in groups.items():
        table = TABLE_BY_NAME[table_name]
        try:
            with conn.begin_nested():
                conn.execute(insert(table), [row for _id, row in items])
            done.extend((table_name, row_id) for row_id, _row in items)
            continue
        except IntegrityError:
            pass
        for row_id, row in items:
            try:
                with conn.begin_nested():
                    conn.execute(insert(table), [row])
                done.append((table_name, row_id))
            except IntegrityError:
                result.conflicts.append(
                    Conflict(
                        table_name,
                        row_id,
                        "*",
                        None,
                        None,
                        _jsonable_row(row),
                        Version(0, ""),
                        Version(0, ""),
                    )
                )
                if row.get("deleted_at") is None and _counted(table_name, row):
                    result.new_rows -= 1
    return done


def _update_rows(conn: Connection, result: Plan, mine: Side, theirs: Side) -> list[RowChange]:
    """Write the changed fields, many rows per statement (rows changing the same columns of
    one table together). A group that breaks a rule (e.g. low ≤ base ≤ high) is retried row by
    row: a row whose combined values break it keeps this file's values, and theirs are listed
    as conflicts. Returns the changes that were written."""
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[RowChange, dict[str, Any]]]] = {}
    for change in result.changes:
        # updated_at has an ORM onupdate default: always say which value it keeps.
        kept = {"updated_at": mine.rows[change.table][change.row_id]["updated_at"]}
        values = kept | dict(change.values) | change.touch
        groups.setdefault((change.table, tuple(sorted(values))), []).append((change, values))
    written: list[RowChange] = []
    for (table_name, columns), items in groups.items():
        table = TABLE_BY_NAME[table_name]
        statement = (
            update(table)
            .where(table.c.id == bindparam("_row_id"))
            .values({c: bindparam(f"_v_{c}") for c in columns})
        )
        params = [
            {"_row_id": change.row_id} | {f"_v_{c}": values[c] for c in columns}
            for change, values in items
        ]
        try:
            with conn.begin_nested():
                conn.execute(statement, params)
            written.extend(change for change, _ in items)
            continue
        except IntegrityError:
            pass
        for (change, _values), one in zip(items, params, strict=True):
            try:
                with conn.begin_nested():
                    conn.execute(statement, [one])
                written.append(change)
            except IntegrityError:
                _rule_conflicts(result, change, mine, theirs)
    return written


def _rule_conflicts(result: Plan, change: RowChange, mine: Side, theirs: Side) -> None:
    their_row = theirs.rows[change.table][change.row_id]
    my_row = mine.rows[change.table][change.row_id]
    for column in change.values:
        result.conflicts.append(
            Conflict(
                change.table,
                change.row_id,
                column,
                None,
                my_row[column],
                their_row[column],
                mine.version(change.table, change.row_id, column)[0],
                theirs.version(change.table, change.row_id, column)[0],
            )
        )
        if column == "deleted_at":
            result.deleted_rows -= 1 if their_row[column] is not None else 0
        else:
            result.changed_fields -= 1


def _field_row(
    table: str, row_id: str, column: str, version: Version, legacy: str
) -> dict[str, Any]:
    return {
        "t": table,
        "r": row_id,
        "c": column,
        "h": version.hlc,
        "rep": version.replica,
        "lh": legacy,
    }


def _text_row(table: str, row_id: str, column: str, version: Version, value: str) -> dict[str, Any]:
    return {
        "t": table,
        "r": row_id,
        "c": column,
        "h": version.hlc,
        "rep": version.replica,
        "v": value,
    }


def _jsonable_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: canonical(v) for k, v in row.items() if not isinstance(v, bytes)}


def _dump(value: Any) -> str:
    return json.dumps(canonical(value), ensure_ascii=False, sort_keys=True)


def _logged_base(conn: Connection, conflict: Conflict, my_row: dict[str, Any]) -> Any:
    """The value before this file's version of a field, from its ändringslogg (for showing
    the base of a conflict on a short field; None when the log does not tell)."""
    if conflict.column in ("*", "deleted_at"):
        return None
    found = conn.execute(
        text("SELECT changes_json FROM audit_entry WHERE row_id = :r ORDER BY at DESC, id"),
        {"r": conflict.row_id},
    )
    mine = canonical(my_row.get(conflict.column))
    for (raw,) in found:
        try:
            pair = json.loads(raw or "{}").get(conflict.column)
        except (ValueError, AttributeError):
            continue
        if isinstance(pair, list) and len(pair) == 2 and pair[1] == mine:
            return pair[0]
    return None


def _store_conflicts(
    conn: Connection,
    conflicts: list[Conflict],
    mine: Side,
    theirs: Side,
    their_owner: Owner,
    source: str,
) -> None:
    if not conflicts:
        return
    now = utcnow_precise().isoformat(timespec="seconds")
    rows = []
    for c in conflicts:
        my_row = mine.rows.get(c.table, {}).get(c.row_id, {})
        their_row = theirs.rows.get(c.table, {}).get(c.row_id, {})
        rows.append(
            {
                "table_name": c.table,
                "row_id": c.row_id,
                "column_name": c.column,
                "base_json": _dump(c.base if c.base is not None else _logged_base(conn, c, my_row)),
                "mine_json": _dump(c.mine),
                "theirs_json": _dump(c.theirs),
                "mine_by": str(my_row.get("updated_by") or ""),
                "mine_at": hlc_to_text(c.mine_version.hlc) or _iso(my_row.get("updated_at")),
                "theirs_by": str(their_row.get("updated_by") or ""),
                "theirs_at": hlc_to_text(c.theirs_version.hlc) or _iso(their_row.get("updated_at")),
                "source": (f"{source}, {their_owner.name}" if their_owner.name else source)[:300],
                "found_at": now,
                "resolved_at": "",
                "resolution": "kept_theirs" if c.kept_theirs else "",
            }
        )
    conn.execute(insert(merge_conflict), rows)


def _iso(value: Any) -> str:
    return value.isoformat(timespec="seconds") if isinstance(value, dt.datetime) else ""


def _absorb_vector(conn: Connection, vector: dict[str, int], from_origin: bool) -> None:
    rows = [{"r": r, "h": h} for r, h in vector.items()]
    if not rows:
        return
    sql = (
        "INSERT INTO {t}(replica_id, hlc) VALUES (:r, :h) "
        "ON CONFLICT(replica_id) DO UPDATE SET hlc = CASE WHEN excluded.hlc > {t}.hlc "
        "THEN excluded.hlc ELSE {t}.hlc END"
    )
    conn.execute(text(sql.format(t="replica_seen")), rows)
    if from_origin:
        conn.execute(text(sql.format(t=replica_baseline.name)), rows)


def _copy_audit(
    conn: Connection, entries: list[dict[str, Any]], their_owner: Owner, source: str
) -> None:
    if not entries:
        return
    have = {r for (r,) in conn.exec_driver_sql("SELECT id FROM audit_entry")}
    new = [e for e in entries if e["id"] not in have]
    if not new:
        return
    marks = ", ".join(f":{c}" for c in AUDIT_COLUMNS)
    conn.execute(
        text(f"INSERT INTO audit_entry ({', '.join(AUDIT_COLUMNS)}) VALUES ({marks})"),
        [{c: e[c] for c in AUDIT_COLUMNS} for e in new],
    )
    now = utcnow_precise().isoformat(timespec="seconds")
    conn.execute(
        text(
            "INSERT INTO audit_provenance (audit_id, source_replica, source, merged_at) "
            "VALUES (:a, :r, :s, :m)"
        ),
        [{"a": e["id"], "r": their_owner.replica, "s": source, "m": now} for e in new],
    )


def _log_merge(
    conn: Connection, actor: str, result: Plan, their_owner: Owner, source: str, stamp: Version
) -> None:
    from utredning_app.domain.enums import AuditAction
    from utredning_app.storage.base import new_id

    counts = result.counts
    if not any(counts.values()):
        return
    entry_id = new_id()
    conn.execute(
        insert(AuditEntry.__table__),  # type: ignore[arg-type]
        [
            {
                "id": entry_id,
                "at": utcnow_precise(),
                "actor": actor,
                "action": AuditAction.UPDATE,
                "table_name": "investigation",
                "row_id": investigation_id(conn),
                "summary": (
                    f"Sammanslagning med kopian {source}: {counts['nya']} nya, "
                    f"{counts['andrade']} ändrade fält, {counts['borttagna']} borttagna, "
                    f"{counts['konflikter']} konflikter"
                )[:500],
                "changes_json": json.dumps({"sammanslagning": counts}, sort_keys=True),
            }
        ],
    )
    conn.execute(
        insert(audit_provenance),
        [
            {
                "audit_id": entry_id,
                "source_replica": their_owner.replica,
                "source": source,
                "merged_at": hlc_to_text(stamp.hlc),
            }
        ],
    )
