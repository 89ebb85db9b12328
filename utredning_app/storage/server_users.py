"""People on a server: the investigations one may open, and each person's login role.

Who may see what is enforced by PostgreSQL itself (migration ``0006_server``,
``_security_upgrade``): every investigation (schema) has a NOLOGIN owner role
``<schema>_agare`` and a group role ``<schema>_ledamot``; a person logs in as their own LOGIN
role, granted the group role and tied to one member by ``member.login``. Row-level security
and the author triggers read ``member.login = current_user``.

The roles are made by the migration, not here: creating a role is transactional in
PostgreSQL and the names follow from ``current_schema()``, so one migration creates the
schema's objects, roles, grants and policies together or not at all. This module only adds
people (:func:`add_login`), which needs a role with CREATEROLE (or a superuser): the one who
set up the server.

A password never travels as text in SQL: libpq turns it into a SCRAM-SHA-256 verifier on the
client (``PQencryptPasswordConn``), and only the verifier reaches the server and its logs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from utredning_app.errors import ValidationError
from utredning_app.storage.models import Member
from utredning_app.storage.server import ServerDatabase, group_role, list_schemas, owner_role

# A login the app creates: lower-case letters, digits and _ (unquoted SQL identifier).
LOGIN_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class ServerInvestigation:
    schema: str
    title: str | None  # None: this login may not open it


def list_investigations(engine: Engine) -> list[ServerInvestigation]:
    """The investigations in the database, with titles where the login may read them."""
    found: list[ServerInvestigation] = []
    with engine.connect() as conn:
        for schema in list_schemas(engine):
            allowed = conn.execute(
                text(
                    "SELECT has_schema_privilege(:s, 'USAGE') "
                    "AND has_table_privilege(quote_ident(:s) || '.investigation', 'SELECT')"
                ),
                {"s": schema},
            ).scalar()
            title = None
            if allowed:
                title = conn.execute(
                    text(
                        f'SELECT title FROM "{schema}".investigation '
                        "WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
                    )
                ).scalar()
            found.append(ServerInvestigation(schema, str(title) if title is not None else None))
    return found


@dataclass(frozen=True)
class AddedLogin:
    login: str
    member: str
    created_role: bool  # False: the login existed (another investigation); password unchanged
    already_tied: bool  # the member had this login already


def check_login_name(login: str, schema: str) -> str:
    if not LOGIN_NAME.match(login) or login.startswith("pg_"):
        raise ValidationError(
            f"«{login}» kan inte vara en inloggning: använd små bokstäver a–z, siffror och _ "
            "(börja med en bokstav, högst 63 tecken), t.ex. «anna» eller «anna_andersson»."
        )
    if login in (owner_role(schema), group_role(schema), "postgres", "public"):
        raise ValidationError(f"«{login}» är reserverat på servern; välj en annan inloggning.")
    return login


def _member(session: Session, name: str) -> Member:
    wanted = " ".join(name.split())
    live = session.scalars(select(Member).where(Member.deleted_at.is_(None))).all()
    matches = [m for m in live if " ".join(m.name.split()).casefold() == wanted.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        known = ", ".join(sorted(m.name for m in live)) or "inga"
        raise ValidationError(
            f"Det finns ingen ledamot «{wanted}» i utredningen (ledamöter: {known})."
        )
    raise ValidationError(
        f"Det finns {len(matches)} ledamöter som heter «{wanted}»; ge dem olika namn först."
    )


def _verifier(session: Session, login: str, password: str) -> str:
    """The SCRAM verifier libpq makes of ``password`` (the password never reaches SQL)."""
    raw = session.connection().connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    ).decode("ascii")
    if "'" in verifier or "\\" in verifier:  # pragma: no cover - base64 and $ : only
        raise ValidationError("Lösenordet kunde inte göras om till en säker form.")
    return str(verifier)


def add_login(
    db: ServerDatabase, member_name: str, login: str, password: Callable[[], str]
) -> AddedLogin:
    """Tie ``login`` to the member named ``member_name`` in the open investigation.

    Creates the LOGIN role if it is missing (``password()`` is asked only then), grants it
    the investigation's group role and sets ``member.login``, in one transaction.
    """
    schema = db.location.schema
    assert schema is not None  # open_server always resolves it
    check_login_name(login, schema)
    with db.transaction() as session:
        member = _member(session, member_name)
        other = session.scalars(
            select(Member).where(Member.login == login, Member.id != member.id)
        ).first()
        if other is not None:
            raise ValidationError(
                f"Inloggningen «{login}» hör redan till ledamoten {other.name}; en inloggning "
                "kan bara höra till en ledamot."
            )
        if member.login and member.login != login:
            raise ValidationError(
                f"{member.name} loggar redan in som «{member.login}»; ta bort den kopplingen "
                "först om personen ska byta inloggning."
            )
        role = session.execute(
            text("SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = :r"), {"r": login}
        ).first()
        created = role is None
        if role is not None:
            if not role[0]:
                raise ValidationError(
                    f"Rollen «{login}» finns på servern men kan inte logga in; välj en annan "
                    "inloggning."
                )
            if role[1]:
                raise ValidationError(
                    f"«{login}» är en superanvändare, som ser allt på servern; koppla en vanlig "
                    "inloggning till ledamoten."
                )
        else:
            secret = password()
            if len(secret) < MIN_PASSWORD:
                raise ValidationError(
                    f"Lösenordet måste ha minst {MIN_PASSWORD} tecken. Ingenting ändrades."
                )
            verifier = _verifier(session, login, secret)
            # exec_driver_sql: the verifier's ":" must not be read as a bind parameter
            session.connection().exec_driver_sql(f"CREATE ROLE {login} LOGIN PASSWORD '{verifier}'")
        session.execute(text(f"GRANT {group_role(schema)} TO {login}"))
        already = member.login == login
        if not already:
            member.login = login
        name = member.name
    return AddedLogin(login, name, created, already)


def remove_login(db: ServerDatabase, login: str) -> str:
    """Take ``login`` out of the open investigation: the member no longer logs in as it and
    the role loses the investigation's group role (it stays a role on the server: it may
    belong to other investigations, and what it wrote keeps its author). Returns the member's
    name. One transaction."""
    schema = db.location.schema
    assert schema is not None  # open_server always resolves it
    check_login_name(login, schema)
    with db.transaction() as session:
        member = session.scalars(select(Member).where(Member.login == login)).first()
        granted = session.execute(
            text(
                "SELECT 1 FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid "
                "JOIN pg_roles u ON u.oid = am.member WHERE g.rolname = :g AND u.rolname = :u"
            ),
            {"g": group_role(schema), "u": login},
        ).first()
        if member is None and granted is None:
            raise ValidationError(
                f"Inloggningen «{login}» hör inte till någon ledamot i utredningen {schema}."
            )
        if granted is not None:
            session.execute(text(f"REVOKE {group_role(schema)} FROM {login}"))
        name = member.name if member is not None else login
        if member is not None:
            member.login = ""
    return name
