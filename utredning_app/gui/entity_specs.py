"""How each entity is listed and edited (labels are Swedish source strings, see specs.py)."""

from __future__ import annotations

from utredning_app.domain.enums import Actor as EstimateActor
from utredning_app.domain.enums import (
    ConsulteeType,
    CriterionKind,
    DissentKind,
    EstimateKind,
    LegalForm,
    MemberRole,
    MilestoneKind,
    ReportKind,
    ReportStatus,
    ResponseStatus,
    StanceKind,
    Visibility,
)
from utredning_app.gui.specs import QT_TRANSLATE_NOOP, EntitySpec, FieldSpec, Ref

F = FieldSpec

PARTY_REF = Ref("party", ("abbreviation", "name"))
OPTION_REF = Ref("governance_option", ("code", "name"))
PROPOSAL_REF = Ref("proposal", ("number", "title"))

MILESTONE = EntitySpec(
    "milestone",
    QT_TRANSLATE_NOOP("Fält", "Milstolpar"),
    QT_TRANSLATE_NOOP("Fält", "Milstolpe"),
    (
        F("title", QT_TRANSLATE_NOOP("Fält", "Benämning")),
        F("kind", QT_TRANSLATE_NOOP("Fält", "Typ"), "enum", enum=MilestoneKind),
        F("due_date", QT_TRANSLATE_NOOP("Fält", "Datum"), "date"),
        F("done", QT_TRANSLATE_NOOP("Fält", "Klar"), "bool"),
    ),
    ("due_date", "title", "kind", "done"),
    order_by=("due_date",),
)

PARTY = EntitySpec(
    "party",
    QT_TRANSLATE_NOOP("Fält", "Partier"),
    QT_TRANSLATE_NOOP("Fält", "Parti"),
    (
        F(
            "abbreviation",
            QT_TRANSLATE_NOOP("Fält", "Förkortning"),
            placeholder=QT_TRANSLATE_NOOP("Fält", "t.ex. S"),
        ),
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F(
            "colour",
            QT_TRANSLATE_NOOP("Fält", "Färg"),
            placeholder=QT_TRANSLATE_NOOP("Fält", "#RRGGBB"),
        ),
        F("sort_order", QT_TRANSLATE_NOOP("Fält", "Ordning"), "int", grouping=False),
    ),
    ("abbreviation", "name", "colour"),
    order_by=("sort_order",),
)

MEMBER = EntitySpec(
    "member",
    QT_TRANSLATE_NOOP("Fält", "Ledamöter"),
    QT_TRANSLATE_NOOP("Fält", "Ledamot"),
    (
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F("role", QT_TRANSLATE_NOOP("Fält", "Roll"), "enum", enum=MemberRole),
        F("party_id", QT_TRANSLATE_NOOP("Fält", "Parti"), "ref", ref=PARTY_REF, nullable=True),
        F("title", QT_TRANSLATE_NOOP("Fält", "Titel")),
        F("email", QT_TRANSLATE_NOOP("Fält", "E-post")),
    ),
    ("name", "role", "party_id", "title", "email"),
)

PROVIDER_UNIT = EntitySpec(
    "provider_unit",
    QT_TRANSLATE_NOOP("Fält", "Verksamheter"),
    QT_TRANSLATE_NOOP("Fält", "Verksamhet"),
    (
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F("short_name", QT_TRANSLATE_NOOP("Fält", "Kortnamn")),
        F("legal_form", QT_TRANSLATE_NOOP("Fält", "Driftform"), "enum", enum=LegalForm),
        F("governed_by", QT_TRANSLATE_NOOP("Fält", "Styrs av")),
        F("employees", QT_TRANSLATE_NOOP("Fält", "Anställda"), "int"),
        F("turnover_mnkr", QT_TRANSLATE_NOOP("Fält", "Omsättning (mnkr)"), "float"),
        F("description_md", QT_TRANSLATE_NOOP("Fält", "Beskrivning"), "multiline"),
    ),
    ("name", "short_name", "legal_form", "governed_by", "employees", "turnover_mnkr"),
)

