"""Write a file atomically: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from utredning_app.errors import ValidationError


def write_bytes_atomic(out: Path, data: bytes) -> None:
    out = Path(out)
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
