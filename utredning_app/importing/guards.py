"""Checks every answer file passes before any parser sees it.

Answer files come from outside the region and are untrusted. Before python-docx, openpyxl or
PDFium parse a byte, this module rejects files that are too large, are not what their name says,
are encrypted, or are ZIP packages built to exhaust memory (zip bombs) or that carry XML
document type declarations (entity-expansion attacks such as "billion laughs": Office Open XML
never uses a DTD, so any ``<!DOCTYPE``/``<!ENTITY`` is refused outright). openpyxl additionally
parses through defusedxml when it is installed (it is a dependency), and python-docx's lxml
parser does not resolve entities.

Nothing from a file is executed or written anywhere but into the investigation file.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from utredning_app.errors import ValidationError, os_reason

MAX_FILE_BYTES = 50 * 1024**2  # one answer file
MAX_UNCOMPRESSED_BYTES = 200 * 1024**2  # all members of one Office package together
MAX_RATIO = 100  # uncompressed / compressed, per member and overall
MAX_MEMBERS = 5000
# Cells in one worksheet: far more than any list, svarsmall or cost model the app reads (a
# large cost model has ~100 000), few enough for openpyxl to parse in a few seconds; and per
# row, since openpyxl builds a whole row at once (a million-cell row took 0.5 GB). Cells in
# the XML only: a sheet's <dimension> and sparse row numbers make openpyxl pad with empty
# cells too, so the readers also bound the rows and columns they ask for.
MAX_CELLS = 300_000
MAX_CELLS_PER_ROW = 16_384  # Excel's last column, XFD
_CHUNK = 1024**2
_OVERLAP = 16
_DTD_RE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CELL_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(c|row)[\s/>]")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files and old .doc/.xls


class FileRejected(ValidationError):
    """An answer file that cannot be taken in; the message names the file and the reason."""


class FileKind(StrEnum):
    DOCX = "docx"
    XLSX = "xlsx"
    PDF = "pdf"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]

    @property
    def label(self) -> str:
        return {"docx": "Word-dokument", "xlsx": "Excel-fil", "pdf": "PDF"}[self.value]


_MEDIA_TYPES = {
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.PDF: "application/pdf",
}
_SUFFIXES = {".docx": FileKind.DOCX, ".xlsx": FileKind.XLSX, ".pdf": FileKind.PDF}


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the guards: its name, kind and bytes (read once)."""

    name: str
    kind: FileKind
    data: bytes


def read_checked(path: Path) -> CheckedFile:
    """Read ``path`` and run every guard; raise :class:`FileRejected` otherwise."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileRejected(f"{name}: filen kan inte läsas ({os_reason(exc)}).") from exc
    if not path.is_file():
        raise FileRejected(f"{name}: är inte en vanlig fil.")
    check_size(name, size)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRejected(f"{name}: filen kan inte läsas ({os_reason(exc)}).") from exc
    return check_bytes(name, data)


def check_size(name: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise FileRejected(
            f"{name}: filen är för stor ({size / 1024**2:.0f} MB; högst "
            f"{MAX_FILE_BYTES // 1024**2} MB tas emot). Be avsändaren om en mindre fil."
        )
    if size == 0:
        raise FileRejected(f"{name}: filen är tom.")


def check_bytes(name: str, data: bytes) -> CheckedFile:
    check_size(name, len(data))
    suffix = Path(name).suffix.lower()
    expected = _SUFFIXES.get(suffix)
    if expected is None:
        raise FileRejected(
            f"{name}: filtypen {suffix or '(ingen ändelse)'} tas inte emot; "
            "remissvar kan vara .docx, .pdf eller en ifylld svarsmall (.xlsx)."
        )
    if data.startswith(_OLE_MAGIC):
        raise FileRejected(
            f"{name}: filen är lösenordsskyddad (krypterad) eller i det gamla formatet "
            ".doc/.xls. Be om en fil utan lösenord, sparad som .docx/.xlsx eller PDF."
        )
    actual = sniff(data)
    if actual is None:
        raise FileRejected(
            f"{name}: innehållet är inte {expected.label} (filen är skadad eller har fel ändelse)."
        )
    if actual is not expected:
        raise FileRejected(
            f"{name}: filen heter {suffix} men innehållet är {actual.label}. "
            "Byt ändelse eller be om rätt fil."
        )
    if actual is not FileKind.PDF:
        check_office_package(name, data, actual)
    return CheckedFile(name, actual, data)


def sniff(data: bytes) -> FileKind | None:
    """Kind of file from its content (never from its name)."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return FileKind.PDF
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return FileKind.DOCX
    if "xl/workbook.xml" in names:
        return FileKind.XLSX
    return None


def check_office_package(name: str, data: bytes, kind: FileKind) -> None:
    """Zip-bomb limits, encryption and DTD checks on an Office Open XML package."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileRejected(f"{name}: filen är skadad ({kind.label} kan inte öppnas).") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise FileRejected(f"{name}: filen innehåller orimligt många delar ({len(infos)}).")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_RATIO:
            raise FileRejected(
                f"{name}: filen packas upp till {total / 1024**2:.0f} MB "
                f"(från {packed / 1024**2:.1f} MB) och avvisas som en möjlig zip-bomb."
            )
        for info in infos:
            if info.flag_bits & 0x1:
                raise FileRejected(f"{name}: filen är krypterad och kan inte läsas.")
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                raise FileRejected(
                    f"{name}: delen {info.filename} packas upp orimligt mycket och filen "
                    "avvisas som en möjlig zip-bomb."
                )
            if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                continue
            _scan_part(name, zf, info)


def _scan_part(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Stream one XML part (never all of it in memory): refuse a DTD anywhere in it, in any
    encoding, and a worksheet with more cells than any reader here will look at.

    NUL bytes are dropped before matching, so the ASCII markup of a UTF-16 or UTF-32 part
    matches as well (an XML part has no NUL characters of its own).
    """
    is_sheet = info.filename.startswith("xl/worksheets/")
    cells = in_row = 0
    tail = b""
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                text = tail + chunk.replace(b"\x00", b"")
                if _DTD_RE.search(text):
                    raise FileRejected(
                        f"{name}: delen {info.filename} innehåller en XML-dokumenttypsdeklaration "
                        "(DTD/entiteter), som Office-filer aldrig har; filen avvisas som osäker."
                    )
                if is_sheet:
                    # Matches ending in the tail were counted with the previous chunk.
                    for match in _CELL_RE.finditer(text):
                        if match.end() <= len(tail):
                            continue
                        if match.group(1) == b"row":
                            in_row = 0
                            continue
                        cells += 1
                        in_row += 1
                        if in_row > MAX_CELLS_PER_ROW:
                            raise FileRejected(
                                f"{name}: bladet {info.filename} har en rad med fler celler än "
                                f"Excel tillåter ({MAX_CELLS_PER_ROW}); filen avvisas."
                            )
                    if cells > MAX_CELLS:
                        limit = f"{MAX_CELLS:_}".replace("_", " ")
                        raise FileRejected(
                            f"{name}: bladet {info.filename} har fler än {limit} celler och "
                            "läses inte (så stora listor, svarsmallar eller kostnadsmodeller "
                            "finns inte)."
                        )
                tail = text[-_OVERLAP:]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise FileRejected(
            f"{name}: delen {info.filename} är skadad och filen kan inte läsas."
        ) from exc
