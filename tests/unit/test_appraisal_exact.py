"""Appraisal: exact, hand-computed values at the boundaries (ties, zero weights, one criterion,
scores of 0) and the exact Swedish messages — the faults the mutation run found living
(issue 16, item 10; `python -m tests.reliability.mutation`)."""

from __future__ import annotations

import dataclasses

import pytest

from tests.costs_helpers import A, B, N, small_appraisal
from utredning_app.domain.appraisal import (
    AppraisalInput,
    CriterionData,
    CriterionStability,
    ProfileData,
    ProfileRanking,
    RankedOption,
    ScoreData,
    group_profile,
    overview,
    rank,
    sensitivity,
    validate_profile,
    validate_scores,
    weighted_scores,
    weights_with_share,
)
from utredning_app.domain.costs import OptionData
from utredning_app.errors import ValidationError

HALF = ProfileData("p", "Lika vikter", {"k1": 50.0, "k2": 50.0})
K1 = CriterionData("k1", "K1")
K2 = CriterionData("k2", "K2")
K3 = CriterionData("k3", "K3")


def _data(
    options: tuple[OptionData, ...],
    criteria: tuple[CriterionData, ...],
    scores: dict[tuple[str, str], float | None],
    *,
    low: float = 0,
    high: float = 10,
) -> AppraisalInput:
    rows = tuple(ScoreData(o, c, s) for (o, c), s in scores.items())
    return AppraisalInput(options, criteria, rows, (), low, high)


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return exc.value.message


# ---------------------------------------------------------------- look-ups


def test_score_and_criterion_lookups() -> None:
    data = small_appraisal()
    assert data.score(B.id, "k1") == 4
    assert data.score(A.id, "k2") == 5
    assert data.score(A.id, "k9") is None
    assert data.criterion("k2").name == "Kvalitet"
    with pytest.raises(KeyError) as missing:
        data.criterion("k9")
    assert missing.value.args == ("k9",)


def test_rank_of_names_the_option() -> None:
    ranking = rank(small_appraisal(), HALF)
    assert [ranking.rank_of(o.id) for o in (B, A, N)] == [1, 2, 3]
    with pytest.raises(KeyError) as missing:
        ranking.rank_of("saknas")
    assert missing.value.args == ("saknas",)


# ---------------------------------------------------------------- validation messages


def test_score_scale_must_be_rising() -> None:
    flat = dataclasses.replace(small_appraisal(), score_min=3, score_max=3)
    with pytest.raises(ValidationError) as exc:
        validate_scores(flat)
    assert _message(exc) == (
        "Poängskalan är ogiltig: lägsta poäng (3) måste vara lägre än högsta (3)."
    )


def test_scores_of_unknown_rows_are_ignored_and_every_score_is_checked() -> None:
    data = small_appraisal()
    ghost = dataclasses.replace(data, scores=(*data.scores, ScoreData("spöke", "k1", 9)))
    validate_scores(ghost)  # an option that is gone: not the investigation's business
    late = dataclasses.replace(
        data, scores=(ScoreData(N.id, "k1", None), *data.scores, ScoreData(A.id, "k1", 9))
    )
    with pytest.raises(ValidationError, match="poängen 9"):
        validate_scores(late)


def test_profile_messages_are_exact() -> None:
    criteria = small_appraisal().criteria
    with pytest.raises(ValidationError) as exc:
        validate_profile(ProfileData("x", "Okänd", {"k7": 1.0}), criteria)
    assert _message(exc) == (
        "Viktprofilen ”Okänd” har en vikt för en bedömningsgrund som inte finns."
    )
    with pytest.raises(ValidationError) as exc:
        validate_profile(ProfileData("x", "Noll", {"k1": 0.0, "k2": 0.0}), criteria)
    assert _message(exc) == (
        "Viktprofilen ”Noll” har bara vikter 0; minst en bedömningsgrund måste väga mer än 0."
    )
    # Small relative weights are fine: only their sum must be above 0.
    validate_profile(ProfileData("x", "Små", {"k1": 0.25, "k2": 0.25}), criteria)


