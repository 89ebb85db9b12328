"""The open JSON archive: the whole investigation as one documented, versioned JSON file.

Format (``resources/schema/arkiv-v2.schema.json`` is the normative JSON Schema)::

    {"format": "utredningsstod-arkiv", "format_version": 2,
     "schema_revision": "0005_merge", "private_included": true,
     "tables": {"investigation": [{...every column...}], ..., "audit_entry": [...]},
     "versions": {"replica_state": [...], "field_version": [...], ...}}

``versions`` (new in format 2) holds the merge bookkeeping (storage/versions.py): the replica
id and clock, the version vector, per-row and per-field versions, long-text bases, open
conflicts and merge provenance, so ``dela`` and ``import-json`` keep a copy mergeable. A
format-1 archive (``arkiv-v1.schema.json``) still imports: its rows get no version rows, so
every field has the legacy version derived from its value (the same on every copy). The
file identity of the replica is never exported: an imported file is another file, so it
mints its own replica id on its first write.

Values: text/int/float/bool/null as JSON; dates ``YYYY-MM-DD``; timestamps
``YYYY-MM-DDTHH:MM:SS[.ffffff]`` (UTC); binary (attachment.data) base64. Rows are sorted by
id (the audit log by time), keys sorted, so export → import → export is byte-identical.

Import is all or nothing: the archive is validated (schema, duplicate ids, references,
constraints), written into a temporary file and renamed into place only when complete.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Enum, Float, Integer, LargeBinary, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.type_api import TypeEngine

from utredning_app import __version__
from utredning_app.domain.visibility import PRIVATE_TABLES
from utredning_app.domain.visibility import is_private_row as _is_private
from utredning_app.errors import ArchiveError, os_reason
from utredning_app.services.atomic import (
    check_name_length,
    refuse_database_target,
    write_bytes_atomic,
)
from utredning_app.services.shared_history import shareable_audit_rows, shared_history
from utredning_app.services.temp_files import remove_stale_work_files
from utredning_app.storage.base import Base
from utredning_app.storage.database import (
    build_empty_file,
    journal_path,
    open_database,
)
from utredning_app.storage.engine import make_engine
from utredning_app.storage.location import Location
from utredning_app.storage.models import TABLE_LABELS, TRACKED_MODELS, AuditEntry
from utredning_app.storage.schema_version import HEAD_REVISION
from utredning_app.storage.versions import BOOKKEEPING_TABLES, merge_conflict, text_base

FORMAT_NAME = "utredningsstod-arkiv"
FORMAT_VERSION = 2
SUPPORTED_FORMATS = (1, 2)
# Local to one file on one disk: never exported (an imported file mints its own replica id).
_LOCAL_COLUMNS = {"file_identity"}
MAX_ARCHIVE_BYTES = 2 * 1024**3
# Columns of the investigation's tables that belong to one file, not to the investigation:
# response.search_key is the search index's key, which the database's triggers number per
# file. Never archived (an imported file numbers its answers anew), never merged.
FILE_LOCAL_COLUMNS: frozenset[tuple[str, str]] = frozenset({("response", "search_key")})

# Tables in archive order: parents before children, the audit log last.
ARCHIVE_TABLES: tuple[Table, ...] = (
    *(Base.metadata.tables[str(m.__tablename__)] for m in TRACKED_MODELS),  # type: ignore[attr-defined]
    Base.metadata.tables[AuditEntry.__tablename__],
)


# Columns added after format 2 was first written (migration 0006_server): optional in the
# format-2 schema, so archives written before them still import (with the column's default).
LATER_COLUMNS: frozenset[tuple[str, str]] = frozenset({("member", "login")})


def archived_columns(table: Table) -> list[Any]:
    """The columns of ``table`` an archive holds (all but the file-local ones)."""
    return [c for c in table.columns if (table.name, c.name) not in FILE_LOCAL_COLUMNS]


def _impl(type_: TypeEngine[Any]) -> TypeEngine[Any]:
    return getattr(type_, "impl_instance", None) or getattr(type_, "impl", None) or type_


def _encode(value: Any, type_: TypeEngine[Any]) -> Any:
    if value is None:
        return None
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(type_, Enum) and isinstance(value, enum.Enum):
        return value.value
    return value


def _decode(value: Any, type_: TypeEngine[Any]) -> Any:
    if value is None:
        return None
    base = _impl(type_) if not isinstance(type_, Enum) else type_
    if isinstance(base, LargeBinary):
        return base64.b64decode(value, validate=True)
    if isinstance(base, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(base, Date):
        return dt.date.fromisoformat(value)
    if isinstance(type_, Enum):
        enum_cls = type_.enum_class
        return enum_cls(value) if enum_cls is not None else value
    if isinstance(base, Float):
        return float(value)
    return value


def _decode_row(source: Path, table: Table, index: int, row: dict[str, Any]) -> dict[str, Any]:
    """Decode one archive row; a value the schema's pattern let through but that is not a real
    date, time or base64 (``2023-13-45``) becomes an ArchiveError naming where it is."""
    decoded: dict[str, Any] = {}
    for column in archived_columns(table):
        try:
            value = _decode(row[column.name], column.type)
            _storable(value)
            decoded[column.name] = value
        except (ValueError, TypeError, OverflowError) as exc:  # binascii.Error is a ValueError
            shown = json.dumps(row[column.name], ensure_ascii=True)[:60]
            raise ArchiveError(
                f"{source.name}: {_label(table.name)}, rad {index + 1}, fältet {column.name}: "
                f"ogiltigt värde {shown}{_why(exc)}."
            ) from exc
    return decoded


SQLITE_INT_MIN, SQLITE_INT_MAX = -(2**63), 2**63 - 1


def _storable(value: Any) -> None:
    """Raise ValueError for a value SQLite cannot store: an integer beyond 64 bits, or text
    with a lone surrogate (``"\\ud800"`` is valid JSON but not encodable as UTF-8). Other
    control characters are let through, so that an archive of an older file still imports."""
    if isinstance(value, int) and not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX:
        raise ValueError("talet är för stort")
    if isinstance(value, str) and _SURROGATE.search(value):
        raise ValueError(_CONTROL_TEXT)


def _why(exc: BaseException) -> str:
    text = str(exc)
    return f" ({text})" if text in ("talet är för stort", _CONTROL_TEXT) else ""


_CONTROL_TEXT = "texten innehåller ett ogiltigt tecken (ensamt surrogattecken)"
_SURROGATE = re.compile("[\ud800-\udfff]")


def build_archive(path: Location, *, include_private: bool = True) -> dict[str, Any]:
    """Read the whole file into the archive structure (read-only)."""
    db = open_database(path, read_only=True)
    tables: dict[str, list[dict[str, Any]]] = {}
    dropped: set[str] = set()
    try:
        with db.errors(), db.engine.connect() as conn:
            history = None if include_private else shared_history(conn)
            if history is not None:
                dropped |= history.withheld_rows
            for table in ARCHIVE_TABLES:
                order = [table.c.at, table.c.id] if table.name == "audit_entry" else [table.c.id]
                rows: list[dict[str, Any]] = []
                # Rows hanging on a dropped private row go too (a private dissent's
                # signatories), or the shared archive would point at rows it lacks.
                parents = [fk.parent.name for fk in table.foreign_keys]
                source = (
                    shareable_audit_rows(conn, history)
                    if table.name == "audit_entry" and history is not None
                    else conn.execute(select(table).order_by(*order)).mappings()
                )
                for row in source:
                    if not include_private and (
                        row["id"] in dropped
                        or _is_private(table.name, dict(row))
                        or any(row[c] is not None and row[c] in dropped for c in parents)
                    ):
                        dropped.add(row["id"])
                        continue
                    if (
                        not include_private
                        and table.name == "audit_entry"
                        and (row["row_id"] in dropped)
                    ):
                        dropped.add(row["id"])
                        continue
                    rows.append(
                        {c.name: _encode(row[c.name], c.type) for c in archived_columns(table)}
                    )
                tables[table.name] = rows
            versions = _bookkeeping_rows(conn, dropped, None if include_private else tables)
    finally:
        db.close()
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema_revision": HEAD_REVISION,
        "app_version": __version__,
        "private_included": include_private,
        "tables": tables,
        "versions": versions,
    }


def _bookkeeping_columns(table: Table) -> list[Any]:
    return [c for c in table.columns if c.name not in _LOCAL_COLUMNS]


def _bookkeeping_rows(
    conn: Any, dropped: set[str], shared: dict[str, list[dict[str, Any]]] | None
) -> dict[str, list[dict[str, Any]]]:
    """The merge bookkeeping, without anything about rows left out (private ones).

    ``shared`` (the exported rows, when private content is left out): older versions of a
    text in a table with private rows are left out too, as they may date from when the row
    was private; only the current text is kept."""
    current: dict[tuple[str, str, str], Any] = {}
    if shared is not None:
        for table_name in PRIVATE_TABLES:
            for row in shared.get(table_name, []):
                for column, value in row.items():
                    current[(table_name, row["id"], column)] = value
    out: dict[str, list[dict[str, Any]]] = {}
    for table in BOOKKEEPING_TABLES:
        columns = _bookkeeping_columns(table)
        keys = [c for c in table.primary_key.columns]
        link = "row_id" if "row_id" in table.c else ("audit_id" if "audit_id" in table.c else None)
        rows: list[dict[str, Any]] = []
        if shared is not None and table is merge_conflict:
            # Open conflicts are this file's to resolve: a shared copy does not get them.
            out[table.name] = rows
            continue
        for row in conn.execute(select(table).order_by(*keys)).mappings():
            if link is not None and row[link] in dropped:
                continue
            if (
                shared is not None
                and table is text_base
                and row["table_name"] in PRIVATE_TABLES
                and current.get((row["table_name"], row["row_id"], row["column_name"]))
                != row["value"]
            ):
                continue
            rows.append({c.name: _encode(row[c.name], c.type) for c in columns})
        out[table.name] = rows
    return out


def dumps(archive: dict[str, Any]) -> str:
    return json.dumps(archive, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def export_archive(path: Location, out: Path, *, include_private: bool = True) -> Path:
    """Write the archive to ``out`` atomically (temporary file, then rename).

    ``out`` may not be a SQLite file (the investigation itself, or another one): the rename
    would replace the investigation with its JSON text, and the user would lose the file.
    """
    refuse_database_target(Path(out), suggestion=Path(out).with_suffix(".json").name)
    text = dumps(build_archive(path, include_private=include_private))
    write_bytes_atomic(Path(out), text.encode("utf-8"))
    return out


# ------------------------------------------------------------------ import


def _label(table: str) -> str:
    return f"tabellen {table} ({TABLE_LABELS.get(table, table)})"


def _where(parts: Iterable[Any]) -> str:
    items = list(parts)
    if len(items) >= 3 and items[0] == "tables":
        text = f"{_label(str(items[1]))}, rad {int(items[2]) + 1}"
        if len(items) >= 4:
            text += f", fältet {items[3]}"
        return text
    return "arkivets " + ("/".join(str(p) for p in items) or "rotnivå")


_TYPE_SV = {
    "string": "text",
    "integer": "heltal",
    "number": "tal",
    "boolean": "sant/falskt",
    "object": "objekt",
    "array": "lista",
    "null": "tomt",
}


def _schema_error_message(error: Any, source: Path) -> str:
    where = _where(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = [f for f in error.validator_value if f not in (error.instance or {})]
        return f"{source.name}: {where}: fältet {', '.join(missing)} saknas."
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{source.name}: {where}: okänt fält {', '.join(extra)}."
    if kind == "type":
        wanted = error.validator_value
        wanted_list = wanted if isinstance(wanted, list) else [wanted]
        names = " eller ".join(_TYPE_SV.get(str(w), str(w)) for w in wanted_list)
        shown = json.dumps(error.instance, ensure_ascii=False)[:60]
        return f"{source.name}: {where}: ska vara {names}, men är {shown}."
    if kind == "enum" or kind == "const":
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        shown = json.dumps(error.instance, ensure_ascii=False)[:60]
        options = ", ".join(str(a) for a in allowed if a is not None)
        return f"{source.name}: {where}: ogiltigt värde {shown} (tillåtet: {options})."
    if kind == "pattern" or kind == "format":
        shown = json.dumps(error.instance, ensure_ascii=False)[:60]
        return f"{source.name}: {where}: fel format på {shown}."
    if kind == "maxLength":
        return f"{source.name}: {where}: texten är längre än {error.validator_value} tecken."
    return f"{source.name}: {where}: {error.message}."


def load_schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    from utredning_app import paths

    schema_file = paths.schema_dir() / f"arkiv-v{version}.schema.json"
    data: dict[str, Any] = json.loads(schema_file.read_text(encoding="utf-8"))
    return data


def read_archive(source: Path) -> dict[str, Any]:
    """Parse and validate an archive file; raise ArchiveError naming where it is wrong."""
    source = Path(source)
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise ArchiveError(f"Arkivet {source} kan inte läsas: {os_reason(exc)}.") from exc
    if size > MAX_ARCHIVE_BYTES:
        raise ArchiveError(f"Arkivet {source.name} är för stort ({size // 1024**2} MB).")
    try:
        data = json.loads(source.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ArchiveError(
            f"{source.name}: filen är inte UTF-8-kodad text (byte {exc.start})."
        ) from exc
    except json.JSONDecodeError as exc:
        raise ArchiveError(
            f"{source.name}: ogiltig JSON på rad {exc.lineno}, kolumn {exc.colno}: {exc.msg}."
        ) from exc
    except RecursionError as exc:  # "[[[[…" a hundred thousand deep: hostile, not an archive
        raise ArchiveError(f"{source.name}: JSON-strukturen är för djupt nästlad.") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ArchiveError(f"{source.name} är inte ett arkiv från Utredningsstöd.")
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ArchiveError(
            f"{source.name} har arkivformat {version}, som är nyare än programmets "
            f"({FORMAT_VERSION}). Uppdatera programmet."
        )
    import jsonschema

    # bool is an int in Python (True == 1): only a real integer names a format
    known = isinstance(version, int) and not isinstance(version, bool)
    known = known and version in SUPPORTED_FORMATS
    schema_version = version if isinstance(version, int) and known else FORMAT_VERSION
    validator = jsonschema.Draft202012Validator(load_schema(schema_version))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = jsonschema.exceptions.best_match(errors)
        more = f" ({len(errors) - 1} fel till)" if len(errors) > 1 else ""
        raise ArchiveError(_schema_error_message(first, source) + more)
    if known:
        _complete_format_1(data)  # also fills LATER_COLUMNS missing from a format-2 archive
    _check_consistency(data, source)
    return data


def _column_default(column: Any) -> Any:
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return _encode(default.arg, column.type)
    server = column.server_default
    if server is not None and isinstance(getattr(server, "arg", None), str):
        return _decode_text_default(server.arg, column.type)
    return None


def _decode_text_default(text: str, type_: Any) -> Any:
    base = _impl(type_)
    if isinstance(base, Integer | Boolean):
        return int(text) if isinstance(base, Integer) else text not in ("0", "false")
    return text


def _complete_format_1(data: dict[str, Any]) -> None:
    """A format-1 archive (schema revision 0002) lacks the tables and columns that came later:
    the tables are empty and each missing column takes the value a migration gives an
    existing row (its default), so the archive imports as a file upgraded from 0002 would."""
    tables: dict[str, list[dict[str, Any]]] = data["tables"]
    for table in ARCHIVE_TABLES:
        rows = tables.setdefault(table.name, [])
        for column in archived_columns(table):
            if not any(column.name not in row for row in rows):
                continue
            value = _column_default(column)
            for row in rows:
                row.setdefault(column.name, value)


def _check_consistency(data: dict[str, Any], source: Path) -> None:
    tables: dict[str, list[dict[str, Any]]] = data["tables"]
    ids: dict[str, set[str]] = {}
    for table in ARCHIVE_TABLES:
        seen: set[str] = set()
        for index, row in enumerate(tables[table.name]):
            if row["id"] in seen:
                raise ArchiveError(
                    f"{source.name}: {_label(table.name)}, rad {index + 1}: id {row['id']} "
                    "förekommer flera gånger."
                )
            seen.add(row["id"])
        ids[table.name] = seen
    for table in ARCHIVE_TABLES:
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            column = fk.parent.name
            for index, row in enumerate(tables[table.name]):
                ref = row.get(column)
                if ref is not None and ref not in ids[parent]:
                    raise ArchiveError(
                        f"{source.name}: {_label(table.name)}, rad {index + 1}, fältet {column}: "
                        f"pekar på {ref}, som inte finns i {_label(parent)}."
                    )
    live = [r for r in tables["investigation"] if r["deleted_at"] is None]
    if len(live) != 1:
        raise ArchiveError(
            f"{source.name}: arkivet ska innehålla exakt en utredning, men innehåller {len(live)}."
        )


def import_archive(source: Path, target: Path, *, data: dict[str, Any] | None = None) -> Any:
    """Create ``target`` from the archive ``source``. Returns the open Database.

    ``data``: an archive already in memory (from :func:`build_archive`); ``source`` then only
    names it in messages, and no JSON text is written anywhere on the way.
    """
    target = Path(target)
    source = Path(source)
    check_name_length(target, error=ArchiveError)
    if target.exists():
        raise ArchiveError(f"Filen {target} finns redan; välj ett nytt filnamn.")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise ArchiveError(f"Mappen {parent} finns inte.")
    if data is None:
        data = read_archive(source)
    else:
        _check_consistency(data, source)
    remove_stale_work_files(parent)  # left by an import that was killed
    fd, tmp_name = tempfile.mkstemp(prefix=".import-", suffix=".utredning", dir=parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        build_empty_file(tmp)
        engine = make_engine(tmp)
        try:
            with engine.begin() as conn:
                for table in ARCHIVE_TABLES:
                    rows = data["tables"][table.name]
                    if not rows:
                        continue
                    decoded = [
                        _decode_row(source, table, index, row) for index, row in enumerate(rows)
                    ]
                    try:
                        conn.execute(table.insert(), decoded)
                    except IntegrityError as exc:
                        raise ArchiveError(
                            f"{source.name}: {_label(table.name)}: ogiltiga värden "
                            f"({_constraint_sv(str(exc.orig))})."
                        ) from exc
                _import_bookkeeping(conn, source, data.get("versions") or {})
        finally:
            engine.dispose()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        journal_path(tmp).unlink(missing_ok=True)
        raise
    return open_database(target)


def _import_bookkeeping(conn: Any, source: Path, versions: dict[str, Any]) -> None:
    for table in BOOKKEEPING_TABLES:
        rows = versions.get(table.name) or []
        if not rows:
            continue
        try:
            conn.execute(table.insert(), [dict(row) for row in rows])
        except IntegrityError as exc:
            raise ArchiveError(
                f"{source.name}: versionsuppgifterna i {table.name} är ogiltiga "
                f"({_constraint_sv(str(exc.orig))})."
            ) from exc


_CONSTRAINTS_SV = {
    "ck_estimate_value_ordered": "låg ≤ bas ≤ hög gäller inte",
    "ck_estimate_value_year": "årtalet är orimligt",
    "ck_investigation_score_range": "skalans lägsta värde måste vara mindre än det högsta",
    "ck_investigation_horizon": "planeringshorisonten måste vara 1–50 år",
    "ck_investigation_discount_rate": "diskonteringsräntan måste vara 0–100 %",
    "ck_proposal_number": "förslagsnumret måste vara positivt",
    "ck_consultation_round_dates": "sista svarsdag ligger före utskicksdatum",
    "ck_quote_offsets": "citatets position är ogiltig",
    "ck_criterion_weight": "vikten får inte vara negativ",
    "ck_profile_weight_weight": "vikten får inte vara negativ",
    "ck_provider_unit_employees": "antalet anställda får inte vara negativt",
}


def _constraint_sv(message: str) -> str:
    for name, text in _CONSTRAINTS_SV.items():
        if name in message:
            return text
    if "UNIQUE" in message:
        return "samma koppling förekommer två gånger: " + message.split(":")[-1].strip()
    return message


# ------------------------------------------------------------------ JSON Schema


def _column_schema(column: Any) -> dict[str, Any]:
    type_ = column.type
    base = _impl(type_)
    schema: dict[str, Any]
    if isinstance(type_, Enum):
        schema = {"type": "string", "enum": list(type_.enums)}
    elif isinstance(base, Boolean):
        schema = {"type": "boolean"}
    elif isinstance(base, Integer):
        schema = {"type": "integer"}
    elif isinstance(base, Float):
        schema = {"type": "number"}
    elif isinstance(base, DateTime):
        schema = {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$",
        }
    elif isinstance(base, Date):
        schema = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif isinstance(base, LargeBinary):
        schema = {"type": "string", "contentEncoding": "base64"}
    else:
        schema = {"type": "string"}
        length = getattr(base, "length", None)
        if length:
            schema["maxLength"] = length
    if column.nullable:
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        schema["type"] = [schema["type"], "null"]
    if column.comment:
        schema["description"] = column.comment
    return schema


def _bookkeeping_schema() -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for table in BOOKKEEPING_TABLES:
        columns = _bookkeeping_columns(table)
        tables[table.name] = {
            "type": "array",
            "description": str(table.comment or table.name),
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [c.name for c in columns],
                "properties": {c.name: _column_schema(c) for c in columns},
            },
        }
    return {
        "type": "object",
        "description": "Versionsuppgifter för sammanslagning av kopior (format 2).",
        "additionalProperties": False,
        "required": [t.name for t in BOOKKEEPING_TABLES],
        "properties": tables,
    }


def json_schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    """The archive's JSON Schema, generated from the ORM metadata (``version`` 1 or 2)."""
    tables: dict[str, Any] = {}
    for table in ARCHIVE_TABLES:
        tables[table.name] = {
            "type": "array",
            "description": TABLE_LABELS.get(table.name, table.name),
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    c.name
                    for c in archived_columns(table)
                    if (table.name, c.name) not in LATER_COLUMNS
                ],
                "properties": {c.name: _column_schema(c) for c in archived_columns(table)},
            },
        }
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://utredningsstod.example/arkiv-v{version}.schema.json",
        "title": "Utredningsstöd – öppet arkiv för en utredning",
        "description": (
            "Hela utredningen som JSON. Datum ÅÅÅÅ-MM-DD, tidpunkter i UTC "
            "(ÅÅÅÅ-MM-DDTHH:MM:SS[.ffffff]), binärdata base64. Rader sorteras på id, "
            "ändringsloggen på tid."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": [
            "format",
            "format_version",
            "schema_revision",
            "app_version",
            "private_included",
            "tables",
        ],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "format_version": {"const": version},
            "schema_revision": {"type": "string"},
            "app_version": {"type": "string"},
            "private_included": {"type": "boolean"},
            "tables": {
                "type": "object",
                "additionalProperties": False,
                "required": [t.name for t in ARCHIVE_TABLES],
                "properties": tables,
            },
        },
    }
    if version >= 2:
        schema["required"].append("versions")
        schema["properties"]["versions"] = _bookkeeping_schema()
    return schema


if __name__ == "__main__":  # regenerate: python -m utredning_app.services.archive [1|2]
    import sys

    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else FORMAT_VERSION
    print(json.dumps(json_schema(wanted), ensure_ascii=False, indent=2))
