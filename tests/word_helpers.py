"""Hand-built investigation data for the Word/Excel report tests.

``fill_small_investigation(db)`` writes a small but complete investigation: providers, options
(with a baseline), criteria and assessments, cost and quality estimates, proposals numbered
2, 3 and 5 (numbers are kept, not renumbered), reports with Markdown sections, a remiss round
with answers, stances and key quotes, dissents — and private content that must never appear in
a report (it contains ``PRIVATE_MARKER``).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

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
    StanceKind,
    Visibility,
)
from utredning_app.storage import models as m
from utredning_app.storage.database import Database

PRIVATE_MARKER = "HEMLIGANTECKNING"
PROPOSAL_TITLES = {
    2: "Akutsjukhusen drivs som förvaltningar under en akutsjukhusnämnd",
    3: "Beställar-utförarmodellen ersätts av ett samlat uppdrag",
    5: "Nivåstrukturering samordnas regionövergripande",
}

SUMMARY_MD = """Utredningen föreslår att **akutsjukhusen** drivs i *förvaltningsform*.

- Tydligare styrning
- Bättre samverkan
  - mellan sjukhusen

1. Första steget
2. Andra steget

| Alternativ | Bedömning |
|---|---|
| A | Bra |

Läs mer på [regionens webbplats](https://www.regionstockholm.se).
"""


def fill_small_investigation(db: Database, *, consultees: int = 6) -> None:
    with db.transaction() as s:
        inv = db.investigation(s)
        inv.region = "Region Stockholm"
        inv.administration = "Regionledningskontoret"
        inv.case_officer = "Karin Ek"
        inv.case_officer_contact = "karin.ek@example.se, 08-123 456 78"
        inv.commissioned_by = "Regionstyrelsen"
        inv.decided_on = dt.date(2022, 11, 15)
        inv.directive_md = "Utredningen ska analysera **styrningen** av den egenägda vården."
        inv.horizon_start_year = 2024
        inv.horizon_years = 3

        parties = {}
        for i, (abbr, name) in enumerate([("M", "Moderaterna"), ("S", "Socialdemokraterna")]):
            parties[abbr] = m.Party(abbreviation=abbr, name=name, sort_order=i)
            s.add(parties[abbr])
        s.flush()
        chair = m.Member(name="Anna Ordf", role=MemberRole.ORDFORANDE, party_id=parties["M"].id)
        opposition = m.Member(name="Bo Oppo", role=MemberRole.LEDAMOT, party_id=parties["S"].id)
        s.add_all([chair, opposition])
        s.add_all(
            [
                m.ProviderUnit(
                    name="Södersjukhuset AB",
                    legal_form=LegalForm.AKTIEBOLAG,
                    governed_by="Bolagsstyrelse",
                    employees=5200,
                    turnover_mnkr=6500.0,
                    description_md="Ett **akutsjukhus** på Södermalm.",
                ),
                m.ProviderUnit(
                    name="Karolinska Universitetssjukhuset",
                    legal_form=LegalForm.FORVALTNING,
                    governed_by="Hälso- och sjukvårdsnämnden",
                ),
            ]
        )
        base = m.GovernanceOption(
            code="A0", name="Dagens modell", is_baseline=True, description_md="Som i dag."
        )
        alt = m.GovernanceOption(
            code="A1",
            name="Akutsjukhusnämnd",
            description_md="En ny nämnd.",
            legal_aspects_md="Kräver beslut i **fullmäktige**.",
            effects_md="Samlad styrning.",
            sort_order=1,
        )
        s.add_all([base, alt])
        s.flush()
        crits = [
            m.Criterion(name="Legala aspekter", kind=CriterionKind.LEGAL, sort_order=0),
            m.Criterion(name="Kostnad", kind=CriterionKind.COST, sort_order=1, weight=2.0),
        ]
        s.add_all(crits)
        s.flush()
        for option, scores in ((base, (3, 3)), (alt, (4, 2))):
            for crit, score in zip(crits, scores, strict=True):
                s.add(
                    m.Assessment(
                        option_id=option.id,
                        criterion_id=crit.id,
                        score=score,
                        rationale_md=f"Motivering för {option.code}.",
                    )
                )
        for option, level in ((base, 100.0), (alt, 120.0)):
            est = m.Estimate(
                option_id=option.id,
                kind=EstimateKind.COST_ANNUAL,
                name="Administration",
                unit="mnkr",
                actor=Actor.REGION,
                financing="Inom ram",
            )
            s.add(est)
            s.flush()
            for i, year in enumerate(range(2024, 2027)):
                s.add(
                    m.EstimateValue(
                        estimate_id=est.id,
                        year=year,
                        low=level + i - 10,
                        base=level + i,
                        high=level + i + 15,
                    )
                )
            q = m.Estimate(
                option_id=option.id, kind=EstimateKind.QUALITY, name="Väntetid", unit="dagar"
            )
            s.add(q)
            s.flush()
            s.add(m.EstimateValue(estimate_id=q.id, year=2026, low=20, base=25, high=30))

        proposals = {}
        for number, title in PROPOSAL_TITLES.items():
            proposals[number] = m.Proposal(
                number=number,
                title=title,
                text_md=f"Regionfullmäktige beslutar att {title.lower()}.",
                rationale_md=f"Skälen för förslag {number} är *goda*.",
                in_delrapport=number != 5,
            )
            s.add(proposals[number])
        s.flush()
        s.add(m.ProposalOption(proposal_id=proposals[2].id, option_id=alt.id))

        for kind in (ReportKind.DELRAPPORT, ReportKind.SLUTRAPPORT):
            report = m.Report(kind=kind, title=f"{kind.label} om styrningen")
            s.add(report)
            s.flush()
            s.add_all(
                [
                    m.Section(
                        report_id=report.id,
                        key="sammanfattning",
                        title="Sammanfattning",
                        body_md=SUMMARY_MD,
                    ),
                    m.Section(
                        report_id=report.id,
                        key="nulage",
                        title="Nuläge",
                        body_md="## Styrningen i dag\n\nBolag och förvaltningar.",
                    ),
                    m.Section(
                        report_id=report.id,
                        key="sammanfattning",
                        title="Privat utkast",
                        body_md=f"{PRIVATE_MARKER} privat text",
                        visibility=Visibility.PRIVAT,
                        sort_order=-1,
                    ),
                    m.Section(
                        report_id=report.id,
                        key="fortsatt_arbete",
                        title="Partiets",
                        body_md=f"{PRIVATE_MARKER} partiets text",
                        visibility=Visibility.PARTI,
                    ),
                ]
            )
        s.add(
            m.Note(
                title="Anteckning",
                body_md=f"{PRIVATE_MARKER} anteckning",
                visibility=Visibility.PRIVAT,
            )
        )
        s.add(
            m.Milestone(
                kind=MilestoneKind.SLUTRAPPORT, title="Slutrapport", due_date=dt.date(2023, 9, 30)
            )
        )
        rnd = m.ConsultationRound(
            name="Remiss av delrapporten",
            sent_date=dt.date(2023, 6, 30),
            deadline=dt.date(2023, 8, 31),
        )
        s.add(rnd)
        s.flush()
        for number in (2, 3):
            s.add(m.RoundProposal(round_id=rnd.id, proposal_id=proposals[number].id))
        stances = list(StanceKind)
        for i in range(consultees):
            c = m.Consultee(
                round_id=rnd.id,
                name=f"Remissinstans {i + 1:03d}",
                type=ConsulteeType.NAMND if i % 2 else ConsulteeType.BOLAG,
            )
            s.add(c)
            s.flush()
            if i == consultees - 1:
                continue  # the last one does not answer
            r = m.Response(consultee_id=c.id, received_date=dt.date(2023, 8, 20))
            s.add(r)
            s.flush()
            for j, number in enumerate((2, 3)):
                s.add(
                    m.Stance(
                        response_id=r.id,
                        proposal_id=proposals[number].id,
                        stance=stances[(i + j) % len(stances)],
                        comment_md=f"Synpunkt från instans {i + 1} om förslag {number}.",
                    )
                )
            s.add(
                m.Quote(
                    response_id=r.id,
                    proposal_id=proposals[2].id,
                    text=f"Nyckelcitat {i + 1} om nämnden",
                    is_key=i < 2,
                )
            )
        reservation = m.Dissent(
            kind=DissentKind.RESERVATION,
            proposal_id=proposals[2].id,
            party_id=parties["S"].id,
            title="Behåll bolagen",
            text_md="Vi reserverar oss mot förslaget.",
        )
        s.add(reservation)
        s.flush()
        # Signed by members of two parties: each is printed with the member's own party.
        members = s.query(m.Member).all()
        for member in members:
            s.add(m.DissentMember(dissent_id=reservation.id, member_id=member.id))
        s.add(
            m.Dissent(
                kind=DissentKind.SARSKILT_YTTRANDE,
                proposal_id=proposals[3].id,
                party_id=parties["M"].id,
                text_md=f"{PRIVATE_MARKER} ej släppt yttrande",
                visibility=Visibility.PARTI,
            )
        )


# ------------------------------------------------------------------ reading documents back


def docx_text(path: Path) -> str:
    """All text of a .docx: body paragraphs, tables, headers and footers."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            parts.extend(p.text for p in part.paragraphs)
    return "\n".join(parts)


def has_draft_watermark(path: Path) -> bool:
    """Whether the .docx carries the UTKAST watermark (a text shape in the page header)."""
    import docx

    header = docx.Document(str(path)).sections[0].header
    return 'string="UTKAST"' in header._element.xml


def headings(path: Path, level: int = 1) -> list[str]:
    import docx

    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def soffice_convert(sources: list[Path], fmt: str, out_dir: Path, profile: Path) -> list[Path]:
    """Convert ``sources`` with LibreOffice headless to ``fmt`` (e.g. ``pdf``, or ``xlsx`` to
    have every formula computed and stored), with a private profile so parallel runs don't
    collide. Returns the converted files."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) behövs för testet"
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return [out_dir / f"{src.stem}.{fmt}" for src in sources]


def to_pdf(docx_path: Path, workdir: Path) -> Path:
    """The PDF LibreOffice makes of ``docx_path`` (under ``workdir``)."""
    (pdf,) = soffice_convert([docx_path], "pdf", workdir / "pdf", workdir / "lo-profile")
    assert pdf.is_file(), f"LibreOffice wrote no PDF for {docx_path.name}"
    return pdf


def pdf_pages_text(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


_NUM = r"[−-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?"
_INTERVAL = re.compile(rf"({_NUM}) \(({_NUM})[ \u00a0\u202f]*–[ \u00a0\u202f]*({_NUM})\)")


def _swedish_float(text: str) -> float:
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    return float(cleaned.replace("−", "-").replace(",", "."))


def printed_intervals(text: str) -> list[tuple[float, float, float]]:
    """Every ``x (a – b)`` printed in ``text`` as (x, a, b)."""
    return [
        (_swedish_float(m.group(1)), _swedish_float(m.group(2)), _swedish_float(m.group(3)))
        for m in _INTERVAL.finditer(text)
    ]


def disordered_intervals(text: str) -> list[tuple[float, float, float]]:
    """The printed intervals whose value lies outside them or that run backwards."""
    return [(x, a, b) for x, a, b in printed_intervals(text) if not a <= x <= b]
