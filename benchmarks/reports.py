"""Figures for the Word reports and the remiss Excel export (issue 4).

For each document, on the demo and on the large investigation (300 instanser × 25 förslag):
``report_<dokument>_<fil>_s``      export time in-process (read + build + write; best of 5 – this
                                   shared 2-core machine's speed varies by a third from minute
                                   to minute, and the least disturbed run is the export's own),
``report_<dokument>_<fil>_cli_s``  the whole ``utredning export`` command in a fresh process
                                   with an empty data folder (no kept Monte Carlo figures, no
                                   chart cache): best of 3 (of 5 for the large slutrapport),
``report_<dokument>_<fil>_peak_mib`` that process's peak memory (RSS),
``report_slutrapport_large_cli_cpu_s`` that command's CPU time (its chart worker included),
``report_slutrapport_large_cli_warm_s`` the command again with the Monte Carlo's figures kept
                                   from an earlier export (``exporting/simulation_cache.py``).
Target: every document of the large investigation under 2 s.
"""

from __future__ import annotations

import os
import resource
import tempfile
from pathlib import Path

from benchmarks.common import best_of, measure_command, python_command

DOCUMENTS = ("delrapport", "slutrapport", "remissammanstallning", "tjansteutlatande")


def _cli(args: list[str], data_dir: Path | None, runs: int) -> tuple[float, float, float]:
    """Best wall time of ``runs`` fresh commands, each with an empty data folder (or
    ``data_dir``); the peak memory and CPU time (with child processes) of the fastest run."""
    best = (float("inf"), float("nan"), float("nan"))
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as empty:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall, mib = measure_command(
                python_command(*args), env={"UTREDNING_DATA_DIR": str(data_dir or empty)}
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, mib, cpu))
    return best


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:

    # In-process exports keep their Monte Carlo figures here, never in the real data folder.
    own = Path(tempfile.mkdtemp(prefix="rapporter-data-", dir=large_path.parent))
    previous = os.environ.get("UTREDNING_DATA_DIR")
    os.environ["UTREDNING_DATA_DIR"] = str(own)
    try:
        _run(results, large_path, demo_path, own)
    finally:
        if previous is None:
            os.environ.pop("UTREDNING_DATA_DIR", None)
        else:
            os.environ["UTREDNING_DATA_DIR"] = previous


def _run(results: dict[str, float], large_path: Path, demo_path: Path, own: Path) -> None:
    from utredning_app.services.exports import export_document, export_xlsx

    for name, path in (("demo", demo_path), ("large", large_path)):
        out_dir = path.parent / f"rapporter-{name}"
        out_dir.mkdir(exist_ok=True)
        for kind in DOCUMENTS:
            out = out_dir / f"{kind}.docx"
            seconds, _ = best_of(5, lambda k=kind, o=out, p=path: export_document(k, p, o))
            results[f"report_{kind}_{name}_s"] = seconds
            command = ["-m", "utredning_app.cli", "export", kind, str(path), "-o", str(out)]
            runs = 5 if (kind, name) == ("slutrapport", "large") else 3
            wall, mib, cpu = _cli(command, None, runs)
            results[f"report_{kind}_{name}_cli_s"] = wall
            results[f"report_{kind}_{name}_peak_mib"] = mib
            if (kind, name) == ("slutrapport", "large"):
                results["report_slutrapport_large_cli_cpu_s"] = cpu
                warm, _mib, _cpu = _cli(command, own, runs)  # own: the in-process runs kept it
                results["report_slutrapport_large_cli_warm_s"] = warm
        xlsx = out_dir / "remiss.xlsx"
        seconds, _ = best_of(3, lambda p=path, o=xlsx: export_xlsx("remiss", p, o))
        results[f"report_remiss_xlsx_{name}_s"] = seconds
        wall, mib = measure_command(
            python_command(
                "-m", "utredning_app.cli", "export-xlsx", "remiss", str(path), "-o", str(xlsx)
            )
        )
        results[f"report_remiss_xlsx_{name}_cli_s"] = wall
        results[f"report_remiss_xlsx_{name}_peak_mib"] = mib
