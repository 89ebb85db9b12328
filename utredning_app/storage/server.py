"""Investigations on a PostgreSQL server: one schema per investigation, the same model and
the same Alembic migrations as the file.

* Connection: psycopg 3 (``postgresql+psycopg``); every connection's ``search_path`` is the
  investigation's schema, so the ORM's unqualified table names (and Alembic's version table)
  resolve there. The password comes from the URL, ``PGPASSWORD``, libpq's ``~/.pgpass`` or
  the system keyring (GUI), never from a file of ours.
* Writes use READ COMMITTED (PostgreSQL's default); a save that meets another person's save
  of the same field is found by comparing what the form started from
  (:func:`services.entities.update`), not by serialisation failures.
* ``server_errors`` turns psycopg/PostgreSQL failures into Swedish messages naming the server
  and the investigation.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from utredning_app.errors import (
    CorruptFile,
    FileOpenError,
    ReadOnlyFile,
    StorageError,
    UserError,
    ValidationError,
)
from utredning_app.storage import text_guard  # noqa: F401 - registers its flush hook
from utredning_app.storage.audit import AuditedSession
from utredning_app.storage.database import Database
from utredning_app.storage.location import ServerLocation, check_schema_name
from utredning_app.storage.models import Investigation
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS

CONNECT_TIMEOUT_S = 10
CLIENT_SETTING = "utredning.client"
APPLICATION_NAME = "Utredningsstöd"


def owner_role(schema: str) -> str:
    """The NOLOGIN role that owns an investigation's schema (migration 0006_server)."""
    return f"{schema}_agare"


def group_role(schema: str) -> str:
    """The group role every person's login in an investigation is granted."""
    return f"{schema}_ledamot"


def _quote(schema: str) -> str:
    return '"' + check_schema_name(schema) + '"'


def make_server_engine(
    location: ServerLocation, *, schema: str | None = None, password: str | None = None
) -> Engine:
    """An engine for ``location``; its connections search ``schema`` (or the location's).
    ``password`` defaults to ``UTREDNING_PGPASSWORD``; else libpq's own (URL, PGPASSWORD,
    ~/.pgpass)."""
    chosen = schema or location.schema
    password = password or os.environ.get("UTREDNING_PGPASSWORD") or None
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": APPLICATION_NAME,
    }
    # Who wrote a change, as the LISTEN/NOTIFY trigger tells it (storage.server_notify): one
    # id per engine, so an app skips the notifications of its own writes.
    options = [f"-c {CLIENT_SETTING}={uuid.uuid4().hex}"]
    if chosen:
        options.append(f"-c search_path={_quote(chosen)},public")
    connect_args["options"] = " ".join(options)
    if password:
        connect_args["password"] = password
    url = location.url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True, pool_size=3)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Every statement sees dates and text the same way on every client.
        cursor = dbapi_connection.cursor()
        cursor.execute("SET TIME ZONE 'UTC'")
        cursor.close()
        dbapi_connection.commit()

    return engine


