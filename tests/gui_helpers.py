"""Test data for the GUI and entity-service tests: a small but complete investigation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from utredning_app.services import entities
from utredning_app.storage.database import Database


def populate(db: Database) -> dict[str, Any]:
    """Fill ``db`` with one of everything the views show; returns the ids by name."""
    ids: dict[str, Any] = {}
    c = entities.create
    inv = entities.investigation(db)
    entities.update(
        db,
        "investigation",
        inv["id"],
        {
            "commissioned_by": "Regionstyrelsen",
            "directive_md": "Utredningen ska belysa **legala aspekter**, kapacitet, kvalitet och "
            "kostnadsutveckling.\n\n- Delrapport i juni\n- Slutrapport i september\n",
            "case_officer": "Eva Ek",
        },
    )
    today = dt.date.today()
    c(
        db,
        "milestone",
        {"title": "Delrapport", "kind": "delrapport", "due_date": today + dt.timedelta(days=30)},
    )
    c(
        db,
        "milestone",
        {"title": "Slutrapport", "kind": "slutrapport", "due_date": today + dt.timedelta(days=120)},
    )
    parties = {}
    for i, (abbr, name) in enumerate(
        [
            ("M", "Moderaterna"),
            ("S", "Socialdemokraterna"),
            ("V", "Vänsterpartiet"),
            ("Ö", "Övriga"),
        ]
    ):
        parties[abbr] = c(db, "party", {"abbreviation": abbr, "name": name, "sort_order": i})
    ids["parties"] = parties
    ids["member"] = c(
        db, "member", {"name": "Anna Andersson", "role": "ordforande", "party_id": parties["M"]}
    )
    c(db, "member", {"name": "Östen Öberg", "role": "ledamot", "party_id": parties["S"]})
    c(db, "member", {"name": "Åsa Åberg", "role": "ledamot", "party_id": parties["V"]})
    ids["provider"] = c(
        db,
        "provider_unit",
        {
            "name": "Södersjukhuset AB",
            "short_name": "SÖS",
            "legal_form": "aktiebolag",
            "employees": 4500,
            "turnover_mnkr": 6200.5,
        },
    )
    c(
        db,
        "provider_unit",
        {
            "name": "Karolinska Universitetssjukhuset",
            "short_name": "KS",
            "legal_form": "forvaltning",
            "employees": 16000,
        },
    )
    options = [
        c(
            db,
            "governance_option",
            {"code": "A0", "name": "Nuvarande styrning", "is_baseline": True, "sort_order": 0},
        ),
        c(db, "governance_option", {"code": "A1", "name": "Akutsjukhusnämnd", "sort_order": 1}),
    ]
    ids["options"] = options
    criteria = [
        c(db, "criterion", {"name": "Legala aspekter", "kind": "legal", "sort_order": 0}),
        c(db, "criterion", {"name": "Kapacitet", "kind": "capacity", "sort_order": 1}),
        c(db, "criterion", {"name": "Omvårdnad", "kind": "nursing", "sort_order": 2}),
    ]
    ids["criteria"] = criteria
    ids["profile"] = c(db, "weight_profile", {"name": "Lika vikter"})
    c(db, "assessment", {"option_id": options[0], "criterion_id": criteria[0], "score": 3.0})
    c(db, "assessment", {"option_id": options[1], "criterion_id": criteria[0], "score": 4.0})
    ids["estimate"] = c(
        db,
        "estimate",
        {
            "name": "Omställningskostnad",
            "option_id": options[1],
            "kind": "cost_one_off",
            "unit": "mnkr",
        },
    )
    c(
        db,
        "estimate_value",
        {"estimate_id": ids["estimate"], "year": 2024, "low": 10.0, "base": 15.0, "high": 25.0},
    )
    ids["proposal"] = c(db, "proposal", {"number": 1, "title": "Inrätta en akutsjukhusnämnd"})
    ids["report"] = c(db, "report", {"kind": "delrapport", "title": "Delrapport"})
    ids["section"] = c(
        db,
        "section",
        {
            "report_id": ids["report"],
            "key": "sammanfattning",
            "title": "Sammanfattning",
            "sort_order": 1,
            "body_md": "Utredningen föreslår **en nämnd**.\n",
        },
    )
    ids["round"] = c(
        db,
        "consultation_round",
        {
            "name": "Remiss av delrapporten",
            "report_id": ids["report"],
            "sent_date": dt.date(2023, 7, 1),
            "deadline": dt.date(2023, 9, 1),
        },
    )
    ids["consultee"] = c(
        db,
        "consultee",
        {"round_id": ids["round"], "name": "Hälso- och sjukvårdsnämnden", "type": "namnd"},
    )
    ids["response"] = c(
        db, "response", {"consultee_id": ids["consultee"], "received_date": dt.date(2023, 8, 20)}
    )
    ids["stance"] = c(
        db,
        "stance",
        {"response_id": ids["response"], "proposal_id": ids["proposal"], "stance": "tillstyrker"},
    )
    ids["dissent"] = c(
        db,
        "dissent",
        {
            "kind": "reservation",
            "title": "Reservation (V)",
            "proposal_id": ids["proposal"],
            "party_id": parties["V"],
        },
    )
    return ids
