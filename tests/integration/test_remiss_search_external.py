"""The search index as FTS5 external content over ``response`` (migration 0004): no second
copy of the answers' text, the same search results, and an index that stays in step."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.fixtures.make_schema_fixture import FIXTURES
from utredning_app.services.search import search
from utredning_app.storage.database import open_database
from utredning_app.storage.migrate import run_migrations

TERMS = ["styrning", "förvaltning", "omvårdnad", "ramanslag", "akutsjukhus", "bolagsform"]


def _names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def _new_hits(conn: sqlite3.Connection, term: str) -> set[str]:
    rows = conn.execute(
        "SELECT r.id FROM response_fts JOIN response r ON r.search_key = response_fts.rowid "
        "WHERE response_fts MATCH ?",
        (f'"{term}"',),
    )
    return {r[0] for r in rows}


def _check(conn: sqlite3.Connection) -> None:
    """FTS5's own check, including that the index matches the content table."""
    conn.execute("INSERT INTO response_fts(response_fts, rank) VALUES('integrity-check', 1)")


def test_upgrade_from_0002_gives_the_same_results_without_a_text_copy(tmp_path: Path) -> None:
    path = tmp_path / "gammal.utredning"
    shutil.copyfile(FIXTURES / "0002_remiss_search.utredning", path)
    conn = sqlite3.connect(path)
    try:
        assert "response_fts_content" in _names(conn)  # 0002 kept its own copy
        before = {
            term: {
                r[0]
                for r in conn.execute(
                    "SELECT response_id FROM response_fts WHERE response_fts MATCH ?",
                    (f'{{extracted_text summary_md}}: "{term}"',),
                )
            }
            for term in TERMS
        }
    finally:
        conn.close()
    assert any(before.values())
    run_migrations(path)
    conn = sqlite3.connect(path)
    try:
        assert "response_fts_content" not in _names(conn)
        keys = [r[0] for r in conn.execute("SELECT search_key FROM response ORDER BY search_key")]
        assert keys == list(range(1, len(keys) + 1))
        for term in TERMS:
            assert _new_hits(conn, term) == before[term], term
        _check(conn)
    finally:
        conn.close()
    with open_database(path, read_only=True) as db:
        for term in TERMS:
            assert {h.response_id for h in search(db, term)} <= before[term]


def test_index_follows_every_kind_of_change(empty_path: Path) -> None:
    conn = sqlite3.connect(empty_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    tracked = "'2024-01-01 00:00:00', '2024-01-01 00:00:00', ''"

    def add(rid: str, text: str, key: int | None = None) -> None:
        conn.execute(
            "INSERT INTO response (id, consultee_id, status, their_reference, summary_md, "
            "extracted_text, ocr_pages, search_key, created_at, updated_at, updated_by) "
            f"VALUES (?, 'c', 'mottagen', '', '', ?, '', ?, {tracked})",
            (rid, text, key),
        )

    try:
        with conn:
            add("a", "Nämndstyrningen är tydlig.")
            add("b", "Bolagsformen ger korta beslutsvägar.")
        with conn:  # from another copy of the file: a number answer "a" already has
            (key_a,) = conn.execute("SELECT search_key FROM response WHERE id='a'").fetchone()
            add("c", "Ramanslaget ersätter prestationsersättningen.", key=key_a)
        keys = dict(conn.execute("SELECT id, search_key FROM response"))
        assert len(set(keys.values())) == 3 and keys["a"] == key_a
        assert _new_hits(conn, "styrning") == {"a"} and _new_hits(conn, "ramanslag") == {"c"}
        with conn:
            conn.execute("UPDATE response SET extracted_text='Ägarstyrning.' WHERE id='b'")
            conn.execute("UPDATE response SET deleted_at='2024-02-01 00:00:00' WHERE id='a'")
            conn.execute("UPDATE response SET search_key=99 WHERE id='c'")
        assert _new_hits(conn, "bolagsform") == set()
        assert _new_hits(conn, "styrning") == {"b"}  # "Ägarstyrning", not the tombstoned "a"
        assert _new_hits(conn, "ramanslag") == {"c"}
        with conn:
            conn.execute("DELETE FROM response WHERE id='c'")
            conn.execute("UPDATE response SET deleted_at=NULL WHERE id='a'")
        assert _new_hits(conn, "ramanslag") == set()
        assert _new_hits(conn, "styrning") == {"a", "b"}
        _check(conn)
        conn.commit()
        conn.execute("VACUUM")  # may renumber rowids; the index is keyed by search_key
        assert _new_hits(conn, "styrning") == {"a", "b"}
        _check(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("term", ["styrning", "förvaltning"])
def test_search_through_the_app_after_import(demo_path: Path, term: str) -> None:
    with open_database(demo_path, read_only=True) as db:
        hits = search(db, term)
    assert hits and all(p.hit.casefold() == term for h in hits for p in h.passages[:1])
