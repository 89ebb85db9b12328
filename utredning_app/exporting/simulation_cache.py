"""The Monte Carlo's figures, kept by a hash of everything they depend on.

The simulation of the large investigation (10,000 draws × 1,000 estimates) is the longest
single piece of a slutrapport export (~0.9 s of CPU); exporting again with the same cost model
(the usual case: text was edited, not the estimates) reads its figures instead. The key is a
SHA-256 of the model's full ``repr`` (every estimate, value, rate and option), the number of
draws, the seed, the distribution and a version of this format; any change to the model gives
a new key. Kept as small JSON files (numbers only, never code) in the user's data folder
(``paths.user_data_dir()/berakningar``); the newest ``KEEP`` are kept. A file that cannot be
read or written is ignored: the simulation simply runs.

(Starting the simulation in a thread with its own read of the cost model, while the report's
data were read, was tried: on two shared cores that second read competed with the main read,
which took 0.6 s longer, and the command was no faster. An export now starts it from the one
read, as soon as the cost model has been read: ``services/exports.py``, ``read_report_data``.)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from utredning_app import paths
from utredning_app.domain.costs import CostModelInput, sorted_options
from utredning_app.domain.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    Distribution,
    OptionSimulation,
    SimulationResult,
    simulate,
)

FORMAT = 1
KEEP = 20
_FIELDS = (
    "mean",
    "p10",
    "p50",
    "p90",
    "prob_above_baseline",
    "difference_p10",
    "difference_p50",
    "difference_p90",
)


def cache_dir() -> Path:
    return paths.user_data_dir() / "berakningar"


def _key(model: CostModelInput, draws: int, seed: int, distribution: Distribution) -> str:
    text = f"{FORMAT}|{draws}|{seed}|{distribution.value}|{model!r}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _read(path: Path, model: CostModelInput, draws: int, seed: int, dist: Distribution) -> Any:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        options = sorted_options(model.options)
        rows = stored["options"]
        if stored.get("format") != FORMAT or [r["id"] for r in rows] != [o.id for o in options]:
            return None
        results = tuple(
            OptionSimulation(option, *(_number(row[f]) for f in _FIELDS))  # type: ignore[arg-type]
            for option, row in zip(options, rows, strict=True)
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return SimulationResult(draws, seed, dist, results)


def _number(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(value)
    return float(value)


def _write(path: Path, result: SimulationResult) -> None:
    rows = [{"id": o.option.id, **{f: getattr(o, f) for f in _FIELDS}} for o in result.options]
    data = json.dumps({"format": FORMAT, "options": rows}).encode("utf-8")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent)


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def cached_simulation(
    model: CostModelInput,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    distribution: Distribution = Distribution.PERT,
    threads: int | None = None,
) -> SimulationResult:
    """``simulate(model, …)``, from the cache when the same inputs were simulated before."""
    key = _key(model, draws, seed, distribution)
    path = cache_dir() / f"{key}.json"
    if path.exists():
        found = _read(path, model, draws, seed, distribution)
        if found is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: kept longest
            return found  # type: ignore[no-any-return]
    result = simulate(model, draws=draws, seed=seed, distribution=distribution, threads=threads)
    _write(path, result)
    return result
