"""The four Word documents and the remiss Excel file, read back from real files."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.word_helpers import (
    PRIVATE_MARKER,
    PROPOSAL_TITLES,
    docx_text,
    has_draft_watermark,
    headings,
)
from utredning_app.cli import main
from utredning_app.exporting.docx_helpers import document_language, field_instructions
from utredning_app.exporting.outline import OutlineError, load_outline
from utredning_app.exporting.template import TemplateError
from utredning_app.services.exports import (
    DOCUMENTS,
    ExportCancelled,
    ExportError,
    export_document,
    export_xlsx,
)
from utredning_app.storage.database import open_database

KINDS = tuple(DOCUMENTS)


def _export(kind: str, path: Path, tmp_path: Path, **kwargs: object) -> Path:
    out = tmp_path / f"{kind}.docx"
    export_document(kind, path, out, **kwargs)  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_structure_fields_language_properties(kind: str, small_path: Path, tmp_path: Path) -> None:
    from utredning_app.services.atomic import current_umask

    out = _export(kind, small_path, tmp_path)
    assert out.stat().st_mode & 0o777 == 0o666 & ~current_umask()  # not mkstemp's 0600
    document = docx.Document(str(out))
    outline = load_outline(kind)
    level = outline.heading_level
    written = headings(out, level)
    # Chapters appear in the outline's order (chapters with nothing to say are left out).
    expected = [c.title for c in outline.chapters if c.show_title and not c.appendix]
    chapters = [h for h in written if not h.startswith("Bilaga")]
    assert chapters == [t for t in expected if t in chapters]
    assert len(chapters) >= 3
    # Language, core properties, fields.
    assert document_language(document) == "sv-SE"
    props = document.core_properties
    assert props.title and props.subject == "Testutredning" and props.author
    assert props.created is not None
    settings = document.settings.element
    # Word is never asked to update fields on open; the contents list is written out.
    assert settings.find(qn("w:updateFields")) is None
    zoom = settings.find(qn("w:zoom"))
    assert zoom is not None and zoom.get(qn("w:percent")) == "100"
    assert settings.find(qn("w:decimalSymbol")).get(qn("w:val")) == ","
    # Title once (no "Delrapport: … – delrapport"), the investigation as author.
    assert not props.title.startswith(f"{outline.document_type}:")
    assert props.author != "Regionstyrelsen" and "Testutredning" in props.author
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode()
        rels = z.read("_rels/.rels").decode()
    assert "Utredningsstöd" in app and "Macintosh" not in app and "<Pages>" not in app
    assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels
    if outline.title_page:
        # The contents list (before the first chapter heading) names every chapter.
        texts = [(p.text, p.style.name) for p in document.paragraphs]
        first = next(i for i, (_, style) in enumerate(texts) if style == f"Heading {level}")
        toc = [t.split("\t")[0] for t, _ in texts[:first]]
        assert all(c in toc for c in chapters), (chapters, toc)
    footer_fields = field_instructions(document.sections[0].footer._element)
    assert "PAGE" in footer_fields and "NUMPAGES" in footer_fields
    if outline.title_page:
        assert any(f.startswith("TOC") for f in field_instructions(document.element.body))
    # Header placeholders filled with diarienummer and title.
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "RS 2099-0001" in header and "Testutredning" in header and "{" not in header
    # Every table has a header row that repeats on each page.
    for table in document.tables[1 if kind == "tjansteutlatande" else 0 :]:
        tr_pr = table.rows[0]._tr.trPr
        if kind == "tjansteutlatande":
            continue  # the memo's letterhead and signature tables are layout, not data
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    text = docx_text(out)
    assert PRIVATE_MARKER not in text
    assert "**" not in text and "](http" not in text
    with zipfile.ZipFile(out) as z:
        assert not any(PRIVATE_MARKER.encode() in z.read(n) for n in z.namelist())


def test_proposal_numbers_are_kept(small_path: Path, tmp_path: Path) -> None:
    delrapport = _export("delrapport", small_path, tmp_path)
    slutrapport = _export("slutrapport", small_path, tmp_path)
    d_heads = headings(delrapport, 2)
    s_heads = headings(slutrapport, 2)
    # Proposal 5 is only in the slutrapport; 2 and 3 keep their numbers in both.
    for number in (2, 3):
        title = f"Förslag {number}. {PROPOSAL_TITLES[number]}"
        assert title in d_heads and title in s_heads
    assert f"Förslag 5. {PROPOSAL_TITLES[5]}" in s_heads
    assert not any(h.startswith("Förslag 5.") for h in d_heads)
    # "Förslag till beslut" lists them before the other chapters, numbered the same way.
    paragraphs = docx.Document(str(slutrapport)).paragraphs
    first_proposal = next(
        i for i, p in enumerate(paragraphs) if p.text.startswith("Förslag 2. Akutsjukhusen")
    )
    uppdraget = next(
        i for i, p in enumerate(paragraphs) if p.text == "Uppdraget" and p.style.name == "Heading 1"
    )
    assert first_proposal < uppdraget


def test_slutrapport_content(small_path: Path, tmp_path: Path) -> None:
    out = _export("slutrapport", small_path, tmp_path)
    document = docx.Document(str(out))
    text = docx_text(out)
    # Costs with ranges and the difference against the baseline; a chart with alt text.
    assert "Skillnad mot nollalternativet" in text
    assert "+60,0" in text  # (120+121+122) - (100+101+102)
    # The quality estimate lacks years, so the cost model cannot give present values: said so.
    assert "Kostnadsmodellen är inte komplett" in text and "Väntetid" in text
    # (The cost model's blocks may add their own figures: rankings, simulation, tornado.)
    descriptions = [p._inline.docPr.get("descr") or "" for p in document.inline_shapes]
    assert sum("Linjediagram" in d for d in descriptions) == 1
    # Captions numbered with SEQ fields.
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Tabell 1. ")
    assert any(c.startswith("Figur 1. ") for c in captions)
    # Dissent per proposal with party; the unreleased party statement is absent.
    # Signed by one member each of S and M: named with each member's own party; the chapter
    # title already says "Reservationer", so no sub-heading repeats it.
    reservation = "Reservation av Moderaterna och Socialdemokraterna – förslag 2: Behåll bolagen"
    assert reservation in headings(out, 2)
    assert "Reservationer" not in headings(out, 2)
    assert "Anna Ordf (M), Bo Oppo (S)" in text
    assert "Särskilda yttranden" not in text
    # Markdown became formatting.
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "akutsjukhusen" in bold


def test_remissammanstallning_content(small_path: Path, tmp_path: Path) -> None:
    out = _export("remissammanstallning", small_path, tmp_path)
    document = docx.Document(str(out))
    text = docx_text(out)
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Förslag")
    assert summary.rows[1].cells[0].text.startswith("2. ")
    assert len(summary.rows) == 3  # proposals 2 and 3 were on remiss
    assert "Nyckelcitat 1 om nämnden" in text and "Nyckelcitat 3" not in text  # key quotes only
    assert "Remissinstans 006" in text  # did not answer: listed
    per_proposal = [t for t in document.tables if t.rows[0].cells[0].text == "Remissinstans"]
    assert len(per_proposal[0].rows) == 1 + 5  # five answers


def test_tjansteutlatande_content(small_path: Path, tmp_path: Path) -> None:
    out = _export("tjansteutlatande", small_path, tmp_path)
    text = docx_text(out)
    for needle in (
        "Region Stockholm",
        "Regionledningskontoret",
        "Handläggare: Karin Ek",
        "Diarienummer RS 2099-0001",
        "Ärendebeskrivning",
        "Beslutsunderlag",
        "Förslag till beslut",
        "I tjänsten",
        "Utdrag till",
    ):
        assert needle in text, needle
    document = docx.Document(str(out))
    decisions = [p.text for p in document.paragraphs if p.text[:3] in ("1.\t", "2.\t", "3.\t")]
    assert len(decisions) == 3
    assert "(utredningens förslag 5)" in decisions[2]


def test_draft_watermark(small_path: Path, tmp_path: Path) -> None:
    out = _export("delrapport", small_path, tmp_path, draft=True)
    assert has_draft_watermark(out)
    assert "Status: utkast" in docx_text(out)
    plain = _export("slutrapport", small_path, tmp_path)
    assert not has_draft_watermark(plain)
    assert "UTKAST" not in docx.Document(str(plain)).sections[0].header._element.xml


def test_outline_is_data(small_path: Path, tmp_path: Path) -> None:
    outline = tmp_path / "egen.toml"
    outline.write_text(
        'dokumenttyp = "Delrapport"\n'
        '[[kapitel]]\nrubrik = "Förslagen först"\nblock = [{ typ = "forslag" }]\n'
        '[[kapitel]]\nrubrik = "Sedan sammanfattningen"\n'
        'block = [{ typ = "text", nyckel = "sammanfattning" }]\n',
        encoding="utf-8",
    )
    out = _export("delrapport", small_path, tmp_path, outline=outline)
    assert headings(out) == ["Förslagen först", "Sedan sammanfattningen"]
    broken = tmp_path / "fel.toml"
    broken.write_text('[[kapitel]]\nrubrik = "X"\nblock = [{ typ = "okand" }]\n', "utf-8")
    with pytest.raises(OutlineError, match="okänd blocktyp 'okand'"):
        _export("delrapport", small_path, tmp_path, outline=broken)


def test_every_bundled_outline_loads() -> None:
    for kind in KINDS:
        outline = load_outline(kind)
        assert outline.chapters and outline.document_type


# ------------------------------------------------------------------ templates


def test_user_template_with_same_styles(small_path: Path, tmp_path: Path) -> None:
    from exports.templates.build_template import build

    template = build(tmp_path / "egen-mall.docx")
    out = _export("slutrapport", small_path, tmp_path, template=template)
    assert "Sammanfattning" in headings(out)


def test_template_missing_styles_is_named(small_path: Path, tmp_path: Path) -> None:
    bare = tmp_path / "enkel.docx"
    docx.Document().save(str(bare))  # python-docx's default: no "Rapporttabell"
    out = tmp_path / "ut.docx"
    with pytest.raises(TemplateError, match="saknar formatmallarna Rapporttabell"):
        export_document("delrapport", small_path, out, template=bare)
    assert not out.exists()


@pytest.mark.parametrize("content", [b"", b"inte ett zip", b"PK\x03\x04trasigt"])
def test_broken_or_missing_template(small_path: Path, tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(content)
    with pytest.raises(TemplateError, match=r"trasig\.docx"):
        export_document("delrapport", small_path, tmp_path / "ut.docx", template=broken)
    with pytest.raises(TemplateError, match="finns inte"):
        export_document(
            "delrapport", small_path, tmp_path / "ut.docx", template=tmp_path / "saknas.docx"
        )
    assert not (tmp_path / "ut.docx").exists()


# ------------------------------------------------------------------ writing the file


def test_unwritable_folder_and_locked_file(
    small_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "skyddad"
    folder.mkdir()
    target = tmp_path / "öppen.docx"
    target.write_bytes(b"gammalt")
    folder.chmod(0o500)
    target.chmod(0o400)  # like a file Word holds open on Windows
    if os.geteuid() == 0:
        # root ignores permission bits (CI containers run as root): let the OS refuse instead.
        real_access = os.access

        def access(path: object, mode: int) -> bool:
            if Path(str(path)) in (folder, target) and mode == os.W_OK:
                return False
            return real_access(path, mode)  # type: ignore[arg-type]

        monkeypatch.setattr("utredning_app.services.exports.os.access", access)
    try:
        with pytest.raises(ExportError, match="skrivskyddad"):
            export_document("delrapport", small_path, folder / "ut.docx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
    with pytest.raises(ExportError, match="öppen i ett annat program"):
        export_document("delrapport", small_path, target)
    assert target.read_bytes() == b"gammalt"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_locked_target_at_rename(
    small_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses the rename while Word holds the file: clear message, no temp file."""
    target = tmp_path / "låst.docx"
    target.write_bytes(b"gammalt")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr("utredning_app.services.exports.os.replace", refuse)
    with pytest.raises(ExportError, match="Stäng den och försök igen"):
        export_document("delrapport", small_path, target)
    assert target.read_bytes() == b"gammalt"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, small_path.name, *[p.name for p in tmp_path.iterdir() if p.is_dir()]]
    )


