"""Opening the Word template: the bundled ``region.docx`` or a user's own (``--mall``)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from utredning_app.errors import ValidationError, os_reason
from utredning_app.exporting.markdown_docx import StyleNames


class TemplateError(ValidationError):
    """The template is missing, broken or lacks styles the reports need."""


def default_template() -> Path:
    from utredning_app import paths

    return paths.templates_dir() / "region.docx"


def open_template(template: Path | None, styles: StyleNames | None = None) -> Any:
    """A python-docx Document from the template, its body emptied, styles checked."""
    from docx import Document
    from docx.oxml.ns import qn

    path = Path(template) if template is not None else default_template()
    styles = styles or StyleNames()
    if not path.is_file():
        raise TemplateError(f"Mallen {path} finns inte.")
    if path.suffix.lower() == ".dotx":
        raise TemplateError(
            f"Mallen {path.name} är en Word-mall (.dotx). Öppna den i Word och spara den "
            "som Word-dokument (.docx), och ange sedan den filen."
        )
    try:
        document = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TemplateError(
            f"Mallen {path.name} kan inte läsas som ett Word-dokument (.docx): {_reason(exc)}."
        ) from exc
    except Exception as exc:  # lxml and python-docx raise many kinds on damaged parts
        raise TemplateError(
            f"Mallen {path.name} är skadad och kan inte användas ({type(exc).__name__})."
        ) from exc
    present = {s.name for s in document.styles}
    missing = [name for name in styles.all() if name not in present]
    if missing:
        raise TemplateError(
            f"Mallen {path.name} saknar formatmallarna {', '.join(missing)}. Lägg till dem i "
            "mallen med exakt de namnen (eller utgå från standardmallen region.docx)."
        )
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _reason(exc: BaseException) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        return "filen är inte ett zip-paket"
    if isinstance(exc, KeyError):
        return "en del av dokumentet saknas"
    if isinstance(exc, OSError):
        return os_reason(exc)
    text = str(exc)
    if "content type" in text:
        return "filen är inte ett vanligt Word-dokument"
    return text[:120]
