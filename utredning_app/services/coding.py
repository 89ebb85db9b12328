"""Coding of a remissvar: stance per proposal, quotes with their place, key quotes, summary.

Each function is one user action and one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.domain.enums import ResponseStatus, StanceKind
from utredning_app.errors import ValidationError
from utredning_app.storage import models as m
from utredning_app.storage.base import utcnow
from utredning_app.storage.database import Database


def _response(s: Session, response_id: str) -> m.Response:
    response = s.get(m.Response, response_id)
    if response is None or response.deleted_at is not None:
        raise ValidationError("Remissvaret finns inte (det kan ha tagits bort).")
    return response


def _proposal(s: Session, proposal_id: str) -> m.Proposal:
    proposal = s.get(m.Proposal, proposal_id)
    if proposal is None or proposal.deleted_at is not None:
        raise ValidationError("Förslaget finns inte (det kan ha tagits bort).")
    return proposal


def set_stance(
    db: Database,
    response_id: str,
    proposal_id: str,
    stance: StanceKind | None,
    comment: str | None = None,
) -> None:
    """Set (or with ``None`` clear) the response's stance on a proposal."""
    with db.transaction() as s:
        response = _response(s, response_id)
        _proposal(s, proposal_id)
        row = s.scalars(
            select(m.Stance).where(
                m.Stance.response_id == response_id, m.Stance.proposal_id == proposal_id
            )
        ).first()
        if stance is None:
            if row is not None and row.deleted_at is None:
                row.deleted_at = utcnow()
            return
        if row is None:
            row = m.Stance(response_id=response_id, proposal_id=proposal_id, stance=stance)
            s.add(row)
        row.stance = stance
        row.deleted_at = None
        if comment is not None:
            row.comment_md = comment
        if response.status is ResponseStatus.MOTTAGEN:
            response.status = ResponseStatus.UNDER_KODNING


def add_quote(
    db: Database,
    response_id: str,
    start: int,
    end: int,
    *,
    proposal_id: str | None = None,
    key: bool = False,
) -> str:
    """Keep the passage ``text[start:end]`` of the answer as a quote; returns its id."""
    with db.transaction() as s:
        response = _response(s, response_id)
        text = response.extracted_text
        if not (0 <= start < end <= len(text)):
            raise ValidationError(
                f"Markeringen {start}–{end} ligger utanför svarets text (0–{len(text)})."
            )
        if proposal_id is not None:
            _proposal(s, proposal_id)
        passage = text[start:end].strip()
        if not passage:
            raise ValidationError("Markeringen innehåller ingen text.")
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        start += lead
        end = start + len(passage)
        quote = m.Quote(
            response_id=response_id,
            proposal_id=proposal_id,
            text=passage,
            start_offset=start,
            end_offset=end,
            is_key=key,
        )
        s.add(quote)
        s.flush()
        if response.status is ResponseStatus.MOTTAGEN:
            response.status = ResponseStatus.UNDER_KODNING
        return quote.id


def set_quote_key(db: Database, quote_id: str, key: bool) -> None:
    with db.transaction() as s:
        quote = s.get(m.Quote, quote_id)
        if quote is None or quote.deleted_at is not None:
            raise ValidationError("Citatet finns inte.")
        quote.is_key = key


def remove_quote(db: Database, quote_id: str) -> None:
    with db.transaction() as s:
        quote = s.get(m.Quote, quote_id)
        if quote is None or quote.deleted_at is not None:
            raise ValidationError("Citatet finns inte.")
        quote.deleted_at = utcnow()


def set_summary(db: Database, response_id: str, summary: str) -> None:
    with db.transaction() as s:
        _response(s, response_id).summary_md = summary.strip()


def set_status(db: Database, response_id: str, status: ResponseStatus) -> None:
    with db.transaction() as s:
        _response(s, response_id).status = status


def quotes_of(db: Database, response_id: str) -> list[m.Quote]:
    with db.reader() as s:
        return list(
            s.scalars(
                select(m.Quote)
                .where(m.Quote.response_id == response_id, m.Quote.deleted_at.is_(None))
                .order_by(m.Quote.start_offset)
            )
        )


def stances_of(db: Database, response_id: str) -> dict[str, m.Stance]:
    """Live stances of a response by proposal id."""
    with db.reader() as s:
        rows = s.scalars(
            select(m.Stance).where(
                m.Stance.response_id == response_id, m.Stance.deleted_at.is_(None)
            )
        )
        return {row.proposal_id: row for row in rows}


# ------------------------------------------------------------------ read models for the views


@dataclass(frozen=True)
class ResponseRow:
    id: str
    consultee: str
    consultee_type: str
    received: dt.date | None
    status: ResponseStatus
    late: bool
    file_name: str


@dataclass(frozen=True)
class QuoteRow:
    id: str
    text: str
    start: int
    end: int
    is_key: bool
    proposal_id: str | None


