"""Hidden work files a killed process left behind, removed on the next run — carefully.

Building a file from an archive (``import-json``, ``dela``) writes a hidden
``.import-XXXXXXXX.utredning`` beside the target and renames it into place when complete. A
process killed meanwhile (kill -9, power loss) leaves it there, up to the size of the whole
investigation. The next import into the same folder removes such files, but only

* names this program makes (``tempfile.mkstemp``'s eight characters, nothing else),
* regular files (never through a symbolic link) owned by the current user,
* untouched for :data:`STALE_AFTER_S` (a live import writes all the time), and
* not locked by SQLite (no other process is writing them right now).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import time
from pathlib import Path
from urllib.parse import quote

STALE_AFTER_S = 3600.0
_NAME = re.compile(r"^\.(?:import|ny)-[a-z0-9_]{8}\.utredning$")


def _is_ours(entry: Path) -> bool:
    try:
        info = entry.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def _newest_change(path: Path, journal: Path) -> float:
    times = []
    for p in (path, journal):
        with contextlib.suppress(OSError):
            times.append(p.lstat().st_mtime)
    return max(times, default=0.0)


def _unlocked(path: Path) -> bool:
    """True when no process holds an SQLite lock on ``path`` (we may take an exclusive one)."""
    try:
        uri = f"file:{quote(path.resolve().as_posix())}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=0)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
        return True
    except sqlite3.DatabaseError as exc:
        # A file cut off before SQLite wrote its header is no database, and nobody's.
        return "locked" not in str(exc) and "busy" not in str(exc)
    finally:
        conn.close()


def remove_stale_work_files(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the stale hidden work files in ``folder``; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    moment = time.time() if now is None else now
    for entry in entries:
        if not _NAME.match(entry.name) or not _is_ours(entry):
            continue
        journal = entry.with_name(entry.name + "-journal")
        if moment - _newest_change(entry, journal) < STALE_AFTER_S:
            continue
        if not _unlocked(entry):
            continue
        with contextlib.suppress(OSError):
            entry.unlink()
            removed.append(entry)
            if journal.is_file() and not journal.is_symlink():
                journal.unlink()
    return removed
