"""Export the ändringslogg (audit log) as CSV or Excel, for accountability.

The log itself is append-only: the storage hook refuses to modify or delete an AuditEntry,
and no service offers it. Without ``include_private`` the log is what may leave the file
(``services/shared_history.py``): entries of rows that were private or party-internal when
written stay out, and old values that were private are hidden.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from utredning_app.domain.enums import AuditAction
from utredning_app.errors import CorruptFile, ValidationError
from utredning_app.exporting.sheet_cells import csv_bytes, safe_row
from utredning_app.services.atomic import write_bytes_atomic
from utredning_app.services.shared_history import shareable_audit_rows
from utredning_app.storage.database import open_database
from utredning_app.storage.location import Location
from utredning_app.storage.models import TABLE_LABELS, AuditEntry
from utredning_app.storage.value_check import unreadable_error

# The log's text columns (storage.value_check leaves the log out of the check on open).
TEXT_FIELDS = ("actor", "table_name", "row_id", "summary", "changes_json")
HEADER = ("Tidpunkt (UTC)", "Vem", "Åtgärd", "Tabell", "Post-id", "Beskrivning", "Ändringar")


def audit_rows(path: Location, *, include_private: bool = False) -> Iterator[tuple[str, ...]]:
    """The log's rows for export, oldest first. Without ``include_private`` only what may
    leave the file (:mod:`services.shared_history`, the rule `dela` and the archive use)."""
    db = open_database(path, read_only=True)
    try:
        with db.errors(), db.engine.connect() as conn:
            source = (
                conn.execute(
                    select(AuditEntry.__table__).order_by(AuditEntry.at, AuditEntry.id)
                ).mappings()
                if include_private
                else shareable_audit_rows(conn)
            )
            for entry in source:
                if not all(isinstance(entry[key], str) for key in TEXT_FIELDS):
                    # The open does not scan the (ever-growing) log: a BLOB planted in it
                    # is found here, and named.
                    if db.file_path is None:
                        raise CorruptFile(f"Ändringsloggen i {db.name} har ett oläsligt värde.")
                    raise unreadable_error(db.file_path)
                yield (
                    entry["at"].isoformat(sep=" "),
                    entry["actor"],
                    AuditAction(entry["action"]).label,
                    TABLE_LABELS.get(entry["table_name"], entry["table_name"]),
                    entry["row_id"],
                    entry["summary"],
                    _changes_text(entry["changes_json"]),
                )
    finally:
        db.close()


def _changes_text(raw: str) -> str:
    try:
        changes = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(changes, dict):
        return raw
    parts = []
    for key, value in sorted(changes.items()):
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{key}: {_short(value[0])} → {_short(value[1])}")
        else:
            parts.append(f"{key}: {_short(value)}")
    return "; ".join(parts)


def _short(value: object) -> str:
    text = "–" if value is None else str(value)
    return text if len(text) <= 300 else text[:300] + "…"


def export_audit(path: Location, out: Path, *, include_private: bool = False) -> int:
    """Write the log to ``out`` (.csv or .xlsx) atomically; returns the number of entries."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(f"{out.name}: ändringsloggen kan sparas som .csv eller .xlsx.")
    rows = list(audit_rows(path, include_private=include_private))
    data = _csv_bytes(rows) if suffix == ".csv" else _xlsx_bytes(rows)
    write_bytes_atomic(out, data)
    return len(rows)


def _csv_bytes(rows: list[tuple[str, ...]]) -> bytes:
    return csv_bytes([HEADER, *rows])


def _xlsx_bytes(rows: list[tuple[str, ...]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Ändringslogg")
    ws.append(list(HEADER))
    for row in rows:
        ws.append(safe_row(ws, row))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
