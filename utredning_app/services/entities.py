"""Generic use cases on any tracked row: create, update, soft delete, restore, read.

Every function is one user action = one transaction, takes and returns plain values
(``dict[str, Any]`` keyed by column name, ids as strings), validates with
:mod:`utredning_app.domain.validation` before writing, and turns database constraint
failures into a Swedish :class:`ValidationError`. The GUI's undo steps are built on these
(services/edits.py): undo of a create is a soft delete, undo of a delete is a restore, undo of
an update is an update back to the old values.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, UniqueConstraint, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from utredning_app.domain.validation import FieldValidationError, Scale, validate
from utredning_app.errors import ValidationError
from utredning_app.storage.base import TrackedMixin, utcnow
from utredning_app.storage.database import Database
from utredning_app.storage.models import TABLE_LABELS, TRACKED_MODELS, Investigation

MODELS: dict[str, type[TrackedMixin]] = {
    m.__tablename__: m  # type: ignore[attr-defined]
    for m in TRACKED_MODELS
}
SYSTEM_COLUMNS = frozenset({"id", "created_at", "updated_at", "updated_by", "deleted_at"})

Row = dict[str, Any]


def model_for(table: str) -> type[TrackedMixin]:
    try:
        return MODELS[table]
    except KeyError:
        raise ValidationError(f"Okänd tabell: {table}.") from None


def label_for(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def table_labels() -> dict[str, str]:
    """Every table's Swedish label (for pickers such as the Ändringslogg filter)."""
    return dict(TABLE_LABELS)


def editable_columns(table: str) -> list[str]:
    mapper = inspect(model_for(table))
    return [c.key for c in mapper.column_attrs if c.key not in SYSTEM_COLUMNS]


def _column_defaults(table: str) -> Row:
    defaults: Row = {}
    for attr in inspect(model_for(table)).column_attrs:
        column = attr.columns[0]
        default = column.default
        if attr.key in SYSTEM_COLUMNS:
            continue
        if default is not None and getattr(default, "is_scalar", False):
            defaults[attr.key] = default.arg
        elif column.nullable:
            defaults[attr.key] = None
    return defaults


def _coerce(table: str, values: Mapping[str, Any]) -> Row:
    """Turn plain values (enum values as text, ISO dates) into what the columns hold."""
    mapper = inspect(model_for(table))
    out: Row = {}
    for key, value in values.items():
        if key not in mapper.column_attrs or key in SYSTEM_COLUMNS:
            raise ValidationError(f"{label_for(table)} har inget fält som heter {key}.")
        column_type = mapper.column_attrs[key].columns[0].type
        enum_class = getattr(column_type, "enum_class", None)
        python_type: type | None
        try:
            python_type = column_type.python_type
        except NotImplementedError:
            python_type = None
        if value is None:
            out[key] = None
        elif enum_class is not None and not isinstance(value, enum.Enum):
            try:
                out[key] = enum_class(value)
            except ValueError:
                raise ValidationError(
                    f"{label_for(table)}: {value!r} är inte ett giltigt värde för {key}."
                ) from None
        elif python_type is dt.date and isinstance(value, str):
            try:
                out[key] = dt.date.fromisoformat(value)
            except ValueError:
                raise ValidationError(
                    f"{label_for(table)}: {value!r} är inget datum (ÅÅÅÅ-MM-DD)."
                ) from None
        else:
            out[key] = value
    return out


def to_plain(obj: TrackedMixin, *, system: bool = True) -> Row:
    """Every column of ``obj`` as a plain dict (enums stay StrEnum, which are ``str``)."""
    mapper = inspect(type(obj))
    return {
        attr.key: getattr(obj, attr.key)
        for attr in mapper.column_attrs
        if system or attr.key not in SYSTEM_COLUMNS
    }


def file_scale(db: Database) -> Scale:
    """The file's score scale, in a read of its own (for forms)."""
    with db.reader() as session:
        return scale(session)


def scale(session: Session) -> Scale:
    inv = session.scalars(select(Investigation).where(Investigation.deleted_at.is_(None))).first()
    if inv is None:
        return Scale()
    return Scale(inv.score_min, inv.score_max)