def test_profile_sum_tolerance_is_inclusive() -> None:
    criteria = small_appraisal().criteria
    # On a scale of 1000 the tolerance is exactly 1: 1001 is at the edge and accepted,
    # 1002 is beyond it.
    validate_profile(ProfileData("x", "Kant", {"k1": 500.0, "k2": 501.0}), criteria, scale=1000)
    with pytest.raises(ValidationError) as exc:
        validate_profile(ProfileData("x", "Över", {"k1": 500.0, "k2": 502.0}), criteria, scale=1000)
    # (The tolerance's decimal in the message is left out: it is printed with a point.)
    assert _message(exc).startswith(
        "Viktprofilen ”Över” summerar till 1002 %; vikterna måste summera till 1000 % (±"
    )


def test_group_profile_normalises_the_groups_weights() -> None:
    data = dataclasses.replace(
        small_appraisal(),
        criteria=(dataclasses.replace(K1, weight=0.5), dataclasses.replace(K2, weight=1.5)),
    )
    profile = group_profile(data)
    assert profile.id == ""
    assert profile.name == "Gemensam viktning"
    assert profile.weights == {"k1": 25.0, "k2": 75.0}
    # A criterion may weigh 0 (or less than 1) in the group's weighting.
    zero = dataclasses.replace(data, criteria=(dataclasses.replace(K1, weight=0.0), K2))
    assert group_profile(zero).weights == {"k1": 0.0, "k2": 100.0}
    small = dataclasses.replace(
        data, criteria=(dataclasses.replace(K1, weight=0.25), dataclasses.replace(K2, weight=0.25))
    )
    assert group_profile(small).weights == {"k1": 50.0, "k2": 50.0}


def test_group_profile_refuses_negative_and_all_zero_weights() -> None:
    data = small_appraisal()
    negative = dataclasses.replace(data, criteria=(dataclasses.replace(K1, weight=-1.0), K2))
    with pytest.raises(ValidationError) as exc:
        group_profile(negative)
    assert _message(exc) == "Bedömningsgrunden ”K1” har en negativ vikt (-1)."
    zeros = dataclasses.replace(
        data, criteria=(dataclasses.replace(K1, weight=0.0), dataclasses.replace(K2, weight=0.0))
    )
    with pytest.raises(ValidationError) as exc:
        group_profile(zeros)
    assert _message(exc) == "Alla bedömningsgrunder har vikten 0; minst en måste väga mer än 0."


def test_weighted_scores_use_shares_of_the_profiles_own_total() -> None:
    data = small_appraisal()
    # A profile naming only k1 weighs k2 with 0: the scores are the k1 scores exactly.
    assert weighted_scores(data, ProfileData("o", "Bara k1", {"k1": 50.0})) == {
        N.id: 3.0,
        A.id: 1.0,
        B.id: 4.0,
    }
    # Weights summing to less than 1 are relative like any others.
    assert weighted_scores(data, ProfileData("s", "Små", {"k1": 0.5, "k2": 0.5})) == {
        N.id: 2.5,
        A.id: 3.0,
        B.id: 3.5,
    }
    with pytest.raises(ValidationError) as exc:
        weighted_scores(data, ProfileData("z", "Noll", {"k1": 0.0}))
    assert _message(exc) == "Viktprofilen ”Noll” har inga vikter större än 0."


def test_missing_score_message_names_the_profile() -> None:
    data = small_appraisal()
    gap = dataclasses.replace(data, scores=(*data.scores[:-1], ScoreData(B.id, "k2", None)))
    with pytest.raises(ValidationError) as exc:
        weighted_scores(gap, HALF)
    assert _message(exc) == (
        "Alternativ B Koncern med holdingbolag saknar poäng på bedömningsgrunden ”Kvalitet”, "
        "som väger mer än 0 i viktprofilen ”Lika vikter”."
    )


def test_rank_without_options_says_so() -> None:
    with pytest.raises(ValidationError) as exc:
        rank(dataclasses.replace(small_appraisal(), options=()), HALF)
    assert _message(exc) == "Det finns inga alternativ att rangordna."


# ---------------------------------------------------------------- weights_with_share


def test_weights_with_share_rescales_the_others_by_one_minus_the_share() -> None:
    criteria = (K1, K2, K3)
    profile = ProfileData("p", "P", {"k1": 20.0, "k2": 30.0, "k3": 50.0})
    # k1 at 60 %: the others keep 30:50 of the remaining 40 % → 15 and 25.
    moved = weights_with_share(profile, criteria, "k1", 0.6)
    assert moved == pytest.approx({"k1": 60.0, "k2": 15.0, "k3": 25.0}, abs=1e-12)
    assert weights_with_share(profile, criteria, "k3", 1.0) == {
        "k3": 100.0,
        "k1": 0.0,
        "k2": 0.0,
    }


