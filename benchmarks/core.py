"""Figures for the investigation file itself (issue 2)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import measure_command, python_command


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    for name, path in (("demo", demo_path), ("large", large_path)):
        times: list[float] = []
        peak = 0.0
        for _ in range(3):
            seconds, mib = measure_command(
                python_command("-m", "utredning_app.cli", "info", str(path))
            )
            times.append(seconds)
            peak = max(peak, mib)
        results[f"cli_info_{name}_s"] = min(times)
        results[f"cli_info_{name}_peak_mib"] = peak
        results[f"file_size_{name}_mib"] = path.stat().st_size / 1024**2
        seconds, mib = measure_command(
            python_command(
                "-m",
                "utredning_app.cli",
                "export-json",
                str(path),
                "-o",
                str(path.with_suffix(".json")),
            )
        )
        results[f"export_json_{name}_s"] = seconds
        results[f"export_json_{name}_peak_mib"] = mib
