"""Stored values the app can read: the SQLite storage class of every column, enum values and
dates.

SQLite stores any value in any column, so a file edited with the ``sqlite3`` shell can hold a
BLOB where a name belongs, a ``kind`` no version of the app knows or a date that is none. Such
a file passes ``PRAGMA integrity_check`` and then breaks every command that reads the row.

- :func:`value_problems` lists them all (``utredning check``);
- :func:`unreadable_value` finds the first one, and is run on every open (``inspect_file``), so
  that such a file is refused with one Swedish sentence naming table, row and field before a
  command reads it. Its cost is one scan per table (``typeof`` does not load long texts or
  attachments), all in one statement: +2.5 ms on the demo, +21 ms on the large investigation
  (measured on open, 2026-12-03). Left out there, to keep it that cheap: the audit log (it
  only grows: +108 ms for 100,000 entries) and dates (SQLite's date functions on every row's
  timestamps tripled the cost). A command that meets one of those
  anyway fails in SQLAlchemy's decoding, and ``storage.database.decode_error`` then runs the
  full check to name the value (``describe_unreadable``).

Reading only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    TypeDecorator,
)

from utredning_app.errors import CorruptFile

MAX_PROBLEMS = 20

# Tables not scanned on open (see the module docstring).
NOT_CHECKED_ON_OPEN = frozenset({"audit_entry"})


def allowed_storage(column: Column[object]) -> tuple[str, ...]:
    """The ``typeof()`` results the column's type can produce when read back."""
    kind = _base_type(column)
    allowed: tuple[str, ...]
    if isinstance(kind, LargeBinary):
        allowed = ("blob",)
    elif isinstance(kind, Boolean | Integer):
        allowed = ("integer",)
    elif isinstance(kind, Float | Numeric):
        allowed = ("real", "integer")
    elif isinstance(kind, String | Enum | DateTime | Date):
        allowed = ("text",)
    else:  # a type this check does not know: accept what SQLite can hold
        allowed = ("text", "integer", "real", "blob")
    if column.nullable:
        allowed += ("null",)
    return allowed


def _base_type(column: Column[object]) -> object:
    kind = column.type
    if isinstance(kind, TypeDecorator):
        return kind.impl_instance
    return kind


def enum_values(column: Column[object]) -> list[str] | None:
    kind = column.type
    if not isinstance(kind, Enum):
        return None
    return [str(v) for v in kind.enums]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_STORAGE_LABELS = {
    "blob": "binärdata (BLOB)",
    "text": "text",
    "integer": "heltal",
    "real": "decimaltal",
    "null": "tomt värde (NULL)",
}


def _date_test(column: Column[object]) -> str | None:
    """SQL true for a text that is no date (or date and time) Python can read back. The app
    writes ISO dates (``2026-12-03``) and times (``2026-12-03 15:38:42.000000``); a calendar
    date is checked by a round trip through ``julianday`` (which moves 2024-02-30 to March)."""
    kind = _base_type(column)
    col = _quote(column.name)
    day = f"substr({col}, 1, 10)"
    bad_day = f"length({col}) < 10 OR date(julianday({day})) IS NOT {day}"
    if isinstance(kind, DateTime):
        return f"(typeof({col}) = 'text' AND ({bad_day} OR time(substr({col}, 12)) IS NULL))"
    if isinstance(kind, Date):
        return f"(typeof({col}) = 'text' AND (length({col}) <> 10 OR {bad_day}))"
    return None


@dataclass(frozen=True)
class _Test:
    """One way a column's values can be unreadable: SQL true for such a row, and how to
    describe the value (``kind``: storage, enum or date)."""

    column: Column[object]
    sql: str
    kind: str


def _tests(table: Table, present: set[str], *, dates: bool = True) -> list[_Test]:
    tests: list[_Test] = []
    for column in table.columns:
        if column.name not in present:  # an older revision's file: not there yet
            continue
        col = _quote(column.name)
        listed = ", ".join(_literal(a) for a in allowed_storage(column))
        tests.append(_Test(column, f"typeof({col}) NOT IN ({listed})", "storage"))
        values = enum_values(column)
        if values is not None:
            known = ", ".join(_literal(v) for v in values)
            tests.append(
                _Test(column, f"(typeof({col}) = 'text' AND {col} NOT IN ({known}))", "enum")
            )
        date = _date_test(column) if dates else None
        if date is not None:
            tests.append(_Test(column, date, "date"))
    return tests


def _present(conn: sqlite3.Connection, table: Table) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({_quote(table.name)})")}


def _table_is_clean(conn: sqlite3.Connection, table: Table, tests: list[_Test]) -> bool:
    """One scan of the table: is every value readable? (The common case; only a table that
    fails is looked at test by test.)"""
    if not tests:
        return True
    where = " OR ".join(t.sql for t in tests)
    query = f"SELECT 1 FROM {_quote(table.name)} WHERE {where} LIMIT 1"  # names from the models
    return conn.execute(query).fetchone() is None


def _row_key(table: Table) -> str:
    """SQL naming a row: its primary key (quoted unless it is ordinary text)."""
    keys = [c.name for c in table.primary_key.columns] or ["rowid"]
    parts = [
        f"CASE typeof({_quote(k)}) WHEN 'text' THEN substr({_quote(k)}, 1, 40) "
        f"ELSE quote({_quote(k)}) END"
        for k in keys
    ]
    return " || ', ' || ".join(parts)


