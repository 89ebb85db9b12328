"""Editions of the reports that have a status (delrapport, slutrapport).

A fastställd report that is sent out (the delrapport on remiss) must stay as it was sent:
later changes to proposals, answer dates or the tidplan never rewrite it. An edition keeps the
content it was built from (a JSON snapshot: title, date, proposals, sections) and the exact
.docx bytes, in the investigation file (table ``report_edition``).

``utredning export delrapport`` gives the latest edition of a fastställd report (the bytes as
sent); ``--aktuell`` builds the current content instead, marked UTKAST.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from utredning_app.domain.enums import ReportKind, ReportStatus
from utredning_app.domain.report_model import ReportData
from utredning_app.errors import ValidationError
from utredning_app.storage import models as m
from utredning_app.storage.base import new_id
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.location import Location, as_location

# The reports that have a status and therefore editions (command-line names).
EDITION_KINDS: dict[str, ReportKind] = {
    "delrapport": ReportKind.DELRAPPORT,
    "slutrapport": ReportKind.SLUTRAPPORT,
}


@dataclass(frozen=True)
class EditionInfo:
    id: str
    kind: ReportKind
    report_title: str
    edition_date: dt.date
    label: str
    size_bytes: int
    sha256: str
    created_at: dt.datetime


def snapshot_json(data: ReportData, kind: ReportKind) -> str:
    """The content an edition is made of, as stable JSON."""
    report = data.reports.get(kind)
    proposals = [
        {
            "id": p.id,
            "number": p.number,
            "title": p.title,
            "text_md": p.text_md,
            "rationale_md": p.rationale_md,
        }
        for p in data.proposals_for(kind)
    ]
    sections = (
        [{"key": s.key, "title": s.title, "body_md": s.body_md} for s in report.sections]
        if report is not None
        else []
    )
    content = {
        "kind": kind.value,
        "title": report.title if report is not None else "",
        "report_date": (
            report.report_date.isoformat() if report is not None and report.report_date else None
        ),
        "proposals": proposals,
        "sections": sections,
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1)


def add_edition(
    db: Database,
    name: str,
    *,
    label: str = "",
    template: Path | None = None,
    edition_id: str | None = None,
    page_numbers: bool = True,
    as_sent: bool = False,
    proposal_texts: dict[str, str] | None = None,
) -> EditionInfo:
    """Build the fastställd report ``name`` from the file's current content and keep it as a
    new edition (one transaction). An utkast has no editions. ``page_numbers``: LibreOffice
    (where installed) lays the document out and the contents list gets its page numbers.

    ``as_sent`` (an edition recorded after the fact, as the demo's): the content as it stood
    on the edition date — no answers or comments received after it, milestones after it not
    done, and the proposals' wording from ``proposal_texts`` (proposal id → text) where given.
    """
    from utredning_app.exporting.reports import build_report
    from utredning_app.services.report_data import read_report_data

    kind = _kind(name)
    with db.reader() as s:
        data = read_report_data(db, s)
    report = data.reports.get(kind)
    if report is None or not report.id:
        raise ValidationError(f"Utredningen har ingen {kind.label.lower()} att spara en utgåva av.")
    if report.status != ReportStatus.FASTSTALLD:
        raise ValidationError(
            f"{kind.label}en är ett utkast. Fastställ den (status Fastställd) innan en utgåva "
            "sparas; ett utkast exporteras med sitt nuvarande innehåll."
        )
    edition_date = report.report_date or dt.date.today()
    if as_sent:
        data = data_as_sent(data, edition_date, proposal_texts or {})
    built = build_report(name, data, template=template)
    payload = built.data
    if page_numbers:
        from utredning_app.services.toc_pages import add_page_numbers

        payload = add_page_numbers(payload) or payload
    digest = hashlib.sha256(payload).hexdigest()
    with db.transaction() as s:
        row = m.ReportEdition(
            id=edition_id or new_id(),
            report_id=report.id,
            edition_date=edition_date,
            label=label.strip() or _default_label(kind, len(report.editions)),
            snapshot_json=snapshot_json(data, kind),
            sha256=digest,
            docx=payload,
        )
        s.add(row)
        s.flush()
        info = _info(row, kind, report.title)
    return info


def data_as_sent(data: ReportData, on: dt.date, proposal_texts: dict[str, str]) -> ReportData:
    """``data`` as it stood on ``on``: answers (and the investigation's comments on them)
    received later left out, later milestones not yet done, proposals in the wording
    ``proposal_texts`` gives."""
    from dataclasses import replace

    rounds = []
    for rnd in data.rounds:
        consultees = tuple(
            c
            if c.response is None
            or (c.response.received_date is not None and c.response.received_date <= on)
            else replace(c, response=None)
            for c in rnd.consultees
        )
        rounds.append(replace(rnd, consultees=consultees, comments={}))
    milestones = [
        m if m.due_date <= on or not m.done else replace(m, done=False) for m in data.milestones
    ]
    proposals = [
        replace(p, text_md=proposal_texts[p.id]) if p.id in proposal_texts else p
        for p in data.proposals
    ]
    return replace(data, rounds=rounds, milestones=milestones, proposals=proposals)


def _default_label(kind: ReportKind, existing: int) -> str:
    base = "Remissutgåva" if kind == ReportKind.DELRAPPORT else "Utgåva"
    return base if existing == 0 else f"{base} {existing + 1}"


def record_edition(
    path: Location, name: str, *, label: str = "", template: Path | None = None
) -> EditionInfo:
    """``add_edition`` on the file ``path``."""
    with open_database(as_location(path)) as db:
        return add_edition(db, name, label=label, template=template)


def list_editions(path: Location) -> list[EditionInfo]:
    """Every edition in the file, per report kind, oldest first."""
    with open_database(as_location(path), read_only=True) as db, db.reader() as s:
        return editions_in(s)


def editions_of(db: Database) -> list[EditionInfo]:
    """The open file's saved editions, in one read."""
    with db.reader() as session:
        return editions_in(session)


def editions_in(s: object) -> list[EditionInfo]:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    reports = {r.id: r for r in s.scalars(select(m.Report).where(m.Report.deleted_at.is_(None)))}
    found = []
    for row in s.scalars(
        select(m.ReportEdition)
        .where(m.ReportEdition.deleted_at.is_(None))
        .order_by(m.ReportEdition.edition_date, m.ReportEdition.created_at)
    ):
        report = reports.get(row.report_id)
        if report is not None:
            found.append(_info(row, report.kind, report.title))
    return found


def edition_bytes(path: Location, edition_id: str) -> bytes:
    """The exact .docx of an edition."""
    with open_database(as_location(path), read_only=True) as db, db.reader() as s:
        data = s.scalar(
            select(m.ReportEdition.docx).where(
                m.ReportEdition.id == edition_id, m.ReportEdition.deleted_at.is_(None)
            )
        )
    if data is None:
        raise ValidationError("Utgåvan finns inte längre i filen.")
    return bytes(data)


def _info(row: m.ReportEdition, kind: ReportKind, title: str) -> EditionInfo:
    return EditionInfo(
        row.id,
        kind,
        title,
        row.edition_date,
        row.label,
        len(row.docx or b""),
        row.sha256,
        row.created_at,
    )


def _kind(name: str) -> ReportKind:
    if name not in EDITION_KINDS:
        raise ValidationError(
            f"Utgåvor finns för {' och '.join(EDITION_KINDS)}, inte för «{name}»."
        )
    return EDITION_KINDS[name]
