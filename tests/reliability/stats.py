"""Counters for the `make reliability` table (kill points, fuzz cases, faults, bytes lost).

Tests call :func:`record` (one pass/fail case) or :func:`figure` (one measured number, such
as the mutation score's parts); when ``UTREDNING_RELIABILITY_STATS`` names a file, each call
appends one JSON line to it (appends of one short line are atomic, so pytest-xdist workers
can share the file). Without the variable nothing is written. ``report.py`` prints the table.
"""

from __future__ import annotations

import json
import os

KINDS = ("kill", "fuzz", "fault", "privacy", "formula")


def _append(entry: dict[str, object]) -> None:
    target = os.environ.get("UTREDNING_RELIABILITY_STATS")
    if not target:
        return
    line = json.dumps(entry, ensure_ascii=False)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def figure(key: str, value: float) -> None:
    """One measured number for the before → now table (the last one recorded wins)."""
    _append({"figure": key, "value": value})


def record(kind: str, case: str, *, survived: bool, bytes_lost: int = 0) -> None:
    assert kind in KINDS
    _append({"kind": kind, "case": case, "survived": survived, "bytes_lost": bytes_lost})