def test_missing_folder_and_cancel(small_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="finns inte"):
        export_document("delrapport", small_path, tmp_path / "saknas" / "ut.docx")
    out = tmp_path / "avbruten.docx"
    with pytest.raises(ExportCancelled):
        export_document("slutrapport", small_path, out, cancelled=lambda: True)
    assert not out.exists()


def test_progress_reported(small_path: Path, tmp_path: Path) -> None:
    steps: list[tuple[float, str]] = []
    export_document(
        "slutrapport", small_path, tmp_path / "s.docx", progress=lambda f, t: steps.append((f, t))
    )
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(t == "Konsekvensanalys" for _, t in steps)


# ------------------------------------------------------------------ Excel and CLI


def test_remiss_xlsx(small_path: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "remiss.xlsx"
    export_xlsx("remiss", small_path, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Ställningstaganden"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Remissinstans" and rows[0][6] == "Ställningstagande"
    assert len(rows) == 1 + 6 * 2  # six instanser × two proposals on remiss
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:I13"
    stances = {(r[0], r[4]): r[6] for r in rows[1:]}
    assert rows[1][3].date().isoformat() == "2023-08-20"  # a real date cell
    assert stances[("Remissinstans 001", 2)] == "Tillstyrker"
    assert stances[("Remissinstans 006", 3)] == "Inget svar"
    summary = list(wb["Sammanfattning"].iter_rows(values_only=True))
    assert summary[1][0].startswith("2. ") and summary[1][-1] == 1
    with zipfile.ZipFile(out) as z:
        assert not any(PRIVATE_MARKER.encode() in z.read(n) for n in z.namelist())


def test_cli_export_and_errors(
    small_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.docx"
    assert main(["export", "tjansteutlatande", str(small_path), "-o", str(out), "--utkast"]) == 0
    assert "Dokumentet skrevs" in capsys.readouterr().out
    assert out.is_file()
    xlsx = tmp_path / "cli.xlsx"
    assert main(["export-xlsx", "remiss", str(small_path), "-o", str(xlsx)]) == 0
    assert xlsx.is_file()
    bad = tmp_path / "mall.docx"
    bad.write_text("nej")
    code = main(
        [
            "export",
            "delrapport",
            str(small_path),
            "-o",
            str(tmp_path / "x.docx"),
            "--mall",
            str(bad),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Mallen mall.docx" in err


def test_headless_outputs_include_documents(demo_path: Path, tmp_path: Path) -> None:
    from utredning_app.services.headless import write_demo_documents

    written = write_demo_documents(demo_path, tmp_path / "rapporter")
    assert [p.suffix for p in written] == [".docx"] * 4 + [".xlsx"]
    for path in written:
        assert zipfile.is_zipfile(path)


def test_empty_investigation(empty_path: Path, tmp_path: Path) -> None:
    """A new, empty investigation still gives valid documents (only what exists)."""
    for kind in ("delrapport", "slutrapport", "tjansteutlatande"):
        out = _export(kind, empty_path, tmp_path)
        assert docx.Document(str(out)).core_properties.subject == "Testutredning"
    with pytest.raises(ExportError, match="ingen remissomgång"):
        _export("remissammanstallning", empty_path, tmp_path)
    with pytest.raises(ExportError, match="ingen remissomgång"):
        export_xlsx("remiss", empty_path, tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


def test_tables_never_take_the_slow_add_row_path(
    small_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-docx's add_row().cells is ~9× slower: the 7,500-row compilation must not use it."""
    from docx.table import Table

    def forbidden(self: Table) -> None:
        raise AssertionError("Table.add_row används – för långsamt för stora tabeller")

    monkeypatch.setattr(Table, "add_row", forbidden)
    for kind in KINDS:
        _export(kind, small_path, tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("titel = 1\n", r"\[\[kapitel\]\] saknas"),
        ("[[kapitel]]\nblock = []\n", "rubrik saknas"),
        ('[[kapitel]]\nrubrik = "A"\nfarg = "röd"\n', "okänt fält farg"),
        (
            '[[kapitel]]\nrubrik = "A"\nblock = [{ typ = "text", nyckl = "x" }]\n',
            "okänd parameter nyckl",
        ),
        ('[[kapitel]\nrubrik = "A"\n', "har fel format"),
    ],
)
def test_outline_errors_name_the_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "disposition.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OutlineError, match=message):
        load_outline("delrapport", path)


def test_declined_answer_counts_as_avstar(small_path: Path, tmp_path: Path) -> None:
    """An answer with status "avstått" and no stances declines every proposal on remiss."""
    import openpyxl
    from sqlalchemy import select

    from utredning_app.domain.enums import ResponseStatus
    from utredning_app.storage import models as m
    from utredning_app.storage.base import utcnow

    db = open_database(small_path, actor="Testaren")
    try:
        with db.transaction() as s:
            consultee = s.scalars(
                select(m.Consultee).where(m.Consultee.name == "Remissinstans 002")
            ).one()
            response = s.scalars(
                select(m.Response).where(m.Response.consultee_id == consultee.id)
            ).one()
            response.status = ResponseStatus.AVSTATT
            for stance in s.scalars(select(m.Stance).where(m.Stance.response_id == response.id)):
                stance.deleted_at = utcnow()
    finally:
        db.close()
    out = tmp_path / "remiss.xlsx"
    export_xlsx("remiss", small_path, out)
    rows = list(openpyxl.load_workbook(out)["Ställningstaganden"].iter_rows(values_only=True))
    assert {r[6] for r in rows if r[0] == "Remissinstans 002"} == {"Avstår"}
