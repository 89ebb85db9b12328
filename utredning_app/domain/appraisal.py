"""Options appraisal: criteria weights, scores, weighted ranking, party weight profiles and
the weight ranges within which the top option stays on top. Pure (no Qt, no SQL).

Conventions (see ``docs/costs.md``):

* Scores lie on the investigation's scale ``score_min … score_max`` (e.g. 1–5).
* A **weight profile** (e.g. one party's weighting) gives each criterion a weight ≥ 0. Weights
  are **relative** and normalised: an option's weighted score uses each weight's share of
  the profile's total, and shares are shown as percent. So ``{juridik: 1, kostnad: 2}`` and
  ``{juridik: 33,3 %, kostnad: 66,7 %}`` mean the same. A criterion without a weight in a
  profile weighs 0. A profile whose weights sum to 0 (or are negative) is refused. Where
  weights are *entered* as percent, :func:`validate_profile` with ``scale=100`` also checks
  that they sum to 100 % (± ``WEIGHT_SUM_TOLERANCE`` percentage points, for rounding such
  as 3 × 33,3). The group's own weights (``Criterion.weight``) follow the same rule.
* An option's weighted score is ``Σ w_c · s_c / Σ w_c`` — on the same scale as the scores.
  Criteria weighing 0 need no score; any other missing score is an error.
* Rank 1 is best; equal weighted scores share a rank (1, 1, 3).
* **Stability range** of a criterion: the criterion's weight share ``x`` is varied from 0 to
  100 % while the other criteria keep their weights *relative to each other* (scaled by
  ``1 − x``). Every weighted score is then linear in ``x``, so the range of ``x`` within which
  the current top option still scores at least as high as every other option is an interval
  whose ends are computed exactly (break-even weights), not by scanning. If every other
  criterion weighs 0, their share is split equally between them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from utredning_app.domain.costs import OptionData, sorted_options
from utredning_app.domain.enums import CriterionKind
from utredning_app.errors import ValidationError

PROFILE_SCALE = 100.0  # shares are reported in percent
WEIGHT_SUM_TOLERANCE = 0.1  # percentage points
TIE_EPS = 1e-9


@dataclass(frozen=True)
class CriterionData:
    id: str
    name: str
    kind: CriterionKind = CriterionKind.OTHER
    weight: float = 1.0  # the group's relative weight
    sort_order: int = 0


@dataclass(frozen=True)
class ScoreData:
    option_id: str
    criterion_id: str
    score: float | None
    rationale: str = ""
    source: str = ""


@dataclass(frozen=True)
class ProfileData:
    id: str
    name: str
    weights: Mapping[str, float]  # criterion id → percent
    party: str | None = None  # party abbreviation, for labels
    colour: str | None = None


@dataclass(frozen=True)
class AppraisalInput:
    options: tuple[OptionData, ...]
    criteria: tuple[CriterionData, ...]
    scores: tuple[ScoreData, ...]
    profiles: tuple[ProfileData, ...] = ()
    score_min: float = 1.0
    score_max: float = 5.0

    def score(self, option_id: str, criterion_id: str) -> float | None:
        for s in self.scores:
            if s.option_id == option_id and s.criterion_id == criterion_id:
                return s.score
        return None

    def criterion(self, criterion_id: str) -> CriterionData:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)


@dataclass(frozen=True)
class RankedOption:
    option: OptionData
    score: float
    rank: int


@dataclass(frozen=True)
class ProfileRanking:
    profile: ProfileData
    ranking: tuple[RankedOption, ...]  # best first

    @property
    def top(self) -> RankedOption:
        return self.ranking[0]

    def rank_of(self, option_id: str) -> int:
        for r in self.ranking:
            if r.option.id == option_id:
                return r.rank
        raise KeyError(option_id)


@dataclass(frozen=True)
class CriterionStability:
    """Weight range (percent) of one criterion within which the top option stays on top."""

    criterion: CriterionData
    current: float
    lower: float
    upper: float
    rival_below: OptionData | None  # takes over (ties) at ``lower`` when lower > 0
    rival_above: OptionData | None  # takes over (ties) at ``upper`` when upper < 100


@dataclass(frozen=True)
class Sensitivity:
    profile: ProfileData
    top: OptionData
    criteria: tuple[CriterionStability, ...]
    skipped: tuple[str, ...] = field(default=())  # criteria without complete scores


# ---------------------------------------------------------------- validation


def validate_scores(data: AppraisalInput) -> None:
    if not data.score_min < data.score_max:
        raise ValidationError(
            f"Poängskalan är ogiltig: lägsta poäng ({data.score_min:g}) måste vara lägre än "
            f"högsta ({data.score_max:g})."
        )
    options = {o.id: o for o in data.options}
    criteria = {c.id: c for c in data.criteria}
    for s in data.scores:
        if s.score is None or s.option_id not in options or s.criterion_id not in criteria:
            continue
        if not data.score_min <= s.score <= data.score_max:
            raise ValidationError(
                f"Bedömningen av alternativ {options[s.option_id].title} på "
                f"”{criteria[s.criterion_id].name}” har poängen {s.score:g}, utanför "
                f"utredningens skala {data.score_min:g}–{data.score_max:g}."
            )


def validate_profile(
    profile: ProfileData, criteria: Sequence[CriterionData], *, scale: float | None = None
) -> None:
    """Weights ≥ 0, for known criteria, summing to more than 0 — and, when ``scale`` is given
    (e.g. 100 for weights entered in percent), summing to ``scale`` ± the tolerance."""
    known = {c.id: c for c in criteria}
    for cid, weight in profile.weights.items():
        if cid not in known:
            raise ValidationError(
                f"Viktprofilen ”{profile.name}” har en vikt för en bedömningsgrund som inte finns."
            )
        if weight != weight or weight < 0:
            raise ValidationError(
                f"Viktprofilen ”{profile.name}”: vikten för ”{known[cid].name}” är negativ "
                f"({weight:g}); vikter måste vara 0 eller större."
            )
    total = sum(profile.weights.values())
    if total <= 0:
        raise ValidationError(
            f"Viktprofilen ”{profile.name}” har bara vikter 0; minst en bedömningsgrund "
            "måste väga mer än 0."
        )
    if scale is not None and abs(total - scale) > WEIGHT_SUM_TOLERANCE * scale / PROFILE_SCALE:
        raise ValidationError(
            f"Viktprofilen ”{profile.name}” summerar till {total:g} %; vikterna måste "
            f"summera till {scale:g} % (±{WEIGHT_SUM_TOLERANCE:g} procentenheter)."
        )


def group_profile(data: AppraisalInput) -> ProfileData:
    """The group's common weighting (Criterion.weight), normalised to percent."""
    for c in data.criteria:
        if c.weight != c.weight or c.weight < 0:
            raise ValidationError(
                f"Bedömningsgrunden ”{c.name}” har en negativ vikt ({c.weight:g})."
            )
    total = sum(c.weight for c in data.criteria)
    if total <= 0:
        raise ValidationError("Alla bedömningsgrunder har vikten 0; minst en måste väga mer än 0.")
    return ProfileData(
        id="",
        name="Gemensam viktning",
        weights={c.id: PROFILE_SCALE * c.weight / total for c in data.criteria},
    )


