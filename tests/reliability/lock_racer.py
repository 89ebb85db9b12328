"""A process racing for one investigation file's lock (tests/reliability/test_lock_race.py).

Kept apart from the test module so a spawned process imports only the lock module. The
staleness check is slowed down, as the red team did, to hold the race window open.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any


def race(path: str, delay: float, start: Any, results: Any, done: Any) -> None:
    from utredning_app.errors import FileLockedError
    from utredning_app.storage import lock

    original = lock._is_stale

    def slow_is_stale(owner: lock.LockOwner) -> bool:
        judged = original(owner)
        time.sleep(delay)  # between "it is stale" and removing it
        return judged

    lock._is_stale = slow_is_stale  # type: ignore[assignment]
    start.wait(timeout=60)
    try:
        held = lock.FileLock.acquire(Path(path))
    except FileLockedError:
        results.put("låst")
        return
    results.put("vann")
    done.wait(timeout=60)  # keep it until every process has decided
    held.release()
