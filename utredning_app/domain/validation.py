"""Field-level validation of entity values, with Swedish messages per field.

Pure: values in, a list of ``FieldError`` out. The services call :func:`validate` before
writing (so impossible values never reach the file) and the GUI calls it while the user
types, to show the message next to the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from utredning_app.errors import ValidationError


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


@dataclass(frozen=True)
class Scale:
    """The investigation's settings that constrain other rows (the score scale)."""

    score_min: float = 1
    score_max: float = 5


class FieldValidationError(ValidationError):
    """One or more fields hold impossible values; ``errors`` says which and why."""

    def __init__(self, label: str, errors: list[FieldError]) -> None:
        self.errors = errors
        detail = "; ".join(e.message for e in errors)
        super().__init__(f"{label} sparades inte: {detail}")


# Fields that must not be empty, per table, with their Swedish names.
REQUIRED_TEXT: dict[str, dict[str, str]] = {
    "investigation": {"title": "Titel"},
    "milestone": {"title": "Benämning"},
    "party": {"abbreviation": "Förkortning", "name": "Namn"},
    "member": {"name": "Namn"},
    "provider_unit": {"name": "Namn"},
    "governance_option": {"code": "Kod", "name": "Namn"},
    "criterion": {"name": "Namn"},
    "weight_profile": {"name": "Namn"},
    "estimate": {"name": "Benämning", "unit": "Enhet"},
    "proposal": {"title": "Rubrik"},
    "report": {"title": "Titel"},
    "section": {"title": "Rubrik", "key": "Nyckel"},
    "consultation_round": {"name": "Namn"},
    "consultee": {"name": "Namn"},
    "quote": {"text": "Citat"},
}

# Fields that must be present (not None), per table.
REQUIRED_VALUE: dict[str, dict[str, str]] = {
    "milestone": {"due_date": "Datum", "kind": "Typ"},
    "member": {"role": "Roll"},
    "provider_unit": {"legal_form": "Driftform"},
    "criterion": {"kind": "Typ"},
    "assessment": {"option_id": "Styrmodell", "criterion_id": "Bedömningsgrund"},
    "estimate": {"option_id": "Styrmodell", "kind": "Typ"},
    "estimate_value": {"year": "År", "low": "Låg", "base": "Bas", "high": "Hög"},
    "proposal": {"number": "Nummer"},
    "report": {"kind": "Typ"},
    "consultee": {"round_id": "Remissomgång", "type": "Typ"},
    "response": {"consultee_id": "Remissinstans"},
    "stance": {"response_id": "Remissvar", "proposal_id": "Förslag", "stance": "Ställning"},
    "dissent": {"kind": "Typ"},
}

# Counts and amounts that cannot be negative: (table, field) -> Swedish name.
NON_NEGATIVE: dict[tuple[str, str], str] = {
    ("provider_unit", "employees"): "Antal anställda",
    ("provider_unit", "turnover_mnkr"): "Omsättning",
    ("criterion", "weight"): "Vikt",
    ("profile_weight", "weight"): "Vikt",
    ("party", "sort_order"): "Ordning",
}

# Calendar years (price bases, horizons, estimate years): (table, field) -> Swedish name.
YEAR_FIELDS: dict[tuple[str, str], str] = {
    ("investigation", "price_base_year"): "Prisbasår",
    ("investigation", "horizon_start_year"): "Första året",
    ("estimate", "price_base_year"): "Prisbasår",
    ("estimate_value", "year"): "Året",
}
FIRST_YEAR, LAST_YEAR = 1900, 2200


# Characters no text field may hold: C0 controls but tab, newline and carriage return, DEL,
# and lone surrogates (from undecodable bytes). They are invisible, reach terminals as escape
# sequences, cannot be stored in an Excel cell or XML at all (openpyxl raises
# IllegalCharacterError) and cannot be encoded as UTF-8.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


def strip_control_characters(text: str) -> str:
    """``text`` without the characters of :data:`CONTROL_CHARACTERS` (for text read from
    outside files, where refusing the whole file for an invisible character would not help)."""
    return CONTROL_CHARACTERS.sub("", text)


def _field_name(table: str, field: str) -> str:
    return REQUIRED_TEXT.get(table, {}).get(field) or FIELD_NAMES.get(field, field)


