"""What a block writes with: the document, the report data, styles, captions, tables,
charts drawn in the background, and cancelling."""

from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from utredning_app.domain.enums import ReportKind
from utredning_app.domain.report_model import ProposalData, ReportData
from utredning_app.exporting.docx_helpers import CaptionCounter, clean, fast_run, keep_with_next
from utredning_app.exporting.fast_table import add_table
from utredning_app.exporting.markdown_docx import MarkdownWriter, StyleNames

if TYPE_CHECKING:
    from utredning_app.exporting.cost_tables import TextTable

T = TypeVar("T")
FIGURE_WIDTH_CM = 16.0  # the text width of the template's A4 page


class Cancelled(Exception):
    """The user cancelled the export."""


@dataclass(frozen=True)
class PendingChart:
    """A chart being drawn by the chart worker (``exporting/chart_jobs.py``)."""

    future: Future[bytes]
    fn: Callable[..., bytes]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


class Background:
    """Work started in a background thread before (or while) a document is written: for
    number crunching that releases the GIL (numpy), so it overlaps with reading the file and
    writing the document. ``start(key, …)`` once; ``result(key, …)`` collects it."""

    def __init__(self) -> None:
        self._futures: dict[str, Future[Any]] = {}

    def start(self, key: str, work: Callable[[], Any]) -> None:
        if key not in self._futures:
            self._futures[key] = _background_pool().submit(work)

    def result(self, key: str, work: Callable[[], T]) -> T:
        """The result of ``start(key, …)`` (its exception re-raised), or ``work()`` now."""
        future = self._futures.get(key)
        if future is None:
            return work()
        result: T = future.result()
        return result