def test_weights_with_share_splits_equally_when_the_others_weigh_nothing() -> None:
    profile = ProfileData("p", "P", {"k1": 100.0, "k2": 0.0, "k3": 0.0})
    moved = weights_with_share(profile, (K1, K2, K3), "k1", 0.4)
    assert moved == pytest.approx({"k1": 40.0, "k2": 30.0, "k3": 30.0}, abs=1e-12)


# ---------------------------------------------------------------- stability ranges


def test_single_criterion_is_stable_over_the_whole_range() -> None:
    data = _data((N, A), (K1,), {(N.id, "k1"): 2, (A.id, "k1"): 4})
    result = sensitivity(data, ProfileData("p", "P", {"k1": 1.0}))
    assert result.top == A
    assert result.criteria == (CriterionStability(K1, 100.0, 100.0, 100.0, None, None),)
    assert result.skipped == ()


def test_criteria_with_incomplete_scores_are_skipped_by_name() -> None:
    # k2 and k3 weigh 0, so the ranking needs k1 only; k1's range involves k2 and k3 (their
    # share is split equally), so a missing k2 score skips k1 and k2 — k3 (involving only
    # k1 and itself, k2's part being 0) is still computed.
    options = (N, A)
    scores: dict[tuple[str, str], float | None] = {
        (N.id, "k1"): 2,
        (A.id, "k1"): 4,
        (N.id, "k2"): 1,
        (A.id, "k2"): None,
        (N.id, "k3"): 3,
        (A.id, "k3"): 1,
    }
    data = _data(options, (K1, K2, K3), scores)
    result = sensitivity(data, ProfileData("p", "P", {"k1": 100.0, "k2": 0.0, "k3": 0.0}))
    assert result.skipped == ("K1", "K2")
    assert [s.criterion.id for s in result.criteria] == ["k3"]
    k3 = result.criteria[0]
    # A(y) = 4(1 − y) + y, N(y) = 2(1 − y) + 3y: A stays on top while y ≤ 1/2.
    assert (k3.current, k3.lower) == (0.0, 0.0)
    assert k3.upper == pytest.approx(50.0)
    assert (k3.rival_below, k3.rival_above) == (None, N)


def test_a_criterion_with_part_zero_needs_no_score_rows() -> None:
    scores: dict[tuple[str, str], float | None] = {
        (N.id, "k1"): 2,
        (A.id, "k1"): 4,
        (N.id, "k2"): 3,
        (A.id, "k2"): 3,
    }
    data = _data((N, A), (K1, K2, K3), scores)
    result = sensitivity(data, ProfileData("p", "P", {"k1": 50.0, "k2": 50.0, "k3": 0.0}))
    assert result.skipped == ("K3",)
    k1, k2 = result.criteria
    # k1: A(x) = 4x + 3(1 − x) vs N(x) = 2x + 3(1 − x): tied at x = 0, A ahead above.
    assert (k1.lower, k1.upper, k1.rival_below, k1.rival_above) == (0.0, 100.0, None, None)
    # k2: A(y) = 4(1 − y) + 3y vs N(y) = 2(1 − y) + 3y: tied at y = 1 only.
    assert (k2.lower, k2.upper, k2.rival_below, k2.rival_above) == (0.0, 100.0, None, None)


def test_scores_of_zero_count_as_zero() -> None:
    # Scale 0–10. k1 share x: A(x) = 10x + 0(1 − x), N(x) = 0x + 6(1 − x): A on top for
    # x ≥ 6/16 = 37.5 %. Current x = 50 %.
    data = _data(
        (N, A), (K1, K2), {(N.id, "k1"): 0, (A.id, "k1"): 10, (N.id, "k2"): 6, (A.id, "k2"): 0}
    )
    result = sensitivity(data, HALF)
    assert result.top == A
    k1, k2 = result.criteria
    assert k1.lower == pytest.approx(37.5) and k1.upper == 100.0
    assert k1.rival_below == N and k1.rival_above is None
    assert k2.lower == 0.0 and k2.upper == pytest.approx(62.5)


