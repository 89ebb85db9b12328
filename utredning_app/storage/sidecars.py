"""The files kept beside an investigation file: the lock of whoever has it open for writing
(``storage.lock``) and SQLite's rollback journal (``storage.journal``). Only ``pathlib``:
the first view at start (``storage.first_look``) looks for them before anything else loads.
"""

from __future__ import annotations

from pathlib import Path

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"


def lock_path_for(path: Path) -> Path:
    return path.with_name(f"{LOCK_PREFIX}{path.name}{LOCK_SUFFIX}")


def journal_path(path: Path) -> Path:
    return Path(str(path) + "-journal")
