"""Monte Carlo over the estimates' ranges, and tornado data. Pure (numpy, no Qt, no SQL).

The model (documented in ``docs/costs.md``):

* Each cost estimate is **one** uncertain quantity: its present value over the horizon. Its
  minimum, most likely value and maximum are the present values of its low, base and high
  series (same discounting as :mod:`utredning_app.domain.costs`). An estimate that turns out
  high is thus high in every year (years move together), which is how estimators think
  about "the high case", and keeps the simulation small.
* Distribution: triangular (min, mode, max), or PERT — a Beta distribution on [min, max]
  with ``α = 1 + 4·(mode − min)/(max − min)`` and ``β = 1 + 4·(max − mode)/(max − min)``
  (mean ``(min + 4·mode + max)/6``). A range of zero width is a constant.
* Estimates are independent of each other. An option's total is the sum of its estimates'
  draws; the baseline is drawn in the same simulation, so "probability that an option costs
  more than the baseline" compares the two totals draw by draw.
* Seeded with numpy's PCG64: ``SeedSequence(seed)`` spawns one independent stream per option
  (options by sort order), and each option draws its estimates in a fixed order (by id). The
  same input and seed give the same figures on every machine, however many threads draw:
  the options are drawn in parallel threads (numpy releases the GIL while sampling), which
  roughly halves the time on two cores.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from utredning_app.domain.costs import (
    CostModelInput,
    EstimateData,
    OptionData,
    Range,
    baseline_of,
    cost_estimates,
    estimate_series,
    sorted_options,
    validate_model,
)
from utredning_app.errors import ValidationError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 20230630  # the delrapport's due date: any fixed number would do
PERT_LAMBDA = 4.0
SIMULATION_THREADS = 4  # more gains nothing on a laptop; the results do not depend on it


class Distribution(StrEnum):
    TRIANGULAR = "triangular"
    PERT = "pert"

    @property
    def label(self) -> str:
        return {"triangular": "Triangelfördelning", "pert": "PERT-fördelning"}[self.value]


@dataclass(frozen=True)
class OptionSimulation:
    option: OptionData
    mean: float
    p10: float
    p50: float
    p90: float
    prob_above_baseline: float | None  # None for the baseline itself
    difference_p10: float | None
    difference_p50: float | None
    difference_p90: float | None


@dataclass(frozen=True)
class SimulationResult:
    draws: int
    seed: int
    distribution: Distribution
    options: tuple[OptionSimulation, ...]

    def for_option(self, option_id: str) -> OptionSimulation:
        for o in self.options:
            if o.option.id == option_id:
                return o
        raise KeyError(option_id)


@dataclass(frozen=True)
class TornadoBar:
    """Total of the option with this estimate at low/high and every other one at base."""

    estimate: EstimateData
    total_at_low: float
    total_at_high: float

    @property
    def swing(self) -> float:
        return self.total_at_high - self.total_at_low


@dataclass(frozen=True)
class Tornado:
    option: OptionData
    base_total: float
    bars: tuple[TornadoBar, ...]  # largest swing first


def estimate_pv_range(estimate: EstimateData, model: CostModelInput) -> Range:
    series = estimate_series(estimate, model.horizon)
    return series.present_value(model.discount_rate, model.horizon.start_year)


def _draw(
    rng: np.random.Generator,
    lows: npt.NDArray[np.float64],
    modes: npt.NDArray[np.float64],
    highs: npt.NDArray[np.float64],
    draws: int,
    distribution: Distribution,
) -> npt.NDArray[np.float64]:
    """A ``draws × len(lows)`` matrix of samples (vectorised, degenerate ranges constant)."""
    import numpy as np

    width = highs - lows
    safe = np.where(width > 0, width, 1.0)
    shape = (draws, lows.size)
    if distribution is Distribution.TRIANGULAR:
        u = rng.random(shape)
        c = (modes - lows) / safe  # mode position in [0, 1]
        left = np.sqrt(u * c)
        right = 1.0 - np.sqrt((1.0 - u) * (1.0 - c))
        unit = np.where(u < c, left, right)
    else:
        alpha = 1.0 + PERT_LAMBDA * (modes - lows) / safe
        beta = 1.0 + PERT_LAMBDA * (highs - modes) / safe
        unit = rng.beta(alpha, beta, size=shape)
    samples: npt.NDArray[np.float64] = lows + unit * np.where(width > 0, width, 0.0)
    return samples


def simulate(
    model: CostModelInput,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    distribution: Distribution = Distribution.PERT,
) -> SimulationResult:
    """P10/P50/P90 of each option's present value and P(option > baseline)."""
    import numpy as np

    if draws < 100:
        raise ValidationError(f"Simuleringen behöver minst 100 dragningar (angivet: {draws}).")
    validate_model(model)
    baseline = baseline_of(model.options)
    options = sorted_options(model.options)
    streams = np.random.SeedSequence(seed).spawn(len(options))
    # The ranges in plain Python first (the threads then only run numpy, without the GIL).
    by_option: dict[str, list[EstimateData]] = {o.id: [] for o in options}
    for e in cost_estimates(model):
        by_option[e.option_id].append(e)
    ranges: list[list[Range]] = [
        [estimate_pv_range(e, model) for e in sorted(by_option[o.id], key=lambda e: e.id)]
        for o in options
    ]

    def option_totals(index: int) -> npt.NDArray[np.float64]:
        if not ranges[index]:
            return np.zeros(draws)
        lows = np.array([r.low for r in ranges[index]])
        modes = np.array([r.base for r in ranges[index]])
        highs = np.array([r.high for r in ranges[index]])
        rng = np.random.default_rng(streams[index])
        total: npt.NDArray[np.float64] = _draw(rng, lows, modes, highs, draws, distribution).sum(
            axis=1
        )
        return total

    workers = min(SIMULATION_THREADS, len(options), os.cpu_count() or 1)
    if workers > 1:
        with ThreadPoolExecutor(workers, thread_name_prefix="montecarlo") as pool:
            drawn = list(pool.map(option_totals, range(len(options))))
    else:
        drawn = [option_totals(i) for i in range(len(options))]
    totals = {option.id: t for option, t in zip(options, drawn, strict=True)}
    base_draws = totals[baseline.id]
    results: list[OptionSimulation] = []
    for option in options:
        t = totals[option.id]
        p10, p50, p90 = (float(x) for x in np.percentile(t, [10, 50, 90]))
        if option.id == baseline.id:
            results.append(OptionSimulation(option, float(t.mean()), p10, p50, p90, *[None] * 4))
            continue
        diff = t - base_draws
        d10, d50, d90 = (float(x) for x in np.percentile(diff, [10, 50, 90]))
        results.append(
            OptionSimulation(
                option,
                float(t.mean()),
                p10,
                p50,
                p90,
                prob_above_baseline=float(np.mean(diff > 0)),
                difference_p10=d10,
                difference_p50=d50,
                difference_p90=d90,
            )
        )
    return SimulationResult(draws, seed, distribution, tuple(results))


def tornado(model: CostModelInput, option_id: str, *, limit: int | None = None) -> Tornado:
    """Which estimates drive the spread of an option's present value.

    The total is linear in each estimate, so "estimate at low, others at base" is
    ``base_total − (base_e − low_e)`` exactly; bars are sorted by swing, largest first.
    """
    validate_model(model)
    option = model.option(option_id)
    estimates = cost_estimates(model, option_id)
    ranges = {e.id: estimate_pv_range(e, model) for e in estimates}
    base_total = sum(r.base for r in ranges.values())
    bars = [
        TornadoBar(
            estimate=e,
            total_at_low=base_total - (ranges[e.id].base - ranges[e.id].low),
            total_at_high=base_total + (ranges[e.id].high - ranges[e.id].base),
        )
        for e in estimates
    ]
    bars.sort(key=lambda b: (-b.swing, b.estimate.name, b.estimate.id))
    if limit is not None:
        bars = bars[:limit]
    return Tornado(option=option, base_total=base_total, bars=tuple(bars))
