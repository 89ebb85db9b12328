"""Scanned answers (OCR), garbled text (quality check), and the PDF page header."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from tests.remiss_helpers import (
    SCANNED_LINES,
    add_ministry_consultees,
    ensure_round,
    garble_pdf_encoding,
    write_docx_answer,
    write_ministry_letter_pdf,
    write_pdf_pages,
    write_scanned_pdf,
)
from utredning_app.cli import main as cli_main
from utredning_app.domain.enums import ConsulteeType
from utredning_app.importing import ocr
from utredning_app.importing.text_quality import check_pages, page_quality, page_ranges
from utredning_app.services.responses import analyse_files, commit_import
from utredning_app.storage import models as m
from utredning_app.storage.database import Database, open_database

WHEN = dt.date(2023, 9, 1)
COUNTY = "Länsstyrelsen i Stockholms län"


def _add_county(db: Database) -> str:
    rid = ensure_round(db).round_id
    with db.transaction() as s:
        row = m.Consultee(round_id=rid, name=COUNTY, type=ConsulteeType.MYNDIGHET)
        s.add(row)
        s.flush()
        return row.id


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_scanned_answer_is_read_by_ocr_and_marked(db: Database, tmp_path: Path) -> None:
    county = _add_county(db)
    scan = write_scanned_pdf(tmp_path / "yttrande.pdf", [SCANNED_LINES, SCANNED_LINES[3:7]])
    pages: list[tuple[int, int]] = []
    (found,) = analyse_files(
        db, [scan], received=WHEN, page_progress=lambda d, t: pages.append((d, t))
    )
    assert found.ok, found.error
    assert found.ocr_pages == [1, 2] and pages == [(1, 2), (2, 2)]
    assert "Länsstyrelsen tillstyrker förslag 1 om att akutsjukhusen" in found.text
    assert "OCR-tolkad text på sidorna 1–2" in "; ".join(found.warnings)
    assert found.consultee_id == county and found.accepted  # letterhead and signature
    (rid,) = commit_import(db, [found], received=WHEN).response_ids
    with db.reader() as s:
        row = s.get(m.Response, rid)
        assert row is not None and row.ocr_pages == "1–2"
        entry = s.query(m.AuditEntry).filter_by(table_name="response", row_id=rid).one()
    assert "1–2" in json.dumps(json.loads(entry.changes_json)["ocr_pages"], ensure_ascii=False)
    assert entry.summary == "Remissvar (OCR-tolkad text, sidorna 1–2)"


def test_without_tesseract_the_scan_is_refused_with_install_help_and_the_rest_goes_in(
    empty_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with open_database(empty_path) as db:
        _add_county(db)
    monkeypatch.setenv(ocr.TESSERACT_ENV, str(tmp_path / "saknas" / "tesseract"))
    scan = write_scanned_pdf(tmp_path / "skannat.pdf", [SCANNED_LINES])
    word = write_docx_answer(tmp_path / "svar.docx", "Södersjukhuset AB", ["Vi tillstyrker."])
    code, out, err = _run(
        capsys,
        "import",
        "remissvar",
        str(empty_path),
        str(scan),
        str(word),
        "--inkom",
        "2023-09-01",
    )
    assert code == 1
    assert "svar.docx: inläst som svar från Södersjukhuset AB" in out
    assert "skannat.pdf: filen behöver OCR men Tesseract finns inte" in err
    for hint in (
        "Windows",
        "macOS",
        "brew install tesseract",
        "apt install tesseract-ocr tesseract-ocr-swe",
    ):
        assert hint in err
    assert "Traceback" not in err


def test_garbled_text_is_flagged_and_read_by_ocr_on_request(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(empty_path) as db:
        add_ministry_consultees(db)
        clean = write_ministry_letter_pdf(tmp_path / "ren.pdf")
        garbled = garble_pdf_encoding(clean, tmp_path / "remissvar.pdf")
        (found,) = analyse_files(db, [garbled], received=WHEN)
        assert found.ok and found.garbled_pages == [1] and not found.accepted
        assert "texten ser förvrängd ut (sida 1: bara 0 % svenska ord)" in "; ".join(found.warnings)
    args = ["import", "remissvar", str(empty_path), str(garbled), "--inkom", "2023-09-01"]
    code, _out, err = _run(capsys, *args)
    assert code == 1 and "remissvar.pdf: texten på sidorna 1 ser förvrängd ut" in err
    assert "--ocr" in err
    code, out, err = _run(capsys, *args, "--ocr")
    assert code == 0, err
    assert "remissvar.pdf: inläst som svar från Socialstyrelsen" in out
    assert "OCR-tolkad text på sidorna 1" in out
    conn = sqlite3.connect(empty_path)
    try:
        text, pages = conn.execute("SELECT extracted_text, ocr_pages FROM response").fetchone()
    finally:
        conn.close()
    assert pages == "1" and "Vi tillstyrker förslag 1" in text


def test_the_page_header_is_kept_first_in_reading_order(db: Database, tmp_path: Path) -> None:
    """Word draws the page header after the body; the text puts it where it stands."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    path = tmp_path / "svar.pdf"
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        fig = Figure(figsize=(8.27, 11.69))
        for i, line in enumerate(["Yttrande över delrapporten", "Vi tillstyrker förslag 1."]):
            fig.text(0.09, 0.85 - i * 0.024, line, fontsize=10.5)
        fig.text(0.09, 0.96, "Patientnämnden", fontsize=10.5)  # drawn last, stands first
        fig.text(0.65, 0.96, "2024-03-15", fontsize=9)
        fig.text(0.65, 0.945, "Dnr PaN 2024/17", fontsize=9)
        pdf.savefig(fig)
    ensure_round(db)
    (found,) = analyse_files(db, [path], received=WHEN)
    assert found.text.splitlines()[:2] == ["Patientnämnden 2024-03-15", "Dnr PaN 2024/17"]
    assert found.consultee_name == "Patientnämnden" and found.accepted


