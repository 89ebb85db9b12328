"""Consistent copies of an investigation file (SQLite online backup API) and their upkeep.

Backups of one file live in their own folder under the user's backup folder
(``paths.backups_dir()/<name>-<hash of the file's full path>/``), named
``<name>-<YYYYmmdd-HHMMSS>-<reason>.utredning`` (local time), so they sort by time and can be
opened like any investigation file. :func:`prune` applies the retention policy.

This module does the copying, listing and deleting; *when* to back up and *which* backups to
keep is decided in :mod:`domain.backup_policy` (pure, no files), whose names are re-exported
here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from utredning_app.domain.backup_policy import (
    DEFAULT_POLICY,
    ON_OPEN_INTERVAL,
    PROTECTED_REASONS,
    REASON_AFTER_MERGE,
    REASON_LABELS,
    REASON_MANUAL,
    REASON_MERGE,
    REASON_OPEN,
    REASON_PERIODIC,
    REASON_RESTORE,
    REASON_UPGRADE,
    RetentionPolicy,
    backup_due_on_open,
    select_kept,
)
from utredning_app.errors import BackupError, os_reason
from utredning_app.storage.engine import sqlite_uri

BACKUP_SUFFIX = ".utredning"
STALE_TMP_S = 3600  # an unfinished backup older than this was left by a crash


_NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[A-Za-z][A-Za-z-]*?)(?:-(?P<n>\d+))?"
    + re.escape(BACKUP_SUFFIX)
    + "$"
)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9åäöÅÄÖ_.-]+", "-", text).strip("-") or "utredning"


def backup_folder(source: Path, root: Path) -> Path:
    """The folder holding the backups of ``source`` (one per file path)."""
    digest = hashlib.sha256(str(Path(source).resolve()).encode("utf-8")).hexdigest()[:10]
    return root / f"{_slug(Path(source).stem)[:60]}-{digest}"


def copy_consistent(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` as one consistent snapshot, atomically.

    Uses ``sqlite3.Connection.backup`` (reads under a shared lock, so a concurrent writer
    cannot tear the copy); writes a temporary file first and renames it into place.
    """
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(sqlite_uri(source, read_only=True), uri=True, timeout=5)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _fsync_file(tmp)
        os.replace(tmp, target)
        fsync_folder(target.parent)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(
            f"Säkerhetskopian {target} kunde inte skrivas: {os_reason(exc)}."
        ) from exc
    except OSError as exc:
        _unlink_quietly(tmp)
        raise BackupError(
            f"Säkerhetskopian kunde inte skrivas i mappen {target.parent}: "
            f"{os_reason(exc)}. Kontrollera att mappen finns och är skrivbar."
        ) from exc
    return target


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_path(source: Path, folder: Path, reason: str, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return folder / f"{_slug(source.stem)}-{stamp}-{_slug(reason)}{BACKUP_SUFFIX}"


def make_backup(source: Path, folder: Path, reason: str) -> Path:
    """Write a timestamped consistent copy of ``source`` into ``folder``."""
    target = backup_path(source, folder, reason)
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{target.name.removesuffix(BACKUP_SUFFIX)}-{counter}.utredning")
    return copy_consistent(source, target)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # local time, from the name
    reason: str
    size: int
    sequence: int = 1  # 2, 3 … when several were made in the same second
    modified: float = 0.0  # file time: orders backups made in the same second

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first (unfinished ``.tmp`` files are ignored)."""
    found: list[BackupInfo] = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError(
            f"Mappen för säkerhetskopior {folder} går inte att läsa eller skapa "
            f"({os_reason(exc)}). Kontrollera att mappen finns och är skrivbar."
        ) from exc
    for entry in entries:
        match = _NAME_RE.match(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            stat = entry.stat()
        except (ValueError, OSError):
            continue
        sequence = int(match["n"] or 1)
        found.append(
            BackupInfo(entry, taken, match["reason"], stat.st_size, sequence, stat.st_mtime)
        )
    found.sort(key=lambda b: (b.taken_at, b.modified, b.sequence), reverse=True)
    return found


def prune(
    folder: Path, now: dt.datetime | None = None, policy: RetentionPolicy = DEFAULT_POLICY
) -> list[Path]:
    """Delete the backups in ``folder`` that the policy does not keep; returns them."""
    backups = list_backups(folder)
    kept = {b.path for b in select_kept(backups, now or dt.datetime.now(), policy)}
    removed: list[Path] = []
    # Half-written copies left by a crash during a backup (never listed as backups).
    for stale in folder.glob(f"*{BACKUP_SUFFIX}.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > STALE_TMP_S:
                stale.unlink()
                removed.append(stale)
    for b in backups:
        if b.path not in kept:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass  # retried after the next backup
    return removed


def make_managed_backup(
    source: Path, folder: Path, reason: str, policy: RetentionPolicy = DEFAULT_POLICY
) -> Path:
    """A backup plus pruning of the older ones by ``policy``."""
    made = make_backup(source, folder, reason)
    prune(folder, policy=policy)
    return made


# Who hears about a backup that failed (the CLI prints it; the GUI reads
# ``Database.backup_warning``). A list: nested listeners all hear it.
_warning_listeners: list[Callable[[str], None]] = []


@contextlib.contextmanager
def backup_warnings_to(listener: Callable[[str], None]) -> Iterator[None]:
    """Call ``listener`` with the Swedish message of every backup that fails meanwhile."""
    _warning_listeners.append(listener)
    try:
        yield
    finally:
        _warning_listeners.remove(listener)


def report_backup_warning(message: str) -> None:
    for listener in list(_warning_listeners):
        listener(message)


def backup_on_open(
    source: Path, folder: Path, interval: dt.timedelta = ON_OPEN_INTERVAL
) -> Path | None:
    """Back ``source`` up unless its newest backup is younger than ``interval``."""
    backups = list_backups(folder)
    if not backup_due_on_open(
        backups[0].taken_at if backups else None, dt.datetime.now(), interval
    ):
        return None
    return make_managed_backup(source, folder, REASON_OPEN)


def change_counter(path: Path) -> int | None:
    """SQLite's file change counter (header bytes 24–27): bumped by every commit."""
    try:
        with path.open("rb") as fh:
            fh.seek(24)
            raw = fh.read(4)
    except OSError:
        return None
    return int.from_bytes(raw, "big") if len(raw) == 4 else None


__all__ = [
    "DEFAULT_POLICY",
    "ON_OPEN_INTERVAL",
    "PROTECTED_REASONS",
    "REASON_AFTER_MERGE",
    "REASON_LABELS",
    "REASON_MANUAL",
    "REASON_MERGE",
    "REASON_OPEN",
    "REASON_PERIODIC",
    "REASON_RESTORE",
    "REASON_UPGRADE",
    "BackupInfo",
    "RetentionPolicy",
    "backup_folder",
    "backup_on_open",
    "backup_path",
    "backup_warnings_to",
    "change_counter",
    "copy_consistent",
    "fsync_folder",
    "list_backups",
    "make_backup",
    "make_managed_backup",
    "prune",
    "report_backup_warning",
    "select_kept",
]
