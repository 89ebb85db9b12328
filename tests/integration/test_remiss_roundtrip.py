"""Round trip: send-out for the demo round, consultees fill in the forms (with mistakes),
answers in Word and PDF, import, and the stances and texts come out right."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.remiss_helpers import convert_to_pdf, ensure_round, fill_form, write_docx_answer
from utredning_app.domain import svarsmall as fmt
from utredning_app.domain.enums import StanceKind
from utredning_app.services.responses import analyse_files, commit_import, import_answers
from utredning_app.services.sendout import create_sendout
from utredning_app.storage import models as m
from utredning_app.storage.base import utcnow
from utredning_app.storage.database import Database, open_database

LABELS = [k.label for k in StanceKind]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sent(demo_path: Path, tmp_path: Path) -> tuple[Path, list[Path], list[str]]:
    with open_database(demo_path) as db:
        ids = ensure_round(db)
    items = create_sendout(demo_path, tmp_path / "utskick")
    return demo_path, [item.form for item in items], ids.proposal_ids


def test_sendout_writes_a_locked_form_and_a_letter_per_invited_consultee(
    demo_path: Path, tmp_path: Path
) -> None:
    import docx

    with open_database(demo_path) as db:
        ids = ensure_round(db)
        with db.reader() as s:
            invited = s.scalars(
                select(m.Consultee).where(
                    m.Consultee.round_id == ids.round_id, m.Consultee.invited.is_(True)
                )
            ).all()
            inv = db.investigation(s)
    before = _digest(demo_path)
    items = create_sendout(demo_path, tmp_path / "ut")
    assert _digest(demo_path) == before  # send-out only reads
    assert len(items) == len(invited)
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == sorted(
        [i.form.name for i in items] + [i.letter.name for i in items]
    )
    wb = openpyxl.load_workbook(items[0].form)
    ws = wb[fmt.ANSWER_SHEET]
    assert ws.protection.sheet
    assert wb[fmt.ID_SHEET].sheet_state == "veryHidden"
    assert fmt.DEFINED_NAME in wb.defined_names
    n = len(ids.proposal_ids)
    rows = range(fmt.FIRST_PROPOSAL_ROW, fmt.FIRST_PROPOSAL_ROW + n)
    for r in rows:
        assert ws.cell(r, 1).protection.locked
        assert ws.cell(r, 2).protection.locked
        assert not ws.cell(r, 3).protection.locked
        assert not ws.cell(r, 4).protection.locked
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert all(label in validation.formula1 for label in LABELS)
    assert str(validation.sqref) == f"C{rows[0]}:C{rows[-1]}"
    letter = docx.Document(items[0].letter)
    text = "\n".join(p.text for p in letter.paragraphs)
    assert inv.diarienummer and inv.diarienummer in text
    assert ids.deadline.isoformat() in text
    assert items[0].consultee in text


def test_filled_forms_round_trip_and_mistakes_are_rejected_whole(
    sent: tuple[Path, list[Path], list[str]], tmp_path: Path
) -> None:
    path, forms, proposals = sent
    n = len(proposals)
    assert n >= 4
    good, unknown_word, edited, empty, *_rest = forms
    fill_form(
        good,
        [LABELS[0], "avstyrker", None, "Ingen erinran"] + [None] * (n - 4),
        ["Bra.", "", "", ""] + [""] * (n - 4),
    )
    fill_form(unknown_word, [LABELS[0], "Ja, gärna"] + [LABELS[2]] * (n - 2))
    fill_form(edited, [LABELS[1]] * n)
    wb = openpyxl.load_workbook(edited)
    wb[fmt.ANSWER_SHEET].insert_rows(fmt.FIRST_PROPOSAL_ROW + 1)  # a consultee adds a row
    wb.save(edited)
    duplicate = tmp_path / "kopia.xlsx"
    shutil.copyfile(good, duplicate)
    other_round = _form_from_another_round(path, tmp_path)
    files = [good, unknown_word, edited, empty, duplicate, other_round]
    result = import_answers(path, files)
    assert [f for f, _ in result.imported] == [good.name]
    reasons = dict(result.rejected)
    assert (
        f"{unknown_word.name}, bladet Svar: rad {fmt.FIRST_PROPOSAL_ROW + 1}, kolumn C"
        in (reasons[unknown_word.name])
    )
    assert "okänt ställningstagande «Ja, gärna»" in reasons[unknown_word.name]
    assert f"rad {fmt.FIRST_PROPOSAL_ROW + 1}: förslag nr" in reasons[edited.name]
    assert "inte ifylld" in reasons[empty.name]
    assert "samma fil som" in reasons[duplicate.name]
    assert "annan remissomgång" in reasons[other_round.name]
    with open_database(path, read_only=True) as db, db.reader() as s:
        (attachment,) = s.scalars(
            select(m.Attachment).where(m.Attachment.file_name == good.name)
        ).all()
        stances = {
            st.proposal_id: (st.stance, st.comment_md)
            for st in s.scalars(
                select(m.Stance).where(m.Stance.response_id == attachment.response_id)
            )
        }
    assert stances == {
        proposals[0]: (StanceKind.TILLSTYRKER, "Bra."),
        proposals[1]: (StanceKind.AVSTYRKER, ""),
        proposals[3]: (StanceKind.INGEN_ERINRAN, ""),
    }
    assert attachment.sha256 == _digest(good)
    assert attachment.data == good.read_bytes()
    # The same file again later: refused as a duplicate, the file is left as it was.
    before = _digest(path)
    again = import_answers(path, [good])
    assert not again.imported and "finns redan" in again.rejected[0][1]
    assert _digest(path) == before


def _form_from_another_round(path: Path, tmp_path: Path) -> Path:
    """A genuine svarsmall, but from a copy of the investigation with its own round."""
    other = tmp_path / "annan.utredning"
    shutil.copyfile(path, other)
    with open_database(other) as db, db.transaction() as s:
        for rnd in s.scalars(select(m.ConsultationRound)):
            rnd.deleted_at = utcnow()
    with open_database(other) as db:
        ensure_round(db)
    (form, *_rest) = [i.form for i in create_sendout(other, tmp_path / "annan")]
    fill_form(form, [LABELS[0]] * len(ensure_round_ids(other)))
    return form


def ensure_round_ids(path: Path) -> list[str]:
    with open_database(path) as db:
        return ensure_round(db).proposal_ids


@pytest.mark.libreoffice
def test_word_and_pdf_answers_are_matched_and_their_text_kept(
    demo_db: Database, tmp_path: Path
) -> None:
    ids = ensure_round(demo_db)
    names: list[str] = []
    for name in ids.consultee_ids:  # four consultees whose short names differ
        if all(name.split(",")[0][:12] != other.split(",")[0][:12] for other in names):
            names.append(name)
    body = [
        "Nämnden har tagit del av delrapporten och lämnar följande yttrande.",
        "Vi tillstyrker förslaget om en akutsjukhusnämnd men vill betona att nämndstyrningen "
        "måste förenas med tydliga uppdrag.",
        "Omvårdnadsperspektivet behöver stärkas i hela vårdkedjan.",
    ]
    docs = tmp_path / "svar"
    docs.mkdir()
    word = [
        write_docx_answer(docs / "Yttrande_2023-09-12.docx", names[0].split(",")[0], body, pages=4),
        write_docx_answer(docs / "remissvar final v2.docx", names[1], body),
    ]
    sources = [
        write_docx_answer(tmp_path / "yttrande.docx", names[2], body),
        write_docx_answer(tmp_path / "scan.docx", names[3], body, pages=2),
    ]
    pdfs = convert_to_pdf(sources, docs, tmp_path / "lo-profil")
    proposals = analyse_files(demo_db, [*word, *pdfs])
    assert [p.error for p in proposals] == ["", "", "", ""]
    matched = {p.path.name: (p.consultee_name, p.accepted) for p in proposals}
    assert matched == {
        word[0].name: (names[0], True),
        word[1].name: (names[1], True),
        pdfs[0].name: (names[2], True),
        pdfs[1].name: (names[3], True),
    }
    result = commit_import(demo_db, proposals)
    assert len(result.imported) == 4 and not result.rejected
    with demo_db.reader() as s:
        texts = {
            a.file_name: (a.media_type, r.extracted_text)
            for a, r in s.execute(
                select(m.Attachment, m.Response)
                .join(m.Response, m.Response.id == m.Attachment.response_id)
                .where(m.Response.id.in_(result.response_ids))
            )
        }
    assert texts[pdfs[0].name][0] == "application/pdf"
    for _media, text in texts.values():
        assert "nämndstyrningen" in text
        assert "Omvårdnadsperspektivet" in text
