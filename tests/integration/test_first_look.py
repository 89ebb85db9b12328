"""Översikt read at start without SQLAlchemy (``services.overview.first_look``) shows what the
ORM shows, and declines every file the full open must judge first, changing nothing.

The window paints Översikt from this reader while the full open runs behind it (issue 15), so
a difference here would be a first view with wrong figures.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from utredning_app.services import entities
from utredning_app.services.overview import FirstLook, first_look, overview
from utredning_app.storage.database import open_database
from utredning_app.storage.lock import lock_path_for
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
TODAY = dt.date(2023, 6, 1)  # between the demo's milestones: some done, some ahead


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_same_as_orm(path: Path, look: FirstLook | None) -> None:
    assert look is not None
    db = open_database(path, actor="Testaren", read_only=True)
    try:
        assert look.facts == overview(db, today=TODAY)
        assert look.milestone_rows == entities.rows(db, "milestone", order_by=("due_date",))
    finally:
        db.close()


def test_the_demo_reads_the_same_as_through_the_orm(demo_path: Path) -> None:
    look = first_look(demo_path, today=TODAY)
    assert look is not None
    facts = look.facts
    assert facts.title.startswith("Parlamentarisk utredning")
    assert facts.counts["member"] > 0 and facts.counts["proposal"] > 0
    assert 0 < facts.responses_done <= facts.responses <= facts.consultees
    assert any(m.done for m in facts.milestones) and facts.next_milestone is not None
    assert_same_as_orm(demo_path, look)


def test_an_edited_file_reads_the_same_deletions_ties_and_all(demo_path: Path) -> None:
    """Deleted rows (tombstones) are not counted, a milestone on the same day as another
    keeps the ORM's order, an uninvited consultee is not counted as invited."""
    db = open_database(demo_path, actor="Testaren")
    try:
        members = entities.rows(db, "member")
        entities.soft_delete(db, "member", members[0]["id"])
        first = entities.rows(db, "milestone", order_by=("due_date",))[0]
        for title in ("Samma dag B", "Samma dag A"):
            entities.create(
                db,
                "milestone",
                {"title": title, "kind": "ovrigt", "due_date": first["due_date"], "done": False},
            )
        consultee = entities.rows(db, "consultee")[0]
        entities.update(db, "consultee", consultee["id"], {"invited": False})
        expected_members = len(members) - 1
    finally:
        db.close()
    look = first_look(demo_path, today=TODAY)
    assert look is not None and look.facts.counts["member"] == expected_members
    assert_same_as_orm(demo_path, look)


def test_an_older_file_is_declined_unchanged_and_reads_the_same_once_upgraded(
    tmp_path: Path,
) -> None:
    older = KNOWN_REVISIONS[-2]
    path = tmp_path / "äldre.utredning"
    shutil.copyfile(FIXTURES / f"{older}.utredning", path)
    digest = sha256(path)
    assert first_look(path) is None  # the full open upgrades it (or reads an upgraded copy)
    assert sha256(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    open_database(path, actor="Testaren", backup_dir=tmp_path / "kopior").close()  # migrates
    look = first_look(path, today=TODAY)
    assert look is not None and look.facts.counts["member"] > 0
    assert_same_as_orm(path, look)


def test_the_head_fixture_reads_the_same() -> None:
    path = FIXTURES / f"{HEAD_REVISION}.utredning"
    assert_same_as_orm(path, first_look(path, today=TODAY))


def _set(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(
    "change",
    [
        "newer schema",
        "not this app's",
        "planted trigger",
        "unknown milestone kind",
        "text where a date belongs",
        "no investigation",
        "locked elsewhere",
        "journal beside",
        "not sqlite",
    ],
)
def test_a_file_the_full_open_must_judge_is_declined_and_left_as_it_was(
    demo_path: Path, change: str
) -> None:
    if change == "newer schema":
        _set(demo_path, "UPDATE alembic_version SET version_num = '9999_framtid'")
    elif change == "not this app's":
        _set(demo_path, "PRAGMA application_id = 7")
    elif change == "planted trigger":
        _set(
            demo_path,
            "CREATE TRIGGER t AFTER INSERT ON audit_entry BEGIN DELETE FROM note; END",
        )
    elif change == "unknown milestone kind":
        _set(demo_path, "UPDATE milestone SET kind = 'kröning' WHERE rowid = 1")
    elif change == "text where a date belongs":
        _set(demo_path, "UPDATE milestone SET due_date = 'snart' WHERE rowid = 1")
    elif change == "no investigation":
        _set(demo_path, "UPDATE investigation SET deleted_at = '2024-01-01 00:00:00.000000'")
    elif change == "locked elsewhere":
        lock_path_for(demo_path).write_text("{}", encoding="utf-8")
    elif change == "journal beside":
        Path(f"{demo_path}-journal").write_bytes(b"")
    else:
        demo_path.write_bytes(b"inte en databas " * 100)
    beside = sorted(p.name for p in demo_path.parent.iterdir())
    digest, mtime = sha256(demo_path), demo_path.stat().st_mtime_ns
    assert first_look(demo_path) is None
    assert (sha256(demo_path), demo_path.stat().st_mtime_ns) == (digest, mtime)
    assert sorted(p.name for p in demo_path.parent.iterdir()) == beside


def test_missing_file_and_folder_are_declined(tmp_path: Path) -> None:
    assert first_look(tmp_path / "finns-inte.utredning") is None
    assert first_look(tmp_path) is None


def test_reading_imports_neither_sqlalchemy_nor_the_models(demo_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from utredning_app.services.overview import first_look\n"
        "assert first_look(Path(sys.argv[1])) is not None\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic'))"
        " or m == 'utredning_app.storage.models'))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script, str(demo_path)],
        capture_output=True,
        text=True,
        cwd=root,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == "[]"