GOVERNANCE_OPTION = EntitySpec(
    "governance_option",
    QT_TRANSLATE_NOOP("Fält", "Styrmodeller"),
    QT_TRANSLATE_NOOP("Fält", "Styrmodell"),
    (
        F(
            "code",
            QT_TRANSLATE_NOOP("Fält", "Kod"),
            placeholder=QT_TRANSLATE_NOOP("Fält", "t.ex. A1"),
        ),
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F("is_baseline", QT_TRANSLATE_NOOP("Fält", "Nollalternativ"), "bool"),
        F("sort_order", QT_TRANSLATE_NOOP("Fält", "Ordning"), "int", grouping=False),
        F("description_md", QT_TRANSLATE_NOOP("Fält", "Beskrivning"), "multiline"),
        F("legal_aspects_md", QT_TRANSLATE_NOOP("Fält", "Legala aspekter"), "multiline"),
        F("effects_md", QT_TRANSLATE_NOOP("Fält", "Effekter"), "multiline"),
    ),
    ("code", "name", "is_baseline", "description_md"),
    order_by=("sort_order",),
)

CRITERION = EntitySpec(
    "criterion",
    QT_TRANSLATE_NOOP("Fält", "Bedömningsgrunder"),
    QT_TRANSLATE_NOOP("Fält", "Bedömningsgrund"),
    (
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F("kind", QT_TRANSLATE_NOOP("Fält", "Typ"), "enum", enum=CriterionKind),
        F("weight", QT_TRANSLATE_NOOP("Fält", "Vikt"), "float", decimals=2),
        F("sort_order", QT_TRANSLATE_NOOP("Fält", "Ordning"), "int", grouping=False),
        F("description_md", QT_TRANSLATE_NOOP("Fält", "Beskrivning"), "multiline"),
    ),
    ("name", "kind", "weight"),
    order_by=("sort_order",),
    defaults={"weight": 1.0},
)

ESTIMATE = EntitySpec(
    "estimate",
    QT_TRANSLATE_NOOP("Fält", "Skattningar"),
    QT_TRANSLATE_NOOP("Fält", "Skattning"),
    (
        F("name", QT_TRANSLATE_NOOP("Fält", "Benämning")),
        F("option_id", QT_TRANSLATE_NOOP("Fält", "Styrmodell"), "ref", ref=OPTION_REF),
        F("kind", QT_TRANSLATE_NOOP("Fält", "Typ"), "enum", enum=EstimateKind),
        F(
            "unit",
            QT_TRANSLATE_NOOP("Fält", "Enhet"),
            placeholder=QT_TRANSLATE_NOOP("Fält", "t.ex. mnkr"),
        ),
        F(
            "provider_unit_id",
            QT_TRANSLATE_NOOP("Fält", "Verksamhet"),
            "ref",
            ref=Ref("provider_unit", ("name",)),
            nullable=True,
        ),
        F("actor", QT_TRANSLATE_NOOP("Fält", "Bärs av"), "enum", enum=EstimateActor),
        F("price_base_year", QT_TRANSLATE_NOOP("Fält", "Prisbasår"), "int", grouping=False),
        F("assumption_md", QT_TRANSLATE_NOOP("Fält", "Antagande"), "multiline"),
        F("source", QT_TRANSLATE_NOOP("Fält", "Källa")),
        F("financing", QT_TRANSLATE_NOOP("Fält", "Finansiering")),
    ),
    ("name", "option_id", "kind", "unit", "actor", "source"),
    defaults={"unit": "mnkr"},
)

ESTIMATE_VALUE = EntitySpec(
    "estimate_value",
    QT_TRANSLATE_NOOP("Fält", "Värden per år"),
    QT_TRANSLATE_NOOP("Fält", "Värde för ett år"),
    (
        F("year", QT_TRANSLATE_NOOP("Fält", "År"), "int", grouping=False),
        F("low", QT_TRANSLATE_NOOP("Fält", "Låg"), "float"),
        F("base", QT_TRANSLATE_NOOP("Fält", "Bas"), "float"),
        F("high", QT_TRANSLATE_NOOP("Fält", "Hög"), "float"),
    ),
    ("year", "low", "base", "high"),
    order_by=("year",),
    parent_key="estimate_id",
)