# ---------------------------------------------------------------- scores and ranking


def _shares(profile: ProfileData, criteria: Sequence[CriterionData]) -> dict[str, float]:
    total = sum(profile.weights.get(c.id, 0.0) for c in criteria)
    if total <= 0:
        raise ValidationError(f"Viktprofilen ”{profile.name}” har inga vikter större än 0.")
    return {c.id: profile.weights.get(c.id, 0.0) / total for c in criteria}


def _score_matrix(
    data: AppraisalInput, needed: Sequence[CriterionData], profile_name: str
) -> dict[tuple[str, str], float]:
    lookup = {(s.option_id, s.criterion_id): s.score for s in data.scores}
    matrix: dict[tuple[str, str], float] = {}
    for o in data.options:
        for c in needed:
            value = lookup.get((o.id, c.id))
            if value is None:
                raise ValidationError(
                    f"Alternativ {o.title} saknar poäng på bedömningsgrunden ”{c.name}”, "
                    f"som väger mer än 0 i viktprofilen ”{profile_name}”."
                )
            matrix[(o.id, c.id)] = value
    return matrix


def weighted_scores(data: AppraisalInput, profile: ProfileData) -> dict[str, float]:
    """Option id → ``Σ w_c s_c / Σ w_c`` on the investigation's scale."""
    validate_scores(data)
    shares = _shares(profile, data.criteria)
    needed = [c for c in data.criteria if shares[c.id] > 0]
    matrix = _score_matrix(data, needed, profile.name)
    return {o.id: sum(shares[c.id] * matrix[(o.id, c.id)] for c in needed) for o in data.options}


def _order(options: Sequence[OptionData], scores: Mapping[str, float]) -> list[OptionData]:
    position = {o.id: i for i, o in enumerate(sorted_options(options))}
    return sorted(options, key=lambda o: (-scores[o.id], position[o.id]))


def rank(data: AppraisalInput, profile: ProfileData) -> ProfileRanking:
    if not data.options:
        raise ValidationError("Det finns inga alternativ att rangordna.")
    scores = weighted_scores(data, profile)
    ranked = [
        RankedOption(
            option=o,
            score=scores[o.id],
            rank=1 + sum(1 for other in scores.values() if other > scores[o.id] + TIE_EPS),
        )
        for o in _order(data.options, scores)
    ]
    return ProfileRanking(profile, tuple(ranked))


def compare_profiles(data: AppraisalInput) -> tuple[ProfileRanking, ...]:
    """The group's ranking first, then each (validated) profile's ranking."""
    rankings = [rank(data, group_profile(data))]
    for profile in data.profiles:
        validate_profile(profile, data.criteria)
        rankings.append(rank(data, profile))
    return tuple(rankings)


# ---------------------------------------------------------------- sensitivity


