"""Cost totals per option and year (low/base/high) and the difference against the baseline.

A deliberately small calculation for the reports: sums of the cost estimates in mnkr. When
``utredning_app.domain.costs`` (present values, the full cost model) is available the reports
should take their figures from there instead; this module is the one place to switch.
"""

from __future__ import annotations

from dataclasses import dataclass

from utredning_app.domain.enums import Actor, EstimateKind
from utredning_app.services.report_data import ReportData

COST_KINDS = (EstimateKind.COST_ONE_OFF, EstimateKind.COST_ANNUAL)

# Factor to mnkr for the units cost estimates are given in.
_TO_MNKR = {"mnkr": 1.0, "mkr": 1.0, "tkr": 0.001, "kr": 1e-6, "mdkr": 1000.0, "mdr kr": 1000.0}


def to_mnkr_factor(unit: str) -> float | None:
    return _TO_MNKR.get(unit.strip().casefold().replace(".", ""))


@dataclass(frozen=True)
class OptionCosts:
    option_id: str
    name: str
    is_baseline: bool
    years: tuple[int, ...]
    low: tuple[float, ...]
    base: tuple[float, ...]
    high: tuple[float, ...]

    @property
    def total_low(self) -> float:
        return sum(self.low)

    @property
    def total_base(self) -> float:
        return sum(self.base)

    @property
    def total_high(self) -> float:
        return sum(self.high)


def cost_years(data: ReportData) -> tuple[int, ...]:
    start = data.investigation.horizon_start_year
    return tuple(range(start, start + data.investigation.horizon_years))


def option_costs(data: ReportData) -> list[OptionCosts]:
    """Per option and year: the summed low, base and high cost (mnkr) of its estimates."""
    years = cost_years(data)
    index = {y: i for i, y in enumerate(years)}
    result: list[OptionCosts] = []
    for option in data.options:
        low = [0.0] * len(years)
        base = [0.0] * len(years)
        high = [0.0] * len(years)
        for est in data.estimates:
            if est.option_id != option.id or est.kind not in COST_KINDS:
                continue
            factor = to_mnkr_factor(est.unit)
            if factor is None:
                continue
            for value in est.values:
                i = index.get(value.year)
                if i is None:
                    continue
                low[i] += value.low * factor
                base[i] += value.base * factor
                high[i] += value.high * factor
        result.append(
            OptionCosts(
                option.id,
                option.name,
                option.is_baseline,
                years,
                tuple(low),
                tuple(base),
                tuple(high),
            )
        )
    return result


def costs_by_actor(data: ReportData) -> list[tuple[str, Actor, float, float, float, str]]:
    """(option name, actor, low, base, high, financing) summed over the horizon, in mnkr."""
    years = set(cost_years(data))
    sums: dict[tuple[str, Actor], list[float]] = {}
    financing: dict[tuple[str, Actor], set[str]] = {}
    names = {o.id: o.name for o in data.options}
    order = {o.id: i for i, o in enumerate(data.options)}
    for est in data.estimates:
        factor = to_mnkr_factor(est.unit)
        if est.kind not in COST_KINDS or factor is None:
            continue
        key = (est.option_id, est.actor)
        acc = sums.setdefault(key, [0.0, 0.0, 0.0])
        for v in est.values:
            if v.year in years:
                acc[0] += v.low * factor
                acc[1] += v.base * factor
                acc[2] += v.high * factor
        if est.financing.strip():
            financing.setdefault(key, set()).add(est.financing.strip())
    rows = []
    for (option_id, actor), (lo, ba, hi) in sorted(
        sums.items(), key=lambda kv: (order.get(kv[0][0], 99), list(Actor).index(kv[0][1]))
    ):
        rows.append(
            (
                names.get(option_id, ""),
                actor,
                lo,
                ba,
                hi,
                "; ".join(sorted(financing.get((option_id, actor), set()))),
            )
        )
    return rows
