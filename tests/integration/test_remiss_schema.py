"""Migration 0002: the FTS5 index over remissvar, kept in sync by triggers."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from utredning_app.domain.enums import ConsulteeType
from utredning_app.storage import models as m
from utredning_app.storage.database import Database
from utredning_app.storage.search_index import fts5_problem


def test_fts5_with_trigram_is_available_here() -> None:
    assert fts5_problem() is None


def test_migrations_create_the_search_index_and_its_triggers(empty_path: Path) -> None:
    # That the models otherwise equal the migrations (index left out) is checked in
    # test_migrations.py; here: the index objects themselves exist in a new file.
    conn = sqlite3.connect(empty_path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert {
        "response_fts",
        "response_fts_ai",
        "response_fts_ak",
        "response_fts_au",
        "response_fts_ad",
    } <= names


def _hits(db: Database, term: str) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT r.id FROM response_fts JOIN response r ON r.search_key = response_fts.rowid "
            "WHERE response_fts MATCH ?",
            (f'{{extracted_text summary_md}}: "{term}"',),
        ).fetchall()
    return [r[0] for r in rows]


def test_triggers_follow_inserts_updates_and_tombstones(db: Database) -> None:
    with db.transaction() as s:
        rnd = m.ConsultationRound(name="Remiss")
        s.add(rnd)
        s.flush()
        who = m.Consultee(round_id=rnd.id, name="Södersjukhuset AB", type=ConsulteeType.BOLAG)
        s.add(who)
        s.flush()
        resp = m.Response(consultee_id=who.id, extracted_text="Nämndstyrningen är tydlig.")
        s.add(resp)
    assert _hits(db, "styrning") == [resp.id]  # a compound part
    with db.transaction() as s:
        row = s.get(m.Response, resp.id)
        assert row is not None
        row.extracted_text = "Bolagsformen ger kortare beslutsvägar."
        row.summary_md = "Vill behålla ägarstyrningen."
    assert _hits(db, "beslutsväg") == [resp.id]
    assert _hits(db, "ägarstyr") == [resp.id]
    assert _hits(db, "nämndstyr") == []
    with db.transaction() as s:
        row = s.get(m.Response, resp.id)
        assert row is not None
        row.deleted_at = dt.datetime(2024, 1, 1)
    assert _hits(db, "beslutsväg") == []
