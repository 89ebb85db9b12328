"""Page numbers in the contents list, laid out by LibreOffice where it is installed.

python-docx cannot lay out pages, and asking Word to update fields on every open makes Word
ask a question each time. So the contents list is written out with its entries always, and
where LibreOffice is installed the document is converted to PDF headless (in a private
profile and a temporary folder under the app's data folder, removed afterwards) and each
heading's page is read from the PDF text and written beside its entry (right-aligned, with a
dotted leader). Adding the numbers does not move any text to another page: each entry keeps
its own line. Without LibreOffice the entries stand without numbers.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

SOFFICE_TIMEOUT_S = 120
TOC_STYLE_MARK = "Innehåll"  # the contents list's heading on the title page


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _squash(text: str) -> str:
    return re.sub(r"[\s\u00ad\-–]+", "", text).casefold()


def pdf_pages(docx_bytes: bytes) -> list[str] | None:
    """The text of each page as LibreOffice lays the document out (None: no LibreOffice or
    it failed)."""
    program = soffice()
    if program is None:
        return None
    from utredning_app import paths

    parent = paths.snapshots_dir()
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sidnummer-", dir=parent) as tmp:
        work = Path(tmp)
        source = work / "dokument.docx"
        source.write_bytes(docx_bytes)
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={(work / 'profil').as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=SOFFICE_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        pdf = work / "dokument.pdf"
        if not pdf.is_file():
            return None
        from pypdf import PdfReader

        return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


def heading_pages(headings: list[str], pages: list[str], start: int = 0) -> list[int | None]:
    """The page (1-based) on which each heading stands, searched in order from ``start``."""
    squashed = [_squash(p) for p in pages]
    found: list[int | None] = []
    at = start
    for heading in headings:
        key = _squash(heading)
        page = next((i for i in range(at, len(squashed)) if key and key in squashed[i]), None)
        found.append(None if page is None else page + 1)
        if page is not None:
            at = page
    return found


def add_page_numbers(docx_bytes: bytes) -> bytes | None:
    """The document with page numbers in its contents list (None: LibreOffice missing or
    nothing to number). The entries are the paragraphs of the TOC field's result."""
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml.ns import qn
    from docx.shared import Cm, Length

    document = docx.Document(io.BytesIO(docx_bytes))
    entries = _toc_entries(document)
    if not entries:
        return None
    pages = pdf_pages(docx_bytes)
    if pages is None:
        return None
    # Search after the contents list itself (its entries repeat the headings).
    toc_page = next((i for i, text in enumerate(pages) if TOC_STYLE_MARK in text), 0)
    numbers = heading_pages([text for _, text in entries], pages, toc_page + 1)
    section = document.sections[0]
    width = section.page_width or Cm(21.0)
    right = Length(width - (section.left_margin or 0) - (section.right_margin or 0))
    for (paragraph, _), number in zip(entries, numbers, strict=True):
        if number is None:
            continue
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            right, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        runs = paragraph._p.findall(qn("w:r"))
        text_runs = [r for r in runs if r.find(qn("w:t")) is not None]
        anchor = text_runs[-1] if text_runs else None
        if anchor is None:
            continue
        from copy import deepcopy

        tab_run = deepcopy(anchor)
        for child in list(tab_run):
            if child.tag != qn("w:rPr"):
                tab_run.remove(child)
        tab_run.append(paragraph._p.makeelement(qn("w:tab"), {}))
        number_run = deepcopy(tab_run)
        number_run.remove(number_run.find(qn("w:tab")))
        t = paragraph._p.makeelement(qn("w:t"), {})
        t.text = str(number)
        number_run.append(t)
        anchor.addnext(tab_run)
        tab_run.addnext(number_run)
    buffer = io.BytesIO()
    document.save(buffer)
    return _keep_zip_dates(docx_bytes, buffer.getvalue())


def _toc_entries(document: Any) -> list[tuple[Any, str]]:
    """(paragraph, heading text) of each contents entry: the paragraphs from the TOC field's
    begin to its end."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    body = document.element.body
    entries: list[tuple[Any, str]] = []
    inside = False
    for p in body.iterchildren(qn("w:p")):
        instr = "".join(t.text or "" for t in p.iter(qn("w:instrText")))
        if instr.strip().startswith("TOC"):
            inside = True
        if inside:
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text:
                entries.append((Paragraph(p, body), text))
            ends = [f for f in p.iter(qn("w:fldChar")) if f.get(qn("w:fldCharType")) == "end"]
            if ends:
                break
    return entries


def _keep_zip_dates(original: bytes, changed: bytes) -> bytes:
    """``changed`` with the zip entry dates of ``original`` (the edition's date, so the same
    content gives the same bytes)."""
    with zipfile.ZipFile(io.BytesIO(original)) as src:
        dates = {i.filename: i.date_time for i in src.infolist()}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(changed)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=dates.get(info.filename, info.date_time))
            new.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(new, zin.read(info.filename))
    return out.getvalue()
