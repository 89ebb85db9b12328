"""Sender identification: letterhead, signature, closing and footer weigh most; the address
block (the recipient) does not count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.remiss_helpers import (
    add_ministry_consultees,
    write_docx_answer,
    write_ministry_letter_docx,
    write_ministry_letter_pdf,
)
from utredning_app.services.responses import MatchMethod, analyse_files
from utredning_app.services.sender import ConsulteeKey, Zone, identify_sender
from utredning_app.storage.database import Database, open_database


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_letter_to_a_ministry_is_matched_to_its_sender_not_the_recipient(
    db: Database, tmp_path: Path, kind: str
) -> None:
    agency, ministry = add_ministry_consultees(db)
    write = write_ministry_letter_docx if kind == "docx" else write_ministry_letter_pdf
    letter = write(tmp_path / f"remissvar.{kind}")
    (found,) = analyse_files(db, [letter], received=dt.date(2023, 9, 1))
    assert found.ok, found.error
    assert found.consultee_id == agency and found.consultee_name == "Socialstyrelsen"
    assert found.accepted and not found.warnings
    assert found.method is MatchMethod.CLOSING
    assert "avslutningen «Detta yttrande har beslutats av Socialstyrelsens" in found.evidence
    assert "brevhuvudet «SOCIALSTYRELSEN»" in found.evidence
    assert "sidfoten «" in found.evidence and "socialstyrelsen.se" in found.evidence
    assert "Regeringskansliet" not in found.evidence
    others = {cid: score for cid, _name, score in found.alternatives}
    # named in the body once ("Regeringskansliet bör följa upp"): weak, never a sender
    assert others.get(ministry, 0.0) < 85.0


def test_recipient_in_the_address_block_never_counts() -> None:
    keys = [
        ConsulteeKey("a", "Socialstyrelsen", "registrator@socialstyrelsen.se"),
        ConsulteeKey("b", "Regeringskansliet", "s.remissvar@regeringskansliet.se"),
        ConsulteeKey("c", "Hälso- och sjukvårdsnämnden"),
    ]
    text = "\n".join(
        [
            "SOCIALSTYRELSEN",
            "",
            "Till Hälso- och sjukvårdsnämnden",
            "Regeringskansliet",
            "s.remissvar@regeringskansliet.se",
            "",
            "Yttrande över delrapporten",
            "Vi har inga synpunkter.",
        ]
    )
    ranked = identify_sender(text, keys)
    assert ranked[0].consultee_id == "a" and ranked[0].zone is Zone.LETTERHEAD
    assert ranked[0].score >= 85.0
    for other in ranked[1:]:  # a fuzzy likeness to the whole text at most
        assert other.zone is Zone.BODY and other.score < 50.0


def test_signature_and_sender_address_are_evidence() -> None:
    keys = [ConsulteeKey("a", "Vårdförbundet Region Stockholm"), ConsulteeKey("b", "Locum AB")]
    text = "Yttrande\n\nVi tillstyrker.\n\nMed vänlig hälsning\n"
    text += "För Vårdförbundet Region Stockholm\nEva Ek"
    (best, *_rest) = identify_sender(text, keys)
    assert best.consultee_id == "a" and best.zone is Zone.SIGNATURE
    by_mail = identify_sender("Vi tillstyrker.", keys, sender_email="eva.ek@locum.se")
    assert by_mail[0].consultee_id == "b" and by_mail[0].zone is Zone.EMAIL


def test_a_mention_in_the_text_alone_is_not_enough(db: Database, tmp_path: Path) -> None:
    add_ministry_consultees(db)
    answer = write_docx_answer(
        tmp_path / "svar.docx", "Kommunförbundet", ["Vi instämmer med Socialstyrelsen i sak."]
    )
    (found,) = analyse_files(db, [answer])
    assert not (found.accepted and found.consultee_name == "Socialstyrelsen")


def test_cli_names_the_sender_and_the_evidence(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from utredning_app.cli import main as cli_main

    with open_database(empty_path) as db:
        add_ministry_consultees(db)
    letter = write_ministry_letter_pdf(tmp_path / "remissvar.pdf")
    code = cli_main(["import", "remissvar", str(empty_path), str(letter), "--inkom", "2023-09-01"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "remissvar.pdf: inläst som svar från Socialstyrelsen" in out
    assert "avsändare enligt avslutningen «Detta yttrande har beslutats av Socialstyrelsens" in out
    assert "brevhuvudet «SOCIALSTYRELSEN»" in out
