"""Write a file atomically: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from utredning_app.errors import UserError, ValidationError
from utredning_app.storage.backup import fsync_folder
from utredning_app.storage.database import SQLITE_HEADER


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


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux);
    elsewhere set and restored at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(
    out: Path,
    data: bytes,
    *,
    error: type[UserError] = ValidationError,
    locked: Callable[[Path], str] | None = None,
) -> None:
    """Write ``data`` to a temporary file beside ``out``, flush it to disk and rename it into
    place; never over an investigation file. Nothing is left behind on failure.

    Failures raise ``error`` with a Swedish message; ``locked(out)`` words the one for a
    target that is read-only or held open by another program (Word, Excel).
    """
    out = Path(out)
    refuse_database_target(out)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise error(f"Mappen {parent} finns inte; välj en befintlig mapp.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise error(
            f"Kan inte skriva i mappen {parent}: {exc.strerror or exc}. Välj en annan mapp."
        ) from exc
    tmp = Path(tmp_name)
    try:
        # mkstemp creates the file 0600; an export is an ordinary file, readable as the user's
        # umask allows (as any other program's would be).
        os.chmod(tmp, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if out.exists() and not os.access(out, os.W_OK):
            raise PermissionError(13, "read-only target")
        refuse_database_target(out)  # again: the target may have appeared meanwhile
        os.replace(tmp, out)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise error((locked or _locked_message)(out)) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise error(f"Filen {out} kunde inte skrivas: {exc.strerror or exc}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(parent)


def _locked_message(out: Path) -> str:
    return (
        f"Filen {out.name} kan inte skrivas över: den är skrivskyddad eller öppen i ett annat "
        "program. Stäng den och försök igen, eller välj ett annat filnamn."
    )
