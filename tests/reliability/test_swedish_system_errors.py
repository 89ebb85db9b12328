"""Issue 16: messages carry Swedish causes, not the system's English ("Not a directory",
"No such file or directory", "database disk image is malformed", a parser's "at line 1")."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from utredning_app.cli import main as cli_main
from utredning_app.errors import os_reason, syntax_reason

ENGLISH = ("Not a directory", "No such file", "Errno", "malformed", "at line", "Permission")


def _err(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    cli_main(argv)
    captured = capsys.readouterr()
    return captured.err


def test_backup_folder_under_a_file_is_explained_in_swedish(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "en-fil"
    blocker.write_text("x")
    monkeypatch.setenv("UTREDNING_BACKUP_DIR", str(blocker / "kopior"))
    err = _err(["agare", str(demo_path), "--namn", "Testaren"], capsys)
    assert "varning" in err and "en del av sökvägen är en fil, inte en mapp" in err, err
    assert not any(word in err for word in ENGLISH), err


def test_missing_archive_and_broken_outline_in_swedish(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _err(
        ["import-json", str(tmp_path / "saknas.json"), str(tmp_path / "ny.utredning")], capsys
    )
    assert "filen eller mappen finns inte" in err, err
    outline = tmp_path / "disposition.toml"
    outline.write_text("[kapitel\n", encoding="utf-8")
    err = _err(
        [
            "export",
            "delrapport",
            str(demo_path),
            "-o",
            str(tmp_path / "d.docx"),
            "--disposition",
            str(outline),
        ],
        capsys,
    )
    assert "felaktig syntax på rad 1" in err, err
    for text in (err,):
        assert not any(word in text for word in ENGLISH), text


def test_every_common_system_error_has_swedish_words() -> None:
    for code in (errno.ENOENT, errno.ENOTDIR, errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EIO):
        reason = os_reason(OSError(code, os.strerror(code)))
        assert reason != os.strerror(code) and "systemfel" not in reason, (code, reason)
    assert os_reason(sqlite3.DatabaseError("database disk image is malformed")) == (
        "databasen är trasig"
    )
    assert os_reason(OSError(errno.ENOTDIR, "Not a directory")) == (
        "en del av sökvägen är en fil, inte en mapp"
    )
    # An unknown cause keeps the system's words, marked as such.
    assert os_reason(OSError(errno.EPIPE, "Broken pipe")) == "systemfel: Broken pipe"
    assert syntax_reason(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "x")).startswith(
        "filen är inte"
    )
