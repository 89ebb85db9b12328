"""Backups as the user sees them: periodic copies while editing, list, restore. No Qt.

The GUI calls :func:`maybe_backup` from a timer (e.g. every minute) and once more on close
with ``interval=timedelta(0)``; it shows ``BackupOutcome.warning`` (once) when the backup
folder cannot be written. "Återställ från säkerhetskopia…" lists :func:`backups_for` and
calls :func:`restore_backup` with the file closed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from utredning_app import paths
from utredning_app.domain.backup_policy import PERIODIC_INTERVAL
from utredning_app.errors import BackupError, FileOpenError, os_reason
from utredning_app.storage.backup import (
    REASON_PERIODIC,
    REASON_RESTORE,
    BackupInfo,
    backup_folder,
    backup_path,
    change_counter,
    copy_consistent,
    list_backups,
    make_backup,
    make_managed_backup,
)
from utredning_app.storage.database import (
    Database,
    inspect_file,
    journal_path,
    recover_interrupted,
)
from utredning_app.storage.lock import FileLock


@dataclass(frozen=True)
class BackupOutcome:
    path: Path | None  # the backup made, or None (nothing changed / too soon / failed)
    warning: str | None = None  # Swedish, when the backup failed


def folder_for(path: Path, root: Path | None = None) -> Path:
    return backup_folder(Path(path), root or paths.backups_dir())


def maybe_backup(db: Database, *, interval: dt.timedelta = PERIODIC_INTERVAL) -> BackupOutcome:
    """Back the open file up if it changed since the last backup and ``interval`` has passed.

    Never raises for backup problems: a failure comes back as ``warning`` (and stays in
    ``db.backup_warning``); the investigation file itself is only read.
    """
    if db.read_only or db.file_path is None:  # a server: backups are pg_dump's job
        return BackupOutcome(None)
    counter = change_counter(db.path)
    if counter is None or counter == db.backup_counter:
        return BackupOutcome(None)
    now = time.monotonic()
    if db.backup_at is not None and now - db.backup_at < interval.total_seconds():
        return BackupOutcome(None)
    try:
        made = make_managed_backup(db.path, folder_for(db.path, db.backup_root), REASON_PERIODIC)
    except BackupError as exc:
        db.backup_warning = exc.message
        db.backup_at = now  # retry after another interval, not on every timer tick
        return BackupOutcome(None, exc.message)
    db.backup_counter = counter
    db.backup_at = now
    db.backup_warning = None
    return BackupOutcome(made)


def backups_for(path: Path, root: Path | None = None) -> list[BackupInfo]:
    """The backups of ``path``, newest first."""
    return list_backups(folder_for(path, root))


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None  # the file as it was just before the restore


def restore_backup(path: Path, backup: Path, *, root: Path | None = None) -> RestoreResult:
    """Replace ``path`` by ``backup``: verify the backup, back the current file up, swap.

    The file must not be open for writing anywhere (its lock is taken for the duration). A
    symbolic link is followed: its target is restored and the link stays a link. The swap is
    atomic (temporary file beside the target, then rename): at every instant the
    file is either the old one or the complete restored one.
    """
    path = Path(path)
    if path.is_symlink():
        # Restore the file the link points to; replacing the link itself would turn it into
        # a regular file and leave the real investigation as it was.
        path = path.resolve()
    backup = Path(backup)
    try:
        inspect_file(backup, full_check=True)
    except FileOpenError as exc:
        raise BackupError(
            f"Säkerhetskopian {backup.name} kan inte användas: {exc.message}"
        ) from exc
    if backup.resolve() == path.resolve():
        raise BackupError("Säkerhetskopian och filen som ska återställas är samma fil.")
    if FileLock.held_here(path):
        raise BackupError(f"Stäng {path.name} innan den återställs från en säkerhetskopia.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise BackupError(f"Mappen {parent} finns inte.")
    folder = folder_for(path, root)
    lock = FileLock.acquire(path)
    try:
        safety = _safety_copy(path, folder) if path.exists() else None
        tmp = path.with_name(f".{path.name}.återställs.tmp")
        for stale in (tmp, tmp.with_name(tmp.name + ".tmp")):  # left by an interrupted restore
            stale.unlink(missing_ok=True)
        copy_consistent(backup, tmp)
        try:
            inspect_file(tmp, full_check=True)
            # A hot journal left by a crash belongs to the old file: it must not be played
            # back into the restored one. The old file (journal included) is in `safety`.
            journal_path(path).unlink(missing_ok=True)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise BackupError(f"{path.name} kunde inte återställas: {os_reason(exc)}.") from exc
    finally:
        lock.release()
    return RestoreResult(backup, safety)


def _safety_copy(path: Path, folder: Path) -> Path:
    """Back up the file about to be replaced, even if it is damaged."""
    with contextlib.suppress(FileOpenError):
        recover_interrupted(path)
    try:
        return make_backup(path, folder, REASON_RESTORE)
    except BackupError:
        pass
    # Not readable as a database (damaged): keep its raw bytes, and its journal, instead.
    target = backup_path(path, folder, REASON_RESTORE).with_suffix(".skadad")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        journal = journal_path(path)
        if journal.exists():
            shutil.copyfile(journal, journal_path(target))
    except OSError as exc:
        raise BackupError(
            f"{path.name} återställdes inte: den nuvarande filen kunde inte säkerhetskopieras "
            f"först ({os_reason(exc)})."
        ) from exc
    return target
