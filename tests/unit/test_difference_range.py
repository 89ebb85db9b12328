"""The ordered scenario range of a difference against the baseline (domain.costs)."""

from __future__ import annotations

from utredning_app.domain.costs import Range, difference_range


def test_the_range_spans_the_scenario_combinations_and_holds_the_base() -> None:
    # Option 10–12–20, baseline 8–9–11: the model's difference is 2–3–9 (low − low, …);
    # the span over the combinations is 10 − 11 = −1 to 20 − 8 = 12.
    option = Range(10.0, 12.0, 20.0)
    model_difference = Range(2.0, 3.0, 9.0)
    assert difference_range(option, model_difference) == Range(-1.0, 3.0, 12.0)


def test_a_backwards_model_difference_still_gives_an_ordered_range_with_the_base() -> None:
    # Option 10–10–10, baseline 5–6–30: the model says 5–4–(−20), backwards.
    option = Range(10.0, 10.0, 10.0)
    model_difference = Range(5.0, 4.0, -20.0)
    result = difference_range(option, model_difference)
    assert result == Range(-20.0, 4.0, 5.0)
    assert result.low <= result.base <= result.high


def test_the_base_alone_can_widen_the_range() -> None:
    # A base difference outside the combinations' span (a model quirk) is still inside.
    assert difference_range(Range(0.0, 0.0, 0.0), Range(0.0, 7.0, 0.0)) == Range(0.0, 7.0, 7.0)
    assert difference_range(Range(0.0, 0.0, 0.0), Range(0.0, -7.0, 0.0)) == Range(-7.0, -7.0, 0.0)
