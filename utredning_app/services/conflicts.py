"""Conflicts from merging copies: list them, resolve one (``utredning konflikter``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from utredning_app.errors import UserError, ValidationError
from utredning_app.storage.base import utcnow_precise
from utredning_app.storage.database import open_database
from utredning_app.storage.location import Location, as_location
from utredning_app.storage.models import TABLE_LABELS, TRACKED_MODELS, AuditEntry
from utredning_app.storage.versions import merge_conflict, set_owner

_MODELS = {str(m.__tablename__): m for m in TRACKED_MODELS}  # type: ignore[attr-defined]
_NAME_FIELDS = ("name", "title", "code", "abbreviation", "file_name", "key")
SIDES = {"mina": "mine", "deras": "theirs"}


def _short(value: Any, limit: int = 70) -> str:
    if value is None:
        return "–"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class OpenConflict:
    number: int
    table: str
    row_id: str
    row_name: str
    column: str
    base: Any
    mine: Any
    theirs: Any
    mine_by: str
    mine_at: str
    theirs_by: str
    theirs_at: str
    source: str
    current: str = "mina"  # whose value the field holds now ("deras" when the newer was kept)

    @property
    def field_label(self) -> str:
        if self.column == "deleted_at":
            return "borttagen"
        if self.column == "*":
            return "samma post skapad i båda"
        return self.column

    def as_json(self) -> dict[str, Any]:
        return {
            "nr": self.number,
            "tabell": self.table,
            "rad": self.row_id,
            "namn": self.row_name,
            "falt": self.column,
            "bas": self.base,
            "mina": self.mine,
            "deras": self.theirs,
            "mina_av": self.mine_by,
            "mina_tid": self.mine_at,
            "deras_av": self.theirs_by,
            "deras_tid": self.theirs_at,
            "kalla": self.source,
            "galler": self.current,
        }

    def as_text(self) -> str:
        label = TABLE_LABELS.get(self.table, self.table)
        what = f"{label}: {self.row_name}" if self.row_name else f"{label} {self.row_id[:8]}"
        return (
            f"{self.number}. {what}, fältet {self.field_label} (från {self.source})\n"
            f"   bas:   {_short(self.base)}\n"
            f"   mina:  {_short(self.mine)}  ({self.mine_by or 'okänd'}, {self.mine_at or '–'})"
            f"{'  ← gäller nu' if self.current == 'mina' else ''}\n"
            f"   deras: {_short(self.theirs)}  ({self.theirs_by or 'okänd'}, "
            f"{self.theirs_at or '–'}){'  ← gäller nu' if self.current == 'deras' else ''}"
        )

    def describe(self) -> str:
        label = TABLE_LABELS.get(self.table, self.table)
        return f"{label}: {self.row_name or self.row_id[:8]}, fältet {self.field_label}"


def _row_name(conn: Connection, table: str, row_id: str) -> str:
    model = _MODELS.get(table)
    if model is None:
        return ""
    t = model.__table__  # type: ignore[attr-defined]
    row = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
    if row is None:
        return ""
    for name in _NAME_FIELDS:
        value = row.get(name)
        if isinstance(value, str) and value:
            return value[:80]
    return ""


def open_conflicts(conn: Connection) -> list[OpenConflict]:
    rows = conn.execute(
        select(merge_conflict)
        .where(merge_conflict.c.resolved_at == "")
        .order_by(merge_conflict.c.id)
    ).mappings()
    return [
        OpenConflict(
            int(r["id"]),
            r["table_name"],
            r["row_id"],
            _row_name(conn, r["table_name"], r["row_id"]),
            r["column_name"],
            json.loads(r["base_json"]),
            json.loads(r["mine_json"]),
            json.loads(r["theirs_json"]),
            r["mine_by"],
            r["mine_at"],
            r["theirs_by"],
            r["theirs_at"],
            r["source"],
            "deras" if r["resolution"] == "kept_theirs" else "mina",
        )
        for r in rows
    ]


def list_conflicts(path: Location) -> list[OpenConflict]:
    with (
        open_database(as_location(path), read_only=True) as db,
        db.errors(),
        db.engine.connect() as conn,
    ):
        return open_conflicts(conn)


def resolve_conflict(
    path: Location, number: str | int, side: str, *, actor: str = ""
) -> OpenConflict:
    """Keep ``mina`` (the file's value when the merge found the conflict) or ``deras``."""
    if side not in SIDES:
        raise ValidationError(f"Välj 'mina' eller 'deras', inte '{side}'.")
    try:
        wanted = int(number)
    except ValueError as exc:
        raise ValidationError(f"Konfliktnumret ska vara ett heltal, inte '{number}'.") from exc
    with open_database(as_location(path), actor=actor) as db:
        conflict, _previous = resolve_in(db, wanted, side, actor=actor)
    return conflict


def resolve_in(
    db: Any, number: int, side: str, *, text: str | None = None, actor: str = ""
) -> tuple[OpenConflict, Any]:
    """Resolve conflict ``number`` in the open ``db``: ``mina``, ``deras``, or ``egen`` with
    an edited ``text``. Logged; returns the conflict and the field's previous value (JSON),
    so the GUI can undo with :func:`reopen_in`."""
    with db.transaction(actor or None) as session:
        conn = session.connection()
        found = [c for c in open_conflicts(conn) if c.number == number]
        if not found:
            raise ValidationError(f"Det finns ingen öppen konflikt nummer {number}.")
        conflict = found[0]
        if side == "egen":
            value: Any = text or ""
        else:
            value = conflict.mine if side == "mina" else conflict.theirs
        previous: Any = None
        if conflict.column == "*":
            if side != "mina":
                raise ValidationError(
                    "Posten finns redan i filen; kopians dubblett kan inte läggas till. "
                    "Välj 'mina' och för över det som behövs för hand."
                )
        else:
            previous = _set_field(session, conflict, value)
        conn.execute(
            update(merge_conflict)
            .where(merge_conflict.c.id == number)
            .values(resolved_at=utcnow_precise().isoformat(timespec="seconds"), resolution=side)
        )
        _log(conn, actor or db.actor, conflict, f"Konflikt {number} löst ({side})")
    return conflict, previous


def reopen_in(db: Any, number: int, previous: Any, *, actor: str = "") -> None:
    """Undo a resolution: the field gets its previous value back, the conflict is open."""
    with db.transaction(actor or None) as session:
        conn = session.connection()
        row = conn.execute(select(merge_conflict).where(merge_conflict.c.id == number)).mappings()
        found = row.first()
        if found is None:
            raise ValidationError(f"Det finns ingen konflikt nummer {number}.")
        conflict = OpenConflict(
            number,
            found["table_name"],
            found["row_id"],
            "",
            found["column_name"],
            None,
            None,
            None,
            "",
            "",
            "",
            "",
            "",
        )
        if conflict.column != "*":
            _set_field(session, conflict, previous)
        conn.execute(
            update(merge_conflict)
            .where(merge_conflict.c.id == number)
            .values(resolved_at="", resolution="")
        )
        _log(conn, actor or db.actor, conflict, f"Konflikt {number} öppnad igen (ångrat)")


def _log(conn: Connection, actor: str, conflict: OpenConflict, text: str) -> None:
    from utredning_app.domain.enums import AuditAction
    from utredning_app.storage.base import new_id

    conn.execute(
        insert(AuditEntry.__table__),  # type: ignore[arg-type]
        [
            {
                "id": new_id(),
                "at": utcnow_precise(),
                "actor": actor,
                "action": AuditAction.UPDATE,
                "table_name": conflict.table,
                "row_id": conflict.row_id,
                "summary": f"{text}: {conflict.describe()}"[:500],
                "changes_json": json.dumps(
                    {"konflikt": [conflict.number, text]}, ensure_ascii=False, sort_keys=True
                ),
            }
        ],
    )


def _set_field(session: Any, conflict: OpenConflict, value: Any) -> Any:
    from utredning_app.services.archive import _decode

    model = _MODELS[conflict.table]
    obj = session.get(model, conflict.row_id)
    if obj is None:
        raise ValidationError(f"Raden för konflikt {conflict.number} finns inte längre.")
    column = model.__table__.c[conflict.column]  # type: ignore[attr-defined]
    decoded = _decode(value, column.type)
    attr = conflict.column
    from utredning_app.domain.merge import canonical

    previous = canonical(getattr(obj, attr))
    if getattr(obj, attr) == decoded:
        # Already the value: give it a new version anyway, so the choice wins in every copy.
        from sqlalchemy.orm.attributes import flag_modified

        flag_modified(obj, attr)
        session.flush()
        from utredning_app.storage.versions import record_versions

        record_versions(session, [], [(conflict.table, conflict.row_id, {attr: (value, decoded)})])
        return previous
    setattr(obj, attr, decoded)
    session.flush()
    return previous


def set_copy_owner(path: Location, name: str, party: str) -> None:
    if not name.strip():
        raise ValidationError("Ange ägarens namn.")
    with open_database(as_location(path)) as db, db.transaction() as session:
        set_owner(session.connection(), db.file_path, name, party)


def conflict_warning(path: Location) -> str | None:
    """A warning naming the open conflicts, for exports made while some remain; None if none
    (or if the file cannot be read here: the export itself reports that)."""
    try:
        items = list_conflicts(path)
    except UserError:  # a warning must never stop an export that succeeded
        return None
    return describe_conflicts(items, path)


def describe_conflicts(items: list[OpenConflict], path: Location) -> str | None:
    """The warning of :func:`conflict_warning` for conflicts already read (an export reads
    them in its own session instead of opening the file a second time); None if none."""
    if not items:
        return None
    names = "; ".join(f"{c.number}. {c.describe()}" for c in items[:5])
    more = f" och {len(items) - 5} till" if len(items) > 5 else ""
    name = as_location(path).name
    return (
        f"Varning: {len(items)} olösta konflikter från sammanslagningar av kopior ({names}{more}). "
        f"Dokumentet visar filens egna värden. Lös dem med: utredning konflikter {name}"
    )


def ensure_owner(db: Any, name: str, party: str) -> bool:
    """Set the open copy's owner from the identity given at first start, if none is set yet
    (a new copy has none). True if it was set."""
    from utredning_app.storage.versions import current_replica

    if not name.strip() or db.read_only:
        return False
    with db.transaction() as session:
        conn = session.connection()
        current = current_replica(conn, db.file_path)  # a copy gets its own id (and no owner) first
        if current.owner_name:
            return False
        set_owner(conn, db.file_path, name, party)
    return True