def test_tie_at_zero_weight_ends_the_range_there() -> None:
    # k2 weighs 0; N and A tie on k1, N first by sort order, so N is on top. Any weight on k2
    # (where A scores 5, N 1) puts A ahead: the range of k2 is exactly 0–0.
    data = _data(
        (N, A), (K1, K2), {(N.id, "k1"): 3, (A.id, "k1"): 3, (N.id, "k2"): 1, (A.id, "k2"): 5}
    )
    result = sensitivity(data, ProfileData("p", "P", {"k1": 100.0, "k2": 0.0}))
    assert result.top == N
    k1, k2 = result.criteria
    assert (k2.current, k2.lower, k2.upper) == (0.0, 0.0, 0.0)
    assert (k2.rival_below, k2.rival_above) == (None, A)
    # k1 at 100 %: N and A tie there; any weight moved to k2 puts A ahead.
    assert (k1.current, k1.lower, k1.upper) == (100.0, 100.0, 100.0)
    assert (k1.rival_below, k1.rival_above) == (A, None)


def test_leads_of_exactly_the_tie_tolerance_are_leads() -> None:
    # N leads A by exactly 1e-9 (TIE_EPS) on k1 and loses on k2, which weighs 0: the lead is
    # real (not rounding noise), so the range of k2 is a sliver above 0, not 0.
    data = _data(
        (N, A),
        (K1, K2),
        {(N.id, "k1"): 1e-9, (A.id, "k1"): 0.0, (N.id, "k2"): 0.0, (A.id, "k2"): 4.0},
    )
    result = sensitivity(data, ProfileData("p", "P", {"k1": 100.0, "k2": 0.0}))
    k2 = result.criteria[1]
    assert 0.0 < k2.upper < 1e-7
    assert k2.rival_above == A


def test_rounding_noise_is_a_tie_not_a_lead() -> None:
    # 0.1 + 0.2 != 0.3 in binary: a difference of 5.6e-17 is noise, not a lead or a loss.
    noisy = 0.1 + 0.2
    data = _data(
        (N, A),
        (K1, K2),
        {(N.id, "k1"): 0.3, (A.id, "k1"): noisy, (N.id, "k2"): 4.0, (A.id, "k2"): 2.0},
    )
    result = sensitivity(data, HALF)
    assert result.top == N
    k1, k2 = result.criteria
    # Ties at the ends are not take-overs: the whole range is stable, with no rival.
    assert (k1.lower, k1.upper, k1.rival_below, k1.rival_above) == (0.0, 100.0, None, None)
    assert (k2.lower, k2.upper, k2.rival_below, k2.rival_above) == (0.0, 100.0, None, None)


def test_small_lead_on_the_criterion_gives_a_lower_bound() -> None:
    # k1 share x: N(x) = 3.5x + 1(1 − x), A(x) = 3x + 2(1 − x): N on top for x ≥ 2/3.
    data = _data(
        (N, A), (K1, K2), {(N.id, "k1"): 3.5, (A.id, "k1"): 3, (N.id, "k2"): 1, (A.id, "k2"): 2}
    )
    result = sensitivity(data, ProfileData("p", "P", {"k1": 80.0, "k2": 20.0}))
    assert result.top == N
    k1 = result.criteria[0]
    assert k1.lower == pytest.approx(200 / 3) and k1.upper == 100.0
    assert (k1.rival_below, k1.rival_above) == (A, None)


def test_first_rival_at_an_equal_break_even_is_named() -> None:
    twin = OptionData("opt-c", "C", "Tvilling till A", sort_order=3)
    data = small_appraisal()
    data = dataclasses.replace(
        data,
        options=(*data.options, twin),
        scores=(*data.scores, ScoreData(twin.id, "k1", 1), ScoreData(twin.id, "k2", 5)),
    )
    k1, k2 = sensitivity(data, HALF).criteria
    assert (k1.lower, k1.rival_below) == (pytest.approx(40.0), A)
    assert (k2.upper, k2.rival_above) == (pytest.approx(60.0), A)


