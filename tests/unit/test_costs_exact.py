"""Cost model: exact values at the boundaries (first/last year, rate 0 and 1, empty inputs,
mismatched series) and the exact Swedish messages — the faults the mutation run found living
(issue 16, item 10; `python -m tests.reliability.mutation`)."""

from __future__ import annotations

import dataclasses

import pytest

from tests.costs_helpers import HORIZON, A, N, small_model, yearly
from utredning_app.domain.costs import (
    CostModelInput,
    EstimateData,
    Horizon,
    Range,
    YearlyRange,
    YearValue,
    cost_summary,
    discount_factor,
    horizon_warnings,
    normalise_unit,
    option_cost_series,
    present_value,
    sum_estimates,
    unit_totals,
    validate_estimate,
    validate_model,
)
from utredning_app.domain.enums import EstimateKind
from utredning_app.errors import ValidationError


def _estimate(
    name: str = "Hyra",
    kind: EstimateKind = EstimateKind.COST_ANNUAL,
    unit: str = "mnkr",
    values: tuple[YearValue, ...] = yearly(1, 2, 3),
    option_id: str = A.id,
    **extra: object,
) -> EstimateData:
    return EstimateData(f"e-{name}", option_id, name, kind, unit, values, **extra)  # type: ignore[arg-type]


def _with(*estimates: EstimateData, model: CostModelInput | None = None) -> CostModelInput:
    base = model or small_model()
    return dataclasses.replace(base, estimates=(*base.estimates, *estimates))


def _message(action: object) -> str:
    assert callable(action)
    with pytest.raises(ValidationError) as exc:
        action()
    return exc.value.message


# ---------------------------------------------------------------- small pieces


def test_units_are_compared_trimmed_casefolded_and_single_spaced() -> None:
    assert normalise_unit("  Antal   Vårdplatser ") == "antal vårdplatser"


def test_horizon_index_and_ends() -> None:
    assert [HORIZON.index(y) for y in (2024, 2025, 2026)] == [0, 1, 2]
    assert HORIZON.end_year == 2026
    assert [HORIZON.contains(y) for y in (2023, 2024, 2026, 2027)] == [False, True, True, False]


def test_value_for_finds_the_years_value() -> None:
    values = (YearValue(2024, 1, 2, 3), YearValue(2025, 4, 5, 6))
    estimate = _estimate(values=values)
    assert estimate.value_for(2025) == YearValue(2025, 4, 5, 6)
    assert estimate.value_for(2024) == YearValue(2024, 1, 2, 3)
    assert estimate.value_for(2026) is None


def test_option_and_summary_lookups_name_what_is_missing() -> None:
    model = small_model()
    assert model.option(A.id) == A
    assert _message(lambda: model.option("x")) == (
        "Alternativet med id x finns inte i kostnadsmodellen."
    )
    with pytest.raises(KeyError) as missing:
        cost_summary(model).for_option("x")
    assert missing.value.args == ("x",)


@pytest.mark.parametrize("op", ["plus", "minus"])
@pytest.mark.parametrize("series", ["low", "base", "high"])
def test_series_of_different_lengths_are_refused(op: str, series: str) -> None:
    good = YearlyRange((2024, 2025), (1.0, 2.0), (1.0, 2.0), (1.0, 2.0))
    short = dataclasses.replace(good, **{series: (1.0,)})
    with pytest.raises(ValueError):
        getattr(good, op)(short)


def test_series_over_different_years_are_refused() -> None:
    one = YearlyRange.zeros((2024, 2025))
    other = YearlyRange.zeros((2025, 2026))
    for op in (one.plus, one.minus):
        with pytest.raises(ValueError) as exc:
            op(other)
        assert exc.value.args == ("series over different years",)


def test_plus_and_minus_are_exact_per_scenario() -> None:
    one = YearlyRange((2024, 2025), (1.0, 2.0), (3.0, 4.0), (5.0, 6.0))
    two = YearlyRange((2024, 2025), (0.5, 0.25), (1.0, 1.5), (2.0, 4.0))
    assert one.plus(two) == YearlyRange((2024, 2025), (1.5, 2.25), (4.0, 5.5), (7.0, 10.0))
    assert one.minus(two) == YearlyRange((2024, 2025), (0.5, 1.75), (2.0, 2.5), (3.0, 2.0))


def test_discount_rate_must_be_below_one() -> None:
    assert discount_factor(2026, 0.0, 2024) == 1.0
    assert discount_factor(2025, 0.999, 2024) == pytest.approx(1 / 1.999)
    for rate in (1.0, 1.5, -0.01):
        assert _message(lambda rate=rate: discount_factor(2024, rate, 2024)) == (
            f"Diskonteringsräntan måste vara minst 0 % och under 100 % (angiven: {rate:.4g})."
        )


