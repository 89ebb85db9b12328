"""Swedish presentation of numbers and dates: ``1 234,5``, ISO dates."""

from __future__ import annotations

import datetime as dt

NBSP = "\u00a0"  # non-breaking space: the Swedish thousands separator in running text


def format_number(value: float | int | None, decimals: int = 1, *, sep: str = NBSP) -> str:
    """``1234.5`` → ``1 234,5`` (thousands separated by a non-breaking space)."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", sep)
    return text.replace("-", "−") if text.startswith("-") else text


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def parse_number(text: str) -> float:
    """Parse ``1 234,5`` / ``1234.5`` / ``−3`` into a float; raise ValueError otherwise."""
    cleaned = text.strip().replace(NBSP, "").replace(" ", "").replace("\u202f", "")
    cleaned = cleaned.replace("−", "-").replace(",", ".")
    if not cleaned:
        raise ValueError(text)
    return float(cleaned)


_SWEDISH_ORDER = "abcdefghijklmnopqrstuvwxyzåäö"
_SWEDISH_RANK = {c: i for i, c in enumerate(_SWEDISH_ORDER)}
_FOLD = str.maketrans({"é": "e", "è": "e", "ü": "y", "á": "a", "à": "a", "w": "v"})


def swedish_sort_key(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key following Swedish alphabetical order (å, ä, ö after z; w as v).

    Deterministic on every machine, unlike ``locale.strxfrm`` which depends on installed locales.
    """
    folded = text.casefold().translate(_FOLD)
    return tuple(
        (_SWEDISH_RANK.get(ch, -1 if not ch.isalpha() else 100 + ord(ch)), ch) for ch in folded
    )
