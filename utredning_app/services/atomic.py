"""Write a file atomically: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from utredning_app.errors import UserError, ValidationError, os_reason
from utredning_app.storage.backup import fsync_folder
from utredning_app.storage.inspection import SQLITE_HEADER


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


# What most file systems allow for one name (ext4, NTFS, APFS: 255 bytes or UTF-16 units).
DEFAULT_NAME_MAX = 255


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):  # Windows, or a folder that is not there
        return DEFAULT_NAME_MAX


def name_too_long_message(path: Path) -> str:
    name = Path(path).name
    shown = name if len(name) <= 70 else f"{name[:50]}…{name[-15:]}"
    return (
        f"Filnamnet är för långt ({len(name.encode('utf-8'))} byte, högst "
        f"{_name_max(Path(path).parent if str(Path(path).parent) else Path('.'))} byte): "
        f"«{shown}». Välj ett kortare namn."
    )


def check_name_length(path: Path, *, error: type[UserError] = ValidationError) -> None:
    """Refuse a file name the folder's file system cannot hold, with its own message (not
    "cannot write in the folder", which sends the user looking at permissions)."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if len(path.name.encode("utf-8")) > _name_max(parent):
        raise error(name_too_long_message(path))


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
    parent = out.parent if str(out.parent) else Path(".")
    check_name_length(out, error=error)
    refuse_database_target(out)
    if not parent.is_dir():
        raise error(f"Mappen {parent} finns inte; välj en befintlig mapp.")
    try:
        # A short prefix: a long (but allowed) name must not make the temporary name too long.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem[:40]}-", suffix=".tmp", dir=parent)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise error(name_too_long_message(out)) from exc
        raise error(
            f"Kan inte skriva i mappen {parent}: {os_reason(exc)}. Välj en annan mapp."
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
        if exc.errno == errno.ENAMETOOLONG:
            raise error(name_too_long_message(out)) from exc
        raise error(f"Filen {out} kunde inte skrivas: {os_reason(exc)}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(parent)


def _locked_message(out: Path) -> str:
    return (
        f"Filen {out.name} kan inte skrivas över: den är skrivskyddad eller öppen i ett annat "
        "program. Stäng den och försök igen, eller välj ett annat filnamn."
    )
