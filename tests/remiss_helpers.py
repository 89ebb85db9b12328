"""Builders for remiss tests: a round with proposals and consultees, and filled-in answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from utredning_app.domain.enums import ConsulteeType, ReportKind
from utredning_app.storage import models as m
from utredning_app.storage.database import Database

CONSULTEES: list[tuple[str, ConsulteeType, bool]] = [
    ("Hälso- och sjukvårdsnämnden", ConsulteeType.NAMND, True),
    ("Primärvårdsnämnden", ConsulteeType.NAMND, True),
    ("Södersjukhuset AB", ConsulteeType.BOLAG, True),
    ("Danderyds sjukhus AB", ConsulteeType.BOLAG, True),
    ("Karolinska Universitetssjukhuset", ConsulteeType.FORVALTNING, True),
    ("Stockholms läns sjukvårdsområde", ConsulteeType.FORVALTNING, True),
    ("Vårdförbundet Region Stockholm", ConsulteeType.FACKLIG, True),
    ("Patientnämnden", ConsulteeType.NAMND, True),
    ("Funktionsrätt Stockholms län", ConsulteeType.ORGANISATION, False),
]
PROPOSALS = [
    "De fyra akutsjukhusen ombildas från aktiebolag till förvaltningar",
    "En ny akutsjukhusnämnd inrättas med ansvar för nämndstyrningen av akutsjukhusen",
    "Beställar-utförarmodellen ersätts av en samlad ägarstyrning",
    "Omvårdnadsperspektivet stärks genom en chefssjuksköterska i varje verksamhet",
]


@dataclass(frozen=True)
class RoundIds:
    round_id: str
    proposal_ids: list[str]
    consultee_ids: dict[str, str]  # name -> id
    deadline: dt.date


def ensure_round(db: Database) -> RoundIds:
    """The file's latest remiss round with proposals and consultees; build one if missing."""
    from utredning_app.services.remiss_rounds import (
        live_rounds,
        round_consultees,
        round_proposals,
    )

    with db.transaction() as s:
        rounds = live_rounds(s)
        if rounds and round_proposals(s, rounds[-1]) and round_consultees(s, rounds[-1]):
            rnd = rounds[-1]
        else:
            report = m.Report(kind=ReportKind.DELRAPPORT, title="Delrapport om styrningen")
            s.add(report)
            s.flush()
            rnd = m.ConsultationRound(
                name="Remiss av delrapporten",
                report_id=report.id,
                sent_date=dt.date(2023, 7, 3),
                deadline=dt.date(2023, 9, 29),
            )
            s.add(rnd)
            s.flush()
            top = max(
                s.scalars(select(m.Proposal.number).where(m.Proposal.deleted_at.is_(None))),
                default=0,
            )
            for index, title in enumerate(PROPOSALS, start=1):
                p = m.Proposal(number=top + index, title=title)
                s.add(p)
                s.flush()
                s.add(m.RoundProposal(round_id=rnd.id, proposal_id=p.id))
            for name, kind, invited in CONSULTEES:
                s.add(
                    m.Consultee(
                        round_id=rnd.id,
                        name=name,
                        type=kind,
                        invited=invited,
                        email=f"registrator@{name.split()[0].lower()}.example",
                    )
                )
            s.flush()
        assert rnd.deadline is not None
        return RoundIds(
            rnd.id,
            [p.id for p in round_proposals(s, rnd)],
            {c.name: c.id for c in round_consultees(s, rnd)},
            rnd.deadline,
        )


def fill_form(
    form: Path,
    stances: list[str | None],
    comments: list[str] | None = None,
    other: str = "",
    contact: str = "",
) -> None:
    """Fill a svarsmall the way a consultee does in Excel (only the unlocked cells)."""
    import openpyxl

    from utredning_app.domain import svarsmall as fmt

    wb = openpyxl.load_workbook(form)
    ws = wb[fmt.ANSWER_SHEET]
    for offset, stance in enumerate(stances):
        row = fmt.FIRST_PROPOSAL_ROW + offset
        if stance is not None:
            ws.cell(row, 3).value = stance
        if comments and comments[offset]:
            ws.cell(row, 4).value = comments[offset]
    last = fmt.FIRST_PROPOSAL_ROW + len(stances)
    if other:
        ws.cell(last + 1, 2).value = other
    if contact:
        ws.cell(last + 2, 2).value = contact
    wb.save(form)


