"""Figures for the cost model (issue 6): Monte Carlo with 10,000 draws over the large
investigation (target under 1 s), the cost summary, and the workbook export/import."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.common import best_of


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    from utredning_app.domain.costs import cost_summary
    from utredning_app.domain.uncertainty import Distribution, simulate
    from utredning_app.services.estimates import (
        export_cost_workbook,
        import_cost_workbook,
        read_cost_model,
    )

    start = time.perf_counter()
    _, model = read_cost_model(large_path)
    results["costs_load_large_s"] = time.perf_counter() - start
    results["costs_summary_large_s"], _ = best_of(3, lambda: cost_summary(model))
    for dist in Distribution:
        seconds, _ = best_of(
            3, lambda dist=dist: simulate(model, draws=10_000, seed=1, distribution=dist)
        )
        results[f"costs_monte_carlo_10000_{dist.value}_large_s"] = seconds

    workbook = large_path.with_suffix(".xlsx")
    start = time.perf_counter()
    export_cost_workbook(large_path, workbook)
    results["costs_xlsx_export_large_s"] = time.perf_counter() - start
    start = time.perf_counter()
    result = import_cost_workbook(large_path, workbook, dry_run=True)
    results["costs_xlsx_import_check_large_s"] = time.perf_counter() - start
    assert result.changes.empty, "an unchanged workbook must import as no change"

    _edit_one_value(workbook)
    start = time.perf_counter()
    result = import_cost_workbook(large_path, workbook)
    results["costs_xlsx_import_apply_large_s"] = time.perf_counter() - start
    assert result.applied and len(result.changes.values) == 1


def _edit_one_value(workbook: Path) -> None:
    from openpyxl import load_workbook

    from utredning_app.exporting.costs_layout import FIRST_DATA_ROW, FIRST_YEAR_COL, INPUT_SHEET

    wb = load_workbook(workbook)
    ws = wb[INPUT_SHEET]
    # Raise the high value of the first estimate's first year: stays low ≤ base ≤ high.
    cell = ws.cell(row=FIRST_DATA_ROW + 2, column=FIRST_YEAR_COL)
    cell.value = float(cell.value) + 1.0
    wb.save(workbook)
