"""Building the demo investigation (what the first `make run` waits for)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    from utredning_app.services.demo import create_demo, load_demo_data

    start = time.perf_counter()
    load_demo_data()
    results["demo_parse_s"] = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        create_demo(Path(folder) / "demo.utredning").close()
        results["demo_create_s"] = time.perf_counter() - start
