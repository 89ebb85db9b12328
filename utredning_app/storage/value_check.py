"""Stored values the app can read: the SQLite storage class of every column, and enum values.

SQLite stores any value in any column, so a file edited with the ``sqlite3`` shell can hold a
BLOB where a name belongs or a ``kind`` no version of the app knows. Such a file passes
``PRAGMA integrity_check`` and then breaks every command that reads the row.
:func:`value_problems` finds them (``utredning check``), reading only: one ``typeof`` scan per
column, one ``NOT IN`` query per enum column.
"""

from __future__ import annotations

import sqlite3

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

MAX_PROBLEMS = 20


def allowed_storage(column: Column[object]) -> tuple[str, ...]:
    """The ``typeof()`` results the column's type can produce when read back."""
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
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


def _table_is_clean(conn: sqlite3.Connection, table: Table, present: set[str]) -> bool:
    """One scan of the table: is every value of the right storage class and enum? (The
    common case; only a table that fails is looked at column by column.)"""
    tests = []
    for column in table.columns:
        if column.name not in present:
            continue
        col = _quote(column.name)
        listed = ", ".join(_literal(a) for a in allowed_storage(column))
        tests.append(f"typeof({col}) NOT IN ({listed})")
        values = enum_values(column)
        if values is not None:
            known = ", ".join(_literal(v) for v in values)
            tests.append(f"(typeof({col}) = 'text' AND {col} NOT IN ({known}))")
    if not tests:
        return True
    query = f"SELECT 1 FROM {_quote(table.name)} WHERE {' OR '.join(tests)} LIMIT 1"
    return conn.execute(query).fetchone() is None


def table_problems(conn: sqlite3.Connection, table: Table, label: str) -> list[str]:
    problems: list[str] = []
    name = _quote(table.name)
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
    if _table_is_clean(conn, table, present):
        return problems
    for column in table.columns:
        if column.name not in present:  # an older revision's file: not there yet
            continue
        col = _quote(column.name)
        allowed = allowed_storage(column)
        listed = ", ".join(_literal(a) for a in allowed)
        rows = conn.execute(
            f"SELECT typeof({col}), count(*) FROM {name} "  # names from the models
            f"WHERE typeof({col}) NOT IN ({listed}) GROUP BY 1"
        ).fetchall()
        for storage, count in rows:
            problems.append(
                f"{label}, fältet {column.name}: {count} rad(er) innehåller "
                f"{_STORAGE_LABELS.get(storage, storage)} där programmet väntar sig "
                f"{' eller '.join(_STORAGE_LABELS[a] for a in allowed if a != 'null')}"
            )
        values = enum_values(column)
        if values is None:
            continue
        known = ", ".join(_literal(v) for v in values)
        bad = conn.execute(
            f"SELECT {col}, count(*) FROM {name} "  # names from the models
            f"WHERE typeof({col}) = 'text' AND {col} NOT IN ({known}) GROUP BY 1 LIMIT 3"
        ).fetchall()
        for value, count in bad:
            shown = str(value)[:40]
            problems.append(
                f"{label}, fältet {column.name}: okänt värde ”{shown}” i {count} rad(er) "
                f"(tillåtna: {', '.join(values)})"
            )
    return problems


def value_problems(conn: sqlite3.Connection) -> list[str]:
    """Every column holding a value of the wrong storage class or an unknown enum value."""
    from utredning_app.storage.base import Base
    from utredning_app.storage.models import TABLE_LABELS

    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        label = TABLE_LABELS.get(table.name, table.name)
        problems.extend(table_problems(conn, table, f"Tabellen {label} ({table.name})"))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems[:MAX_PROBLEMS]
