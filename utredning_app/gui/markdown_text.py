"""Section prose: Markdown in the file, formatted text in the editor.

Supported Markdown subset (what the editor can produce and the Word export reads):

* headings ``#``, ``##``, ``###``;
* paragraphs, ``**fet**``, ``*kursiv*``, ``[länk](https://…)``;
* bullet lists ``- punkt`` and numbered lists ``1. punkt`` (one level of nesting);
* tables in GitHub pipe syntax.

Not supported: underline — Qt writes it as ``_x_``, which CommonMark reads back as *italic*
(the trap noted in DESIGN.md) — strikethrough, images, raw HTML. :func:`to_markdown` removes
those formats before writing, and the editor offers no underline command, so what is saved
reads back as what was shown. Output is normalised (single blank lines, ``1. `` markers, one
final newline) so saving unchanged text writes identical bytes.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

_DIALECT = QTextDocument.MarkdownFeature.MarkdownDialectGitHub


# Qt reads ``_x_`` as underline, CommonMark as emphasis: rewrite it as ``*x*`` first so text
# written elsewhere (the demo, imports) keeps its meaning.
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w*_\\])_(?=\S)(.+?)(?<=\S)_(?![\w_])")


def from_markdown(text: str, document: QTextDocument | None = None) -> QTextDocument:
    document = document or QTextDocument()
    document.setMarkdown(_UNDERSCORE_EMPHASIS.sub(r"*\1*", text), _DIALECT)
    return document


def _strip_unsupported(document: QTextDocument) -> None:
    """Drop character formats outside the subset (underline, strike-through)."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.fontUnderline() or fmt.fontStrikeOut():
                if fmt.isAnchor():  # links are drawn underlined; keep them as links
                    it += 1
                    continue
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                clean = QTextCharFormat()
                clean.setFontUnderline(False)
                clean.setFontStrikeOut(False)
                cursor.mergeCharFormat(clean)
            it += 1
        block = block.next()


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n")
    text = re.sub(r"^(\s*\d+\.) {2,}", r"\1 ", text, flags=re.MULTILINE)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.strip("\n")
    return text + "\n" if text else ""


# Qt wraps Markdown at 80 columns and may break between two fragments with no space between
# them ("**fet**" + "."): read back, the newline is a space, and "fet." became "fet .". Before
# writing, such a glued fragment end gets this private-use mark; a mark followed by only
# closing markers and a newline is joined with the next line, then every mark is removed.
_GLUE = "\ue000"
_GLUED_BREAK = re.compile(_GLUE + r"(\**(?:\]\([^)\s]*\))?)\n[ \t]*")
# Qt may also break right after opening markers ("*" + newline + "kursiv*"), which CommonMark
# then reads as a literal asterisk: the markers move to the start of the next line.
_OPENING_BEFORE_BREAK = re.compile(r"(\s)(\*{1,3}|\[)\n([ \t]*)")


def _mark_glued_fragments(document: QTextDocument) -> None:
    marks: list[tuple[int, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        glued_end: tuple[int, QTextCharFormat] | None = None  # previous fragment, no space last
        while not it.atEnd():
            fragment = it.fragment()
            text = fragment.text()
            if glued_end is not None and text[:1].strip():
                marks.append(glued_end)
            glued_end = (
                None
                if text[-1:].isspace()
                else (
                    fragment.position() + fragment.length(),
                    QTextCharFormat(fragment.charFormat()),
                )
            )
            it += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, fmt in reversed(marks):
        cursor.setPosition(position)
        cursor.insertText(_GLUE, fmt)


def _repair_breaks(markdown: str) -> str:
    markdown = _GLUED_BREAK.sub(r"\1", markdown)
    markdown = _OPENING_BEFORE_BREAK.sub(r"\1\n\3\2", markdown)
    return markdown.replace(_GLUE, "")


def to_markdown(document: QTextDocument) -> str:
    copy = document.clone()
    _strip_unsupported(copy)
    _mark_glued_fragments(copy)
    return normalise(_repair_breaks(copy.toMarkdown(_DIALECT)))


def canonical(text: str) -> str:
    """The form ``text`` takes after one trip through the editor."""
    return to_markdown(from_markdown(text))
