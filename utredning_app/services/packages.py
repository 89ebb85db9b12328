"""Change packages (``utredning andringar FIL -o PAKET``): only what a copy changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAGIC = b"UTREDNING-ANDRINGAR\n"


def is_package(path: Path) -> bool:
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def open_package(path: Path) -> Any:
    raise NotImplementedError


def write_package(path: Path, out: Path) -> str:
    raise NotImplementedError
