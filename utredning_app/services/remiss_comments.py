"""Utredningens kommentar: the investigation's own comment on the answers to one proposal in
one remiss round. Printed in the remissammanställning after the stances and the central
points, and in the slutrapport's "Hur synpunkterna har beaktats".

Each function is one user action and one transaction.
"""

from __future__ import annotations

from sqlalchemy import select

from utredning_app.errors import ValidationError
from utredning_app.storage import models as m
from utredning_app.storage.base import utcnow
from utredning_app.storage.database import Database

MAX_COMMENT_CHARS = 20_000


def set_remiss_comment(db: Database, round_id: str, proposal_id: str, text_md: str) -> str:
    """Set the comment (empty text removes it); a removed comment's row is revived, so the
    pair (round, proposal) keeps one row. Returns the text it had before ("" when none)."""
    text = text_md.strip()
    if len(text) > MAX_COMMENT_CHARS:
        raise ValidationError(
            f"Utredningens kommentar är för lång ({len(text)} tecken; högst {MAX_COMMENT_CHARS})."
        )
    with db.transaction() as s:
        rnd = s.get(m.ConsultationRound, round_id)
        if rnd is None or rnd.deleted_at is not None:
            raise ValidationError("Remissomgången finns inte (den kan ha tagits bort).")
        proposal = s.get(m.Proposal, proposal_id)
        if proposal is None or proposal.deleted_at is not None:
            raise ValidationError("Förslaget finns inte (det kan ha tagits bort).")
        row = s.scalars(
            select(m.RemissComment).where(
                m.RemissComment.round_id == round_id, m.RemissComment.proposal_id == proposal_id
            )
        ).first()
        previous = row.text_md if row is not None and row.deleted_at is None else ""
        if text == previous.strip():
            return previous  # unchanged (but for the blanks around it): nothing written
        if not text:
            if row is not None and row.deleted_at is None:
                row.deleted_at = utcnow()
            return previous
        if row is None:
            row = m.RemissComment(round_id=round_id, proposal_id=proposal_id, text_md=text)
            s.add(row)
        row.text_md = text
        row.deleted_at = None
    return previous


def remiss_comment(db: Database, round_id: str, proposal_id: str) -> str:
    """The comment's Markdown ("" when none)."""
    with db.reader() as s:
        text = s.scalar(
            select(m.RemissComment.text_md).where(
                m.RemissComment.round_id == round_id,
                m.RemissComment.proposal_id == proposal_id,
                m.RemissComment.deleted_at.is_(None),
            )
        )
    return text or ""
