"""Change packages: ``utredning andringar FIL -o PAKET`` and ``sla-ihop FIL PAKET``.

A member can rarely mail a whole file (the large investigation is 80 MB). A package holds
only the rows this copy changed since it was handed out or last merged from the file it was
copied from (what ``replica_baseline`` records), with their per-field versions, long-text
bases and ändringslogg entries — kilobytes for a week's work.

Format: the line ``UTREDNING-ANDRINGAR``, one line of JSON (the header: format, investigation
id, the copy's replica id and owner, the payload's size and SHA-256), then the payload:
gzip-compressed JSON. A package whose checksum does not match (damaged in transit, or
altered) or that belongs to another investigation is refused. Private and party-internal
rows are never written into a package: it goes to the group's main file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from utredning_app.domain.merge import Side, Version
from utredning_app.errors import ValidationError, os_reason
from utredning_app.services.atomic import refuse_database_target, write_bytes_atomic
from utredning_app.storage.database import open_database, user_errors
from utredning_app.storage.versions import (
    file_identity,
    read_state,
    read_vector,
    replica_baseline,
    replica_seen,
)

MAGIC = b"UTREDNING-ANDRINGAR\n"
PACKAGE_FORMAT = 1
MAX_PACKAGE_BYTES = 200 * 1024**2


def is_package(path: Path) -> bool:
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _covered(version: Version, baseline: dict[str, int]) -> bool:
    return version.is_legacy or baseline.get(version.replica, -1) >= version.hlc


def _changed_rows(side: Side, baseline: dict[str, int]) -> set[tuple[str, str]]:
    changed = {key for key, v in side.row_versions.items() if not _covered(v, baseline)}
    changed |= {
        (t, r)
        for (t, r), fields in side.field_versions.items()
        if any(not _covered(v, baseline) for v, _l in fields.values())
    }
    return {(t, r) for t, r in changed if r in side.rows.get(t, {})}


def build_package(
    conn: Connection, identity: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(header, payload) of this copy's changes since its baseline.

    ``identity``: the file's own identity (device:inode). A copy that has not been written
    since it was made still carries its origin's identity and baseline; everything it holds
    came from the origin, so its package is empty (its first write mints its own replica id
    and makes what it had then its baseline)."""
    from utredning_app.services.archive import _encode
    from utredning_app.services.merge_read import (
        TABLE_BY_NAME,
        cached,
        investigation_id,
        read_side,
        shareable_audit,
    )

    conn = cached(conn)
    state = read_state(conn)
    if state is None:
        raise ValidationError(
            "Filen har inga ändringar gjorda med den här versionen av programmet."
        )
    side, owner = read_side(conn, receiver_party="")
    if identity is not None and state.file_identity != identity:
        baseline = read_vector(conn, replica_seen)
    else:
        baseline = read_vector(conn, replica_baseline)
    wanted = _changed_rows(side, baseline)
    rows: dict[str, list[dict[str, Any]]] = {}
    for table_name, row_id in sorted(wanted):
        table = TABLE_BY_NAME[table_name]
        full = conn.execute(select(table).where(table.c.id == row_id)).mappings().one()
        rows.setdefault(table_name, []).append(
            {c.name: _encode(full[c.name], c.type) for c in table.columns}
        )
    ids = {r for _t, r in wanted}
    trimmed = Side(
        side.replica,
        side.vector,
        {t: {r: v for r, v in rs.items() if r in ids} for t, rs in side.rows.items()},
        {},
        {},
    )
    audit = shareable_audit(conn, trimmed)  # stored text values, JSON as they are
    payload = {
        "vector": side.vector,
        "baseline": baseline,
        "rows": rows,
        "row_versions": [
            [t, r, v.hlc, v.replica] for (t, r), v in side.row_versions.items() if r in ids
        ],
        "field_versions": [
            [t, r, c, v.hlc, v.replica, lh]
            for (t, r), fields in side.field_versions.items()
            if r in ids
            for c, (v, lh) in fields.items()
        ],
        "texts": [
            [t, r, c, v.hlc, v.replica, value]
            for (t, r, c), versions in side.texts.items()
            if r in ids
            for v, value in versions.items()
        ],
        "audit": audit,
    }
    header = {
        "format": PACKAGE_FORMAT,
        "investigation": investigation_id(conn),
        "replica": owner.replica,
        "owner": owner.name,
        "party": owner.party,
    }
    return header, payload