def server_error(exc: BaseException, location: ServerLocation) -> UserError | None:
    """A Swedish message for a PostgreSQL failure, or None (a bug stays a bug)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    try:
        import psycopg
        from psycopg import errors as pgerr
    except ImportError:  # pragma: no cover - a dependency
        return None
    if not isinstance(orig, psycopg.Error):
        return None
    where = location.display()
    unsaved = "Ändringen sparades inte; allt som sparats tidigare finns kvar på servern."
    detail = (str(orig).strip().splitlines() or [""])[0][:200]
    if isinstance(orig, pgerr.InsufficientPrivilege) and "row-level security" in detail:
        return ReadOnlyFile(
            f"Servern {where} godtog inte ändringen: raden skulle hamna utanför det du får se "
            f"(privat för någon annan eller ett annat partis). {unsaved}"
        )
    if isinstance(orig, pgerr.InsufficientPrivilege):
        return ReadOnlyFile(
            f"Du har inte behörighet till det här på {where} ({detail}). {unsaved} "
            "Be den som sköter servern om behörighet."
        )
    if (
        isinstance(orig, pgerr.InvalidPassword | pgerr.InvalidAuthorizationSpecification)
        or "authentication failed" in detail
        or "no password supplied" in detail
    ):
        return FileOpenError(
            f"Inloggningen till {where} misslyckades: fel användarnamn eller lösenord."
        )
    if isinstance(orig, pgerr.InvalidCatalogName):
        return FileOpenError(f"Databasen på {where} finns inte ({detail}).")
    if isinstance(orig, pgerr.UndefinedTable | pgerr.UndefinedColumn | pgerr.InvalidSchemaName):
        return CorruptFile(
            f"Utredningen på {where} har en annan databasstruktur än programmet väntar sig "
            f"({detail})."
        )
    if isinstance(orig, pgerr.DiskFull):
        return StorageError(f"Servern {where} har fullt på disken. {unsaved}")
    if isinstance(orig, pgerr.IntegrityError):
        return ValidationError(f"Servern {where} godtog inte ändringen ({detail}). {unsaved}")
    if isinstance(orig, pgerr.OperationalError | psycopg.OperationalError) or isinstance(
        exc, OperationalError | InterfaceError
    ):
        return StorageError(
            f"Kontakten med servern {where} bröts eller gick inte att få ({detail}). Inget "
            "som inte redan sparats har skrivits. Kontrollera adressen och nätverket och försök "
            "igen, eller arbeta offline i en hämtad kopia."
        )
    return None


@contextlib.contextmanager
def server_errors(location: ServerLocation) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        mapped = server_error(exc, location)
        if mapped is None:
            raise
        raise mapped from exc


# ---------------------------------------------------------------- investigations on a server


def list_schemas(engine: Engine) -> list[str]:
    """Schemas in the database that hold an investigation (an Alembic version table)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT table_schema FROM information_schema.tables "
                "WHERE table_name = 'alembic_version' AND table_schema NOT IN "
                "('public', 'information_schema') ORDER BY table_schema"
            )
        ).scalars()
        return [str(r) for r in rows]


def schema_revision(engine: Engine, schema: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            text(f"SELECT version_num FROM {_quote(schema)}.alembic_version")
        ).scalar_one_or_none()


def resolve_schema(location: ServerLocation, engine: Engine) -> str:
    """The investigation to open: the one named, or the only one in the database."""
    schemas = list_schemas(engine)
    if location.schema is not None:
        if location.schema not in schemas:
            known = ", ".join(schemas) or "inga"
            raise FileOpenError(
                f"Det finns ingen utredning «{location.schema}» på {location.display()} "
                f"(utredningar där: {known})."
            )
        return location.schema
    if len(schemas) == 1:
        return schemas[0]
    if not schemas:
        raise FileOpenError(
            f"Det finns ingen utredning på {location.display()}. Skapa en med "
            "«utredning new URL --utredning NAMN --titel …» eller «utredning demo URL»."
        )
    raise ValidationError(
        f"Det finns flera utredningar på {location.display()}: {', '.join(schemas)}. "
        "Välj en med --utredning NAMN."
    )


def run_server_migrations(engine: Engine, schema: str) -> None:
    """Create or upgrade ``schema`` to head with the same Alembic chain as files."""
    from alembic import command

    from utredning_app.storage.migrate import alembic_config

    with engine.connect() as conn, conn.begin():
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {_quote(schema)}"))
        conn.execute(text(f"SET LOCAL search_path TO {_quote(schema)}, public"))
        # Once the investigation has its owner role (0006_server), upgrades run as that role,
        # so what they create is owned by it and granted to its members like the rest.
        owner = owner_role(schema)
        owned = conn.execute(
            text(
                "SELECT pg_has_role(current_user, r.oid, 'MEMBER') FROM pg_namespace n "
                "JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = :s AND r.rolname = :o"
            ),
            {"s": schema, "o": owner},
        ).scalar()
        if owned:
            conn.execute(text(f'SET LOCAL ROLE "{owner}"'))
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class ServerDatabase(Database):
    """An open investigation on a server, with the unit-of-work API of ``Database``.

    File-only operations (backups, the lock, ``dela``) reach ``path``, which refuses with a
    message saying so.
    """

    def __init__(
        self, location: ServerLocation, engine: Engine, *, read_only: bool, actor: str = ""
    ) -> None:
        self._location = location
        self.engine = engine
        self.read_only = read_only
        self.actor = actor
        self.lock = None
        self.snapshot = None
        self.facts = None
        self.backup_counter: int | None = None
        self.backup_at: float | None = None
        self.backup_warning: str | None = None
        self.backup_root = None

    is_server = True

    @property
    def upgraded_copy(self) -> bool:
        return False

    @property
    def file_path(self) -> Path | None:
        return None

    def errors(self) -> contextlib.AbstractContextManager[None]:
        return server_errors(self._location)

    @property
    def location(self) -> ServerLocation:
        return self._location

    @property
    def name(self) -> str:
        return self._location.name

    @property
    def path(self) -> Path:
        raise StorageError(
            f"Det här går bara med en utredningsfil, inte med en utredning på servern "
            f"{self._location.display()}. Hämta en kopia (utredning hamta) och gör det där."
        )

    @path.setter
    def path(self, value: Path) -> None:
        raise AttributeError("a server investigation has no file")

    def check_still_there(self) -> None:
        return None

    @contextlib.contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Session]:
        if self.read_only:
            raise ReadOnlyFile(f"Utredningen {self.name} är öppnad skrivskyddad.")
        session = AuditedSession(
            self.engine,
            expire_on_commit=False,
            info={"actor": actor if actor is not None else self.actor, "path": None},
        )
        try:
            with server_errors(self._location), session.begin():
                yield session
        finally:
            session.close()

    def revision_and_size(self, session: Session) -> tuple[str, int]:
        """The schema's Alembic revision and the bytes its tables and indexes take."""
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        size = session.execute(
            text(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
            )
        ).scalar()
        return str(revision or ""), int(size or 0)

    def _no_investigation(self) -> str:
        return f"Utredningen {self.name} på servern är tom."

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ServerDatabase:
        return self


