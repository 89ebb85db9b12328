"""Which fields of a row would repeat another live row where the file allows only one
(the year of an estimate's values, a signer of a dissent, a stance per proposal …).

Asked before a form is saved, so the form can name the field and stay open; the database's
UNIQUE constraint stays the last word ("det finns redan en sådan post").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import UniqueConstraint, select

from utredning_app.services.entities import _coerce, editable_columns, model_for
from utredning_app.storage.database import Database


def duplicate_keys(
    db: Database, table: str, values: Mapping[str, Any], row_id: str | None = None
) -> list[tuple[str, ...]]:
    """The column groups of ``table``'s UNIQUE constraints that ``values`` share with a live
    row other than ``row_id`` (empty if the row can be saved)."""
    model = model_for(table)
    columns = editable_columns(table)
    coerced = _coerce(table, {k: v for k, v in values.items() if k in columns})
    found: list[tuple[str, ...]] = []
    with db.reader() as session:
        for constraint in model.__table__.constraints:  # type: ignore[attr-defined]
            if not isinstance(constraint, UniqueConstraint):
                continue
            keys = tuple(column.key for column in constraint.columns)
            if any(coerced.get(key) is None for key in keys):
                continue
            query = select(model.id).where(
                *(getattr(model, key) == coerced[key] for key in keys),
                model.deleted_at.is_(None),
            )
            if row_id is not None:
                query = query.where(model.id != row_id)
            if session.scalars(query.limit(1)).first() is not None:
                found.append(keys)
    return found
