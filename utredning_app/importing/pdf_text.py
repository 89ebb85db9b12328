"""Plain text of a PDF answer, via PDFium (pypdfium2).

PDFium is the PDF engine of Chromium, built and fuzzed for hostile files from the web; text
extraction is ~10× faster than pure-Python pypdf (a 20-page answer: ~0.15 s instead of
1–2 s), which matters when hundreds of answers are read in at once. No form environment is
initialised, so no JavaScript in a PDF can run.
"""

from __future__ import annotations

from utredning_app.domain.validation import strip_control_characters
from utredning_app.importing.guards import CheckedFile, FileKind, FileRejected

MAX_PAGES = 1000
MAX_CHARS = 2_000_000


def extract_pdf_text(checked: CheckedFile) -> str:
    assert checked.kind is FileKind.PDF
    import pypdfium2 as pdfium

    name = checked.name
    try:
        document = pdfium.PdfDocument(checked.data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).casefold():
            raise FileRejected(
                f"{name}: PDF-filen är lösenordsskyddad. Be om en fil utan lösenord."
            ) from exc
        raise FileRejected(f"{name}: PDF-filen är skadad och kan inte läsas.") from exc
    texts: list[str] = []
    try:
        pages = len(document)
        if pages > MAX_PAGES:
            raise FileRejected(f"{name}: PDF-filen har för många sidor ({pages}).")
        total = 0
        for index in range(pages):
            page = document[index]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
            total += len(text)
            if total > MAX_CHARS:
                raise FileRejected(f"{name}: PDF-filen har orimligt mycket text.")
            texts.append(_tidy(text))
    except FileRejected:
        raise
    except Exception as exc:  # untrusted input: any engine failure is "corrupt file"
        raise FileRejected(
            f"{name}: PDF-filen är skadad och kan inte läsas ({type(exc).__name__})."
        ) from exc
    finally:
        document.close()
    text = "\n\n".join(t for t in texts if t).strip()
    if not text:
        raise FileRejected(
            f"{name}: PDF-filen innehåller ingen text (troligen en inskannad bild). "
            "Be om en textbaserad PDF eller ett Word-dokument."
        )
    return text


def _tidy(text: str) -> str:
    """PDFium ends lines with CR LF and may leave form feeds and soft hyphens."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\x02", "")
    text = strip_control_characters(text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
