"""The svarsmall (answer form) format, shared by the writer (send-out) and the reader (import).

Sheet ``Svar``: a short header, then one row per proposal — number, title, stance (dropdown),
comment — then "övriga synpunkter" and the contact person. A very hidden sheet
``_utredningsstod`` holds the identifiers tying the form to its round and consultee, and a
checksum over them and the proposal list. The checksum detects edited or damaged identifiers
and structure; it is not a signature (anyone can recompute it), and the form is validated
against the investigation file anyway.
"""

from __future__ import annotations

import hashlib

from utredning_app.domain.enums import StanceKind

FORMAT_MARKER = "utredningsstod-svarsmall"
FORMAT_VERSION = 1
ANSWER_SHEET = "Svar"
ID_SHEET = "_utredningsstod"
DEFINED_NAME = "svarsmall_id"
HEADER_ROW = 6
HEADERS = ("Nr", "Förslag", "Ställningstagande", "Kommentar")
FIRST_PROPOSAL_ROW = HEADER_ROW + 1
OTHER_LABEL = "Övriga synpunkter"
CONTACT_LABEL = "Kontaktperson och er referens"

# Extra words consultees use for the stances (matched case-insensitively).
_SYNONYMS: dict[str, StanceKind] = {
    "tillstyrker delvis": StanceKind.TILLSTYRKER_MED_SYNPUNKTER,
    "delvis": StanceKind.TILLSTYRKER_MED_SYNPUNKTER,
    "avstår från att yttra sig": StanceKind.AVSTAR,
    "avstår från yttrande": StanceKind.AVSTAR,
    "inga synpunkter": StanceKind.INGEN_ERINRAN,
}


def stance_labels() -> list[str]:
    return [kind.label for kind in StanceKind]


def parse_stance(text: str) -> StanceKind | None:
    """The stance a consultee wrote; ``None`` if the word is unknown."""
    wanted = " ".join(text.split()).casefold()
    for kind in StanceKind:
        if wanted in (kind.label.casefold(), kind.value):
            return kind
    return _SYNONYMS.get(wanted)


def checksum(round_id: str, consultee_id: str, proposal_ids: list[str]) -> str:
    payload = "\n".join([FORMAT_MARKER, str(FORMAT_VERSION), round_id, consultee_id, *proposal_ids])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
