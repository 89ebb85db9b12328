"""Schema revisions this version of the app knows, without importing Alembic.

Start-up stays fast because an up-to-date file is recognised by comparing its stored
revision with ``HEAD_REVISION``; Alembic is imported only when a migration is needed.
A test checks these constants against ``db/migrations/versions``.
"""

from __future__ import annotations

from pathlib import Path

APPLICATION_ID = 0x55545244  # "UTRD": marks the file as an Utredningsstöd investigation


def sqlite_uri(path: Path, *, read_only: bool = False) -> str:
    mode = "ro" if read_only else "rw"
    return f"file:{path.resolve().as_posix()}?mode={mode}"


# Oldest first. Append the new revision id here when adding a migration.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_remiss_search",
    "0003_documents",
    "0004_remiss",
    "0005_merge",
    "0006_server",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