FIELD_NAMES = {
    "title": "Titel",
    "name": "Namn",
    "diarienummer": "Diarienummer",
    "body_md": "Text",
    "text": "Text",
    "description_md": "Beskrivning",
    "comment_md": "Kommentar",
    "rationale_md": "Motivering",
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate(table: str, values: Mapping[str, Any], scale: Scale | None = None) -> list[FieldError]:
    """All problems with ``values`` (the complete row after the change) for ``table``."""
    errors: list[FieldError] = []
    for field, value in values.items():
        if isinstance(value, str) and has_control_characters(value):
            errors.append(
                FieldError(
                    field,
                    f"{_field_name(table, field)} innehåller osynliga styrtecken (t.ex. ESC "
                    "eller NUL) som inte kan sparas; ta bort dem.",
                )
            )
    for field, name in REQUIRED_TEXT.get(table, {}).items():
        if field in values and _blank(values[field]):
            errors.append(FieldError(field, f"{name} måste fyllas i."))
    for field, name in REQUIRED_VALUE.get(table, {}).items():
        if field in values and values[field] is None:
            errors.append(FieldError(field, f"{name} måste anges."))
    for (tbl, field), name in NON_NEGATIVE.items():
        if tbl == table and isinstance(values.get(field), int | float) and values[field] < 0:
            errors.append(FieldError(field, f"{name} kan inte vara negativt."))
    for (tbl, field), name in YEAR_FIELDS.items():
        year = values.get(field)
        if tbl == table and isinstance(year, int) and not FIRST_YEAR <= year <= LAST_YEAR:
            errors.append(
                FieldError(field, f"{name} måste ligga mellan {FIRST_YEAR} och {LAST_YEAR}.")
            )
    check = _TABLE_CHECKS.get(table)
    if check is not None:
        errors.extend(check(values, scale or Scale()))
    return errors


def raise_if_invalid(
    table: str, label: str, values: Mapping[str, Any], scale: Scale | None = None
) -> None:
    errors = validate(table, values, scale)
    if errors:
        raise FieldValidationError(label, errors)


def _check_investigation(values: Mapping[str, Any], _scale: Scale) -> list[FieldError]:
    errors = []
    lo, hi = values.get("score_min"), values.get("score_max")
    if lo is not None and hi is not None and lo >= hi:
        errors.append(
            FieldError("score_max", "Skalans högsta värde måste vara större än det lägsta.")
        )
    years = values.get("horizon_years")
    if years is not None and not 1 <= years <= 50:
        errors.append(FieldError("horizon_years", "Tidshorisonten måste vara 1–50 år."))
    rate = values.get("discount_rate")
    if rate is not None and not 0 <= rate < 1:
        errors.append(
            FieldError("discount_rate", "Diskonteringsräntan måste vara mellan 0 och 1 (0–100 %).")
        )
    return errors


def _check_assessment(values: Mapping[str, Any], scale: Scale) -> list[FieldError]:
    score = values.get("score")
    if score is not None and not scale.score_min <= score <= scale.score_max:
        lo, hi = _plain(scale.score_min), _plain(scale.score_max)
        return [FieldError("score", f"Poängen måste ligga på skalan {lo}–{hi}.")]
    return []


def range_errors(low: float | None, base: float | None, high: float | None) -> list[FieldError]:
    """The one rule of a range estimate, low ≤ base ≤ high (each pair checked when both are
    given; a value that is not a number, NaN, breaks it)."""
    errors = []
    if low is not None and base is not None and not low <= base:
        errors.append(FieldError("low", "Lågt värde kan inte vara större än basvärdet."))
    if base is not None and high is not None and not base <= high:
        errors.append(FieldError("high", "Högt värde kan inte vara mindre än basvärdet."))
    return errors


def in_order(low: float, base: float, high: float) -> bool:
    """low ≤ base ≤ high (:func:`range_errors` finds nothing)."""
    return not range_errors(low, base, high)


def _check_estimate_value(values: Mapping[str, Any], _scale: Scale) -> list[FieldError]:
    return range_errors(values.get("low"), values.get("base"), values.get("high"))


def _check_proposal(values: Mapping[str, Any], _scale: Scale) -> list[FieldError]:
    number = values.get("number")
    if number is not None and number <= 0:
        return [FieldError("number", "Förslagets nummer måste vara 1 eller större.")]
    return []


def _check_round(values: Mapping[str, Any], _scale: Scale) -> list[FieldError]:
    sent, deadline = values.get("sent_date"), values.get("deadline")
    if isinstance(sent, dt.date) and isinstance(deadline, dt.date) and deadline < sent:
        return [FieldError("deadline", "Sista svarsdag kan inte vara före utskicksdagen.")]
    return []


def _check_quote(values: Mapping[str, Any], _scale: Scale) -> list[FieldError]:
    start, end = values.get("start_offset"), values.get("end_offset")
    if isinstance(start, int) and start < 0:
        return [FieldError("start_offset", "Startposition kan inte vara negativ.")]
    if isinstance(start, int) and isinstance(end, int) and end < start:
        return [FieldError("end_offset", "Slutposition kan inte vara före startpositionen.")]
    return []


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


_TABLE_CHECKS = {
    "investigation": _check_investigation,
    "assessment": _check_assessment,
    "estimate_value": _check_estimate_value,
    "proposal": _check_proposal,
    "consultation_round": _check_round,
    "quote": _check_quote,
}
