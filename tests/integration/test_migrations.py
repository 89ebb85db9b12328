"""Migrations: the script directory, the app's constants and the models agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from utredning_app.storage.engine import make_engine
from utredning_app.storage.migrate import run_migrations, script_revisions
from utredning_app.storage.models import Base
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from utredning_app.storage.search_index import include_object


def test_known_revisions_match_the_script_directory() -> None:
    assert list(KNOWN_REVISIONS) == script_revisions()
    assert script_revisions()[-1] == HEAD_REVISION


def test_migrating_an_empty_file_gives_exactly_the_models(tmp_path: Path) -> None:
    path = tmp_path / "tom.db"
    sqlite3.connect(path).close()
    run_migrations(path)
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "render_as_batch": True,
                    # The remiss FTS5 index (migration 0002) is raw SQL, not ORM metadata.
                    "include_object": include_object,
                },
            )
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_foreign_keys_are_on_in_every_connection(empty_path: Path) -> None:
    engine = make_engine(empty_path)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
