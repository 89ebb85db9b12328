"""The bedömningsmatris: options × criteria with scores, and setting one score."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from utredning_app.domain.validation import FieldValidationError, validate
from utredning_app.services.entities import scale
from utredning_app.storage.database import Database
from utredning_app.storage.models import Assessment, Criterion, GovernanceOption


@dataclass(frozen=True)
class Axis:
    id: str
    label: str
    detail: str


@dataclass(frozen=True)
class Cell:
    assessment_id: str
    score: float | None
    rationale_md: str


@dataclass
class Matrix:
    options: list[Axis] = field(default_factory=list)
    criteria: list[Axis] = field(default_factory=list)
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    score_min: float = 1
    score_max: float = 5

    def score(self, option_id: str, criterion_id: str) -> float | None:
        cell = self.cells.get((option_id, criterion_id))
        return cell.score if cell else None


def matrix(db: Database) -> Matrix:
    with db.reader() as session:
        s = scale(session)
        result = Matrix(score_min=s.score_min, score_max=s.score_max)
        for o in session.scalars(
            select(GovernanceOption)
            .where(GovernanceOption.deleted_at.is_(None))
            .order_by(GovernanceOption.sort_order, GovernanceOption.code)
        ):
            result.options.append(Axis(o.id, o.code or o.name, o.name))
        for c in session.scalars(
            select(Criterion)
            .where(Criterion.deleted_at.is_(None))
            .order_by(Criterion.sort_order, Criterion.created_at)
        ):
            result.criteria.append(Axis(c.id, c.name, c.kind.label))
        for a in session.scalars(select(Assessment).where(Assessment.deleted_at.is_(None))):
            result.cells[(a.option_id, a.criterion_id)] = Cell(a.id, a.score, a.rationale_md)
    return result


def set_score(db: Database, option_id: str, criterion_id: str, score: float | None) -> float | None:
    """Set one cell (creating or restoring the assessment row); returns the previous score.

    One transaction; a score outside the investigation's scale is refused with a Swedish
    message naming the scale.
    """
    with db.transaction() as session:
        errors = validate("assessment", {"score": score}, scale(session))
        if errors:
            raise FieldValidationError("Bedömningen", errors)
        row = session.scalars(
            select(Assessment).where(
                Assessment.option_id == option_id, Assessment.criterion_id == criterion_id
            )
        ).first()
        if row is None:
            session.add(Assessment(option_id=option_id, criterion_id=criterion_id, score=score))
            return None
        previous = row.score if row.deleted_at is None else None
        if row.deleted_at is not None:
            row.deleted_at = None
        row.score = score
        return previous
