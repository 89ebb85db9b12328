"""Faults in the environment: disk full, read-only folder, file deleted/moved/replaced.

Each gets a clear Swedish error, and the last committed state is intact.

How the faults are made (root ignores permission bits, so ``chmod`` proves nothing here;
the helpers are in ``tests/fs_faults.py``):

* disk full: a real 1.5 MB tmpfs when the test may mount (root with CAP_SYS_ADMIN), and
  always SQLite's ``max_page_count`` — a genuine SQLITE_FULL ("database or disk is full")
  raised by SQLite's pager, the same error path as an ENOSPC write;
* read-only folder/file: ``chattr +i`` (immutable, binds root too) where available; without
  it and not root, ``chmod``; as a last resort a read-only open (``mode=ro`` URI).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.fs_faults import read_only, small_filesystem
from tests.reliability.harness import integrity_ok
from tests.reliability.stats import record
from utredning_app.errors import ReadOnlyFile, StorageError
from utredning_app.services.backups import backups_for, restore_backup
from utredning_app.storage.database import Database, inspect_file, open_database
from utredning_app.storage.models import Note


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _titles(path: Path) -> list[str]:
    with open_database(path, read_only=True) as db, db.reader() as s:
        return sorted(n.title for n in s.query(Note))


def _add(db: Database, title: str, size: int = 10) -> None:
    with db.transaction() as s:
        s.add(Note(title=title, body_md="x" * size))


def test_disk_full_by_sqlite_page_limit(empty_path: Path) -> None:
    db = open_database(empty_path, auto_backup=False)
    try:
        _add(db, "sparad")
        digest = _sha(empty_path)

        @event.listens_for(db.engine, "connect")
        def _limit(dbapi_connection: Any, _record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

        with pytest.raises(StorageError, match=r"Disken där utredning\.utredning ligger är full"):
            _add(db, "för stor", size=2_000_000)
        assert _sha(empty_path) == digest
        event.remove(db.engine, "connect", _limit)
        _add(db, "efter")  # space freed: work goes on
    finally:
        db.close()
    assert _titles(empty_path) == ["efter", "sparad"]
    assert integrity_ok(empty_path)
    record("fault", "full-disk-sqlite", survived=True)


def test_disk_full_on_a_realsmall_filesystem(empty_path: Path, tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "liten", "1600k") as mounted:
        if not mounted:  # no mount rights (CI container): the page-limit test covers SQLITE_FULL
            record("fault", "full-disk-tmpfs-ej-möjlig", survived=True)
            return
        path = tmp_path / "liten" / "u.utredning"
        shutil.copyfile(empty_path, path)
        committed: list[str] = []
        db = open_database(path, auto_backup=False)
        try:
            with pytest.raises(StorageError, match="är full"):
                for i in range(200):
                    _add(db, f"n{i:03d}", size=60_000)
                    committed.append(f"n{i:03d}")
        finally:
            db.close()
        assert committed, "the disk filled before anything was written"
        assert integrity_ok(path)
        assert _titles(path) == committed
        record("fault", "full-disk-tmpfs", survived=True)


def test_folder_turns_read_only_while_open(empty_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    path = folder / "u.utredning"
    shutil.copyfile(empty_path, path)
    db = open_database(path, auto_backup=False)
    try:
        _add(db, "sparad")
        digest = _sha(path)
        with read_only(folder) as how:
            if how:
                with pytest.raises(ReadOnlyFile, match=r"skrivskyddad.*sparades inte"):
                    _add(db, "går inte")
                assert _sha(path) == digest
                # Opening again offers read-only, which works.
                with pytest.raises(ReadOnlyFile, match="Öppna den skrivskyddad"):
                    open_database(path)
                with open_database(path, read_only=True) as ro, ro.reader() as s:
                    assert [n.title for n in s.query(Note)] == ["sparad"]
        _add(db, "efter")
    finally:
        db.close()
    assert _titles(path) == ["efter", "sparad"]
    record("fault", f"skrivskyddad-mapp-{how or 'uri'}", survived=True)


def _crashed_copy(source: Path, folder: Path) -> Path:
    """A copy of ``source`` as a crash mid-transaction leaves it: half-overwritten pages and a
    hot journal. A tiny page cache makes SQLite spill changed pages into the file before
    commit; copying file + journal at that moment is the state power loss would leave."""
    import sqlite3

    conn = sqlite3.connect(source, isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size=1")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE investigation SET directive_md = ?", ("halvskrivet " * 50_000,))
        target = folder / source.name
        shutil.copyfile(source, target)
        shutil.copyfile(f"{source}-journal", f"{target}-journal")
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    assert _sha(target) != _sha(source), "no page was spilled: the journal would not be hot"
    return target


def test_read_only_file_with_interrupted_commit_explains_itself(
    empty_path: Path, tmp_path: Path
) -> None:
    with open_database(empty_path, auto_backup=False) as db:
        _add(db, "sparad")
    folder = tmp_path / "krasch"
    folder.mkdir()
    path = _crashed_copy(empty_path, folder)
    with read_only(folder) as how:
        if how:
            with pytest.raises(ReadOnlyFile, match="avbröts mitt i en ändring"):
                open_database(path, read_only=True)
    assert _titles(path) == ["sparad"]  # writable again: rolled back, then opened
    with open_database(path, read_only=True) as db, db.reader() as s:
        assert "halvskrivet" not in db.investigation(s).directive_md
    assert not Path(f"{path}-journal").exists()
    assert integrity_ok(path)
    record("fault", "avbruten-ändring-skrivskyddad", survived=True)


def test_file_deleted_while_open(empty_path: Path) -> None:
    db = open_database(empty_path)  # makes the on-open backup
    try:
        empty_path.unlink()
        with pytest.raises(StorageError, match=r"finns inte längre.*säkerhetskopiorna"):
            _add(db, "går inte")
        assert not empty_path.exists()  # nothing re-created an empty file
    finally:
        db.close()
    restore_backup(empty_path, backups_for(empty_path)[0].path)
    assert inspect_file(empty_path, full_check=True)
    record("fault", "fil-raderad-under-arbete", survived=True)


def test_file_moved_while_open_keeps_everything_at_its_new_place(
    empty_path: Path, tmp_path: Path
) -> None:
    db = open_database(empty_path, auto_backup=False)
    try:
        _add(db, "före flytten")
        moved = tmp_path / "flyttad.utredning"
        empty_path.rename(moved)
        with pytest.raises(StorageError, match="flyttad eller borttagen"):
            _add(db, "efter flytten")
    finally:
        db.close()
    assert _titles(moved) == ["före flytten"]
    with open_database(moved) as again:
        _add(again, "på nya platsen")
    assert integrity_ok(moved)
    record("fault", "fil-flyttad-under-arbete", survived=True)


def test_file_replaced_while_open_is_not_written(empty_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "annan.utredning"
    shutil.copyfile(empty_path, other)
    db = open_database(empty_path, auto_backup=False)
    try:
        os.replace(other, empty_path)  # e.g. a sync client puts another version in place
        digest = _sha(empty_path)
        with pytest.raises(StorageError, match="ersatts av en annan fil"):
            _add(db, "fel fil")
        assert _sha(empty_path) == digest
    finally:
        db.close()
    record("fault", "fil-ersatt-under-arbete", survived=True)