PROPOSAL = EntitySpec(
    "proposal",
    QT_TRANSLATE_NOOP("Fält", "Förslag"),
    QT_TRANSLATE_NOOP("Fält", "Förslag"),
    (
        F("number", QT_TRANSLATE_NOOP("Fält", "Nummer"), "int", grouping=False),
        F("title", QT_TRANSLATE_NOOP("Fält", "Rubrik")),
        F("text_md", QT_TRANSLATE_NOOP("Fält", "Förslagstext"), "multiline"),
        F("rationale_md", QT_TRANSLATE_NOOP("Fält", "Motivering"), "multiline"),
        F("in_delrapport", QT_TRANSLATE_NOOP("Fält", "I delrapporten"), "bool"),
        F("in_slutrapport", QT_TRANSLATE_NOOP("Fält", "I slutrapporten"), "bool"),
    ),
    ("number", "title", "in_delrapport", "in_slutrapport", "text_md"),
    order_by=("number",),
    defaults={"in_delrapport": True, "in_slutrapport": True},
)

REPORT = EntitySpec(
    "report",
    QT_TRANSLATE_NOOP("Fält", "Rapporter"),
    QT_TRANSLATE_NOOP("Fält", "Rapport"),
    (
        F("title", QT_TRANSLATE_NOOP("Fält", "Titel")),
        F("kind", QT_TRANSLATE_NOOP("Fält", "Typ"), "enum", enum=ReportKind),
        F("status", QT_TRANSLATE_NOOP("Fält", "Status"), "enum", enum=ReportStatus),
        F("report_date", QT_TRANSLATE_NOOP("Fält", "Datum"), "date"),
    ),
    ("title", "kind", "status", "report_date"),
)

SECTION = EntitySpec(
    "section",
    QT_TRANSLATE_NOOP("Fält", "Avsnitt"),
    QT_TRANSLATE_NOOP("Fält", "Avsnitt"),
    (
        F("title", QT_TRANSLATE_NOOP("Fält", "Rubrik")),
        F(
            "key",
            QT_TRANSLATE_NOOP("Fält", "Nyckel"),
            placeholder=QT_TRANSLATE_NOOP("Fält", "t.ex. sammanfattning"),
        ),
        F("sort_order", QT_TRANSLATE_NOOP("Fält", "Ordning"), "int", grouping=False),
        F("visibility", QT_TRANSLATE_NOOP("Fält", "Synlighet"), "enum", enum=Visibility),
        F("author", QT_TRANSLATE_NOOP("Fält", "Författare")),
        F("author_party", QT_TRANSLATE_NOOP("Fält", "Författarens parti")),
    ),
    ("sort_order", "title", "visibility", "author"),
    order_by=("sort_order",),
    parent_key="report_id",
    defaults={"visibility": Visibility.GRUPPEN},
)

CONSULTATION_ROUND = EntitySpec(
    "consultation_round",
    QT_TRANSLATE_NOOP("Fält", "Remissomgångar"),
    QT_TRANSLATE_NOOP("Fält", "Remissomgång"),
    (
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F(
            "report_id",
            QT_TRANSLATE_NOOP("Fält", "Rapport"),
            "ref",
            ref=Ref("report", ("title",)),
            nullable=True,
        ),
        F("sent_date", QT_TRANSLATE_NOOP("Fält", "Skickad"), "date"),
        F("deadline", QT_TRANSLATE_NOOP("Fält", "Sista svarsdag"), "date"),
        F("description_md", QT_TRANSLATE_NOOP("Fält", "Beskrivning"), "multiline"),
    ),
    ("name", "report_id", "sent_date", "deadline"),
    order_by=("sent_date",),
)

CONSULTEE = EntitySpec(
    "consultee",
    QT_TRANSLATE_NOOP("Fält", "Remissinstanser"),
    QT_TRANSLATE_NOOP("Fält", "Remissinstans"),
    (
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F("type", QT_TRANSLATE_NOOP("Fält", "Typ"), "enum", enum=ConsulteeType),
        F("invited", QT_TRANSLATE_NOOP("Fält", "Inbjuden"), "bool"),
        F("contact_name", QT_TRANSLATE_NOOP("Fält", "Kontaktperson")),
        F("email", QT_TRANSLATE_NOOP("Fält", "E-post")),
        F("address", QT_TRANSLATE_NOOP("Fält", "Adress")),
    ),
    ("name", "type", "invited", "contact_name"),
    parent_key="round_id",
    defaults={"invited": True},
)

