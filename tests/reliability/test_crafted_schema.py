"""Issue 16, finding 3: a crafted file must not run its own SQL.

A trigger, view or index added with the sqlite3 shell, or a dropped search trigger/table, is
refused on open (before any statement or migration runs) and by ``check``, naming the object;
the file is left byte for byte as it was. ``check`` also finds values SQLite accepts but the
app cannot read (a BLOB in ``consultee.name``, an unknown enum value).
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.stats import record
from utredning_app.errors import CorruptFile
from utredning_app.services.info import check_file
from utredning_app.storage.database import open_database
from utredning_app.storage.schema_check import (
    build_snapshot,
    expected_schema,
    read_schema,
    snapshot_path,
)
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"

CRAFTED = {
    "utlösare-raderar-anteckningar": (
        "CREATE TRIGGER evil AFTER INSERT ON audit_entry BEGIN DELETE FROM note; END",
        "evil",
    ),
    "utlösare-vid-uppgradering": (
        "CREATE TRIGGER evil2 BEFORE UPDATE ON alembic_version BEGIN DELETE FROM party; END",
        "evil2",
    ),
    "borttagen-sökutlösare": ("DROP TRIGGER response_fts_ai", "response_fts_ai"),
    "borttagen-sökindex": ("DROP TABLE response_fts", "response_fts"),
    "extra-vy": ("CREATE VIEW spion AS SELECT * FROM note", "spion"),
    "extra-index": ("CREATE INDEX ix_extra ON note(title)", "ix_extra"),
    "extra-tabell": ("CREATE TABLE extra(x)", "extra"),
    "ändrad-utlösare": (
        "DROP TRIGGER response_fts_ad; CREATE TRIGGER response_fts_ad AFTER DELETE ON response "
        "BEGIN DELETE FROM note; END",
        "response_fts_ad",
    ),
    "borttaget-index": ("DROP INDEX ix_audit_entry_at", "ix_audit_entry_at"),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _craft(source: Path, target: Path, sql: str) -> Path:
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    conn.executescript(sql)
    conn.close()
    return target


def _notes(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM note").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_crafted_schema_is_refused_before_anything_runs(
    tmp_path: Path, demo_template: Path, case: str
) -> None:
    sql, name = CRAFTED[case]
    path = _craft(demo_template, tmp_path / f"{case}.utredning", sql)
    before = _sha(path)
    notes = _notes(path)
    for read_only in (False, True):
        with pytest.raises(CorruptFile) as caught:
            open_database(path, read_only=read_only).close()
        assert name in caught.value.message, caught.value.message
        assert "databasstruktur" in caught.value.message
    result = check_file(path)
    assert not result.ok and name in result.problems[0], result.problems
    assert _sha(path) == before, "the refused file was changed"
    assert _notes(path) == notes
    record("fuzz", f"schema-vägrad[{case}]", survived=True)


def test_planted_trigger_in_an_older_file_never_fires_during_the_upgrade(
    tmp_path: Path,
) -> None:
    """A read-only open of an older file migrates a private copy; a writable open migrates the
    file itself. Both must refuse before a migration runs."""
    old = FIXTURES / f"{KNOWN_REVISIONS[0]}.utredning"
    path = _craft(
        old,
        tmp_path / "gammal.utredning",
        "CREATE TRIGGER evil AFTER UPDATE ON alembic_version BEGIN DELETE FROM note; END",
    )
    before = _sha(path)
    for read_only in (True, False):
        with pytest.raises(CorruptFile, match="evil"):
            open_database(path, read_only=read_only, backup_dir=tmp_path / "kopior").close()
    assert _sha(path) == before
    assert not check_file(path).ok
    record("fuzz", "schema-vägrad[äldre-fil-med-utlösare]", survived=True)


def test_every_released_fixture_matches_its_own_revision(tmp_path: Path) -> None:
    """The stored old files (made by the real app at each revision) pass the schema check."""
    for fixture in sorted(FIXTURES.glob("*.utredning")):
        copy = tmp_path / fixture.name
        shutil.copyfile(fixture, copy)
        assert check_file(copy).ok, (fixture.name, check_file(copy).problems)


def test_stored_head_snapshot_equals_a_fresh_file(empty_template: Path) -> None:
    """resources/schema/databas/<head>.json is regenerated after every migration:
    `.venv/bin/python -m utredning_app.storage.schema_check`."""
    assert snapshot_path(HEAD_REVISION).exists(), "run python -m utredning_app.storage.schema_check"
    fresh = build_snapshot(HEAD_REVISION)
    stored = expected_schema(HEAD_REVISION)
    assert stored is not None
    as_stored = {(o["type"], o["name"]): (o["tbl_name"], o["sql"]) for o in fresh["objects"]}
    assert as_stored == stored, "stale snapshot: python -m utredning_app.storage.schema_check"
    conn = sqlite3.connect(empty_template)
    try:
        assert read_schema(conn) == stored
    finally:
        conn.close()
    for revision in KNOWN_REVISIONS:
        assert snapshot_path(revision).exists(), (
            f"{revision}: run python -m utredning_app.storage.schema_check"
        )


@pytest.mark.parametrize(
    ("case", "sql", "field"),
    [
        ("blob-i-namn", "UPDATE consultee SET name = X'00FF'", "name"),
        ("okänt-enumvärde", "UPDATE consultee SET type = 'hackad'", "hackad"),
        ("text-i-heltal", "UPDATE proposal SET number = 'tre'", "number"),
        ("blob-i-tal", "UPDATE provider_unit SET turnover_mnkr = X'01'", "turnover_mnkr"),
    ],
)
def test_check_finds_values_the_app_cannot_read(
    tmp_path: Path, demo_template: Path, case: str, sql: str, field: str
) -> None:
    path = _craft(demo_template, tmp_path / f"{case}.utredning", sql)
    before = _sha(path)
    result = check_file(path)
    assert not result.ok
    assert any(field in p for p in result.problems), result.problems
    assert _sha(path) == before
    record("fuzz", f"värdekontroll[{case}]", survived=True)


def test_the_demo_file_passes_every_check(demo_path: Path) -> None:
    assert check_file(demo_path).ok, check_file(demo_path).problems


def test_a_missing_snapshot_is_built_from_the_migrations(
    tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration added without regenerating the snapshots still checks every file (slower,
    once per process) — the stored-snapshot test above is what fails."""
    from utredning_app.storage import schema_check

    monkeypatch.setattr(schema_check, "snapshots_dir", lambda: tmp_path / "inga")
    schema_check.expected_schema.cache_clear()
    try:
        good = tmp_path / "bra.utredning"
        shutil.copyfile(demo_template, good)
        open_database(good, read_only=True).close()
        sql, name = CRAFTED["utlösare-raderar-anteckningar"]
        bad = _craft(demo_template, tmp_path / "ond.utredning", sql)
        with pytest.raises(CorruptFile, match=name):
            open_database(bad).close()
    finally:
        schema_check.expected_schema.cache_clear()


