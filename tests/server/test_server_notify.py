"""LISTEN/NOTIFY: what others commit to an investigation on a server reaches a listener within
moments; its own writes, other investigations and uncommitted work do not."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from tests.pg_cluster import PgCluster
from utredning_app.services import edits
from utredning_app.services.demo import create_demo
from utredning_app.services.server_changes import ChangeFeed, open_feed
from utredning_app.storage import models as m
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.location import ServerLocation
from utredning_app.storage.server import ServerDatabase
from utredning_app.storage.server_notify import all_tables
from utredning_app.storage.versions import BOOKKEEPING_TABLES

WITHIN_S = 5.0


@pytest.fixture
def demo(pg_url: str) -> Iterator[ServerDatabase]:
    db = create_demo(ServerLocation.parse(pg_url))
    assert isinstance(db, ServerDatabase)
    yield db
    db.close()


@pytest.fixture
def feed(demo: ServerDatabase) -> Iterator[ChangeFeed]:
    opened = open_feed(demo)
    assert opened is not None
    yield opened
    opened.close()


def _option(db: Database) -> str:
    with db.reader() as s:
        option = s.scalars(select(m.GovernanceOption.id).order_by(m.GovernanceOption.code)).first()
    assert option is not None
    return option


def _wait(feed: ChangeFeed, wanted: str) -> frozenset[str]:
    """Everything the feed reports until ``wanted`` is among it (at most WITHIN_S)."""
    seen: set[str] = set()
    deadline = time.monotonic() + WITHIN_S
    while wanted not in seen and time.monotonic() < deadline:
        seen |= feed.take(timeout=max(0.0, deadline - time.monotonic()))
    return frozenset(seen)


def test_a_change_committed_by_another_connection_arrives(
    demo: ServerDatabase, feed: ChangeFeed
) -> None:
    other = open_database(demo.location, actor="Någon annan")
    try:
        edits.update(other, "governance_option", _option(other), {"name": "Ändrad av en annan"})
    finally:
        other.close()
    seen = _wait(feed, "governance_option")
    assert "governance_option" in seen
    assert "audit_entry" in seen  # the ändringslogg grew too
    assert not seen & {"field_version", "replica_state", "alembic_version"}  # bookkeeping


def test_plain_sql_by_another_program_arrives(
    pg: PgCluster, pg_db: str, demo: ServerDatabase, feed: ChangeFeed
) -> None:
    """psql, its search_path not the investigation's: the channel is the table's schema."""
    assert demo.location.schema == "demo"
    pg.psql("UPDATE demo.consultee SET name = name || ' (ny)'", database=pg_db)
    assert "consultee" in _wait(feed, "consultee")


def test_own_writes_and_uncommitted_work_are_not_reported(
    demo: ServerDatabase, feed: ChangeFeed
) -> None:
    edits.update(demo, "governance_option", _option(demo), {"name": "Min egen ändring"})
    other = open_database(demo.location, actor="Någon annan")
    try:
        with other.engine.connect() as conn:  # written but rolled back
            conn.execute(text("UPDATE milestone SET title = title || '!'"))
            conn.rollback()
        # Something that is reported, to know the feed has caught up with the above.
        edits.update(other, "criterion", _first(other, m.Criterion), {"name": "Ny"})
    finally:
        other.close()
    seen = _wait(feed, "criterion")
    assert "criterion" in seen
    assert "governance_option" not in seen
    assert "milestone" not in seen


def _first(db: Database, model: type[m.Criterion]) -> str:
    with db.reader() as s:
        found = s.scalars(select(model.id)).first()
    assert found is not None
    return found


def test_another_investigation_in_the_database_is_not_reported(
    pg_url: str, demo: ServerDatabase, feed: ChangeFeed
) -> None:
    from utredning_app.storage.server import create_server_investigation

    second = create_server_investigation(
        ServerLocation.parse(pg_url, "andra"), title="En annan utredning"
    )
    try:
        with second.transaction() as s:
            second.investigation(s).title = "Deras nya titel"
    finally:
        second.close()
    other = open_database(demo.location)
    try:
        edits.update(other, "criterion", _first(other, m.Criterion), {"name": "Ny"})
    finally:
        other.close()
    seen = _wait(feed, "criterion")
    assert "investigation" not in seen


def test_every_table_of_the_model_announces_its_changes(demo: ServerDatabase) -> None:
    """Also a guard for later migrations: a new table needs the trigger too."""
    with demo.engine.connect() as conn:
        announced = set(
            conn.execute(
                text(
                    "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE t.tgname = 'utredning_notify' AND n.nspname = current_schema()"
                )
            ).scalars()
        )
    # The version bookkeeping only ever changes along with an app table; merge conflicts do
    # concern the people working (the conflict view).
    bookkeeping = {t.name for t in BOOKKEEPING_TABLES} - {"merge_conflict"}
    assert announced == set(all_tables()) - bookkeeping
    assert {"governance_option", "response", "audit_entry", "merge_conflict"} <= announced


def test_a_lost_connection_is_opened_again_and_reports_everything(
    pg: PgCluster, pg_db: str, demo: ServerDatabase, feed: ChangeFeed
) -> None:
    pg.psql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'",
        database=pg_db,
    )
    seen: set[str] = set()
    deadline = time.monotonic() + WITHIN_S
    while seen != set(all_tables()) and time.monotonic() < deadline:
        seen |= feed.take(timeout=0.2)
    assert seen == set(all_tables())  # something may have been missed meanwhile
    assert feed.fileno() is not None
    assert feed.take() == frozenset()
    other = open_database(demo.location)
    try:
        edits.update(other, "governance_option", _option(other), {"name": "Efter avbrottet"})
    finally:
        other.close()
    assert "governance_option" in _wait(feed, "governance_option")


def test_a_file_has_no_feed(demo_path: object) -> None:
    from pathlib import Path

    assert isinstance(demo_path, Path)
    db = open_database(demo_path, read_only=True)
    try:
        assert open_feed(db) is None
    finally:
        db.close()
