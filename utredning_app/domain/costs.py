"""Cost model: totals per option and year, present value, difference against the baseline,
per actor with financing. Pure: plain dataclasses in, numbers out (no Qt, no SQL).

Conventions (the Excel export uses exactly the same ones, see ``docs/costs.md``):

* Money is in **mnkr** (miljoner kronor) in the investigation's price-base year. A cost
  estimate (engångs- or årlig kostnad) must have the unit ``mnkr``; a saving is a negative
  cost. Capacity and quality estimates are summed only with estimates of the same unit.
* The planning horizon is ``start_year … start_year + years − 1``. The year index is
  ``t = year − start_year`` (so the first year is not discounted) and the discount factor is
  ``1 / (1 + r) ** t``. Present value ``PV = Σ_t value_t / (1 + r) ** t``.
* Low/base/high totals are the sums of the estimates' low, base and high values (every
  estimate at its low end, and so on): a range, not a probability statement. The Monte
  Carlo simulation in :mod:`utredning_app.domain.uncertainty` gives the probabilities.
* The difference against the baseline (nollalternativet) is ``option − baseline`` per year
  and scenario: positive means the option costs more than today's model.
* Annual costs, capacity and quality estimates need a value for every year of the horizon;
  one-off costs may leave years out (they count as 0). Values outside the horizon are not
  counted (and are listed by :func:`horizon_warnings`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from utredning_app.domain.enums import Actor, EstimateKind
from utredning_app.domain.validation import in_order
from utredning_app.errors import ValidationError

MONEY_UNIT = "mnkr"
COST_KINDS = frozenset({EstimateKind.COST_ONE_OFF, EstimateKind.COST_ANNUAL})
# Kinds that must cover every year of the horizon.
FULL_HORIZON_KINDS = frozenset(
    {EstimateKind.COST_ANNUAL, EstimateKind.CAPACITY, EstimateKind.QUALITY}
)


class Scenario(StrEnum):
    LOW = "low"
    BASE = "base"
    HIGH = "high"

    @property
    def label(self) -> str:
        return {"low": "Låg", "base": "Bas", "high": "Hög"}[self.value]


SCENARIOS: tuple[Scenario, ...] = (Scenario.LOW, Scenario.BASE, Scenario.HIGH)


def normalise_unit(unit: str) -> str:
    return " ".join(unit.strip().casefold().split())


# ---------------------------------------------------------------- input value objects


@dataclass(frozen=True)
class Horizon:
    start_year: int
    years: int

    def __post_init__(self) -> None:
        if self.years < 1:
            raise ValidationError(
                f"Planeringshorisonten måste omfatta minst ett år (angivet: {self.years})."
            )

    @property
    def year_list(self) -> tuple[int, ...]:
        return tuple(range(self.start_year, self.start_year + self.years))

    @property
    def end_year(self) -> int:
        return self.start_year + self.years - 1

    def index(self, year: int) -> int:
        """The year index t used for discounting: ``year − start_year``."""
        return year - self.start_year

    def contains(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


@dataclass(frozen=True)
class YearValue:
    year: int
    low: float
    base: float
    high: float

    def get(self, scenario: Scenario) -> float:
        return {Scenario.LOW: self.low, Scenario.BASE: self.base, Scenario.HIGH: self.high}[
            scenario
        ]


@dataclass(frozen=True)
class OptionData:
    id: str
    code: str
    name: str
    is_baseline: bool = False
    sort_order: int = 0

    @property
    def title(self) -> str:
        return f"{self.code} {self.name}".strip()


@dataclass(frozen=True)
class EstimateData:
    id: str
    option_id: str
    name: str
    kind: EstimateKind
    unit: str
    values: tuple[YearValue, ...]
    actor: Actor = Actor.REGION
    financing: str = ""
    provider_unit_id: str | None = None
    provider_unit: str = ""  # the provider unit's name, for tables and the workbook
    price_base_year: int | None = None
    assumption: str = ""
    source: str = ""

    @property
    def is_cost(self) -> bool:
        return self.kind in COST_KINDS

    def value_for(self, year: int) -> YearValue | None:
        for v in self.values:
            if v.year == year:
                return v
        return None


@dataclass(frozen=True)
class CostModelInput:
    horizon: Horizon
    discount_rate: float
    options: tuple[OptionData, ...]
    estimates: tuple[EstimateData, ...]
    price_base_year: int | None = None

    def option(self, option_id: str) -> OptionData:
        for option in self.options:
            if option.id == option_id:
                return option
        raise ValidationError(f"Alternativet med id {option_id} finns inte i kostnadsmodellen.")

    def estimates_for(self, option_id: str) -> tuple[EstimateData, ...]:
        return self._by_option.get(option_id, ())

    @cached_property
    def _valid(self) -> set[bool]:
        """The ``require_complete`` settings this model passed ``validate_model`` with."""
        return set()

    @cached_property
    def _by_option(self) -> dict[str, tuple[EstimateData, ...]]:
        """Estimates per option, in input order (built once: 50 options × 2,000 estimates
        scanned per question cost a tenth of a second per summary)."""
        groups: dict[str, list[EstimateData]] = {}
        for e in self.estimates:
            groups.setdefault(e.option_id, []).append(e)
        return {k: tuple(v) for k, v in groups.items()}


# ---------------------------------------------------------------- result value objects


@dataclass(frozen=True)
class Range:
    low: float
    base: float
    high: float

    def get(self, scenario: Scenario) -> float:
        return {Scenario.LOW: self.low, Scenario.BASE: self.base, Scenario.HIGH: self.high}[
            scenario
        ]


def difference_range(value: Range, difference: Range) -> Range:
    """The ordered scenario range of a difference against the baseline.

    The cost model subtracts scenario by scenario (low − low, high − high), which can put the
    base difference outside its own "interval" or run it backwards. The range printed is the
    span over the scenario combinations instead: from the option's low cost against the
    baseline's high one to the option's high cost against the baseline's low one; it always
    holds the base difference. ``value`` is the option's own range, ``difference`` the model's.
    """
    baseline_low = value.low - difference.low
    baseline_high = value.high - difference.high
    low = min(value.low - baseline_high, value.low - baseline_low, difference.base)
    high = max(value.high - baseline_low, value.high - baseline_high, difference.base)
    return Range(low, difference.base, high)


@dataclass(frozen=True)
class YearlyRange:
    """Low/base/high series over the horizon years (same length as ``years``)."""

    years: tuple[int, ...]
    low: tuple[float, ...]
    base: tuple[float, ...]
    high: tuple[float, ...]

    @classmethod
    def zeros(cls, years: Sequence[int]) -> YearlyRange:
        z = tuple(0.0 for _ in years)
        return cls(tuple(years), z, z, z)

    def series(self, scenario: Scenario) -> tuple[float, ...]:
        return {Scenario.LOW: self.low, Scenario.BASE: self.base, Scenario.HIGH: self.high}[
            scenario
        ]

    def plus(self, other: YearlyRange) -> YearlyRange:
        self._same_years(other)
        return YearlyRange(
            self.years,
            tuple(a + b for a, b in zip(self.low, other.low, strict=True)),
            tuple(a + b for a, b in zip(self.base, other.base, strict=True)),
            tuple(a + b for a, b in zip(self.high, other.high, strict=True)),
        )

    def minus(self, other: YearlyRange) -> YearlyRange:
        """Scenario by scenario: low − low, base − base, high − high."""
        self._same_years(other)
        return YearlyRange(
            self.years,
            tuple(a - b for a, b in zip(self.low, other.low, strict=True)),
            tuple(a - b for a, b in zip(self.base, other.base, strict=True)),
            tuple(a - b for a, b in zip(self.high, other.high, strict=True)),
        )

    def total(self) -> Range:
        """Undiscounted sum over the horizon."""
        return Range(sum(self.low), sum(self.base), sum(self.high))

    def present_value(self, rate: float, start_year: int) -> Range:
        return Range(
            present_value(self.years, self.low, rate, start_year),
            present_value(self.years, self.base, rate, start_year),
            present_value(self.years, self.high, rate, start_year),
        )

    def _same_years(self, other: YearlyRange) -> None:
        if self.years != other.years:
            raise ValueError("series over different years")


@dataclass(frozen=True)
class ActorCosts:
    actor: Actor
    yearly: YearlyRange
    present_value: Range
    difference_pv: Range | None  # against the baseline's costs for the same actor
    financing: tuple[str, ...]


@dataclass(frozen=True)
class OptionCosts:
    option: OptionData
    yearly: YearlyRange
    total: Range
    present_value: Range
    difference_yearly: YearlyRange | None  # None for the baseline itself
    difference_total: Range | None
    difference_pv: Range | None
    per_actor: tuple[ActorCosts, ...]


@dataclass(frozen=True)
class CostSummary:
    horizon: Horizon
    discount_rate: float
    baseline: OptionData
    options: tuple[OptionCosts, ...]
    warnings: tuple[str, ...] = field(default=())

    def for_option(self, option_id: str) -> OptionCosts:
        for oc in self.options:
            if oc.option.id == option_id:
                return oc
        raise KeyError(option_id)


# ---------------------------------------------------------------- calculations


def discount_factor(year: int, rate: float, start_year: int) -> float:
    """``1 / (1 + r) ** t`` with ``t = year − start_year``."""
    if not 0 <= rate < 1:
        raise ValidationError(
            f"Diskonteringsräntan måste vara minst 0 % och under 100 % (angiven: {rate:.4g})."
        )
    return 1.0 / (1.0 + rate) ** (year - start_year)


def present_value(
    years: Sequence[int], values: Sequence[float], rate: float, start_year: int
) -> float:
    """``Σ value_t / (1 + r) ** t`` with ``t = year − start_year``."""
    if len(years) != len(values):
        raise ValueError("years and values differ in length")
    return sum(v * discount_factor(y, rate, start_year) for y, v in zip(years, values, strict=True))


def _describe(estimate: EstimateData, model: CostModelInput | None = None) -> str:
    where = ""
    if model is not None:
        try:
            where = f" (alternativ {model.option(estimate.option_id).title})"
        except ValidationError:
            where = ""
    return f"Skattningen ”{estimate.name}”{where}"


def validate_estimate(
    estimate: EstimateData,
    horizon: Horizon,
    model: CostModelInput | None = None,
    *,
    require_complete: bool = True,
) -> None:
    """Raise a Swedish ValidationError naming the estimate if it cannot be used.
    ``require_complete=False`` accepts missing years (an export for someone to fill in)."""
    name = _describe(estimate, model)
    if not estimate.unit.strip():
        raise ValidationError(f"{name} saknar enhet.")
    if estimate.is_cost and normalise_unit(estimate.unit) != MONEY_UNIT:
        raise ValidationError(
            f"{name} är en kostnad men har enheten ”{estimate.unit}”; kostnader anges i "
            f"{MONEY_UNIT} och kan inte summeras med andra enheter."
        )
    seen: set[int] = set()
    for v in estimate.values:
        if v.year in seen:
            raise ValidationError(f"{name} har flera värden för år {v.year}.")
        seen.add(v.year)
        for label, number in (("låg", v.low), ("bas", v.base), ("hög", v.high)):
            if number != number or number in (float("inf"), float("-inf")):
                raise ValidationError(f"{name}, år {v.year}: {label} är inte ett tal.")
        if not in_order(v.low, v.base, v.high):
            raise ValidationError(
                f"{name}, år {v.year}: låg ≤ bas ≤ hög gäller inte "
                f"(låg {v.low:g}, bas {v.base:g}, hög {v.high:g})."
            )
    if require_complete and estimate.kind in FULL_HORIZON_KINDS:
        missing = [y for y in horizon.year_list if y not in seen]
        if missing:
            years = ", ".join(str(y) for y in missing)
            raise ValidationError(
                f"{name} ({estimate.kind.label.lower()}) saknar värden för år {years} "
                f"i planeringshorisonten {horizon.start_year}–{horizon.end_year}."
            )


def validate_model(model: CostModelInput, *, require_complete: bool = True) -> None:
    if require_complete in model._valid:
        return  # the model is immutable: once valid, always valid (a report asks six times)
    if not 0 <= model.discount_rate < 1:
        raise ValidationError(
            "Diskonteringsräntan måste vara minst 0 % och under 100 % "
            f"(angiven: {model.discount_rate:.4g})."
        )
    ids = {o.id for o in model.options}
    for estimate in model.estimates:
        if estimate.option_id not in ids:
            raise ValidationError(
                f"Skattningen ”{estimate.name}” hör till ett alternativ som inte finns."
            )
        validate_estimate(estimate, model.horizon, model, require_complete=require_complete)
    baseline_of(model.options)
    model._valid.add(require_complete)


def baseline_of(options: Iterable[OptionData]) -> OptionData:
    baselines = [o for o in options if o.is_baseline]
    if not baselines:
        raise ValidationError(
            "Inget alternativ är markerat som nollalternativ; markera dagens styrmodell "
            "som nollalternativ för att kunna jämföra kostnaderna."
        )
    if len(baselines) > 1:
        names = ", ".join(o.title for o in baselines)
        raise ValidationError(f"Flera alternativ är markerade som nollalternativ: {names}.")
    return baselines[0]


def estimate_series(estimate: EstimateData, horizon: Horizon) -> YearlyRange:
    """The estimate's values over the horizon (years without a value count as 0)."""
    years = horizon.year_list
    by_year = {v.year: v for v in estimate.values}
    lows, bases, highs = [], [], []
    for y in years:
        v = by_year.get(y)
        lows.append(v.low if v else 0.0)
        bases.append(v.base if v else 0.0)
        highs.append(v.high if v else 0.0)
    return YearlyRange(years, tuple(lows), tuple(bases), tuple(highs))


