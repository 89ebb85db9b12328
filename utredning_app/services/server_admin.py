"""Administering a shared server: which investigations it holds, and who logs in to one.

The rules themselves (roles, row-level security, author stamping) live in the database,
made by migration ``0006_server``; see :mod:`utredning_app.storage.server_users`.
"""

from __future__ import annotations

from collections.abc import Callable

from utredning_app.storage.location import ServerLocation
from utredning_app.storage.server import make_server_engine, open_server, server_errors
from utredning_app.storage.server_users import (
    AddedLogin,
    ServerInvestigation,
    add_login,
    check_login_name,
    list_investigations,
)


def server_location(url: str, schema: str | None = None) -> ServerLocation:
    """A server address typed by a person (a Swedish message if it is none)."""
    return ServerLocation.parse(url, schema)


def list_server_investigations(location: ServerLocation) -> list[ServerInvestigation]:
    """The investigations in the database at ``location`` (titles where the login may read)."""
    engine = make_server_engine(location)
    try:
        with server_errors(location):
            return list_investigations(engine)
    finally:
        engine.dispose()


def add_server_user(
    location: ServerLocation, member: str, login: str, password: Callable[[], str]
) -> AddedLogin:
    """Let ``login`` work in the investigation at ``location`` as the member named ``member``.

    ``password`` is asked only when the login role does not exist yet.
    """
    if location.schema is not None:
        check_login_name(login, location.schema)
    with open_server(location, actor=location.user) as db:
        return add_login(db, member, login, password)


def remove_server_user(location: ServerLocation, login: str) -> str:
    """Take ``login`` out of the investigation at ``location``; returns the member's name."""
    from utredning_app.storage.server_users import remove_login

    with open_server(location, actor=location.user) as db:
        return remove_login(db, login)
