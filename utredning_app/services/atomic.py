"""Write a file atomically: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from utredning_app.errors import ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"


def refuse_database_target(out: Path, *, suggestion: str = "") -> None:
    """Refuse to write an export over an SQLite file (an investigation, this one or another):
    the rename would replace the investigation with the export and the user would lose it."""
    try:
        with Path(out).open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError:
        return  # no such file (or unreadable): nothing there to lose
    if header == SQLITE_HEADER:
        hint = f", t.ex. {suggestion}" if suggestion else ""
        raise ValidationError(
            f"{out} är en databasfil (en utredning) och skrivs inte över. "
            f"Välj ett annat filnamn{hint}."
        )


def write_bytes_atomic(out: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``out`` and rename it into place; never over
    an investigation file."""
    out = Path(out)
    refuse_database_target(out)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ValidationError(f"Mappen {parent} finns inte.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".ny-", suffix=out.suffix, dir=parent)
    except OSError as exc:
        raise ValidationError(f"Kan inte skriva i mappen {parent}: {exc.strerror}.") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ValidationError(f"{out.name} kunde inte skrivas: {exc.strerror}.") from exc
