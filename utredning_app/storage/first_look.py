"""A quick read-only look at an up-to-date file for the first view (Översikt), with the
standard library's ``sqlite3`` only.

Importing SQLAlchemy and mapping the models costs about a third of a second, twice what Qt
needs to put a window on the screen. So at start the window shows the file's Översikt from
this reader while the full open (SQLAlchemy, the lock, the backup, the checks, in a worker
thread) runs behind it; the view then reads again through the ORM, with the same figures
(``tests/integration/test_first_look.py`` compares them).

It reads only a file the full open would take as it is: an SQLite file of this app at the
head revision whose schema objects are those of that revision, with no rollback journal
beside it (a crash to roll back first) and no lock file (someone else has it open, and the
user is asked first). Anything else — an older file that needs upgrading, a newer one, a
damaged or crafted one, a value this reader does not expect — gives None, and the window
shows "Öppnar …" until the full open has decided, exactly as without this reader. The
connection is read-only (``mode=ro``): not a byte of the file changes.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utredning_app.domain.enums import MilestoneKind, ResponseStatus
from utredning_app.storage.schema_version import APPLICATION_ID, HEAD_REVISION, sqlite_uri
from utredning_app.storage.sidecars import journal_path, lock_path_for

SQLITE_HEADER = b"SQLite format 3\x00"
_NAME = re.compile(r"^[a-z_]+$")

# Columns as the ORM models declare them (storage/models.py), each with its decoding as
# SQLAlchemy does it on SQLite: dates as ISO text, booleans as 0/1, enums by value.
Row = dict[str, Any]


class _Unexpected(Exception):
    """A value this reader does not expect: decline, the full open will judge the file."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _Unexpected
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _date(value: object) -> dt.date:
    return dt.date.fromisoformat(_text(value))


def _optional_date(value: object) -> dt.date | None:
    return None if value is None else _date(value)


def _datetime(value: object) -> dt.datetime:
    return dt.datetime.fromisoformat(_text(value))


def _optional_datetime(value: object) -> dt.datetime | None:
    return None if value is None else _datetime(value)


def _bool(value: object) -> bool:
    if value not in (0, 1) or isinstance(value, float):
        raise _Unexpected
    return bool(value)


def _kind(value: object) -> MilestoneKind:
    return MilestoneKind(_text(value))


Decode = Callable[[object], Any]
TRACKED: dict[str, Decode] = {
    "id": _text,
    "created_at": _datetime,
    "updated_at": _datetime,
    "updated_by": _text,
    "deleted_at": _optional_datetime,
}
INVESTIGATION: dict[str, Decode] = {
    "title": _text,
    "diarienummer": _text,
    "commissioned_by": _text,
    "region": _text,
    "case_officer": _text,
    "directive_md": _text,
    "decided_on": _optional_date,
}
MILESTONE: dict[str, Decode] = {
    **TRACKED,
    "kind": _kind,
    "title": _text,
    "due_date": _date,
    "done": _bool,
}
DONE_STATUSES = (ResponseStatus.KODAD.value, ResponseStatus.AVSTATT.value)


@dataclass
class OverviewRows:
    """What Översikt shows, as the ORM would give it."""

    investigation: Row
    milestones: list[Row] = field(default_factory=list)  # every live one, by date
    counts: dict[str, int] = field(default_factory=dict)  # live rows per table
    consultees: int = 0  # invited, live
    responses: int = 0  # live consultees with a live answer
    responses_done: int = 0  # … of which coded or set aside


def _decode(raw: Sequence[object], columns: dict[str, Decode]) -> Row:
    return {key: decode(value) for (key, decode), value in zip(columns.items(), raw, strict=True)}


def _select(columns: dict[str, Decode], table: str) -> str:
    return f"SELECT {', '.join(columns)} FROM {table}"


def _acceptable(path: Path, conn: sqlite3.Connection) -> bool:
    """The file is this app's, at the head revision, with exactly that revision's objects."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return False
    found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(found) != 1 or found[0][0] != HEAD_REVISION:
        return False
    from utredning_app.storage.schema_check import schema_problems

    return not schema_problems(conn, HEAD_REVISION)


def read_overview(path: Path, counted: Sequence[str]) -> OverviewRows | None:
    """Översikt's figures read straight from ``path`` (live rows of each ``counted`` table),
    or None when the file is not one to read this way (see the module's docstring)."""
    path = Path(path)
    if not all(_NAME.match(table) for table in counted):
        raise ValueError(f"okänd tabell bland {counted}")
    try:
        if not path.is_file() or path.stat().st_size < 100:
            return None
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return None
        beside = (journal_path(path), Path(f"{path}-wal"), lock_path_for(path))
        if any(other.exists() for other in beside):
            return None
        conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True, timeout=1)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for every figure
        if not _acceptable(path, conn):
            return None
        return _read(conn, counted)
    except (sqlite3.Error, UnicodeDecodeError, ValueError, _Unexpected):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, counted: Sequence[str]) -> OverviewRows | None:
    live = " WHERE deleted_at IS NULL"
    first = conn.execute(_select(INVESTIGATION, "investigation") + live + " LIMIT 1").fetchone()
    if first is None:
        return None  # the full open names the problem
    result = OverviewRows(_decode(first, INVESTIGATION))
    order = " ORDER BY due_date, created_at, id"
    for raw in conn.execute(_select(MILESTONE, "milestone") + live + order):
        result.milestones.append(_decode(raw, MILESTONE))
    for table in counted:
        result.counts[table] = _count(conn, f"SELECT count(*) FROM {table}{live}")
    result.consultees = _count(
        conn, "SELECT count(*) FROM consultee WHERE deleted_at IS NULL AND invited IS 1"
    )
    answered = (
        "SELECT count(DISTINCT response.consultee_id) FROM response "
        "JOIN consultee ON consultee.id = response.consultee_id "
        "WHERE response.deleted_at IS NULL AND consultee.deleted_at IS NULL"
    )
    result.responses = _count(conn, answered)
    result.responses_done = _count(conn, answered + " AND response.status IN (?, ?)", DONE_STATUSES)
    return result


def _count(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> int:
    value = conn.execute(sql, params).fetchone()[0]
    if not isinstance(value, int):
        raise _Unexpected
    return value