def _check(session: Session, table: str, full: Mapping[str, Any]) -> None:
    errors = validate(table, full, scale(session))
    if errors:
        raise FieldValidationError(label_for(table), errors)


def _integrity_message(table: str, exc: IntegrityError) -> ValidationError:
    text = str(exc.orig)
    if "UNIQUE" in text:
        return ValidationError(f"{label_for(table)}: det finns redan en sådan post.")
    if "FOREIGN KEY" in text:
        return ValidationError(f"{label_for(table)}: posten pekar på något som inte finns.")
    return ValidationError(f"{label_for(table)} sparades inte: värdena är inte tillåtna ({text}).")


def _live(
    session: Session, table: str, row_id: str, *, deleted: bool = False, lock: bool = False
) -> TrackedMixin:
    obj = session.get(model_for(table), row_id, with_for_update=lock or None)
    if obj is None or (obj.deleted_at is not None) != deleted:
        state = "borttagen" if not deleted else "aktiv"
        raise ValidationError(
            f"{label_for(table)}: posten finns inte (den kan vara {state} "
            "eller ändrad av någon annan)."
        )
    return obj


def create(
    db: Database, table: str, values: Mapping[str, Any], *, row_id: str | None = None
) -> str:
    """Create one row; returns its id. ``row_id`` lets undo/redo keep a stable id."""
    model = model_for(table)
    coerced = _coerce(table, values)
    try:
        with db.transaction() as session:
            _check(session, table, {**_column_defaults(table), **coerced})
            tombstone = _tombstone_in_the_way(session, model, coerced)
            if tombstone is not None:
                # A deleted row holds the unique key (e.g. the same response × proposal):
                # bring it back with the new values instead of failing on the constraint.
                for key, value in {**_column_defaults(table), **coerced}.items():
                    setattr(tombstone, key, value)
                tombstone.deleted_at = None
                return tombstone.id
            obj = model(**coerced)
            if row_id is not None:
                obj.id = row_id
            session.add(obj)
            session.flush()
            return obj.id
    except IntegrityError as exc:
        raise _integrity_message(table, exc) from exc


def _tombstone_in_the_way(
    session: Session, model: type[TrackedMixin], values: Mapping[str, Any]
) -> TrackedMixin | None:
    table = model.__table__  # type: ignore[attr-defined]
    for constraint in table.constraints:
        if not isinstance(constraint, UniqueConstraint):
            continue
        keys = [column.key for column in constraint.columns]
        if not all(values.get(key) is not None for key in keys):
            continue
        clauses = [getattr(model, key) == values[key] for key in keys]
        found = session.scalars(
            select(model).where(*clauses, model.deleted_at.is_not(None))
        ).first()
        if found is not None:
            return found
    return None


def update(
    db: Database,
    table: str,
    row_id: str,
    values: Mapping[str, Any],
    *,
    expected: Mapping[str, Any] | None = None,
) -> Row:
    """Change some fields of a live row; returns their old values (for undo).

    ``expected``: the values the person started from (what the form showed). When someone
    else has changed one of the fields being saved since (two people in one investigation on
    a server), :class:`EditConflict` is raised and nothing is written: the person chooses to
    reload or to keep theirs (saving again without ``expected``). Fields the other person did
    not touch never conflict. The row is locked while compared (``FOR UPDATE`` on a server;
    a file's writers are serialised by SQLite)."""
    coerced = _coerce(table, values)
    try:
        with db.transaction() as session:
            obj = _live(session, table, row_id, lock=True)
            current = to_plain(obj, system=False)
            if expected is not None:
                _refuse_concurrent_edit(session, table, row_id, current, coerced, expected)
            _check(session, table, {**current, **coerced})
            old = {key: current[key] for key in coerced}
            for key, value in coerced.items():
                setattr(obj, key, value)
            return old
    except IntegrityError as exc:
        raise _integrity_message(table, exc) from exc


class EditConflict(ValidationError):
    """Someone else saved a field this person is saving, after they started editing it."""

    def __init__(
        self,
        message: str,
        fields: dict[str, tuple[Any, Any]],
        by: str,
        table: str = "",
        when: str = "",
    ) -> None:
        super().__init__(message)
        self.fields = fields  # column -> (their value now, mine)
        self.by = by
        self.table = table
        self.when = when


