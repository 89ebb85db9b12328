"""Ändringslogg: every create/update/delete of a tracked row is recorded in the same
transaction, with who, when and old/new values. Hooked into the ORM session (before_flush),
so no service can forget it."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from utredning_app.domain.enums import AuditAction
from utredning_app.storage.base import TrackedMixin, new_id, utcnow, utcnow_precise
from utredning_app.storage.models import TABLE_LABELS, AuditEntry
from utredning_app.storage.versions import record_versions

_SKIP = {"id", "created_at", "updated_at", "updated_by"}
_NAME_FIELDS = ("name", "title", "code", "abbreviation", "file_name", "key")


# Text derived from stored originals (an answer's extracted text comes from its attachment):
# the log keeps its size and fingerprint, not a second full copy (~70 kB per answer).
_DERIVED_TEXT = {"extracted_text"}


def _derived(value: Any) -> Any:
    if isinstance(value, str) and value:
        digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
        return f"<text, {len(value)} tecken, sha256 {digest}>"
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    return value


def describe(obj: object) -> str:
    """Short human description of a row for the log: «Styrmodeller: Akutsjukhusnämnd»."""
    table = getattr(obj, "__tablename__", type(obj).__name__)
    label = TABLE_LABELS.get(table, table)
    ocr_pages = getattr(obj, "ocr_pages", "")
    if isinstance(ocr_pages, str) and ocr_pages:  # an answer read by OCR says so in the log
        label += f" (OCR-tolkad text, sidorna {ocr_pages})"
    for field in _NAME_FIELDS:
        value = getattr(obj, field, None)
        if isinstance(value, str) and value:
            return f"{label}: {value[:200]}"
    return label


def _value(obj: object, key: str) -> Any:
    value = getattr(obj, key)
    return _derived(value) if key in _DERIVED_TEXT else value


def _column_keys(obj: object) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs if attr.key not in _SKIP]


def _row(
    session: Session, obj: TrackedMixin, action: AuditAction, changes: dict[str, Any]
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "at": utcnow_precise(),
        "actor": str(session.info.get("actor", "")),
        "action": action,
        "table_name": getattr(obj, "__tablename__", ""),
        "row_id": obj.id,
        "summary": describe(obj)[:500],
        "changes_json": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }


def _changes(obj: TrackedMixin) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for key in _column_keys(obj):
        hist = state.attrs[key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                if key in _DERIVED_TEXT:
                    old, new = _derived(old), _derived(new)
                changes[key] = [_jsonable(old), _jsonable(new)]
    return changes


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Refuse edits of the log; stamp who changed tracked rows and when."""
    actor = str(session.info.get("actor", ""))
    for obj in session.deleted:
        if isinstance(obj, AuditEntry):
            raise PermissionError("Ändringsloggen kan inte ändras.")
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) and session.is_modified(obj):
            raise PermissionError("Ändringsloggen kan inte ändras.")
    for obj in session.new:
        if isinstance(obj, AuditEntry):
            raise PermissionError("Ändringsloggen skrivs bara av programmet självt.")
        if isinstance(obj, TrackedMixin):
            obj.updated_by = actor
    for obj in session.dirty:
        if isinstance(obj, TrackedMixin) and _changes(obj):
            obj.updated_by = actor
            obj.updated_at = utcnow()


def _after_flush(session: Session, _context: Any) -> None:
    """Record what the flush wrote, with final values (defaults and foreign keys filled in),
    in the same transaction through the flush's own connection."""
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, TrackedMixin):
            created = {
                key: [None, _jsonable(_value(obj, key))]
                for key in _column_keys(obj)
                if getattr(obj, key) not in (None, "")
            }
            rows.append(_row(session, obj, AuditAction.CREATE, created))
    for obj in session.dirty:
        if not isinstance(obj, TrackedMixin):
            continue
        changes = _changes(obj)
        if not changes:
            continue
        deleted = changes.get("deleted_at")
        action = (
            AuditAction.DELETE
            if deleted is not None and deleted[0] is None and deleted[1] is not None
            else AuditAction.UPDATE
        )
        rows.append(_row(session, obj, action, changes))
    for obj in session.deleted:
        if isinstance(obj, TrackedMixin):
            snapshot = {key: [_jsonable(_value(obj, key)), None] for key in _column_keys(obj)}
            rows.append(_row(session, obj, AuditAction.DELETE, snapshot))
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)  # type: ignore[arg-type]
    _record_versions(session)


def _raw_changes(obj: TrackedMixin) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    changes: dict[str, tuple[Any, Any]] = {}
    for key in _column_keys(obj):
        hist = state.attrs[key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                changes[key] = (old, new)
    return changes


def _record_versions(session: Session) -> None:
    """Per-field versions for the merge of copies (storage/versions.py), same transaction."""
    created = [
        (
            str(getattr(obj, "__tablename__", "")),
            obj.id,
            {k: getattr(obj, k) for k in _column_keys(obj)},
        )
        for obj in session.new
        if isinstance(obj, TrackedMixin)
    ]
    changed = []
    for obj in session.dirty:
        if isinstance(obj, TrackedMixin):
            raw = _raw_changes(obj)
            if raw:
                changed.append((str(getattr(obj, "__tablename__", "")), obj.id, raw))
    record_versions(session, created, changed)


class AuditedSession(Session):
    """Session whose flushes write the ändringslogg; ``info["actor"]`` names the user."""


event.listen(AuditedSession, "before_flush", _before_flush)
event.listen(AuditedSession, "after_flush", _after_flush)
