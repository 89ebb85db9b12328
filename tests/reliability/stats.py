"""Counters for the `make reliability` table (kill points, fuzz cases, faults, bytes lost).

Tests call :func:`record`; when ``UTREDNING_RELIABILITY_STATS`` names a file, each call
appends one JSON line to it (appends of one short line are atomic, so pytest-xdist workers
can share the file). Without the variable nothing is written. ``report.py`` prints the table.
"""

from __future__ import annotations

import json
import os

KINDS = ("kill", "fuzz", "fault", "privacy", "formula")


def record(kind: str, case: str, *, survived: bool, bytes_lost: int = 0) -> None:
    assert kind in KINDS
    target = os.environ.get("UTREDNING_RELIABILITY_STATS")
    if not target:
        return
    line = json.dumps(
        {"kind": kind, "case": case, "survived": survived, "bytes_lost": bytes_lost},
        ensure_ascii=False,
    )
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
    finally:
        os.close(fd)
