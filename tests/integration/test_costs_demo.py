"""The cost model, simulation, appraisal and workbook on the demo investigation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_costs_xlsx import OERE_IN_MNKR, recalculate_with_libreoffice
from utredning_app.domain.costs import SCENARIOS
from utredning_app.domain.uncertainty import simulate
from utredning_app.exporting.costs_layout import CALC_SHEET
from utredning_app.services.appraisal import appraisal_overview
from utredning_app.services.estimates import (
    export_cost_workbook,
    import_cost_workbook,
    read_cost_model,
    summarise,
)


def test_demo_costs_appraisal_and_simulation(demo_path: Path) -> None:
    summary = summarise(demo_path)
    assert summary.baseline.is_baseline
    assert len(summary.options) >= 3
    assert all(oc.per_actor for oc in summary.options)
    _, model = read_cost_model(demo_path)
    sim = simulate(model, draws=2000, seed=5)
    for o in sim.options:
        assert o.p10 <= o.p50 <= o.p90
    overview = appraisal_overview(demo_path)
    assert overview.problems == ()
    assert len(overview.rankings) == 1 + len(overview.data.profiles)
    assert any(r.profile.party for r in overview.rankings)


@pytest.mark.libreoffice
def test_demo_workbook_recalculates_to_the_apps_figures(demo_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "demo-kostnader.xlsx"
    layout = export_cost_workbook(demo_path, out)
    values = load_workbook(recalculate_with_libreoffice(out, tmp_path), data_only=True)[CALC_SHEET]
    for oc in summarise(demo_path).options:
        for s in SCENARIOS:
            row, col = layout.results[("total", oc.option.id, s.value, "pv")]
            assert values.cell(row=row, column=col).value == pytest.approx(
                oc.present_value.get(s), abs=OERE_IN_MNKR
            )
            if oc.difference_pv is not None:
                row, col = layout.results[("diff", oc.option.id, s.value, "pv")]
                assert values.cell(row=row, column=col).value == pytest.approx(
                    oc.difference_pv.get(s), abs=OERE_IN_MNKR
                )
    assert import_cost_workbook(demo_path, out).changes.empty


def test_report_charts_of_the_demo(demo_path: Path) -> None:
    from utredning_app.services.estimates import report_charts

    charts = report_charts(demo_path, draws=500)
    for name in (
        "kostnad_per_alternativ",
        "skillnad_mot_nollalternativet",
        "kostnad_over_aren",
        "monte_carlo",
        "rangordning_per_parti",
        "stabilitet",
    ):
        assert charts[name].startswith(b"\x89PNG"), name
    assert any(name.startswith("tornado_") for name in charts)
