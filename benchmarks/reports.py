"""Figures for the Word reports and the remiss Excel export (issue 4).

For each document, on the demo and on the large investigation (300 instanser × 25 förslag):
``report_<dokument>_<fil>_s``      export time in-process (read + build + write; best of 5 – this
                                   shared 2-core machine's speed varies by a third from minute
                                   to minute, and the least disturbed run is the export's own),
``report_<dokument>_<fil>_cli_s``  the whole ``utredning export`` command in a fresh process,
``report_<dokument>_<fil>_peak_mib`` that process's peak memory (RSS).
Target: every document of the large investigation under 2 s.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import best_of, measure_command, python_command

DOCUMENTS = ("delrapport", "slutrapport", "remissammanstallning", "tjansteutlatande")


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    from utredning_app.services.exports import export_document, export_xlsx

    for name, path in (("demo", demo_path), ("large", large_path)):
        out_dir = path.parent / f"rapporter-{name}"
        out_dir.mkdir(exist_ok=True)
        for kind in DOCUMENTS:
            out = out_dir / f"{kind}.docx"
            seconds, _ = best_of(5, lambda k=kind, o=out, p=path: export_document(k, p, o))
            results[f"report_{kind}_{name}_s"] = seconds
            wall, mib = measure_command(
                python_command("-m", "utredning_app.cli", "export", kind, str(path), "-o", str(out))
            )
            results[f"report_{kind}_{name}_cli_s"] = wall
            results[f"report_{kind}_{name}_peak_mib"] = mib
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
