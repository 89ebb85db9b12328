"""Plain text of a PDF answer (pypdf, pure Python: nothing in the PDF is executed)."""

from __future__ import annotations

import io

from utredning_app.importing.guards import CheckedFile, FileKind, FileRejected

MAX_PAGES = 1000
MAX_CHARS = 2_000_000


def extract_pdf_text(checked: CheckedFile) -> str:
    assert checked.kind is FileKind.PDF
    import logging

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken PDFs warn on every page
    name = checked.name
    try:
        reader = PdfReader(io.BytesIO(checked.data))
        if reader.is_encrypted:
            # PDFs "locked" only against editing open with an empty password; others cannot.
            try:
                ok = reader.decrypt("")
            except (NotImplementedError, FileNotDecryptedError, PdfReadError) as exc:
                raise FileRejected(f"{name}: PDF-filen är krypterad och kan inte läsas.") from exc
            if not ok:
                raise FileRejected(
                    f"{name}: PDF-filen är lösenordsskyddad. Be om en fil utan lösenord."
                )
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise FileRejected(f"{name}: PDF-filen har för många sidor ({len(pages)}).")
        texts: list[str] = []
        total = 0
        for page in pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_CHARS:
                raise FileRejected(f"{name}: PDF-filen har orimligt mycket text.")
            texts.append(text.strip())
    except FileRejected:
        raise
    except Exception as exc:  # untrusted input: any parser failure is "corrupt file"
        raise FileRejected(
            f"{name}: PDF-filen är skadad och kan inte läsas ({type(exc).__name__})."
        ) from exc
    text = "\n\n".join(t for t in texts if t).strip()
    if not text:
        raise FileRejected(
            f"{name}: PDF-filen innehåller ingen text (troligen en inskannad bild). "
            "Be om en textbaserad PDF eller ett Word-dokument."
        )
    return text