def sum_estimates(
    estimates: Sequence[EstimateData],
    horizon: Horizon,
    *,
    unit: str | None = None,
    model: CostModelInput | None = None,
) -> YearlyRange:
    """Sum estimates of one unit; raise naming the first estimate whose unit differs."""
    total = YearlyRange.zeros(horizon.year_list)
    if not estimates:
        return total
    wanted = normalise_unit(unit if unit is not None else estimates[0].unit)
    for estimate in estimates:
        if normalise_unit(estimate.unit) != wanted:
            raise ValidationError(
                f"{_describe(estimate, model)} har enheten ”{estimate.unit}” och kan inte "
                f"summeras med skattningar i enheten ”{wanted}”."
            )
        if not _known_valid(model, horizon):
            validate_estimate(estimate, horizon, model)
        total = total.plus(estimate_series(estimate, horizon))
    return total


def _known_valid(model: CostModelInput | None, horizon: Horizon) -> bool:
    """The model passed ``validate_model`` over this horizon (its estimates need no check)."""
    return model is not None and horizon == model.horizon and True in model._valid


def cost_estimates(model: CostModelInput, option_id: str | None = None) -> list[EstimateData]:
    pool = model.estimates if option_id is None else model.estimates_for(option_id)
    return [e for e in pool if e.is_cost]


