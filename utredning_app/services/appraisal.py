"""Appraisal: load criteria, scores and weight profiles (one read session); the ranking itself
is pure (``domain.appraisal.overview``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.domain.appraisal import (
    AppraisalInput,
    AppraisalOverview,
    CriterionData,
    ProfileData,
    ScoreData,
    overview,
)
from utredning_app.services.estimates import load_options
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.location import Location
from utredning_app.storage.models import (
    Assessment,
    Criterion,
    Party,
    ProfileWeight,
    WeightProfile,
)


def load_appraisal(db: Database, session: Session) -> AppraisalInput:
    inv = db.investigation(session)
    options = load_options(session)
    live_options = {o.id for o in options}
    criteria = tuple(
        CriterionData(id=c.id, name=c.name, kind=c.kind, weight=c.weight, sort_order=c.sort_order)
        for c in session.scalars(
            select(Criterion)
            .where(Criterion.deleted_at.is_(None))
            .order_by(Criterion.sort_order, Criterion.name, Criterion.id)
        )
    )
    live_criteria = {c.id for c in criteria}
    scores = tuple(
        ScoreData(a.option_id, a.criterion_id, a.score, a.rationale_md, a.source)
        for a in session.scalars(select(Assessment).where(Assessment.deleted_at.is_(None)))
        if a.option_id in live_options and a.criterion_id in live_criteria
    )
    weights: dict[str, dict[str, float]] = {}
    for w in session.scalars(select(ProfileWeight).where(ProfileWeight.deleted_at.is_(None))):
        if w.criterion_id in live_criteria:
            weights.setdefault(w.profile_id, {})[w.criterion_id] = w.weight
    parties = {p.id: p for p in session.scalars(select(Party).where(Party.deleted_at.is_(None)))}
    profiles = []
    for p in session.scalars(
        select(WeightProfile)
        .where(WeightProfile.deleted_at.is_(None))
        .order_by(WeightProfile.name, WeightProfile.id)
    ):
        party = parties.get(p.party_id) if p.party_id else None
        profiles.append(
            ProfileData(
                id=p.id,
                name=p.name,
                weights=weights.get(p.id, {}),
                party=party.abbreviation if party else None,
                colour=party.colour if party else None,
            )
        )
    profiles.sort(key=lambda pr: (_party_order(pr, parties), pr.name))
    return AppraisalInput(
        options=options,
        criteria=criteria,
        scores=scores,
        profiles=tuple(profiles),
        score_min=float(inv.score_min),
        score_max=float(inv.score_max),
    )


def _party_order(profile: ProfileData, parties: dict[str, Party]) -> int:
    for p in parties.values():
        if p.abbreviation == profile.party:
            return p.sort_order
    return 10_000


def appraisal_of(db: Database) -> AppraisalOverview:
    """The open file's ranking and weight analysis, in one read."""
    with db.reader() as session:
        return overview(load_appraisal(db, session))


def read_appraisal(path: Location) -> AppraisalInput:
    with open_database(path, read_only=True) as db, db.reader() as session:
        return load_appraisal(db, session)


def appraisal_overview(path: Location) -> AppraisalOverview:
    return overview(read_appraisal(path))
