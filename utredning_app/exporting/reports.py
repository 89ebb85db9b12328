"""Building the four Word documents: template + outline + report data → python-docx Document.

``build_report`` returns the finished document bytes; writing the file (atomically) is the
service's job (``services/exports.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from utredning_app.domain.enums import ReportKind
from utredning_app.domain.formatting import format_date
from utredning_app.domain.report_model import ReportData
from utredning_app.domain.vocabulary import DOCUMENT_TITLES
from utredning_app.exporting import docx_helpers as dh
from utredning_app.exporting import package_props as pp
from utredning_app.exporting.blocks import BLOCKS, BuildContext
from utredning_app.exporting.blocks.context import Background
from utredning_app.exporting.markdown_docx import MarkdownWriter, StyleNames
from utredning_app.exporting.outline import Block, Outline, load_outline
from utredning_app.exporting.template import open_template

# Document names used on the command line and in outline file names.
DOCUMENT_KINDS: dict[str, ReportKind] = {name: ReportKind(name) for name in DOCUMENT_TITLES}

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class BuiltReport:
    data: bytes
    chapters: tuple[str, ...]  # chapter titles as written (outline order, empty ones dropped)
    warnings: tuple[str, ...] = ()  # Swedish notes for the person exporting


def _no_progress(fraction: float, text: str) -> None:
    return None


def build_report(
    name: str,
    data: ReportData,
    *,
    template: Path | None = None,
    outline: Outline | None = None,
    draft: bool = False,
    progress: Progress = _no_progress,
    cancelled: Callable[[], bool] = lambda: False,
    background: Background | None = None,
) -> BuiltReport:
    """The document ``name`` of ``data`` as .docx bytes. ``background``: the outline's
    background work already started for ``data`` (``start_background``)."""
    kind = DOCUMENT_KINDS[name]
    outline = outline or load_outline(name)
    styles = StyleNames()
    document = open_template(template, styles)
    report = data.reports.get(kind)
    ctx = BuildContext(
        document=document,
        data=data,
        kind=kind,
        styles=styles,
        md=MarkdownWriter(document, styles),
        draft=draft,
        chapter_level=outline.heading_level,
        cancelled=cancelled,
    )
    inv = data.investigation
    doc_title = report.title if report is not None and report.title else inv.title
    date = (report.report_date if report is not None else None) or dt.date.today()

    from utredning_app.charts.drawing import set_chart_font
    from utredning_app.exporting import chart_jobs

    if outline_has_charts(outline):
        chart_jobs.start_worker()  # imports matplotlib while the chapters are written
    set_chart_font(template_font(document, styles))
    progress(0.05, "Förbereder dokumentet")
    ctx.background = background if background is not None else start_background(outline, data)
    toc = _title_page(ctx, outline, doc_title, date) if outline.title_page else None

    written: list[str] = []
    appendix = 0
    total = len(outline.chapters)
    for index, chapter in enumerate(outline.chapters):
        ctx.check()
        progress(0.1 + 0.8 * index / max(total, 1), chapter.title)
        body = document.element.body
        mark = len(body) - 1  # before sectPr
        if chapter.appendix:
            appendix += 1
        if (chapter.appendix or chapter.new_page) and written:
            dh.add_page_break(document)
        title = f"Bilaga {appendix}. {chapter.title}" if chapter.appendix else chapter.title
        if chapter.show_title:
            ctx.styled(styles.heading(outline.heading_level), title)
        count = _write_blocks(ctx, chapter.blocks)
        if count == 0:
            if draft:
                ctx.paragraph("[Texten till detta kapitel är ännu inte skriven.]", italic=True)
            else:
                # Nothing to say: drop the chapter (heading, page break) rather than ship a hole.
                _truncate(body, mark)
                if chapter.appendix:
                    appendix -= 1
                continue
        written.append(title)

    progress(0.9, "Diagram")
    ctx.place_figures()
    if toc is not None:
        dh.fill_toc_result(toc, _heading_entries(document, ctx))
    progress(0.92, "Sidhuvud, egenskaper och språk")
    section = document.sections[0]
    dh.replace_placeholders(
        section,
        {
            "titel": inv.title,
            "diarienummer": inv.diarienummer or "–",
            "region": inv.region,
            "dokumenttyp": outline.document_type,
        },
    )
    if draft:
        for sec in document.sections:
            dh.add_watermark(sec, "UTKAST")
    dh.set_language(document)
    # No w:updateFields: Word would ask on every open. The contents list is written out in
    # full (page numbers added by ``toc_pages`` where LibreOffice can lay the document out).
    pp.set_settings(document)
    pp.remove_thumbnail(document)
    pp.set_app_properties(document, company=inv.region)
    pp.set_core_properties(
        document,
        title=doc_title,
        subject=inv.title,
        author=author_of(data),
        keywords=f"{outline.document_type}; {inv.diarienummer}",
        date=date,
    )
    payload = pp.save_document(document, date)
    if kind == ReportKind.TJANSTEUTLATANDE:
        pages = estimated_pages(document)
        if pages > MEMO_MAX_PAGES:
            ctx.warnings.append(
                f"Tjänsteutlåtandet blir omkring {pages} sidor, fler än {MEMO_MAX_PAGES}: "
                "korta ärendebeskrivningen, bakgrunden eller övervägandena."
            )
    progress(1.0, "Klart")
    return BuiltReport(payload, tuple(written), tuple(ctx.warnings))


def start_background(outline: Outline, data: ReportData) -> Background:
    """Start the background work of the outline's blocks (the Monte Carlo) for ``data`` now;
    as soon as the cost model is read, it can run while the rest of the file is read."""
    background = Background()
    for chapter in outline.chapters:
        for blk in chapter.blocks:
            prefetch = BLOCKS[blk.kind].prefetch
            if prefetch is not None:
                prefetch(data, blk.params, background)
    return background


MEMO_MAX_PAGES = 4
# An A4 page of 11 pt body text in the template holds about this many characters; a table
# row or a heading takes a line of its own.
_CHARS_PER_PAGE = 3000
_CHARS_PER_LINE = 85


def estimated_pages(document: Any) -> int:
    """A page count good enough to warn about a long memo (no layout engine needed)."""
    chars = 0
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        # A paragraph fills at least one line.
        chars += max(len(text), _CHARS_PER_LINE // 2) + _CHARS_PER_LINE // 3
    return max(1, -(-chars // _CHARS_PER_PAGE))


_CHART_BLOCKS = frozenset({"kostnader", "nuvarde", "osakerhet", "rangordning"})


def outline_has_charts(outline: Outline) -> bool:
    return any(b.kind in _CHART_BLOCKS for c in outline.chapters for b in c.blocks)


def template_font(document: Any, styles: StyleNames) -> str | None:
    """The font of the template's table style (else of Normal): the charts use it too."""
    for name in (styles.table, styles.normal):
        try:
            rpr = document.styles[name].element.find(qn("w:rPr"))
        except KeyError:
            continue
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None and fonts.get(qn("w:ascii")):
            return str(fonts.get(qn("w:ascii")))
    return None


