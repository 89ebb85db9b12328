"""The remiss dashboard: invited / answered / abstained / missing / late, per consultee type,
and the list of who to remind (exportable to Excel or CSV)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from utredning_app.domain.enums import ConsulteeType, ResponseStatus, StanceKind
from utredning_app.domain.formatting import format_date
from utredning_app.errors import ValidationError
from utredning_app.exporting.sheet_cells import csv_bytes, safe_row
from utredning_app.services.atomic import write_bytes_atomic
from utredning_app.storage import models as m
from utredning_app.storage.database import Database


@dataclass
class Counts:
    invited: int = 0
    answered: int = 0  # has an answer with a position (invited or not)
    abstained: int = 0  # answered only to say they abstain (avstår)
    missing: int = 0  # invited, no answer yet
    late: int = 0  # answer received after the deadline
    spontaneous: int = 0  # answered without being invited


@dataclass(frozen=True)
class ConsulteeState:
    consultee_id: str
    name: str
    type: ConsulteeType
    invited: bool
    email: str
    contact: str
    state: str  # "besvarad", "avstått", "saknas", "ej inbjuden"
    received: dt.date | None
    late: bool


@dataclass
class RemissStatus:
    round_name: str
    deadline: dt.date | None
    total: Counts = field(default_factory=Counts)
    by_type: dict[ConsulteeType, Counts] = field(default_factory=dict)
    consultees: list[ConsulteeState] = field(default_factory=list)

    @property
    def to_remind(self) -> list[ConsulteeState]:
        return [c for c in self.consultees if c.state == "saknas"]


def remiss_status(db: Database, round_ref: str | None = None) -> RemissStatus:
    from utredning_app.services.remiss_rounds import round_consultees, select_round

    with db.reader() as s:
        rnd = select_round(s, round_ref)
        consultees = round_consultees(s, rnd)
        responses: dict[str, list[m.Response]] = {}
        for resp in s.scalars(
            select(m.Response)
            .join(m.Consultee, m.Consultee.id == m.Response.consultee_id)
            .where(m.Consultee.round_id == rnd.id, m.Response.deleted_at.is_(None))
        ):
            responses.setdefault(resp.consultee_id, []).append(resp)
        stance_kinds: dict[str, set[StanceKind]] = {}
        for rid, kind in s.execute(
            select(m.Stance.response_id, m.Stance.stance).where(m.Stance.deleted_at.is_(None))
        ):
            stance_kinds.setdefault(rid, set()).add(kind)
        status = RemissStatus(rnd.name, rnd.deadline)
        for c in consultees:
            counts = status.by_type.setdefault(c.type, Counts())
            answers = responses.get(c.id, [])
            received = min((r.received_date for r in answers if r.received_date), default=None)
            late = bool(rnd.deadline and received and received > rnd.deadline)
            if answers:
                abstained = all(_abstains(r, stance_kinds.get(r.id, set())) for r in answers)
                state = "avstått" if abstained else "besvarad"
            else:
                state = "saknas" if c.invited else "ej inbjuden"
            for target in (counts, status.total):
                target.invited += int(c.invited)
                target.answered += int(state == "besvarad")
                target.abstained += int(state == "avstått")
                target.missing += int(state == "saknas")
                target.late += int(late)
                target.spontaneous += int(bool(answers) and not c.invited)
            status.consultees.append(
                ConsulteeState(
                    c.id, c.name, c.type, c.invited, c.email, c.contact_name, state, received, late
                )
            )
    return status


def _abstains(response: m.Response, kinds: set[StanceKind]) -> bool:
    if response.status is ResponseStatus.AVSTATT:
        return True
    return bool(kinds) and kinds == {StanceKind.AVSTAR}


REMINDER_HEADERS = ("Remissinstans", "Typ", "Kontaktperson", "E-post", "Sista svarsdag")


def reminder_rows(status: RemissStatus) -> list[tuple[str, str, str, str, str]]:
    deadline = format_date(status.deadline) if status.deadline else ""
    return [(c.name, c.type.label, c.contact, c.email, deadline) for c in status.to_remind]


def export_reminders(
    db: Database,
    out: Path,
    round_ref: str | None = None,
    *,
    status: RemissStatus | None = None,
) -> int:
    """Write who to remind to ``out`` (.xlsx or .csv, by suffix); returns the count.
    ``status``: the round's ``remiss_status`` when the caller already has it."""
    status = status or remiss_status(db, round_ref)
    rows = reminder_rows(status)
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        data = csv_bytes([REMINDER_HEADERS, *rows])  # ;-separated, BOM: Swedish Excel
    elif suffix == ".xlsx":
        data = _xlsx(status.round_name, rows)
    else:
        raise ValidationError(f"{out.name}: välj en fil som slutar på .xlsx eller .csv.")
    write_bytes_atomic(out, data)
    return len(rows)


def _xlsx(title: str, rows: list[tuple[str, str, str, str, str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Påminnelser"
    ws.append(safe_row(ws, [f"Ej inkomna remissvar – {title}"]))
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(REMINDER_HEADERS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(safe_row(ws, row))
    for col, width in zip("ABCDE", (44, 22, 26, 34, 16), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
