"""Other people's changes to an investigation on a server: LISTEN on its channel.

Migration 0006_server gives every table of an investigation a statement-level trigger that
sends, when the writing transaction commits, one notification per table written: channel
``utredning_<schema>``, payload ``<table> <client>``, where ``<client>`` is the writing
connection's ``utredning.client`` setting (:func:`storage.server.make_server_engine` gives
each engine one). A :class:`ServerListener` keeps a connection of its own in autocommit mode
LISTENing to that channel and reports the tables written by anyone else, so an app does not
hear its own writes (it has announced those itself).

``fileno()`` is the listening connection's socket, for a Qt ``QSocketNotifier`` that wakes the
GUI when a notification arrives; ``poll()`` takes what has arrived without waiting (or waits
up to ``timeout`` for the first). A broken connection is opened again by ``poll()`` (at most every
``RETRY_S`` seconds); what may have been missed meanwhile is reported as a change of every
table.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from utredning_app.storage.base import Base
from utredning_app.storage.server import CLIENT_SETTING, ServerDatabase

CHANNEL_PREFIX = "utredning_"
RETRY_S = 15.0


def channel_name(schema: str) -> str:
    """The NOTIFY channel of the investigation in ``schema`` (as the trigger names it)."""
    return CHANNEL_PREFIX + schema


def all_tables() -> frozenset[str]:
    """What a listener reports when it may have missed something: every table of the model."""
    return frozenset(Base.metadata.tables)


class ServerListener:
    """Tables that other connections change in one investigation on a server."""

    def __init__(self, db: ServerDatabase) -> None:
        schema = db.location.schema
        if schema is None:  # open_server always names the schema it opened
            raise ValueError("a server investigation without a schema")
        self._engine = db.engine
        self.channel = channel_name(schema)
        with db.engine.connect() as conn:
            self.own_client = str(
                conn.execute(
                    text("SELECT current_setting(:name, true)"), {"name": CLIENT_SETTING}
                ).scalar()
                or ""
            )
        self._conn: Any = None
        self._last_attempt = -RETRY_S
        self._connect()

    def _connect(self) -> None:
        """A connection of the engine's (same server, login and settings), taken out of its
        pool for good and switched to autocommit: LISTEN takes effect at once and every
        notification is delivered as soon as it arrives."""
        from psycopg import sql

        raw = self._engine.raw_connection()
        conn = raw.driver_connection
        raw.detach()
        assert conn is not None
        try:
            conn.rollback()
            conn.autocommit = True
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def fileno(self) -> int | None:
        """The socket to watch for readability, or None while disconnected."""
        return int(self._conn.fileno()) if self.connected else None

    def poll(self, timeout: float = 0.0) -> set[str]:
        """The tables others changed since the last call; waits up to ``timeout`` seconds
        for the first notification if none has arrived yet. After a lost connection (once it
        is back): every table, since something may have been missed meanwhile."""
        import psycopg

        if not self.connected:
            return set(all_tables()) if self._reconnect() else set()
        tables: set[str] = set()
        try:
            if timeout > 0:
                for note in self._conn.notifies(timeout=timeout, stop_after=1):
                    self._take(note.payload, tables)
            for note in self._conn.notifies(timeout=0.0):
                self._take(note.payload, tables)
        except (psycopg.Error, OSError):
            self._drop()
            return tables | all_tables() if self._reconnect() else tables
        return tables

    def _reconnect(self) -> bool:
        """Try to listen again, at most once every RETRY_S seconds (a server that cannot be
        reached may take the connect timeout to say so)."""
        import psycopg

        now = time.monotonic()
        if now - self._last_attempt < RETRY_S:
            return False
        self._last_attempt = now
        try:
            self._connect()
        except (psycopg.Error, OSError, DBAPIError):
            return False
        return True

    def _take(self, payload: str, into: set[str]) -> None:
        table, _, client = payload.partition(" ")
        if client != self.own_client or not client:
            into.add(table)

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._drop()
