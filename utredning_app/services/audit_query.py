"""Reading the ändringslogg for the window: filter by person, item (table/text) and date, a page
at a time. (Exporting the log is services/audit_log.py.)"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from utredning_app.domain.enums import AuditAction
from utredning_app.services.audit_log import TEXT_FIELDS
from utredning_app.storage.database import Database
from utredning_app.storage.models import TABLE_LABELS, AuditEntry
from utredning_app.storage.value_check import unreadable_error
from utredning_app.storage.versions import audit_provenance


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    table: str = ""
    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _apply(stmt: Select[Any], f: AuditFilter) -> Select[Any]:
    if f.actor:
        stmt = stmt.where(AuditEntry.actor == f.actor)
    if f.table:
        stmt = stmt.where(AuditEntry.table_name == f.table)
    if f.text:
        stmt = stmt.where(AuditEntry.summary.ilike(f"%{f.text}%"))
    if f.date_from:
        stmt = stmt.where(AuditEntry.at >= dt.datetime.combine(f.date_from, dt.time.min))
    if f.date_to:
        end = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time.min)
        stmt = stmt.where(AuditEntry.at < end)
    return stmt


def count_entries(db: Database, f: AuditFilter) -> int:
    with db.reader() as session:
        return int(session.scalar(_apply(select(func.count()).select_from(AuditEntry), f)) or 0)


def _changes_text(raw: str, action: AuditAction) -> str:
    try:
        changes = json.loads(raw)
    except ValueError:
        return ""
    if action != AuditAction.UPDATE:
        return ""
    parts = []
    for key, pair in sorted(changes.items()):
        if key == "deleted_at":
            continue
        old, new = ([*pair, None, None])[:2] if isinstance(pair, list) else (None, pair)
        parts.append(f"{key}: {_short(old)} → {_short(new)}")
    return "; ".join(parts)


def _short(value: Any) -> str:
    text = "–" if value in (None, "") else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def entries(
    db: Database, f: AuditFilter, *, offset: int = 0, limit: int = 200
) -> list[dict[str, Any]]:
    """Newest first, as plain dicts for the table."""
    stmt = _apply(select(AuditEntry), f).order_by(AuditEntry.at.desc(), AuditEntry.id)
    with db.reader() as session:
        page = list(session.scalars(stmt.offset(offset).limit(limit)))
        # Entries that came from another copy through a merge say so, and from which copy.
        found = session.execute(
            select(audit_provenance.c.audit_id, audit_provenance.c.source).where(
                audit_provenance.c.audit_id.in_([e.id for e in page])
            )
        )
        via = {str(audit_id): str(source) for audit_id, source in found}
        for e in page:
            if not all(isinstance(getattr(e, key), str) for key in TEXT_FIELDS):
                raise unreadable_error(db.path)  # not scanned on open: named here
        return [
            {
                "id": e.id,
                "at": e.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None),
                "actor": e.actor,
                "action": e.action,
                "table": TABLE_LABELS.get(e.table_name, e.table_name),
                "summary": e.summary
                + (f" (via sammanslagning från {via[e.id]})" if e.id in via else ""),
                "changes": _changes_text(e.changes_json, e.action),
            }
            for e in page
        ]


def actors(db: Database) -> list[str]:
    with db.reader() as session:
        return [
            a
            for a in session.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor))
            if a
        ]