@dataclass
class BuildContext:
    document: Any
    data: ReportData
    kind: ReportKind
    styles: StyleNames
    md: MarkdownWriter
    captions: CaptionCounter = field(default_factory=CaptionCounter)
    draft: bool = False
    chapter_level: int = 1
    cancelled: Callable[[], bool] = lambda: False
    _costs: Any = None
    background: Background = field(default_factory=Background)
    # Swedish notes for the person exporting (e.g. a memo past four pages, no signatory).
    warnings: list[str] = field(default_factory=list)
    _table_size: float | None = None
    _figures: list[tuple[Any, bytes | PendingChart, str, str]] = field(default_factory=list)
    _table_font: str | None = None

    def result(self, key: str, work: Callable[[], T]) -> T:
        """The result of the background work ``key`` (started by a block's prefetch), or
        ``work()`` now."""
        return self.background.result(key, work)

    def cost_figures(self) -> Any:
        """The cost model's figures, computed once per document (several blocks use them)."""
        if self._costs is None:
            from utredning_app.exporting.cost_figures import cost_figures

            self._costs = cost_figures(self.data)
        return self._costs

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def heading(self, text: str, depth: int = 1) -> Any:
        """A heading ``depth`` levels below the chapter level (0 = chapter level)."""
        return self.md.par(self.document, self.styles.heading(self.chapter_level + depth), text)

    def styled(self, style_name: str, text: str = "") -> Any:
        return self.md.par(self.document, style_name, text)

    def paragraph(self, text: str = "", *, italic: bool = False, bold: bool = False) -> Any:
        paragraph = self.md.par(self.document, self.styles.normal)
        if text:
            fast_run(paragraph, text, italic=italic, bold=bold)
        return paragraph

    def markdown(self, text: str, depth: int = 1) -> int:
        return self.md.write(text, heading_level=self.chapter_level + depth)

    def caption(self, label: str, text: str) -> None:
        keep_with_next(
            self.captions.add(self.document, label, text, style_id=self.md.ids(self.styles.caption))
        )

    def table(
        self,
        headers: list[str],
        rows: list[list[str]] | Any,
        *,
        numeric: tuple[int, ...] = (),
    ) -> None:
        """A table in the template's table style (its font size, ``--mall``), columns as wide
        as their content needs; too wide for the page, it is split into tables that each
        repeat the first column."""
        from utredning_app.exporting import table_layout as tl

        rows = rows if isinstance(rows, list) else list(rows)
        size = self.table_font_size()
        needs = tl.column_needs(headers, rows, size or 9.0)
        widths = tl.fit_widths(needs)
        groups = [list(range(len(headers)))] if widths is not None else tl.split_columns(needs)
        for part, columns in enumerate(groups):
            if part:
                more = ", ".join(headers[i].replace("\u00ad", "") for i in columns[1:])
                self.paragraph(f"Tabellen fortsätter med kolumnerna {more}.", italic=True)
            sub_needs = [needs[i] for i in columns]
            sub_widths = widths if widths is not None else tl.fit_widths(sub_needs)
            add_table(
                self.document,
                [headers[i] for i in columns],
                [[row[i] if i < len(row) else "" for i in columns] for row in rows]
                if len(groups) > 1
                else rows,
                style=self.styles.table,
                widths_cm=sub_widths,
                numeric_columns=tuple(columns.index(i) for i in numeric if i in columns),
                font_size_pt=size,
                font_name=self.table_font(),
            )
            # A little air after a table (Word glues the next paragraph to it otherwise).
            spacer = self.md.par(self.document, self.styles.normal)
            spacer.paragraph_format.space_after = 0

    def table_font(self) -> str | None:
        """The font of the template's table style: set on the runs, since the Normal style's
        font would otherwise win over the table style's in Word and LibreOffice."""
        if self._table_font is None:
            from docx.oxml.ns import qn

            name = ""
            try:
                rpr = self.document.styles[self.styles.table].element.find(qn("w:rPr"))
                fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
                if fonts is not None:
                    name = str(fonts.get(qn("w:ascii")) or "")
            except KeyError:
                name = ""
            self._table_font = name
        return self._table_font or None

    def table_font_size(self) -> float | None:
        """The font size of the template's table style (None: the style sets none)."""
        if self._table_size is None:
            from docx.oxml.ns import qn

            size = 0.0
            try:
                style = self.document.styles[self.styles.table]
                rpr = style.element.find(qn("w:rPr"))
                sz = rpr.find(qn("w:sz")) if rpr is not None else None
                if sz is not None:
                    size = int(sz.get(qn("w:val"))) / 2
            except (KeyError, ValueError, TypeError):
                size = 0.0
            self._table_size = size
        return self._table_size or None

    def text_table(self, table: TextTable) -> None:
        """A ready-formatted table (``exporting.cost_tables.TextTable``) with its caption and
        note."""
        self.caption("Tabell", table.title)
        self.table(
            list(table.header),
            [list(row) for row in table.rows],
            numeric=tuple(table.numeric_columns),
        )
        if table.note:
            self.paragraph(table.note, italic=True)

    def chart(self, fn: Callable[..., bytes], *args: Any, **kwargs: Any) -> PendingChart:
        """Draw a chart (a module-level ``*_png`` function) in the chart worker process; the
        picture is put in place when the document is finished (``place_figures``)."""
        from utredning_app.exporting import chart_jobs

        return PendingChart(chart_jobs.submit(fn, *args, **kwargs), fn, args, kwargs)

    def figure(
        self, png: bytes | PendingChart, caption: str, alt: str, *, title: str | None = None
    ) -> None:
        """A chart, centred at full text width, with alt text (``title`` defaults to the
        caption) and its numbered caption below."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = self.styled(self.styles.normal)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        keep_with_next(paragraph)
        self._figures.append((paragraph, png, alt, title or caption))
        self.caption("Figur", caption)

    def place_figures(self) -> None:
        """Put every chart's picture into its paragraph (waiting for the worker's drawings)."""
        from docx.oxml.shape import CT_Inline
        from docx.shared import Cm

        from utredning_app.exporting import chart_jobs

        if not self._figures:
            return
        part = self.document.part
        # python-docx finds a free drawing id by searching the whole document for each
        # picture; one search, then counting up.
        shape_id = int(part.next_id)
        for paragraph, png, alt, title in self._figures:
            self.check()
            if isinstance(png, PendingChart):
                png = chart_jobs.result(png.future, png.fn, *png.args, **png.kwargs)
            r_id, image = part.get_or_add_image(io.BytesIO(png))
            cx, cy = image.scaled_dimensions(Cm(FIGURE_WIDTH_CM), None)
            inline = CT_Inline.new_pic_inline(shape_id, r_id, image.filename, cx, cy)
            shape_id += 1
            paragraph.add_run()._r.add_drawing(inline)
            inline.docPr.set("descr", clean(alt))
            inline.docPr.set("title", clean(title))
        self._figures.clear()

    def proposals(self) -> list[ProposalData]:
        return self.data.proposals_for(self.kind)


@cache
def _background_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="rapport")
