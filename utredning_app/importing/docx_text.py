"""Plain text of a Word (.docx) answer, paragraphs and tables in document order.

The page header (letterhead, date, diarienummer) comes first and the page footer (postal
address, web domain) last: they say who sent the answer (services/sender.py)."""

from __future__ import annotations

import io

from utredning_app.importing.guards import CheckedFile, FileKind, FileRejected

MAX_CHARS = 2_000_000


def extract_docx_text(checked: CheckedFile) -> str:
    """Text of ``checked`` (already through the guards). Paragraphs are separated by newlines;
    table rows become one line with cells separated by " | "."""
    assert checked.kind is FileKind.DOCX
    import docx

    try:
        document = docx.Document(io.BytesIO(checked.data))
        headers, footers = _headers_and_footers(document)
        lines: list[str] = [*headers]
        if headers:
            lines.append("")
        _block_lines(document.element.body, lines)
        if footers:
            lines += ["", *footers]
    except FileRejected:
        raise
    except Exception as exc:  # untrusted input: any parser failure is "corrupt file"
        raise FileRejected(
            f"{checked.name}: Word-dokumentet är skadat och kan inte läsas ({type(exc).__name__})."
        ) from exc
    text = _tidy("\n".join(lines))
    if len(text) > MAX_CHARS:
        raise FileRejected(f"{checked.name}: dokumentet har orimligt mycket text.")
    return text


def _block_lines(parent: object, lines: list[str]) -> None:
    """Paragraphs and table rows of a body, header or footer, in order."""
    from docx.oxml.ns import qn

    for child in parent.iterchildren():  # type: ignore[attr-defined]
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = [
                    " ".join(_paragraph_text(p) for p in tc.iter(qn("w:p"))).strip()
                    for tc in row.iter(qn("w:tc"))
                ]
                lines.append(" | ".join(c for c in cells if c))


def _headers_and_footers(document: object) -> tuple[list[str], list[str]]:
    """Text lines of the page headers and footers (each distinct one once). Read from the
    parts themselves, so nothing is added to the document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    headers: list[str] = []
    footers: list[str] = []
    part = document.part  # type: ignore[attr-defined]
    for rel in part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        lines: list[str] = []
        _block_lines(rel.target_part.element, lines)
        target = headers if rel.reltype == RT.HEADER else footers
        for line in lines:
            if line.strip() and line not in target:
                target.append(line)
    return headers, footers


def _paragraph_text(p: object) -> str:
    from docx.oxml.ns import qn

    parts: list[str] = []
    for node in p.iter():  # type: ignore[attr-defined]
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
    return "".join(parts)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip()
