"""Measuring helpers shared by the benchmark modules."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent


def measure_command(
    args: Sequence[str], *, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Run ``python -m MODULE ...`` in a fresh process; return (wall seconds, its peak RSS MiB).

    ``args`` is a python_command(...) list: [python, "-m", module, *rest].
    """
    full_env = {**os.environ, **(env or {})}
    full_env.setdefault("PYTHONPATH", str(ROOT))
    # As installed (pip and the frozen build compile the modules), the command runs from
    # bytecode: a shell with PYTHONDONTWRITEBYTECODE would make every measured run compile
    # the app's modules again (0.1–0.2 s of each command). The first run writes them to the
    # (git-ignored) __pycache__ folders; the best-of-N figures are later runs.
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    assert args[1] == "-m", "measure_command runs python -m MODULE ..."
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        command = [args[0], "-m", "benchmarks.peak", str(peak_file), *args[2:]]
        start = time.perf_counter()
        proc = subprocess.run(
            command, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
        )
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(args)} failed ({proc.returncode}): "
                f"{proc.stderr.decode(errors='replace')[-2000:]}"
            )
        peak_mib = float(peak_file.read_text()) if peak_file.exists() else float("nan")
    return elapsed, peak_mib


def python_command(*args: str) -> list[str]:
    return [sys.executable, *args]


def best_of(runs: int, fn: Callable[[], T]) -> tuple[float, T]:
    """Smallest wall time of ``runs`` calls (the least disturbed measurement) and a result."""
    best = float("inf")
    result: T | None = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    assert result is not None or runs > 0
    return best, result  # type: ignore[return-value]
