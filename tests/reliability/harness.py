"""Crash harness: run ``writer.py`` in a subprocess, kill it, check what survived."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import func, select

from tests.reliability.writer import BULK_EVERY, BULK_ROWS, note_title, payload
from utredning_app.storage.database import inspect_file, open_database
from utredning_app.storage.models import AuditEntry, Investigation, Member, Note, Party

ROOT = Path(__file__).resolve().parents[2]
SHIM_SOURCE = Path(__file__).with_name("crashshim.c")


@cache
def shim_library() -> Path | None:
    """Compile the LD_PRELOAD shim once per process; None without a C compiler (or Linux)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not sys.platform.startswith("linux"):
        return None
    out = Path(tempfile.mkdtemp(prefix="crashshim-")) / "crashshim.so"
    done = subprocess.run(
        [compiler, "-shared", "-fPIC", "-O1", "-o", str(out), str(SHIM_SOURCE), "-ldl"],
        capture_output=True,
        check=False,
    )
    return out if done.returncode == 0 else None


@dataclass
class Run:
    returncode: int
    lines: list[str]
    stderr: str

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL

    @property
    def steps(self) -> list[int]:
        return [int(line) for line in self.lines if line.isdigit()]

    @property
    def shim_calls(self) -> int:
        for line in self.stderr.splitlines():
            if line.startswith("crashshim-calls "):
                return int(line.split()[1])
        raise AssertionError(f"no shim count in stderr: {self.stderr[-500:]}")


def run_writer(
    args: list[str],
    *,
    statement: int = 0,
    syscall: int | None = None,
    kill_after: float | None = None,
    log: Path | None = None,
    timeout: float = 120,
) -> Run:
    """Run the writer; kill it at statement N, at shim call N, or after ``kill_after`` s."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["UTREDNING_CRASH_AT_STATEMENT"] = str(statement)
    if syscall is not None:
        shim = shim_library()
        assert shim is not None
        env["LD_PRELOAD"] = str(shim)
        env["CRASH_SYSCALL_AT"] = str(syscall)
        if log is not None:
            env["CRASHSHIM_LOG"] = str(log)
            env["UTREDNING_STEP_MARKERS"] = "1"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.writer", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=timeout)
    return Run(proc.returncode, out.splitlines(), err)


def integrity_ok(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


@dataclass
class EditsVerdict:
    present: list[int]
    bytes_lost: int


def verify_edits(path: Path, committed: list[int], start: int, count: int) -> EditsVerdict:
    """Open the file as the app does after a crash and check the all-or-nothing promise.

    * the file opens (a hot journal is rolled back) and passes ``integrity_check``;
    * every step reported committed is there, byte for byte (else its bytes count as lost);
    * at most the one step in flight when the kill came is there beyond those (committed but
      not yet reported), and every step that is there is there completely: its note, the
      investigation's "latest step" field, its bulk rows and its audit entries.
    """
    db = open_database(path, actor="Kontroll", auto_backup=False)
    try:
        inspect_file(path, full_check=True)
        with db.reader() as s:
            notes = {
                n.title: n.body_md for n in s.scalars(select(Note).where(Note.title.like("steg-%")))
            }
            inv = s.scalars(select(Investigation)).one()
            present = sorted(int(t.split("-")[1]) for t in notes)
            lost = 0
            for step in committed:
                body = notes.get(note_title(step))
                if body != payload(step):
                    lost += len(payload(step).encode("utf-8"))
            last = committed[-1] if committed else start - 1
            extra = [p for p in present if p not in committed]
            assert extra in ([], [last + 1]), f"steps beyond the committed ones: {extra}"
            assert present == list(range(start, start + len(present))), present
            if present:
                assert inv.directive_md == f"senast steg {present[-1]}"
            for step in present:
                note_id = s.scalar(select(Note.id).where(Note.title == note_title(step)))
                audits = s.scalar(
                    select(func.count()).select_from(AuditEntry).where(AuditEntry.row_id == note_id)
                )
                assert audits == 1, f"step {step}: {audits} audit entries"
                if step % BULK_EVERY == 0:
                    party = s.scalars(select(Party).where(Party.abbreviation == f"P{step}")).one()
                    members = s.scalar(
                        select(func.count()).select_from(Member).where(Member.party_id == party.id)
                    )
                    assert members == BULK_ROWS, f"step {step}: {members} of {BULK_ROWS} rows"
            parties = s.scalar(
                select(func.count()).select_from(Party).where(Party.abbreviation.like("P%"))
            )
            assert parties == len([p for p in present if p % BULK_EVERY == 0])
        # The file takes new work after the crash.
        with db.transaction() as s:
            db.investigation(s).directive_md = "efter kraschen"
    finally:
        db.close()
    assert integrity_ok(path)
    return EditsVerdict(present, lost)


def evenly(total: int, wanted: int, offset: int = 0) -> list[int]:
    """``wanted`` points spread over 1..total (deterministic; offset shifts the grid)."""
    if total <= 0:
        return []
    if wanted >= total:
        return list(range(1, total + 1))
    stride = total / wanted
    return sorted(
        {
            min(total, max(1, int(stride * i + offset % max(1, int(stride))) + 1))
            for i in range(wanted)
        }
    )


def statement_count(run: Run) -> int:
    for line in run.stderr.splitlines():
        if line.startswith("statements "):
            return int(line.split()[1])
    raise AssertionError(f"no statement count in stderr: {run.stderr[-500:]}")