def write_package(path: Path, out: Path) -> str:
    """Write the change package of ``path`` to ``out``; returns a short Swedish summary."""
    path, out = Path(path), Path(out)
    refuse_database_target(out, suggestion=out.with_suffix(".andringar").name)
    with open_database(path, read_only=True) as db, user_errors(path), db.engine.connect() as conn:
        header, payload = build_package(conn, identity=file_identity(path))
    body = gzip.compress(
        json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8"), mtime=0
    )
    header |= {"size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    data = MAGIC + json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + body
    write_bytes_atomic(out, data)
    count = sum(len(rows) for rows in payload["rows"].values())
    rows = "1 ändrad rad" if count == 1 else f"{count} ändrade rader"
    return f"{rows}, {max(1, round(len(data) / 1024))} kB"


def read_package(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    path = Path(path)
    damaged = (
        f"Ändringspaketet {path.name} är skadat eller har ändrats efter att det skrevs "
        "(kontrollsumman stämmer inte). Be avsändaren skicka det igen."
    )
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise ValidationError(f"Ändringspaketet {path.name} är orimligt stort.")
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Ändringspaketet {path} kan inte läsas: {os_reason(exc)}.") from exc
    if not data.startswith(MAGIC):
        raise ValidationError(f"{path.name} är inte ett ändringspaket från Utredningsstöd.")
    head, sep, body = data[len(MAGIC) :].partition(b"\n")
    try:
        header = json.loads(head.decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError
    except ValueError as exc:
        raise ValidationError(damaged) from exc
    if not sep or header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise ValidationError(damaged)
    if not isinstance(header.get("format"), int) or header["format"] > PACKAGE_FORMAT:
        raise ValidationError(
            f"Ändringspaketet {path.name} är skrivet av en nyare version av Utredningsstöd "
            f"(paketformat {header.get('format')}). Uppdatera programmet."
        )
    try:
        payload = json.loads(gzip.decompress(body).decode("utf-8"))
    except (OSError, ValueError, EOFError) as exc:
        raise ValidationError(damaged) from exc
    return header, payload


class PackageSource:
    """A change package as the merge reads it (like a whole copy, holding only changes)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.header, self.payload = read_package(self.path)
        self._rows: dict[tuple[str, str], dict[str, Any]] = {}

    def load(self, receiver_party: str | None, investigation: str) -> tuple[Side, Any, Any]:
        from utredning_app.services.archive import _decode_row
        from utredning_app.services.merge_read import TABLE_BY_NAME, Owner, filter_private

        if self.header.get("investigation") != investigation:
            raise ValidationError(
                f"Ändringspaketet {self.name} gäller en annan utredning och kan inte slås ihop "
                "med den här filen. Ingenting ändrades."
            )
        try:
            rows: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in TABLE_BY_NAME}
            for table_name, items in self.payload["rows"].items():
                table = TABLE_BY_NAME[table_name]
                for index, item in enumerate(items):
                    row = _decode_row(self.path, table, index, item)
                    self._rows[(table_name, row["id"])] = row
                    rows[table_name][row["id"]] = {
                        k: v for k, v in row.items() if k not in ("data", "extracted_text")
                    }
            dropped = (
                filter_private(rows, str(self.header.get("party", "")), receiver_party)
                if receiver_party is not None
                else set()
            )
            side = Side(
                str(self.header["replica"]),
                {str(k): int(v) for k, v in self.payload["vector"].items()},
                rows,
                {
                    (t, r): Version(int(h), rep)
                    for t, r, h, rep in self.payload["row_versions"]
                    if r not in dropped
                },
                {},
                {},
            )
            for t, r, c, h, rep, lh in self.payload["field_versions"]:
                if r not in dropped:
                    side.field_versions.setdefault((t, r), {})[c] = (Version(int(h), rep), lh)
            for t, r, c, h, rep, value in self.payload["texts"]:
                if r not in dropped:
                    side.texts.setdefault((t, r, c), {})[Version(int(h), rep)] = value
            audit = [_checked_entry(e) for e in self.payload["audit"] if e["row_id"] not in dropped]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(
                f"Ändringspaketet {self.name} har ett innehåll som inte kan läsas."
            ) from exc
        owner = Owner(
            side.replica, str(self.header.get("owner", "")), str(self.header.get("party", ""))
        )
        return side, owner, audit

    def absorbable(self, mine: dict[str, int]) -> dict[str, int]:
        """The part of the sender's version vector the receiver may claim after merging: a
        package holds changes after its baseline only, so only where the receiver already
        had the baseline."""
        baseline = {str(k): int(v) for k, v in self.payload["baseline"].items()}
        vector = {str(k): int(v) for k, v in self.payload["vector"].items()}
        return {r: h for r, h in vector.items() if mine.get(r, -1) >= baseline.get(r, -1)}

    def full_rows(self, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        return {key: self._rows[key] for key in wanted if key in self._rows}


def _checked_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A log entry from a package, as stored text; anything else is refused (ValueError)."""
    import datetime as dt

    from utredning_app.domain.enums import AuditAction
    from utredning_app.services.merge_read import AUDIT_COLUMNS

    if set(entry) != set(AUDIT_COLUMNS) or not all(isinstance(v, str) for v in entry.values()):
        raise ValueError("log entry")
    dt.datetime.fromisoformat(entry["at"])
    AuditAction(entry["action"])
    return entry


def open_package(path: Path) -> PackageSource:
    return PackageSource(path)
