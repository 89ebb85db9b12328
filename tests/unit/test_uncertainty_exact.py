"""Monte Carlo and tornado at the boundaries: constant ranges, narrow ranges, several estimates
per option, percentiles of a known distribution, the draw minimum — the faults the mutation
run found living (issue 16, item 10; `python -m tests.reliability.mutation`)."""

from __future__ import annotations

import math

import pytest

from tests.costs_helpers import HORIZON, A, N, small_model
from utredning_app.domain.costs import CostModelInput, EstimateData, YearValue
from utredning_app.domain.enums import EstimateKind
from utredning_app.domain.uncertainty import Distribution, simulate, tornado
from utredning_app.errors import ValidationError


def _one_off(name: str, option_id: str, low: float, base: float, high: float) -> EstimateData:
    return EstimateData(
        f"e-{name}",
        option_id,
        name,
        EstimateKind.COST_ONE_OFF,
        "mnkr",
        (YearValue(2024, low, base, high),),
    )


def _model(*estimates: EstimateData) -> CostModelInput:
    # Rate 0 and one-off costs in the first year: an estimate's PV range is its own range.
    return CostModelInput(HORIZON, 0.0, (N, A), estimates)


def test_lookup_of_a_missing_option_names_it() -> None:
    result = simulate(_model(_one_off("x", N.id, 1, 1, 1)), draws=100)
    with pytest.raises(KeyError) as missing:
        result.for_option("saknas")
    assert missing.value.args == ("saknas",)
    assert result.seed == 20230630 and result.draws == 100


def test_at_least_one_hundred_draws() -> None:
    model = _model(_one_off("x", N.id, 1, 1, 1))
    assert simulate(model, draws=100, seed=5).draws == 100
    with pytest.raises(ValidationError) as exc:
        simulate(model, draws=99)
    assert exc.value.message == "Simuleringen behöver minst 100 dragningar (angivet: 99)."


def test_constant_estimates_give_exact_totals_in_every_draw() -> None:
    # Two estimates on the baseline (not the last option in the draw order) and one on A.
    model = _model(
        _one_off("a", N.id, 5, 5, 5),
        _one_off("b", N.id, 3, 3, 3),
        _one_off("c", A.id, 8.5, 8.5, 8.5),
    )
    for dist in Distribution:
        result = simulate(model, draws=1500, seed=2, distribution=dist)
        assert result.distribution is dist
        base, opt = result.for_option(N.id), result.for_option(A.id)
        assert (base.mean, base.p10, base.p50, base.p90) == (8.0, 8.0, 8.0, 8.0)
        assert (opt.mean, opt.p10, opt.p50, opt.p90) == (8.5, 8.5, 8.5, 8.5)
        # 0.5 more in every draw: above the baseline with probability 1.
        assert opt.prob_above_baseline == 1.0
        assert (opt.difference_p10, opt.difference_p50, opt.difference_p90) == (0.5, 0.5, 0.5)


def test_equal_totals_are_not_above_the_baseline() -> None:
    model = _model(_one_off("a", N.id, 4, 4, 4), _one_off("c", A.id, 4, 4, 4))
    opt = simulate(model, draws=100).for_option(A.id)
    assert opt.prob_above_baseline == 0.0
    assert opt.difference_p50 == 0.0


def test_triangular_percentiles_are_the_distributions() -> None:
    # Triangular(0, 5, 10): P10 = 10·√0.05, P50 = 5, P90 = 10 − 10·√0.05; mean 5.
    model = _model(_one_off("n", N.id, 0, 0, 0), _one_off("t", A.id, 0, 5, 10))
    opt = simulate(model, draws=60_000, seed=3, distribution=Distribution.TRIANGULAR).for_option(
        A.id
    )
    edge = 10 * math.sqrt(0.05)
    assert opt.p10 == pytest.approx(edge, abs=0.05)
    assert opt.p50 == pytest.approx(5.0, abs=0.04)
    assert opt.p90 == pytest.approx(10 - edge, abs=0.05)
    assert opt.mean == pytest.approx(5.0, abs=0.03)
    # The baseline is 0 in every draw: the differences are the option's own figures.
    assert (opt.difference_p10, opt.difference_p50, opt.difference_p90) == (
        opt.p10,
        opt.p50,
        opt.p90,
    )


def test_triangular_with_a_skewed_mode_has_the_right_mean() -> None:
    # Triangular(0, 8, 10): mean 6; P10 = √(0.1 · 10 · 8) = √8.
    model = _model(_one_off("n", N.id, 0, 0, 0), _one_off("t", A.id, 0, 8, 10))
    opt = simulate(model, draws=60_000, seed=4, distribution=Distribution.TRIANGULAR).for_option(
        A.id
    )
    assert opt.mean == pytest.approx(6.0, abs=0.03)
    assert opt.p10 == pytest.approx(math.sqrt(8), abs=0.05)


@pytest.mark.parametrize(
    ("dist", "mean"),
    [
        (Distribution.TRIANGULAR, (0 + 0.1 + 0.5) / 3),
        (Distribution.PERT, (0 + 4 * 0.1 + 0.5) / 6),
    ],
)
def test_ranges_narrower_than_one_are_drawn_over_their_width(
    dist: Distribution, mean: float
) -> None:
    model = _model(_one_off("n", N.id, 0, 0, 0), _one_off("smal", A.id, 0, 0.1, 0.5))
    opt = simulate(model, draws=60_000, seed=6, distribution=dist).for_option(A.id)
    assert opt.mean == pytest.approx(mean, rel=0.01)
    assert 0.0 <= opt.p10 < opt.p90 <= 0.5


def test_tornado_limit_keeps_the_largest_swings() -> None:
    everything = tornado(small_model(), A.id)
    top_two = tornado(small_model(), A.id, limit=2)
    assert len(everything.bars) == 3
    assert everything.option == A and top_two.option == A
    assert top_two.bars == everything.bars[:2]
    assert top_two.base_total == everything.base_total
