"""Estimates: load the cost model from a file (one read session) and run the calculations.

Everything returned is a plain domain object (:mod:`utredning_app.domain.costs`,
:mod:`utredning_app.domain.uncertainty`), so the GUI, the CLI, the Excel export and the
Word reports all show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.domain.costs import (
    CostModelInput,
    CostSummary,
    EstimateData,
    Horizon,
    OptionData,
    YearValue,
    cost_summary,
)
from utredning_app.domain.uncertainty import (
    DEFAULT_DRAWS,
    Tornado,
    simulate,
    tornado,
)
from utredning_app.exporting.costs_layout import WorkbookLayout
from utredning_app.importing.costs_xlsx import WorkbookChanges
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.location import Location
from utredning_app.storage.models import Estimate, EstimateValue, GovernanceOption, ProviderUnit


@dataclass(frozen=True)
class InvestigationFacts:
    """What the cost views and exports need to say about the investigation."""

    id: str
    title: str
    diarienummer: str


def load_options(session: Session) -> tuple[OptionData, ...]:
    rows = session.scalars(
        select(GovernanceOption)
        .where(GovernanceOption.deleted_at.is_(None))
        .order_by(GovernanceOption.sort_order, GovernanceOption.code, GovernanceOption.id)
    )
    return tuple(
        OptionData(
            id=o.id, code=o.code, name=o.name, is_baseline=o.is_baseline, sort_order=o.sort_order
        )
        for o in rows
    )


def load_cost_model(db: Database, session: Session) -> CostModelInput:
    """The live (not tombstoned) options, estimates and values of the file.

    Column rows, not ORM objects: the large investigation has 2,000 estimates and 10,000
    values, and building ORM instances for them took most of a report's read time.
    """
    inv = db.investigation(session)
    options = load_options(session)
    live = {o.id for o in options}
    values: dict[str, list[YearValue]] = {}
    for v in session.execute(
        select(
            EstimateValue.estimate_id,
            EstimateValue.year,
            EstimateValue.low,
            EstimateValue.base,
            EstimateValue.high,
        )
        .where(EstimateValue.deleted_at.is_(None))
        .order_by(EstimateValue.estimate_id, EstimateValue.year)
    ):
        values.setdefault(v.estimate_id, []).append(YearValue(v.year, v.low, v.base, v.high))
    units = {
        u.id: u.short_name or u.name
        for u in session.execute(
            select(ProviderUnit.id, ProviderUnit.short_name, ProviderUnit.name).where(
                ProviderUnit.deleted_at.is_(None)
            )
        )
    }
    estimates = []
    for e in session.execute(
        select(
            Estimate.id,
            Estimate.option_id,
            Estimate.name,
            Estimate.kind,
            Estimate.unit,
            Estimate.actor,
            Estimate.financing,
            Estimate.provider_unit_id,
            Estimate.price_base_year,
            Estimate.assumption_md,
            Estimate.source,
        )
        .where(Estimate.deleted_at.is_(None))
        .order_by(Estimate.option_id, Estimate.kind, Estimate.name, Estimate.id)
    ):
        if e.option_id not in live:
            continue
        estimates.append(
            EstimateData(
                id=e.id,
                option_id=e.option_id,
                name=e.name,
                kind=e.kind,
                unit=e.unit,
                values=tuple(values.get(e.id, ())),
                actor=e.actor,
                financing=e.financing,
                provider_unit_id=e.provider_unit_id,
                provider_unit=units.get(e.provider_unit_id, "") if e.provider_unit_id else "",
                price_base_year=e.price_base_year,
                assumption=e.assumption_md,
                source=e.source,
            )
        )
    return CostModelInput(
        horizon=Horizon(inv.horizon_start_year, inv.horizon_years),
        discount_rate=inv.discount_rate,
        options=options,
        estimates=tuple(estimates),
        price_base_year=inv.price_base_year,
    )


def investigation_facts(db: Database, session: Session) -> InvestigationFacts:
    inv = db.investigation(session)
    return InvestigationFacts(inv.id, inv.title, inv.diarienummer)


def cost_model_of(db: Database) -> CostModelInput:
    """The open file's cost model, in one read."""
    with db.reader() as session:
        return load_cost_model(db, session)