def option_cost_series(model: CostModelInput, option_id: str) -> YearlyRange:
    return sum_estimates(
        cost_estimates(model, option_id), model.horizon, unit=MONEY_UNIT, model=model
    )


def actors_in(model: CostModelInput) -> tuple[Actor, ...]:
    """The actors that bear any cost in the model, in the enum's order."""
    present = {e.actor for e in model.estimates if e.is_cost}
    return tuple(a for a in Actor if a in present)


def sorted_options(options: Iterable[OptionData]) -> tuple[OptionData, ...]:
    """Baseline first, then by sort order and code."""
    return tuple(sorted(options, key=lambda o: (not o.is_baseline, o.sort_order, o.code, o.id)))


def cost_summary(model: CostModelInput) -> CostSummary:
    """Totals, present values and differences against the baseline for every option."""
    validate_model(model)
    horizon, rate = model.horizon, model.discount_rate
    baseline = baseline_of(model.options)
    actors = actors_in(model)
    series = {o.id: option_cost_series(model, o.id) for o in model.options}
    costs = {o.id: cost_estimates(model, o.id) for o in model.options}
    actor_series: dict[tuple[str, Actor], YearlyRange] = {}
    for o in model.options:
        for actor in actors:
            subset = [e for e in costs[o.id] if e.actor == actor]
            actor_series[(o.id, actor)] = sum_estimates(
                subset, horizon, unit=MONEY_UNIT, model=model
            )
    base_series = series[baseline.id]
    result: list[OptionCosts] = []
    for o in sorted_options(model.options):
        yearly = series[o.id]
        per_actor: list[ActorCosts] = []
        for actor in actors:
            a_series = actor_series[(o.id, actor)]
            financing = tuple(
                sorted(
                    {
                        e.financing.strip()
                        for e in costs[o.id]
                        if e.actor == actor and e.financing.strip()
                    }
                )
            )
            diff_pv = (
                None
                if o.is_baseline
                else a_series.minus(actor_series[(baseline.id, actor)]).present_value(
                    rate, horizon.start_year
                )
            )
            base_actor = actor_series[(baseline.id, actor)]
            if not any(
                a_series.low + a_series.base + a_series.high + base_actor.low + base_actor.high
            ):
                continue  # neither this option nor the baseline has costs for the actor
            per_actor.append(
                ActorCosts(
                    actor=actor,
                    yearly=a_series,
                    present_value=a_series.present_value(rate, horizon.start_year),
                    difference_pv=diff_pv,
                    financing=financing,
                )
            )
        diff = None if o.is_baseline else yearly.minus(base_series)
        result.append(
            OptionCosts(
                option=o,
                yearly=yearly,
                total=yearly.total(),
                present_value=yearly.present_value(rate, horizon.start_year),
                difference_yearly=diff,
                difference_total=diff.total() if diff else None,
                difference_pv=diff.present_value(rate, horizon.start_year) if diff else None,
                per_actor=tuple(per_actor),
            )
        )
    return CostSummary(
        horizon=horizon,
        discount_rate=rate,
        baseline=baseline,
        options=tuple(result),
        warnings=tuple(horizon_warnings(model)),
    )


