"""What the Översikt page shows: the uppdrag, the timetable with days left, remiss progress,
counts. One read, plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from utredning_app.domain.enums import MilestoneKind, ResponseStatus
from utredning_app.storage.base import TrackedMixin
from utredning_app.storage.database import Database
from utredning_app.storage.models import (
    Consultee,
    Criterion,
    Dissent,
    Estimate,
    GovernanceOption,
    Member,
    Milestone,
    Proposal,
    ProviderUnit,
    Report,
    Response,
    Section,
)


@dataclass(frozen=True)
class MilestoneFact:
    id: str
    title: str
    kind: MilestoneKind
    due_date: dt.date
    done: bool
    days_left: int


@dataclass
class Overview:
    title: str
    diarienummer: str
    commissioned_by: str
    region: str
    case_officer: str
    directive_md: str
    decided_on: dt.date | None
    milestones: list[MilestoneFact] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    consultees: int = 0
    responses: int = 0
    responses_done: int = 0

    @property
    def next_milestone(self) -> MilestoneFact | None:
        """The first milestone not marked done (it may be overdue: negative days_left)."""
        return next((m for m in self.milestones if not m.done), None)


COUNTED: dict[str, type[TrackedMixin]] = {
    "member": Member,
    "provider_unit": ProviderUnit,
    "governance_option": GovernanceOption,
    "criterion": Criterion,
    "estimate": Estimate,
    "proposal": Proposal,
    "report": Report,
    "section": Section,
    "dissent": Dissent,
}


def overview(db: Database, today: dt.date | None = None) -> Overview:
    today = today or dt.date.today()
    with db.reader() as session:
        inv = db.investigation(session)
        result = Overview(
            title=inv.title,
            diarienummer=inv.diarienummer,
            commissioned_by=inv.commissioned_by,
            region=inv.region,
            case_officer=inv.case_officer,
            directive_md=inv.directive_md,
            decided_on=inv.decided_on,
        )
        for m in session.scalars(
            select(Milestone).where(Milestone.deleted_at.is_(None)).order_by(Milestone.due_date)
        ):
            result.milestones.append(
                MilestoneFact(m.id, m.title, m.kind, m.due_date, m.done, (m.due_date - today).days)
            )
        for table, model in COUNTED.items():
            result.counts[table] = int(
                session.scalar(
                    select(func.count()).select_from(model).where(model.deleted_at.is_(None))
                )
                or 0
            )
        result.consultees = int(
            session.scalar(
                select(func.count())
                .select_from(Consultee)
                .where(Consultee.deleted_at.is_(None), Consultee.invited.is_(True))
            )
            or 0
        )
        answered = (
            select(func.count(func.distinct(Response.consultee_id)))
            .join(Consultee, Consultee.id == Response.consultee_id)
            .where(Response.deleted_at.is_(None), Consultee.deleted_at.is_(None))
        )
        result.responses = int(session.scalar(answered) or 0)
        result.responses_done = int(
            session.scalar(
                answered.where(Response.status.in_([ResponseStatus.KODAD, ResponseStatus.AVSTATT]))
            )
            or 0
        )
    return result