def test_a_later_crossing_above_the_upper_bound_does_not_move_the_lower_bound() -> None:
    # D overtakes B on k2 only at 80 % (later than A at 60 %), so D is no rival at all.
    d = OptionData("opt-d", "D", "Senare rival", sort_order=4)
    data = small_appraisal()
    data = dataclasses.replace(
        data,
        options=(*data.options, d),
        scores=(*data.scores, ScoreData(d.id, "k1", 2), ScoreData(d.id, "k2", 3.5)),
    )
    k1, k2 = sensitivity(data, HALF).criteria
    assert (k2.lower, k2.rival_below) == (0.0, None)
    assert (k2.upper, k2.rival_above) == (pytest.approx(60.0), A)
    assert (k1.lower, k1.rival_below) == (pytest.approx(40.0), A)


def test_a_ranking_whose_top_is_beaten_everywhere_gives_an_empty_range() -> None:
    # The caller's ranking says N is on top, but B beats N on both criteria: the range
    # collapses to the current weight with B named on both sides (where a side is open).
    data = _data(
        (N, B, A),
        (K1, K2),
        {
            (N.id, "k1"): 3,
            (N.id, "k2"): 2,
            (B.id, "k1"): 4,
            (B.id, "k2"): 3,
            (A.id, "k1"): 1,
            (A.id, "k2"): 5,
        },
    )
    wrong = ProfileRanking(
        HALF, (RankedOption(N, 2.5, 1), RankedOption(B, 3.5, 2), RankedOption(A, 3.0, 3))
    )
    k1, _k2 = sensitivity(data, HALF, wrong).criteria
    # After B (tie branch) A still moves the lower bound up: the bound is then cut at x0.
    assert (k1.current, k1.lower, k1.upper) == (50.0, 50.0, 50.0)
    assert (k1.rival_below, k1.rival_above) == (A, B)
    one_sided = ProfileData("q", "Bara k1", {"k1": 100.0, "k2": 0.0})
    wrong_q = dataclasses.replace(wrong, profile=one_sided)
    k1, k2 = sensitivity(_drop(data, A), one_sided, _drop_ranking(wrong_q, A)).criteria
    assert (k1.lower, k1.upper, k1.rival_below, k1.rival_above) == (100.0, 100.0, B, None)
    assert (k2.lower, k2.upper, k2.rival_below, k2.rival_above) == (0.0, 0.0, None, B)


def _drop(data: AppraisalInput, option: OptionData) -> AppraisalInput:
    return dataclasses.replace(
        data,
        options=tuple(o for o in data.options if o != option),
        scores=tuple(s for s in data.scores if s.option_id != option.id),
    )


def _drop_ranking(ranking: ProfileRanking, option: OptionData) -> ProfileRanking:
    return dataclasses.replace(
        ranking, ranking=tuple(r for r in ranking.ranking if r.option != option)
    )


# ---------------------------------------------------------------- overview


def test_overview_ranks_every_usable_profile_and_lists_the_problems() -> None:
    bad_sum = ProfileData("f", "Fel", {"k1": -5.0, "k2": 50.0})
    cost = ProfileData("m", "M", {"k1": 80.0, "k2": 20.0})
    only_k3 = ProfileData("g", "Glesa", {"k1": 100.0})
    data = small_appraisal([bad_sum, cost, only_k3])
    result = overview(data)
    assert result.data is data
    assert [r.profile.name for r in result.rankings] == ["Gemensam viktning", "M", "Glesa"]
    assert [s.profile.name for s in result.sensitivities] == ["Gemensam viktning", "M", "Glesa"]
    assert [s.top for s in result.sensitivities] == [B, B, B]
    assert result.rankings[1].ranking[0].score == pytest.approx(3.8)
    assert result.problems == (
        "Viktprofilen ”Fel”: vikten för ”Kostnadsutveckling” är negativ (-5); vikter måste "
        "vara 0 eller större.",
    )


def test_overview_keeps_going_after_a_profile_that_cannot_be_ranked() -> None:
    data = small_appraisal([ProfileData("q", "Kvalitet", {"k2": 100.0}), HALF])
    gap = dataclasses.replace(
        data,
        criteria=(*data.criteria, CriterionData("k3", "Nytt", weight=0.0)),
        scores=(*data.scores, ScoreData(N.id, "k3", 2)),
    )
    needs_k3 = ProfileData("n", "Nytt", {"k3": 100.0})
    gap = dataclasses.replace(gap, profiles=(needs_k3, *gap.profiles))
    result = overview(gap)
    assert [r.profile.name for r in result.rankings] == [
        "Gemensam viktning",
        "Kvalitet",
        "Lika vikter",
    ]
    assert len(result.sensitivities) == 3
    assert result.problems == (
        "Alternativ A Akutsjukhusnämnd saknar poäng på bedömningsgrunden ”Nytt”, som väger "
        "mer än 0 i viktprofilen ”Nytt”.",
    )