def unit_totals(model: CostModelInput, option_id: str) -> dict[str, YearlyRange]:
    """Capacity and quality estimates of an option summed per unit (never across units)."""
    by_unit: dict[str, list[EstimateData]] = {}
    for e in model.estimates_for(option_id):
        if not e.is_cost:
            by_unit.setdefault(normalise_unit(e.unit), []).append(e)
    return {
        unit: sum_estimates(items, model.horizon, unit=unit, model=model)
        for unit, items in sorted(by_unit.items())
    }


def horizon_warnings(model: CostModelInput) -> list[str]:
    """Things that are allowed but worth telling the user."""
    warnings: list[str] = []
    for e in model.estimates:
        outside = sorted(v.year for v in e.values if not model.horizon.contains(v.year))
        if outside:
            years = ", ".join(str(y) for y in outside)
            warnings.append(
                f"{_describe(e, model)} har värden för år {years} utanför planeringshorisonten "
                f"{model.horizon.start_year}–{model.horizon.end_year}; de räknas inte med."
            )
        if (
            model.price_base_year is not None
            and e.price_base_year is not None
            and e.price_base_year != model.price_base_year
        ):
            warnings.append(
                f"{_describe(e, model)} har prisbasår {e.price_base_year} men utredningen "
                f"räknar i {model.price_base_year} års priser."
            )
    return warnings
