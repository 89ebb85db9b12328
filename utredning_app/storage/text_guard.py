"""No invisible control characters reach the file through the ORM, whoever writes.

The services validate the fields they know (:func:`domain.validation.validate`), but text
also arrives from imports and from services without a field form. A control character (ESC,
NUL, BEL …) stored once breaks every later Excel export (openpyxl raises
IllegalCharacterError; `remiss utskick` stopped half-way) and reaches terminals as escape
sequences. This ``before_flush`` hook refuses, in every unit of work, any *new or changed*
text value that holds one; values already stored are left alone, so an older file stays
editable.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from utredning_app.domain.validation import has_control_characters
from utredning_app.errors import ValidationError
from utredning_app.storage.audit import AuditedSession
from utredning_app.storage.models import TABLE_LABELS


def _changed_text(obj: object, new: bool) -> list[tuple[str, str]]:
    state = inspect(obj)
    found: list[tuple[str, str]] = []
    for attr in state.mapper.column_attrs:
        if new:
            value = getattr(obj, attr.key, None)
            values = [value] if isinstance(value, str) else []
        else:
            values = [v for v in state.attrs[attr.key].history.added if isinstance(v, str)]
        found.extend((attr.key, v) for v in values)
    return found


def _refuse_control_characters(session: Session, _context: Any, _instances: Any) -> None:
    for new, objects in ((True, session.new), (False, session.dirty)):
        for obj in objects:
            for key, value in _changed_text(obj, new):
                if has_control_characters(value):
                    table = getattr(obj, "__tablename__", type(obj).__name__)
                    raise ValidationError(
                        f"{TABLE_LABELS.get(table, table)}, fältet {key}: texten innehåller "
                        "osynliga styrtecken (t.ex. ESC eller NUL) som inte kan sparas. "
                        "Ändringen sparades inte."
                    )


event.listen(AuditedSession, "before_flush", _refuse_control_characters)
