"""Suggested coding for the answers of a remiss round (domain/stance_rules.py), and taking a
suggestion: nothing is coded until a person accepts (or changes) it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from utredning_app.domain.enums import StanceKind
from utredning_app.domain.stance_rules import ProposalRef, Suggestion, suggest
from utredning_app.storage import models as m
from utredning_app.storage.database import Database


@dataclass(frozen=True)
class AnswerSuggestions:
    response_id: str
    consultee: str
    suggestions: list[Suggestion]


def suggest_for_response(text: str, proposals: list[tuple[str, int, str]]) -> list[Suggestion]:
    return suggest(text, [ProposalRef(pid, number, title) for pid, number, title in proposals])


def suggest_round(db: Database, round_ref: str | None = None) -> list[AnswerSuggestions]:
    """Suggestions for every answer of the round, per proposal on remiss; writes nothing."""
    from utredning_app.domain.formatting import swedish_sort_key
    from utredning_app.services.remiss_rounds import round_proposals, select_round

    with db.reader() as s:
        rnd = select_round(s, round_ref)
        proposals = [(p.id, p.number, p.title) for p in round_proposals(s, rnd)]
        rows = s.execute(
            select(m.Response.id, m.Response.extracted_text, m.Consultee.name)
            .join(m.Consultee, m.Consultee.id == m.Response.consultee_id)
            .where(
                m.Consultee.round_id == rnd.id,
                m.Response.deleted_at.is_(None),
                m.Consultee.deleted_at.is_(None),
            )
        ).all()
    rows = sorted(rows, key=lambda r: swedish_sort_key(r[2]))
    return [
        AnswerSuggestions(rid, name, suggest_for_response(text or "", proposals))
        for rid, text, name in rows
    ]


def as_json(answers: list[AnswerSuggestions]) -> list[dict[str, Any]]:
    """The CLI's --json: one object per answer and proposal."""
    return [
        {
            "svar_id": a.response_id,
            "instans": a.consultee,
            "forslag": s.number,
            "stallning": s.stance.value if s.stance else None,
            "mening": s.sentence,
            "start": s.start,
            "slut": s.end,
        }
        for a in answers
        for s in a.suggestions
    ]


def hand_coding(db: Database, round_ref: str | None = None) -> dict[str, dict[int, StanceKind]]:
    """response id -> {proposal number: the stance a person coded} (for the agreement)."""
    from utredning_app.services.remiss_rounds import select_round

    with db.reader() as s:
        rnd = select_round(s, round_ref)
        rows = s.execute(
            select(m.Stance.response_id, m.Proposal.number, m.Stance.stance)
            .join(m.Proposal, m.Proposal.id == m.Stance.proposal_id)
            .join(m.Response, m.Response.id == m.Stance.response_id)
            .join(m.Consultee, m.Consultee.id == m.Response.consultee_id)
            .where(
                m.Consultee.round_id == rnd.id,
                m.Stance.deleted_at.is_(None),
                m.Response.deleted_at.is_(None),
            )
        ).all()
    out: dict[str, dict[int, StanceKind]] = {}
    for rid, number, stance in rows:
        out.setdefault(rid, {})[number] = stance
    return out


def agreement(
    suggested: dict[str, dict[int, StanceKind | None]], coded: dict[str, dict[int, StanceKind]]
) -> tuple[int, int]:
    """(equal, total) over the hand-coded (answer, proposal) pairs; no suggestion is wrong."""
    equal = total = 0
    for rid, stances in coded.items():
        for number, stance in stances.items():
            total += 1
            equal += suggested.get(rid, {}).get(number) is stance
    return equal, total


def accept_suggestion(
    db: Database,
    response_id: str,
    proposal_id: str,
    stance: StanceKind,
    start: int | None,
    end: int | None,
) -> None:
    """A person takes a suggestion (as suggested or changed): the stance is coded and the
    evidence sentence kept as a quote on the proposal – in one transaction."""
    from utredning_app.domain.enums import ResponseStatus
    from utredning_app.errors import ValidationError

    with db.transaction() as s:
        response = s.get(m.Response, response_id)
        if response is None or response.deleted_at is not None:
            raise ValidationError("Remissvaret finns inte längre.")
        row = s.scalars(
            select(m.Stance).where(
                m.Stance.response_id == response_id, m.Stance.proposal_id == proposal_id
            )
        ).first()
        if row is None:
            row = m.Stance(response_id=response_id, proposal_id=proposal_id, stance=stance)
            s.add(row)
        row.stance = stance
        row.deleted_at = None
        text = response.extracted_text
        if start is not None and end is not None and 0 <= start < end <= len(text):
            passage = text[start:end]
            known = s.scalars(
                select(m.Quote.id).where(
                    m.Quote.response_id == response_id,
                    m.Quote.start_offset == start,
                    m.Quote.end_offset == end,
                    m.Quote.deleted_at.is_(None),
                )
            ).first()
            if known is None:
                s.add(
                    m.Quote(
                        response_id=response_id,
                        proposal_id=proposal_id,
                        text=passage,
                        start_offset=start,
                        end_offset=end,
                    )
                )
        if response.status is ResponseStatus.MOTTAGEN:
            response.status = ResponseStatus.UNDER_KODNING