def test_present_value_needs_one_value_per_year() -> None:
    with pytest.raises(ValueError) as exc:
        present_value([2024, 2025], [1.0], 0.05, 2024)
    assert exc.value.args == ("years and values differ in length",)
    assert present_value([], [], 0.05, 2024) == 0


# ---------------------------------------------------------------- estimate validation


def test_messages_name_the_estimate_and_its_option() -> None:
    model = small_model()
    no_unit = _estimate(unit="  ")
    assert (
        _message(lambda: validate_estimate(no_unit, HORIZON)) == "Skattningen ”Hyra” saknar enhet."
    )
    assert _message(lambda: validate_estimate(no_unit, HORIZON, model)) == (
        "Skattningen ”Hyra” (alternativ A Akutsjukhusnämnd) saknar enhet."
    )
    orphan = _estimate(unit="  ", option_id="borta")
    assert _message(lambda: validate_estimate(orphan, HORIZON, model)) == (
        "Skattningen ”Hyra” saknar enhet."
    )


def test_duplicate_years_are_named() -> None:
    twice = _estimate(values=(YearValue(2024, 1, 1, 1), YearValue(2024, 2, 2, 2)))
    assert _message(lambda: validate_estimate(twice, HORIZON)) == (
        "Skattningen ”Hyra” har flera värden för år 2024."
    )


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("låg", YearValue(2024, float("nan"), 1, 2)),
        ("bas", YearValue(2024, 0, float("nan"), 2)),
        ("hög", YearValue(2024, 0, 1, float("nan"))),
        ("låg", YearValue(2024, float("-inf"), 1, 2)),
        ("hög", YearValue(2024, 0, 1, float("inf"))),
    ],
)
def test_numbers_that_are_not_numbers_are_named(label: str, value: YearValue) -> None:
    bad = _estimate(kind=EstimateKind.COST_ONE_OFF, values=(value,))
    assert _message(lambda: validate_estimate(bad, HORIZON)) == (
        f"Skattningen ”Hyra”, år 2024: {label} är inte ett tal."
    )


def test_missing_years_are_required_by_default_and_named_with_the_kind() -> None:
    partial = _estimate(values=yearly(1, 2, 3, years=(2024,)))
    expected = (
        "Skattningen ”Hyra” (årlig kostnad) saknar värden för år 2025, 2026 i "
        "planeringshorisonten 2024–2026."
    )
    assert _message(lambda: validate_estimate(partial, HORIZON)) == expected
    validate_estimate(partial, HORIZON, require_complete=False)
    model = _with(partial)
    assert _message(lambda: validate_model(model)) == expected.replace(
        "”Hyra”", "”Hyra” (alternativ A Akutsjukhusnämnd)"
    )
    validate_model(_with(partial), require_complete=False)


def test_model_level_messages_are_exact() -> None:
    assert _message(lambda: validate_model(small_model(rate=1.0))) == (
        "Diskonteringsräntan måste vara minst 0 % och under 100 % (angiven: 1)."
    )
    validate_model(small_model(rate=0.0))
    orphan = _estimate(option_id="borta")
    assert _message(lambda: validate_model(_with(orphan))) == (
        "Skattningen ”Hyra” hör till ett alternativ som inte finns."
    )
    model = small_model()
    no_base = dataclasses.replace(model, options=(dataclasses.replace(N, is_baseline=False), A))
    assert _message(lambda: validate_model(no_base)) == (
        "Inget alternativ är markerat som nollalternativ; markera dagens styrmodell som "
        "nollalternativ för att kunna jämföra kostnaderna."
    )
    two = dataclasses.replace(model, options=(N, dataclasses.replace(A, is_baseline=True)))
    assert _message(lambda: validate_model(two)) == (
        "Flera alternativ är markerade som nollalternativ: N Nollalternativ, A Akutsjukhusnämnd."
    )


# ---------------------------------------------------------------- summing


def test_sum_estimates_without_a_unit_uses_the_first_estimates() -> None:
    beds = _estimate("Platser", EstimateKind.CAPACITY, "vårdplatser", yearly(1, 2, 3))
    more = _estimate("Fler", EstimateKind.CAPACITY, "Vårdplatser", yearly(0, 1, 1))
    total = sum_estimates([beds, more], HORIZON)
    assert total.base == (3.0, 3.0, 3.0) and total.low == (1.0, 1.0, 1.0)
    assert sum_estimates([], HORIZON) == YearlyRange.zeros(HORIZON.year_list)
    ops = _estimate("Operationer", EstimateKind.CAPACITY, "operationer")
    assert _message(lambda: sum_estimates([beds, ops], HORIZON)) == (
        "Skattningen ”Operationer” har enheten ”operationer” och kan inte summeras med "
        "skattningar i enheten ”vårdplatser”."
    )
    assert _message(lambda: sum_estimates([beds], HORIZON, unit="mnkr")) == (
        "Skattningen ”Platser” har enheten ”vårdplatser” och kan inte summeras med "
        "skattningar i enheten ”mnkr”."
    )
    assert _message(lambda: sum_estimates([ops], HORIZON, unit="mnkr", model=small_model())) == (
        "Skattningen ”Operationer” (alternativ A Akutsjukhusnämnd) har enheten ”operationer” "
        "och kan inte summeras med skattningar i enheten ”mnkr”."
    )


