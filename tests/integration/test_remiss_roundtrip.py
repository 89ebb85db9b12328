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
def sent(demo_path: Path, tmp_path: Path) -> tuple[Path, list[Path]]:
    with open_database(demo_path) as db:
        ensure_round(db)
    items = create_sendout(demo_path, tmp_path / "utskick")
    return demo_path, [item.form for item in items]


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
    sent: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    path, forms = sent
    good, unknown_word, edited, empty, *_rest = forms
    fill_form(good, [LABELS[0], "avstyrker", None, "Ingen erinran"], ["Bra.", "", "", ""])
    fill_form(unknown_word, [LABELS[0], "Ja, gärna", LABELS[2], LABELS[3]])
    fill_form(edited, [LABELS[0], LABELS[1], LABELS[2], LABELS[3]])
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
        (response,) = s.scalars(select(m.Response).where(m.Response.deleted_at.is_(None))).all()
        stances = {
            st.proposal_id: (st.stance, st.comment_md)
            for st in s.scalars(select(m.Stance).where(m.Stance.response_id == response.id))
        }
        proposals = [
            p.id
            for p in s.scalars(
                select(m.Proposal)
                .join(m.RoundProposal, m.RoundProposal.proposal_id == m.Proposal.id)
                .order_by(m.Proposal.number)
            )
        ]
        (attachment,) = s.scalars(select(m.Attachment)).all()
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
    fill_form(form, [LABELS[0]] * 4)
    return form


@pytest.mark.libreoffice
def test_word_and_pdf_answers_are_matched_and_their_text_kept(
    demo_db: Database, tmp_path: Path
) -> None:
    ensure_round(demo_db)
    body = [
        "Nämnden har tagit del av delrapporten och lämnar följande yttrande.",
        "Vi tillstyrker förslaget om en akutsjukhusnämnd men vill betona att nämndstyrningen "
        "måste förenas med tydliga uppdrag.",
        "Omvårdnadsperspektivet behöver stärkas i hela vårdkedjan.",
    ]
    docs = tmp_path / "svar"
    docs.mkdir()
    word = [
        write_docx_answer(
            docs / "Yttrande_Sodersjukhuset_2023-09-12.docx", "Södersjukhuset AB", body, pages=4
        ),
        write_docx_answer(docs / "remissvar final v2.docx", "Vårdförbundet Region Stockholm", body),
    ]
    sources = [
        write_docx_answer(tmp_path / "HSN yttrande.docx", "Hälso- och sjukvårdsnämnden", body),
        write_docx_answer(tmp_path / "scan.docx", "Patientnämnden", body, pages=2),
    ]
    pdfs = convert_to_pdf(sources, docs, tmp_path / "lo-profil")
    proposals = analyse_files(demo_db, [*word, *pdfs])
    assert [p.error for p in proposals] == ["", "", "", ""]
    matched = {p.path.name: (p.consultee_name, p.accepted) for p in proposals}
    assert matched == {
        word[0].name: ("Södersjukhuset AB", True),
        word[1].name: ("Vårdförbundet Region Stockholm", True),
        pdfs[0].name: ("Hälso- och sjukvårdsnämnden", True),
        pdfs[1].name: ("Patientnämnden", True),
    }
    result = commit_import(demo_db, proposals)
    assert len(result.imported) == 4 and not result.rejected
    with demo_db.reader() as s:
        texts = {
            a.file_name: (a.media_type, r.extracted_text)
            for a, r in s.execute(
                select(m.Attachment, m.Response).join(
                    m.Response, m.Response.id == m.Attachment.response_id
                )
            )
        }
    assert texts[pdfs[0].name][0] == "application/pdf"
    for _media, text in texts.values():
        assert "nämndstyrningen" in text
        assert "Omvårdnadsperspektivet" in text
