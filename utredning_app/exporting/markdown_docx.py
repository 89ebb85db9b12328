"""Markdown prose → real Word formatting (never literal asterisks).

The supported subset (what the section editor writes): headings, paragraphs, **bold**,
*italic*, ~~struken~~, `code`, links and bare URLs, bullet and numbered lists (three levels),
tables, block quotes, line breaks and footnotes (``[^1]`` … ``[^1]: text``; written as
numbered notes at the end of the text, so their text is never lost). Parsed with
markdown-it-py (CommonMark + tables, strikethrough, linkify, mdit-py-plugins' footnotes);
anything else (HTML, images) is written as its plain text so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from utredning_app.exporting.docx_helpers import (
    StyleIds,
    add_hyperlink,
    add_par,
    clean,
    fast_run,
    repeat_header_row,
)


@cache
def _parser(linkify: bool = False) -> Any:
    """The Markdown parser; ``linkify`` (bare URLs become links) doubles the parse time, so
    it is used only for text that has an address in it (``parse``)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    rules = ["table", "strikethrough", *(["linkify"] if linkify else [])]
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": linkify})
        .enable(rules)
        .use(footnote_plugin)
    )


def parse(text: str) -> Any:
    linkify = "http" in text or "www." in text
    return _parser(linkify).parse(text)


@dataclass(frozen=True)
class StyleNames:
    """Style names the writers use; a user template must define them all."""

    title: str = "Title"
    subtitle: str = "Subtitle"
    normal: str = "Normal"
    headings: tuple[str, str, str] = ("Heading 1", "Heading 2", "Heading 3")
    bullets: tuple[str, str] = ("List Bullet", "List Bullet 2")
    numbers: tuple[str, str] = ("List Number", "List Number 2")
    caption: str = "Caption"
    quote: str = "Quote"
    table: str = "Rapporttabell"

    def all(self) -> list[str]:
        return [
            self.title,
            self.subtitle,
            self.normal,
            *self.headings,
            *self.bullets,
            *self.numbers,
            self.caption,
            self.quote,
            self.table,
        ]

    def heading(self, level: int) -> str:
        return self.headings[max(1, min(level, 3)) - 1]


class ListNumbering:
    """Restarts the numbering of "List Number" for each new numbered list."""

    def __init__(self, document: Any, style_name: str) -> None:
        self._numbering: Any = None
        self._abstract_id: int | None = None
        try:
            style = document.styles[style_name]
            num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
            if num_pr is None or num_pr.numId is None:
                return
            num_id = int(num_pr.numId.val)
            numbering = document.part.numbering_part.element
            for num in numbering.num_lst:
                if int(num.numId) == num_id:
                    self._abstract_id = int(num.abstractNumId.val)
                    self._numbering = numbering
                    return
        except (KeyError, NotImplementedError, AttributeError):
            return

    def restart(self, start: int = 1) -> int | None:
        """A new list instance starting at ``start``; None when the style has no numbering."""
        if self._numbering is None or self._abstract_id is None:
            return None
        num = self._numbering.add_num(self._abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)


