"""The one atomic writer every export uses: all or nothing, never over an investigation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from utredning_app.errors import UserError, ValidationError
from utredning_app.services.atomic import write_bytes_atomic


class OwnError(UserError):
    pass


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_writes_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "rapport.xlsx"
    write_bytes_atomic(out, b"ett")
    write_bytes_atomic(out, b"tv\xc3\xa5")
    assert out.read_bytes() == "två".encode()
    assert _leftovers(tmp_path) == []


def test_locked_target_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "öppen i Excel.xlsx"
    out.write_bytes(b"gammalt")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr("utredning_app.services.atomic.os.replace", refuse)
    with pytest.raises(ValidationError, match="öppen i ett annat program"):
        write_bytes_atomic(out, b"nytt")
    with pytest.raises(OwnError, match="Excel-filen är låst"):
        write_bytes_atomic(out, b"nytt", error=OwnError, locked=lambda p: "Excel-filen är låst")
    assert out.read_bytes() == b"gammalt"
    assert _leftovers(tmp_path) == []


def test_failure_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("utredning_app.services.atomic.os.fsync", full)
    with pytest.raises(ValidationError, match="disken är full"):
        write_bytes_atomic(tmp_path / "ny.docx", b"x" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_never_over_an_investigation_or_into_a_missing_folder(tmp_path: Path) -> None:
    investigation = tmp_path / "utredning.utredning"
    sqlite3.connect(investigation).execute("CREATE TABLE t (x)").connection.close()
    before = investigation.read_bytes()
    with pytest.raises(ValidationError, match="databasfil"):
        write_bytes_atomic(investigation, b"export")
    assert investigation.read_bytes() == before
    with pytest.raises(OwnError, match="finns inte"):
        write_bytes_atomic(tmp_path / "saknas" / "ut.docx", b"x", error=OwnError)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_exports_follow_the_umask(tmp_path: Path, mask: int) -> None:
    """Not mkstemp's 0600: an export is readable as the user's umask allows."""
    import os

    from utredning_app.services.atomic import current_umask

    old = os.umask(mask)
    try:
        assert current_umask() == mask
        out = tmp_path / f"rapport-{mask:o}.docx"
        write_bytes_atomic(out, b"data")
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
