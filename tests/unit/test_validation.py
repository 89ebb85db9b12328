"""Field validation rules: Swedish message per field, pure."""

from __future__ import annotations

import datetime as dt

from utredning_app.domain.validation import Scale, validate


def fields(table: str, values: dict[str, object], scale: Scale | None = None) -> dict[str, str]:
    return {e.field: e.message for e in validate(table, values, scale)}


def test_empty_required_names_are_refused() -> None:
    assert fields("member", {"name": "  ", "role": "ledamot"}) == {"name": "Namn måste fyllas i."}
    assert "abbreviation" in fields("party", {"abbreviation": "", "name": "X"})


def test_negative_counts_are_refused() -> None:
    errors = fields("provider_unit", {"name": "SÖS", "legal_form": "aktiebolag", "employees": -1})
    assert errors == {"employees": "Antal anställda kan inte vara negativt."}
    assert fields("provider_unit", {"name": "SÖS", "employees": 0}) == {}


def test_score_must_lie_on_the_investigations_scale() -> None:
    assert fields("assessment", {"score": 6.0}, Scale(1, 5)) == {
        "score": "Poängen måste ligga på skalan 1–5."
    }
    assert fields("assessment", {"score": 0.0}, Scale(0, 10)) == {}
    assert fields("assessment", {"score": None}, Scale(1, 5)) == {}


def test_low_base_high_must_be_ordered() -> None:
    errors = fields("estimate_value", {"year": 2024, "low": 5.0, "base": 3.0, "high": 2.0})
    assert set(errors) == {"low", "high"}
    assert fields("estimate_value", {"year": 2024, "low": 1.0, "base": 1.0, "high": 1.0}) == {}


def test_end_before_start_is_refused() -> None:
    errors = fields(
        "consultation_round",
        {"name": "R", "sent_date": dt.date(2023, 9, 1), "deadline": dt.date(2023, 8, 1)},
    )
    assert errors == {"deadline": "Sista svarsdag kan inte vara före utskicksdagen."}


def test_investigation_scale_and_horizon() -> None:
    errors = fields("investigation", {"title": "T", "score_min": 5, "score_max": 5})
    assert "score_max" in errors
    assert "horizon_years" in fields("investigation", {"title": "T", "horizon_years": 0})
