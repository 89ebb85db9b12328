"""Upgraded private copies of older files, so that a read-only open never changes the file.

A file written by an older version of the program needs its schema upgraded before this
version can read it. A *writable* open upgrades the file itself (after a backup). A
*read-only* open must never modify the user's file — colleagues on a shared folder may still
run the older version — so :func:`make_upgraded_snapshot` makes a consistent copy (SQLite's
backup API, :func:`storage.backup.copy_consistent`) in ``paths.snapshots_dir()``, runs the
migrations on the copy, and the caller opens the copy read-only and deletes it on close
(:meth:`storage.database.Database.close`).

Names carry the process id and a random part (``<namn>-p<pid>-<slump>.utredning``), so two
processes — or two opens in one — never collide. A copy left behind by a crash is removed when
a later copy is made: once it is older than :data:`STALE_AFTER_S` and its process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sqlite3
import time
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from utredning_app import paths
from utredning_app.errors import BackupError, StorageError, UserError, os_reason
from utredning_app.storage.journal import journal_path
from utredning_app.storage.lock import pid_alive

SNAPSHOT_SUFFIX = ".utredning"
STALE_AFTER_S = 24 * 3600
_PID_RE = re.compile(r"-p(?P<pid>\d+)-[0-9a-f]+\.utredning")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.")[:40] or "utredning"


def snapshot_name(source: Path) -> str:
    return f"{_slug(Path(source).stem)}-p{os.getpid()}-{secrets.token_hex(6)}{SNAPSHOT_SUFFIX}"


def _failed(source: Path, folder: Path, reason: str) -> StorageError:
    return StorageError(
        f"Filen {source.name} har en äldre schemaversion. För att kunna läsa den utan att ändra "
        f"den görs en uppgraderad kopia i mappen {folder}, men kopian kunde inte skrivas "
        f"({reason}). Frigör utrymme eller kontrollera att mappen är skrivbar och försök igen. "
        "Filen är oförändrad."
    )


def _reason(exc: BaseException) -> str:
    """The cause in Swedish where it is a common one, else as the system put it."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "disken är full"
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "mappen är skrivskyddad"
    if isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "mappen kan inte skapas"
    text = str(exc).lower()
    if isinstance(exc, sqlite3.Error) and "readonly" in text.replace("-", ""):
        return "mappen är skrivskyddad"
    return os_reason(exc)


def make_upgraded_snapshot(source: Path, folder: Path | None = None) -> Path:
    """A private copy of ``source`` migrated to this version's schema; the caller deletes it.

    ``source`` is only read. Raises :class:`StorageError` (Swedish) when the copy cannot be
    written (disk full, folder not writable); a failed copy leaves nothing behind.
    """
    from utredning_app.storage.backup import copy_consistent
    from utredning_app.storage.migrate import run_migrations

    source = Path(source)
    folder = folder or paths.snapshots_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(source, folder, _reason(exc)) from exc
    remove_stale(folder)
    snapshot = folder / snapshot_name(source)
    try:
        copy_consistent(source, snapshot)
        run_migrations(snapshot)
    except BackupError as exc:
        discard(snapshot)
        raise _failed(source, folder, _reason(exc.__cause__ or exc)) from exc
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        discard(snapshot)
        raise _failed(source, folder, _reason(exc)) from exc
    except UserError as exc:
        discard(snapshot)
        # e.g. CorruptFile from the foreign-key check: name the user's file, not the copy
        exc.message = exc.message.replace(snapshot.name, source.name)
        exc.args = (exc.message,)
        raise
    except BaseException:
        discard(snapshot)
        raise
    return snapshot


def discard(snapshot: Path) -> None:
    """Delete a snapshot and whatever SQLite or the copy left beside it (never raises)."""
    for leftover in (snapshot, journal_path(snapshot), Path(f"{snapshot}.tmp")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Delete copies left by crashed processes: older than a day and their process gone."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        try:
            if now - entry.stat().st_mtime <= STALE_AFTER_S or not entry.is_file():
                continue
            match = _PID_RE.search(entry.name)
            if match is not None and pid_alive(int(match["pid"])):
                continue  # a long read-only session in a running program
            entry.unlink()
            removed.append(entry)
        except OSError:
            continue  # in use (Windows) or gone already: retried next time
    return removed
