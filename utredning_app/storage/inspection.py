"""A read-only look at a file before anything opens it: SQLite header, ``application_id``,
``quick_check``, schema revision, and the schema's objects (:func:`inspect_file`)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from utredning_app.errors import (
    CorruptFile,
    FileLockedError,
    FileOpenError,
    NewerSchemaError,
    NotAnInvestigationFile,
    ReadOnlyFile,
    os_reason,
)
from utredning_app.storage.engine import APPLICATION_ID, sqlite_uri
from utredning_app.storage.journal import interrupted_error, journal_path, recover_interrupted
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from utredning_app.storage.sqlite_errors import storage_error

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    """What a read-only look at a file found."""

    path: Path
    revision: str | None
    application_id: int
    size: int
    writable: bool

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != HEAD_REVISION


def _check_header(path: Path) -> None:
    if not path.exists():
        raise FileOpenError(f"Filen {path} finns inte.")
    if path.is_dir():
        raise NotAnInvestigationFile(f"{path} är en mapp, inte en utredningsfil.")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError as exc:
        raise ReadOnlyFile(f"Filen {path} kan inte läsas: behörighet saknas.") from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotAnInvestigationFile(
            f"Filen {path.name} är inte en utredningsfil från Utredningsstöd "
            "(den är inte en SQLite-databas)."
        )


def inspect_file(path: Path, *, full_check: bool = False, values: bool = True) -> FileFacts:
    """Validate ``path`` without changing a byte of it. Raises a FileOpenError subclass.

    ``values``: refuse a file holding a value the app cannot read (a BLOB where a name
    belongs, an unknown enum value: :mod:`storage.value_check`); ``check`` lists them all
    instead.

    The one exception: a transaction interrupted by a crash is rolled back first
    (:func:`recover_interrupted`), which restores the bytes of the last committed state.
    """
    path = Path(path)
    _check_header(path)
    recover_interrupted(path)
    try:
        conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise CorruptFile(f"Filen {path.name} kan inte öppnas: {os_reason(exc)}.") from exc
    # A damaged or crafted file may hold bytes that are not UTF-8: in values, and in SQLite's
    # own error messages (which name damaged tables), hence UnicodeDecodeError below too.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if "readonly" in str(exc) and journal_path(path).exists():
                raise interrupted_error(path) from exc
            if isinstance(storage_error(exc, path), FileLockedError):
                raise FileLockedError(
                    f"Filen {path.name} är låst av ett annat program eller en annan dator "
                    "som skriver i den just nu. Försök igen om en stund."
                ) from exc
            raise CorruptFile(
                f"Filen {path.name} är skadad och kan inte läsas ({os_reason(exc)})."
            ) from exc
        if app_id != APPLICATION_ID:
            raise NotAnInvestigationFile(
                f"Filen {path.name} är en SQLite-databas men inte en utredningsfil från "
                "Utredningsstöd."
            )
        check = "integrity_check" if full_check else "quick_check"
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise CorruptFile(f"Filen {path.name} är skadad ({os_reason(exc)}).") from exc
        if rows != ["ok"]:
            detail = "; ".join(str(r) for r in rows[:3])
            raise CorruptFile(f"Filen {path.name} är skadad: {detail}.")
        try:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise CorruptFile(
                f"Filen {path.name} saknar schemaversion och kan inte öppnas ({os_reason(exc)})."
            ) from exc
        revision = found[0][0] if len(found) == 1 else None
        if not isinstance(revision, str):
            raise CorruptFile(f"Filen {path.name} har ingen giltig schemaversion.")
        if revision in KNOWN_REVISIONS:
            # Before any statement runs on the file (a planted trigger would fire inside the
            # app's transactions and migrations): its objects must be those of its revision.
            _check_schema(conn, path, revision)
        if revision == HEAD_REVISION:
            _check_tables(conn, path)
        if revision in KNOWN_REVISIONS and values:
            _check_values(conn, path)
    finally:
        conn.close()
    if revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"Filen {path.name} är skapad av en nyare version av Utredningsstöd "
            f"(schemaversion {revision}). Uppdatera programmet för att öppna den; "
            "filen har inte ändrats."
        )
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return FileFacts(path, revision, app_id, path.stat().st_size, writable)


def has_older_schema(path: object) -> bool:
    """Whether ``path`` was written by an older version (a read-only open then reads an
    upgraded copy). A cheap look for messages only: no checks, False if it cannot be read
    (the open itself reports why) and for an investigation on a server."""
    if not isinstance(path, str | Path):
        return False
    try:
        conn = sqlite3.connect(sqlite_uri(Path(path), read_only=True), uri=True, timeout=5)
        try:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False
    return len(found) == 1 and found[0][0] in KNOWN_REVISIONS and found[0][0] != HEAD_REVISION


def _check_schema(conn: sqlite3.Connection, path: Path, revision: str) -> None:
    from utredning_app.storage.schema_check import refusal_message, schema_problems

    try:
        problems = schema_problems(conn, revision)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise CorruptFile(f"Filen {path.name} är skadad ({os_reason(exc)}).") from exc
    if problems:
        raise CorruptFile(refusal_message(path.name, revision, problems))


def _check_values(conn: sqlite3.Connection, path: Path) -> None:
    from utredning_app.storage.value_check import refusal_message, unreadable_value

    try:
        problem = unreadable_value(conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise CorruptFile(f"Filen {path.name} är skadad ({os_reason(exc)}).") from exc
    if problem is not None:
        raise CorruptFile(refusal_message(path.name, problem))


def _check_tables(conn: sqlite3.Connection, path: Path) -> None:
    """Every table and column the app uses is there (a file can pass SQLite's checks and
    still have been edited by hand or crafted)."""
    from utredning_app.storage.base import Base

    for table in Base.metadata.sorted_tables:
        try:
            found = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise CorruptFile(f"Filen {path.name} är skadad ({os_reason(exc)}).") from exc
        missing = [c.name for c in table.columns if c.name not in found]
        if missing:
            what = "saknas" if not found else f"saknar kolumnen {missing[0]}"
            raise CorruptFile(
                f"Filen {path.name} har en ändrad databasstruktur (tabellen {table.name} "
                f"{what}) och kan inte öppnas. Återställ den från en säkerhetskopia."
            )