RESPONSE = EntitySpec(
    "response",
    QT_TRANSLATE_NOOP("Fält", "Remissvar"),
    QT_TRANSLATE_NOOP("Fält", "Remissvar"),
    (
        F("received_date", QT_TRANSLATE_NOOP("Fält", "Mottaget"), "date"),
        F("status", QT_TRANSLATE_NOOP("Fält", "Status"), "enum", enum=ResponseStatus),
        F("their_reference", QT_TRANSLATE_NOOP("Fält", "Deras diarienummer")),
        F("summary_md", QT_TRANSLATE_NOOP("Fält", "Sammanfattning"), "multiline"),
    ),
    ("received_date", "status", "their_reference", "summary_md"),
    parent_key="consultee_id",
)

STANCE = EntitySpec(
    "stance",
    QT_TRANSLATE_NOOP("Fält", "Ställningstaganden"),
    QT_TRANSLATE_NOOP("Fält", "Ställningstagande"),
    (
        F("proposal_id", QT_TRANSLATE_NOOP("Fält", "Förslag"), "ref", ref=PROPOSAL_REF),
        F("stance", QT_TRANSLATE_NOOP("Fält", "Ställning"), "enum", enum=StanceKind),
        F("comment_md", QT_TRANSLATE_NOOP("Fält", "Kommentar"), "multiline"),
    ),
    ("proposal_id", "stance", "comment_md"),
    parent_key="response_id",
)

DISSENT = EntitySpec(
    "dissent",
    QT_TRANSLATE_NOOP("Fält", "Reservationer och särskilda yttranden"),
    QT_TRANSLATE_NOOP("Fält", "Reservation eller särskilt yttrande"),
    (
        F("kind", QT_TRANSLATE_NOOP("Fält", "Typ"), "enum", enum=DissentKind),
        F("title", QT_TRANSLATE_NOOP("Fält", "Rubrik")),
        F(
            "proposal_id",
            QT_TRANSLATE_NOOP("Fält", "Förslag"),
            "ref",
            ref=PROPOSAL_REF,
            nullable=True,
        ),
        F("party_id", QT_TRANSLATE_NOOP("Fält", "Parti"), "ref", ref=PARTY_REF, nullable=True),
        F("visibility", QT_TRANSLATE_NOOP("Fält", "Synlighet"), "enum", enum=Visibility),
        F("text_md", QT_TRANSLATE_NOOP("Fält", "Text"), "multiline"),
    ),
    ("kind", "title", "proposal_id", "party_id", "visibility"),
    defaults={"visibility": Visibility.GRUPPEN},
)

INVESTIGATION = EntitySpec(
    "investigation",
    QT_TRANSLATE_NOOP("Fält", "Utredning"),
    QT_TRANSLATE_NOOP("Fält", "Utredning"),
    (
        F("title", QT_TRANSLATE_NOOP("Fält", "Titel")),
        F("diarienummer", QT_TRANSLATE_NOOP("Fält", "Diarienummer")),
        F("commissioned_by", QT_TRANSLATE_NOOP("Fält", "Uppdragsgivare")),
        F("region", QT_TRANSLATE_NOOP("Fält", "Region")),
        F("administration", QT_TRANSLATE_NOOP("Fält", "Förvaltning")),
        F("case_officer", QT_TRANSLATE_NOOP("Fält", "Handläggare")),
        F("case_officer_contact", QT_TRANSLATE_NOOP("Fält", "Kontaktuppgifter")),
        F("decided_on", QT_TRANSLATE_NOOP("Fält", "Beslutad"), "date"),
        F("directive_md", QT_TRANSLATE_NOOP("Fält", "Direktiv"), "multiline"),
        F("score_min", QT_TRANSLATE_NOOP("Fält", "Lägsta poäng"), "int", grouping=False),
        F("score_max", QT_TRANSLATE_NOOP("Fält", "Högsta poäng"), "int", grouping=False),
        F(
            "horizon_start_year",
            QT_TRANSLATE_NOOP("Fält", "Första år i kalkylen"),
            "int",
            grouping=False,
        ),
        F("horizon_years", QT_TRANSLATE_NOOP("Fält", "Antal år i kalkylen"), "int", grouping=False),
        F("discount_rate", QT_TRANSLATE_NOOP("Fält", "Diskonteringsränta"), "float", decimals=3),
        F("price_base_year", QT_TRANSLATE_NOOP("Fält", "Prisbasår"), "int", grouping=False),
    ),
    ("title",),
)

