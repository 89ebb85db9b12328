"""The search index survives an upgrade from 0001 and a JSON archive round trip."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.remiss_helpers import ensure_round, write_docx_answer
from utredning_app.services.archive import export_archive, import_archive
from utredning_app.services.responses import import_answers
from utredning_app.services.search import search
from utredning_app.storage.database import open_database
from utredning_app.storage.migrate import run_migrations


def test_upgrading_a_0001_file_indexes_its_existing_answers(tmp_path: Path) -> None:
    path = tmp_path / "gammal.utredning"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id=1431589444")
    conn.close()
    run_migrations(path, target="0001_initial")
    conn = sqlite3.connect(path)
    with conn:
        now = "2023-01-01 00:00:00"
        tracked = f"'{now}', '{now}', ''"
        conn.execute(
            "INSERT INTO investigation (id, title, diarienummer, commissioned_by, region, "
            "administration, case_officer, case_officer_contact, directive_md, score_min, "
            "score_max, horizon_start_year, horizon_years, discount_rate, price_base_year, "
            f"created_at, updated_at, updated_by) VALUES ('i', 'T', '', '', '', '', '', '', '', "
            f"1, 5, 2024, 5, 0.035, 2023, {tracked})"
        )
        conn.execute(
            "INSERT INTO consultation_round (id, name, description_md, created_at, updated_at, "
            f"updated_by) VALUES ('r', 'Remiss', '', {tracked})"
        )
        conn.execute(
            "INSERT INTO consultee (id, round_id, name, type, invited, contact_name, email, "
            "address, created_at, updated_at, updated_by) VALUES "
            f"('c', 'r', 'Locum AB', 'bolag', 1, '', '', '', {tracked})"
        )
        conn.execute(
            "INSERT INTO response (id, consultee_id, status, their_reference, summary_md, "
            "extracted_text, created_at, updated_at, updated_by) VALUES "
            f"('x', 'c', 'mottagen', '', '', 'Fastighetsförvaltningen påverkas.', {tracked})"
        )
    conn.close()
    run_migrations(path)
    with open_database(path, read_only=True) as db:
        assert [h.consultee for h in search(db, "förvaltning")] == ["Locum AB"]


def test_archive_round_trip_keeps_answers_searchable(demo_path: Path, tmp_path: Path) -> None:
    with open_database(demo_path) as db:
        ensure_round(db)
    answer = write_docx_answer(
        tmp_path / "svar.docx", "Locum AB", ["Lokalförsörjningsplaneringen behöver samordnas."]
    )
    assert import_answers(demo_path, [answer]).imported
    archive = tmp_path / "arkiv.json"
    export_archive(demo_path, archive)
    copy = tmp_path / "kopia.utredning"
    with import_archive(archive, copy) as db:
        hits = search(db, "försörjningsplan")
    assert len(hits) == 1
    assert hits[0].passages[0].hit == "försörjningsplan"
