"""Monte Carlo and tornado: hand-checkable facts and hypothesis invariants."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.costs_helpers import HORIZON, A, N, small_model
from utredning_app.domain.costs import CostModelInput, EstimateData, YearValue
from utredning_app.domain.enums import EstimateKind
from utredning_app.domain.uncertainty import Distribution, simulate, tornado

F = 1 + 1 / 1.05 + 1 / 1.05**2


def test_tornado_swings_are_exact() -> None:
    t = tornado(small_model(), A.id)
    assert t.base_total == pytest.approx(150 + 100 * (F - 1), abs=1e-9)
    names = [b.estimate.name for b in t.bars]
    # swings: omställning 30; drift nämnd 15·F ≈ 42.9; avveckling 15·F ≈ 42.9 (tie → by name)
    assert names == ["Avveckling av bolag", "Driftkostnad nämnd", "Omställning"]
    om = t.bars[2]
    assert om.total_at_low == pytest.approx(t.base_total - 10, abs=1e-9)
    assert om.total_at_high == pytest.approx(t.base_total + 20, abs=1e-9)
    assert om.swing == pytest.approx(30.0)


@pytest.mark.parametrize("dist", list(Distribution))
def test_simulation_is_reproducible_and_sensible(dist: Distribution) -> None:
    model = small_model()
    first = simulate(model, draws=5000, seed=7, distribution=dist)
    again = simulate(model, draws=5000, seed=7, distribution=dist)
    other = simulate(model, draws=5000, seed=8, distribution=dist)
    assert first == again
    assert first != other
    base = first.for_option(N.id)
    assert base.prob_above_baseline is None
    # Baseline PV: min 90·F, mode 100·F, max 110·F (symmetric) → median ≈ 100·F.
    assert base.p50 == pytest.approx(100 * F, rel=0.01)
    assert 90 * F <= base.p10 <= base.p50 <= base.p90 <= 110 * F
    opt = first.for_option(A.id)
    assert opt.prob_above_baseline is not None
    # A costs ≈ 50 more at base; the ranges overlap little: almost surely above.
    assert opt.prob_above_baseline > 0.95
    assert opt.difference_p10 is not None and opt.difference_p10 > 0


@pytest.mark.parametrize("draws", [5000, 2345])  # whole blocks and a last partial block
def test_simulation_does_not_depend_on_how_many_threads_draw(draws: int) -> None:
    model = small_model()
    one = simulate(model, draws=draws, seed=11, threads=1)
    assert simulate(model, draws=draws, seed=11, threads=3) == one
    assert simulate(model, draws=draws, seed=11, threads=8) == one


def test_an_option_without_cost_estimates_simulates_as_zero() -> None:
    model = small_model()
    empty = dataclasses.replace(A, id="tom", code="T", name="Utan skattningar", sort_order=9)
    result = simulate(dataclasses.replace(model, options=(*model.options, empty)), draws=500)
    sim = result.for_option("tom")
    assert (sim.p10, sim.p50, sim.p90, sim.mean) == (0.0, 0.0, 0.0, 0.0)
    assert sim.prob_above_baseline == 0.0
    # The other options are unaffected by the empty one.
    alone = simulate(model, draws=500)
    assert result.for_option(A.id) == alone.for_option(A.id)


def test_pert_mean_is_the_pert_formula() -> None:
    e = EstimateData(
        "x", N.id, "Skev", EstimateKind.COST_ONE_OFF, "mnkr", (YearValue(2024, 0, 1, 10),)
    )
    model = CostModelInput(HORIZON, 0.0, (N,), (e,))
    result = simulate(model, draws=200_000, seed=1, distribution=Distribution.PERT)
    assert result.for_option(N.id).mean == pytest.approx((0 + 4 * 1 + 10) / 6, rel=0.01)
    tri = simulate(model, draws=200_000, seed=1, distribution=Distribution.TRIANGULAR)
    assert tri.for_option(N.id).mean == pytest.approx((0 + 1 + 10) / 3, rel=0.01)


def test_zero_width_range_is_constant() -> None:
    e = EstimateData(
        "x", N.id, "Fast", EstimateKind.COST_ONE_OFF, "mnkr", (YearValue(2024, 5, 5, 5),)
    )
    model = CostModelInput(HORIZON, 0.0, (N,), (e,))
    for dist in Distribution:
        r = simulate(model, draws=1000, seed=3, distribution=dist).for_option(N.id)
        assert r.p10 == r.p50 == r.p90 == 5.0


triple = st.tuples(
    st.floats(-1000, 1000, allow_nan=False), st.floats(0, 500), st.floats(0, 500)
).map(lambda t: (t[0], t[0] + t[1], t[0] + t[1] + t[2]))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(triple, min_size=1, max_size=6),
    st.integers(0, 2**32 - 1),
    st.sampled_from(list(Distribution)),
)
def test_percentiles_ordered_and_within_range(
    ranges: list[tuple[float, float, float]], seed: int, dist: Distribution
) -> None:
    estimates = tuple(
        EstimateData(
            f"e{i}", A.id, f"E{i}", EstimateKind.COST_ONE_OFF, "mnkr", (YearValue(2025, lo, b, hi),)
        )
        for i, (lo, b, hi) in enumerate(ranges)
    )
    model = dataclasses.replace(small_model(), estimates=estimates)
    result = simulate(model, draws=500, seed=seed, distribution=dist)
    again = simulate(model, draws=500, seed=seed, distribution=dist)
    assert result == again
    r = result.for_option(A.id)
    f = 1 / 1.05
    lo = sum(x[0] for x in ranges) * f
    hi = sum(x[2] for x in ranges) * f
    tol = 1e-6 * (1 + abs(lo) + abs(hi))
    assert lo - tol <= r.p10 <= r.p50 + tol
    assert r.p50 <= r.p90 + tol <= hi + 2 * tol
