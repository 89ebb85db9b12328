"""Other people's changes on a server appear in an open view within seconds (LISTEN/NOTIFY):
a Workspace on a PostgreSQL investigation, its Styrmodeller view open, and another process
that changes an option through the app's own services."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.pg_cluster import PgCluster, running_cluster
from utredning_app.services.demo import create_demo
from utredning_app.storage.database import open_database
from utredning_app.storage.location import ServerLocation

WITHIN_MS = 5000


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    """A real PostgreSQL on loopback (as tests/server's ``pg``, which lives there)."""
    with running_cluster() as started:
        yield started


@pytest.fixture
def location(cluster: PgCluster) -> Iterator[ServerLocation]:
    cluster.psql('CREATE DATABASE "live"')
    location = ServerLocation.parse(cluster.url(database="live"), "demo")
    create_demo(location).close()
    yield location
    cluster.psql('DROP DATABASE IF EXISTS "live" WITH (FORCE)')


@pytest.fixture
def options_view(qtbot: QtBot, location: ServerLocation) -> Iterator[Any]:
    from utredning_app.gui.views import view_info
    from utredning_app.gui.workspace import Workspace

    workspace = Workspace(open_database(location, actor="Tina Testare"))
    view = view_info("options").create()
    qtbot.addWidget(view)
    view.set_workspace(workspace)
    view.show()
    yield view
    view.set_workspace(None)
    workspace.close()


def _names(view: Any) -> list[str]:
    model = view.primary_panel().model
    return [
        str(model.index(row, column).data() or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def _change_in_another_process(location: ServerLocation, name: str) -> None:
    script = textwrap.dedent(
        f"""
        from sqlalchemy import select
        from utredning_app.services import edits
        from utredning_app.storage import models as m
        from utredning_app.storage.database import open_database
        from utredning_app.storage.location import ServerLocation

        db = open_database(ServerLocation.parse({location.url!r}, "demo"), actor="Olle Annan")
        with db.reader() as s:
            option = s.scalars(
                select(m.GovernanceOption.id).order_by(m.GovernanceOption.code)
            ).first()
        edits.update(db, "governance_option", option, {{"name": {name!r}}})
        db.close()
        """
    )
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=60)


def test_a_change_by_another_process_shows_in_the_open_view(
    qtbot: QtBot, options_view: Any, location: ServerLocation
) -> None:
    assert "Ändrad av Olle i en annan process" not in _names(options_view)
    options_view.workspace._poll_timer.stop()  # the socket notifier alone wakes it
    _change_in_another_process(location, "Ändrad av Olle i en annan process")
    qtbot.waitUntil(
        lambda: "Ändrad av Olle i en annan process" in _names(options_view), timeout=WITHIN_MS
    )


def test_plain_sql_by_another_connection_shows_in_the_open_view(
    qtbot: QtBot, cluster: PgCluster, location: ServerLocation, options_view: Any
) -> None:
    options_view.workspace._notifier.setEnabled(False)  # the timer alone finds it
    cluster.psql(
        "UPDATE demo.governance_option SET name = 'Ändrad med psql' "
        "WHERE code = (SELECT min(code) FROM demo.governance_option)",
        database=location.database,
    )
    qtbot.waitUntil(lambda: "Ändrad med psql" in _names(options_view), timeout=WITHIN_MS)


def test_own_edits_are_announced_once(qtbot: QtBot, options_view: Any) -> None:
    """The workspace's own write is announced by the workspace, not again by the server."""
    workspace = options_view.workspace
    announced: list[frozenset[str]] = []
    workspace.changed.connect(lambda tables, _initiator: announced.append(tables))
    row = options_view.primary_panel().model.row(0)
    assert workspace.update("governance_option", row["id"], {"name": "Min ändring"}, "Ändra")
    assert announced == [frozenset({"governance_option"})]
    qtbot.wait(1000)  # a notification of our own write would have come by now
    workspace._take_others()
    assert announced == [frozenset({"governance_option"})]
    assert "Min ändring" in _names(options_view)
