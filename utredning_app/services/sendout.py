"""Send-out of a remiss round: per consultee a svarsmall (.xlsx) and a missiv (.docx).

``utredning remiss utskick PATH -o FOLDER`` and the GUI's "Skapa utskick" call
:func:`create_sendout`. The investigation file is only read. All files or none: they are
built in memory, written into a hidden folder inside the target folder, and renamed into
place only when every one is complete.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from utredning_app.domain import svarsmall as fmt
from utredning_app.domain.formatting import format_date
from utredning_app.errors import UserError, ValidationError, os_reason
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database
from utredning_app.storage.location import Location


@dataclass(frozen=True)
class SendoutItem:
    consultee: str
    form: Path
    letter: Path


@dataclass(frozen=True)
class _Context:
    investigation: m.Investigation
    round: m.ConsultationRound
    report_title: str
    proposals: list[m.Proposal]


def safe_file_name(text: str) -> str:
    """A file name that works on Windows, macOS and Linux (keeps å, ä, ö)."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", text)
    cleaned = " ".join(cleaned.split()).strip(" .")
    return cleaned[:120] or "namnlös"


def create_sendout(
    path: Location,
    folder: Path,
    *,
    round_ref: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[SendoutItem]:
    """Write the svarsmall and missiv of every invited consultee of the round into ``folder``."""
    from utredning_app.services.remiss_rounds import round_consultees, round_proposals, select_round

    folder = Path(folder)
    db = open_database(path, read_only=True)
    try:
        with db.reader() as s:
            rnd = select_round(s, round_ref)
            proposals = round_proposals(s, rnd)
            consultees = [c for c in round_consultees(s, rnd) if c.invited]
            report = s.get(m.Report, rnd.report_id) if rnd.report_id else None
            ctx = _Context(db.investigation(s), rnd, report.title if report else "", proposals)
    finally:
        db.close()
    if not proposals:
        raise ValidationError(f"Remissomgången «{rnd.name}» har inga förslag att svara på.")
    if not consultees:
        raise ValidationError(f"Remissomgången «{rnd.name}» har inga inbjudna remissinstanser.")
    # All or nothing: every file is built in memory first (a value that cannot be written
    # stops the send-out before a byte is on disk), then written into a hidden folder inside
    # the target folder and only then renamed into place, one rename per file.
    items: list[SendoutItem] = []
    contents: list[tuple[str, bytes]] = []
    used: set[str] = set()
    for index, consultee in enumerate(consultees):
        base = safe_file_name(consultee.name)
        stem = base
        n = 2
        while stem.casefold() in used:
            stem = f"{base} ({n})"
            n += 1
        used.add(stem.casefold())
        form = folder / f"Svarsmall – {stem}.xlsx"
        letter = folder / f"Missiv – {stem}.docx"
        try:
            workbook = build_svarsmall(ctx, consultee)
            document = build_missiv(ctx, consultee, form.name)
            contents.append((form.name, _in_memory(workbook.save)))
            contents.append((letter.name, _in_memory(document.save)))
        except UserError:
            raise
        except Exception as exc:  # e.g. openpyxl's IllegalCharacterError on a stored value
            raise ValidationError(
                f"Utskicket till «{_printable(consultee.name)}» kunde inte göras "
                f"({type(exc).__name__}): en text i remissomgången, förslagen eller "
                "instansens uppgifter innehåller tecken som inte kan skrivas i Excel eller "
                "Word (t.ex. osynliga styrtecken). Rätta texten och försök igen; inga filer "
                "har skrivits."
            ) from exc
        items.append(SendoutItem(consultee.name, form, letter))
        if progress:
            progress(index + 1, len(consultees))
    _write_all(folder, contents)
    return items


def _printable(text: str) -> str:
    from utredning_app.domain.validation import strip_control_characters

    return strip_control_characters(text)


def _in_memory(save: Callable[[Any], None]) -> bytes:
    buffer = io.BytesIO()
    save(buffer)
    return buffer.getvalue()


def _write_all(folder: Path, contents: list[tuple[str, bytes]]) -> None:
    """Write every file or none: into a hidden staging folder in ``folder``, then rename."""
    import shutil
    import tempfile

    from utredning_app.services.atomic import refuse_database_target
    from utredning_app.storage.backup import fsync_folder

    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".utskick-", dir=folder))
    except OSError as exc:
        raise ValidationError(f"Mappen {folder} kan inte skapas: {os_reason(exc)}.") from exc
    try:
        for name, data in contents:
            target = folder / name
            refuse_database_target(target)
            if target.exists() and not os.access(target, os.W_OK):
                raise ValidationError(
                    f"Filen {target.name} i {folder} kan inte skrivas över: den är "
                    "skrivskyddad eller öppen i ett annat program. Stäng den och försök igen; "
                    "inga filer har skrivits."
                )
            with (staging / name).open("wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for name, _data in contents:
            os.replace(staging / name, folder / name)
        fsync_folder(folder)
    except OSError as exc:
        raise ValidationError(
            f"Utskicket kunde inte skrivas i mappen {folder}: {os_reason(exc)}. "
            "Inga filer har skrivits."
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not any(folder.iterdir()):
            folder.rmdir()


# ------------------------------------------------------------------ svarsmall


def build_svarsmall(ctx: _Context, consultee: m.Consultee) -> Any:
    """The answer form as an openpyxl Workbook (not yet saved)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    from utredning_app.exporting.sheet_cells import put_text, sheet_text

    wb = Workbook()
    ws = wb.active
    ws.title = fmt.ANSWER_SHEET
    inv = ctx.investigation
    rnd = ctx.round
    bold = Font(bold=True)
    put_text(ws, 1, 1, f"Svarsmall – {rnd.name}")
    ws["A1"].font = Font(bold=True, size=14)
    put_text(ws, 2, 1, f"Utredning: {inv.title}")
    put_text(ws, 3, 1, f"Remissinstans: {consultee.name}")
    put_text(
        ws,
        4,
        1,
        f"Diarienummer: {inv.diarienummer or '–'}    "
        f"Sista svarsdag: {format_date(rnd.deadline) if rnd.deadline else '–'}",
    )
    ws["A5"] = (
        "Välj ställningstagande i listan för varje förslag och skriv gärna en kommentar. "
        "Ändra inte rader eller kolumner; skicka tillbaka filen som den är."
    )
    ws["A5"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A5:D5")
    ws.row_dimensions[5].height = 32
    fill = PatternFill("solid", fgColor="DDE6F0")
    input_fill = PatternFill("solid", fgColor="FFF9E0")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, title in enumerate(fmt.HEADERS, start=1):
        cell = ws.cell(fmt.HEADER_ROW, col, title)
        cell.font = bold
        cell.fill = fill
        cell.border = border
    stance_list = ",".join(fmt.stance_labels())
    validation = DataValidation(
        type="list",
        formula1=f'"{stance_list}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ogiltigt ställningstagande",
        error="Välj ett ställningstagande i listan.",
        promptTitle="Ställningstagande",
        prompt="Välj i listan.",
        showInputMessage=True,
    )
    ws.add_data_validation(validation)
    unlocked = Protection(locked=False)
    row = fmt.FIRST_PROPOSAL_ROW
    for proposal in ctx.proposals:
        ws.cell(row, 1, proposal.number).alignment = Alignment(vertical="top")
        title = put_text(ws, row, 2, proposal.title)
        title.alignment = Alignment(wrap_text=True, vertical="top")
        for col in (3, 4):
            cell = ws.cell(row, col)
            cell.protection = unlocked
            cell.fill = input_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for col in range(1, 5):
            ws.cell(row, col).border = border
        ws.row_dimensions[row].height = max(30, 15 * (len(proposal.title) // 45 + 1))
        row += 1
    if ctx.proposals:
        validation.add(f"C{fmt.FIRST_PROPOSAL_ROW}:C{row - 1}")
    row += 1
    for label in (fmt.OTHER_LABEL, fmt.CONTACT_LABEL):
        ws.cell(row, 1, label).font = bold
        ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        cell = ws.cell(row, 2)
        cell.protection = unlocked
        cell.fill = input_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 60 if label == fmt.OTHER_LABEL else 30
        row += 1
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 28
    ws.column_dimensions["D"].width = 60
    ws.freeze_panes = ws.cell(fmt.FIRST_PROPOSAL_ROW, 1)
    ws.print_title_rows = f"{fmt.HEADER_ROW}:{fmt.HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    # Structure locked, input cells open. No password: this guards against slips, not
    # against intent; the import validates everything anyway.
    ws.protection.sheet = True
    ws.protection.formatRows = False  # let people make rows taller for long comments
    # The identification sheet, very hidden (not listed under "Unhide" in Excel).
    ids = wb.create_sheet(fmt.ID_SHEET)
    proposal_ids = [p.id for p in ctx.proposals]
    values = [
        fmt.FORMAT_MARKER,
        str(fmt.FORMAT_VERSION),
        rnd.id,
        consultee.id,
        ",".join(proposal_ids),
        fmt.checksum(rnd.id, consultee.id, proposal_ids),
    ]
    for index, value in enumerate(values, start=1):
        put_text(ids, index, 1, value)
    ids.sheet_state = "veryHidden"
    ids.protection.sheet = True
    wb.defined_names[fmt.DEFINED_NAME] = DefinedName(
        fmt.DEFINED_NAME, attr_text=f"'{fmt.ID_SHEET}'!$A$1:$A$6"
    )
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = sheet_text(f"Svarsmall – {rnd.name}")
    wb.properties.subject = sheet_text(consultee.name)
    wb.properties.creator = "Utredningsstöd"
    return wb


# ------------------------------------------------------------------ missiv


def build_missiv(ctx: _Context, consultee: m.Consultee, form_name: str) -> Any:
    """The cover letter as a python-docx Document (not yet saved)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    inv = ctx.investigation
    rnd = ctx.round
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    _set_swedish(document)
    head = document.add_paragraph()
    head.add_run(inv.region or "Regionen").bold = True
    if inv.administration:
        head.add_run(f"\n{inv.administration}")
    meta = document.add_paragraph()
    meta.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    meta.add_run(f"Datum: {format_date(rnd.sent_date or dt.date.today())}\n")
    meta.add_run(f"Diarienummer: {inv.diarienummer or '–'}")
    to = document.add_paragraph()
    to.add_run("Till: ").bold = True
    to.add_run(consultee.name)
    if consultee.contact_name:
        to.add_run(f"\nAtt: {consultee.contact_name}")
    if consultee.address:
        to.add_run(f"\n{consultee.address}")
    subject = ctx.report_title or inv.title
    document.add_heading(f"Remiss: {subject}", level=1)
    deadline = format_date(rnd.deadline) if rnd.deadline else "den angivna dagen"
    document.add_paragraph(
        f"{inv.commissioned_by or 'Regionstyrelsen'} har gett en parlamentarisk utredning i "
        f"uppdrag att utreda {inv.title[0].lower() + inv.title[1:] if inv.title else ''}. "
        f"Utredningen överlämnar härmed {subject.lower() if ctx.report_title else 'sin rapport'} "
        f"på remiss till {consultee.name}."
    )
    para = document.add_paragraph("Remissvaret ska ha kommit in senast ")
    para.add_run(deadline).bold = True
    para.add_run(
        f". Ange diarienummer {inv.diarienummer or '–'} i svaret. Svara gärna i den bifogade "
        f"svarsmallen ({form_name}) med ett ställningstagande per förslag: "
        + ", ".join(label.lower() for label in fmt.stance_labels())
        + ". Svar kan också lämnas som Word-dokument eller PDF."
    )
    document.add_paragraph(
        "Ett bra remissvar inleds med en sammanfattning, hänvisar till de förslag och avsnitt "
        "det gäller och anger tydligt om instansen tillstyrker eller avstyrker. Remissvar är "
        "allmänna handlingar."
    )
    document.add_heading("Förslag som remitteras", level=2)
    for proposal in ctx.proposals:
        document.add_paragraph(f"{proposal.number}. {proposal.title}", style="List Paragraph")
    if rnd.description_md:
        document.add_paragraph(rnd.description_md)
    sign = document.add_paragraph()
    sign.add_run("\nMed vänlig hälsning\n\n")
    sign.add_run(inv.case_officer or "Utredningens sekretariat")
    if inv.case_officer_contact:
        sign.add_run(f"\n{inv.case_officer_contact}")
    document.core_properties.title = f"Missiv – {consultee.name}"
    document.core_properties.language = "sv-SE"
    return document


def _set_swedish(document: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = document.styles.element.find(qn("w:docDefaults"))
    if rpr is None:
        return
    run_props = rpr.find(qn("w:rPrDefault"))
    if run_props is None:
        return
    r = run_props.find(qn("w:rPr"))
    if r is None:
        return
    lang = r.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r.append(lang)
    lang.set(qn("w:val"), "sv-SE")
