"""GUI figures (issue 3): start-up to the first painted view, its peak memory, and the time to
open each main view (the largest tables) in a fresh window.

Start-up is measured honestly: a new process running ``python -m utredning_app --selftest
FILE`` (offscreen), from process start until the first view is painted and the program has
exited. Targets: < 1.0 s on the demo, < 2.0 s on the large file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import ROOT, measure_command, python_command

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
VIEWS = ("members", "estimates", "proposals", "remiss", "assessments", "audit", "reports")


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    for name, path in (("demo", demo_path), ("large", large_path)):
        times: list[float] = []
        peak = 0.0
        for _ in range(3):
            seconds, mib = measure_command(
                python_command("-m", "utredning_app", "--selftest", str(path)), env=OFFSCREEN
            )
            times.append(seconds)
            peak = max(peak, mib)
        results[f"gui_start_{name}_s"] = min(times)
        results[f"gui_start_{name}_peak_mib"] = peak
    views = _view_times(large_path)
    for key, seconds in views.items():
        results[f"gui_view_{key}_large_s"] = seconds
    results["gui_open_largest_view_large_s"] = max(views.values())


def _view_times(path: Path) -> dict[str, float]:
    env = {**os.environ, **OFFSCREEN, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


def measure_views(path: Path) -> dict[str, float]:
    """In this process: open ``path`` in a main window and time creating + painting each view."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from utredning_app.gui import settings as settings_mod
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.storage.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        settings_mod.configure(Path(tmp))
        app = QApplication.instance() or QApplication([])
        window = MainWindow(settings_mod.AppSettings(), ask_identity=False)
        window.resize(1400, 880)
        window.show()
        window._set_database(open_database(path, actor="Mätning"))
        app.processEvents()
        timings: dict[str, float] = {}
        for key in VIEWS:
            start = time.perf_counter()
            view = window.show_view(key)
            assert view is not None
            view.repaint()
            app.processEvents()
            timings[key] = time.perf_counter() - start
        window.close()
    return timings


if __name__ == "__main__":
    print(json.dumps(measure_views(Path(sys.argv[1]))))
