"""Who may see a row: the one rule for private content (sections, notes, dissents).

A row marked *privat* or *parti* stays on the author's laptop unless it has been released;
only *hela gruppen* rows (or released ones) may leave the file in archives without private
content, Word reports and other shared outputs.
"""

from __future__ import annotations

import enum
from typing import Any

from utredning_app.domain.enums import Visibility

# Tables whose rows carry a visibility (and, for notes, a released flag).
PRIVATE_TABLES: tuple[str, ...] = ("section", "note", "dissent")


def is_private(visibility: Visibility | str | None, released: bool = False) -> bool:
    """True when content with this visibility must not be shared with the whole group."""
    vis = visibility.value if isinstance(visibility, enum.Enum) else visibility
    return vis != Visibility.GRUPPEN.value and not released


def is_private_row(table: str, row: dict[str, Any]) -> bool:
    """The rule applied to a raw row (a column → value mapping) of ``table``."""
    if table not in PRIVATE_TABLES:
        return False
    return is_private(row.get("visibility"), bool(row.get("released", False)))
