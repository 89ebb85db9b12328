"""Real file-system faults for tests: a tiny file system (disk full) and read-only places.

Root ignores permission bits, so ``chmod`` proves nothing when the tests run as root:

* disk full: a real tmpfs of the given size when the test may mount (root with CAP_SYS_ADMIN);
* read-only file or folder: ``chattr +i`` (immutable, binds root too) where available; without
  it and not root, ``chmod``; otherwise the caller is told it was impossible.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def small_filesystem(where: Path, size: str) -> Iterator[bool]:
    """Mount a tmpfs of ``size`` at ``where`` (created); yields whether it was mounted."""
    where.mkdir()
    mounted = (
        shutil.which("mount") is not None
        and os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(where)], check=False)


def immutable(path: Path, on: bool) -> bool:
    if shutil.which("chattr") is None:
        return False
    flag = "+i" if on else "-i"
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only(*places: Path) -> Iterator[str]:
    """Make files and folders unwritable; yields how ("chattr", "chmod" or "" if impossible)."""
    if places and all(immutable(p, True) for p in places):
        try:
            yield "chattr"
        finally:
            for p in places:
                immutable(p, False)
        return
    for p in places:
        immutable(p, False)
    if os.geteuid() != 0:
        modes = [p.stat().st_mode for p in places]
        for p in places:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield "chmod"
        finally:
            for p, mode in zip(places, modes, strict=True):
                p.chmod(mode)
    else:
        yield ""
