"""The change record a mutating service returns: which rows and fields changed, per table,
and how to undo it.

``Change.revert()`` performs the opposite write (in its own transaction) and returns *its*
change record, whose ``revert`` does the original again: undo and redo are the same call, so
the GUI needs one generic undo step for every kind of edit (gui/workspace.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

RowKind = Literal["created", "updated", "deleted", "restored", "replaced"]


@dataclass(frozen=True)
class RowChange:
    """One row of ``table``: what happened to it and its changed fields, ``{field: (före,
    efter)}`` (empty when a whole row came or went)."""

    table: str
    row_id: str
    kind: RowKind
    fields: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """What one write did. ``value`` is what the caller asked for (a new row's id, …);
    ``undo`` writes the opposite and returns its record (None: cannot be undone)."""

    rows: tuple[RowChange, ...] = ()
    undo: Callable[[], Change] | None = field(default=None, compare=False, repr=False)
    value: Any = None
    extra_tables: frozenset[str] = frozenset()

    @property
    def tables(self) -> frozenset[str]:
        """Every table written (what views listening for changes reload)."""
        return frozenset(row.table for row in self.rows) | self.extra_tables

    @property
    def undoable(self) -> bool:
        return self.undo is not None

    def revert(self) -> Change:
        if self.undo is None:
            raise ValueError("Ändringen går inte att ångra.")
        return self.undo()
