"""GUI figures (issue 3): start-up to the first painted view, its peak memory, and the time to
open each main view (the largest tables) in a fresh window. Issue 15: the start against a bare
PySide6 window (``gui_start_ratio``, target ≤ 3: to Översikt painted with the file's data;
``gui_start_shell_ratio`` for the shell; ``gui_start_open_demo_s`` until the file is open
and editable, which comes after the first view).

Start-up is measured honestly: a new process running ``python -m utredning_app --selftest
FILE`` (offscreen), from process start until the first view is painted and the program has
exited. Targets: < 1.0 s on the demo, < 2.0 s on the large file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import ROOT, measure_command, python_command

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
VIEWS = ("members", "estimates", "proposals", "remiss", "assessments", "audit", "reports")
START_RUNS = 7
SHELL_LINE = "självtest: fönstret ritat"
DATA_LINE = "självtest: ok"
OPEN_LINE = "självtest: filen öppnad"


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    start_ratio(results, demo_path)
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


def start_ratio(results: dict[str, float], demo_path: Path) -> None:
    """Start against a bare PySide6 window (issue 15), both timed the same way: a fresh
    process, from launch until it prints that it has painted (``benchmarks.bare_window``; the
    self-test's lines for the window shell and for the first view with the file's data).
    Runs alternate, so a busy minute on the shared machine hits both; the best of each. The
    processes also print their CPU time at those moments (``_cpu_`` figures), which a busy
    machine disturbs far less than wall time."""
    bare: list[tuple[float, float]] = []
    shell: list[tuple[float, float]] = []
    data: list[tuple[float, float]] = []
    opened: list[tuple[float, float]] = []
    for _ in range(START_RUNS):
        bare.append(time_lines(["-m", "benchmarks.bare_window"], ["ritat"])["ritat"])
        app = time_lines(
            ["-m", "utredning_app", "--selftest", str(demo_path)],
            [SHELL_LINE, DATA_LINE, OPEN_LINE],
        )
        shell.append(app[SHELL_LINE])
        data.append(app[DATA_LINE])
        opened.append(app[OPEN_LINE])
    for name, runs in (
        ("bare_window", bare),
        ("start_shell_demo", shell),
        ("start_open_demo", opened),
    ):
        results[f"gui_{name}_s"] = min(wall for wall, _cpu in runs)
        results[f"gui_{name}_cpu_s"] = min(cpu for _wall, cpu in runs)
    results["gui_start_data_demo_s"] = min(wall for wall, _cpu in data)
    results["gui_start_data_demo_cpu_s"] = min(cpu for _wall, cpu in data)
    bare_s = results["gui_bare_window_s"]
    results["gui_start_shell_ratio"] = results["gui_start_shell_demo_s"] / bare_s
    results["gui_start_ratio"] = results["gui_start_data_demo_s"] / bare_s
    results["gui_start_cpu_ratio"] = (
        results["gui_start_data_demo_cpu_s"] / results["gui_bare_window_cpu_s"]
    )


def time_lines(args: Sequence[str], markers: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Launch ``python ARGS`` (offscreen) and time, from just before the launch, the arrival
    of the first stdout line starting with each marker: (wall seconds, the CPU seconds the
    line reports as "processortid N s"). Fails if a line never comes."""
    env = {**os.environ, **OFFSCREEN, "PYTHONPATH": str(ROOT)}
    found: dict[str, tuple[float, float]] = {}
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            now = time.perf_counter() - start
            for marker in markers:
                if line.startswith(marker) and marker not in found:
                    cpu = re.search(r"processortid ([0-9.]+) s", line)
                    found[marker] = (now, float(cpu.group(1)) if cpu else float("nan"))
        proc.wait()
    missing = [m for m in markers if m not in found]
    if missing or proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {proc.returncode}, saknade rader {missing}")
    return found


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
    if sys.argv[1:2] == ["--start"]:  # only the start figures: python -m benchmarks.gui --start
        figures: dict[str, float] = {}
        start_ratio(figures, Path(sys.argv[2]))
        print(json.dumps(figures, indent=2))
    else:
        print(json.dumps(measure_views(Path(sys.argv[1]))))
