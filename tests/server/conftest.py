"""A real PostgreSQL server, started once per test process on loopback; every test gets a
database of its own."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest

from tests.pg_cluster import PgCluster, running_cluster

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg() -> Iterator[PgCluster]:
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_db(pg: PgCluster) -> Iterator[str]:
    """A new empty database; yields its name (dropped afterwards)."""
    name = f"t{os.getpid()}_{next(_counter)}"
    pg.psql(f'CREATE DATABASE "{name}"')
    yield name
    pg.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg: PgCluster, pg_db: str) -> str:
    """The superuser's URL of a fresh database (the one who sets up the server)."""
    return pg.url(database=pg_db)