PROPOSAL_OPTION = EntitySpec(
    "proposal_option",
    QT_TRANSLATE_NOOP("Fält", "Bygger på styrmodeller"),
    QT_TRANSLATE_NOOP("Fält", "Koppling till styrmodell"),
    (F("option_id", QT_TRANSLATE_NOOP("Fält", "Styrmodell"), "ref", ref=OPTION_REF),),
    ("option_id",),
    parent_key="proposal_id",
)

ROUND_PROPOSAL = EntitySpec(
    "round_proposal",
    QT_TRANSLATE_NOOP("Fält", "Förslag på remiss"),
    QT_TRANSLATE_NOOP("Fält", "Förslag på remiss"),
    (F("proposal_id", QT_TRANSLATE_NOOP("Fält", "Förslag"), "ref", ref=PROPOSAL_REF),),
    ("proposal_id",),
    parent_key="round_id",
)

DISSENT_MEMBER = EntitySpec(
    "dissent_member",
    QT_TRANSLATE_NOOP("Fält", "Undertecknare"),
    QT_TRANSLATE_NOOP("Fält", "Undertecknare"),
    (F("member_id", QT_TRANSLATE_NOOP("Fält", "Ledamot"), "ref", ref=Ref("member", ("name",))),),
    ("member_id",),
    parent_key="dissent_id",
)

QUOTE = EntitySpec(
    "quote",
    QT_TRANSLATE_NOOP("Fält", "Citat"),
    QT_TRANSLATE_NOOP("Fält", "Citat"),
    (
        F("text", QT_TRANSLATE_NOOP("Fält", "Citat"), "multiline"),
        F(
            "proposal_id",
            QT_TRANSLATE_NOOP("Fält", "Förslag"),
            "ref",
            ref=PROPOSAL_REF,
            nullable=True,
        ),
        F("is_key", QT_TRANSLATE_NOOP("Fält", "Nyckelcitat"), "bool"),
    ),
    ("text", "proposal_id", "is_key"),
    parent_key="response_id",
)

WEIGHT_PROFILE = EntitySpec(
    "weight_profile",
    QT_TRANSLATE_NOOP("Fält", "Viktprofiler"),
    QT_TRANSLATE_NOOP("Fält", "Viktprofil"),
    (
        F("name", QT_TRANSLATE_NOOP("Fält", "Namn")),
        F("party_id", QT_TRANSLATE_NOOP("Fält", "Parti"), "ref", ref=PARTY_REF, nullable=True),
    ),
    ("name", "party_id"),
)

PROFILE_WEIGHT = EntitySpec(
    "profile_weight",
    QT_TRANSLATE_NOOP("Fält", "Vikter"),
    QT_TRANSLATE_NOOP("Fält", "Vikt"),
    (
        F(
            "criterion_id",
            QT_TRANSLATE_NOOP("Fält", "Bedömningsgrund"),
            "ref",
            ref=Ref("criterion", ("name",)),
        ),
        F("weight", QT_TRANSLATE_NOOP("Fält", "Vikt"), "float", decimals=2),
    ),
    ("criterion_id", "weight"),
    parent_key="profile_id",
    defaults={"weight": 1.0},
)

NOTE = EntitySpec(
    "note",
    QT_TRANSLATE_NOOP("Fält", "Anteckningar"),
    QT_TRANSLATE_NOOP("Fält", "Anteckning"),
    (
        F("title", QT_TRANSLATE_NOOP("Fält", "Rubrik")),
        F("visibility", QT_TRANSLATE_NOOP("Fält", "Synlighet"), "enum", enum=Visibility),
        F("author", QT_TRANSLATE_NOOP("Fält", "Författare")),
        F("author_party", QT_TRANSLATE_NOOP("Fält", "Författarens parti")),
        F("released", QT_TRANSLATE_NOOP("Fält", "Frisläppt till gruppen"), "bool"),
        F("body_md", QT_TRANSLATE_NOOP("Fält", "Text"), "multiline"),
    ),
    ("title", "visibility", "author", "author_party", "released", "body_md"),
    defaults={"visibility": Visibility.PRIVAT},
)
