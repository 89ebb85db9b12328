"""Two instances, two laptops: the second one gets a clear choice, never a corrupted file."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.reliability.harness import ROOT, integrity_ok
from tests.reliability.stats import record
from utredning_app.errors import FileLockedError, ReadOnlyFile
from utredning_app.storage import engine as engine_module
from utredning_app.storage.database import open_database
from utredning_app.storage.lock import lock_path_for, read_lock
from utredning_app.storage.models import Note


def _other_instance(path: Path, *, read_only: bool = False) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(
        f"""
        from utredning_app.errors import FileLockedError
        from utredning_app.storage.database import open_database
        try:
            db = open_database({str(path)!r}, read_only={read_only}, auto_backup=False)
        except FileLockedError as exc:
            print("LÅST:", exc.message)
        else:
            with db.reader() as s:
                print("ÖPPEN:", db.investigation(s).title)
            db.close()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_second_instance_gets_a_clear_choice(empty_path: Path) -> None:
    db = open_database(empty_path, actor="Anna")
    try:
        owner = read_lock(empty_path)
        assert owner is not None and owner.host == socket.gethostname()
        locked = _other_instance(empty_path)
        assert locked.stdout.startswith("LÅST: Filen utredning.utredning är redan öppen"), (
            locked.stdout + locked.stderr
        )
        assert socket.gethostname() in locked.stdout
        assert "skrivskyddad" in locked.stdout
        # The other choice: read-only works while the first instance keeps editing.
        with db.transaction() as s:
            db.investigation(s).title = "Ändrad av Anna"
        reader = _other_instance(empty_path, read_only=True)
        assert reader.stdout.strip() == "ÖPPEN: Ändrad av Anna", reader.stderr
    finally:
        db.close()
    assert not lock_path_for(empty_path).exists()
    assert _other_instance(empty_path).stdout.startswith("ÖPPEN:")
    record("fault", "två-instanser", survived=True)


def _write_lock(path: Path, **owner: object) -> None:
    data = {"user": "bertil", "host": socket.gethostname(), "pid": 1, "since": "2026-01-02T03:04"}
    data.update(owner)
    lock_path_for(path).write_text(json.dumps(data), encoding="utf-8")


def test_stale_lock_from_a_crash_here_is_taken_over(empty_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    _write_lock(empty_path, pid=int(done.stdout))  # that process has exited
    with open_database(empty_path) as db:
        assert db.lock is not None
        owner = read_lock(empty_path)
        assert owner is not None and owner.is_this_process()
    record("fault", "kvarglömt-lås", survived=True)


def test_lock_from_another_computer_names_it_and_can_be_taken_over(empty_path: Path) -> None:
    _write_lock(empty_path, host="bertils-laptop", user="bertil", pid=4242)
    with pytest.raises(
        FileLockedError, match=r"bertil på datorn bertils-laptop \(sedan 2026-01-02"
    ):
        open_database(empty_path)
    with open_database(empty_path, read_only=True) as db, db.reader() as s:
        assert db.investigation(s).title
    with open_database(empty_path, take_over_lock=True) as db:
        assert read_lock(empty_path).is_this_process()  # type: ignore[union-attr]
    assert not lock_path_for(empty_path).exists()


def test_losing_the_lock_to_a_take_over_stops_writing(empty_path: Path) -> None:
    db = open_database(empty_path, actor="Anna")
    try:
        with db.transaction() as s:
            s.add(Note(title="före"))
        # Bertil's laptop takes the file over (he was told Anna's computer had crashed).
        _write_lock(empty_path, host="bertils-laptop", user="bertil", pid=4242)
        taken = pytest.raises(FileLockedError, match=r"bertil på datorn bertils-laptop.*tagit över")
        with taken, db.transaction() as s:
            s.add(Note(title="efter"))
    finally:
        db.close()
    assert lock_path_for(empty_path).exists()  # Bertil's lock is left alone
    with open_database(empty_path, read_only=True) as ro, ro.reader() as s:
        assert [n.title for n in s.query(Note)] == ["före"]


def test_unreadable_lock_blocks_only_while_fresh(empty_path: Path) -> None:
    import os

    lock_path_for(empty_path).write_bytes(b"\x00\x01")
    with pytest.raises(FileLockedError, match="okänd användare"):
        open_database(empty_path)
    old = time.time() - 3600
    os.utime(lock_path_for(empty_path), (old, old))
    open_database(empty_path).close()


def test_lock_is_reentrant_within_one_process(empty_path: Path) -> None:
    first = open_database(empty_path)
    second = open_database(empty_path)
    first.close()
    assert lock_path_for(empty_path).exists()
    second.close()
    assert not lock_path_for(empty_path).exists()


def test_busy_file_gives_a_swedish_error_and_loses_nothing(
    empty_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    db = open_database(empty_path, actor="Anna")
    with db.transaction() as s:
        s.add(Note(title="före"))
    blocker = sqlite3.connect(empty_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # e.g. another laptop's app in the middle of a save
    try:
        started = time.monotonic()
        busy = pytest.raises(FileLockedError, match="används just nu av ett annat program")
        with busy, db.transaction() as s:
            s.add(Note(title="under"))
        assert time.monotonic() - started < 10
    finally:
        blocker.rollback()
        blocker.close()
    with db.transaction() as s:
        s.add(Note(title="efter"))
    with db.reader() as s:
        titles = sorted(n.title for n in s.query(Note))
    db.close()
    assert titles == ["efter", "före"]
    assert integrity_ok(empty_path)
    record("fault", "upptagen-fil", survived=True)


def test_many_processes_writing_at_once_lose_nothing(empty_path: Path) -> None:
    """Four processes that bypass the lock file commit 15 notes each at once: SQLite's own
    locking still serialises them; every commit is there, the file is intact."""
    code = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from utredning_app.storage.database import Database
        from utredning_app.storage.engine import make_engine
        from utredning_app.storage.models import Note
        path, who = Path(sys.argv[1]), sys.argv[2]
        # No lock file: as an app on a share that cannot create one would write.
        db = Database(path, make_engine(path), read_only=False)
        for i in range(15):
            with db.transaction() as s:
                s.add(Note(title=f"{who}-{i}"))
        print("klar", flush=True)
        """
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(empty_path), f"p{n}"],
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(out.strip() == "klar" for out, _ in outputs), outputs
    with open_database(empty_path, read_only=True) as db, db.reader() as s:
        titles = {n.title for n in s.query(Note)}
    assert titles == {f"p{n}-{i}" for n in range(4) for i in range(15)}
    assert integrity_ok(empty_path)
    record("fault", "samtidiga-skrivare", survived=True)


def test_read_only_open_refuses_writes_in_swedish(empty_path: Path) -> None:
    with (
        open_database(empty_path, read_only=True) as db,
        pytest.raises(ReadOnlyFile),
        db.transaction(),
    ):
        pass


def test_lock_works_where_hard_links_do_not(
    empty_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT/exFAT USB sticks and some SMB shares refuse hard links: O_EXCL takes over."""
    import errno
    import os

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    with open_database(empty_path):
        owner = read_lock(empty_path)
        assert owner is not None and owner.is_this_process()
        assert _other_instance(empty_path).stdout.startswith("LÅST:")
        leftovers = [p.name for p in empty_path.parent.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []
    assert not lock_path_for(empty_path).exists()
