"""Generator of the large investigation used by every benchmark.

Size (issue 2): 50 options, 2,000 estimates (× 5 years), 300 consultees, 300 responses of
~20 pages of text each, 25 proposals (7,500 stances), 8 parties with weight profiles.
Written with bulk Core inserts in one transaction (the audit log is not generated: it
would only double the text). Deterministic: the same seed gives the same file content.

    python -m benchmarks.generate OUT.utredning
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from utredning_app.domain.enums import (
    Actor,
    ConsulteeType,
    CriterionKind,
    DissentKind,
    EstimateKind,
    LegalForm,
    MemberRole,
    ReportKind,
    ResponseStatus,
    StanceKind,
)
from utredning_app.storage import models as m
from utredning_app.storage.base import new_id
from utredning_app.storage.database import create_database

GENERATOR_VERSION = 1
OPTIONS = 50
ESTIMATES = 2000
CONSULTEES = 300
RESPONSES = 300
PROPOSALS = 25
PAGES_PER_RESPONSE = 20
CHARS_PER_PAGE = 3000
YEARS = (2024, 2025, 2026, 2027, 2028)

_WORDS = [
    "styrning",
    "nämndstyrning",
    "akutsjukhus",
    "beställar-utförarmodellen",
    "vårdplatser",
    "kapacitet",
    "kvalitet",
    "kostnadsutveckling",
    "omvårdnadsperspektivet",
    "regionstyrelsen",
    "hälso-",
    "och",
    "sjukvårdsnämnden",
    "förvaltning",
    "aktiebolag",
    "ägarstyrning",
    "produktionssamordning",
    "nivåstrukturering",
    "patientsäkerhet",
    "kompetensförsörjning",
    "sjuksköterskor",
    "undersköterskor",
    "väntetider",
    "vårdskador",
    "primärvården",
    "remissinstansen",
    "tillstyrker",
    "avstyrker",
    "synpunkter",
    "delrapporten",
    "förslaget",
    "utredningen",
    "samverkan",
    "resursutnyttjande",
    "pandemin",
    "ekonomi",
    "budget",
    "ersättningsmodell",
    "uppföljning",
    "ledning",
    "medarbetare",
    "arbetsmiljö",
    "digitalisering",
    "akutmottagning",
    "specialistvård",
]


def _paragraph(rng: random.Random, words: int) -> str:
    picked = [rng.choice(_WORDS) for _ in range(words)]
    picked[0] = picked[0].capitalize()
    return " ".join(picked) + "."


def _text(rng: random.Random, chars: int) -> str:
    parts: list[str] = []
    size = 0
    while size < chars:
        para = _paragraph(rng, rng.randint(40, 120))
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts)


def generate_large(path: Path, *, seed: int = 2023) -> Path:
    rng = random.Random(seed)
    db = create_database(
        path,
        title="Stor genererad utredning (prestandamätning)",
        diarienummer="RS 2099-9999",
        actor="Generator",
    )
    rows: dict[str, list[dict[str, Any]]] = {}

    def add(table: str, **values: Any) -> str:
        values.setdefault("id", new_id())
        rows.setdefault(table, []).append(values)
        return str(values["id"])

    parties = [
        add("party", abbreviation=a, name=n, sort_order=i)
        for i, (a, n) in enumerate(
            [
                ("M", "Moderaterna"),
                ("S", "Socialdemokraterna"),
                ("SD", "Sverigedemokraterna"),
                ("C", "Centerpartiet"),
                ("V", "Vänsterpartiet"),
                ("KD", "Kristdemokraterna"),
                ("L", "Liberalerna"),
                ("MP", "Miljöpartiet de gröna"),
            ]
        )
    ]
    members = [
        add("member", name=f"Ledamot {i + 1}", role=MemberRole.LEDAMOT, party_id=parties[i % 8])
        for i in range(24)
    ]
    for i in range(40):
        add(
            "provider_unit",
            name=f"Verksamhet {i + 1} AB" if i % 2 else f"Förvaltning {i + 1}",
            legal_form=LegalForm.AKTIEBOLAG if i % 2 else LegalForm.FORVALTNING,
            employees=rng.randint(200, 15000),
            turnover_mnkr=round(rng.uniform(100, 20000), 1),
        )
    options = [
        add(
            "governance_option",
            code=f"A{i}",
            name=f"Styrmodell {i}",
            is_baseline=(i == 0),
            description_md=_text(rng, 1200),
            legal_aspects_md=_text(rng, 600),
            effects_md=_text(rng, 600),
            sort_order=i,
        )
        for i in range(OPTIONS)
    ]
    kinds = list(CriterionKind)
    criteria = [
        add("criterion", name=f"Bedömningsgrund {i + 1}", kind=kinds[i % len(kinds)], sort_order=i)
        for i in range(8)
    ]
    for option in options:
        for criterion in criteria:
            add(
                "assessment",
                option_id=option,
                criterion_id=criterion,
                score=float(rng.randint(1, 5)),
                rationale_md=_paragraph(rng, 30),
            )
    for party in parties:
        profile = add("weight_profile", name="Viktprofil", party_id=party)
        raw = [rng.uniform(1, 10) for _ in criteria]
        for criterion, w in zip(criteria, raw, strict=True):
            add("profile_weight", profile_id=profile, criterion_id=criterion, weight=w)
    est_kinds = list(EstimateKind)
    for i in range(ESTIMATES):
        kind = est_kinds[i % len(est_kinds)]
        unit = (
            "mnkr"
            if kind in (EstimateKind.COST_ONE_OFF, EstimateKind.COST_ANNUAL)
            else ("vårdplatser" if kind is EstimateKind.CAPACITY else "dagar")
        )
        estimate = add(
            "estimate",
            option_id=options[i % OPTIONS],
            kind=kind,
            name=f"Skattning {i + 1}",
            unit=unit,
            actor=list(Actor)[i % 4],
            price_base_year=2023,
            assumption_md=_paragraph(rng, 20),
            source="Genererad",
        )
        for year in YEARS:
            base = round(rng.uniform(-50, 200), 1)
            add(
                "estimate_value",
                estimate_id=estimate,
                year=year,
                low=round(base - rng.uniform(0, 30), 1),
                base=base,
                high=round(base + rng.uniform(0, 60), 1),
            )
    proposals = [
        add(
            "proposal",
            number=i + 1,
            title=f"Förslag {i + 1}: {_paragraph(rng, 8)}",
            text_md=_text(rng, 800),
        )
        for i in range(PROPOSALS)
    ]
    for i, proposal in enumerate(proposals):
        add("proposal_option", proposal_id=proposal, option_id=options[i % OPTIONS])
    report = add("report", kind=ReportKind.DELRAPPORT, title="Delrapport")
    slut = add("report", kind=ReportKind.SLUTRAPPORT, title="Slutrapport")
    for r in (report, slut):
        for j, key in enumerate(("sammanfattning", "uppdraget", "nulage", "overvaganden")):
            add(
                "section",
                report_id=r,
                key=key,
                title=key.capitalize(),
                body_md=_text(rng, 4000),
                sort_order=j,
            )
    rnd = add(
        "consultation_round",
        name="Remiss av delrapporten",
        report_id=report,
        sent_date=dt.date(2023, 7, 3),
        deadline=dt.date(2023, 9, 1),
    )
    for proposal in proposals:
        add("round_proposal", round_id=rnd, proposal_id=proposal)
    types = list(ConsulteeType)
    consultees = [
        add("consultee", round_id=rnd, name=f"Remissinstans {i + 1}", type=types[i % len(types)])
        for i in range(CONSULTEES)
    ]
    stances = list(StanceKind)
    for i in range(RESPONSES):
        text = _text(rng, PAGES_PER_RESPONSE * CHARS_PER_PAGE)
        response = add(
            "response",
            consultee_id=consultees[i],
            received_date=dt.date(2023, 8, 1) + dt.timedelta(days=rng.randint(0, 45)),
            status=ResponseStatus.KODAD,
            summary_md=_paragraph(rng, 40),
            extracted_text=text,
        )
        for proposal in proposals:
            add(
                "stance",
                response_id=response,
                proposal_id=proposal,
                stance=rng.choice(stances),
                comment_md=_paragraph(rng, 15),
            )
        for _ in range(3):
            start = rng.randint(0, len(text) - 300)
            add(
                "quote",
                response_id=response,
                proposal_id=rng.choice(proposals),
                text=text[start : start + 200],
                start_offset=start,
                end_offset=start + 200,
                is_key=rng.random() < 0.3,
            )
    dissent = add(
        "dissent",
        kind=DissentKind.RESERVATION,
        proposal_id=proposals[0],
        party_id=parties[4],
        text_md=_text(rng, 1500),
    )
    add("dissent_member", dissent_id=dissent, member_id=members[4])

    tables = {model.__tablename__: model.__table__ for model in m.TRACKED_MODELS}  # type: ignore[attr-defined]
    with db.engine.begin() as conn:
        for model in m.TRACKED_MODELS:
            name = model.__tablename__  # type: ignore[attr-defined]
            if rows.get(name):
                conn.execute(insert(tables[name]), rows[name])
    db.close()
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("användning: python -m benchmarks.generate UT.utredning", file=sys.stderr)
        return 2
    out = Path(argv[0])
    if out.exists():
        print(f"{out} finns redan", file=sys.stderr)
        return 1
    generate_large(out)
    print(f"Skrev {out} ({out.stat().st_size / 1024**2:.1f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
