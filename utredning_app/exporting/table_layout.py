"""Column widths from the content of a table, and splitting a table too wide for the page.

A column is never narrower than its longest word (Word and LibreOffice would break the word
mid-letter: "Bedö mning sgrun d"); the room left over goes to the columns with the most text.
A table whose words alone do not fit the text width is split into several tables that each
repeat the first column (the row names), never run past the margins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

TEXT_WIDTH_CM = 16.0  # the A4 template's text width
# Average width of a character in the table style's 9 pt sans-serif, with a margin for wide
# letters (m, w, Å) and bold header text; cell padding left + right.
CHAR_CM = 0.175
PADDING_CM = 0.4
SAMPLE_ROWS = 2000  # longest words/texts are taken from at most this many rows


_BREAKS = re.compile(r"[ \t\n]+")
_BREAK_AFTER = str.maketrans({"\u00ad": " ", "-": "- ", "–": "– ", "/": "/ "})


@dataclass(frozen=True)
class ColumnNeeds:
    least: float  # the longest word: narrower would break a word
    natural: float  # the longest text on one line


def _text_cm(chars: int, size_pt: float) -> float:
    return chars * CHAR_CM * size_pt / 9.0 + PADDING_CM


def column_needs(
    headers: Sequence[str], rows: Sequence[Sequence[str]], size_pt: float = 9.0
) -> list[ColumnNeeds]:
    n = len(headers)
    longest_word = [0] * n
    longest_text = [0] * n
    sample = rows if len(rows) <= SAMPLE_ROWS else rows[:SAMPLE_ROWS]
    for r, row in enumerate((headers, *sample)):
        bold = 1.1 if r == 0 else 1.0  # the header row is bold: wider letters
        for i, text in enumerate(row[:n]):
            if not text:
                continue
            # Soft hyphens (U+00AD) and hyphens are allowed break points inside a word.
            # A no-break space (in "1 234,5" and "12 mnkr") does not end a word; a line may
            # break after a hyphen, an en dash or a slash.
            words = _BREAKS.split(text.translate(_BREAK_AFTER))
            word = round(max((len(w) for w in words), default=0) * bold + 0.49)
            if word > longest_word[i]:
                longest_word[i] = word
            if len(text) > longest_text[i]:
                longest_text[i] = len(text)
    return [
        ColumnNeeds(_text_cm(w, size_pt), max(_text_cm(t, size_pt), _text_cm(w, size_pt)))
        for w, t in zip(longest_word, longest_text, strict=True)
    ]


def fit_widths(needs: Sequence[ColumnNeeds], total: float = TEXT_WIDTH_CM) -> list[float] | None:
    """Widths (cm) summing to ``total``; None when the longest words alone do not fit."""
    # A single "word" wider than half the page (a long web address) has to break anyway.
    least = [min(c.least, total / 2) for c in needs]
    natural = [max(c.natural, m) for c, m in zip(needs, least, strict=True)]
    if sum(least) > total + 1e-9:
        return None
    if sum(natural) <= total:
        # Everything fits on one line: share the spare room in proportion to the text.
        spare = total - sum(natural)
        weight = sum(natural) or 1.0
        return [w + spare * w / weight for w in natural]
    # Each column gets its least width; the rest is shared fairly (water-filling): a column
    # that needs little more (figures, short names) gets all it wants, and what is left goes
    # in equal shares to the columns with the most text.
    widths = list(least)
    room = total - sum(least)
    open_ = [i for i in range(len(widths)) if natural[i] > widths[i]]
    while open_ and room > 1e-9:
        share = room / len(open_)
        satisfied = [i for i in open_ if natural[i] - widths[i] <= share]
        if not satisfied:
            for i in open_:
                widths[i] += share
            break
        for i in satisfied:
            room -= natural[i] - widths[i]
            widths[i] = natural[i]
        open_ = [i for i in open_ if i not in satisfied]
    return widths


def split_columns(needs: Sequence[ColumnNeeds], total: float = TEXT_WIDTH_CM) -> list[list[int]]:
    """Groups of column indexes (each starting with column 0, the row names) whose least
    widths fit ``total``."""
    first = min(needs[0].least, total / 2)
    groups: list[list[int]] = []
    current: list[int] = [0]
    used = first
    for i in range(1, len(needs)):
        width = min(needs[i].least, total / 2)
        if len(current) > 1 and used + width > total:
            groups.append(current)
            current, used = [0], first
        current.append(i)
        used += width
    groups.append(current)
    return groups