def _shown(value: object) -> str:
    if isinstance(value, bytes):
        return "binärdata"
    text = str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text[:40] + ("…" if len(text) > 40 else "")


def _describe(test: _Test, stored: object, storage: str) -> str:
    column = test.column
    if test.kind == "enum":
        values = enum_values(column) or []
        return f"okänt värde ”{_shown(stored)}” (tillåtna: {', '.join(values)})"
    if test.kind == "date":
        return f"”{_shown(stored)}” är inget giltigt datum"
    allowed = [a for a in allowed_storage(column) if a != "null"]
    return (
        f"{_STORAGE_LABELS.get(storage, storage)} där programmet väntar sig "
        f"{' eller '.join(_STORAGE_LABELS[a] for a in allowed)}"
    )


def _test_problem(conn: sqlite3.Connection, table: Table, test: _Test, label: str) -> str | None:
    name = _quote(table.name)
    col = _quote(test.column.name)
    first = conn.execute(  # names from the models
        f"SELECT {_row_key(table)}, typeof({col}), {col} FROM {name} WHERE {test.sql} LIMIT 1"
    ).fetchone()
    if first is None:
        return None
    key, storage, stored = first
    count = conn.execute(f"SELECT count(*) FROM {name} WHERE {test.sql}").fetchone()[0]
    rows = f"raden med id {key}" + (f" och {count - 1} rad(er) till" if count > 1 else "")
    return f"{label}, {rows}, fältet {test.column.name}: {_describe(test, stored, storage)}"


def table_problems(conn: sqlite3.Connection, table: Table, label: str) -> list[str]:
    """Every unreadable kind of value in ``table``: one line per column and kind, naming the
    first such row and how many there are."""
    tests = _tests(table, _present(conn, table))
    if _table_is_clean(conn, table, tests):
        return []
    found = (_test_problem(conn, table, test, label) for test in tests)
    return [problem for problem in found if problem is not None]


def _label(table: Table) -> str:
    from utredning_app.storage.models import TABLE_LABELS

    return f"tabellen {TABLE_LABELS.get(table.name, table.name)} ({table.name})"


def value_problems(conn: sqlite3.Connection) -> list[str]:
    """Every column holding a value of the wrong storage class, an unknown enum value or a
    date that is none (``check``)."""
    from utredning_app.storage.base import Base

    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        found = table_problems(conn, table, _label(table))
        problems.extend(p[0].upper() + p[1:] for p in found)
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems[:MAX_PROBLEMS]


def _columns(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """Every table's columns, in one statement."""
    found: dict[str, set[str]] = {}
    rows = conn.execute(
        "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"
    )
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return {table: frozenset(columns) for table, columns in found.items()}


@cache
def _scan(columns: tuple[tuple[str, frozenset[str]], ...], everything: bool) -> str:
    """One statement naming every table holding an unreadable value (built once per schema)."""
    from utredning_app.storage.base import Base

    present = dict(columns)
    parts = []
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_CHECKED_ON_OPEN and not everything:
            continue
        tests = _tests(table, set(present.get(table.name, ())), dates=everything)
        if tests:
            where = " OR ".join(t.sql for t in tests)
            parts.append(
                f"SELECT {_literal(table.name)} WHERE EXISTS "  # names from the models
                f"(SELECT 1 FROM {_quote(table.name)} WHERE {where})"
            )
    return " UNION ALL ".join(parts) if parts else "SELECT 1 WHERE 0"


def unreadable_value(conn: sqlite3.Connection, *, everything: bool = False) -> str | None:
    """The first value the app could not read, described (table, row, field), or None: the
    check run on every open (``everything``: the audit log and dates too). One statement
    when the file is clean."""
    from utredning_app.storage.base import Base

    columns = _columns(conn)
    dirty = {row[0] for row in conn.execute(_scan(tuple(sorted(columns.items())), everything))}
    for table in Base.metadata.sorted_tables:
        if table.name not in dirty:
            continue
        tests = _tests(table, set(columns.get(table.name, ())), dates=everything)
        for test in tests:
            problem = _test_problem(conn, table, test, _label(table))
            if problem is not None:
                return problem
    return None


def refusal_message(file_name: str, problem: str) -> str:
    return (
        f"Filen {file_name} innehåller ett värde som programmet inte kan läsa ({problem}). "
        "Den har troligen ändrats utanför programmet eller skadats; inget har ändrats i den. "
        "Återställ den från en säkerhetskopia (”utredning backups list FIL”) "
        "eller se alla fel med ”utredning check FIL”."
    )


def describe_unreadable(uri: str) -> str | None:
    """The first unreadable value of the file at ``uri`` (a read-only SQLite URI), looking
    everywhere: for a message after a command failed to decode a value. None if there is none
    or the file cannot be read."""
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=1)
    except sqlite3.Error:
        return None
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return unreadable_value(conn, everything=True)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def unreadable_error(path: Path, detail: str = "") -> CorruptFile:
    """The Swedish error for a value of ``path`` a command could not read: names table, row
    and field when the full check finds it, else says what ``detail`` says."""
    from utredning_app.storage.engine import sqlite_uri

    problem = describe_unreadable(sqlite_uri(path, read_only=True))
    if problem is None:
        return CorruptFile(
            f"Filen {path.name} innehåller ett ogiltigt värde och är troligen skadad eller "
            f"ändrad utanför programmet{f' ({detail})' if detail else ''}. Återställ den från "
            "en säkerhetskopia."
        )
    return CorruptFile(refusal_message(path.name, problem))