def test_overview_without_a_usable_group_weighting_still_ranks_the_profiles() -> None:
    data = small_appraisal([HALF])
    zeros = dataclasses.replace(
        data, criteria=tuple(dataclasses.replace(c, weight=0.0) for c in data.criteria)
    )
    result = overview(zeros)
    assert [r.profile.name for r in result.rankings] == ["Lika vikter"]
    assert result.problems == (
        "Alla bedömningsgrunder har vikten 0; minst en måste väga mer än 0.",
    )


def test_overview_with_scores_off_the_scale_reports_only_that() -> None:
    data = small_appraisal([HALF])
    bad = dataclasses.replace(data, scores=(*data.scores[:-1], ScoreData(B.id, "k2", 7)))
    result = overview(bad)
    assert result.data is bad
    assert (result.rankings, result.sensitivities) == ((), ())
    assert result.problems == (
        "Bedömningen av alternativ B Koncern med holdingbolag på ”Kvalitet” har poängen 7, "
        "utanför utredningens skala 1–5.",
    )


def test_scores_within_the_tie_tolerance_share_a_rank() -> None:
    # A leads N by exactly 1e-9 (TIE_EPS): a tie for the ranking, so both are ranked 1.
    data = _data((N, A), (K1,), {(N.id, "k1"): 0.0, (A.id, "k1"): 1e-9})
    ranking = rank(data, ProfileData("p", "P", {"k1": 1.0}))
    assert [(r.option, r.rank) for r in ranking.ranking] == [(A, 1), (N, 1)]


def test_a_criterion_lead_of_exactly_the_tie_tolerance_is_a_lead() -> None:
    # All weight on k1, where N leads A by exactly 1e-9; A is far ahead on k2. Moving weight
    # from k1 to k2 hands the top to A almost at once: the lower bound is just below 100 %.
    data = _data(
        (N, A),
        (K1, K2),
        {(N.id, "k1"): 1e-9, (A.id, "k1"): 0.0, (N.id, "k2"): 0.0, (A.id, "k2"): 4.0},
    )
    result = sensitivity(data, ProfileData("p", "P", {"k1": 100.0, "k2": 0.0}))
    assert result.top == N
    k1 = result.criteria[0]
    assert 99.9999 < k1.lower < 100.0
    assert (k1.upper, k1.rival_below, k1.rival_above) == (100.0, A, None)


def test_criterion_with_all_the_weight_splits_the_rest_equally() -> None:
    # k1 has all the weight; k2 and k3 share what k1 gives up equally. At x = 0.6:
    # N = 0.6·4 + 0.2·1 + 0.2·1 = 2.8 = A = 0.6·2 + 0.2·5 + 0.2·3.
    data = _data(
        (N, A),
        (K1, K2, K3),
        {
            (N.id, "k1"): 4,
            (N.id, "k2"): 1,
            (N.id, "k3"): 1,
            (A.id, "k1"): 2,
            (A.id, "k2"): 5,
            (A.id, "k3"): 3,
        },
    )
    result = sensitivity(data, ProfileData("p", "P", {"k1": 100.0, "k2": 0.0, "k3": 0.0}))
    assert result.top == N
    k1 = result.criteria[0]
    assert (k1.current, k1.upper) == (100.0, 100.0)
    assert k1.lower == pytest.approx(60.0)
    assert (k1.rival_below, k1.rival_above) == (A, None)


def test_differences_below_the_tie_tolerance_at_either_end_are_ties() -> None:
    # N leads by exactly 1e-9 on k2 (a real lead) and trails by 5e-10 on k1 (noise, a tie):
    # N is on top at every weight, with no rival on either side.
    data = _data(
        (N, A),
        (K1, K2),
        {(N.id, "k1"): 0.0, (A.id, "k1"): 5e-10, (N.id, "k2"): 1e-9, (A.id, "k2"): 0.0},
    )
    result = sensitivity(data, HALF)
    assert result.top == N
    for stab in result.criteria:
        assert (stab.lower, stab.upper, stab.rival_below, stab.rival_above) == (
            0.0,
            100.0,
            None,
            None,
        )
