"""Automatic backups (on open, before migrations, while editing), retention, restore, CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.stats import record
from utredning_app import paths
from utredning_app.cli import main as cli_main
from utredning_app.errors import BackupError
from utredning_app.services.backups import backups_for, maybe_backup, restore_backup
from utredning_app.storage.backup import (
    REASON_OPEN,
    REASON_PERIODIC,
    REASON_RESTORE,
    make_backup,
    prune,
)
from utredning_app.storage.database import inspect_file, open_database
from utredning_app.storage.models import Note


def _titles(path: Path) -> list[str]:
    with open_database(path, read_only=True) as db, db.reader() as s:
        return sorted(n.title for n in s.query(Note))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_open_backs_up_at_most_once_per_interval(empty_path: Path) -> None:
    open_database(empty_path).close()
    open_database(empty_path).close()
    found = backups_for(empty_path)
    assert [b.reason for b in found] == [REASON_OPEN]
    assert inspect_file(found[0].path, full_check=True).revision
    open_database(empty_path, read_only=True).close()
    assert len(backups_for(empty_path)) == 1


def test_periodic_backup_only_when_something_changed(empty_path: Path) -> None:
    db = open_database(empty_path, auto_backup=False)
    try:
        assert maybe_backup(db, interval=dt.timedelta(0)).path is None  # nothing changed
        with db.transaction() as s:
            s.add(Note(title="ny tanke"))
        assert maybe_backup(db, interval=dt.timedelta(hours=1)).path is None  # too soon
        made = maybe_backup(db, interval=dt.timedelta(0)).path
        assert made is not None and "ny tanke" in _titles(made)
        assert maybe_backup(db, interval=dt.timedelta(0)).path is None  # unchanged since
    finally:
        db.close()
    assert [b.reason for b in backups_for(empty_path)] == [REASON_PERIODIC]


def test_backup_while_another_process_writes_is_consistent(empty_path: Path) -> None:
    writer = sqlite3.connect(empty_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO note (id, title, body_md, visibility, author, author_party, subject_table,"
        " subject_id, released, created_at, updated_at, updated_by) VALUES ('x', 'halv', '',"
        " 'privat', '', '', '', '', 0, '2026-01-01', '2026-01-01', '')"
    )
    made = make_backup(empty_path, paths.backups_dir() / "x", "manuell")  # uncommitted: absent
    writer.commit()
    writer.close()
    assert _titles(made) == []
    assert _titles(empty_path) == ["halv"]


# The retention policy itself (select_kept) is tested without files in
# tests/unit/test_backup_policy.py.


def test_prune_deletes_what_the_policy_drops(empty_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kopior"
    folder.mkdir()
    now = dt.datetime(2026, 11, 23, 12, 0)
    for days in range(0, 40):
        when = now - dt.timedelta(days=days, hours=1)
        shutil.copyfile(empty_path, folder / f"u-{when:%Y%m%d-%H%M%S}-{REASON_PERIODIC}.utredning")
    (folder / "annat.txt").write_text("rörs inte")
    stale = folder / "u-20261101-000000-under-arbete.utredning.tmp"  # a crashed backup
    fresh = folder / "u-20261123-115959-under-arbete.utredning.tmp"  # one being written now
    stale.write_bytes(b"halv")
    fresh.write_bytes(b"halv")
    os.utime(stale, (0, 0))
    removed = prune(folder, now=now)
    assert stale in removed and fresh.exists()
    removed.remove(stale)
    assert len(removed) == 40 - len(list(folder.glob("*.utredning")))
    assert 14 <= len(list(folder.glob("*.utredning"))) <= 14 + 8 + 1
    assert (folder / "annat.txt").exists()


def test_restore_verifies_backs_up_current_and_swaps(empty_path: Path) -> None:
    with open_database(empty_path) as db:
        with db.transaction() as s:
            s.add(Note(title="bra version"))
        good = maybe_backup(db, interval=dt.timedelta(0)).path
        with db.transaction() as s:
            s.add(Note(title="misstag"))
    assert good is not None
    result = restore_backup(empty_path, good)
    assert _titles(empty_path) == ["bra version"]
    assert result.safety_copy is not None and "misstag" in _titles(result.safety_copy)
    assert backups_for(empty_path)[0].reason == REASON_RESTORE
    assert inspect_file(empty_path, full_check=True)
    record("fault", "återställning", survived=True)


def test_restore_refuses_bad_backups_and_open_files(empty_path: Path, tmp_path: Path) -> None:
    digest = _sha(empty_path)
    broken = tmp_path / "trasig.utredning"
    broken.write_bytes(empty_path.read_bytes()[:5000])
    with pytest.raises(BackupError, match=r"trasig\.utredning kan inte användas"):
        restore_backup(empty_path, broken)
    newer = tmp_path / "nyare.utredning"
    shutil.copyfile(empty_path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_x'")
    with pytest.raises(BackupError, match="nyare version"):
        restore_backup(empty_path, newer)
    good = make_backup(empty_path, tmp_path / "k", "manuell")
    with open_database(empty_path), pytest.raises(BackupError, match="Stäng"):
        restore_backup(empty_path, good)
    assert _sha(empty_path) == digest


def test_restore_brings_back_a_deleted_file(empty_path: Path) -> None:
    open_database(empty_path).close()
    empty_path.unlink()
    restore_backup(empty_path, backups_for(empty_path)[0].path)
    assert inspect_file(empty_path, full_check=True)
    record("fault", "raderad-fil-återställd", survived=True)


def test_restore_ignores_a_hot_journal_of_the_old_file(empty_path: Path) -> None:
    good = make_backup(empty_path, paths.backups_dir() / "x", "manuell")
    Path(str(empty_path) + "-journal").write_bytes(
        b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 600
    )
    restore_backup(empty_path, good)
    assert not Path(str(empty_path) + "-journal").exists()
    assert inspect_file(empty_path, full_check=True)


def test_unwritable_backup_folder_warns_but_never_blocks(
    empty_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A regular file where the backup folder should be: unwritable even for root.
    blocker = tmp_path / "ingen-mapp"
    blocker.write_text("x")
    monkeypatch.setenv("UTREDNING_BACKUP_DIR", str(blocker / "kopior"))
    db = open_database(empty_path)
    try:
        assert db.backup_warning is not None
        assert "säkerhetskopi" in db.backup_warning and "skrivbar" in db.backup_warning
        with db.transaction() as s:
            s.add(Note(title="sparas ändå"))
        outcome = maybe_backup(db, interval=dt.timedelta(0))
        assert outcome.path is None and outcome.warning and "skrivbar" in outcome.warning
    finally:
        db.close()
    assert _titles(empty_path) == ["sparas ändå"]
    assert cli_main(["backups", "make", str(empty_path)]) == 1
    record("fault", "oskrivbar-kopiemapp", survived=True)


def test_cli_list_and_restore_by_number(
    empty_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["backups", "make", str(empty_path)]) == 0
    with open_database(empty_path, auto_backup=False) as db, db.transaction() as s:
        s.add(Note(title="senare"))
    assert cli_main(["backups", "list", str(empty_path)]) == 0
    out = capsys.readouterr().out
    assert "manuell" in out and "  1  " in out
    assert cli_main(["backups", "restore", str(empty_path), "1"]) == 0
    assert _titles(empty_path) == []
    assert cli_main(["backups", "restore", str(empty_path), "9"]) == 1
    assert "ingen säkerhetskopia nummer 9" in capsys.readouterr().err
