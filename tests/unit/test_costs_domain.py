"""Cost model calculations against hand-computed figures (see tests/costs_helpers.py)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.costs_helpers import HORIZON, RATE, A, N, small_model, yearly
from utredning_app.domain.costs import (
    CostModelInput,
    EstimateData,
    Horizon,
    OptionData,
    YearValue,
    cost_summary,
    discount_factor,
    present_value,
    unit_totals,
    validate_model,
)
from utredning_app.domain.enums import Actor, EstimateKind
from utredning_app.errors import ValidationError

F1 = 1 / 1.05
F2 = 1 / 1.05**2


def test_discount_factor_convention_first_year_undiscounted() -> None:
    assert discount_factor(2024, RATE, 2024) == 1.0
    assert discount_factor(2025, RATE, 2024) == pytest.approx(0.9523809523809523)
    assert discount_factor(2026, RATE, 2024) == pytest.approx(0.9070294784580498)


def test_present_value_hand_computed() -> None:
    # 100 + 100/1.05 + 100/1.1025 = 285.9410430839...
    assert present_value([2024, 2025, 2026], [100, 100, 100], RATE, 2024) == pytest.approx(
        285.94104308390023, abs=1e-9
    )
    assert present_value([2024], [7.5], 0.0, 2024) == 7.5


def test_totals_present_value_and_difference_against_baseline() -> None:
    summary = cost_summary(small_model())
    assert summary.baseline == N
    base = summary.for_option(N.id)
    opt = summary.for_option(A.id)
    # Per year: one-off 50 in 2024 + annual 90 + bolag 10.
    assert opt.yearly.base == (150.0, 100.0, 100.0)
    assert opt.yearly.low == (125.0, 85.0, 85.0)
    assert opt.yearly.high == (185.0, 115.0, 115.0)
    assert opt.total.base == 350.0 and opt.total.low == 295.0 and opt.total.high == 415.0
    assert base.total.base == 300.0
    assert opt.present_value.base == pytest.approx(150 + 100 * F1 + 100 * F2, abs=1e-9)
    assert opt.present_value.low == pytest.approx(125 + 85 * (F1 + F2), abs=1e-9)
    assert base.present_value.high == pytest.approx(110 * (1 + F1 + F2), abs=1e-9)
    assert opt.difference_yearly is not None and opt.difference_pv is not None
    assert opt.difference_yearly.base == (50.0, 0.0, 0.0)
    assert opt.difference_pv.base == pytest.approx(50.0, abs=1e-9)
    assert opt.difference_pv.high == pytest.approx(75 + 5 * (F1 + F2), abs=1e-9)
    assert base.difference_pv is None
    # Baseline first in the summary.
    assert [oc.option.code for oc in summary.options] == ["N", "A"]


def test_per_actor_with_financing() -> None:
    opt = cost_summary(small_model()).for_option(A.id)
    actors = {ac.actor: ac for ac in opt.per_actor}
    assert set(actors) == {Actor.REGION, Actor.BOLAG}
    assert actors[Actor.BOLAG].yearly.base == (10.0, 10.0, 10.0)
    assert actors[Actor.BOLAG].financing == ("Bolagens eget kapital",)
    assert actors[Actor.REGION].financing == ("Regionens omställningsfond",)
    # Region: option 140, 90, 90 vs baseline 100 each → +40, −10, −10.
    diff = actors[Actor.REGION].difference_pv
    assert diff is not None
    assert diff.base == pytest.approx(40 - 10 * (F1 + F2), abs=1e-9)


def test_capacity_summed_per_unit_and_not_into_costs() -> None:
    model = small_model()
    totals = unit_totals(model, A.id)
    assert list(totals) == ["vårdplatser"]
    assert totals["vårdplatser"].low == (-10.0, -10.0, -10.0)


def test_cost_in_wrong_unit_is_refused_naming_the_estimate() -> None:
    model = small_model()
    bad = EstimateData(
        "x", A.id, "Personal", EstimateKind.COST_ANNUAL, "vårdplatser", yearly(1, 2, 3)
    )
    with pytest.raises(ValidationError, match=r"Skattningen ”Personal” .*vårdplatser"):
        cost_summary(dataclasses.replace(model, estimates=(*model.estimates, bad)))


def test_capacity_units_are_never_mixed() -> None:
    model = small_model()
    other = EstimateData(
        "y", A.id, "Operationer", EstimateKind.CAPACITY, "operationer", yearly(1, 2, 3)
    )
    extra = EstimateData(
        "z", A.id, "Platser", EstimateKind.CAPACITY, "Vårdplatser ", yearly(1, 2, 3)
    )
    totals = unit_totals(
        dataclasses.replace(model, estimates=(*model.estimates, other, extra)), A.id
    )
    assert totals["vårdplatser"].base == (2.0, 2.0, 2.0)  # unit spelling normalised
    assert totals["operationer"].base == (2.0, 2.0, 2.0)


def test_low_base_high_order_is_checked() -> None:
    model = small_model()
    bad = EstimateData(
        "x", A.id, "IT-system", EstimateKind.COST_ONE_OFF, "mnkr", (YearValue(2025, 5, 3, 9),)
    )
    with pytest.raises(ValidationError, match=r"”IT-system”.*år 2025: låg ≤ bas ≤ hög"):
        validate_model(dataclasses.replace(model, estimates=(*model.estimates, bad)))


def test_missing_years_of_annual_cost_are_named() -> None:
    model = small_model()
    bad = EstimateData(
        "x", A.id, "Hyra", EstimateKind.COST_ANNUAL, "mnkr", yearly(1, 2, 3, years=(2024,))
    )
    with pytest.raises(ValidationError, match=r"”Hyra”.*saknar värden för år 2025, 2026"):
        cost_summary(dataclasses.replace(model, estimates=(*model.estimates, bad)))


def test_values_outside_horizon_are_warned_and_not_counted() -> None:
    model = small_model()
    extra = EstimateData(
        "x", A.id, "Senare", EstimateKind.COST_ONE_OFF, "mnkr", (YearValue(2030, 1, 1, 1),)
    )
    summary = cost_summary(dataclasses.replace(model, estimates=(*model.estimates, extra)))
    assert summary.for_option(A.id).total.base == 350.0
    assert any("2030" in w and "Senare" in w for w in summary.warnings)


def test_baseline_must_exist_once() -> None:
    model = small_model()
    no_base = dataclasses.replace(model, options=(dataclasses.replace(N, is_baseline=False), A))
    with pytest.raises(ValidationError, match=r"nollalternativ"):
        cost_summary(no_base)
    two = dataclasses.replace(model, options=(N, dataclasses.replace(A, is_baseline=True)))
    with pytest.raises(ValidationError, match=r"Flera alternativ"):
        cost_summary(two)


def test_discount_rate_and_horizon_are_checked() -> None:
    with pytest.raises(ValidationError, match=r"Diskonteringsräntan"):
        cost_summary(small_model(rate=1.5))
    with pytest.raises(ValidationError, match=r"minst ett år"):
        Horizon(2024, 0)
    assert HORIZON.year_list == (2024, 2025, 2026)


# ---------------------------------------------------------------- properties


_money = st.floats(-500, 500, allow_nan=False).map(lambda x: round(x, 2))


@st.composite
def models(draw: st.DrawFn) -> CostModelInput:
    years = draw(st.integers(1, 6))
    horizon = Horizon(2025, years)
    options = tuple(
        OptionData(f"o{i}", f"O{i}", f"Alternativ {i}", i == 0, i)
        for i in range(draw(st.integers(1, 4)))
    )
    estimates = []
    for i in range(draw(st.integers(0, 10))):
        option = draw(st.sampled_from(options))
        values = []
        for y in horizon.year_list:
            low, mid, high = sorted(draw(st.tuples(_money, _money, _money)))
            values.append(YearValue(y, low, mid, high))
        estimates.append(
            EstimateData(
                f"e{i}",
                option.id,
                f"E{i}",
                EstimateKind.COST_ANNUAL,
                "mnkr",
                tuple(values),
                actor=draw(st.sampled_from(list(Actor))),
            )
        )
    rate = draw(st.floats(0, 0.2))
    return CostModelInput(horizon, rate, options, tuple(estimates))


@settings(max_examples=80, deadline=None)
@given(models())
def test_summary_invariants(model: CostModelInput) -> None:
    summary = cost_summary(model)
    base = summary.for_option(summary.baseline.id)
    for oc in summary.options:
        # low ≤ base ≤ high survives summing and discounting
        assert oc.present_value.low <= oc.present_value.base + 1e-9
        assert oc.present_value.base <= oc.present_value.high + 1e-9
        # the difference is linear: PV(option − baseline) = PV(option) − PV(baseline)
        if oc.difference_pv is not None:
            expected = oc.present_value.base - base.present_value.base
            assert abs(oc.difference_pv.base - expected) < 1e-6
        # actors partition the option's costs
        assert abs(sum(a.present_value.base for a in oc.per_actor) - oc.present_value.base) < 1e-6
        # with r = 0 the present value is the plain sum
    undiscounted = cost_summary(dataclasses.replace(model, discount_rate=0.0))
    for oc in undiscounted.options:
        assert abs(oc.present_value.base - oc.total.base) < 1e-6
