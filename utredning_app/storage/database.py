"""Open, create and validate investigation files; hand out units of work.

Opening never modifies a file it refuses: the checks run on a read-only connection first
(SQLite header, ``application_id``, ``quick_check``, schema revision), and only a file that
passes and is older than this app is backed up and migrated — by a writable open. A read-only
open never changes the file: an older one is read from an upgraded private copy
(:mod:`storage.snapshot`), deleted again on close.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from utredning_app import paths
from utredning_app.errors import (
    CorruptFile,
    FileLockedError,
    FileOpenError,
    NewerSchemaError,
    NotAnInvestigationFile,
    ReadOnlyFile,
    StorageError,
    UserError,
    os_reason,
)
from utredning_app.storage import text_guard  # noqa: F401 - registers its flush hook
from utredning_app.storage.audit import AuditedSession
from utredning_app.storage.backup import backup_folder, backup_on_open, report_backup_warning
from utredning_app.storage.engine import APPLICATION_ID, make_engine, sqlite_uri
from utredning_app.storage.lock import FileLock, read_lock
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


def journal_path(path: Path) -> Path:
    return Path(str(path) + "-journal")


def recover_interrupted(path: Path) -> bool:
    """Roll back a transaction a crash left half-written; True if a journal was there.

    After a crash or power loss in the middle of a commit, the *hot journal* beside the file
    holds the pages needed to restore the last committed state. SQLite plays it back on the
    first read by a connection allowed to write; a read-only connection fails instead
    ("attempt to write a readonly database"). So this runs before any read-only look. It is
    safe while another process is writing: SQLite only plays a journal back when no process
    holds the write lock.
    """
    if not journal_path(path).exists():
        return False
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return False  # a read-only look fails if the journal is hot: see _interrupted_error
    try:
        conn = sqlite3.connect(sqlite_uri(path), uri=True, timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        mapped = storage_error(exc, path)
        if isinstance(mapped, FileLockedError | StorageError | ReadOnlyFile):
            raise mapped from exc
        raise CorruptFile(
            f"Filen {path.name} avbröts mitt i en ändring och kunde inte återställas "
            f"({os_reason(exc)})."
        ) from exc
    return True


def restore_after_failed_write(path: Path, exc: BaseException) -> None:
    """Roll back now what a failed write left for "later", and make sure it is gone.

    When a write fails half-way (disk full, I/O error), SQLite may leave the file with pages
    of the failed transaction in it and a *hot journal* beside it; the next connection would
    roll it back. Until then the file alone is not whole: copied, mailed or backed up without
    its journal it is "malformed". So the rollback is done here, before the error reaches the
    user (the journal restores original pages and truncates the file, which needs no space),
    and verified; if it cannot be done, the message says so instead of "everything is kept".
    """
    if isinstance(exc, FileLockedError) or not journal_path(path).exists():
        return  # locked: the journal is the other writer's (and waiting again helps nobody)
    with contextlib.suppress(UserError, OSError):
        recover_interrupted(path)
    if not isinstance(exc, UserError) or not journal_path(path).exists():
        return
    # Still there: either another process is writing (its journal, not ours: fine) or the
    # rollback failed. A read-only look tells them apart: it fails only on a hot journal.
    try:
        conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True, timeout=1)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as err:
        if "locked" in str(err) or "busy" in str(err):
            return  # another process is mid-commit: its journal, not ours
        exc.message = (
            f"{exc.message} Filen {path.name} kunde inte återställas helt: återställningsdata "
            f"ligger kvar i {journal_path(path).name}. Kopiera inte filen nu; öppna den igen "
            "i programmet när det finns utrymme, så återställs den."
        )
        exc.args = (exc.message,)


def _interrupted_error(path: Path) -> ReadOnlyFile:
    return ReadOnlyFile(
        f"Filen {path.name} avbröts mitt i en ändring (t.ex. vid en krasch eller ett "
        "strömavbrott) och måste öppnas en gång där den är skrivbar, så att den kan "
        "återställas till det senast sparade läget."
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
                raise _interrupted_error(path) from exc
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


def has_older_schema(path: Path) -> bool:
    """Whether ``path`` was written by an older version (a read-only open then reads an
    upgraded copy). A cheap look for messages only: no checks, False if it cannot be read
    (the open itself reports why)."""
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


def storage_error(exc: BaseException, path: Path) -> UserError | None:
    """The Swedish UserError for a low-level SQLite failure on ``path``, or None.

    Every one of these leaves the file at its last committed state: the failing transaction
    is rolled back by SQLite (the journal makes that atomic even on power loss).
    """
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return None
    text = str(orig).lower()
    name = path.name
    unsaved = "Ändringen sparades inte; allt som sparats tidigare finns kvar."
    if "locked" in text or "busy" in text:
        return FileLockedError(
            f"Filen {name} används just nu av ett annat program eller en annan dator, som inte "
            f"släppte den inom några sekunder. {unsaved} Försök igen om en stund."
        )
    if "full" in text:
        return StorageError(
            f"Disken där {name} ligger är full. {unsaved} Frigör utrymme och försök igen."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyFile(
            f"Filen {name} eller mappen den ligger i är skrivskyddad. {unsaved} "
            "Spara en kopia i en skrivbar mapp."
        )
    if "unable to open" in text and path.exists() and not os.access(path.parent, os.W_OK):
        return ReadOnlyFile(
            f"Mappen {path.parent} där {name} ligger har blivit skrivskyddad. {unsaved} "
            "Spara en kopia i en skrivbar mapp."
        )
    if "unable to open" in text:
        return StorageError(
            f"Filen {path} kan inte öppnas längre – har den flyttats, tagits bort eller har "
            f"nätverksanslutningen brutits? {unsaved}"
        )
    if "could not decode" in text:
        return CorruptFile(
            f"Filen {name} innehåller text som inte går att läsa och är troligen skadad eller "
            "manipulerad. Återställ den från en säkerhetskopia."
        )
    if "no such column" in text or "no such table" in text:
        return CorruptFile(
            f"Filen {name} har en ändrad databasstruktur ({_missing(orig)}). Återställ den från en "
            "säkerhetskopia."
        )
    if "malformed" in text or "not a database" in text:
        return CorruptFile(f"Filen {name} är skadad ({os_reason(orig)}). {unsaved}")
    if "i/o" in text:
        return StorageError(
            f"Läs- eller skrivfel i filen {path} (disk, USB-minne eller nätverk). {unsaved}"
        )
    return None


def _missing(exc: sqlite3.Error) -> str:
    """ "no such column: x" → "kolumnen x saknas"."""
    text = str(exc)
    what = "kolumnen" if "column" in text else "tabellen"
    return f"{what} {text.split(':', 1)[-1].strip()} saknas"


# Modules that turn stored values into Python ones: an exception raised inside them while
# reading means the *file* holds a value that cannot be right (a crafted or damaged file).
_DECODING_MODULES = (
    "sqlalchemy/sql/sqltypes",
    "sqlalchemy/sql/type_api",
    "sqlalchemy/engine/",  # result, cursor, default, and the compiled _result_cy/_processors_cy
    "sqlalchemy/dialects/sqlite/",
    "sqlalchemy/orm/loading",
    "utredning_app/storage/base.py",
)


def decode_error(exc: BaseException, path: Path) -> CorruptFile | None:
    """CorruptFile if ``exc`` came from decoding a stored value (an unknown enum value, an
    impossible date), None if it came from anywhere else (a bug must stay a bug)."""
    if not isinstance(exc, LookupError | ValueError):
        return None
    tb = exc.__traceback__
    frames: list[str] = []
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_filename.replace("\\", "/"))
        tb = tb.tb_next
    # The innermost frames decide: where the exception was raised.
    if not any(part in name for name in frames[-3:] for part in _DECODING_MODULES):
        return None
    from utredning_app.storage.value_check import unreadable_error

    return unreadable_error(path, str(exc)[:120])


@contextlib.contextmanager
def user_errors(path: Path) -> Iterator[None]:
    """Turn low-level failures while reading/writing ``path`` into Swedish UserErrors.

    Used by ``transaction()`` and ``reader()``, and by services that use ``Database.engine``
    directly.
    """
    try:
        yield
    except (DBAPIError, sqlite3.Error, LookupError, ValueError) as exc:
        mapped = storage_error(exc, path) or decode_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc


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
            with user_errors(self.path), session.begin():
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
    path: Path,
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
