"""Appraisal: weighted ranking, party profiles and exact stability ranges (hand-computed)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.costs_helpers import A, B, N, small_appraisal
from utredning_app.domain.appraisal import (
    AppraisalInput,
    CriterionData,
    ProfileData,
    ScoreData,
    compare_profiles,
    rank,
    sensitivity,
    validate_profile,
    weighted_scores,
    weights_with_share,
)
from utredning_app.domain.costs import OptionData
from utredning_app.errors import ValidationError

HALF = ProfileData("p", "Lika vikter", {"k1": 50.0, "k2": 50.0}, party="S")


def test_weighted_scores_and_ranks() -> None:
    data = small_appraisal()
    scores = weighted_scores(data, HALF)
    assert scores == {N.id: 2.5, A.id: 3.0, B.id: 3.5}
    ranking = rank(data, HALF)
    assert [(r.option.code, r.rank) for r in ranking.ranking] == [("B", 1), ("A", 2), ("N", 3)]


def test_ties_share_a_rank() -> None:
    data = small_appraisal()
    tied = ProfileData("t", "Bara kvalitet", {"k1": 0.0, "k2": 100.0})
    # k2 only: N 2, A 5, B 3 → A, B, N
    assert [r.rank for r in rank(data, tied).ranking] == [1, 2, 3]
    k1_only = ProfileData("u", "Bara kostnad", {"k1": 100.0, "k2": 0.0})
    data2 = dataclasses.replace(
        data,
        scores=tuple(
            dataclasses.replace(s, score=4) if (s.option_id, s.criterion_id) == (N.id, "k1") else s
            for s in data.scores
        ),
    )
    assert [(r.option.code, r.rank) for r in rank(data2, k1_only).ranking] == [
        ("N", 1),
        ("B", 1),
        ("A", 3),
    ]


def test_party_profiles_rank_side_by_side() -> None:
    cost_party = ProfileData("m", "M", {"k1": 80.0, "k2": 20.0}, party="M")
    quality_party = ProfileData("v", "V", {"k1": 10.0, "k2": 90.0}, party="V")
    rankings = compare_profiles(small_appraisal([cost_party, quality_party]))
    assert [r.profile.name for r in rankings] == ["Gemensam viktning", "M", "V"]
    assert rankings[0].top.option == B  # equal group weights
    assert rankings[1].top.option == B  # 0.8·4 + 0.2·3 = 3.8 vs A 1.8
    assert rankings[2].top.option == A  # 0.1·1 + 0.9·5 = 4.6 vs B 3.1


def test_stability_ranges_hand_computed() -> None:
    # B(x) = 3 + x, A(x) = 5 − 4x, N(x) = 2 + x with x the share of k1: B on top for x ≥ 0.4.
    result = sensitivity(small_appraisal(), HALF)
    assert result.top == B
    k1, k2 = result.criteria
    assert k1.current == pytest.approx(50.0)
    assert (k1.lower, k1.upper) == (pytest.approx(40.0), pytest.approx(100.0))
    assert k1.rival_below == A and k1.rival_above is None
    assert (k2.lower, k2.upper) == (pytest.approx(0.0), pytest.approx(60.0))
    assert k2.rival_above == A and k2.rival_below is None


def test_profile_weights_are_relative_and_normalised() -> None:
    data = small_appraisal()
    relative = ProfileData("r", "Relativ", {"k1": 1.0, "k2": 1.0})
    assert weighted_scores(data, relative) == weighted_scores(data, HALF)
    shares = weights_with_share(
        ProfileData("s", "S", {"k1": 1.0, "k2": 3.0}), data.criteria, "k1", 0.25
    )
    assert shares == {"k1": 25.0, "k2": 75.0}


def test_profile_validation() -> None:
    criteria = small_appraisal().criteria
    validate_profile(ProfileData("r", "Relativ", {"k1": 1.5, "k2": 2}), criteria)
    # Entered as percent: must sum to 100 % within rounding.
    validate_profile(ProfileData("r", "Avrundad", {"k1": 66.7, "k2": 33.3}), criteria, scale=100)
    validate_profile(ProfileData("r", "Avrundad", {"k1": 33.33, "k2": 66.6}), criteria, scale=100)
    with pytest.raises(ValidationError, match=r"”Fel” summerar till 90 %"):
        validate_profile(ProfileData("f", "Fel", {"k1": 60.0, "k2": 30.0}), criteria, scale=100)
    with pytest.raises(ValidationError, match="negativ"):
        validate_profile(ProfileData("f", "Neg", {"k1": 110.0, "k2": -10.0}), criteria)
    with pytest.raises(ValidationError, match=r"”Noll” har bara vikter 0"):
        validate_profile(ProfileData("f", "Noll", {"k1": 0.0, "k2": 0.0}), criteria)


def test_score_outside_scale_is_named() -> None:
    data = small_appraisal()
    bad = dataclasses.replace(data, scores=(*data.scores[:-1], ScoreData(B.id, "k2", 7)))
    with pytest.raises(ValidationError, match=r"B Koncern.*”Kvalitet”.*7.*1–5"):
        rank(bad, HALF)


def test_missing_score_is_named_unless_weight_zero() -> None:
    data = small_appraisal()
    gap = dataclasses.replace(data, scores=(*data.scores[:-1], ScoreData(B.id, "k2", None)))
    with pytest.raises(ValidationError, match=r"B Koncern.*saknar poäng.*”Kvalitet”"):
        rank(gap, HALF)
    only_k1 = ProfileData("o", "Kostnad", {"k1": 100.0})
    assert rank(gap, only_k1).top.option == B


# ---------------------------------------------------------------- properties

score = st.integers(min_value=1, max_value=5).map(float)


@st.composite
def appraisals(draw: st.DrawFn) -> tuple[AppraisalInput, ProfileData]:
    n_opt = draw(st.integers(2, 5))
    n_crit = draw(st.integers(2, 5))
    options = tuple(OptionData(f"o{i}", f"O{i}", f"Alt {i}", i == 0, i) for i in range(n_opt))
    criteria = tuple(CriterionData(f"c{j}", f"K{j}", sort_order=j) for j in range(n_crit))
    scores = tuple(ScoreData(o.id, c.id, draw(score)) for o in options for c in criteria)
    raw = draw(st.lists(st.integers(0, 20), min_size=n_crit, max_size=n_crit).filter(any))
    total = sum(raw)
    weights = {c.id: 100.0 * w / total for c, w in zip(criteria, raw, strict=True)}
    return AppraisalInput(options, criteria, scores, (), 1, 5), ProfileData("p", "P", weights)


@settings(max_examples=150, deadline=None)
@given(appraisals(), st.floats(0, 1))
def test_top_option_stays_on_top_inside_the_stability_range(
    case: tuple[AppraisalInput, ProfileData], t: float
) -> None:
    data, profile = case
    result = sensitivity(data, profile)
    for stab in result.criteria:
        x = (stab.lower + t * (stab.upper - stab.lower)) / 100.0
        moved = ProfileData(
            "q", "Q", weights_with_share(profile, data.criteria, stab.criterion.id, x)
        )
        scores = weighted_scores(data, moved)
        assert scores[result.top.id] >= max(scores.values()) - 1e-9
        # The bounds are tight: just outside, the rival scores strictly higher.
        if stab.lower > 1e-6 and stab.rival_below is not None:
            below = ProfileData(
                "q",
                "Q",
                weights_with_share(
                    profile, data.criteria, stab.criterion.id, stab.lower / 100 - 1e-6
                ),
            )
            s = weighted_scores(data, below)
            assert s[stab.rival_below.id] > s[result.top.id]
        if stab.upper < 100 - 1e-6 and stab.rival_above is not None:
            above = ProfileData(
                "q",
                "Q",
                weights_with_share(
                    profile, data.criteria, stab.criterion.id, stab.upper / 100 + 1e-6
                ),
            )
            s = weighted_scores(data, above)
            assert s[stab.rival_above.id] > s[result.top.id]
