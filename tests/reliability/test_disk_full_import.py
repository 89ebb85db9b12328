"""Issue 16, finding 4: disk full during `import remissvar`.

SQLite spills pages of a large transaction into the file before commit; when the disk then
fills up, the connection is left with a *hot journal* and the file alone (copied, mailed,
backed up without its journal) is "malformed" — while the message said everything was kept.
The app must roll back before the process ends and verify it: afterwards the file alone is
byte for byte what it was, and there is no journal.

Two real ways to fill the disk, both always run (never a skip):

* a small tmpfs, when the test may mount (root with CAP_SYS_ADMIN, as in CI);
* ``RLIMIT_FSIZE`` on the importing process: writes past the limit fail (EFBIG), the same
  error path in SQLite's pager as a full disk, and it needs no privileges.
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fs_faults import small_filesystem
from tests.reliability.stats import record
from tests.remiss_helpers import ensure_round, write_docx_answer
from utredning_app.storage.database import open_database

ROOT = Path(__file__).resolve().parents[2]


def _content(path: Path) -> str:
    """A digest of every row and schema object (not of the bytes: SQLite does not journal the
    contents of free pages, so a rollback may leave different bytes in pages no row uses)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> list[Path]:
    """Four large Word answers from consultees of the demo round (about 1.5 MB in the file)."""
    folder = tmp_path_factory.mktemp("svar")
    with open_database(demo_template, read_only=True) as db, db.reader() as s:
        from utredning_app.services.remiss_rounds import live_rounds, round_consultees

        names = [c.name for c in round_consultees(s, live_rounds(s)[-1])][:4]
    rng = random.Random(1)
    words = ["styrning", "nämnd", "akutsjukhus", "omvårdnad", "kostnad", "kvalitet"]
    files = []
    for i, name in enumerate(names):
        paragraphs = [
            " ".join(rng.choice(words) + str(rng.randrange(10**6)) for _ in range(300))
            for _ in range(40)
        ]
        files.append(write_docx_answer(folder / f"svar{i}.docx", name, paragraphs))
    return files


def _run_import(
    path: Path, files: list[Path], env_dir: Path, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["UTREDNING_DATA_DIR"] = str(env_dir / "data")
    env["UTREDNING_BACKUP_DIR"] = str(env_dir / "kopior")
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "utredning_app.cli", "import", "remissvar", str(path)]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=preexec,
        timeout=300,
        check=False,
    )


def _assert_whole_alone(path: Path, before: str, result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    message = result.stdout + result.stderr
    assert "full" in message or "skrivfel" in message, message
    assert not Path(f"{path}-journal").exists(), "a hot journal was left beside the file"
    alone = path.parent.parent / "ensam-kopia.utredning"
    shutil.copyfile(path, alone)  # the file without its journal, as a copy or a mail takes it
    conn = sqlite3.connect(alone)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert _content(path) == before, "the failed import changed the file"


def _prepare(demo_template: Path, target: Path) -> str:
    shutil.copyfile(demo_template, target)
    with open_database(target, auto_backup=False) as db:
        ensure_round(db)
    return _content(target)


def test_disk_full_on_a_small_filesystem_leaves_the_file_whole_alone(
    tmp_path: Path, demo_template: Path, answers: list[Path]
) -> None:
    size = demo_template.stat().st_size
    with small_filesystem(tmp_path / "liten", f"{(size * 23 // 10) // 1024}k") as mounted:
        if not mounted:  # no mount rights: the RLIMIT_FSIZE test below fills the "disk"
            record("fault", "full-disk-import-tmpfs-ej-möjlig", survived=True)
            return
        path = tmp_path / "liten" / "u.utredning"
        before = _prepare(demo_template, path)
        result = _run_import(path, answers, tmp_path)
        _assert_whole_alone(path, before, result)
    record("fault", "full-disk-import-tmpfs", survived=True)


def test_file_size_limit_during_import_leaves_the_file_whole_alone(
    tmp_path: Path, demo_template: Path, answers: list[Path]
) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    path = folder / "u.utredning"
    before = _prepare(demo_template, path)
    limit = path.stat().st_size + 400 * 1024

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = _run_import(path, answers, tmp_path, limit_file_size)
    _assert_whole_alone(path, before, result)
    record("fault", "full-disk-import-rlimit", survived=True)
