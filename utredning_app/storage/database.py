"""Open, create and validate investigation files; hand out units of work.

Opening never modifies a file it refuses: the checks run on a read-only connection first
(SQLite header, ``application_id``, ``quick_check``, schema revision), and only a file that
passes and is older than this app is backed up and migrated.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from utredning_app import paths
from utredning_app.errors import (
    CorruptFile,
    FileOpenError,
    NewerSchemaError,
    NotAnInvestigationFile,
    ReadOnlyFile,
)
from utredning_app.storage.audit import AuditedSession
from utredning_app.storage.engine import APPLICATION_ID, make_engine, sqlite_uri
from utredning_app.storage.models import Investigation
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"
FILE_SUFFIX = ".utredning"


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


def inspect_file(path: Path, *, full_check: bool = False) -> FileFacts:
    """Validate ``path`` without changing a byte of it. Raises a FileOpenError subclass."""
    path = Path(path)
    _check_header(path)
    try:
        conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise CorruptFile(f"Filen {path.name} kan inte öppnas: {exc}.") from exc
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(f"Filen {path.name} är skadad och kan inte läsas ({exc}).") from exc
        if app_id != APPLICATION_ID:
            raise NotAnInvestigationFile(
                f"Filen {path.name} är en SQLite-databas men inte en utredningsfil från "
                "Utredningsstöd."
            )
        check = "integrity_check" if full_check else "quick_check"
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(f"Filen {path.name} är skadad ({exc}).") from exc
        if rows != ["ok"]:
            detail = "; ".join(str(r) for r in rows[:3])
            raise CorruptFile(f"Filen {path.name} är skadad: {detail}.")
        try:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(
                f"Filen {path.name} saknar schemaversion och kan inte öppnas ({exc})."
            ) from exc
        revision = found[0][0] if len(found) == 1 else None
        if revision is None:
            raise CorruptFile(f"Filen {path.name} har ingen giltig schemaversion.")
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


class Database:
    """An open investigation file. Every user action is one ``transaction()``."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool, actor: str = "") -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.actor = actor

    @contextlib.contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any exception."""
        if self.read_only:
            raise ReadOnlyFile(f"Filen {self.path.name} är öppnad skrivskyddad.")
        session = AuditedSession(
            self.engine,
            expire_on_commit=False,
            info={"actor": actor if actor is not None else self.actor},
        )
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (one consistent snapshot)."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def investigation(self, session: Session) -> Investigation:
        inv = session.scalars(
            select(Investigation).where(Investigation.deleted_at.is_(None))
        ).first()
        if inv is None:
            raise CorruptFile(f"Filen {self.path.name} innehåller ingen utredning.")
        return inv

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(
    path: Path,
    *,
    read_only: bool = False,
    actor: str = "",
    backup_dir: Path | None = None,
) -> Database:
    """Open an existing investigation file, migrating it (after a backup) if it is older."""
    path = Path(path)
    facts = inspect_file(path)
    if not read_only and not facts.writable:
        raise ReadOnlyFile(
            f"Filen {path.name} eller mappen den ligger i är skrivskyddad. "
            "Öppna den skrivskyddad eller kopiera den till en skrivbar mapp."
        )
    if facts.needs_upgrade:
        if read_only:
            raise ReadOnlyFile(
                f"Filen {path.name} har en äldre schemaversion och måste uppgraderas, "
                "vilket inte går när den öppnas skrivskyddad."
            )
        from utredning_app.storage.migrate import upgrade_file

        upgrade_file(path, backup_dir or paths.backups_dir())
    return Database(path, make_engine(path, read_only=read_only), read_only=read_only, actor=actor)


def create_database(path: Path, *, title: str, diarienummer: str = "", actor: str = "") -> Database:
    """Create a new investigation file at ``path`` (which must not exist).

    The file is built as a temporary file beside the target and renamed into place only when
    complete, so a failure never leaves a half-made file behind.
    """
    from utredning_app.errors import ValidationError

    path = Path(path)
    if path.exists():
        raise ValidationError(f"Filen {path} finns redan; välj ett annat namn.")
    if not title.strip():
        raise ValidationError("Utredningen måste ha en titel.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ValidationError(f"Mappen {parent} finns inte.")
    fd, tmp_name = tempfile.mkstemp(prefix=".ny-", suffix=FILE_SUFFIX, dir=parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        build_empty_file(tmp)
        db = Database(tmp, make_engine(tmp), read_only=False, actor=actor)
        with db.transaction() as session:
            session.add(Investigation(title=title.strip(), diarienummer=diarienummer.strip()))
        db.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + "-journal").unlink(missing_ok=True)
        raise
    return Database(path, make_engine(path), read_only=False, actor=actor)


def build_empty_file(path: Path) -> None:
    """Create an empty file at head revision by running every migration from scratch."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.commit()
    finally:
        conn.close()
    from utredning_app.storage.migrate import run_migrations

    run_migrations(path)
