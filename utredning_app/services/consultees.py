"""The consultee register of a remiss round: add, edit, remove (tombstone), import a list
from Excel with column mapping and duplicates shown before anything is written, export."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from utredning_app.domain.enums import ConsulteeType
from utredning_app.domain.validation import strip_control_characters
from utredning_app.errors import ValidationError
from utredning_app.importing.guards import FileKind, FileRejected, read_checked
from utredning_app.storage import models as m
from utredning_app.storage.base import utcnow
from utredning_app.storage.database import Database

FIELDS: dict[str, str] = {
    "name": "Namn",
    "type": "Typ",
    "invited": "Inbjuden",
    "contact_name": "Kontaktperson",
    "email": "E-post",
    "address": "Adress",
}
# Header words per field, compared with letters and digits only ("E-post adress" and
# "epostadress" are the same); then word parts, in this order ("typ av instans" is a type,
# "E-post adress" an e-mail address, "Kontaktpersonens e-post" too).
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "name": (
        "namn",
        "remissinstans",
        "remissinstanser",
        "instans",
        "instansnamn",
        "organisation",
        "organisationsnamn",
        "mottagare",
        "remissmottagare",
    ),
    "type": ("typ", "kategori", "slag", "typavinstans", "instanstyp", "organisationstyp"),
    "invited": ("inbjuden", "inbjudna", "remitterad", "inbjudenjanej", "inbjuden?"),
    "contact_name": ("kontaktperson", "kontakt", "handläggare", "kontaktnamn"),
    "email": ("epost", "mejl", "email", "mail", "epostadress", "mejladress", "mailadress"),
    "address": ("adress", "postadress", "besöksadress", "utdelningsadress"),
}
_HEADER_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("invited", ("inbjud", "remitter")),
    ("email", ("epost", "mejl", "mail")),
    ("type", ("typ", "kategori")),
    ("contact_name", ("kontakt", "handläggare")),
    ("address", ("adress",)),
    ("name", ("namn", "instans", "organisation", "mottagare")),
)
HEADER_SEARCH_ROWS = 20  # the header row is looked for among the first rows (titles above it)
MAX_HEADER_CHARS = 60
# Group headings inside a list ("Myndigheter", then one row per agency): not consultees, but
# they give the type of the rows below them when the list has no type column.
_GROUP_HEADINGS: dict[str, ConsulteeType] = {
    "myndigheter": ConsulteeType.MYNDIGHET,
    "statligamyndigheter": ConsulteeType.MYNDIGHET,
    "kommuner": ConsulteeType.KOMMUN,
    "regioner": ConsulteeType.REGION,
    "nämnder": ConsulteeType.NAMND,
    "bolag": ConsulteeType.BOLAG,
    "förvaltningar": ConsulteeType.FORVALTNING,
    "organisationer": ConsulteeType.ORGANISATION,
    "fackligaorganisationer": ConsulteeType.FACKLIG,
    "övriga": ConsulteeType.OVRIG,
    "övrigaremissinstanser": ConsulteeType.OVRIG,
}
MAX_ROWS = 5000
DUPLICATE_SCORE = 92.0


@dataclass(frozen=True)
class ConsulteeData:
    name: str
    type: ConsulteeType
    invited: bool = True
    contact_name: str = ""
    email: str = ""
    address: str = ""


@dataclass
class SheetData:
    file_name: str
    sheet: str
    headers: list[str]
    rows: list[list[str]]  # data rows, as text
    first_row: int = 2  # Excel row number of rows[0]
    header_row: int = 1  # Excel row number of the header row


@dataclass
class ImportPreview:
    """What an import would do; shown to the user before :func:`commit_import`."""

    new: list[ConsulteeData] = field(default_factory=list)
    duplicates: list[tuple[int, str, str]] = field(default_factory=list)  # row, name, duplicate of
    errors: list[str] = field(default_factory=list)  # rejected rows, with where and why


_AGENCY_ENDINGS = (
    "verket",
    "myndigheten",
    "styrelsen",
    "inspektionen",
    "ombudsmannen",
    "kollegiet",
    "kontoret",
    "rätten",
)


def guess_type(name: str) -> ConsulteeType:
    """A sensible type from a name, used when the list has no type column."""
    low = name.casefold()
    first = low.split()[0] if low.split() else ""
    if first.endswith(_AGENCY_ENDINGS) and not first.startswith(("region", "kommun", "landsting")):
        return ConsulteeType.MYNDIGHET  # Socialstyrelsen, Länsstyrelsen i …, Skatteverket
    if "nämnd" in low or "styrelse" in low:
        return ConsulteeType.NAMND
    if low.endswith(" ab") or " ab " in low or "aktiebolag" in low:
        return ConsulteeType.BOLAG
    if "förvaltning" in low or "sjukvårdsområde" in low or "universitetssjukhus" in low:
        return ConsulteeType.FORVALTNING
    if any(w in low for w in ("förbund", "fack", "kommunal", "vision", "saco", "läkarförening")):
        return ConsulteeType.FACKLIG
    if re.search(r"\bkommun\b", low):
        return ConsulteeType.KOMMUN
    if re.match(r"region\b", low):
        return ConsulteeType.REGION
    if "myndighet" in low or "domstol" in low:
        return ConsulteeType.MYNDIGHET
    if any(w in low for w in ("förening", "organisation", "funktionsrätt", "råd")):
        return ConsulteeType.ORGANISATION
    return ConsulteeType.OVRIG


def parse_type(text: str) -> ConsulteeType | None:
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for kind in ConsulteeType:
        if wanted in (kind.value, kind.label.casefold()):
            return kind
    aliases = {
        "fackförbund": ConsulteeType.FACKLIG,
        "facklig": ConsulteeType.FACKLIG,
        "förening": ConsulteeType.ORGANISATION,
        "annan": ConsulteeType.OVRIG,
        "statlig myndighet": ConsulteeType.MYNDIGHET,
        "myndigheter": ConsulteeType.MYNDIGHET,
        "kommuner": ConsulteeType.KOMMUN,
        "regioner": ConsulteeType.REGION,
        "landsting": ConsulteeType.REGION,
    }
    return aliases.get(wanted)


def _parse_bool(text: str) -> bool | None:
    wanted = text.strip().casefold()
    if wanted in ("", "ja", "j", "x", "1", "sant", "true", "yes"):
        return True
    if wanted in ("nej", "n", "0", "falskt", "false", "no"):
        return False
    return None


# ------------------------------------------------------------------ register


def list_consultees(db: Database, round_ref: str | None = None) -> list[m.Consultee]:
    from utredning_app.services.remiss_rounds import round_consultees, select_round

    with db.reader() as s:
        return round_consultees(s, select_round(s, round_ref))


def add_consultee(db: Database, data: ConsulteeData, round_ref: str | None = None) -> str:
    from utredning_app.services.remiss_rounds import round_consultees, select_round

    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("Remissinstansen måste ha ett namn.")
    with db.transaction() as s:
        rnd = select_round(s, round_ref)
        for other in round_consultees(s, rnd):
            if other.name.casefold() == name.casefold():
                raise ValidationError(f"«{name}» finns redan bland remissinstanserna.")
        row = m.Consultee(
            round_id=rnd.id,
            name=name,
            type=data.type,
            invited=data.invited,
            contact_name=data.contact_name.strip(),
            email=data.email.strip(),
            address=data.address.strip(),
        )
        s.add(row)
        s.flush()
        return row.id


def update_consultee(db: Database, consultee_id: str, data: ConsulteeData) -> None:
    with db.transaction() as s:
        row = s.get(m.Consultee, consultee_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("Remissinstansen finns inte.")
        name = " ".join(data.name.split())
        if not name:
            raise ValidationError("Remissinstansen måste ha ett namn.")
        row.name = name
        row.type = data.type
        row.invited = data.invited
        row.contact_name = data.contact_name.strip()
        row.email = data.email.strip()
        row.address = data.address.strip()


def remove_consultee(db: Database, consultee_id: str) -> None:
    with db.transaction() as s:
        row = s.get(m.Consultee, consultee_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("Remissinstansen finns inte.")
        answered = s.scalars(
            select(m.Response.id).where(
                m.Response.consultee_id == consultee_id, m.Response.deleted_at.is_(None)
            )
        ).first()
        if answered:
            raise ValidationError(
                f"«{row.name}» har lämnat remissvar och kan inte tas bort; ta bort svaren först."
            )
        row.deleted_at = utcnow()


# ------------------------------------------------------------------ Excel import


def read_sheet(path: Path) -> SheetData:
    """The first sheet of an Excel list, as text (untrusted: guarded like answer files)."""
    checked = read_checked(path)
    if checked.kind is not FileKind.XLSX:
        raise FileRejected(f"{checked.name}: välj en Excel-fil (.xlsx) med remissinstanserna.")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(
            io.BytesIO(checked.data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # untrusted input
        raise FileRejected(f"{checked.name}: Excel-filen är skadad och kan inte läsas.") from exc
    try:
        ws = wb.worksheets[0]
        title = strip_control_characters(ws.title)
        grid: list[list[str]] = []
        for values in ws.iter_rows(max_row=MAX_ROWS + 1, max_col=30, values_only=True):
            grid.append(
                ["" if v is None else strip_control_characters(str(v)).strip() for v in values]
            )
    except Exception as exc:  # read_only mode parses the sheet only while iterating
        raise FileRejected(
            f"{checked.name}: bladet med remissinstanserna är skadat och kan inte läsas "
            f"({type(exc).__name__})."
        ) from exc
    finally:
        wb.close()
    if not any(any(r) for r in grid):
        raise ValidationError(f"{checked.name}: bladet {title} är tomt.")
    header = find_header_row(grid)
    return SheetData(
        checked.name,
        title,
        grid[header],
        grid[header + 1 :],
        first_row=header + 2,
        header_row=header + 1,
    )


def find_header_row(grid: list[list[str]]) -> int:
    """Index of the header row: among the first rows, the one whose cells name the most
    fields, the name among them (title rows above it are skipped); else the first row with
    text (the user maps the columns)."""
    best, best_score = -1, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        mapping = guess_mapping(row)
        score = len(mapping) if "name" in mapping else 0
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    return next(i for i, row in enumerate(grid) if any(row))


def _header_key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def header_field(header: str) -> str | None:
    """The field a column header names, or None ("Kontakt person" -> contact_name)."""
    key = _header_key(header)
    if not key or len(header.strip()) > MAX_HEADER_CHARS:
        return None
    for field_name, words in _HEADER_WORDS.items():
        if key in {_header_key(w) for w in words}:
            return field_name
    for field_name, parts in _HEADER_PARTS:
        if any(part in key for part in parts):
            return field_name
    return None


def _is_header_word(text: str) -> bool:
    key = _header_key(text)
    return any(key in {_header_key(w) for w in words} for words in _HEADER_WORDS.values())


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field -> column index from the header words; the user can change it."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field_name = header_field(header)
        if field_name is not None and field_name not in mapping:
            mapping[field_name] = index
    return mapping


def preview_import(
    db: Database, sheet: SheetData, mapping: dict[str, int], round_ref: str | None = None
) -> ImportPreview:
    """Check every row; find duplicates within the list and against the register."""
    from rapidfuzz import fuzz, process, utils

    from utredning_app.services.remiss_rounds import round_consultees, select_round

    if "name" not in mapping:
        raise ValidationError(f"{sheet.file_name}: välj vilken kolumn som innehåller namnet.")
    with db.reader() as s:
        existing = [c.name for c in round_consultees(s, select_round(s, round_ref))]
    preview = ImportPreview()
    seen: list[str] = list(existing)
    where = f"{sheet.file_name}, bladet {sheet.sheet}"

    def cell(row: list[str], key: str) -> str:
        col = mapping.get(key)
        return row[col] if col is not None and col < len(row) else ""

    group: ConsulteeType | None = None
    for offset, row in enumerate(sheet.rows):
        excel_row = sheet.first_row + offset
        name = " ".join(cell(row, "name").split())
        if not name:
            if any(row):
                preview.errors.append(f"{where}, rad {excel_row}: namn saknas")
            continue
        others = [v for i, v in enumerate(row) if v and i != mapping["name"]]
        if _is_header_word(name):
            group = None  # a header again starts a new part of the list
            preview.errors.append(
                f"{where}, rad {excel_row}: «{name}» är en rubrik, inte en remissinstans"
            )
            continue
        if _header_key(name) in _GROUP_HEADINGS and not others:
            group = _GROUP_HEADINGS[_header_key(name)]
            preview.errors.append(
                f"{where}, rad {excel_row}: «{name}» är en grupprubrik, inte en remissinstans"
            )
            continue
        if len(name) > 300:
            preview.errors.append(f"{where}, rad {excel_row}: namnet är längre än 300 tecken")
            continue
        type_text = cell(row, "type")
        kind = parse_type(type_text) if type_text else (group or guess_type(name))
        if kind is None:
            allowed = ", ".join(k.label for k in ConsulteeType)
            preview.errors.append(
                f"{where}, rad {excel_row}: okänd typ «{type_text}» (tillåtna: {allowed})"
            )
            continue
        invited = _parse_bool(cell(row, "invited")) if "invited" in mapping else True
        if invited is None:
            preview.errors.append(
                f"{where}, rad {excel_row}: «{cell(row, 'invited')}» ska vara ja eller nej"
            )
            continue
        email = cell(row, "email")
        if email and ("@" not in email or " " in email.strip()):
            preview.errors.append(f"{where}, rad {excel_row}: «{email}» är ingen e-postadress")
            continue
        found = (
            process.extractOne(
                name, seen, scorer=fuzz.token_sort_ratio, processor=utils.default_process
            )
            if seen
            else None
        )
        if found is not None and found[1] >= DUPLICATE_SCORE:
            preview.duplicates.append((excel_row, name, found[0]))
            continue
        seen.append(name)
        preview.new.append(
            ConsulteeData(
                name=name,
                type=kind,
                invited=invited,
                contact_name=cell(row, "contact_name")[:200],
                email=email[:200],
                address=cell(row, "address")[:500],
            )
        )
    return preview


def commit_import(db: Database, preview: ImportPreview, round_ref: str | None = None) -> int:
    """Add the previewed new consultees in one transaction; the rejected rows
    (``preview.errors``, shown before) are left out."""
    from utredning_app.services.remiss_rounds import select_round

    with db.transaction() as s:
        rnd = select_round(s, round_ref)
        for data in preview.new:
            s.add(
                m.Consultee(
                    round_id=rnd.id,
                    name=data.name,
                    type=data.type,
                    invited=data.invited,
                    contact_name=data.contact_name,
                    email=data.email,
                    address=data.address,
                )
            )
    return len(preview.new)


def export_consultees(db: Database, out: Path, round_ref: str | None = None) -> int:
    """The register as an Excel list with the same columns the import reads."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from utredning_app.exporting.sheet_cells import safe_row
    from utredning_app.services.atomic import write_bytes_atomic

    if Path(out).suffix.lower() != ".xlsx":  # before any work
        raise ValidationError(f"{Path(out).name}: välj en fil som slutar på .xlsx.")
    rows = list_consultees(db, round_ref)
    wb = Workbook()
    ws = wb.active
    ws.title = "Remissinstanser"
    ws.append(list(FIELDS.values()))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for c in rows:
        values = [c.name, c.type.label, "ja" if c.invited else "nej"]
        ws.append(safe_row(ws, [*values, c.contact_name, c.email, c.address]))
    for col, width in zip("ABCDEF", (44, 22, 10, 26, 34, 40), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes_atomic(Path(out), buffer.getvalue())
    return len(rows)