def author_of(data: ReportData) -> str:
    """The document's author: the investigation (its secretariat writes it), never the body
    that commissioned it."""
    from utredning_app.domain.enums import MemberRole

    inv = data.investigation
    roles = (MemberRole.SEKRETERARE, MemberRole.SEKRETARIAT)
    secretariat = [m.name for m in data.members if m.role in roles]
    if secretariat:
        return f"{inv.title} (sekretariatet: {', '.join(secretariat)})"
    return inv.title or "Utredningen"


def _write_blocks(ctx: BuildContext, blocks: tuple[Block, ...]) -> int:
    """Run the blocks; a ``rubrik`` whose following blocks write nothing is removed again."""
    body = ctx.document.element.body
    total = 0
    heading_mark: int | None = None
    since_heading = 0
    for blk in blocks:
        if blk.kind == "rubrik":
            if heading_mark is not None and since_heading == 0:
                _truncate(body, heading_mark)
            heading_mark = len(body) - 1
            since_heading = 0
        count = BLOCKS[blk.kind].fn(ctx, blk.params)
        since_heading += count
        total += count
    if heading_mark is not None and since_heading == 0:
        _truncate(body, heading_mark)
    return total


def _truncate(body: Any, mark: int) -> None:
    """Remove the body elements from index ``mark`` up to (not including) the sectPr."""
    for child in list(body)[mark : len(body) - 1]:
        body.remove(child)


def _heading_entries(document: Any, ctx: BuildContext) -> list[tuple[int, str]]:
    ids = ctx.md.ids
    levels = {ids(ctx.styles.headings[0]): 1, ids(ctx.styles.headings[1]): 2}
    entries = []
    for p in document.element.body.iterchildren(qn("w:p")):
        level = levels.get(p.style or "")
        if level is not None:
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text:
                entries.append((level, text))
    return entries


def _title_page(ctx: BuildContext, outline: Outline, doc_title: str, date: dt.date) -> Any:
    from docx.shared import Pt

    document: Any = ctx.document
    inv = ctx.data.investigation
    styles = ctx.styles
    top = ctx.styled(styles.subtitle, inv.region)
    top.paragraph_format.space_after = Pt(150)
    ctx.styled(styles.subtitle, outline.document_type)
    ctx.styled(styles.title, doc_title)
    if doc_title != inv.title:
        ctx.styled(styles.subtitle, inv.title)
    meta_style = "Rapportuppgift" if _has_style(document, "Rapportuppgift") else styles.normal
    lines = [
        f"Diarienummer: {inv.diarienummer}" if inv.diarienummer else "",
        f"Uppdragsgivare: {inv.commissioned_by}" if inv.commissioned_by else "",
        f"Datum: {format_date(date)}",
        "Status: utkast" if ctx.draft else "",
    ]
    first = True
    for line in lines:
        if line:
            paragraph = ctx.styled(meta_style, line)
            if first:
                paragraph.paragraph_format.space_before = Pt(36)
                first = False
    dh.add_page_break(document)
    heading = ctx.styled(styles.subtitle, "Innehåll")
    heading.runs[0].bold = True
    toc = ctx.styled(styles.normal)
    dh.add_toc(toc)
    dh.add_page_break(document)
    return toc


def _has_style(document: Any, name: str) -> bool:
    return any(s.name == name for s in document.styles)