def test_quality_of_real_and_garbled_text() -> None:
    prose = (
        "Nämnden tillstyrker förslaget om att akutsjukhusen ombildas till förvaltningar, "
        "men anser att kostnaderna för omställningen behöver utredas vidare innan beslut."
    )
    assert not page_quality(prose, 1).garbled
    garbage = "*|UDQ3HUVVRQ " * 3 + "Qlpqghq wloovw|unhu I|uvodjhw rp dww dnxwvmxnkxvhq " * 2
    assert page_quality(garbage, 2).garbled
    assert page_quality("Vi tillstyrker.\x01\x02\x03\x04", 3).garbled  # control characters
    assert page_quality("Vi tillstyrker förslaget \ufffd\ufffd\ufffd", 4).garbled
    assert page_quality("Bilaga 1", 5).garbled is False  # too few words to judge
    assert [q.page for q in check_pages(["", prose]) if q.empty] == [1]
    assert page_ranges([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7–8"


def test_text_pdf_needs_no_ocr(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ocr.TESSERACT_ENV, str(tmp_path / "saknas"))  # never called
    ensure_round(db)
    pdf = write_pdf_pages(tmp_path / "svar.pdf", [["Patientnämnden", "Vi tillstyrker."]])
    (found,) = analyse_files(db, [pdf], received=WHEN)
    assert found.ok and not found.ocr_pages and not found.garbled_pages


def test_cli_imports_a_scanned_answer(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(empty_path) as db:
        _add_county(db)
    scan = write_scanned_pdf(tmp_path / "skannat yttrande.pdf", [SCANNED_LINES])
    code, out, err = _run(
        capsys, "import", "remissvar", str(empty_path), str(scan), "--inkom", "2023-09-01"
    )
    assert code == 0, err
    assert f"skannat yttrande.pdf: inläst som svar från {COUNTY}" in out
    assert "OCR-tolkad text på sidorna 1" in out


def test_two_columns_stay_columns(tmp_path: Path) -> None:
    """Only a page header is moved: text drawn column by column is not interleaved."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from utredning_app.importing.guards import read_checked
    from utredning_app.importing.pdf_text import extract_pdf_pages

    left = ["Vänster spalt rad ett", "Vänster spalt rad två", "Vänster spalt rad tre"]
    right = ["Höger spalt rad ett", "Höger spalt rad två", "Höger spalt rad tre"]
    path = tmp_path / "spalter.pdf"
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        fig = Figure(figsize=(8.27, 11.69))
        for x, column in ((0.09, left), (0.55, right)):
            for i, line in enumerate(column):
                fig.text(x, 0.7 - i * 0.024, line, fontsize=10.5)
        fig.text(0.09, 0.96, "Dnr 2024/17", fontsize=9)  # the header, drawn last
        pdf.savefig(fig)
    (text,) = extract_pdf_pages(read_checked(path))
    assert text.splitlines() == ["Dnr 2024/17", *left, *right]
