"""Where an investigation lives: a file (``Path``) or a schema on a PostgreSQL server.

Every command and the GUI take either. A server address is a libpq URL
(``postgresql://anna@server.region.se/utredningar``); the investigation is a PostgreSQL
schema in that database, named by ``--utredning NAMN`` (or ``?utredning=NAMN`` in the URL),
and may be left out when the database holds only one. Passwords never live in the URL the
app keeps or prints (:meth:`ServerLocation.display`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from utredning_app.errors import ValidationError

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
# A schema name we create and accept: lower-case letters, digits and _, starting with a
# letter, at most 50 characters (PostgreSQL allows 63; the rest is room for our prefixes).
SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
RESERVED = ("pg_", "information_schema", "public")


def is_server_address(value: object) -> bool:
    """True for ``postgresql://…`` (also when it came through ``Path``, which folds ``//``)."""
    text = str(value)
    return any(text.startswith(f"{scheme}:/") for scheme in SERVER_SCHEMES)


def check_schema_name(name: str) -> str:
    """The investigation's schema name, or a Swedish message saying what is allowed."""
    if not SCHEMA_NAME.match(name) or name.startswith(RESERVED):
        raise ValidationError(
            f"«{name}» kan inte vara namnet på en utredning på servern: använd små bokstäver "
            "a–z, siffror och _ (börja med en bokstav, högst 50 tecken), t.ex. «styrning2026»."
        )
    return name


@dataclass(frozen=True)
class ServerLocation:
    """One investigation (``schema``, or None: the only one) in one PostgreSQL database."""

    url: str
    schema: str | None = None

    @classmethod
    def parse(cls, address: str, schema: str | None = None) -> ServerLocation:
        text = str(address)
        for scheme in SERVER_SCHEMES:  # Path("postgresql://h/db") gives "postgresql:/h/db"
            if text.startswith(f"{scheme}:/") and not text.startswith(f"{scheme}://"):
                text = f"{scheme}://" + text[len(scheme) + 2 :]
        parts = urlsplit(text)
        if parts.scheme not in SERVER_SCHEMES or not parts.path.strip("/"):
            raise ValidationError(
                f"«{cls._redact(text)}» är ingen serveradress. Skriv den som "
                "postgresql://användare@server/databas (t.ex. postgresql://anna@localhost/utredningar)."
            )
        query = dict(parse_qsl(parts.query))
        from_url = query.pop("utredning", None)
        chosen = schema or from_url
        if chosen is not None:
            check_schema_name(chosen)
        clean = urlunsplit(("postgresql", parts.netloc, parts.path, urlencode(query), ""))
        return cls(clean, chosen)

    @staticmethod
    def _redact(url: str) -> str:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        user = parts.username or ""
        return urlunsplit((parts.scheme, f"{user}:***@{host}{port}", parts.path, parts.query, ""))

    @property
    def user(self) -> str:
        return urlsplit(self.url).username or ""

    @property
    def database(self) -> str:
        return urlsplit(self.url).path.strip("/")

    @property
    def name(self) -> str:
        """What messages call it: the investigation's schema, or the database."""
        return self.schema or self.database

    def with_password(self, password: str) -> ServerLocation:
        """The same address with ``password`` in it (kept in memory only)."""
        from urllib.parse import quote

        parts = urlsplit(self.url)
        user = quote(parts.username or "", safe="")
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        netloc = f"{user}:{quote(password, safe='')}@{host}{port}" if password else parts.netloc
        return ServerLocation(
            urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), self.schema
        )

    @property
    def has_password(self) -> bool:
        return urlsplit(self.url).password is not None

    def with_schema(self, schema: str) -> ServerLocation:
        return ServerLocation(self.url, check_schema_name(schema))

    def address(self) -> str:
        """The full address to hand on in this process (may hold a password: never print)."""
        if not self.schema:
            return self.url
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}utredning={self.schema}"

    def display(self) -> str:
        """The address without a password, with the investigation: for messages and lists."""
        base = self._redact(self.url)
        return f"{base} (utredning {self.schema})" if self.schema else base

    def __str__(self) -> str:
        return self.display()


Location = Path | ServerLocation


def as_location(value: str | Path | ServerLocation, schema: str | None = None) -> Location:
    """A command-line argument or a stored value as a file path or a server location."""
    if isinstance(value, ServerLocation):
        return value.with_schema(schema) if schema else value
    if is_server_address(value):
        return ServerLocation.parse(str(value), schema)
    return Path(value)
