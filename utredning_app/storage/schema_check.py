"""The database objects a file of each schema revision must have, and nothing else.

A file is a SQLite database, and anyone with the ``sqlite3`` shell can add a trigger, a view
or an index to it. A planted trigger runs its SQL inside the app's own transactions (e.g.
``AFTER INSERT ON audit_entry BEGIN DELETE FROM note; END``) — and during a migration. So
before any statement runs on a file, :func:`schema_problems` compares its ``sqlite_master``
(tables, indexes, triggers, views, the FTS5 shadow tables: names, owning table and
normalised SQL) with the expected schema of the file's *own* revision, and the open is
refused if anything is extra, missing or different. ``PRAGMA trusted_schema=OFF`` is no
alternative: it also stops the app's own search triggers, which write to an FTS5 table.

The expected schemas are data: one JSON file per revision in ``resources/schema/databas/``,
made by migrating an empty file to that revision. After adding a migration, regenerate them
all with one command (a test checks the head's snapshot against a freshly made file):

    .venv/bin/python -m utredning_app.storage.schema_check
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from utredning_app import paths

SNAPSHOT_FORMAT = 1
# Tables SQLite itself may add to any file (query-planner statistics): allowed, never required.
OPTIONAL_TABLES = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})
_KIND_LABELS = {"table": "tabell", "index": "index", "trigger": "utlösare", "view": "vy"}

SchemaObject = tuple[str, str]  # (type, name)
ObjectFacts = tuple[str, str]  # (tbl_name, normalised sql)


def snapshots_dir() -> Path:
    return paths.schema_dir() / "databas"


def snapshot_path(revision: str) -> Path:
    return snapshots_dir() / f"{revision}.json"


@lru_cache(maxsize=2048)  # the same DDL on every open: normalise it once per process
def normalise_sql(sql: str | None) -> str:
    """SQL text with insignificant whitespace removed (the same DDL, formatted differently by
    another library version, compares equal; any other change does not)."""
    if sql is None:
        return ""
    text = " ".join(sql.split())
    return re.sub(r"\s*([(),=])\s*", r"\1", text)


def read_schema(conn: sqlite3.Connection) -> dict[SchemaObject, ObjectFacts]:
    """Every object in ``conn``'s main database (``sqlite_master``)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return {
        (str(kind), str(name)): (str(table), normalise_sql(sql))
        for kind, name, table, sql in rows
        if not (kind == "table" and name in OPTIONAL_TABLES)
    }


@cache
def expected_schema(revision: str) -> dict[SchemaObject, ObjectFacts] | None:
    """The stored schema of ``revision``, or None if this version does not know it.

    A known revision without a stored snapshot (a migration added without running the
    command above) is built in memory from the migrations, once per process: slower, never
    wrong. ``test_stored_head_snapshot_equals_a_fresh_file`` fails until it is stored.
    """
    from utredning_app.storage.schema_version import KNOWN_REVISIONS

    try:
        data: dict[str, Any] = json.loads(snapshot_path(revision).read_text(encoding="utf-8"))
    except FileNotFoundError:
        if revision not in KNOWN_REVISIONS:
            return None
        data = build_snapshot(revision)
    return {(obj["type"], obj["name"]): (obj["tbl_name"], obj["sql"]) for obj in data["objects"]}


def _label(obj: SchemaObject) -> str:
    kind, name = obj
    return f"{_KIND_LABELS.get(kind, kind)} ”{name}”"


def compare(
    found: dict[SchemaObject, ObjectFacts], expected: dict[SchemaObject, ObjectFacts]
) -> list[str]:
    """Swedish descriptions of every difference (extra, missing, changed objects)."""
    problems: list[str] = []
    for obj in sorted(found.keys() - expected.keys()):
        problems.append(f"okänd {_label(obj)}")
    for obj in sorted(expected.keys() - found.keys()):
        problems.append(f"saknad {_label(obj)}")
    for obj in sorted(found.keys() & expected.keys()):
        if found[obj] != expected[obj]:
            problems.append(f"ändrad {_label(obj)}")
    return problems


def schema_problems(conn: sqlite3.Connection, revision: str) -> list[str]:
    """Differences between ``conn``'s schema and that of ``revision`` (empty: as expected).

    Reads only ``sqlite_master``; runs nothing the file defines.
    """
    expected = expected_schema(revision)
    if expected is None:
        return [f"programmet saknar en beskrivning av schemaversion {revision}"]
    return compare(read_schema(conn), expected)


def refusal_message(file_name: str, revision: str, problems: list[str]) -> str:
    shown = "; ".join(problems[:6])
    more = f" (och {len(problems) - 6} skillnader till)" if len(problems) > 6 else ""
    return (
        f"Filen {file_name} har en databasstruktur som inte stämmer med schemaversion "
        f"{revision}: {shown}{more}. Den kan ha ändrats för hand eller innehålla inplanterad "
        "kod och öppnas därför inte; filen har inte ändrats. Återställ den från en "
        "säkerhetskopia."
    )


# ------------------------------------------------------------------ generating the snapshots


def build_snapshot(revision: str) -> dict[str, Any]:
    """The schema of an empty file migrated to ``revision``, as stored in the JSON file."""
    from utredning_app.storage.engine import APPLICATION_ID
    from utredning_app.storage.migrate import run_migrations

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tom.utredning"
        conn = sqlite3.connect(path)
        try:
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.commit()
        finally:
            conn.close()
        run_migrations(path, target=revision)
        conn = sqlite3.connect(path)
        try:
            schema = read_schema(conn)
        finally:
            conn.close()
    objects = [
        {"type": kind, "name": name, "tbl_name": table, "sql": sql}
        for (kind, name), (table, sql) in sorted(schema.items())
    ]
    return {"format": SNAPSHOT_FORMAT, "revision": revision, "objects": objects}


def snapshot_text(revision: str) -> str:
    return json.dumps(build_snapshot(revision), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    """Write the snapshot of every known revision (``--check``: only compare, exit 1 if stale)."""
    from utredning_app.storage.schema_version import KNOWN_REVISIONS

    check_only = "--check" in argv
    folder = snapshots_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stale = []
    for revision in KNOWN_REVISIONS:
        text = snapshot_text(revision)
        target = snapshot_path(revision)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(revision)
        if not check_only:
            target.write_text(text, encoding="utf-8")
            print(f"Skrev {target}")
    if check_only and stale:
        print("Inaktuella schemabeskrivningar: " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
