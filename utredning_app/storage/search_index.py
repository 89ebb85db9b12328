"""The full-text index over remissvar (SQLite FTS5, ``trigram`` tokenizer).

The index table ``response_fts`` and its triggers are created by migration
``0002_remiss_search``; they are not part of the ORM metadata, so schema comparisons
(autogenerate) must skip them with :func:`include_object`.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import Any

from utredning_app.errors import UserError

FTS_TABLE = "response_fts"
MIN_SQLITE = (3, 34, 0)  # the trigram tokenizer arrived in SQLite 3.34


class SearchUnavailable(UserError):
    """This SQLite build cannot hold the full-text index."""


@cache
def fts5_problem() -> str | None:
    """``None`` if FTS5 with the trigram tokenizer works here, else a Swedish explanation."""
    version = tuple(int(p) for p in sqlite3.sqlite_version.split(".")[:3])
    if version < MIN_SQLITE:
        return (
            f"SQLite {sqlite3.sqlite_version} är för gammal för fritextsökningen i remissvar "
            "(minst 3.34 krävs). Installera en nyare Python eller SQLite."
        )
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='trigram')")
    except sqlite3.OperationalError as exc:
        return (
            f"SQLite {sqlite3.sqlite_version} saknar fritextsökning (FTS5 med trigram): {exc}. "
            "Programmet behöver en SQLite byggd med FTS5."
        )
    finally:
        conn.close()
    return None


def ensure_fts5() -> None:
    """Raise :class:`SearchUnavailable` with a clear message if FTS5/trigram is missing."""
    problem = fts5_problem()
    if problem is not None:
        raise SearchUnavailable(problem)


def is_index_object(name: str | None) -> bool:
    """True for the FTS table and its shadow tables (``response_fts_data`` …)."""
    return bool(name) and (name == FTS_TABLE or str(name).startswith(FTS_TABLE + "_"))


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object`` hook: leave the FTS tables out of schema comparison."""
    return not (type_ == "table" and is_index_object(name))
