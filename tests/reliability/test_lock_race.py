"""Four processes take over one stale lock at once: exactly one gets it (issue 16, finding 8).

A lock left by a crashed process on this computer is taken over silently. Before, two
processes could both judge it stale, each remove what was there (the other's fresh lock) and
both go on editing. Each trial: a stale lock (a process id that cannot exist), four spawned
processes released together, the staleness check slowed down; bounded in time.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import socket
from pathlib import Path

import pytest

from tests.reliability.lock_racer import race
from tests.reliability.stats import record
from utredning_app.storage.lock import lock_path_for

RACERS = 4
TRIAL_TIMEOUT_S = 60.0


def _dead_pid() -> int:
    """A process id above the kernel's maximum: never alive."""
    try:
        return int(Path("/proc/sys/kernel/pid_max").read_text()) + 1
    except OSError:
        return 2**22 + 1


def _stale_lock(path: Path) -> None:
    owner = {"user": "krasch", "host": socket.gethostname(), "pid": _dead_pid(), "since": ""}
    lock_path_for(path).write_text(json.dumps(owner), encoding="utf-8")


def _trial(path: Path, delay: float) -> list[str]:
    ctx = multiprocessing.get_context("spawn")
    start, done = ctx.Event(), ctx.Event()
    results = ctx.Queue()
    procs = [
        ctx.Process(target=race, args=(str(path), delay, start, results, done))
        for _ in range(RACERS)
    ]
    for p in procs:
        p.start()
    start.set()
    outcomes: list[str] = []
    try:
        for _ in procs:
            outcomes.append(results.get(timeout=TRIAL_TIMEOUT_S))
    except queue.Empty:
        pass
    finally:
        done.set()
        for p in procs:
            p.join(timeout=TRIAL_TIMEOUT_S)
            if p.is_alive():
                p.kill()
                p.join()
    return outcomes


@pytest.mark.parametrize("trial", range(3))
def test_exactly_one_process_takes_over_a_stale_lock(trial: int, tmp_path: Path) -> None:
    path = tmp_path / "utredning.utredning"
    path.write_bytes(b"")  # the lock does not look inside the file
    _stale_lock(path)
    outcomes = _trial(path, delay=0.05 * (trial + 1))
    winners = outcomes.count("vann")
    record("fault", "låsövertagande-kapplöpning", survived=winners == 1)
    assert len(outcomes) == RACERS, outcomes
    assert winners == 1, outcomes
    assert not lock_path_for(path).exists()  # the winner released it
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".ta-over", ".tmp"))]


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(12))
def test_exactly_one_process_takes_over_a_stale_lock_long(trial: int, tmp_path: Path) -> None:
    test_exactly_one_process_takes_over_a_stale_lock(trial % 4, tmp_path)
