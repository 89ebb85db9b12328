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


def to_markdown(document: QTextDocument) -> str:
    copy = document.clone()
    _strip_unsupported(copy)
    return normalise(copy.toMarkdown(_DIALECT))


def canonical(text: str) -> str:
    """The form ``text`` takes after one trip through the editor."""
    return to_markdown(from_markdown(text))
