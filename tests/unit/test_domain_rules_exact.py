"""Field rules, Swedish formatting, the private-content rule, the svarsmall checksum, enum
labels and the report model's look-ups: exact values and boundaries — the faults the mutation
run found living (issue 16, item 10; `python -m tests.reliability.mutation`)."""

from __future__ import annotations

import datetime as dt

import pytest

from utredning_app.domain import report_model as rm
from utredning_app.domain.enums import (
    CriterionKind,
    LegalForm,
    ReportKind,
    ReportStatus,
    Visibility,
)
from utredning_app.domain.formatting import (
    NBSP,
    format_date,
    format_number,
    parse_number,
    swedish_sort_key,
)
from utredning_app.domain.svarsmall import checksum
from utredning_app.domain.validation import (
    FieldError,
    FieldValidationError,
    Scale,
    raise_if_invalid,
    validate,
)
from utredning_app.domain.visibility import is_private, is_private_row


def fields(table: str, values: dict[str, object], scale: Scale | None = None) -> dict[str, str]:
    return {e.field: e.message for e in validate(table, values, scale)}


# ---------------------------------------------------------------- validation


def test_required_values_must_be_present() -> None:
    assert fields("milestone", {"title": "Delrapport", "due_date": None, "kind": None}) == {
        "due_date": "Datum måste anges.",
        "kind": "Typ måste anges.",
    }
    assert fields("milestone", {"title": "D", "due_date": dt.date(2024, 1, 1)}) == {}
    assert fields("unknown_table", {"title": ""}) == {}


def test_calendar_years_include_both_ends() -> None:
    for year in (1900, 2200):
        assert fields("estimate_value", {"year": year}) == {}
    for year in (1899, 2201):
        assert fields("estimate_value", {"year": year}) == {
            "year": "Året måste ligga mellan 1900 och 2200."
        }


def test_raise_if_invalid_lists_every_problem_after_the_label() -> None:
    raise_if_invalid("member", "Ledamoten", {"name": "Anna", "role": "ledamot"})
    with pytest.raises(FieldValidationError) as exc:
        raise_if_invalid(
            "assessment", "Bedömningen", {"option_id": None, "score": 0.5}, Scale(1, 3)
        )
    assert exc.value.message == (
        "Bedömningen sparades inte: Styrmodell måste anges.; Poängen måste ligga på skalan 1–3."
    )
    assert exc.value.errors == [
        FieldError("option_id", "Styrmodell måste anges."),
        FieldError("score", "Poängen måste ligga på skalan 1–3."),
    ]


def test_investigation_rules_at_their_boundaries() -> None:
    ok: dict[str, object] = {"title": "T", "score_min": 1, "score_max": 5}
    assert fields("investigation", ok) == {}
    assert fields("investigation", {"title": "T", "score_min": 5, "score_max": 5}) == {
        "score_max": "Skalans högsta värde måste vara större än det lägsta."
    }
    assert fields("investigation", {"title": "T", "score_min": 5, "score_max": None}) == {}
    for years in (1, 50):
        assert fields("investigation", {"title": "T", "horizon_years": years}) == {}
    for years in (0, 51):
        assert fields("investigation", {"title": "T", "horizon_years": years}) == {
            "horizon_years": "Tidshorisonten måste vara 1–50 år."
        }
    for rate in (0, 0.0, 0.5, 0.999):
        assert fields("investigation", {"title": "T", "discount_rate": rate}) == {}
    for rate in (1, 1.0, 1.5, -0.01):
        assert fields("investigation", {"title": "T", "discount_rate": rate}) == {
            "discount_rate": "Diskonteringsräntan måste vara mellan 0 och 1 (0–100 %)."
        }


def test_score_scale_includes_both_ends_and_prints_decimals_the_swedish_way() -> None:
    for score in (1.0, 5.0):
        assert fields("assessment", {"score": score}, Scale(1, 5)) == {}
    assert fields("assessment", {"score": 3.0}) == {}  # default scale 1–5
    assert fields("assessment", {"score": 6.0}) == {"score": "Poängen måste ligga på skalan 1–5."}
    assert fields("assessment", {"score": 6.0}, Scale(1.0, 5.0)) == {
        "score": "Poängen måste ligga på skalan 1–5."
    }
    assert fields("assessment", {"score": 0.0}, Scale(0.5, 2.5)) == {
        "score": "Poängen måste ligga på skalan 0,5–2,5."
    }


