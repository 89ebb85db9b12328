"""Looking up a remiss round, its proposals and consultees (shared by the remiss services)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.errors import ValidationError
from utredning_app.importing.xlsx_form import RoundFacts
from utredning_app.storage import models as m
from utredning_app.storage.database import Database


def live_rounds(session: Session) -> list[m.ConsultationRound]:
    return list(
        session.scalars(
            select(m.ConsultationRound)
            .where(m.ConsultationRound.deleted_at.is_(None))
            .order_by(m.ConsultationRound.created_at, m.ConsultationRound.id)
        )
    )


def select_round(session: Session, wanted: str | None = None) -> m.ConsultationRound:
    """The round with id or name ``wanted``; without it, the only (or latest) live round."""
    rounds = live_rounds(session)
    if not rounds:
        raise ValidationError("Utredningen har ingen remissomgång. Lägg upp en remiss först.")
    if wanted is None:
        return rounds[-1]
    for rnd in rounds:
        if wanted in (rnd.id, rnd.name) or rnd.name.casefold() == wanted.strip().casefold():
            return rnd
    names = ", ".join(f"«{r.name}»" for r in rounds)
    raise ValidationError(f"Remissomgången «{wanted}» finns inte (det finns: {names}).")


def round_proposals(session: Session, rnd: m.ConsultationRound) -> list[m.Proposal]:
    return list(
        session.scalars(
            select(m.Proposal)
            .join(m.RoundProposal, m.RoundProposal.proposal_id == m.Proposal.id)
            .where(
                m.RoundProposal.round_id == rnd.id,
                m.RoundProposal.deleted_at.is_(None),
                m.Proposal.deleted_at.is_(None),
            )
            .order_by(m.Proposal.number, m.Proposal.id)
        )
    )


def round_consultees(session: Session, rnd: m.ConsultationRound) -> list[m.Consultee]:
    from utredning_app.domain.formatting import swedish_sort_key

    rows = session.scalars(
        select(m.Consultee).where(m.Consultee.round_id == rnd.id, m.Consultee.deleted_at.is_(None))
    )
    return sorted(rows, key=lambda c: swedish_sort_key(c.name))


def round_facts(session: Session, rnd: m.ConsultationRound) -> RoundFacts:
    return RoundFacts(
        round_id=rnd.id,
        round_name=rnd.name,
        proposals=[(p.id, p.number, p.title) for p in round_proposals(session, rnd)],
        consultees={c.id: c.name for c in round_consultees(session, rnd)},
        other_rounds={r.id: r.name for r in live_rounds(session) if r.id != rnd.id},
    )


def round_choices(db: Database) -> list[tuple[str, str]]:
    """(id, name) of the live remiss rounds, oldest first (for a round picker)."""
    with db.reader() as s:
        return [(r.id, r.name) for r in live_rounds(s)]


def consultee_choices(db: Database, wanted: str | None = None) -> list[tuple[str, str]]:
    """(id, name) of the consultees of round ``wanted`` (default: the latest), sorted."""
    with db.reader() as s:
        return [(c.id, c.name) for c in round_consultees(s, select_round(s, wanted))]
