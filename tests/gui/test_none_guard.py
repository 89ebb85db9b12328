"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call; the guard the
application installs keeps the interpreter from aborting (a subprocess: an abort would take
the test run with it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject
app = QCoreApplication([])
calls = sys.getrefcount(None) + 250_000  # more void calls than there are references to None
if {guarded}:
    from utredning_app.gui.none_guard import guard_none
    guard_none()
probe = QObject()
for i in range(calls):
    probe.setObjectName("x")
print("ok")
"""


def _run(guarded: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(guarded=guarded)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_many_void_calls_do_not_abort_the_program() -> None:
    from utredning_app.gui.none_guard import void_calls_leak_none

    result = _run(guarded=True)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
    if void_calls_leak_none():  # the defect is present: without the guard the program aborts
        unguarded = _run(guarded=False)
        assert unguarded.returncode != 0
        assert "none_dealloc" in unguarded.stderr