def test_low_base_high_messages() -> None:
    assert fields("estimate_value", {"low": 2.0, "base": 1.0, "high": 3.0}) == {
        "low": "Lågt värde kan inte vara större än basvärdet."
    }
    assert fields("estimate_value", {"low": 0.0, "base": 4.0, "high": 3.0}) == {
        "high": "Högt värde kan inte vara mindre än basvärdet."
    }


def test_proposal_numbers_start_at_one() -> None:
    assert fields("proposal", {"title": "F", "number": 1}) == {}
    assert fields("proposal", {"title": "F", "number": None}) == {"number": "Nummer måste anges."}
    for number in (0, -2):
        assert fields("proposal", {"title": "F", "number": number}) == {
            "number": "Förslagets nummer måste vara 1 eller större."
        }


def test_round_deadline_may_be_the_send_date() -> None:
    day = dt.date(2024, 3, 1)
    assert fields("consultation_round", {"name": "R", "sent_date": day, "deadline": day}) == {}
    assert fields("consultation_round", {"name": "R", "sent_date": None, "deadline": day}) == {}
    assert fields("consultation_round", {"name": "R", "sent_date": day, "deadline": None}) == {}


def test_quote_offsets() -> None:
    assert fields("quote", {"text": "x", "start_offset": 0, "end_offset": 0}) == {}
    assert fields("quote", {"text": "x", "start_offset": 3, "end_offset": 7}) == {}
    assert fields("quote", {"text": "x", "start_offset": None, "end_offset": 2}) == {}
    assert fields("quote", {"text": "x", "start_offset": 2, "end_offset": None}) == {}
    assert fields("quote", {"text": "x", "start_offset": -1, "end_offset": 5}) == {
        "start_offset": "Startposition kan inte vara negativ."
    }
    assert fields("quote", {"text": "x", "start_offset": 5, "end_offset": 4}) == {
        "end_offset": "Slutposition kan inte vara före startpositionen."
    }


# ---------------------------------------------------------------- formatting


def test_format_number_swedish() -> None:
    assert format_number(1234567.25, 2) == f"1{NBSP}234{NBSP}567,25"
    assert format_number(1.26) == "1,3"  # one decimal by default
    assert format_number(-1234.5) == f"−1{NBSP}234,5"
    assert format_number(12.5, 0, sep=" ") == "12"
    assert format_number(1234, 0, sep=" ") == "1 234"
    assert format_number(1234, 0, sep="-") == "1-234"  # only a leading minus becomes −
    assert format_number(None) == "–"


def test_format_date() -> None:
    assert format_date(dt.date(2024, 5, 1)) == "2024-05-01"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"1{NBSP}234,5", 1234.5),
        ("1 234,5", 1234.5),
        ("1\u202f234", 1234.0),
        ("  −3 ", -3.0),
        ("1234.5", 1234.5),
        ("-0,25", -0.25),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "  ", NBSP])
def test_parse_number_refuses_empty_text(text: str) -> None:
    with pytest.raises(ValueError) as exc:
        parse_number(text)
    assert exc.value.args == (text,)


def test_swedish_sort_key() -> None:
    words = ["Öst", "zeta", "Ärla", "Åby", "Vanja", "Wallin", "Västra", "apa", "1:a", "Émile"]
    assert sorted(words, key=swedish_sort_key) == [
        "1:a",
        "apa",
        "Émile",
        "Wallin",  # w sorts as v
        "Vanja",
        "Västra",
        "zeta",
        "Åby",
        "Ärla",
        "Öst",
    ]
    assert swedish_sort_key("a1") == ((0, "a"), (-1, "1"))
    assert swedish_sort_key("ñ") == ((100 + ord("ñ"), "ñ"),)


# ---------------------------------------------------------------- visibility, svarsmall, enums


def test_the_private_rule_reads_the_rows_visibility_and_released_flag() -> None:
    assert not is_private_row("note", {"visibility": "gruppen"})
    assert not is_private_row("section", {"visibility": Visibility.GRUPPEN, "released": False})
    assert is_private_row("section", {"visibility": "parti"})
    assert not is_private_row("dissent", {"visibility": "privat", "released": 1})
    assert is_private(None)


