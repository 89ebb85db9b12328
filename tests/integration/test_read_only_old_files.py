"""An older file opened read-only is read from an upgraded private copy; the file never changes.

Colleagues on a shared folder may still run the older version, so reading (every export, the
archive, `info`, the GUI's "open read-only") must not upgrade the user's file: a consistent copy
is upgraded in the data folder's ``tillfalliga-kopior`` and deleted on close.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from tests.fs_faults import read_only, small_filesystem
from tests.word_helpers import docx_text, has_draft_watermark
from utredning_app import paths
from utredning_app.cli import main
from utredning_app.commands.export import UPGRADED_COPY_NOTE
from utredning_app.errors import ReadOnlyFile, StorageError
from utredning_app.services.exports import export_document
from utredning_app.storage.backup import backup_folder, list_backups
from utredning_app.storage.database import has_older_schema, inspect_file, open_database
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from utredning_app.storage.snapshot import STALE_AFTER_S, make_upgraded_snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
OLDEST = KNOWN_REVISIONS[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def old_path(tmp_path: Path) -> Path:
    folder = tmp_path / "delad-mapp"
    folder.mkdir()
    target = folder / "gammal.utredning"
    shutil.copyfile(FIXTURES / f"{OLDEST}.utredning", target)
    assert OLDEST != HEAD_REVISION and inspect_file(target).needs_upgrade
    return target


def assert_untouched(path: Path, digest: str) -> None:
    assert sha256(path) == digest
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no lock, no journal
    assert inspect_file(path).revision == OLDEST
    assert files_under(paths.snapshots_dir()) == [], "an upgraded copy was left behind"
    assert list_backups(backup_folder(path, paths.backups_dir())) == []


def test_cli_exports_a_word_document_from_an_old_file_and_leaves_it_unchanged(
    old_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    digest = sha256(old_path)
    out = tmp_path / "delrapport.docx"
    code = main(["export", "delrapport", str(old_path), "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "Dokumentet skrevs" in printed and UPGRADED_COPY_NOTE in printed
    assert "Region Stockholm" in docx_text(out)
    assert docx.Document(str(out)).paragraphs  # a real Word document
    assert_untouched(old_path, digest)


def test_up_to_date_file_gets_no_note(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "delrapport", str(empty_path), "-o", str(tmp_path / "d.docx")]) == 0
    assert "Obs:" not in capsys.readouterr().out
    assert not has_older_schema(empty_path)


def test_read_only_open_reads_a_private_upgraded_copy(old_path: Path) -> None:
    digest = sha256(old_path)
    first = open_database(old_path, read_only=True)
    second = open_database(old_path, read_only=True)  # e.g. an export while the GUI reads it
    try:
        assert first.upgraded_copy and second.upgraded_copy
        assert first.path == old_path  # messages name the user's file
        assert first.snapshot is not None and second.snapshot is not None
        assert first.snapshot != second.snapshot
        assert first.snapshot.parent == paths.snapshots_dir()
        assert inspect_file(first.snapshot).revision == HEAD_REVISION
        with first.reader() as s:
            assert first.investigation(s).title
        with pytest.raises(ReadOnlyFile, match=r"gammal\.utredning är öppnad skrivskyddad"):  # noqa: SIM117
            with first.transaction():
                pass
    finally:
        first.close()
        second.close()
    first.close()  # closing twice is harmless
    assert_untouched(old_path, digest)


def test_old_file_on_a_read_only_file_system(old_path: Path, tmp_path: Path) -> None:
    digest = sha256(old_path)
    out = tmp_path / "delrapport.docx"
    with read_only(old_path, old_path.parent) as how:
        if not how:
            pytest.skip("neither chattr nor a non-root chmod can make the folder read-only")
        assert not inspect_file(old_path).writable
        result = export_document("delrapport", old_path, out, draft=True)
        assert result.upgraded_copy
    assert has_draft_watermark(out)
    assert_untouched(old_path, digest)


def test_copy_that_cannot_be_written_gives_a_clear_error(
    old_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    digest = sha256(old_path)
    blocker = tmp_path / "inte-en-mapp"
    blocker.write_text("en fil där datamappen skulle ligga")
    monkeypatch.setenv("UTREDNING_DATA_DIR", str(blocker / "data"))
    with pytest.raises(StorageError, match=r"gammal\.utredning har en äldre schemaversion.*"
                       r"kopian kunde inte skrivas.*Filen är oförändrad"):  # fmt: skip
        open_database(old_path, read_only=True)
    assert sha256(old_path) == digest


def test_disk_full_while_copying(old_path: Path, tmp_path: Path) -> None:
    digest = sha256(old_path)
    with small_filesystem(tmp_path / "liten", "200k") as mounted:
        if not mounted:
            pytest.skip("no rights to mount a small file system")
        folder = tmp_path / "liten" / "tillfalliga-kopior"
        with pytest.raises(StorageError, match=r"kopian kunde inte skrivas \(disken är full\)"):
            make_upgraded_snapshot(old_path, folder)
        assert files_under(folder) == []
    assert sha256(old_path) == digest


def test_stale_copies_are_removed_when_a_new_one_is_made(old_path: Path) -> None:
    folder = paths.snapshots_dir()
    folder.mkdir(parents=True)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(finished.stdout)
    day_old = time.time() - STALE_AFTER_S - 60
    crashed = folder / f"gammal-p{dead_pid}-0123456789ab.utredning"
    crashed_tmp = folder / f"gammal-p{dead_pid}-ba9876543210.utredning.tmp"
    running = folder / f"gammal-p{os.getpid()}-aaaaaaaaaaaa.utredning"  # a long session
    recent = folder / f"gammal-p{dead_pid}-bbbbbbbbbbbb.utredning"
    for leftover in (crashed, crashed_tmp, running, recent):
        leftover.write_bytes(b"x")
    for leftover in (crashed, crashed_tmp, running):
        os.utime(leftover, (day_old, day_old))
    db = open_database(old_path, read_only=True)
    db.close()
    assert sorted(p.name for p in folder.iterdir()) == sorted([running.name, recent.name])
