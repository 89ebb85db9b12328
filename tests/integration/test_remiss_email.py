"""Remissvar by e-mail: saved .eml and Outlook .msg files with attachments."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tests.remiss_helpers import (
    SCANNED_LINES,
    add_ministry_consultees,
    email_answer,
    write_docx_answer,
    write_eml,
    write_msg,
    write_scanned_pdf,
)
from utredning_app.services.responses import MatchMethod, analyse_files, commit_import
from utredning_app.storage import models as m
from utredning_app.storage.database import Database, open_database

SENDER = "Karin Holm <karin.holm@socialstyrelsen.se>"
RECEIVED = "Thu, 28 Sep 2023 09:15:00 +0200"


def _attachment(tmp_path: Path) -> Path:
    # No organisation named anywhere in the attached text: only the sender's address tells.
    return write_docx_answer(
        tmp_path / "yttrande.docx",
        "Yttrande",
        ["Vi tillstyrker förslag 1 och avstyrker förslag 3."],
    )


@pytest.mark.parametrize("kind", ["eml", "msg"])
def test_an_emailed_answer_is_matched_by_the_sender_address_and_dated_when_received(
    db: Database, tmp_path: Path, kind: str
) -> None:
    agency, _ministry = add_ministry_consultees(db)
    message = email_answer([_attachment(tmp_path)], sender=SENDER, received=RECEIVED)
    write = write_eml if kind == "eml" else write_msg
    mail = write(tmp_path / f"svar.{kind}", message)
    (found,) = analyse_files(db, [mail], received=dt.date(2023, 10, 20))
    assert found.ok, found.error
    assert found.consultee_id == agency and found.accepted
    assert found.method is MatchMethod.EMAIL
    assert "avsändaradressen" in found.evidence and "socialstyrelsen.se" in found.evidence
    if kind == "eml":
        assert found.received == dt.date(2023, 9, 28)  # the Received stamp, not the Date
    else:
        assert found.received is not None and found.received.year == 2023
    assert found.kind_label == "E-post"
    assert "Här kommer vårt yttrande" in found.text
    assert "--- Bilaga: yttrande.docx ---" in found.text
    assert "Vi tillstyrker förslag 1 och avstyrker förslag 3." in found.text
    assert not any("sista svarsdag" in w for w in found.warnings)  # on time by its own date
    (rid,) = commit_import(db, [found], received=dt.date(2023, 10, 20)).response_ids
    with db.reader() as s:
        row = s.get(m.Response, rid)
        assert row is not None and row.received_date == found.received
        (stored,) = s.query(m.Attachment).filter_by(response_id=rid).all()
        assert stored.data == mail.read_bytes()  # the original e-mail, unchanged
        assert stored.media_type in ("message/rfc822", "application/vnd.ms-outlook")


def test_an_emailed_scan_is_read_by_ocr_and_a_bad_attachment_is_named(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from utredning_app.cli import main as cli_main

    with open_database(empty_path) as db:
        add_ministry_consultees(db)
    scan = write_scanned_pdf(tmp_path / "skannat.pdf", [SCANNED_LINES[3:7]])
    bad = tmp_path / "kalkyl.pdf"
    bad.write_bytes(b"not a pdf at all")
    message = email_answer([scan, bad], sender=SENDER, received=RECEIVED)
    mail = write_eml(tmp_path / "svar.eml", message)
    code = cli_main(["import", "remissvar", str(empty_path), str(mail)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "svar.eml: inläst som svar från Socialstyrelsen" in out
    assert "avsändaradressen «Karin Holm <karin.holm@socialstyrelsen.se>»" in out
    assert "OCR-tolkad text på sidorna skannat.pdf: 1" in out
    conn = sqlite3.connect(empty_path)
    try:
        text, received, ocr = conn.execute(
            "SELECT extracted_text, received_date, ocr_pages FROM response"
        ).fetchone()
    finally:
        conn.close()
    assert "Länsstyrelsen tillstyrker förslag 1" in text and received == "2023-09-28"
    assert ocr == "skannat.pdf: 1"


def test_a_broken_email_is_refused_in_swedish(db: Database, tmp_path: Path) -> None:
    add_ministry_consultees(db)
    broken = tmp_path / "trasig.msg"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    empty = tmp_path / "tom.eml"
    empty.write_bytes(b"\n\n\n")
    found = analyse_files(db, [broken, empty])
    assert found[0].error.startswith("trasig.msg: Outlook-meddelandet är skadat")
    assert found[1].error.startswith("tom.eml: ")
