"""Old files open and migrate with data intact; a file from a newer version is refused untouched.

`tests/fixtures/schema/<revision>.utredning` holds one file per released schema revision,
written by `python -m tests.fixtures.make_schema_fixture` when the revision was current.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.stats import record
from utredning_app import paths
from utredning_app.errors import NewerSchemaError
from utredning_app.storage.backup import REASON_UPGRADE, backup_folder, list_backups
from utredning_app.storage.database import inspect_file, open_database
from utredning_app.storage.lock import lock_path_for
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows_by_table(path: Path) -> dict[str, dict[Any, dict[str, Any]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version'"
            )
        ]
        # The app's tables (all keyed by id); search indexes and their shadow tables are
        # derived data that a migration may rebuild.
        virtual = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%'"
            )
        ]
        derived = {n for n in names if any(n == v or n.startswith(f"{v}_") for v in virtual)}
        keyed = [
            n
            for n in names
            if n not in derived
            and "id" in {r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')}
        ]
        return {
            name: {row["id"]: dict(row) for row in conn.execute(f'SELECT * FROM "{name}"')}
            for name in keyed
        }
    finally:
        conn.close()


def test_every_known_revision_has_a_fixture() -> None:
    missing = [r for r in KNOWN_REVISIONS if not (FIXTURES / f"{r}.utredning").is_file()]
    assert not missing, (
        f"no fixture for schema revision(s) {missing}: run "
        "`PYTHONPATH=. python -m tests.fixtures.make_schema_fixture` and commit the file"
    )


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_fixture_opens_migrates_and_keeps_every_value(revision: str, tmp_path: Path) -> None:
    fixture = FIXTURES / f"{revision}.utredning"
    pristine = sha256(fixture)
    work = tmp_path / f"gammal-{revision}.utredning"
    shutil.copyfile(fixture, work)
    assert inspect_file(work).revision == revision
    before = rows_by_table(work)
    assert sum(len(rows) for rows in before.values()) > 20, "fixture should be well filled"

    db = open_database(work, actor="Testaren")
    try:
        with db.reader() as s:
            assert db.investigation(s).title
        with db.transaction() as s:  # and it takes new work
            db.investigation(s).region = "Region Stockholm (migrerad)"
    finally:
        db.close()

    assert inspect_file(work, full_check=True).revision == HEAD_REVISION
    after = rows_by_table(work)
    for table, rows in before.items():
        if table in ("replica_state", "replica_seen", "replica_baseline"):
            continue  # a copy of the file is another replica by design (issue 11)
        for row_id, row in rows.items():
            migrated = after[table][row_id]
            for column, value in row.items():
                if column in migrated and not (table == "investigation" and column == "region"):
                    if column in ("updated_at", "updated_by") and table == "investigation":
                        continue
                    assert migrated[column] == value, (table, row_id, column)
    backups = list_backups(backup_folder(work, paths.backups_dir()))
    if revision != HEAD_REVISION:
        upgrade = [b for b in backups if b.reason == REASON_UPGRADE]
        assert upgrade, "no backup before the upgrade"
        assert rows_by_table(upgrade[0].path) == before
        assert inspect_file(upgrade[0].path).revision == revision
    assert sha256(fixture) == pristine
    record("fault", "gammal-fil", survived=True)


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_file_is_refused_byte_identical(read_only: bool, tmp_path: Path) -> None:
    newer = tmp_path / "framtid.utredning"
    shutil.copyfile(FIXTURES / f"{HEAD_REVISION}.utredning", newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_framtida'")
    conn.commit()
    conn.close()
    digest = sha256(newer)
    with pytest.raises(NewerSchemaError, match=r"nyare version.*filen har inte ändrats"):
        open_database(newer, read_only=read_only)
    assert sha256(newer) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["framtid.utredning"]
    assert not lock_path_for(newer).exists()
    assert list_backups(backup_folder(newer, paths.backups_dir())) == []
    record("fuzz", "nyare-schema", survived=True)