def _refuse_concurrent_edit(
    session: Session,
    table: str,
    row_id: str,
    current: Mapping[str, Any],
    mine: Mapping[str, Any],
    expected: Mapping[str, Any],
) -> None:
    started = _coerce(table, {key: expected[key] for key in mine if key in expected})
    clashes = {
        key: (current.get(key), value)
        for key, value in mine.items()
        if key in started and started[key] != current.get(key) and value != current.get(key)
    }
    if not clashes:
        return
    import json

    from utredning_app.storage.models import AuditEntry

    last: Any = None
    for entry in session.execute(
        select(AuditEntry.actor, AuditEntry.at, AuditEntry.changes_json)
        .where(AuditEntry.table_name == table, AuditEntry.row_id == row_id)
        .order_by(AuditEntry.at.desc())
        .limit(50)
    ):
        try:
            changed = json.loads(entry[2] or "{}")
        except ValueError:
            continue
        if isinstance(changed, dict) and clashes.keys() & changed.keys():
            last = entry
            break
    by = str(last[0]) if last and last[0] else "någon annan"
    when = f" {last[1]:%Y-%m-%d %H:%M}" if last and last[1] else ""
    names = ", ".join(sorted(clashes))
    raise EditConflict(
        f"{label_for(table)}: {by} ändrade {names}{when} medan du redigerade. Din ändring "
        "sparades inte. Läs in deras version, eller spara din ändå (den ersätter deras).",
        clashes,
        by,
        table,
        when.strip(),
    )


def soft_delete(db: Database, table: str, row_id: str) -> None:
    """Leave a tombstone (``deleted_at``); the row stays for merging and restore."""
    with db.transaction() as session:
        _live(session, table, row_id).deleted_at = utcnow()


def restore(db: Database, table: str, row_id: str) -> None:
    """Undo a soft delete."""
    try:
        with db.transaction() as session:
            obj = _live(session, table, row_id, deleted=True)
            _check(session, table, to_plain(obj, system=False))
            obj.deleted_at = None
    except IntegrityError as exc:
        raise _integrity_message(table, exc) from exc


def get(db: Database, table: str, row_id: str) -> Row:
    with db.reader() as session:
        obj = session.get(model_for(table), row_id)
        if obj is None:
            raise ValidationError(f"{label_for(table)}: posten finns inte.")
        return to_plain(obj)


def _filters(table: str, where: Mapping[str, Any] | None) -> list[ColumnElement[bool]]:
    model = model_for(table)
    clauses: list[ColumnElement[bool]] = [model.deleted_at.is_(None)]
    for key, value in _coerce(table, where or {}).items():
        column = getattr(model, key)
        clauses.append(column.is_(None) if value is None else column == value)
    return clauses


def count(db: Database, table: str, where: Mapping[str, Any] | None = None) -> int:
    model = model_for(table)
    with db.reader() as session:
        stmt = select(func.count()).select_from(model).where(*_filters(table, where))
        return int(session.scalar(stmt) or 0)


def rows(
    db: Database,
    table: str,
    where: Mapping[str, Any] | None = None,
    *,
    order_by: Sequence[str] = (),
    offset: int = 0,
    limit: int | None = None,
) -> list[Row]:
    """Live rows of ``table`` as plain dicts, optionally one page (``offset``/``limit``)."""
    model = model_for(table)
    order = [getattr(model, key) for key in order_by] + [model.created_at, model.id]
    with db.reader() as session:
        stmt = select(model).where(*_filters(table, where)).order_by(*order).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [to_plain(obj) for obj in session.scalars(stmt)]


def choices(
    db: Database, table: str, label_fields: Sequence[str], where: Mapping[str, Any] | None = None
) -> list[tuple[str, str]]:
    """``(id, label)`` of every live row, for pick lists; label joins ``label_fields``."""
    result = []
    for row in rows(db, table, where, order_by=_natural_order(table)):
        label = " – ".join(str(row[f]) for f in label_fields if row.get(f) not in (None, ""))
        result.append((row["id"], label))
    return result


def _natural_order(table: str) -> list[str]:
    keys = editable_columns(table)
    return [k for k in ("sort_order", "number", "code", "year") if k in keys]


def investigation(db: Database) -> Row:
    with db.reader() as session:
        return to_plain(db.investigation(session))