def weights_with_share(
    profile: ProfileData, criteria: Sequence[CriterionData], criterion_id: str, share: float
) -> dict[str, float]:
    """Percent weights with ``criterion_id`` at ``share`` (0–1) and the others rescaled."""
    shares = _shares(profile, criteria)
    others = [c.id for c in criteria if c.id != criterion_id]
    other_total = sum(shares[cid] for cid in others)
    result = {criterion_id: PROFILE_SCALE * share}
    for cid in others:
        part = shares[cid] / other_total if other_total > 0 else 1.0 / len(others)
        result[cid] = PROFILE_SCALE * (1.0 - share) * part
    return result


def sensitivity(
    data: AppraisalInput, profile: ProfileData, ranking: ProfileRanking | None = None
) -> Sensitivity:
    """Per criterion, the exact weight range (percent) within which the top option stays on
    top (scores at least as high as every other option's). ``ranking``: the profile's
    ``rank(data, profile)`` when the caller already has it."""
    ranking = ranking or rank(data, profile)
    top = ranking.top.option
    shares = _shares(profile, data.criteria)
    lookup = {(s.option_id, s.criterion_id): s.score for s in data.scores}
    results: list[CriterionStability] = []
    skipped: list[str] = []
    for c in data.criteria:
        others = [k for k in data.criteria if k.id != c.id]
        if not others:
            results.append(CriterionStability(c, 100.0, 100.0, 100.0, None, None))
            continue
        other_total = sum(shares[k.id] for k in others)
        parts = {
            k.id: (shares[k.id] / other_total if other_total > 0 else 1.0 / len(others))
            for k in others
        }
        involved = [c, *[k for k in others if parts[k.id] > 0]]
        if any(lookup.get((o.id, k.id)) is None for o in data.options for k in involved):
            skipped.append(c.name)
            continue

        def rest(option_id: str, parts: Mapping[str, float] = parts) -> float:
            return sum(p * float(lookup[(option_id, k)] or 0.0) for k, p in parts.items() if p > 0)

        x0 = shares[c.id]
        lower, upper = 0.0, 1.0
        rival_below: OptionData | None = None
        rival_above: OptionData | None = None
        r_top, s_top = rest(top.id), float(lookup[(top.id, c.id)] or 0.0)
        for o in data.options:
            if o.id == top.id:
                continue
            a = r_top - rest(o.id)  # lead at x = 0
            b = s_top - float(lookup[(o.id, c.id)] or 0.0)  # lead at x = 1
            a = 0.0 if abs(a) < TIE_EPS else a  # rounding noise is a tie, not a lead
            b = 0.0 if abs(b) < TIE_EPS else b
            if a >= 0 and b >= 0:
                continue
            if a < 0 and b < 0:  # can only happen through rounding at a tie
                lower, upper = x0, x0
                rival_below = rival_above = o
                continue
            crossing = a / (a - b)  # lead a + x (b − a) is 0 here
            if b < 0 and crossing < upper:  # lead shrinks as the weight grows
                upper, rival_above = crossing, o
            elif a < 0 and crossing > lower:  # lead grows with the weight
                lower, rival_below = crossing, o
        lower, upper = min(lower, x0), max(upper, x0)
        results.append(
            CriterionStability(
                criterion=c,
                current=PROFILE_SCALE * x0,
                lower=PROFILE_SCALE * lower,
                upper=PROFILE_SCALE * upper,
                rival_below=rival_below if lower > 0 else None,
                rival_above=rival_above if upper < 1 else None,
            )
        )
    return Sensitivity(profile=profile, top=top, criteria=tuple(results), skipped=tuple(skipped))


# ---------------------------------------------------------------- overview
#
# A profile that cannot be used (weights not summing to 100 %, missing scores …) does not hide
# the others: its Swedish message is kept in ``AppraisalOverview.problems``.


@dataclass(frozen=True)
class AppraisalOverview:
    data: AppraisalInput
    rankings: tuple[ProfileRanking, ...]  # the group's first, then the usable profiles
    sensitivities: tuple[Sensitivity, ...]  # same order as rankings
    problems: tuple[str, ...]


def overview(data: AppraisalInput) -> AppraisalOverview:
    """Rank with the group's weights and every party profile, with stability ranges."""
    problems: list[str] = []
    rankings: list[ProfileRanking] = []
    sens: list[Sensitivity] = []
    try:
        validate_scores(data)
    except ValidationError as exc:
        return AppraisalOverview(data, (), (), (exc.message,))
    candidates: list[ProfileData] = []
    try:
        candidates.append(group_profile(data))
    except ValidationError as exc:
        problems.append(exc.message)
    for profile in data.profiles:
        try:
            validate_profile(profile, data.criteria)
        except ValidationError as exc:
            problems.append(exc.message)
            continue
        candidates.append(profile)
    for profile in candidates:
        try:
            ranking = rank(data, profile)
            stability = sensitivity(data, profile, ranking)
        except ValidationError as exc:
            problems.append(exc.message)
            continue
        rankings.append(ranking)
        sens.append(stability)
    return AppraisalOverview(data, tuple(rankings), tuple(sens), tuple(problems))
