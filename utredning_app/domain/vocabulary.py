"""The Swedish words for the app's tables and documents, in one place.

``TABLE_LABELS`` names a table as a heading (plural: messages, the audit log view, ``info``,
the archive schema); ``ITEM_NAMES`` names one row of it in running text ("bedömning nr 3");
``DOCUMENT_TITLES`` names the Word documents by their kind (the command line's and the
outlines' names, the values of ``ReportKind``). The GUI's menu texts (``gui/report_export``)
stay beside their translations.
"""

from __future__ import annotations

TABLE_LABELS: dict[str, str] = {
    "investigation": "Utredning",
    "milestone": "Milstolpar",
    "party": "Partier",
    "member": "Ledamöter",
    "provider_unit": "Verksamheter",
    "governance_option": "Styrmodeller",
    "criterion": "Bedömningsgrunder",
    "assessment": "Bedömningar",
    "weight_profile": "Viktprofiler",
    "profile_weight": "Vikter",
    "estimate": "Skattningar",
    "estimate_value": "Skattningsvärden",
    "proposal": "Förslag",
    "proposal_option": "Förslag–alternativ",
    "report": "Rapporter",
    "section": "Avsnitt",
    "note": "Anteckningar",
    "consultation_round": "Remissomgångar",
    "round_proposal": "Förslag på remiss",
    "consultee": "Remissinstanser",
    "response": "Remissvar",
    "attachment": "Bilagor",
    "stance": "Ställningstaganden",
    "quote": "Citat",
    "dissent": "Reservationer och särskilda yttranden",
    "dissent_member": "Undertecknare",
    "remiss_comment": "Utredningens kommentarer",
    "report_edition": "Rapportutgåvor",
    "audit_entry": "Ändringslogg",
}

ITEM_NAMES: dict[str, str] = {
    "investigation": "utredningen",
    "milestone": "milstolpe",
    "party": "parti",
    "member": "ledamot",
    "provider_unit": "verksamhet",
    "criterion": "bedömningsgrund",
    "governance_option": "styrmodell",
    "assessment": "bedömning",
    "weight_profile": "viktprofil",
    "estimate": "skattning",
    "proposal": "förslag",
    "report": "rapport",
    "section": "avsnitt",
    "note": "anteckning",
    "consultation_round": "remissomgång",
    "consultee": "remissinstans",
    "response": "remissvar",
    "stance": "ställningstagande",
    "quote": "citat",
    "dissent": "reservation/särskilt yttrande",
    "remiss_comment": "utredningens kommentar",
}

DOCUMENT_TITLES: dict[str, str] = {
    "delrapport": "Delrapport",
    "slutrapport": "Slutrapport",
    "remissammanstallning": "Remissammanställning",
    "tjansteutlatande": "Tjänsteutlåtande",
}
