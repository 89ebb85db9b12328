"""The charts' words: Swedish as written in the reports, the user's language in the window.

Every title, axis label and legend entry a chart draws goes through :func:`t`, with its
Swedish source and ``%1``, ``%2`` … for the values. The Word reports draw without a
translator (their PNGs are made in a process of their own), so they stay Swedish; the
window's canvas (``gui/chart_canvas.py``) draws inside :func:`translated` with Qt's
translator, and ``gui/chart_texts.py`` marks every source for the translation file (a test
checks that none is missing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_PLACE = re.compile(r"%([1-9])")

Translate = Callable[[str], str]
_translate: ContextVar[Translate | None] = ContextVar("chart_translate", default=None)


def t(source: str, *values: object) -> str:
    """``source`` in the language being drawn in, ``%1``, ``%2`` … replaced by ``values``."""
    translate = _translate.get()
    text = translate(source) if translate is not None else source
    if not values:
        return text
    # In one pass, so a value holding "%2" is not filled in again.
    return _PLACE.sub(
        lambda m: str(values[int(m[1]) - 1]) if int(m[1]) <= len(values) else m[0], text
    )


@contextmanager
def translated(translate: Translate) -> Iterator[None]:
    """Draw in another language for the duration: :func:`t` looks its sources up here."""
    token = _translate.set(translate)
    try:
        yield
    finally:
        _translate.reset(token)
