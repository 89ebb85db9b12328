"""Ready-formatted tables for the Word reports (Swedish numbers, ranges, side by side)."""

from __future__ import annotations

from tests.costs_helpers import small_appraisal, small_model, yearly
from utredning_app.domain.appraisal import ProfileData, compare_profiles, sensitivity
from utredning_app.domain.costs import cost_summary
from utredning_app.domain.formatting import NBSP
from utredning_app.domain.uncertainty import simulate
from utredning_app.exporting import cost_tables


def test_cost_and_actor_tables() -> None:
    summary = cost_summary(small_model())
    table = cost_tables.cost_table(summary)
    assert table.rows[0][0] == "N Nollalternativ (nollalternativ)"
    assert table.rows[1][1] == f"335,9 (283,0{NBSP}– 398,8)"
    # The difference's range spans the scenario combinations: option low − baseline high …
    # 283,0 − 314,5 = −31,5 and 398,8 − 257,3 = 141,5 (baseline 257,3–314,5).
    assert table.rows[1][2] == f"50,0 (−31,5{NBSP}– 141,5)"
    assert table.rows[0][2] == "–"
    assert f"5,0{NBSP}% diskonteringsränta" in table.note  # no break before the unit
    actors = cost_tables.actor_table(summary)
    assert ("A Akutsjukhusnämnd", "Bolagen") in {r[:2] for r in actors.rows}
    assert any(r[4] == "Bolagens eget kapital" for r in actors.rows)


def test_simulation_ranking_and_stability_tables() -> None:
    sim = cost_tables.simulation_table(simulate(small_model(), draws=1000, seed=2))
    assert sim.rows[0][4] == "–" and sim.rows[1][4].endswith("%")
    assert f"1{NBSP}000 slumpade utfall" in sim.note
    assert "pert" not in sim.note.casefold()  # plain Swedish, no jargon
    data = small_appraisal([ProfileData("m", "Moderaterna", {"k1": 8, "k2": 2}, party="M")])
    rankings = compare_profiles(data)
    table = cost_tables.ranking_table(rankings)
    assert table.header == ("Alternativ", "Gemensam viktning", "M")
    assert table.rows[2] == ("B Koncern med holdingbolag", "1 (3,50)", "1 (3,80)")
    assert table.note == "M = Moderaterna"
    stab = cost_tables.stability_table(sensitivity(data, rankings[0].profile))
    assert stab.rows[0][2] == f"40,0–100,0{NBSP}%"
    assert stab.rows[0][3] == "A Akutsjukhusnämnd"


def test_effects_table_keeps_units_apart() -> None:
    table = cost_tables.effects_table(small_model())
    assert table.rows == (
        (
            "A Akutsjukhusnämnd",
            "Vårdplatser",
            "Kapacitet",
            "vårdplatser",
            f"0,0 (−10,0{NBSP}– 5,0)",
            f"0,0 (−10,0{NBSP}– 5,0)",
        ),
    )
    assert table.header[4].startswith("2024") and table.header[5].startswith("2026")


def test_every_printed_interval_is_ordered_even_when_scenarios_cross() -> None:
    """The model subtracts scenario by scenario; with a baseline wider than the option that
    put the base difference outside its "interval" ("−116,7 (−90,2 – −63,2)")."""
    from dataclasses import replace

    from tests.word_helpers import disordered_intervals, printed_intervals

    model = small_model()
    wide = tuple(
        replace(e, values=yearly(40, 100, 300)) if e.id == "e-n1" else e for e in model.estimates
    )
    summary = cost_summary(replace(model, estimates=wide))
    option = summary.options[1]
    assert option.difference_pv is not None
    raw = option.difference_pv
    assert not raw.low <= raw.base <= raw.high  # the model's own scenario-wise range is crossed
    for table in (cost_tables.cost_table(summary), cost_tables.actor_table(summary)):
        text = "\n".join(" | ".join(row) for row in table.rows)
        assert printed_intervals(text), text
        assert disordered_intervals(text) == []
        assert "scenariointervall" in " ".join(table.header).replace("\u00ad", "")
