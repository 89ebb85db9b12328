"""Small hand-computable cost models and appraisals shared by the cost tests.

The figures are chosen so the results can be checked by hand (see the unit tests):
horizon 2024–2026, discount rate 5 %, factors 1, 1/1.05, 1/1.05².
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from utredning_app.domain.appraisal import AppraisalInput, CriterionData, ProfileData, ScoreData
from utredning_app.domain.costs import (
    CostModelInput,
    EstimateData,
    Horizon,
    OptionData,
    YearValue,
)
from utredning_app.domain.enums import Actor, CriterionKind, EstimateKind

HORIZON = Horizon(2024, 3)
RATE = 0.05

N = OptionData("opt-n", "N", "Nollalternativ", is_baseline=True, sort_order=0)
A = OptionData("opt-a", "A", "Akutsjukhusnämnd", sort_order=1)
B = OptionData("opt-b", "B", "Koncern med holdingbolag", sort_order=2)


def yearly(
    low: float, base: float, high: float, years: Sequence[int] = (2024, 2025, 2026)
) -> tuple[YearValue, ...]:
    return tuple(YearValue(y, low, base, high) for y in years)


def small_model(rate: float = RATE) -> CostModelInput:
    estimates = (
        EstimateData(
            "e-n1",
            N.id,
            "Driftkostnad ledning",
            EstimateKind.COST_ANNUAL,
            "mnkr",
            yearly(90, 100, 110),
        ),
        EstimateData(
            "e-a1",
            A.id,
            "Omställning",
            EstimateKind.COST_ONE_OFF,
            "mnkr",
            (YearValue(2024, 40, 50, 70),),
            financing="Regionens omställningsfond",
        ),
        EstimateData(
            "e-a2",
            A.id,
            "Driftkostnad nämnd",
            EstimateKind.COST_ANNUAL,
            "mnkr",
            yearly(80, 90, 95),
        ),
        EstimateData(
            "e-a3",
            A.id,
            "Avveckling av bolag",
            EstimateKind.COST_ANNUAL,
            "mnkr",
            yearly(5, 10, 20),
            actor=Actor.BOLAG,
            financing="Bolagens eget kapital",
        ),
        EstimateData(
            "e-a4",
            A.id,
            "Vårdplatser",
            EstimateKind.CAPACITY,
            "vårdplatser",
            yearly(-10, 0, 5),
        ),
    )
    return CostModelInput(HORIZON, rate, (N, A), estimates, price_base_year=2023)


def small_appraisal(profiles: Sequence[ProfileData] = ()) -> AppraisalInput:
    k1 = CriterionData("k1", "Kostnadsutveckling", CriterionKind.COST, weight=1.0, sort_order=0)
    k2 = CriterionData("k2", "Kvalitet", CriterionKind.QUALITY, weight=1.0, sort_order=1)
    scores = (
        ScoreData(N.id, "k1", 3),
        ScoreData(N.id, "k2", 2),
        ScoreData(A.id, "k1", 1),
        ScoreData(A.id, "k2", 5),
        ScoreData(B.id, "k1", 4),
        ScoreData(B.id, "k2", 3),
    )
    return AppraisalInput((N, A, B), (k1, k2), scores, tuple(profiles), 1, 5)


def write_small_investigation(path: Path) -> Path:
    """An investigation file holding the small model and appraisal (for service tests)."""
    from utredning_app.storage import models as m
    from utredning_app.storage.database import create_database

    db = create_database(path, title="Kostnadstest", diarienummer="RS 2099-0002")
    try:
        with db.transaction() as s:
            inv = db.investigation(s)
            inv.horizon_start_year, inv.horizon_years = HORIZON.start_year, HORIZON.years
            inv.discount_rate, inv.price_base_year = RATE, 2023
            for o in (N, A, B):
                row = m.GovernanceOption(
                    id=o.id,
                    code=o.code,
                    name=o.name,
                    is_baseline=o.is_baseline,
                    sort_order=o.sort_order,
                )
                s.add(row)
            s.flush()
            for e in small_model().estimates:
                est = m.Estimate(
                    id=e.id,
                    option_id=e.option_id,
                    kind=e.kind,
                    name=e.name,
                    unit=e.unit,
                    actor=e.actor,
                    financing=e.financing,
                    price_base_year=2023,
                )
                s.add(est)
                s.flush()
                for v in e.values:
                    s.add(
                        m.EstimateValue(
                            estimate_id=e.id, year=v.year, low=v.low, base=v.base, high=v.high
                        )
                    )
            appraisal = small_appraisal()
            party = m.Party(id="p-m", abbreviation="M", name="Moderaterna", colour="#1B49DD")
            s.add(party)
            s.flush()
            for c in appraisal.criteria:
                s.add(
                    m.Criterion(
                        id=c.id, name=c.name, kind=c.kind, weight=c.weight, sort_order=c.sort_order
                    )
                )
            for sc in appraisal.scores:
                s.add(
                    m.Assessment(
                        option_id=sc.option_id,
                        criterion_id=sc.criterion_id,
                        score=sc.score,
                        rationale_md="Motivering",
                    )
                )
            s.flush()
            s.add(m.WeightProfile(id="wp-m", name="Moderaternas viktning", party_id="p-m"))
            s.flush()
            s.add(m.ProfileWeight(profile_id="wp-m", criterion_id="k1", weight=70.0))
            s.add(m.ProfileWeight(profile_id="wp-m", criterion_id="k2", weight=30.0))
    finally:
        db.close()
    return path


def write_random_investigation(
    path: Path, seed: int = 1, options: int = 5, per_option: int = 12
) -> Path:
    """A larger investigation with awkward numbers (many decimals, savings, every actor)."""
    import random

    from utredning_app.domain.enums import Actor
    from utredning_app.storage import models as m
    from utredning_app.storage.database import create_database

    rng = random.Random(seed)
    db = create_database(path, title="Slumpad kostnadsmodell", diarienummer="RS 2099-0003")
    try:
        with db.transaction() as s:
            inv = db.investigation(s)
            inv.horizon_start_year, inv.horizon_years, inv.discount_rate = 2025, 6, 0.035
            option_ids = []
            for i in range(options):
                row = m.GovernanceOption(
                    code=f"A{i}", name=f"Styrmodell {i}", is_baseline=(i == 0), sort_order=i
                )
                s.add(row)
                s.flush()
                option_ids.append(row.id)
            kinds = [EstimateKind.COST_ONE_OFF, EstimateKind.COST_ANNUAL, EstimateKind.CAPACITY]
            for oid in option_ids:
                for j in range(per_option):
                    kind = kinds[j % 3]
                    est = m.Estimate(
                        option_id=oid,
                        kind=kind,
                        name=f"Skattning {j}",
                        unit="mnkr" if kind != EstimateKind.CAPACITY else "vårdplatser",
                        actor=list(Actor)[j % len(Actor)],
                        financing=f"Finansiering {j % 4}",
                    )
                    s.add(est)
                    s.flush()
                    years = range(2025, 2031) if kind != EstimateKind.COST_ONE_OFF else (2025, 2027)
                    for y in years:
                        base = rng.uniform(-80, 250)
                        s.add(
                            m.EstimateValue(
                                estimate_id=est.id,
                                year=y,
                                low=base - rng.uniform(0, 40),
                                base=base,
                                high=base + rng.uniform(0, 90),
                            )
                        )
    finally:
        db.close()
    return path
