"""Domain enumerations. Values are stable identifiers stored in the file and the archive;
``label`` is the Swedish text users see."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum with a Swedish label per member."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @classmethod
    def from_label(cls, text: str) -> LabelledEnum:
        wanted = text.strip().casefold()
        for member in cls:
            if member.label.casefold() == wanted or member.value == wanted:
                return member
        raise ValueError(text)


class LegalForm(LabelledEnum):
    AKTIEBOLAG = "aktiebolag"
    FORVALTNING = "forvaltning"
    NAMND = "namnd"
    ANNAN = "annan"


class MemberRole(LabelledEnum):
    ORDFORANDE = "ordforande"
    VICE_ORDFORANDE = "vice_ordforande"
    LEDAMOT = "ledamot"
    ERSATTARE = "ersattare"
    SEKRETERARE = "sekreterare"
    SEKRETARIAT = "sekretariat"
    EXPERT = "expert"


class MilestoneKind(LabelledEnum):
    DELRAPPORT = "delrapport"
    REMISSTID = "remisstid"
    SLUTRAPPORT = "slutrapport"
    SAMMANTRADE = "sammantrade"
    OVRIGT = "ovrigt"


class CriterionKind(LabelledEnum):
    LEGAL = "legal"
    CAPACITY = "capacity"
    QUALITY = "quality"
    COST = "cost"
    NURSING = "nursing"
    OTHER = "other"


class EstimateKind(LabelledEnum):
    COST_ONE_OFF = "cost_one_off"
    COST_ANNUAL = "cost_annual"
    CAPACITY = "capacity"
    QUALITY = "quality"


class Actor(LabelledEnum):
    REGION = "region"
    BOLAG = "bolag"
    KOMMUNER = "kommuner"
    STATEN = "staten"
    PATIENTER = "patienter"
    OVRIGA = "ovriga"


class ReportKind(LabelledEnum):
    DELRAPPORT = "delrapport"
    SLUTRAPPORT = "slutrapport"
    REMISSAMMANSTALLNING = "remissammanstallning"
    TJANSTEUTLATANDE = "tjansteutlatande"


class ReportStatus(LabelledEnum):
    UTKAST = "utkast"
    FASTSTALLD = "faststalld"


class ConsulteeType(LabelledEnum):
    NAMND = "namnd"
    BOLAG = "bolag"
    FORVALTNING = "forvaltning"
    MYNDIGHET = "myndighet"  # Myndighet, Kommun and Region: schema revision 0004_remiss
    KOMMUN = "kommun"
    REGION = "region"
    ORGANISATION = "organisation"
    FACKLIG = "facklig"
    OVRIG = "ovrig"


class ResponseStatus(LabelledEnum):
    MOTTAGEN = "mottagen"
    UNDER_KODNING = "under_kodning"
    KODAD = "kodad"
    AVSTATT = "avstatt"


class StanceKind(LabelledEnum):
    TILLSTYRKER = "tillstyrker"
    TILLSTYRKER_MED_SYNPUNKTER = "tillstyrker_med_synpunkter"
    AVSTYRKER = "avstyrker"
    INGEN_ERINRAN = "ingen_erinran"
    AVSTAR = "avstar"


class DissentKind(LabelledEnum):
    RESERVATION = "reservation"
    SARSKILT_YTTRANDE = "sarskilt_yttrande"


class Visibility(LabelledEnum):
    PRIVAT = "privat"
    PARTI = "parti"
    GRUPPEN = "gruppen"


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


_LABELS: dict[str, dict[str, str]] = {
    "LegalForm": {
        "aktiebolag": "Aktiebolag",
        "forvaltning": "Förvaltning",
        "namnd": "Nämnd",
        "annan": "Annan",
    },
    "MemberRole": {
        "ordforande": "Ordförande",
        "vice_ordforande": "Vice ordförande",
        "ledamot": "Ledamot",
        "ersattare": "Ersättare",
        "sekreterare": "Sekreterare",
        "sekretariat": "Sekretariat",
        "expert": "Expert",
    },
    "MilestoneKind": {
        "delrapport": "Delrapport",
        "remisstid": "Remisstid går ut",
        "slutrapport": "Slutrapport",
        "sammantrade": "Sammanträde",
        "ovrigt": "Övrigt",
    },
    "CriterionKind": {
        "legal": "Legala aspekter",
        "capacity": "Kapacitet",
        "quality": "Kvalitet",
        "cost": "Kostnadsutveckling",
        "nursing": "Omvårdnadsperspektivet",
        "other": "Övrigt",
    },
    "EstimateKind": {
        "cost_one_off": "Engångskostnad",
        "cost_annual": "Årlig kostnad",
        "capacity": "Kapacitet",
        "quality": "Kvalitetsindikator",
    },
    "Actor": {
        "region": "Regionen",
        "bolag": "Bolagen",
        "kommuner": "Kommunerna",
        "staten": "Staten",
        "patienter": "Patienterna",
        "ovriga": "Övriga",
    },
    "ReportKind": {
        "delrapport": "Delrapport",
        "slutrapport": "Slutrapport",
        "remissammanstallning": "Remissammanställning",
        "tjansteutlatande": "Tjänsteutlåtande",
    },
    "ReportStatus": {"utkast": "Utkast", "faststalld": "Fastställd"},
    "ConsulteeType": {
        "namnd": "Nämnd",
        "bolag": "Bolag",
        "forvaltning": "Förvaltning",
        "organisation": "Organisation",
        "facklig": "Facklig organisation",
        "ovrig": "Övrig",
        "myndighet": "Myndighet",
        "kommun": "Kommun",
        "region": "Region",
    },
    "ResponseStatus": {
        "mottagen": "Mottagen",
        "under_kodning": "Under kodning",
        "kodad": "Kodad",
        "avstatt": "Avstått",
    },
    "StanceKind": {
        "tillstyrker": "Tillstyrker",
        "tillstyrker_med_synpunkter": "Tillstyrker med synpunkter",
        "avstyrker": "Avstyrker",
        "ingen_erinran": "Ingen erinran",
        "avstar": "Avstår",
    },
    "DissentKind": {"reservation": "Reservation", "sarskilt_yttrande": "Särskilt yttrande"},
    "Visibility": {"privat": "Privat", "parti": "Partiet", "gruppen": "Hela gruppen"},
    "AuditAction": {"create": "Skapad", "update": "Ändrad", "delete": "Borttagen"},
}
