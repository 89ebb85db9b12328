"""Everything a Word/Excel report needs, read in one read-only session into the plain
dataclasses of ``domain/report_model.py``.

The exporters (``utredning_app/exporting``) get only these objects: no ORM rows, no SQL. Private
content (sections and dissents marked *privat*/*parti*) is dropped here, with the one shared rule
in ``domain/visibility.py``; notes are never part of a report.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.domain.enums import (
    ResponseStatus,
    StanceKind,
)
from utredning_app.domain.formatting import swedish_sort_key
from utredning_app.domain.report_model import (
    AssessmentData,
    ConsulteeData,
    CriterionData,
    DissentData,
    EditionData,
    InvestigationInfo,
    MemberData,
    MilestoneData,
    OptionData,
    PartyData,
    ProposalData,
    ProviderData,
    QuoteData,
    ReportData,
    ReportInfo,
    ResponseData,
    RoundData,
    SectionData,
    SnapshotProposal,
    StanceData,
)
from utredning_app.domain.visibility import is_private
from utredning_app.storage import models as m
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.location import Location


def load_report_data(path: Location) -> ReportData:
    """Open ``path`` read-only and read everything the reports need (one snapshot)."""
    with open_database(path, read_only=True) as db, db.reader() as session:
        return _read(db, session)


def read_report_data(
    db: Database, s: Session, *, cost_model_read: Callable[[ReportData], None] | None = None
) -> ReportData:
    """What ``load_report_data`` reads, from an open file's session.

    ``cost_model_read(data)`` is called as soon as the cost model has been read, with
    ``data`` so far: the investigation, milestones, parties, members, providers, options,
    criteria, assessments, the reports (with their sections and editions) and the cost model.
    """
    return _read(db, s, cost_model_read)


def _read(
    db: Database, s: Session, cost_model_read: Callable[[ReportData], None] | None = None
) -> ReportData:
    inv = db.investigation(s)
    data = ReportData(
        InvestigationInfo(
            title=inv.title,
            diarienummer=inv.diarienummer,
            commissioned_by=inv.commissioned_by,
            region=inv.region,
            administration=inv.administration,
            case_officer=inv.case_officer,
            case_officer_contact=inv.case_officer_contact,
            directive_md=inv.directive_md,
            decided_on=inv.decided_on,
            score_min=inv.score_min,
            score_max=inv.score_max,
            horizon_start_year=inv.horizon_start_year,
            horizon_years=inv.horizon_years,
            discount_rate=inv.discount_rate,
            price_base_year=inv.price_base_year,
            signatory=inv.signatory,
            deciding_body=inv.deciding_body,
        )
    )

    data.milestones = sorted(
        (
            MilestoneData(r.kind, r.title, r.due_date, r.done)
            for r in s.scalars(select(m.Milestone).where(m.Milestone.deleted_at.is_(None)))
        ),
        key=lambda x: x.due_date,
    )
    parties = sorted(
        s.scalars(select(m.Party).where(m.Party.deleted_at.is_(None))),
        key=lambda p: (p.sort_order, p.abbreviation),
    )
    data.parties = [PartyData(p.id, p.abbreviation, p.name) for p in parties]
    party_abbr = {p.id: p.abbreviation for p in parties}
    party_name = {p.id: p.name for p in parties}
    members = list(s.scalars(select(m.Member).where(m.Member.deleted_at.is_(None))))
    data.members = [
        MemberData(x.id, x.name, x.role, party_abbr.get(x.party_id or "", ""), x.title)
        for x in members
    ]
    member_name = {x.id: x.name for x in members}
    member_party = {x.id: party_abbr.get(x.party_id or "", "") for x in members}
    data.providers = [
        ProviderData(
            p.id,
            p.name,
            p.short_name,
            p.legal_form,
            p.governed_by,
            p.description_md,
            p.employees,
            p.turnover_mnkr,
        )
        for p in s.scalars(
            select(m.ProviderUnit)
            .where(m.ProviderUnit.deleted_at.is_(None))
            .order_by(m.ProviderUnit.name)
        )
    ]
    options = sorted(
        s.scalars(select(m.GovernanceOption).where(m.GovernanceOption.deleted_at.is_(None))),
        key=lambda o: (not o.is_baseline, o.sort_order, o.code),
    )
    data.options = [
        OptionData(
            o.id, o.code, o.name, o.is_baseline, o.description_md, o.legal_aspects_md, o.effects_md
        )
        for o in options
    ]
    option_ids = {o.id for o in options}
    criteria = sorted(
        s.scalars(select(m.Criterion).where(m.Criterion.deleted_at.is_(None))),
        key=lambda c: (c.sort_order, c.name),
    )
    data.criteria = [
        CriterionData(c.id, c.name, c.kind, c.description_md, c.weight) for c in criteria
    ]
    for a in s.scalars(select(m.Assessment).where(m.Assessment.deleted_at.is_(None))):
        data.assessments[(a.option_id, a.criterion_id)] = AssessmentData(
            a.option_id, a.criterion_id, a.score, a.rationale_md, a.source
        )

    sections: dict[str, list[SectionData]] = defaultdict(list)
    for sec in s.scalars(
        select(m.Section)
        .where(m.Section.deleted_at.is_(None))
        .order_by(m.Section.sort_order, m.Section.title)
    ):
        if is_private(sec.visibility):
            continue
        sections[sec.report_id].append(SectionData(sec.key, sec.title, sec.body_md))
    editions = read_editions(s)
    for rep in s.scalars(
        select(m.Report).where(m.Report.deleted_at.is_(None)).order_by(m.Report.created_at)
    ):
        if rep.kind not in data.reports:
            data.reports[rep.kind] = ReportInfo(
                rep.kind,
                rep.title,
                rep.status,
                rep.report_date,
                tuple(sections.get(rep.id, ())),
                rep.id,
                tuple(editions.get(rep.id, ())),
            )

    # The estimates are the cost model's (read as column rows: the large investigation has
    # 2,000 estimates with 10,000 values); the reports read them there.
    from utredning_app.services.estimates import load_cost_model

    data.cost_model = load_cost_model(db, s)
    if cost_model_read is not None:
        cost_model_read(data)  # e.g. start the Monte Carlo while the rest is read

    links: dict[str, list[str]] = defaultdict(list)
    for link in s.scalars(select(m.ProposalOption).where(m.ProposalOption.deleted_at.is_(None))):
        if link.option_id in option_ids:
            links[link.proposal_id].append(link.option_id)
    data.proposals = [
        ProposalData(
            p.id,
            p.number,
            p.title,
            p.text_md,
            p.rationale_md,
            p.in_delrapport,
            p.in_slutrapport,
            tuple(links.get(p.id, ())),
        )
        for p in s.scalars(
            select(m.Proposal).where(m.Proposal.deleted_at.is_(None)).order_by(m.Proposal.number)
        )
    ]
    proposal_ids = {p.id for p in data.proposals}

    _read_rounds(s, data, proposal_ids)

    dissent_members: dict[str, list[str]] = defaultdict(list)
    for dm in s.scalars(select(m.DissentMember).where(m.DissentMember.deleted_at.is_(None))):
        if dm.member_id in member_name:
            dissent_members[dm.dissent_id].append(dm.member_id)
    data.dissents = [
        DissentData(
            d.kind,
            d.proposal_id if d.proposal_id in proposal_ids else None,
            party_abbr.get(d.party_id or "", ""),
            party_name.get(d.party_id or "", ""),
            d.title,
            d.text_md,
            tuple(sorted(member_name[x] for x in dissent_members.get(d.id, ()))),
            tuple(sorted((member_name[x], member_party[x]) for x in dissent_members.get(d.id, ()))),
        )
        for d in s.scalars(select(m.Dissent).where(m.Dissent.deleted_at.is_(None)))
        if not is_private(d.visibility)
    ]
    order = {p.abbreviation: i for i, p in enumerate(data.parties)}
    data.dissents.sort(key=lambda d: (d.kind.value, order.get(d.party, 99), d.title))
    from utredning_app.services.appraisal import load_appraisal

    data.appraisal = load_appraisal(db, s)
    return data


def _read_rounds(s: Session, data: ReportData, proposal_ids: set[str]) -> None:
    number = {p.id: p.number for p in data.proposals}
    round_props: dict[str, list[str]] = defaultdict(list)
    for rp in s.scalars(select(m.RoundProposal).where(m.RoundProposal.deleted_at.is_(None))):
        if rp.proposal_id in proposal_ids:
            round_props[rp.round_id].append(rp.proposal_id)

    stances: dict[str, dict[str, StanceData]] = defaultdict(dict)
    for row in s.execute(
        select(
            m.Stance.response_id, m.Stance.proposal_id, m.Stance.stance, m.Stance.comment_md
        ).where(m.Stance.deleted_at.is_(None))
    ):
        if row.proposal_id in proposal_ids:
            stances[row.response_id][row.proposal_id] = StanceData(row.stance, row.comment_md)
    quotes: dict[str, list[QuoteData]] = defaultdict(list)
    for q in s.execute(
        select(m.Quote.response_id, m.Quote.proposal_id, m.Quote.text, m.Quote.is_key)
        .where(m.Quote.deleted_at.is_(None))
        .order_by(m.Quote.start_offset)
    ):
        pid = q.proposal_id if q.proposal_id in proposal_ids else None
        quotes[q.response_id].append(QuoteData(pid, q.text, q.is_key))

    responses: dict[str, ResponseData] = {}
    latest: dict[str, tuple[dt.date, str]] = {}
    for r in s.execute(
        select(
            m.Response.id,
            m.Response.consultee_id,
            m.Response.received_date,
            m.Response.their_reference,
            m.Response.summary_md,
            m.Response.created_at,
            m.Response.status,
        ).where(m.Response.deleted_at.is_(None))
    ):
        stamp = (r.received_date or dt.date.min, str(r.created_at))
        if r.consultee_id in latest and latest[r.consultee_id] >= stamp:
            continue
        latest[r.consultee_id] = stamp
        responses[r.consultee_id] = ResponseData(
            r.received_date,
            r.their_reference,
            r.summary_md,
            stances.get(r.id, {}),
            tuple(quotes.get(r.id, ())),
            declined=r.status == ResponseStatus.AVSTATT,
        )

    consultees: dict[str, list[ConsulteeData]] = defaultdict(list)
    for c in s.execute(
        select(
            m.Consultee.id,
            m.Consultee.round_id,
            m.Consultee.name,
            m.Consultee.type,
            m.Consultee.invited,
        ).where(m.Consultee.deleted_at.is_(None))
    ):
        response = responses.get(c.id)
        if response is not None and response.declined and not response.stances:
            # "Avstått" as the answer's status: the instans declines every proposal on remiss.
            declined = StanceData(StanceKind.AVSTAR, "")
            response = replace(
                response, stances={pid: declined for pid in round_props.get(c.round_id, [])}
            )
        consultees[c.round_id].append(ConsulteeData(c.id, c.name, c.type, c.invited, response))
    comments: dict[str, dict[str, str]] = defaultdict(dict)
    for c_round, c_proposal, c_text in s.execute(
        select(
            m.RemissComment.round_id, m.RemissComment.proposal_id, m.RemissComment.text_md
        ).where(m.RemissComment.deleted_at.is_(None))
    ):
        if c_proposal in proposal_ids and c_text.strip():
            comments[c_round][c_proposal] = c_text
    for rnd in s.scalars(
        select(m.ConsultationRound)
        .where(m.ConsultationRound.deleted_at.is_(None))
        .order_by(m.ConsultationRound.sent_date, m.ConsultationRound.created_at)
    ):
        members = sorted(consultees.get(rnd.id, []), key=lambda c: swedish_sort_key(c.name))
        data.rounds.append(
            RoundData(
                rnd.id,
                rnd.name,
                rnd.sent_date,
                rnd.deadline,
                rnd.description_md,
                tuple(sorted(round_props.get(rnd.id, []), key=lambda p: number[p])),
                tuple(members),
                comments.get(rnd.id, {}),
            )
        )


def read_editions(s: Session) -> dict[str, list[EditionData]]:
    """The sent editions per report id (oldest first), without their .docx bytes."""
    import json

    found: dict[str, list[EditionData]] = defaultdict(list)
    for row in s.execute(
        select(
            m.ReportEdition.id,
            m.ReportEdition.report_id,
            m.ReportEdition.edition_date,
            m.ReportEdition.label,
            m.ReportEdition.snapshot_json,
        )
        .where(m.ReportEdition.deleted_at.is_(None))
        .order_by(m.ReportEdition.edition_date, m.ReportEdition.created_at)
    ):
        try:
            snapshot = json.loads(row.snapshot_json or "{}")
        except ValueError:
            snapshot = {}
        proposals = tuple(
            SnapshotProposal(
                str(p.get("id", "")),
                int(p.get("number", 0)),
                str(p.get("title", "")),
                str(p.get("text_md", "")),
            )
            for p in snapshot.get("proposals", [])
            if isinstance(p, dict)
        )
        found[row.report_id].append(EditionData(row.id, row.edition_date, row.label, proposals))
    return found