def test_svarsmall_checksum_is_stable() -> None:
    value = checksum("r1", "c1", ["p1", "p2"])
    assert value == "aae17a601b71c6433c4c8349246dd473"
    assert checksum("r1", "c1", ["p2", "p1"]) != value


def test_enum_from_label_accepts_label_or_value() -> None:
    assert LegalForm.from_label(" Förvaltning ") is LegalForm.FORVALTNING
    assert LegalForm.from_label("NÄMND") is LegalForm.NAMND
    assert LegalForm.from_label("aktiebolag") is LegalForm.AKTIEBOLAG
    with pytest.raises(ValueError) as exc:
        LegalForm.from_label("Stiftelse")
    assert exc.value.args == ("Stiftelse",)


# ---------------------------------------------------------------- report model


def _info() -> rm.InvestigationInfo:
    return rm.InvestigationInfo(
        "Titel", "RS 1", "RS", "Region", "Förvaltning", "Handläggare", "", "", None, 1, 5,
        2024, 3, 0.035, 2023,
    )  # fmt: skip


def _proposal(number: int, *, delrapport: bool, slutrapport: bool) -> rm.ProposalData:
    return rm.ProposalData(f"p{number}", number, f"F{number}", "", "", delrapport, slutrapport, ())


def _report(kind: ReportKind, *sections: rm.SectionData) -> rm.ReportInfo:
    return rm.ReportInfo(kind, kind.label, ReportStatus.UTKAST, None, sections)


def test_report_model_lookups() -> None:
    shared_del = rm.SectionData("bakgrund", "Bakgrund", "delrapportens")
    shared_slut = rm.SectionData("bakgrund", "Bakgrund", "slutrapportens")
    only_slut = rm.SectionData("slutsatser", "Slutsatser", "")
    options = [
        rm.OptionData("o1", "A", "Nämnd", False, "", "", ""),
        rm.OptionData("o0", "N", "Noll", True, "", "", ""),
    ]
    proposals = [
        _proposal(1, delrapport=True, slutrapport=True),
        _proposal(2, delrapport=False, slutrapport=True),
        _proposal(3, delrapport=True, slutrapport=False),
    ]
    data = rm.ReportData(
        _info(),
        options=options,
        proposals=proposals,
        reports={
            ReportKind.DELRAPPORT: _report(ReportKind.DELRAPPORT, shared_del),
            ReportKind.SLUTRAPPORT: _report(ReportKind.SLUTRAPPORT, shared_slut, only_slut),
        },
    )
    assert data.section("bakgrund") is shared_del
    assert data.section("bakgrund", prefer=ReportKind.SLUTRAPPORT) is shared_slut
    assert data.section("bakgrund", prefer=ReportKind.TJANSTEUTLATANDE) is shared_del
    assert data.section("slutsatser", prefer=ReportKind.DELRAPPORT) is only_slut
    assert data.section("saknas") is None
    assert data.baseline is options[1]
    assert data.option("o1") is options[0] and data.option("x") is None
    assert [p.number for p in data.proposals_for(ReportKind.DELRAPPORT)] == [1, 3]
    assert [p.number for p in data.proposals_for(ReportKind.SLUTRAPPORT)] == [1, 2]
    assert [p.number for p in data.proposals_for(ReportKind.TJANSTEUTLATANDE)] == [1, 2]
    assert [p.number for p in data.proposals_for(None)] == [1, 2, 3]
    assert proposals[1].label == "Förslag 2"
    named = rm.RoundData("r1", "Remiss", None, None, "", ("p3", "borta", "p1"), ())
    unnamed = rm.RoundData("r2", "Andra", None, None, "", (), ())
    assert [p.number for p in data.round_proposals(named)] == [3, 1]
    assert [p.number for p in data.round_proposals(unnamed)] == [1, 3]
    assert data.latest_round() is None
    third = rm.RoundData("r3", "Tredje", None, None, "", (), ())
    data.rounds = [named, unnamed, third]
    assert data.latest_round() is third
    assert rm.ReportData(_info()).baseline is None
    assert CriterionKind.COST.label  # the enums the report model uses carry labels
