"""SQLAlchemy engine for one investigation file, configured the way SQLite needs.

* pysqlite's own transaction handling is disabled (``isolation_level=None``) and SQLAlchemy
  emits ``BEGIN`` itself, so SAVEPOINT and transactional DDL work (SQLAlchemy's documented
  recipe);
* ``foreign_keys=ON`` and a busy timeout on every connection;
* journal mode DELETE with ``synchronous=FULL``: the investigation stays *one* file that can be
  copied, mailed or kept on a network share (WAL needs shared memory and breaks on shares);
  write volume is small, so WAL's throughput gain does not matter here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

# Defined beside the schema revisions (no SQLAlchemy): the first view reads without it.
from utredning_app.storage.schema_version import APPLICATION_ID, sqlite_uri

__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT_MS", "make_engine", "sqlite_uri"]

BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path, *, read_only: bool = False, create: bool = False) -> Engine:
    """An engine bound to ``path``. ``create`` allows a missing file to be created."""
    uri = sqlite_uri(path, read_only=read_only)
    if create:
        uri = f"file:{path.resolve().as_posix()}?mode=rwc"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri,
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )

    # NullPool: a connection per unit of work; closing it releases every file lock at once,
    # so another process (or the backup code) never waits on an idle pooled connection.
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=DELETE")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if not read_only else "BEGIN")

    return engine
