"""Open, create and validate investigation files; hand out units of work.

Opening never modifies a file it refuses: the checks run on a read-only connection first
(SQLite header, ``application_id``, ``quick_check``, schema revision), and only a file that
passes and is older than this app is backed up and migrated — by a writable open. A read-only
open never changes the file: an older one is read from an upgraded private copy
(:mod:`storage.snapshot`), deleted again on close.

The checks live in :mod:`storage.inspection`, crash recovery in :mod:`storage.journal`, the
Swedish messages for SQLite failures in :mod:`storage.sqlite_errors`; their public names are
re-exported here, where the other layers have always imported them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from utredning_app import paths
from utredning_app.errors import (
    CorruptFile,
    FileLockedError,
    ReadOnlyFile,
    StorageError,
    UserError,
)
from utredning_app.storage import text_guard  # noqa: F401 - registers its flush hook
from utredning_app.storage.audit import AuditedSession
from utredning_app.storage.backup import backup_folder, backup_on_open, report_backup_warning
from utredning_app.storage.engine import APPLICATION_ID, make_engine
from utredning_app.storage.inspection import (
    SQLITE_HEADER,
    FileFacts,
    has_older_schema,
    inspect_file,
)
from utredning_app.storage.journal import (
    journal_path,
    recover_interrupted,
    restore_after_failed_write,
)
from utredning_app.storage.location import ServerLocation, is_server_address
from utredning_app.storage.lock import FileLock, read_lock
from utredning_app.storage.models import Investigation
from utredning_app.storage.sqlite_errors import decode_error, storage_error, user_errors

FILE_SUFFIX = ".utredning"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class Database:
    """An open investigation file. Every user action is one ``transaction()``."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool,
        actor: str = "",
        lock: FileLock | None = None,
        snapshot: Path | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.actor = actor
        self.lock = lock
        # An older file opened read-only is read from an upgraded private copy (``engine`` is
        # bound to it; ``path`` stays the user's file, for messages): deleted by close().
        self.snapshot = snapshot
        # What inspect_file found when open_database opened the file (before any upgrade).
        self.facts: FileFacts | None = None
        self._identity = _identity(path)
        # Backup bookkeeping (services/backups.py): the SQLite change counter at the last
        # backup, when it was made, and a message if backing up failed.
        self.backup_counter: int | None = None
        self.backup_at: float | None = None
        self.backup_warning: str | None = None
        self.backup_root: Path | None = None

    is_server = False

    @property
    def name(self) -> str:
        """What messages call the investigation: the file's name."""
        return self.path.name

    @property
    def location(self) -> Path | ServerLocation:
        """Where it lives: the file (a server investigation gives its ServerLocation)."""
        return self.path

    @property
    def file_path(self) -> Path | None:
        """The file, or None for an investigation on a server."""
        return self.path

    def errors(self) -> contextlib.AbstractContextManager[None]:
        """Low-level failures as Swedish messages naming this file (or server)."""
        return user_errors(self.path)

    @property
    def upgraded_copy(self) -> bool:
        """True when the file has an older schema and is read from an upgraded copy."""
        return self.snapshot is not None

    def check_still_there(self) -> None:
        """Refuse to write when the file was moved, deleted or replaced while open."""
        now = _identity(self.path)
        if now is None:
            raise StorageError(
                f"Filen {self.path} finns inte längre på sin plats (flyttad eller borttagen "
                "medan den var öppen). Ändringen sparades inte; allt som sparats tidigare finns "
                "kvar i filen där den nu ligger och i säkerhetskopiorna."
            )
        if self._identity is not None and now != self._identity:
            raise StorageError(
                f"Filen {self.path} har ersatts av en annan fil medan den var öppen (t.ex. av "
                "ett synkprogram eller en återställning). Ändringen sparades inte; öppna filen "
                "igen."
            )
        if self.lock is not None:
            owner = read_lock(self.path)
            if owner is not None and not owner.is_this_process():
                raise FileLockedError(
                    f"{owner.describe()} har tagit över filen {self.path.name} för redigering. "
                    "Ändringen sparades inte; stäng filen och öppna den igen (skrivskyddad, "
                    "eller när den andra har stängt den).",
                    owner=owner,
                )

    @contextlib.contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any exception."""
        if self.read_only:
            raise ReadOnlyFile(f"Filen {self.path.name} är öppnad skrivskyddad.")
        self.check_still_there()
        session = AuditedSession(
            self.engine,
            expire_on_commit=False,
            info={"actor": actor if actor is not None else self.actor, "path": self.path},
        )
        try:
            with user_errors(self.path), session.begin():
                yield session
        except BaseException as exc:
            session.close()
            restore_after_failed_write(self.path, exc)
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (one consistent snapshot)."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            with self.errors(), session.begin():
                yield session
        finally:
            session.close()

    def investigation(self, session: Session) -> Investigation:
        inv = session.scalars(
            select(Investigation).where(Investigation.deleted_at.is_(None))
        ).first()
        if inv is None:
            raise CorruptFile(self._no_investigation())
        return inv

    def _no_investigation(self) -> str:
        return f"Filen {self.path.name} innehåller ingen utredning."

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.snapshot is not None:
            from utredning_app.storage.snapshot import discard

            discard(self.snapshot)
            self.snapshot = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(
    path: Path | ServerLocation,
    *,
    read_only: bool = False,
    actor: str = "",
    backup_dir: Path | None = None,
    take_over_lock: bool = False,
    auto_backup: bool = True,
) -> Database:
    """Open an existing investigation file, migrating it (after a backup) if it is older.

    A writable open takes the file's lock (:mod:`storage.lock`): if another instance or
    computer has it, :class:`FileLockedError` names who; open ``read_only=True`` instead, or
    ``take_over_lock=True`` when that computer is known to be off. A writable open also makes
    a backup if the newest one of this file is older than a few hours (``auto_backup``);
    a failure there does not stop the open but is kept in ``Database.backup_warning``.

    A read-only open never changes the file. An older file is then read from an upgraded
    private copy (``Database.upgraded_copy``), which ``close()`` deletes.
    """
    if isinstance(path, ServerLocation) or is_server_address(path):
        from utredning_app.storage.server import open_server

        return open_server(as_server(path), read_only=read_only, actor=actor)
    path = Path(path)
    facts = inspect_file(path)
    if not read_only and not facts.writable:
        raise ReadOnlyFile(
            f"Filen {path.name} eller mappen den ligger i är skrivskyddad. "
            "Öppna den skrivskyddad eller kopiera den till en skrivbar mapp."
        )
    if read_only:
        if facts.needs_upgrade:
            from utredning_app.storage.snapshot import make_upgraded_snapshot

            snapshot = make_upgraded_snapshot(path)
            engine = make_engine(snapshot, read_only=True)
            db = Database(path, engine, read_only=True, actor=actor, snapshot=snapshot)
        else:
            db = Database(path, make_engine(path, read_only=True), read_only=True, actor=actor)
        db.facts = facts
        return db
    lock = FileLock.acquire(path, take_over=take_over_lock)
    try:
        folder = backup_folder(path, backup_dir or paths.backups_dir())
        warning: str | None = None
        if facts.needs_upgrade:
            from utredning_app.storage.migrate import upgrade_file

            try:
                upgrade_file(path, folder)
            except BaseException as exc:
                restore_after_failed_write(path, exc)
                raise
        elif auto_backup:
            try:
                backup_on_open(path, folder)
            except UserError as exc:
                warning = exc.message
                report_backup_warning(warning)  # the CLI prints it; the GUI reads backup_warning
        db = Database(path, make_engine(path), read_only=False, actor=actor, lock=lock)
    except BaseException:
        lock.release()
        raise
    from utredning_app.storage.backup import change_counter

    db.facts = facts
    db.backup_warning = warning
    db.backup_root = backup_dir
    db.backup_counter = change_counter(path)
    db.backup_at = time.monotonic()
    return db


def create_database(
    path: Path | ServerLocation, *, title: str, diarienummer: str = "", actor: str = ""
) -> Database:
    """Create a new investigation file at ``path`` (which must not exist).

    The file is built as a temporary file beside the target and renamed into place only when
    complete, so a failure never leaves a half-made file behind.
    """
    from utredning_app.errors import ValidationError

    if isinstance(path, ServerLocation) or is_server_address(path):
        from utredning_app.storage.server import create_server_investigation

        return create_server_investigation(
            as_server(path), title=title, diarienummer=diarienummer, actor=actor
        )
    path = Path(path)
    if path.exists():
        raise ValidationError(f"Filen {path} finns redan; välj ett annat namn.")
    if not title.strip():
        raise ValidationError("Utredningen måste ha en titel.")
    from utredning_app.domain.validation import raise_if_invalid

    raise_if_invalid("investigation", "Utredningen", {"title": title, "diarienummer": diarienummer})
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
        journal_path(tmp).unlink(missing_ok=True)
        raise
    lock = FileLock.acquire(path)
    return Database(path, make_engine(path), read_only=False, actor=actor, lock=lock)


def as_server(value: Path | ServerLocation) -> ServerLocation:
    return value if isinstance(value, ServerLocation) else ServerLocation.parse(str(value))


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


__all__ = [
    "FILE_SUFFIX",
    "SQLITE_HEADER",
    "Database",
    "FileFacts",
    "build_empty_file",
    "create_database",
    "decode_error",
    "has_older_schema",
    "inspect_file",
    "journal_path",
    "open_database",
    "recover_interrupted",
    "restore_after_failed_write",
    "storage_error",
    "user_errors",
]
