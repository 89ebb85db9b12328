"""Documents the secretariat can send as exported (issue 13), read back from real files:
ordered intervals, a named signatory and every recipient, Utredningens kommentar per
förslag, footnotes, and a fastställd delrapport that stays as it was sent."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from tests.word_helpers import (
    disordered_intervals,
    docx_text,
    has_draft_watermark,
    headings,
    printed_intervals,
)
from utredning_app.cli import main
from utredning_app.domain.enums import ConsulteeType, MilestoneKind, ReportKind, ReportStatus
from utredning_app.errors import ValidationError
from utredning_app.services.editions import list_editions, record_edition
from utredning_app.services.exports import DOCUMENTS, export_document
from utredning_app.services.remiss_comments import remiss_comment, set_remiss_comment
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database


def _export(kind: str, path: Path, out_dir: Path, name: str = "", **kwargs: object) -> Path:
    out = out_dir / f"{name or kind}.docx"
    export_document(kind, path, out, **kwargs)  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("kind", tuple(DOCUMENTS))
def test_every_printed_interval_is_ordered(kind: str, demo_path: Path, tmp_path: Path) -> None:
    out = _export(kind, demo_path, tmp_path, current=True)
    document = docx.Document(str(out))
    text = docx_text(out)
    assert disordered_intervals(text) == []
    # Numbers never break across lines: thousands and the space before a unit are no-break
    # spaces ("1 465,0", "12 mnkr", "3,5 %"), in tables, text and alt texts alike.
    import re

    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    alts_all = [s._inline.docPr.get("descr") or "" for s in document.inline_shapes]
    for piece in [*cells, *alts_all, *(p.text for p in document.paragraphs)]:
        assert not re.search(r"\d \d{3}\b", piece), piece
        assert not re.search(r"\d (mnkr|%)", piece), piece
    if kind == "tjansteutlatande":
        # The seed memo's sections, in its order.
        chapters = ["Ärendebeskrivning", "Bakgrund", "Överväganden", "Konsekvenser"]
        written = headings(out, 2)
        assert [h for h in written if h in chapters] == chapters
    if kind in ("delrapport", "slutrapport"):
        assert len(printed_intervals(text)) >= 4, "the cost tables print intervals"
        # The charts' alt texts say the same numbers as the tables.
        alts = " ".join(s._inline.docPr.get("descr") or "" for s in document.inline_shapes)
        assert disordered_intervals(alts) == []
        header = " ".join(c.text for t in document.tables for c in t.rows[0].cells)
        header = header.replace("\u00ad", "")
        assert "Skillnad mot nollalternativet, bas (scenariointervall)" in header
    if kind == "slutrapport":
        # Every aktör the cost model knows has a line per option (14 §), "inga kostnader"
        # where there are none.
        from utredning_app.domain.enums import Actor

        table = next(t for t in document.tables if t.rows[0].cells[1].text == "Aktör")
        lines = [(r.cells[0].text, r.cells[1].text, r.cells[2].text) for r in table.rows[1:]]
        options = {o for o, _, _ in lines}
        assert {(o, a.label) for o in options for a in Actor} == {(o, a) for o, a, _ in lines}
        assert any(cost == "inga kostnader" for _, _, cost in lines)


def _fill_memo(path: Path, *, signatory: str, recipients: int) -> None:
    with open_database(path, actor="Testaren") as db, db.transaction() as s:
        inv = db.investigation(s)
        inv.signatory = signatory
        inv.deciding_body = "Regionfullmäktige"
        rnd = s.scalars(select(m.ConsultationRound)).first()
        assert rnd is not None
        for i in range(recipients):
            s.add(
                m.Consultee(round_id=rnd.id, name=f"Bolag {i + 1:02d} AB", type=ConsulteeType.BOLAG)
            )


def test_memo_names_signatory_every_recipient_and_att_satser(
    small_path: Path, tmp_path: Path
) -> None:
    _fill_memo(small_path, signatory="Hans Svensson", recipients=14)
    out = tmp_path / "tu.docx"
    result = export_document("tjansteutlatande", small_path, out)
    document = docx.Document(str(out))
    text = docx_text(out)
    assert "med flera" not in text
    for i in range(14):
        assert f"Bolag {i + 1:02d} AB" in text
    signature = document.tables[-1]
    cells = [c.text for c in signature.rows[0].cells]
    assert cells[0] == "Hans Svensson\nRegiondirektör"
    assert all(line.strip() for c in cells for line in c.split("\n"))  # never an empty line
    paragraphs = [p.text for p in document.paragraphs]
    opening = paragraphs.index("Regionstyrelsen föreslår regionfullmäktige besluta")
    assert paragraphs[opening + 1].startswith("1.\tatt ")
    for chapter in ("Ärendebeskrivning", "Överväganden", "Beslutsunderlag"):
        assert chapter in headings(out, 2)
    assert not [n for n in result.notes if "sidor" in n]  # a short memo: no page warning


def test_memo_without_signatory_warns_and_leaves_no_empty_line(
    small_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "tu.docx"
    result = export_document("tjansteutlatande", small_path, out)
    cells = [c.text for c in docx.Document(str(out)).tables[-1].rows[0].cells]
    assert cells[0] == "Regiondirektör"
    assert any("Undertecknare" in n for n in result.notes)


def test_long_memo_warns_past_four_pages(small_path: Path, tmp_path: Path) -> None:
    with open_database(small_path, actor="Testaren") as db, db.transaction() as s:
        for section in s.scalars(select(m.Section).where(m.Section.key == "sammanfattning")):
            section.body_md = "\n\n".join(["Ett långt stycke om styrningen av vården. " * 12] * 40)
    result = export_document("tjansteutlatande", small_path, tmp_path / "tu.docx")
    assert any("fler än 4" in n for n in result.notes), result.notes


def test_compilation_has_kommentar_for_each_proposal(small_path: Path, tmp_path: Path) -> None:
    with open_database(small_path, actor="Testaren") as db:
        with db.reader() as s:
            rnd = s.scalars(select(m.ConsultationRound)).one()
            links = s.scalars(select(m.RoundProposal).where(m.RoundProposal.round_id == rnd.id))
            proposal_ids = [link.proposal_id for link in links]
        for i, pid in enumerate(proposal_ids):
            set_remiss_comment(db, rnd.id, pid, f"Utredningen *delar* synpunkt nummer {i + 1}.")
        assert remiss_comment(db, rnd.id, proposal_ids[0]).startswith("Utredningen")
        set_remiss_comment(db, rnd.id, proposal_ids[0], "")  # removed …
        assert remiss_comment(db, rnd.id, proposal_ids[0]) == ""
        set_remiss_comment(db, rnd.id, proposal_ids[0], "Utredningen *delar* synpunkt nummer 1.")
        with pytest.raises(ValidationError, match="Förslaget finns inte"):
            set_remiss_comment(db, rnd.id, "saknas", "x")
    out = _export("remissammanstallning", small_path, tmp_path)
    document = docx.Document(str(out))
    paragraphs = [(p.text, p.style.name) for p in document.paragraphs]
    proposal_headings = [
        i for i, (t, st) in enumerate(paragraphs) if t.startswith("Förslag ") and st == "Heading 2"
    ]
    assert len(proposal_headings) == len(proposal_ids) == 2
    bounds = [*proposal_headings, len(paragraphs)]
    for n, (start, end) in enumerate(itertools.pairwise(bounds)):
        block = paragraphs[start:end]
        texts = [t for t, _ in block]
        # Stance groups with names, then the central points, then the comment.
        assert any(t.startswith("Tillstyrker (") for t in texts)
        k = texts.index("Utredningens kommentar")
        assert block[k][1] == "Heading 3"
        assert texts[k + 1] == f"Utredningen delar synpunkt nummer {n + 1}."
    text = docx_text(out)
    assert "svarade inte" in text and "har kommit in" not in text


def test_compilation_lists_instanser_without_comment_by_name(
    small_path: Path, tmp_path: Path
) -> None:
    with open_database(small_path, actor="Testaren") as db, db.transaction() as s:
        for stance in s.scalars(select(m.Stance)):
            stance.comment_md = ""
    out = _export("remissammanstallning", small_path, tmp_path)
    document = docx.Document(str(out))
    assert not [t for t in document.tables if t.rows[0].cells[0].text == "Remissinstans"][1:]
    per_proposal = [t for t in document.tables if t.rows[0].cells[2].text == "Synpunkt"]
    assert per_proposal == []  # no table row for an instans that only took a stance
    text = docx_text(out)
    assert "Remissinstans 001" in text


def test_footnote_text_reaches_the_document(small_path: Path, tmp_path: Path) -> None:
    with open_database(small_path, actor="Testaren") as db, db.transaction() as s:
        for section in s.scalars(select(m.Section).where(m.Section.key == "sammanfattning")):
            section.body_md += (
                "\n\nKostnaden ökar[^1] och ~~gammal~~ text; se https://www.regionstockholm.se.\n\n"
                "[^1]: Enligt ekonomistabens bedömning i maj 2023.\n"
            )
    out = _export("delrapport", small_path, tmp_path)
    text = docx_text(out)
    assert "Enligt ekonomistabens bedömning i maj 2023." in text
    assert "[^1]" not in text and "~~" not in text


def _make_faststalld(path: Path) -> None:
    with open_database(path, actor="Testaren") as db, db.transaction() as s:
        report = s.scalars(select(m.Report).where(m.Report.kind == ReportKind.DELRAPPORT)).one()
        report.status = ReportStatus.FASTSTALLD
        report.report_date = dt.date(2023, 6, 30)


def _change_proposal(path: Path) -> None:
    with open_database(path, actor="Testaren") as db, db.transaction() as s:
        proposal = s.scalars(select(m.Proposal).where(m.Proposal.number == 2)).one()
        proposal.text_md = "Ändrad lydelse efter remissen: nämnden inrättas först 2026."
        s.add(
            m.Milestone(
                kind=MilestoneKind.OVRIGT,
                title="Tillagd efter remissen",
                due_date=dt.date(2024, 1, 1),
            )
        )
        s.add(
            m.Milestone(
                kind=MilestoneKind.SAMMANTRADE, title="Sammanträde 5", due_date=dt.date(2023, 9, 5)
            )
        )


def test_faststalld_delrapport_stays_as_sent(small_path: Path, tmp_path: Path) -> None:
    _make_faststalld(small_path)
    # Without a kept edition (e.g. a file from an older version): built, and said so.
    first = tmp_path / "utan-utgava.docx"
    result = export_document("delrapport", small_path, first)
    assert any("ingen sparad utgåva" in n for n in result.notes)
    info = record_edition(small_path, "delrapport")
    assert info.label == "Remissutgåva" and info.edition_date == dt.date(2023, 6, 30)
    before = _export("delrapport", small_path, tmp_path, "fore")
    _change_proposal(small_path)
    after = _export("delrapport", small_path, tmp_path, "efter")
    assert after.read_bytes() == before.read_bytes()
    assert docx_text(after) == docx_text(before)
    assert "först 2026" not in docx_text(after)
    # The cover and properties carry the edition date, not the export date.
    props = docx.Document(str(after)).core_properties
    assert props.created is not None and props.created.date() == dt.date(2023, 6, 30)
    # --aktuell: the current content, marked UTKAST.
    current = _export("delrapport", small_path, tmp_path, "aktuell", current=True)
    assert "först 2026" in docx_text(current) and has_draft_watermark(current)
    assert not has_draft_watermark(after)
    assert [e.label for e in list_editions(small_path)] == ["Remissutgåva"]


def test_slutrapport_shows_what_changed_since_the_sent_delrapport(
    small_path: Path, tmp_path: Path
) -> None:
    _make_faststalld(small_path)
    record_edition(small_path, "delrapport")
    _change_proposal(small_path)
    with open_database(small_path, actor="Testaren") as db:
        with db.reader() as s:
            rnd = s.scalars(select(m.ConsultationRound)).one()
            p2 = s.scalars(select(m.Proposal).where(m.Proposal.number == 2)).one()
        set_remiss_comment(db, rnd.id, p2.id, "Tidpunkten flyttades efter bolagens synpunkter.")
    out = _export("slutrapport", small_path, tmp_path)
    document = docx.Document(str(out))
    text = docx_text(out)
    assert "Hur synpunkterna har beaktats" in headings(out, 2)
    runs = [r for p in document.paragraphs for r in p.runs]
    assert any(r.font.strike and "beslutar" in r.text for r in runs)  # removed words
    assert any(r.font.underline and "2026" in r.text for r in runs)  # added words
    assert "Förslaget är oförändrat sedan delrapporten." in text  # proposal 3
    assert "Tidpunkten flyttades efter bolagens synpunkter." in text
    # "Förslag till beslut": one att-line per proposal; the full text stands once.
    paragraphs = [p.text for p in document.paragraphs]
    chapter = paragraphs[
        paragraphs.index("Förslag till beslut", 20) : paragraphs.index("Uppdraget", 20)
    ]
    assert (
        "att anta förslag 2: Akutsjukhusen drivs som förvaltningar under en akutsjukhusnämnd"
        in chapter
    )
    assert not any("Ändrad lydelse" in t for t in chapter)
    # The group's own meetings are not part of "Genomförande och tidplan".
    tidplan = next(t for t in document.tables if t.rows[0].cells[0].text == "Datum")
    titles = {r.cells[1].text for r in tidplan.rows[1:]}
    assert "Tillagd efter remissen" in titles and "Sammanträde 5" not in titles


def test_cli_edition_and_aktuell(
    small_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_faststalld(small_path)
    assert main(["utgava", "delrapport", str(small_path), "--etikett", "Remissutgåva"]) == 0
    assert main(["utgavor", str(small_path)]) == 0
    assert "Remissutgåva" in capsys.readouterr().out
    out = tmp_path / "d.docx"
    assert main(["export", "delrapport", str(small_path), "-o", str(out)]) == 0
    assert "så som den skickades" in capsys.readouterr().out
    assert main(["export", "delrapport", str(small_path), "-o", str(out), "--aktuell"]) == 0
    assert has_draft_watermark(out)
    # An utkast has no editions.
    assert main(["utgava", "slutrapport", str(small_path)]) != 0
    assert "utkast" in capsys.readouterr().err.casefold()


def test_demo_delrapport_comes_with_its_edition(demo_path: Path, tmp_path: Path) -> None:
    editions = list_editions(demo_path)
    assert [(e.kind, e.label) for e in editions] == [(ReportKind.DELRAPPORT, "Remissutgåva")]
    result = export_document("delrapport", demo_path, tmp_path / "d.docx")
    assert any("så som den skickades" in n for n in result.notes)
    # As it went on remiss: förslag 2 in its first wording, no answers yet.
    sent = docx_text(tmp_path / "d.docx")
    assert "1 juli 2024" in sent and "1 januari 2025" not in sent
    assert "Inget svar" in sent
    # The slutrapport shows what changed since: struck and added words of förslag 2 and 5.
    out = _export("slutrapport", demo_path, tmp_path)
    runs = [r for p in docx.Document(str(out)).paragraphs for r in p.runs]
    assert any(r.font.strike and "juli" in r.text for r in runs)
    assert any(r.font.underline and "januari" in r.text for r in runs)
    assert any(r.font.underline and "omvårdnadsansvarig" in r.text for r in runs)


@pytest.mark.libreoffice
def test_contents_list_gets_page_numbers_from_libreoffice(small_path: Path, tmp_path: Path) -> None:
    """Entries always; with LibreOffice laying the pages out, each with its page number
    (ascending), and no "update fields" question in Word."""
    plain = _export("slutrapport", small_path, tmp_path, "utan")
    numbered = _export("slutrapport", small_path, tmp_path, "med", page_numbers=True)

    def entries(path: Path) -> list[str]:
        texts = [p.text for p in docx.Document(str(path)).paragraphs]
        start = texts.index("Innehåll") + 1
        return [t for t in texts[start : texts.index("Sammanfattning", start + 1)] if t]

    assert entries(plain)[0] == "Sammanfattning" and "\t" not in "".join(entries(plain))
    pages = [int(e.rsplit("\t", 1)[1]) for e in entries(numbered)]
    assert pages == sorted(pages) and pages[0] >= 2
    assert [e.rsplit("\t", 1)[0] for e in entries(numbered)] == entries(plain)


def test_older_file_without_editions_says_so(tmp_path: Path) -> None:
    """A file from the version before editions: its fastställd delrapport is built from the
    current content, and the export says there is no kept edition."""
    import shutil

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
    source = tmp_path / "gammal.utredning"
    shutil.copyfile(fixture / "0002_remiss_search.utredning", source)
    result = export_document("delrapport", source, tmp_path / "d.docx")
    assert result.upgraded_copy
    assert any("ingen sparad utgåva" in n for n in result.notes), result.notes