def write_docx_answer(path: Path, consultee: str, paragraphs: list[str], pages: int = 1) -> Path:
    """A real-looking Word remissvar: letterhead, heading, summary, body, signature."""
    import docx

    document = docx.Document()
    document.add_paragraph(consultee).runs[0].bold = True
    document.add_paragraph("Diarienummer RS 2022-0845")
    document.add_heading(f"Yttrande från {consultee} över delrapporten", level=1)
    document.add_heading("Sammanfattning", level=2)
    for _ in range(pages):
        for text in paragraphs:
            document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Förslag 1"
    table.cell(0, 1).text = "Tillstyrker"
    table.cell(1, 0).text = "Förslag 2"
    table.cell(1, 1).text = "Avstyrker"
    document.add_paragraph(f"För {consultee}\nAnna Andersson, ordförande")
    document.save(path)
    return path


def convert_to_pdf(sources: list[Path], out_dir: Path, profile: Path) -> list[Path]:
    """Convert with LibreOffice headless, using a private profile (no shared state)."""
    from tests.word_helpers import soffice_convert

    return soffice_convert(sources, "pdf", out_dir, profile)


def write_pdf_pages(path: Path, pages: list[list[str]], *, font_size: float = 10.5) -> Path:
    """A text PDF (real, extractable text in an embedded TrueType font), one list of lines
    per A4 page; made with matplotlib's PDF backend, so no office suite is needed."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for lines in pages:
            fig = Figure(figsize=(8.27, 11.69))
            for index, line in enumerate(lines):
                fig.text(0.09, 0.95 - index * 0.024, line, fontsize=font_size)
            pdf.savefig(fig)
    return path


# A real agency's remissvar to a ministry: the sender (Socialstyrelsen) shows only in the
# letterhead, the closing and the footer; the address block names the recipient
# (Regeringskansliet, Socialdepartementet, a regeringskansliet.se address); the signature
# names only people.
MINISTRY_LETTER_HEAD = ["SOCIALSTYRELSEN", "Datum 2024-03-15", "Dnr 3.1-12345/2024"]
MINISTRY_LETTER_ADDRESS = [
    "Regeringskansliet",
    "Socialdepartementet",
    "103 33 Stockholm",
    "s.remissvar@regeringskansliet.se",
]
MINISTRY_LETTER_BODY = [
    "Remissvar: Delrapport om styrningen av akutsjukhusen (S2023/01234)",
    "Sammanfattning",
    "Vi tillstyrker förslag 1 om att akutsjukhusen ombildas till förvaltningar.",
    "Vi avstyrker förslag 3. Beställar-utförarmodellen bör finnas kvar tills vidare.",
    "Regeringskansliet bör följa upp reformen efter tre år.",
    "Detta yttrande har beslutats av Socialstyrelsens generaldirektör Anna Andersson.",
    "I den slutliga handläggningen har avdelningschef Karl Berg deltagit.",
    "Anna Andersson",
    "Karl Berg",
]
MINISTRY_LETTER_FOOTER = [
    "Postadress 106 30 Stockholm  Besöksadress Rålambsvägen 3  Telefon 075-247 30 00",
    "www.socialstyrelsen.se  registrator@socialstyrelsen.se",
]


def add_ministry_consultees(db: Database) -> tuple[str, str]:
    """Socialstyrelsen and Regeringskansliet as consultees of the round (ids)."""
    rid = ensure_round(db).round_id
    with db.transaction() as s:
        agency = m.Consultee(
            round_id=rid,
            name="Socialstyrelsen",
            type=ConsulteeType.MYNDIGHET,
            email="registrator@socialstyrelsen.se",
        )
        ministry = m.Consultee(
            round_id=rid,
            name="Regeringskansliet",
            type=ConsulteeType.MYNDIGHET,
            email="s.remissvar@regeringskansliet.se",
        )
        s.add_all([agency, ministry])
        s.flush()
        return agency.id, ministry.id


def write_ministry_letter_docx(path: Path) -> Path:
    """The letter as Word: letterhead in the page header, footer in the page footer."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = MINISTRY_LETTER_HEAD[0]
    for line in MINISTRY_LETTER_HEAD[1:]:
        section.header.add_paragraph(line)
    section.footer.paragraphs[0].text = MINISTRY_LETTER_FOOTER[0]
    section.footer.add_paragraph(MINISTRY_LETTER_FOOTER[1])
    for line in MINISTRY_LETTER_ADDRESS:
        document.add_paragraph(line)
    document.add_paragraph("")
    for line in MINISTRY_LETTER_BODY:
        document.add_paragraph(line)
    document.save(path)
    return path


