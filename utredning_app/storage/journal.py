"""The rollback journal beside an investigation file: finding it, and rolling back what a
crash or a failed write left half-done."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from utredning_app.errors import (
    CorruptFile,
    FileLockedError,
    ReadOnlyFile,
    StorageError,
    UserError,
    os_reason,
)
from utredning_app.storage.engine import sqlite_uri
from utredning_app.storage.sidecars import journal_path as journal_path
from utredning_app.storage.sqlite_errors import storage_error


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


def interrupted_error(path: Path) -> ReadOnlyFile:
    return ReadOnlyFile(
        f"Filen {path.name} avbröts mitt i en ändring (t.ex. vid en krasch eller ett "
        "strömavbrott) och måste öppnas en gång där den är skrivbar, så att den kan "
        "återställas till det senast sparade läget."
    )