def open_server(
    location: ServerLocation,
    *,
    read_only: bool = False,
    actor: str = "",
    password: str | None = None,
) -> ServerDatabase:
    """Open the investigation at ``location``; the schema must be at this app's revision
    (an older one is upgraded: the server's backups are pg_dump's job)."""
    probe = make_server_engine(location, password=password)
    try:
        with server_errors(location):
            schema = resolve_schema(location, probe)
            revision = schema_revision(probe, schema)
    finally:
        probe.dispose()
    chosen = location.with_schema(schema)
    if revision not in KNOWN_REVISIONS:
        raise CorruptFile(
            f"Utredningen {schema} på servern har schemaversion {revision}, som den här "
            "versionen av programmet inte känner till. Uppdatera programmet."
        )
    engine = make_server_engine(chosen, password=password)
    if revision != HEAD_REVISION:
        if read_only:
            engine.dispose()
            raise ReadOnlyFile(
                f"Utredningen {schema} på servern behöver uppgraderas ({revision} → "
                f"{HEAD_REVISION}); öppna den skrivbar en gång (den som äger schemat)."
            )
        with server_errors(chosen):
            run_server_migrations(engine, schema)
    return ServerDatabase(chosen, engine, read_only=read_only, actor=actor)


def create_server_investigation(
    location: ServerLocation,
    *,
    title: str,
    diarienummer: str = "",
    actor: str = "",
    password: str | None = None,
) -> ServerDatabase:
    """Create the investigation ``location.schema`` (which must not exist) at head."""
    if location.schema is None:
        raise ValidationError(
            "Ange vad utredningen ska heta på servern med --utredning NAMN "
            "(små bokstäver, siffror och _)."
        )
    if not title.strip():
        raise ValidationError("Utredningen måste ha en titel.")
    from utredning_app.domain.validation import raise_if_invalid

    raise_if_invalid("investigation", "Utredningen", {"title": title, "diarienummer": diarienummer})
    engine = make_server_engine(location, password=password)
    try:
        with server_errors(location):
            if location.schema in list_schemas(engine):
                raise ValidationError(
                    f"Det finns redan en utredning «{location.schema}» på {location.display()}; "
                    "välj ett annat namn."
                )
            with engine.connect() as conn:
                exists = conn.execute(
                    text("SELECT 1 FROM pg_namespace WHERE nspname = :s"),
                    {"s": location.schema},
                ).first()
            if exists:
                raise ValidationError(
                    f"Schemat «{location.schema}» finns redan i databasen men är ingen "
                    "utredning; välj ett annat namn."
                )
            run_server_migrations(engine, location.schema)
    except BaseException:
        engine.dispose()
        raise
    db = ServerDatabase(location, engine, read_only=False, actor=actor)
    with db.transaction() as session:
        session.add(Investigation(title=title.strip(), diarienummer=diarienummer.strip()))
    return db


def drop_server_investigation(location: ServerLocation, *, password: str | None = None) -> None:
    """Remove an investigation's schema (a demo that failed half-way, and the tests)."""
    assert location.schema is not None
    engine = make_server_engine(location, password=password)
    try:
        with server_errors(location), engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {_quote(location.schema)} CASCADE"))
    finally:
        engine.dispose()
