"""Facts about a file: counts per entity, schema revision, checks."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from utredning_app.errors import FileOpenError
from utredning_app.storage.database import inspect_file, open_database
from utredning_app.storage.engine import sqlite_uri
from utredning_app.storage.location import ServerLocation
from utredning_app.storage.models import TABLE_LABELS, TRACKED_MODELS, AuditEntry
from utredning_app.storage.schema_version import HEAD_REVISION
from utredning_app.storage.server import ServerDatabase
from utredning_app.storage.value_check import value_problems


@dataclass
class FileInfo:
    path: str
    title: str
    diarienummer: str
    schema_revision: str
    app_schema_revision: str
    size_bytes: int
    counts: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    audit_entries: int = 0
    checks: dict[str, str] = field(default_factory=dict)


def file_info(path: Path | ServerLocation) -> FileInfo:
    db = open_database(path, read_only=True)  # an older file: from an upgraded copy
    try:
        with db.reader() as session:
            inv = db.investigation(session)
            if isinstance(db, ServerDatabase):
                revision, size = db.revision_and_size(session)
            else:
                assert db.facts is not None  # set by every open_database of a file
                revision, size = db.facts.revision or "", db.facts.size
            info = FileInfo(
                path=str(db.location),
                title=inv.title,
                diarienummer=inv.diarienummer,
                schema_revision=revision,
                app_schema_revision=HEAD_REVISION,
                size_bytes=size,
            )
            for model in TRACKED_MODELS:
                table = model.__tablename__  # type: ignore[attr-defined]
                rows = session.execute(
                    select(
                        func.count(),
                        func.count(model.deleted_at),
                    ).select_from(model)
                ).one()
                info.counts[table] = int(rows[0]) - int(rows[1])
                info.deleted[table] = int(rows[1])
            info.audit_entries = int(
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0
            )
    finally:
        db.close()
    info.checks = {"integritet": "ok", "schema": "ok"}
    return info


@dataclass
class CheckResult:
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path) -> CheckResult:
    """Full integrity check, the schema objects of the file's revision, foreign keys, the
    storage class of every value and every enum value; read-only."""
    problems: list[str] = []
    try:
        inspect_file(path, full_check=True, values=False)  # all of them, below
    except FileOpenError as exc:
        return CheckResult([exc.message])
    conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        problems.extend(value_problems(conn))
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        for table, rowid, parent, _ in fk[:20]:
            label = TABLE_LABELS.get(table, table)
            problems.append(f"{label} (rad {rowid}) pekar på en saknad post i {parent}.")
        live = conn.execute(
            "SELECT count(*) FROM investigation WHERE deleted_at IS NULL"
        ).fetchone()[0]
        if live != 1:
            problems.append(f"Filen ska innehålla exakt en utredning men innehåller {live}.")
        if not problems:  # numbers only where every value is a number
            problems.extend(_cost_value_problems(conn))
        baselines = conn.execute(
            "SELECT count(*) FROM governance_option WHERE deleted_at IS NULL AND is_baseline"
        ).fetchone()[0]
        if baselines > 1:
            problems.append(
                f"{baselines} styrmodeller är markerade som nollalternativ (högst ett)."
            )
    finally:
        conn.close()
    return CheckResult(problems)


def _cost_value_problems(conn: sqlite3.Connection) -> list[str]:
    """Estimate values beyond what the cost model computes with (the cost workbook's own
    validation, ±1E+12 mnkr): saved by an older version, they crash reports and charts."""
    from utredning_app.exporting.costs_layout import INPUT_LIMIT

    bad = conn.execute(
        "SELECT count(*) FROM estimate_value WHERE deleted_at IS NULL AND "
        "(abs(low) > ? OR abs(base) > ? OR abs(high) > ?)",
        (INPUT_LIMIT, INPUT_LIMIT, INPUT_LIMIT),
    ).fetchone()[0]
    if not bad:
        return []
    return [
        f"{bad} skattningsvärde(n) ligger utanför ±{INPUT_LIMIT:.0e} mnkr och kan inte räknas "
        "med; rätta dem under Skattningar."
    ]
