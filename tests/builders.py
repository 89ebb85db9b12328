"""Builds an investigation with at least one row of every tracked model (test data)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from utredning_app.domain.enums import (
    Actor,
    ConsulteeType,
    CriterionKind,
    DissentKind,
    EstimateKind,
    LegalForm,
    MemberRole,
    MilestoneKind,
    ReportKind,
    ResponseStatus,
    StanceKind,
    Visibility,
)
from utredning_app.storage import models as m
from utredning_app.storage.database import Database


def fill_every_entity(db: Database) -> dict[str, str]:
    """Add one row of every entity (plus a tombstoned one); return ids by table name."""
    ids: dict[str, str] = {}
    with db.transaction() as s:
        inv = db.investigation(s)
        inv.directive_md = "## Direktiv\n\nUtred **styrningen** av den egenägda vården."
        inv.decided_on = dt.date(2022, 12, 13)
        inv.region = "Region Stockholm"
        ids["investigation"] = inv.id
        rows = _rows(s)
        for row in rows:
            s.add(row)
        s.flush()
        for row in rows:
            ids.setdefault(row.__tablename__, row.id)
        gone = m.Party(abbreviation="X", name="Upplöst parti", deleted_at=dt.datetime(2023, 1, 1))
        s.add(gone)
    return ids


def _rows(s: Session) -> list[m.TrackedMixin]:  # type: ignore[name-defined]
    party = m.Party(abbreviation="MP", name="Miljöpartiet de gröna", colour="#83CF39")
    member = m.Member(name="Åsa Öberg", role=MemberRole.LEDAMOT, party=party, email="a@ex.se")
    unit = m.ProviderUnit(
        name="Södersjukhuset AB",
        short_name="SÖS",
        legal_form=LegalForm.AKTIEBOLAG,
        governed_by="Regionstyrelsen",
        employees=5200,
        turnover_mnkr=6123.5,
    )
    option = m.GovernanceOption(code="B", name="Akutsjukhusnämnd", is_baseline=False)
    criterion = m.Criterion(name="Omvårdnad", kind=CriterionKind.NURSING, weight=1.5)
    s.add_all([party, member, unit, option, criterion])
    s.flush()
    assessment = m.Assessment(
        option_id=option.id, criterion_id=criterion.id, score=4.0, rationale_md="Stärks."
    )
    profile = m.WeightProfile(name="MP:s vikter", party_id=party.id)
    s.add(profile)
    s.flush()
    weight = m.ProfileWeight(profile_id=profile.id, criterion_id=criterion.id, weight=30.0)
    estimate = m.Estimate(
        option_id=option.id,
        provider_unit_id=unit.id,
        kind=EstimateKind.COST_ONE_OFF,
        name="Ombildning",
        unit="mnkr",
        actor=Actor.REGION,
        price_base_year=2023,
        assumption_md="Engångskostnad för ombildning.",
        source="Egen beräkning",
        financing="Inom ram",
    )
    s.add(estimate)
    s.flush()
    value = m.EstimateValue(estimate_id=estimate.id, year=2024, low=10.0, base=12.5, high=20.0)
    proposal = m.Proposal(number=1, title="Inrätta en akutsjukhusnämnd", text_md="Förslag.")
    report = m.Report(
        kind=ReportKind.DELRAPPORT, title="Delrapport", report_date=dt.date(2023, 6, 30)
    )
    s.add_all([proposal, report])
    s.flush()
    link = m.ProposalOption(proposal_id=proposal.id, option_id=option.id)
    section = m.Section(
        report_id=report.id, key="sammanfattning", title="Sammanfattning", body_md="Text."
    )
    note = m.Note(title="Min anteckning", body_md="Privat.", visibility=Visibility.PRIVAT)
    rnd = m.ConsultationRound(
        name="Remiss av delrapporten",
        report_id=report.id,
        sent_date=dt.date(2023, 7, 3),
        deadline=dt.date(2023, 9, 1),
    )
    milestone = m.Milestone(
        kind=MilestoneKind.DELRAPPORT, title="Delrapport", due_date=dt.date(2023, 6, 30)
    )
    s.add_all([link, section, note, rnd, milestone])
    s.flush()
    rp = m.RoundProposal(round_id=rnd.id, proposal_id=proposal.id)
    consultee = m.Consultee(round_id=rnd.id, name="Vårdförbundet", type=ConsulteeType.FACKLIG)
    s.add_all([rp, consultee])
    s.flush()
    response = m.Response(
        consultee_id=consultee.id,
        received_date=dt.date(2023, 8, 30),
        status=ResponseStatus.KODAD,
        extracted_text="Vårdförbundet tillstyrker förslaget.",
    )
    s.add(response)
    s.flush()
    attachment = m.Attachment(
        response_id=response.id,
        file_name="svar.docx",
        media_type="application/octet-stream",
        sha256="0" * 64,
        size=4,
        data=b"\x00\xffab",
    )
    stance = m.Stance(
        response_id=response.id, proposal_id=proposal.id, stance=StanceKind.TILLSTYRKER
    )
    quote = m.Quote(
        response_id=response.id,
        proposal_id=proposal.id,
        text="tillstyrker",
        start_offset=15,
        end_offset=26,
        is_key=True,
    )
    dissent = m.Dissent(
        kind=DissentKind.RESERVATION,
        proposal_id=proposal.id,
        party_id=party.id,
        text_md="Vi reserverar oss.",
    )
    s.add_all([weight, value, attachment, stance, quote, dissent])
    s.flush()
    dm = m.DissentMember(dissent_id=dissent.id, member_id=member.id)
    comment = m.RemissComment(
        round_id=rnd.id, proposal_id=proposal.id, text_md="Utredningen *delar* bedömningen."
    )
    edition = m.ReportEdition(
        report_id=report.id,
        edition_date=dt.date(2023, 6, 30),
        label="Remissutgåva",
        snapshot_json='{"proposals": []}',
        sha256="0" * 64,
        docx=b"PK\x03\x04",
    )
    s.add_all([dm, comment, edition])
    return [
        party,
        member,
        unit,
        option,
        criterion,
        assessment,
        profile,
        weight,
        estimate,
        value,
        proposal,
        report,
        link,
        section,
        note,
        rnd,
        milestone,
        rp,
        consultee,
        response,
        attachment,
        stance,
        quote,
        comment,
        edition,
        dissent,
        dm,
    ]
