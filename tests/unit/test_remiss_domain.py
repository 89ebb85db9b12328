"""Pure remiss helpers: stance words, checksums, search expressions, passages, file names."""

from __future__ import annotations

import re

import pytest

from utredning_app.domain import svarsmall as fmt
from utredning_app.domain.enums import ConsulteeType, StanceKind
from utredning_app.errors import ValidationError
from utredning_app.services.consultees import guess_type, parse_type
from utredning_app.services.search import fts_query, passages_in
from utredning_app.services.sendout import safe_file_name


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tillstyrker", StanceKind.TILLSTYRKER),
        ("  tillstyrker   med synpunkter ", StanceKind.TILLSTYRKER_MED_SYNPUNKTER),
        ("AVSTYRKER", StanceKind.AVSTYRKER),
        ("Avstår från att yttra sig", StanceKind.AVSTAR),
        ("ingen_erinran", StanceKind.INGEN_ERINRAN),
        ("Ja", None),
    ],
)
def test_stance_words(text: str, kind: StanceKind | None) -> None:
    assert fmt.parse_stance(text) is kind


def test_checksum_covers_every_identifier() -> None:
    base = fmt.checksum("r", "c", ["p1", "p2"])
    assert base == fmt.checksum("r", "c", ["p1", "p2"])
    assert base != fmt.checksum("r", "c", ["p2", "p1"])
    assert base != fmt.checksum("r", "d", ["p1", "p2"])


def test_search_expression_quotes_every_word_and_needs_three_letters() -> None:
    assert fts_query('styrning av "nya nämnder"') == (
        '{extracted_text summary_md}: ("styrning" AND "nya nämnder")'
    )
    assert fts_query('a"b"c OR NEAR') == '{extracted_text summary_md}: ("NEAR")'
    with pytest.raises(ValidationError):
        fts_query("ab, c")


def test_passages_mark_compound_parts_in_context() -> None:
    text = "Inledning. " + "x " * 100 + "Nämndstyrningen blir tydligare. " + "y " * 100
    (passage,) = passages_in(text, re.compile("styrning", re.IGNORECASE), context=20)
    assert passage.hit == "styrning"
    assert passage.before.startswith("…") and passage.before.endswith("Nämnd")
    assert passage.after.startswith("en blir") and passage.after.endswith("…")


def test_consultee_types_from_words_and_names() -> None:
    assert parse_type("Facklig organisation") is ConsulteeType.FACKLIG
    assert parse_type("bolag") is ConsulteeType.BOLAG
    assert parse_type("Myndighet") is ConsulteeType.MYNDIGHET
    assert parse_type("Myndigt verk") is None
    assert guess_type("Södersjukhuset AB") is ConsulteeType.BOLAG
    assert guess_type("Hälso- och sjukvårdsnämnden") is ConsulteeType.NAMND
    assert guess_type("Vårdförbundet") is ConsulteeType.FACKLIG


def test_file_names_are_safe_everywhere() -> None:
    assert safe_file_name('Nämnd: "A/B" <test>?') == "Nämnd A B test"
    assert safe_file_name("...") == "namnlös"
