"""The document's package-level settings and properties, written for the document at hand.

python-docx copies whatever its template carries: a blank thumbnail, ``app.xml`` from the
program that once saved the template ("Microsoft Macintosh Word", 1 page, 0 words),
``<w:zoom w:val="bestFit"/>`` without the ``w:percent`` the schema requires and the decimal
symbol ".". These functions replace them with values true for the exported document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from utredning_app.exporting.docx_helpers import LANGUAGE, clean

APPLICATION = "Utredningsstöd"

# Children of w:settings that come after w:zoom / w:decimalSymbol in the CT_Settings sequence.
_AFTER_DECIMAL = ("listSeparator",)


def set_settings(document: DocxDocument) -> None:
    """Zoom 100 %, Swedish decimal symbol and list separator, no "update fields on open",
    no preview picture saved into the file."""
    settings = document.settings.element
    zoom = settings.find(qn("w:zoom"))
    if zoom is None:
        zoom = OxmlElement("w:zoom")
        settings.insert(0, zoom)
    for attr in list(zoom.attrib):
        del zoom.attrib[attr]
    zoom.set(qn("w:percent"), "100")
    for tag in ("w:updateFields", "w:savePreviewPicture"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    decimal = settings.find(qn("w:decimalSymbol"))
    separator = settings.find(qn("w:listSeparator"))
    if decimal is None:
        decimal = OxmlElement("w:decimalSymbol")
        if separator is not None:
            separator.addprevious(decimal)
        else:
            _append_before_extensions(settings, decimal)
    decimal.set(qn("w:val"), ",")
    if separator is None:
        separator = OxmlElement("w:listSeparator")
        decimal.addnext(separator)
    separator.set(qn("w:val"), ";")


def _append_before_extensions(settings: Any, element: Any) -> None:
    # w14:/w15: extension elements close the sequence; w: elements go before them.
    w_ns = qn("w:settings").split("}")[0] + "}"
    tail = next(
        (c for c in settings if isinstance(c.tag, str) and not c.tag.startswith(w_ns)), None
    )
    if tail is not None:
        tail.addprevious(element)
    else:
        settings.append(element)


def remove_thumbnail(document: DocxDocument) -> None:
    """Drop the template's preview picture (it shows an empty page, not this document)."""
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]


def set_app_properties(document: DocxDocument, *, company: str) -> None:
    """``docProps/app.xml`` naming this program; no stale page or word counts (Word and
    LibreOffice write true ones when they save)."""
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">'
        f"<Application>{escape(APPLICATION)}</Application>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(clean(company))}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = app
            return


def set_core_properties(
    document: DocxDocument,
    *,
    title: str,
    subject: str,
    author: str,
    keywords: str = "",
    date: dt.date,
) -> None:
    """Title, author and dates of the edition (not of the export)."""
    props = document.core_properties
    stamp = dt.datetime.combine(date, dt.time(12, 0))
    props.title = clean(title)[:255]
    props.subject = clean(subject)[:255]
    props.author = clean(author)[:255]
    props.last_modified_by = clean(author)[:255]
    props.keywords = clean(keywords)[:255]
    props.language = LANGUAGE
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.comments = ""
    props.category = ""


def save_document(document: DocxDocument, date: dt.date) -> bytes:
    """The document's bytes, the same for the same content: every zip entry carries the
    edition's date instead of the moment of saving (python-docx stamps "now"), so an edition
    rebuilt from the same content is byte-identical."""
    import io
    import zipfile

    from docx.opc.pkgwriter import PackageWriter

    stamp = (max(date.year, 1980), date.month, date.day, 12, 0, 0)

    class _Writer:
        def __init__(self, buffer: io.BytesIO) -> None:
            self._zip = zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED)

        def write(self, pack_uri: Any, blob: bytes) -> None:
            info = zipfile.ZipInfo(pack_uri.membername, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            self._zip.writestr(info, blob)

        def close(self) -> None:
            self._zip.close()

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    buffer = io.BytesIO()
    writer: Any = _Writer(buffer)  # python-docx's own write steps, with our zip writer
    steps: Any = PackageWriter
    steps._write_content_types_stream(writer, package.parts)
    steps._write_pkg_rels(writer, package.rels)
    steps._write_parts(writer, package.parts)
    writer.close()
    return buffer.getvalue()