def apply_numbering(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


class MarkdownWriter:
    """Writes Markdown into a python-docx Document (or table cell)."""

    def __init__(
        self, document: Any, styles: StyleNames, numbering: ListNumbering | None = None
    ) -> None:
        self.document = document
        self.styles = styles
        self.numbering = numbering or ListNumbering(document, styles.numbers[0])
        self.ids = StyleIds(document)
        self._styles_present: set[str] | None = None

    def par(self, target: Any, style_name: str, text: str = "") -> Paragraph:
        return add_par(target, self.ids(style_name), text)

    def write(self, text: str, *, heading_level: int = 2, container: Any = None) -> int:
        """Write ``text``; its top Markdown heading becomes Heading ``heading_level`` (max 3).

        Returns the number of block elements written (0 for empty text).
        """
        target = container if container is not None else self.document
        if not text or not text.strip():
            return 0
        tokens = parse(clean(text))
        # The text's own top heading level (often ## under a section title) becomes
        # ``heading_level``; deeper ones follow.
        top = min((int(t.tag[1:]) for t in tokens if t.type == "heading_open"), default=1)
        written = 0
        lists: list[tuple[str, int | None]] = []  # (kind, num id) per open list
        item_first_paragraph = False
        quote_depth = 0
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            kind = tok.type
            if kind == "heading_open":
                level = int(tok.tag[1:])
                paragraph = self.par(target, self.styles.heading(heading_level + level - top))
                self._inline(paragraph, tokens[i + 1].children or [])
                written += 1
                i += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                num_id = None
                if kind == "ordered_list_open" and not lists:
                    start = int(tok.attrs.get("start", 1) or 1)
                    num_id = self.numbering.restart(start)
                lists.append(("ol" if kind == "ordered_list_open" else "ul", num_id))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                item_first_paragraph = True
            elif kind == "blockquote_open":
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth -= 1
            elif kind == "paragraph_open":
                inline = tokens[i + 1]
                paragraph = self._block_paragraph(target, lists, item_first_paragraph, quote_depth)
                item_first_paragraph = False
                self._inline(paragraph, inline.children or [])
                written += 1
                i += 3
                continue
            elif kind in ("fence", "code_block"):
                for line in tok.content.rstrip("\n").split("\n"):
                    paragraph = self.par(target, self.styles.normal)
                    run = paragraph.add_run(line)
                    run.font.name = "Courier New"
                written += 1
            elif kind == "table_open":
                i = self._table(target, tokens, i)
                written += 1
                continue
            elif kind == "footnote_block_open":
                i = self._footnotes(target, tokens, i + 1)
                written += 1
                continue
            elif kind == "hr":
                self.par(target, self.styles.normal)
            i += 1
        return written

    def _block_paragraph(
        self, target: Any, lists: list[tuple[str, int | None]], first: bool, quote_depth: int
    ) -> Paragraph:
        if lists:
            from docx.shared import Cm

            depth = len(lists)
            kind, _ = lists[-1]
            names = self.styles.numbers if kind == "ol" else self.styles.bullets
            style, indent = self._list_style(names, depth)
            paragraph: Paragraph = self.par(target, style if first else self.styles.normal)
            if first and kind == "ol" and depth == 1 and lists[-1][1] is not None:
                apply_numbering(paragraph, lists[-1][1] or 0)
            if not first:
                paragraph.paragraph_format.left_indent = Cm(0.63 * depth)
            elif indent:
                # A level the template has no style for: the deepest style, indented further.
                paragraph.paragraph_format.left_indent = Cm(0.63 * depth + 0.63)
                paragraph.paragraph_format.first_line_indent = Cm(-0.63)
            return paragraph
        if quote_depth:
            quote: Paragraph = self.par(target, self.styles.quote)
            return quote
        normal: Paragraph = self.par(target, self.styles.normal)
        return normal

    def _list_style(self, names: tuple[str, str], depth: int) -> tuple[str, bool]:
        """The list style for ``depth`` (1, 2, 3 …): the template's "List Bullet 3" where it
        has one, else the level-2 style marked for extra indent."""
        if depth <= len(names):
            return names[depth - 1], False
        own = f"{names[0]} {depth}"
        if own not in self._present_styles():
            return names[-1], True
        return own, False

    def _present_styles(self) -> set[str]:
        if self._styles_present is None:
            self._styles_present = {str(s.name) for s in self.document.styles}
        return self._styles_present

    def _footnotes(self, target: Any, tokens: Sequence[Any], i: int) -> int:
        """The footnote definitions as numbered notes (small type) after the text."""
        from docx.shared import Pt

        while i < len(tokens) and tokens[i].type != "footnote_block_close":
            tok = tokens[i]
            if tok.type == "footnote_open":
                number = int(tok.meta.get("id", 0)) + 1
                first = True
                i += 1
                while tokens[i].type != "footnote_close":
                    if tokens[i].type == "inline":
                        paragraph = self.par(target, self.styles.normal)
                        paragraph.paragraph_format.space_after = Pt(2)
                        if first:
                            mark = paragraph.add_run(f"{number}\u00a0")
                            mark.font.superscript = True
                            first = False
                        self._inline(paragraph, tokens[i].children or [])
                        for run in paragraph.runs:
                            run.font.size = Pt(8)
                    i += 1
            i += 1
        return i + 1

    def _inline(self, paragraph: Paragraph, children: Sequence[Any]) -> None:
        bold = italic = strike = False
        link: str | None = None
        for child in children:
            kind = child.type
            if kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind == "s_open":
                strike = True
            elif kind == "s_close":
                strike = False
            elif kind == "footnote_ref":
                mark = paragraph.add_run(str(int(child.meta.get("id", 0)) + 1))
                mark.font.superscript = True
            elif kind == "footnote_anchor":
                continue
            elif kind == "link_open":
                link = str(child.attrs.get("href", ""))
            elif kind == "link_close":
                link = None
            elif kind in ("text", "code_inline", "html_inline"):
                if kind == "text":
                    child.content = no_break_numbers(child.content)
                if link and link.startswith(("http://", "https://", "mailto:")):
                    r = add_hyperlink(paragraph, link, child.content)
                    _format_raw_run(r, bold=bold, italic=italic)
                    continue
                run = fast_run(paragraph, child.content, bold=bold, italic=italic, strike=strike)
                if kind == "code_inline":
                    run.font.name = "Courier New"
            elif kind == "softbreak":
                paragraph.add_run(" ")
            elif kind == "hardbreak":
                paragraph.add_run().add_break()
            elif kind == "image":
                paragraph.add_run(child.content or "")

    def _table(self, target: Any, tokens: Sequence[Any], i: int) -> int:
        rows: list[list[list[Any]]] = []
        header_rows = 0
        in_head = False
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                rows.append([])
                if in_head:
                    header_rows += 1
            elif tok.type == "inline":
                rows[-1].append(tok.children or [])
            i += 1
        if not rows:
            return i + 1
        columns = max(len(r) for r in rows)
        table = target.add_table(rows=len(rows), cols=columns)
        table.style = self.styles.table
        from utredning_app.exporting.docx_helpers import set_table_look

        set_table_look(table, first_row=header_rows > 0)
        for r, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
            if r < header_rows:
                repeat_header_row(row)
            for cell, content in zip(row.cells, cells, strict=False):
                paragraph = cell.paragraphs[0]
                self._inline(paragraph, content)
                if r < header_rows:
                    for run in paragraph.runs:
                        run.bold = True
        self.par(target, self.styles.normal)
        return i + 1


def _format_raw_run(r: Any, *, bold: bool, italic: bool) -> None:
    from docx.oxml import OxmlElement

    rpr = r.find(qn("w:rPr"))
    if bold:
        rpr.insert(0, OxmlElement("w:b"))
    if italic:
        rpr.insert(1 if bold else 0, OxmlElement("w:i"))


_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_UNIT = re.compile(
    r"(?<=\d) (?=(?:mnkr|mdkr|tkr|kr|kronor|%|procent|miljoner|miljarder|st|år|dagar)(?!\w))"
)


def no_break_numbers(text: str) -> str:
    """Swedish typography in prose: no-break spaces between thousands ("42 000") and before a
    unit ("12 mnkr", "3,5 %"), so a number never breaks across lines."""
    if " " not in text or _DIGIT.search(text) is None:
        return text
    return _UNIT.sub("\u00a0", _THOUSANDS.sub("\u00a0", text))


# Characters that can start Markdown syntax; text without them is plain already.
_MARKUP = re.compile(r"[*_`~\[\]<>#|\\!&\n]|https?:|www\.|^\s*([-+]|\d+[.)])\s")


def markdown_to_plain(text: str) -> str:
    """The text of Markdown without markup (for table cells and quotes), one line."""
    if not text or not text.strip():
        return ""
    if not _MARKUP.search(text):
        # Fast path: most stance comments are plain sentences (7,500 of them in a large remiss).
        return no_break_numbers(clean(text.strip()))
    parts: list[str] = []
    for tok in parse(clean(text)):
        if tok.type == "inline":
            words = []
            for child in tok.children or []:
                if child.type in ("text", "code_inline", "html_inline", "image"):
                    words.append(child.content)
                elif child.type == "footnote_ref":
                    words.append(f"[{int(child.meta.get('id', 0)) + 1}]")
                elif child.type in ("softbreak", "hardbreak"):
                    words.append(" ")
            parts.append("".join(words).strip())
        elif tok.type in ("fence", "code_block"):
            parts.append(tok.content.strip())
    return no_break_numbers(" ".join(p for p in parts if p))
