"""Other people's changes to an open investigation on a server, as they are committed.

The GUI's ``Workspace`` holds a :class:`ChangeFeed` for an investigation on a server (a file
has none: nobody else writes it while it is open) and announces the tables it reports with
its ``changed`` signal, so that open views reload within moments (LISTEN/NOTIFY, see
:mod:`storage.server_notify`). The feed never reports the app's own writes.
"""

from __future__ import annotations

from utredning_app.storage.database import Database
from utredning_app.storage.server import ServerDatabase
from utredning_app.storage.server_notify import ServerListener

# How often a watcher without a socket notifier (or after a lost connection) should poll.
POLL_INTERVAL_S = 2.0


class ChangeFeed:
    """Tables written by others in one open investigation on a server."""

    def __init__(self, listener: ServerListener) -> None:
        self._listener = listener

    def fileno(self) -> int | None:
        """A socket that becomes readable when something arrives (None while the connection
        is being re-established; :meth:`take` then reconnects)."""
        return self._listener.fileno()

    def take(self, timeout: float = 0.0) -> frozenset[str]:
        """The tables others changed since the last call; waits up to ``timeout`` seconds for
        the first change. After a lost connection: every table (something may be missed)."""
        return frozenset(self._listener.poll(timeout))

    def close(self) -> None:
        self._listener.close()


def open_feed(db: Database) -> ChangeFeed | None:
    """A feed for an investigation on a server; None for a file."""
    if not isinstance(db, ServerDatabase):
        return None
    with db.errors():
        return ChangeFeed(ServerListener(db))
