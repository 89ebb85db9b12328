"""Cost figures for the reports, from the shared cost model (``domain/costs.py``).

The report data (``services/report_data.py``) carries the cost model's input as the app loads
it (``services/estimates.load_cost_model``), so the Word reports show exactly the totals,
present values and differences against the baseline that the cost views and the cost workbook
show. When the model is incomplete (a year missing, no
baseline) the reports fall back to plain sums of what is there and say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from utredning_app.domain import costs as cm
from utredning_app.domain.report_model import ReportData
from utredning_app.errors import ValidationError


@dataclass(frozen=True)
class OptionCosts:
    """Yearly low/base/high cost (mnkr) of one option — what the tables and chart need."""

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


@dataclass(frozen=True)
class CostFigures:
    options: list[OptionCosts]
    summary: cm.CostSummary | None  # None when the model is incomplete
    problem: str = ""  # why there is no summary (Swedish)


def _lenient_sum(model: cm.CostModelInput, option_id: str, horizon: cm.Horizon) -> cm.YearlyRange:
    """Sum of the mnkr cost values that exist (an incomplete model cannot be validated)."""
    years = horizon.year_list
    index = {y: i for i, y in enumerate(years)}
    low, base, high = [0.0] * len(years), [0.0] * len(years), [0.0] * len(years)
    for e in model.estimates_for(option_id):
        if not e.is_cost:
            continue
        if cm.normalise_unit(e.unit) != cm.MONEY_UNIT:
            continue
        for v in e.values:
            i = index.get(v.year)
            if i is not None:
                low[i] += v.low
                base[i] += v.base
                high[i] += v.high
    return cm.YearlyRange(years, tuple(low), tuple(base), tuple(high))


def cost_figures(data: ReportData) -> CostFigures:
    """Per option and year: the cost model's sums; the full summary when the model is valid."""
    model = data.cost_model
    if model is None:
        return CostFigures([], None, "")
    names = {o.id: o.name for o in data.options}
    summary: cm.CostSummary | None = None
    problem = ""
    try:
        summary = cm.cost_summary(model)
    except ValidationError as exc:
        problem = exc.message
    options: list[OptionCosts] = []
    horizon = model.horizon
    for option in cm.sorted_options(model.options):
        if summary is not None:
            series = summary.for_option(option.id).yearly
        else:
            series = _lenient_sum(model, option.id, horizon)
        options.append(
            OptionCosts(
                option.id,
                names[option.id],
                option.is_baseline,
                series.years,
                series.low,
                series.base,
                series.high,
            )
        )
    return CostFigures(options, summary, problem)