def _random_schema_change(rng: random.Random, conn: sqlite3.Connection) -> str:
    """One change an attacker or a hand edit could make with the sqlite3 shell."""
    objects = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'response_fts_%' ORDER BY name"
    ).fetchall()
    tables = sorted({t for kind, _n, t in objects if kind == "table"} - {"response_fts"})
    table = rng.choice(tables)
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    column = rng.choice(columns)
    kind = rng.randrange(7)
    if kind == 0:
        timing = rng.choice(["BEFORE", "AFTER"])
        event = rng.choice(["INSERT", "UPDATE", "DELETE"])
        sql = (
            f'CREATE TRIGGER t_{rng.randrange(10**6)} {timing} {event} ON "{table}" '
            "BEGIN DELETE FROM note; END"
        )
    elif kind == 1:
        sql = f'CREATE VIEW v_{rng.randrange(10**6)} AS SELECT * FROM "{table}"'
    elif kind == 2:
        sql = f'CREATE INDEX ix_x_{rng.randrange(10**6)} ON "{table}"("{column}")'
    elif kind == 3:
        droppable = [(k, n) for k, n, _t in objects if k in ("trigger", "index", "view")]
        k, n = rng.choice(droppable)
        sql = f'DROP {k.upper()} "{n}"'
    elif kind == 4:
        sql = f'ALTER TABLE "{table}" ADD COLUMN extra_{rng.randrange(10**6)} TEXT'
    elif kind == 5:
        sql = f'ALTER TABLE "{table}" RENAME COLUMN "{column}" TO "{column}_x"'
    else:
        sql = f"CREATE TABLE extra_{rng.randrange(10**6)}(x)"
    conn.execute(sql)
    return sql


def test_random_schema_changes_are_all_refused(tmp_path: Path, demo_template: Path) -> None:
    """Structure-aware fuzzing of the file's schema: every change is refused on open, the
    file left as it was (crafted-schema files refused: all)."""
    rng = random.Random(1616)
    refused = 0
    for case in range(12):
        path = tmp_path / f"fall{case}.utredning"
        shutil.copyfile(demo_template, path)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys=OFF")
        try:
            sql = _random_schema_change(rng, conn)
        except sqlite3.Error:
            conn.close()
            continue  # e.g. renaming a column a view or trigger needs
        conn.commit()
        conn.close()
        before = _sha(path)
        with pytest.raises(CorruptFile, match="databasstruktur"):
            open_database(path).close()
        assert _sha(path) == before, sql
        assert not check_file(path).ok, sql
        refused += 1
        record("fuzz", "schema-vägrad[slumpad]", survived=True)
    assert refused >= 8, f"only {refused} of 12 changes could be made"