def read_cost_model(path: Location) -> tuple[InvestigationFacts, CostModelInput]:
    """Open ``path`` read-only and load its cost model in one read session."""
    with open_database(path, read_only=True) as db, db.reader() as session:
        return investigation_facts(db, session), load_cost_model(db, session)


def summarise(path: Location) -> CostSummary:
    return cost_summary(read_cost_model(path)[1])


def tornadoes(model: CostModelInput, *, limit: int | None = 10) -> tuple[Tornado, ...]:
    """One tornado per option that has cost estimates."""
    return tuple(
        tornado(model, o.id, limit=limit)
        for o in model.options
        if any(e.option_id == o.id and e.is_cost for e in model.estimates)
    )


# ---------------------------------------------------------------- Excel round trip


@dataclass(frozen=True)
class WorkbookImport:
    """What a cost workbook import found (and applied, unless it was a dry run)."""

    changes: WorkbookChanges
    lines: tuple[str, ...]  # Swedish, one per change
    applied: bool


def export_cost_workbook(path: Location, out: Path) -> WorkbookLayout:
    """Write the cost model of ``path`` to ``out`` (.xlsx) with live formulas."""
    from utredning_app.services.atomic import write_bytes_atomic

    data, layout = _cost_workbook(path)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(Path(out), data)  # never over an investigation file
    return layout


def cost_workbook_bytes(path: Location) -> bytes:
    """The cost workbook of ``path`` as bytes (same checks as :func:`export_cost_workbook`)."""
    return _cost_workbook(path)[0]


def _cost_workbook(path: Location) -> tuple[bytes, WorkbookLayout]:
    from utredning_app.domain.costs import validate_model
    from utredning_app.exporting.costs_xlsx import cost_workbook

    facts, model = read_cost_model(path)
    # Missing years may be left for the economist to fill in; units and the baseline must
    # be right, or the workbook's sums would differ from the app's.
    validate_model(model, require_complete=False)
    return cost_workbook(
        model, investigation_id=facts.id, title=facts.title, diarienummer=facts.diarienummer
    )


def import_cost_workbook(
    path: Location, workbook: Path, *, dry_run: bool = False
) -> WorkbookImport:
    """Take changed inputs of a returned workbook back into ``path`` in one transaction.

    Everything is read and checked before the file is opened for writing: a refused
    workbook leaves the investigation file byte for byte as it was.
    """
    from utredning_app.domain.costs import validate_estimate
    from utredning_app.exporting.costs_layout import build_layout
    from utredning_app.importing.costs_xlsx import (
        check_structure,
        find_changes,
        read_workbook,
        sheet_bounds,
    )

    facts, model = read_cost_model(path)
    expected = build_layout(
        model, investigation_id=facts.id, title=facts.title, diarienummer=facts.diarienummer
    )
    raw = read_workbook(workbook, sheet_bounds(expected))
    check_structure(raw, expected, facts.id)
    names = {e.id: e.name for e in model.estimates}
    changes = find_changes(raw, expected, names)
    changed = _with_changes(model, changes)
    touched = {ch.estimate_id for ch in changes.values}
    for estimate in changed.estimates:
        if estimate.id in touched:  # untouched ones are the app's business, not the import's
            validate_estimate(estimate, changed.horizon, changed)
    lines = tuple(describe_changes(model, changes))
    if dry_run or changes.empty:
        return WorkbookImport(changes, lines, applied=False)
    with (
        open_database(path, actor="Import av kostnadsmodell") as db,
        db.transaction() as session,
    ):
        _apply(db, session, changes)
    return WorkbookImport(changes, lines, applied=True)


def _with_changes(model: CostModelInput, changes: WorkbookChanges) -> CostModelInput:
    import dataclasses

    by_estimate: dict[str, dict[int, tuple[float, float, float] | None]] = {}
    for ch in changes.values:
        by_estimate.setdefault(ch.estimate_id, {})[ch.year] = ch.new
    estimates = []
    for e in model.estimates:
        updates = by_estimate.get(e.id)
        if updates:
            values = {v.year: v for v in e.values}
            for year, triple in updates.items():
                if triple is None:
                    values.pop(year, None)
                else:
                    values[year] = YearValue(year, *triple)
            e = dataclasses.replace(e, values=tuple(values[y] for y in sorted(values)))
        estimates.append(e)
    rate = changes.rate[1] if changes.rate else model.discount_rate
    return dataclasses.replace(model, estimates=tuple(estimates), discount_rate=rate)


