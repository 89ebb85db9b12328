"""Consistent copies of an investigation file (SQLite online backup API)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from utredning_app.errors import UserError
from utredning_app.storage.engine import sqlite_uri


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9åäöÅÄÖ_.-]+", "-", text).strip("-") or "utredning"


def copy_consistent(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` as one consistent snapshot, atomically.

    Uses ``sqlite3.Connection.backup`` (reads under a shared lock, so a concurrent writer
    cannot tear the copy); writes a temporary file first and renames it into place.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    src = sqlite3.connect(sqlite_uri(source, read_only=True), uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"Säkerhetskopian {target} kunde inte skrivas: {exc}") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"Säkerhetskopian {target} kunde inte skrivas: {exc.strerror}") from exc
    finally:
        src.close()
    return target


def backup_path(source: Path, folder: Path, reason: str, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return folder / f"{_slug(source.stem)}-{stamp}-{_slug(reason)}.utredning"


def make_backup(source: Path, folder: Path, reason: str) -> Path:
    """Write a timestamped consistent copy of ``source`` into ``folder``."""
    target = backup_path(source, folder, reason)
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{target.stem}-{counter}.utredning")
    return copy_consistent(source, target)
