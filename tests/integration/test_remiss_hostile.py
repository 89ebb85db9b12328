"""Hostile and broken answer files: each gets a clear Swedish message naming the file, and the
investigation file is byte-for-byte unchanged afterwards."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.remiss_helpers import ensure_round, fill_form, write_docx_answer
from utredning_app.services.responses import import_answers
from utredning_app.services.sendout import create_sendout
from utredning_app.storage.database import open_database

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>\n"
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info)))
    return target


def _docx(tmp: Path) -> Path:
    return write_docx_answer(tmp / "underlag.docx", "Södersjukhuset AB", ["Vi tillstyrker."])


def _xlsx(tmp: Path, investigation: Path) -> Path:
    form = create_sendout(investigation, tmp / "utskick")[0].form
    fill_form(form, ["Tillstyrker"] * 4)
    return form


def corrupt_docx(tmp: Path, _inv: Path) -> Path:
    good = _docx(tmp).read_bytes()
    path = tmp / "trasig.docx"
    path.write_bytes(good[: len(good) // 2])  # cut off mid-way, like a failed download
    return path


def corrupt_pdf(tmp: Path, _inv: Path) -> Path:
    path = tmp / "trasig.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + b"\x00\xff" * 500)
    return path


def corrupt_xlsx(tmp: Path, inv: Path) -> Path:
    form = _xlsx(tmp, inv)
    return _rezip(form, tmp / "trasig.xlsx", {"xl/workbook.xml": b"<workbook><sheets>"})


def encrypted_pdf(tmp: Path, _inv: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="hemligt", owner_password="ägare")
    path = tmp / "krypterad.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def encrypted_docx(tmp: Path, _inv: Path) -> Path:
    # A password-protected Office file is an OLE compound file holding EncryptedPackage.
    path = tmp / "lösenord.docx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 4088
        + "EncryptedPackage".encode("utf-16-le")
    )
    return path


def encrypted_xlsx(tmp: Path, _inv: Path) -> Path:
    path = tmp / "lösenord.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4088)
    return path


def zip_bomb(tmp: Path, _inv: Path) -> Path:
    path = tmp / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * 60 * 1024**2)
    return path


def billion_laughs_docx(tmp: Path, _inv: Path) -> Path:
    source = _docx(tmp)
    with zipfile.ZipFile(source) as zf:
        document = zf.read("word/document.xml")
    body = document.split(b"?>", 1)[1].replace(b"Vi tillstyrker.", b"&lol9;")
    return _rezip(source, tmp / "laughs.docx", {"word/document.xml": BILLION_LAUGHS + body})


def billion_laughs_xlsx(tmp: Path, inv: Path) -> Path:
    form = _xlsx(tmp, inv)
    part = "xl/worksheets/sheet1.xml"  # openpyxl writes inline strings into the sheet
    with zipfile.ZipFile(form) as zf:
        sheet = zf.read(part)
    body = sheet.split(b"?>", 1)[-1].replace(b"Tillstyrker", b"&lol9;", 1)
    return _rezip(form, tmp / "laughs.xlsx", {part: BILLION_LAUGHS + body})


def huge_file(tmp: Path, _inv: Path) -> Path:
    path = tmp / "jättestor.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(200 * 1024**2)  # sparse: costs no disk
    return path


def pdf_named_docx(tmp: Path, _inv: Path) -> Path:
    path = tmp / "egentligen-pdf.docx"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


def png_named_pdf(tmp: Path, _inv: Path) -> Path:
    path = tmp / "bild.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    return path


def text_file(tmp: Path, _inv: Path) -> Path:
    path = tmp / "svar.txt"
    path.write_text("Vi tillstyrker.", encoding="utf-8")
    return path


def workbook_not_a_form(tmp: Path, _inv: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Tillstyrker"
    path = tmp / "egen-tabell.xlsx"
    wb.save(path)
    return path


def image_only_pdf(tmp: Path, _inv: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp / "inskannad.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def tampered_identity(tmp: Path, inv: Path) -> Path:
    import openpyxl

    from utredning_app.domain import svarsmall as fmt

    form = _xlsx(tmp, inv)
    wb = openpyxl.load_workbook(form)
    wb[fmt.ID_SHEET]["A4"] = "00000000-0000-0000-0000-000000000000"
    wb.save(form)
    return form


CASES: list[tuple[Callable[[Path, Path], Path], str]] = [
    (corrupt_docx, "innehållet är inte Word-dokument"),
    (corrupt_pdf, "PDF-filen är skadad"),
    (corrupt_xlsx, "Excel-filen är skadad"),
    (encrypted_pdf, "lösenordsskyddad"),
    (encrypted_docx, "lösenordsskyddad (krypterad)"),
    (encrypted_xlsx, "lösenordsskyddad (krypterad)"),
    (zip_bomb, "zip-bomb"),
    (billion_laughs_docx, "DTD/entiteter"),
    (billion_laughs_xlsx, "DTD/entiteter"),
    (huge_file, "filen är för stor (200 MB"),
    (pdf_named_docx, "filen heter .docx men innehållet är PDF"),
    (png_named_pdf, "innehållet är inte PDF"),
    (text_file, "filtypen .txt tas inte emot"),
    (workbook_not_a_form, "ingen svarsmall från Utredningsstöd"),
    (image_only_pdf, "ingen text"),
    (tampered_identity, "kontrollsumman stämmer inte"),
]


@pytest.mark.parametrize(("make", "expected"), CASES, ids=[c[0].__name__ for c in CASES])
def test_hostile_file_is_rejected_and_the_investigation_is_unchanged(
    demo_path: Path, tmp_path: Path, make: Callable[[Path, Path], Path], expected: str
) -> None:
    with open_database(demo_path) as db:
        ensure_round(db)
    bad = make(tmp_path, demo_path)
    before = _digest(demo_path)
    result = import_answers(demo_path, [bad])
    assert result.imported == []
    ((name, reason),) = result.rejected
    assert name == bad.name
    assert reason.startswith(bad.name)
    assert expected in reason
    assert _digest(demo_path) == before


def test_a_batch_takes_the_valid_files_and_reports_the_rejected(
    demo_path: Path, tmp_path: Path
) -> None:
    with open_database(demo_path) as db:
        ensure_round(db)
    good = _docx(tmp_path)
    bad = [zip_bomb(tmp_path, demo_path), encrypted_pdf(tmp_path, demo_path)]
    result = import_answers(demo_path, [bad[0], good, bad[1]])
    assert [f for f, _ in result.imported] == [good.name]
    assert [f for f, _ in result.rejected] == [b.name for b in bad]


def test_openpyxl_parses_through_defusedxml() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML


def test_the_guard_never_expands_the_bomb_into_memory() -> None:
    from utredning_app.importing.guards import FileRejected, check_bytes

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", b"\x00" * 150 * 1024**2)
    with pytest.raises(FileRejected, match="zip-bomb"):
        check_bytes("bomb.xlsx", buffer.getvalue())


def test_a_file_changed_after_the_check_is_reported_and_the_rest_read(
    demo_path: Path, tmp_path: Path
) -> None:
    from utredning_app.services.responses import analyse_files, commit_import

    with open_database(demo_path) as db:
        ensure_round(db)
        good = _docx(tmp_path)
        other = write_docx_answer(tmp_path / "ändras.docx", "Locum AB", ["Vi tillstyrker."])
        found = analyse_files(db, [good, other])
        assert all(p.ok and p.accepted for p in found)
        write_docx_answer(other, "Locum AB", ["Vi avstyrker i stället."])
        result = commit_import(db, found)
    assert [f for f, _ in result.imported] == [good.name]
    assert result.rejected == [
        (
            other.name,
            f"{other.name}: filen har ändrats sedan den kontrollerades. Lägg till den igen.",
        )
    ]


@pytest.mark.libreoffice
def test_a_pdf_locked_only_against_editing_is_read(demo_path: Path, tmp_path: Path) -> None:
    """Many authorities 'protect' PDFs with an owner password only: they open without one."""
    from pypdf import PdfReader, PdfWriter

    from tests.remiss_helpers import convert_to_pdf

    with open_database(demo_path) as db:
        ensure_round(db)
    source = write_docx_answer(tmp_path / "låst.docx", "Locum AB", ["Lokalerna räcker inte."])
    (pdf,) = convert_to_pdf([source], tmp_path / "pdf", tmp_path / "lo-profil")
    writer = PdfWriter(clone_from=PdfReader(pdf))
    writer.encrypt(user_password="", owner_password="bara-ägaren")
    locked = tmp_path / "Locum låst.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    result = import_answers(demo_path, [locked])
    assert [f for f, _ in result.imported] == [locked.name], result.rejected
