"""Smaller red-team findings (issue 16, findings 7 and 9): restore through a symbolic link,
work files left by kill -9, control characters on the terminal, a backup folder that cannot
be written, and a file name that is too long."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.reliability.stats import record
from utredning_app.cli import main as cli_main
from utredning_app.services.archive import export_archive
from utredning_app.services.temp_files import STALE_AFTER_S
from utredning_app.storage.database import inspect_file, open_database
from utredning_app.storage.models import Note

ROOT = Path(__file__).resolve().parents[2]


def _titles(path: Path) -> list[str]:
    with open_database(path, read_only=True) as db, db.reader() as s:
        return sorted(n.title for n in s.scalars(select(Note)))


# ------------------------------------------------------------------ 7: restore via a link


def test_restore_through_a_symlink_restores_the_target(empty_path: Path, tmp_path: Path) -> None:
    link_dir = tmp_path / "genvägar"
    link_dir.mkdir()
    link = link_dir / "utredning.utredning"
    link.symlink_to(empty_path)
    assert cli_main(["backups", "make", str(link)]) == 0
    with open_database(empty_path, auto_backup=False) as db, db.transaction() as s:
        s.add(Note(title="senare"))
    assert _titles(link) == ["senare"]

    assert cli_main(["backups", "restore", str(link), "1"]) == 0

    assert link.is_symlink() and link.resolve() == empty_path.resolve()
    assert _titles(empty_path) == []  # the real file was restored …
    assert inspect_file(empty_path, full_check=True)
    assert not any(p.name.startswith(".") for p in link_dir.iterdir())  # … nothing beside the link
    record("fault", "återställning-via-länk", survived=True)


# ------------------------------------------------------------------ 9: kill -9 leftovers


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_work_files_of_a_killed_import_go_on_the_next_run(demo_path: Path, tmp_path: Path) -> None:
    archive = export_archive(demo_path, tmp_path / "arkiv.json")
    folder = tmp_path / "mål"
    folder.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "utredning_app.cli",
            "import-json",
            str(archive),
            str(folder / "a.utredning"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    left: list[Path] = []
    while time.monotonic() < deadline and not left:
        left = [p for p in folder.iterdir() if p.name.startswith(".import-")]
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    left = [p for p in folder.iterdir() if p.name.startswith(".import-")]
    assert left, "the import was not caught in the act (machine too fast?)"
    for p in left:
        _age(p, STALE_AFTER_S + 60)

    # Hidden files that are not ours, or not stale, or in use, stay.
    fresh = folder / ".import-fresh123.utredning"
    fresh.write_bytes(b"")
    other_name = folder / ".import-mine.utredning"
    other_name.write_bytes(b"x")
    _age(other_name, STALE_AFTER_S * 3)
    outside = tmp_path / "utanför.utredning"
    outside.write_bytes(b"viktigt")
    link = folder / ".import-link1234.utredning"
    link.symlink_to(outside)
    _age(link, STALE_AFTER_S * 3)
    busy = folder / ".import-busy1234.utredning"
    holder = sqlite3.connect(busy, isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO t VALUES (1)")
    _age(busy, STALE_AFTER_S * 3)
    try:
        assert cli_main(["import-json", str(archive), str(folder / "b.utredning")]) == 0
    finally:
        holder.rollback()
        holder.close()

    assert not any(p.exists() or p.is_symlink() for p in left)
    assert fresh.exists() and other_name.exists() and busy.exists()
    assert link.is_symlink() and outside.read_bytes() == b"viktigt"
    record("kill", "import-arbetsfil-städas", survived=True)


# ------------------------------------------------------------------ 9: terminal output


ESCAPES = ("\x1b]0;kapad\x07", "\x1b[2J", "\x9b31m", "\r", "\u202e")


def _poison_terminal(path: Path) -> None:
    """Plant terminal escapes the way a file from elsewhere (or an older version, which did not
    refuse control characters on input) carries them: with plain SQL, past the app's guards."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(
                "UPDATE investigation SET title = ?, diarienummer = ?",
                ("Utredning" + "".join(ESCAPES), "RS\x1b[8m dolt"),
            )
            response_id, consultee_id = conn.execute(
                "SELECT id, consultee_id FROM response WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
            ).fetchone()
            conn.execute(
                "UPDATE response SET extracted_text = ? || extracted_text WHERE id = ?",
                (
                    "Vi ser att \x1b[31mvårdplatserna\x1b[0m \x1b]8;;http://evil.example\x07räcker "
                    "inte\x1b]8;;\x07 till.",
                    response_id,
                ),
            )
            conn.execute(
                "UPDATE consultee SET name = ? WHERE id = ?",
                ("\x1b[1mFalsk instans\x1b[0m", consultee_id),
            )
    finally:
        conn.close()


