"""Ready-formatted tables for the Word reports (Swedish numbers, ranges, side by side)."""

from __future__ import annotations

from tests.costs_helpers import small_appraisal, small_model
from utredning_app.domain.appraisal import ProfileData, compare_profiles, sensitivity
from utredning_app.domain.costs import cost_summary
from utredning_app.domain.formatting import NBSP
from utredning_app.domain.uncertainty import simulate
from utredning_app.exporting import cost_tables


def test_cost_and_actor_tables() -> None:
    summary = cost_summary(small_model())
    table = cost_tables.cost_table(summary)
    assert table.rows[0][0] == "N Nollalternativ (nollalternativ)"
    assert table.rows[1][1] == "335,9 (283,0 – 398,8)"
    assert table.rows[1][2] == "50,0 (25,7 – 84,3)"
    assert table.rows[0][2] == "–"
    assert "5,0 % diskonteringsränta" in table.note
    actors = cost_tables.actor_table(summary)
    assert ("A Akutsjukhusnämnd", "Bolagen") in {r[:2] for r in actors.rows}
    assert any(r[4] == "Bolagens eget kapital" for r in actors.rows)


def test_simulation_ranking_and_stability_tables() -> None:
    sim = cost_tables.simulation_table(simulate(small_model(), draws=1000, seed=2))
    assert sim.rows[0][4] == "–" and sim.rows[1][4].endswith("%")
    assert f"1{NBSP}000 dragningar" in sim.note
    data = small_appraisal([ProfileData("m", "Moderaterna", {"k1": 8, "k2": 2}, party="M")])
    rankings = compare_profiles(data)
    table = cost_tables.ranking_table(rankings)
    assert table.header == ("Alternativ", "Gemensam viktning", "M")
    assert table.rows[2] == ("B Koncern med holdingbolag", "1 (3,50)", "1 (3,80)")
    assert table.note == "M = Moderaterna"
    stab = cost_tables.stability_table(sensitivity(data, rankings[0].profile))
    assert stab.rows[0][2] == "40,0–100,0 %"
    assert stab.rows[0][3] == "A Akutsjukhusnämnd"


def test_effects_table_keeps_units_apart() -> None:
    table = cost_tables.effects_table(small_model())
    assert table.rows == (
        (
            "A Akutsjukhusnämnd",
            "Vårdplatser",
            "Kapacitet",
            "vårdplatser",
            "0,0 (−10,0 – 5,0)",
            "0,0 (−10,0 – 5,0)",
        ),
    )
    assert table.header[4].startswith("2024") and table.header[5].startswith("2026")