def describe_changes(model: CostModelInput, changes: WorkbookChanges) -> list[str]:
    from utredning_app.domain.formatting import format_number

    def fmt(triple: tuple[float, float, float] | None) -> str:
        if triple is None:
            return "(inget värde)"
        return " / ".join(format_number(v, 2, sep=" ") for v in triple)

    lines: list[str] = []
    if changes.rate:
        old, new = changes.rate
        lines.append(
            f"Diskonteringsränta: {format_number(old * 100, 2, sep=' ')} % → "
            f"{format_number(new * 100, 2, sep=' ')} % (Indata!B3)"
        )
    estimates = {e.id: e for e in model.estimates}
    for ch in changes.values:
        e = estimates[ch.estimate_id]
        option = model.option(e.option_id).title
        lines.append(
            f"{option} · {e.name} · {ch.year} (låg / bas / hög, {e.unit}): "
            f"{fmt(ch.old)} → {fmt(ch.new)} ({', '.join(ch.cells)})"
        )
    return lines


def _apply(db: Database, session: Session, changes: WorkbookChanges) -> None:
    from utredning_app.storage.base import utcnow

    if changes.rate:
        db.investigation(session).discount_rate = changes.rate[1]
    for ch in changes.values:
        # The unique (estimate, year) key includes tombstones: revive one rather than insert.
        row = session.scalars(
            select(EstimateValue).where(
                EstimateValue.estimate_id == ch.estimate_id, EstimateValue.year == ch.year
            )
        ).first()
        if ch.new is None:
            if row is not None and row.deleted_at is None:
                row.deleted_at = utcnow()
            continue
        low, base, high = ch.new
        if row is None:
            session.add(
                EstimateValue(
                    estimate_id=ch.estimate_id, year=ch.year, low=low, base=base, high=high
                )
            )
        else:
            row.deleted_at = None
            row.low, row.base, row.high = low, base, high


# ---------------------------------------------------------------- charts for reports


def report_charts(path: Location, *, draws: int = DEFAULT_DRAWS) -> dict[str, bytes]:
    """The standard cost and appraisal charts of ``path`` as PNG bytes, by name:
    ``kostnad_per_alternativ``, ``skillnad_mot_nollalternativet``, ``kostnad_over_aren``,
    ``monte_carlo``, ``tornado_<alternativkod>``, ``rangordning_per_parti`` and
    ``stabilitet`` (the group's weights). Charts whose data are missing are left out."""
    from utredning_app.charts import cost_charts
    from utredning_app.domain.appraisal import overview
    from utredning_app.domain.costs import validate_model
    from utredning_app.services.appraisal import load_appraisal

    charts: dict[str, bytes] = {}
    with open_database(path, read_only=True) as db, db.reader() as session:
        model = load_cost_model(db, session)
        appraisal_input = load_appraisal(db, session)
    if model.options and model.estimates:
        validate_model(model)
        summary = cost_summary(model)
        charts["kostnad_per_alternativ"] = cost_charts.cost_ranges_png(summary)
        if len(summary.options) > 1:
            charts["skillnad_mot_nollalternativet"] = cost_charts.cost_ranges_png(
                summary, difference=True
            )
        charts["kostnad_over_aren"] = cost_charts.cost_over_years_png(summary)
        charts["monte_carlo"] = cost_charts.simulation_png(simulate(model, draws=draws))
        for t in tornadoes(model):
            charts[f"tornado_{t.option.code or t.option.id}"] = cost_charts.tornado_png(t)
    appraisal = overview(appraisal_input)
    if appraisal.rankings:
        charts["rangordning_per_parti"] = cost_charts.party_rankings_png(appraisal.rankings)
        charts["stabilitet"] = cost_charts.stability_png(appraisal.sensitivities[0])
    return charts
