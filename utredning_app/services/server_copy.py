"""Laptop copies of an investigation on a server (``utredning hamta``) and their way back
(``utredning sla-ihop URL FIL``, the merge engine with the server as the main copy).

A copy is built through the open archive from what the person may read on the server (the
server's row-level security decides: their own private notes and their party's internal ones
come along, nobody else's), straight from memory into a new file. The archive carries the
per-field versions and the version vector, so the copy knows which of the server's changes it
has seen, and its owner is set to the member the login belongs to: when it comes back, the
merge lets exactly that person's and party's rows travel.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from utredning_app.errors import ValidationError
from utredning_app.services.archive import build_archive, import_archive
from utredning_app.services.atomic import check_name_length
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database
from utredning_app.storage.location import ServerLocation
from utredning_app.storage.versions import set_owner


def login_member(location: ServerLocation) -> tuple[str, str] | None:
    """(name, party abbreviation) of the member whose login is the connected role."""
    with open_database(location, read_only=True) as db, db.reader() as s:
        user = s.execute(text("SELECT current_user")).scalar()
        row = s.execute(
            select(m.Member.name, m.Party.abbreviation)
            .outerjoin(m.Party, m.Party.id == m.Member.party_id)
            .where(m.Member.login == user, m.Member.deleted_at.is_(None))
        ).first()
    return (str(row[0]), str(row[1] or "")) if row else None


def fetch_copy(location: object, out: Path) -> Path:
    """Write a laptop copy of ``location`` (a server investigation) to the new file ``out``."""
    if not isinstance(location, ServerLocation):
        raise ValidationError(
            "hamta tar en serveradress (postgresql://användare@server/databas); "
            "en fil kopierar du som vanligt."
        )
    out = Path(out)
    check_name_length(out)
    if out.exists():
        raise ValidationError(f"Filen {out} finns redan; välj ett nytt filnamn.")
    archive = build_archive(location, include_private=True)
    owner = login_member(location)
    db = import_archive(Path(f"{location.name}.json"), out, data=archive)
    try:
        if owner is not None:
            with db.transaction() as session:
                set_owner(session.connection(), out, *owner)
    finally:
        db.close()
    return out