def write_ministry_letter_pdf(path: Path) -> Path:
    lines = [
        *MINISTRY_LETTER_HEAD,
        "",
        *MINISTRY_LETTER_ADDRESS,
        "",
        *MINISTRY_LETTER_BODY,
        "",
        *MINISTRY_LETTER_FOOTER,
    ]
    return write_pdf_pages(path, [lines])


UNINVITED = "Sveriges Kommuner och Regioner"


def write_uninvited_answer(path: Path) -> Path:
    """A spontaneous remissvar from an organisation that was not invited."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = UNINVITED.upper()
    for line in [
        "Region Stockholm",
        "Regionledningskontoret",
        "",
        "Yttrande över delrapporten om styrningen",
        "Vi har tagit del av delrapporten och vill lämna några synpunkter trots att vi inte "
        "fanns bland remissinstanserna.",
        "Vi ställer oss bakom förslag 2 om en ny akutsjukhusnämnd.",
        "Med vänlig hälsning",
        f"För {UNINVITED}",
        "Eva Ek, avdelningschef",
    ]:
        document.add_paragraph(line)
    document.save(path)
    return path


def write_scanned_pdf(path: Path, pages: list[list[str]], *, dpi: int = 200) -> Path:
    """A "scanned" PDF: each page's lines drawn onto a grayscale A4 image (like a scanner
    makes), wrapped as a PDF with no text layer at all."""
    from matplotlib import font_manager
    from PIL import Image, ImageDraw, ImageFont

    font_file = font_manager.findfont("DejaVu Sans")
    font = ImageFont.truetype(font_file, size=int(dpi * 11 / 72))
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    images = []
    for lines in pages:
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        y = int(dpi * 0.9)
        for line in lines:
            draw.text((int(dpi * 0.9), y), line, fill=0, font=font)
            y += int(dpi * 11 / 72 * 1.5)
        images.append(image)
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


SCANNED_LINES = [
    "Länsstyrelsen i Stockholms län",
    "Datum 2024-02-12   Dnr 101-2345-2024",
    "",
    "Yttrande över delrapporten om styrningen",
    "Länsstyrelsen tillstyrker förslag 1 om att akutsjukhusen",
    "ombildas till förvaltningar. Vi avstyrker förslag 3.",
    "",
    "Med vänlig hälsning",
    "För Länsstyrelsen i Stockholms län",
    "Karin Holm, landshövding",
]


def garble_pdf_encoding(source: Path, target: Path, shift: int = 3) -> Path:
    """The same PDF, but its fonts' ToUnicode maps shifted by ``shift`` code points: the
    pages look exactly as before (OCR reads them right), while text extraction gives
    garbage – what a font with a custom encoding does ("*|UDQ3HUVVRQ" for a name)."""
    import re

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(source))

    def shifted(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        return b"<%04x>" % (code + shift if code > 0x20 else code)

    for page in writer.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            stream = font["/ToUnicode"].get_object()
            cmap = stream.get_data()
            head, _sep, body = cmap.partition(b"beginbfrange")
            ranges, _sep2, tail = body.partition(b"endbfrange")
            # shift only the destinations: the bracketed lists after each source range
            new_ranges = re.sub(
                rb"\[([^\]]*)\]",
                lambda m: b"[" + re.sub(rb"<([0-9a-fA-F]{4})>", shifted, m.group(1)) + b"]",
                ranges,
            )
            new = StreamObject()
            new.set_data(head + b"beginbfrange" + new_ranges + b"endbfrange" + tail)
            font[NameObject("/ToUnicode")] = writer._add_object(new)
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


def email_answer(attachments: list[Path], *, sender: str, received: str) -> object:
    """An e-mailed remissvar as the mailbox has it: From, a Received stamp, body, files."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = sender
    message["To"] = "registrator@regionstockholm.se"
    message["Subject"] = "Remissvar – delrapport om styrningen"
    message["Date"] = "Wed, 27 Sep 2023 16:40:00 +0200"
    message["Received"] = f"from mx.example.se by mail.regionstockholm.se; {received}"
    message.set_content("Hej!\n\nHär kommer vårt yttrande som bilaga.\n\nVänliga hälsningar\nKarin")
    for path in attachments:
        maintype, subtype = (
            ("application", "pdf")
            if path.suffix == ".pdf"
            else ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        )
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return message


def write_eml(path: Path, message: object) -> Path:
    path.write_bytes(message.as_bytes())  # type: ignore[attr-defined]
    return path


def write_msg(path: Path, message: object) -> Path:
    """The same message as an Outlook .msg file (written by aspose-email-foss)."""
    from aspose.email_foss import msg

    msg.MapiMessage.from_email_message(message).save(str(path))
    return path