@pytest.mark.parametrize(
    "args",
    [["info"], ["info", "--json"], ["remiss", "sok", "{path}", "vårdplatserna"], ["check"]],
    ids=["info", "info-json", "remiss-sok", "check"],
)
def test_control_characters_never_reach_the_terminal(
    args: list[str], demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _poison_terminal(demo_path)
    argv = [a.replace("{path}", str(demo_path)) for a in args]
    if "{path}" not in args:
        argv.append(str(demo_path))
    capsys.readouterr()
    cli_main(argv)
    captured = capsys.readouterr()
    text = captured.out + captured.err
    bad = sorted(
        {
            hex(ord(c))
            for c in text
            if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c == "\u202e"
        }
    )
    record("fuzz", f"terminal-{args[0]}", survived=not bad)
    assert not bad, f"styrtecken till terminalen: {bad}"
    if args[0] == "info" and "--json" not in args:
        assert "Utredning" in text and "?" in text  # the title is shown, its escapes as ?
    if args[0] == "remiss":
        assert "Falsk instans" in text and "svar matchar" in text


# ------------------------------------------------------------------ 9: backup folder


def test_cli_warns_once_when_the_backup_folder_cannot_be_written(
    empty_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "ingen-mapp"
    blocker.write_text("x")  # a file where the folder should be: unwritable even for root
    monkeypatch.setenv("UTREDNING_BACKUP_DIR", str(blocker / "kopior"))
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Namn"])
    wb.active.append(["Patientnämnden"])
    wb.save(tmp_path / "lista.xlsx")
    capsys.readouterr()
    code = cli_main(
        ["remiss", "instanser", str(empty_path), "--importera", str(tmp_path / "lista.xlsx")]
    )
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    assert code in (0, 1)  # the command's own result; the warning does not stop it
    warnings = [line for line in lines if "varning" in line]
    assert len(warnings) == 1, err
    assert "säkerhetskopi" in warnings[0].lower() and "skrivbar" in warnings[0]
    record("fault", "oskrivbar-kopiemapp-cli", survived=True)


# ------------------------------------------------------------------ 9: long file names


@pytest.mark.parametrize(
    "command",
    [
        ["logg", "{src}", "-o", "{long}.csv"],
        ["export-json", "{src}", "-o", "{long}.json"],
        ["import-json", "{archive}", "{long}.utredning"],
        ["dela", "{src}", "-o", "{long}.utredning"],
        ["new", "{long}.utredning", "--titel", "x"],
        ["remiss", "status", "{src}", "--paminnelser", "{long}.xlsx"],
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_too_long_file_name_gets_its_own_message(
    command: list[str], demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = str(tmp_path / ("Remissammanställning " * 15).strip())
    archive = tmp_path / "a.json"
    archive.write_text("{}", encoding="utf-8")
    if "{archive}" in command:
        export_archive(demo_path, archive)
    argv = [
        a.replace("{src}", str(demo_path))
        .replace("{long}", long)
        .replace("{archive}", str(archive))
        for a in command
    ]
    before = sorted(p.name for p in tmp_path.iterdir())
    capsys.readouterr()
    assert cli_main(argv) != 0
    err = capsys.readouterr().err
    assert "Filnamnet är för långt" in err and "Remissammanställning" in err, err
    assert "Kan inte skriva i mappen" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_long_but_allowed_name_is_written(demo_path: Path, tmp_path: Path) -> None:
    """250 bytes is a legal name: its temporary file must not push it over the limit."""
    out = tmp_path / ("x" * 246 + ".csv")
    assert cli_main(["logg", str(demo_path), "-o", str(out)]) == 0
    assert out.exists()


def test_new_also_tidies_work_files_of_a_killed_run(tmp_path: Path) -> None:
    left = tmp_path / ".ny-k1ll3d99.utredning"
    left.write_bytes(b"")
    Path(str(left) + "-journal").write_bytes(b"")
    _age(left, STALE_AFTER_S + 60)
    _age(Path(str(left) + "-journal"), STALE_AFTER_S + 60)
    assert cli_main(["new", str(tmp_path / "ny.utredning"), "--titel", "Ny"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ny.utredning"]