def test_sum_estimates_checks_estimates_unless_the_model_was_checked_for_this_horizon() -> None:
    unordered = _estimate(values=(YearValue(2024, 5, 3, 9), *yearly(1, 2, 3, (2025, 2026))))
    assert "låg ≤ bas ≤ hög" in _message(lambda: sum_estimates([unordered], HORIZON))
    model = _with(unordered)
    assert _message(lambda: sum_estimates([unordered], HORIZON, model=model)) == (
        "Skattningen ”Hyra” (alternativ A Akutsjukhusnämnd), år 2024: låg ≤ bas ≤ hög gäller "
        "inte (låg 5, bas 3, hög 9)."
    )
    # Checked with require_complete=False only: completeness is still checked here.
    partial = _estimate(values=yearly(1, 2, 3, years=(2024,)))
    lenient = _with(partial)
    validate_model(lenient, require_complete=False)
    assert "saknar värden för år 2025, 2026" in _message(
        lambda: sum_estimates([partial], HORIZON, model=lenient)
    )
    # Checked over 2024–2026, summed over 2024–2027: 2027 is missing and must be named.
    checked = small_model()
    validate_model(checked)
    longer = Horizon(2024, 4)
    annual = checked.estimates[0]
    assert "saknar värden för år 2027" in _message(
        lambda: sum_estimates([annual], longer, model=checked)
    )


def test_option_cost_series_sums_costs_in_mnkr_only() -> None:
    model = small_model()
    assert option_cost_series(model, A.id).base == (150.0, 100.0, 100.0)
    wrong = _estimate("Platser", EstimateKind.COST_ANNUAL, "vårdplatser")
    alone = dataclasses.replace(model, estimates=(wrong,))
    assert _message(lambda: option_cost_series(alone, A.id)) == (
        "Skattningen ”Platser” (alternativ A Akutsjukhusnämnd) har enheten ”vårdplatser” och "
        "kan inte summeras med skattningar i enheten ”mnkr”."
    )


def test_summary_differences_are_exact_and_absent_for_the_baseline() -> None:
    summary = cost_summary(small_model())
    assert (summary.horizon, summary.discount_rate) == (HORIZON, 0.05)
    opt, base = summary.for_option(A.id), summary.for_option(N.id)
    assert opt.difference_total == Range(25.0, 50.0, 85.0)
    assert base.difference_total is None and base.difference_yearly is None
    assert all(actor.difference_pv is None for actor in base.per_actor)
    assert all(actor.difference_pv is not None for actor in opt.per_actor)


# ---------------------------------------------------------------- warnings


def test_horizon_and_price_base_warnings_are_exact() -> None:
    later = _estimate(
        "Senare",
        EstimateKind.COST_ONE_OFF,
        values=(YearValue(2031, 1, 1, 1), YearValue(2023, 1, 1, 1), YearValue(2025, 1, 1, 1)),
    )
    old_prices = _estimate("Gammal", price_base_year=2022)
    same_prices = _estimate("Samma", price_base_year=2023)
    no_prices = _estimate("Utan")
    model = dataclasses.replace(
        small_model(), estimates=(later, old_prices, same_prices, no_prices)
    )
    assert horizon_warnings(model) == [
        "Skattningen ”Senare” (alternativ A Akutsjukhusnämnd) har värden för år 2023, 2031 utanför "
        "planeringshorisonten 2024–2026; de räknas inte med.",
        "Skattningen ”Gammal” (alternativ A Akutsjukhusnämnd) har prisbasår 2022 men "
        "utredningen räknar i 2023 års priser.",
    ]
    unset = dataclasses.replace(model, price_base_year=None)
    assert len(horizon_warnings(unset)) == 1


def test_unit_totals_name_the_option_of_a_faulty_estimate() -> None:
    unordered = _estimate("Platser", EstimateKind.CAPACITY, "vårdplatser", values=yearly(3, 2, 4))
    model = dataclasses.replace(small_model(), estimates=(unordered,))
    assert _message(lambda: unit_totals(model, A.id)) == (
        "Skattningen ”Platser” (alternativ A Akutsjukhusnämnd), år 2024: låg ≤ bas ≤ hög "
        "gäller inte (låg 3, bas 2, hög 4)."
    )
