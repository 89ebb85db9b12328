"""What the Översikt page shows: the uppdrag, the timetable with days left, remiss progress,
counts. One read, plain values.

Two ways to the same figures: :func:`overview` through the ORM on the open file, and
:func:`first_look` straight from the file with the standard library (``storage.first_look``)
for the first view at start, before SQLAlchemy is imported. Importing this module imports
neither SQLAlchemy nor the models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utredning_app.domain.enums import MilestoneKind

if TYPE_CHECKING:
    from utredning_app.storage.database import Database


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


# The tables whose live rows Översikt counts.
COUNTED: tuple[str, ...] = (
    "member",
    "provider_unit",
    "governance_option",
    "criterion",
    "estimate",
    "proposal",
    "report",
    "section",
    "dissent",
)


@dataclass
class FirstLook:
    """Översikt read at start without the ORM: its figures and the Tidplan's rows (as
    ``services.entities.rows(db, "milestone", order_by=("due_date",))`` gives them)."""

    facts: Overview
    milestone_rows: list[dict[str, Any]]


def first_look(path: Path, today: dt.date | None = None) -> FirstLook | None:
    """Översikt of ``path`` read straight from the file, or None when the file needs the full
    open first (older or newer schema, locked, a crash to roll back, anything unexpected)."""
    from utredning_app.storage.first_look import read_overview

    found = read_overview(path, COUNTED)
    if found is None:
        return None
    today = today or dt.date.today()
    inv = found.investigation
    facts = Overview(
        title=inv["title"],
        diarienummer=inv["diarienummer"],
        commissioned_by=inv["commissioned_by"],
        region=inv["region"],
        case_officer=inv["case_officer"],
        directive_md=inv["directive_md"],
        decided_on=inv["decided_on"],
        milestones=[
            MilestoneFact(
                m["id"],
                m["title"],
                m["kind"],
                m["due_date"],
                m["done"],
                (m["due_date"] - today).days,
            )
            for m in found.milestones
        ],
        counts=dict(found.counts),
        consultees=found.consultees,
        responses=found.responses,
        responses_done=found.responses_done,
    )
    return FirstLook(facts, found.milestones)


def overview(db: Database, today: dt.date | None = None) -> Overview:
    from sqlalchemy import func, select

    from utredning_app.domain.enums import ResponseStatus
    from utredning_app.services.entities import model_for
    from utredning_app.storage.models import Consultee, Milestone, Response

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
            select(Milestone)
            .where(Milestone.deleted_at.is_(None))
            .order_by(Milestone.due_date, Milestone.created_at, Milestone.id)
        ):
            result.milestones.append(
                MilestoneFact(m.id, m.title, m.kind, m.due_date, m.done, (m.due_date - today).days)
            )
        for table in COUNTED:
            model = model_for(table)
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