@dataclass(frozen=True)
class ResponseDetail:
    id: str
    consultee: str
    text: str
    summary: str
    status: ResponseStatus
    proposals: list[tuple[str, int, str]]  # id, number, title
    stances: dict[str, tuple[StanceKind, str]]  # proposal id -> (stance, comment)
    quotes: list[QuoteRow]
    ocr_pages: str = ""  # pages whose text OCR read ("1–16"), shown as a mark


def responses_in_round(db: Database, round_ref: str | None = None) -> list[ResponseRow]:
    from utredning_app.domain.formatting import swedish_sort_key
    from utredning_app.services.remiss_rounds import select_round

    with db.reader() as s:
        rnd = select_round(s, round_ref)
        rows = s.execute(
            select(m.Response, m.Consultee)
            .join(m.Consultee, m.Consultee.id == m.Response.consultee_id)
            .where(
                m.Consultee.round_id == rnd.id,
                m.Response.deleted_at.is_(None),
                m.Consultee.deleted_at.is_(None),
            )
        ).all()
        files = dict(
            s.execute(
                select(m.Attachment.response_id, m.Attachment.file_name).where(
                    m.Attachment.deleted_at.is_(None)
                )
            ).all()
        )
        out = [
            ResponseRow(
                r.id,
                c.name,
                c.type.label,
                r.received_date,
                r.status,
                bool(rnd.deadline and r.received_date and r.received_date > rnd.deadline),
                files.get(r.id, ""),
            )
            for r, c in rows
        ]
    return sorted(out, key=lambda row: swedish_sort_key(row.consultee))


def response_detail(db: Database, response_id: str) -> ResponseDetail:
    from utredning_app.services.remiss_rounds import round_proposals

    with db.reader() as s:
        response = _response(s, response_id)
        consultee = response.consultee
        rnd = s.get(m.ConsultationRound, consultee.round_id)
        assert rnd is not None
        proposals = [(p.id, p.number, p.title) for p in round_proposals(s, rnd)]
        stances = {
            st.proposal_id: (st.stance, st.comment_md)
            for st in s.scalars(
                select(m.Stance).where(
                    m.Stance.response_id == response_id, m.Stance.deleted_at.is_(None)
                )
            )
        }
        quotes = [
            QuoteRow(q.id, q.text, q.start_offset, q.end_offset, q.is_key, q.proposal_id)
            for q in s.scalars(
                select(m.Quote)
                .where(m.Quote.response_id == response_id, m.Quote.deleted_at.is_(None))
                .order_by(m.Quote.start_offset)
            )
        ]
        return ResponseDetail(
            response.id,
            consultee.name,
            response.extracted_text,
            response.summary_md,
            response.status,
            proposals,
            stances,
            quotes,
            response.ocr_pages,
        )


# ---------------------------------------------------------------- undo support

_SNAPSHOT_COLUMNS: dict[type[m.Stance | m.Quote], tuple[str, ...]] = {
    m.Stance: ("proposal_id", "stance", "comment_md", "deleted_at"),
    m.Quote: ("proposal_id", "text", "start_offset", "end_offset", "is_key", "deleted_at"),
}


@dataclass(frozen=True)
class CodingSnapshot:
    """The coding of one answer at one moment: summary, status, its stances and quotes."""

    summary_md: str
    status: ResponseStatus
    rows: dict[tuple[str, str], tuple[object, ...]]


def snapshot(db: Database, response_id: str) -> CodingSnapshot:
    """Read the coding of ``response_id`` (for undo: taken before and after an action)."""
    with db.reader() as s:
        response = _response(s, response_id)
        rows: dict[tuple[str, str], tuple[object, ...]] = {}
        for model, columns in _SNAPSHOT_COLUMNS.items():
            found: list[m.Stance | m.Quote] = list(
                s.scalars(select(model).where(model.response_id == response_id))
            )
            for row in found:
                rows[(model.__tablename__, row.id)] = tuple(getattr(row, c) for c in columns)
        return CodingSnapshot(response.summary_md, response.status, rows)


def restore(db: Database, response_id: str, target: CodingSnapshot) -> None:
    """Put the coding of ``response_id`` back as it was in ``target``, in one transaction.

    Rows made after the snapshot get a tombstone; rows that existed get their values back
    (rows are never removed, so every row of the snapshot still exists).
    """
    with db.transaction() as s:
        response = _response(s, response_id)
        if response.summary_md != target.summary_md:
            response.summary_md = target.summary_md
        if response.status != target.status:
            response.status = target.status
        for model, columns in _SNAPSHOT_COLUMNS.items():
            found: list[m.Stance | m.Quote] = list(
                s.scalars(select(model).where(model.response_id == response_id))
            )
            for row in found:
                values = target.rows.get((model.__tablename__, row.id))
                if values is None:
                    if row.deleted_at is None:
                        row.deleted_at = utcnow()
                    continue
                for column, value in zip(columns, values, strict=True):
                    if getattr(row, column) != value:
                        setattr(row, column, value)
