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
* Seeded with numpy's PCG64: the draws come in blocks of 1,000, and ``SeedSequence(seed)``
  spawns one independent stream per block; within a block the estimates are drawn in a fixed
  order (options by sort order, estimates by id). The same input and seed give the same
  figures on every machine, however many threads draw the blocks (numpy releases the GIL
  while sampling, so two cores roughly halve the time).
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
BLOCK_DRAWS = 1_000  # draws per block (one random stream each; part of the seeded result)


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
    threads: int | None = None,
) -> SimulationResult:
    """P10/P50/P90 of each option's present value and P(option > baseline).

    ``threads``: how many threads draw (default: up to ``SIMULATION_THREADS``, one per core);
    the figures are the same for any number.
    """
    import numpy as np

    if draws < 100:
        raise ValidationError(f"Simuleringen behöver minst 100 dragningar (angivet: {draws}).")
    validate_model(model)
    baseline = baseline_of(model.options)
    options = sorted_options(model.options)
    position = {o.id: i for i, o in enumerate(options)}
    # Every cost estimate in one row vector, grouped by option (options in sort order,
    # estimates by id); the ranges are computed here, so the drawing threads run numpy only.
    ordered = sorted(cost_estimates(model), key=lambda e: (position[e.option_id], e.id))
    ranges = [estimate_pv_range(e, model) for e in ordered]
    lows = np.array([r.low for r in ranges])
    modes = np.array([r.base for r in ranges])
    highs = np.array([r.high for r in ranges])
    counts = [0] * len(options)
    for e in ordered:
        counts[position[e.option_id]] += 1
    with_costs = [i for i, n in enumerate(counts) if n]
    starts = np.cumsum([0, *(counts[i] for i in with_costs)])[:-1]

    # Draws in fixed blocks, each from its own stream: blocks may be drawn by any number of
    # threads (numpy releases the GIL while sampling) and the figures stay the same. Few,
    # large numpy calls also keep a drawing thread from queueing for the GIL behind a busy
    # main thread (a report is written meanwhile).
    blocks = [(begin, min(BLOCK_DRAWS, draws - begin)) for begin in range(0, draws, BLOCK_DRAWS)]
    streams = np.random.SeedSequence(seed).spawn(len(blocks))
    totals = np.zeros((draws, len(options)))

    def draw_block(k: int) -> None:
        begin, size = blocks[k]
        if not with_costs:
            return
        samples = _draw(np.random.default_rng(streams[k]), lows, modes, highs, size, distribution)
        totals[begin : begin + size, with_costs] = np.add.reduceat(samples, starts, axis=1)

    workers = threads or min(SIMULATION_THREADS, os.cpu_count() or 1)
    workers = max(1, min(workers, len(blocks)))
    if workers > 1:
        with ThreadPoolExecutor(workers, thread_name_prefix="montecarlo") as pool:
            list(pool.map(draw_block, range(len(blocks))))
    else:
        for k in range(len(blocks)):
            draw_block(k)

    b = position[baseline.id]
    percentiles = np.percentile(totals, [10, 50, 90], axis=0)
    means = totals.mean(axis=0)
    differences = totals - totals[:, [b]]
    difference_percentiles = np.percentile(differences, [10, 50, 90], axis=0)
    above = (differences > 0).mean(axis=0)
    results: list[OptionSimulation] = []
    for i, option in enumerate(options):
        p10, p50, p90 = (float(x) for x in percentiles[:, i])
        if i == b:
            results.append(OptionSimulation(option, float(means[i]), p10, p50, p90, *[None] * 4))
            continue
        d10, d50, d90 = (float(x) for x in difference_percentiles[:, i])
        results.append(
            OptionSimulation(
                option,
                float(means[i]),
                p10,
                p50,
                p90,
                prob_above_baseline=float(above[i]),
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
