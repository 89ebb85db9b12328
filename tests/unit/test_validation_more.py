"""Exact messages and boundaries of field validation (domain/validation.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from utredning_app.domain.validation import (
    FIELD_NAMES,
    FIRST_YEAR,
    LAST_YEAR,
    FieldError,
    FieldValidationError,
    Scale,
    has_control_characters,
    in_order,
    raise_if_invalid,
    range_errors,
    strip_control_characters,
    validate,
)
from utredning_app.errors import ValidationError


def test_constants() -> None:
    assert (FIRST_YEAR, LAST_YEAR) == (1900, 2200)
    assert Scale() == Scale(1, 5)
    assert FIELD_NAMES["body_md"] == "Text"


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f", "\ud800"])
def test_control_characters_found(char: str) -> None:
    assert has_control_characters(f"a{char}b")
    assert strip_control_characters(f"a{char}b") == "ab"


@pytest.mark.parametrize("char", ["\t", "\n", "\r", " ", "å", "\x80"])
def test_allowed_characters(char: str) -> None:
    assert not has_control_characters(f"a{char}b")
    assert strip_control_characters(f"a{char}b") == f"a{char}b"


def test_control_character_message_names_the_field() -> None:
    assert validate("proposal", {"title": "a\x1bb"}) == [
        FieldError(
            "title",
            "Rubrik innehåller osynliga styrtecken (t.ex. ESC eller NUL) som inte kan sparas; "
            "ta bort dem.",
        )
    ]
    # a field known only by FIELD_NAMES, and one known by neither
    errors = validate("note", {"body_md": "\x00", "weird": "\x00", "n": 5})
    assert [e.message.split(" innehåller")[0] for e in errors] == ["Text", "weird"]
    assert [e.field for e in errors] == ["body_md", "weird"]


def test_required_text_and_values_exact() -> None:
    assert validate("party", {"abbreviation": " ", "name": ""}) == [
        FieldError("abbreviation", "Förkortning måste fyllas i."),
        FieldError("name", "Namn måste fyllas i."),
    ]
    assert validate("party", {"abbreviation": None}) == [
        FieldError("abbreviation", "Förkortning måste fyllas i.")
    ]
    assert validate("party", {}) == []  # fields not in the row are not checked
    assert validate("party", {"abbreviation": "S", "name": "x"}) == []
    assert validate("proposal", {"number": None}) == [FieldError("number", "Nummer måste anges.")]
    assert validate("member", {"role": ""}) == []  # present, not None
    assert validate("unknown_table", {"title": "", "role": None}) == []


def test_non_negative_exact_and_zero_allowed() -> None:
    assert validate("provider_unit", {"employees": -1}) == [
        FieldError("employees", "Antal anställda kan inte vara negativt.")
    ]
    assert validate("provider_unit", {"turnover_mnkr": -0.5}) == [
        FieldError("turnover_mnkr", "Omsättning kan inte vara negativt.")
    ]
    assert validate("provider_unit", {"employees": 0, "turnover_mnkr": 0.0}) == []
    assert validate("provider_unit", {"employees": "-1"}) == []  # not a number: not checked
    assert validate("criterion", {"weight": -1}) == [
        FieldError("weight", "Vikt kan inte vara negativt.")
    ]
    assert validate("member", {"weight": -1}) == []  # another table's field


@pytest.mark.parametrize(
    ("year", "ok"), [(1899, False), (1900, True), (2026, True), (2200, True), (2201, False)]
)
def test_year_bounds(year: int, ok: bool) -> None:
    errors = validate("investigation", {"price_base_year": year})
    expected = (
        [] if ok else [FieldError("price_base_year", "Prisbasår måste ligga mellan 1900 och 2200.")]
    )
    assert errors == expected
    assert validate("investigation", {"price_base_year": str(year)}) == []
    assert validate("milestone", {"price_base_year": 1}) == []


def test_investigation_checks_exact() -> None:
    bad_scale = [FieldError("score_max", "Skalans högsta värde måste vara större än det lägsta.")]
    assert validate("investigation", {"score_min": 3, "score_max": 3}) == bad_scale
    assert validate("investigation", {"score_min": 4, "score_max": 3}) == bad_scale
    assert validate("investigation", {"score_min": 3, "score_max": 4}) == []
    assert validate("investigation", {"score_min": 3}) == []
    assert validate("investigation", {"score_max": 3}) == []
    horizon = [FieldError("horizon_years", "Tidshorisonten måste vara 1–50 år.")]
    assert validate("investigation", {"horizon_years": 0}) == horizon
    assert validate("investigation", {"horizon_years": 51}) == horizon
    assert validate("investigation", {"horizon_years": 1}) == []
    assert validate("investigation", {"horizon_years": 50}) == []
    rate = [FieldError("discount_rate", "Diskonteringsräntan måste vara mellan 0 och 1 (0–100 %).")]
    assert validate("investigation", {"discount_rate": 0}) == []
    assert validate("investigation", {"discount_rate": 0.99}) == []
    assert validate("investigation", {"discount_rate": 1}) == rate
    assert validate("investigation", {"discount_rate": -0.01}) == rate
    assert validate("investigation", {"discount_rate": None}) == []


def test_assessment_scale_exact() -> None:
    assert validate("assessment", {"score": 1}) == []
    assert validate("assessment", {"score": 5}) == []
    assert validate("assessment", {"score": None}) == []
    assert validate("assessment", {"score": 0}) == [
        FieldError("score", "Poängen måste ligga på skalan 1–5.")
    ]
    assert validate("assessment", {"score": 6}) == [
        FieldError("score", "Poängen måste ligga på skalan 1–5.")
    ]
    scale = Scale(0.5, 2.5)
    assert validate("assessment", {"score": 0.5}, scale) == []
    assert validate("assessment", {"score": 2.5}, scale) == []
    assert validate("assessment", {"score": 3}, scale) == [
        FieldError("score", "Poängen måste ligga på skalan 0,5–2,5.")
    ]
    assert validate("assessment", {"score": 0}, Scale(0, 10)) == []
    assert validate("assessment", {"score": 11}, Scale(0, 10)) == [
        FieldError("score", "Poängen måste ligga på skalan 0–10.")
    ]


def test_range_errors_exact() -> None:
    low = FieldError("low", "Lågt värde kan inte vara större än basvärdet.")
    high = FieldError("high", "Högt värde kan inte vara mindre än basvärdet.")
    assert range_errors(1, 1, 1) == []
    assert range_errors(2, 1, 0) == [low, high]
    assert range_errors(2, 1, 1) == [low]
    assert range_errors(1, 1, 0) == [high]
    assert range_errors(None, 1, 0) == [high]
    assert range_errors(2, 1, None) == [low]
    assert range_errors(2, None, 0) == []
    assert range_errors(float("nan"), 1, 2) == [low]
    assert in_order(1, 2, 3) is True
    assert in_order(1, 1, 1) is True
    assert in_order(3, 2, 1) is False
    assert validate("estimate_value", {"low": 3, "base": 2, "high": 1, "year": 2026}) == [
        low,
        high,
    ]


def test_proposal_number_boundary() -> None:
    message = [FieldError("number", "Förslagets nummer måste vara 1 eller större.")]
    assert validate("proposal", {"number": 0}) == message
    assert validate("proposal", {"number": -1}) == message
    assert validate("proposal", {"number": 1}) == []


def test_round_deadline_boundary() -> None:
    day = dt.date(2026, 3, 1)
    message = [FieldError("deadline", "Sista svarsdag kan inte vara före utskicksdagen.")]
    assert validate("consultation_round", {"sent_date": day, "deadline": day}) == []
    before = {"sent_date": day, "deadline": day - dt.timedelta(days=1)}
    assert validate("consultation_round", before) == message
    assert validate("consultation_round", {"sent_date": day, "deadline": None}) == []
    assert validate("consultation_round", {"sent_date": "2026-03-02", "deadline": day}) == []


def test_quote_offsets_exact() -> None:
    assert validate("quote", {"start_offset": -1, "end_offset": -5}) == [
        FieldError("start_offset", "Startposition kan inte vara negativ.")
    ]
    assert validate("quote", {"start_offset": 0, "end_offset": 0}) == []
    assert validate("quote", {"start_offset": 5, "end_offset": 4}) == [
        FieldError("end_offset", "Slutposition kan inte vara före startpositionen.")
    ]
    assert validate("quote", {"start_offset": 5, "end_offset": None}) == []
    assert validate("quote", {"start_offset": None, "end_offset": 1}) == []


def test_raise_if_invalid_message() -> None:
    raise_if_invalid("proposal", "Förslaget", {"number": 1, "title": "x"})
    with pytest.raises(FieldValidationError) as caught:
        raise_if_invalid("proposal", "Förslaget", {"number": 0, "title": ""})
    assert isinstance(caught.value, ValidationError)
    assert str(caught.value) == (
        "Förslaget sparades inte: Rubrik måste fyllas i.; "
        "Förslagets nummer måste vara 1 eller större."
    )
    assert caught.value.errors == [
        FieldError("title", "Rubrik måste fyllas i."),
        FieldError("number", "Förslagets nummer måste vara 1 eller större."),
    ]
    with pytest.raises(FieldValidationError):
        raise_if_invalid("assessment", "Bedömningen", {"score": 3}, Scale(1, 2))


def test_in_order_checks_both_pairs() -> None:
    assert in_order(1, 2, 1) is False
    assert in_order(3, 2, 2) is False
