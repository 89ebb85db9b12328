"""Reads a returned svarsmall and validates it against its round.

A form is taken in whole or not at all: every problem found is collected, and any problem
rejects the form with a message naming the file, the sheet and the row.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from utredning_app.domain import svarsmall as fmt
from utredning_app.domain.enums import StanceKind
from utredning_app.domain.validation import strip_control_characters
from utredning_app.importing.guards import CheckedFile, FileRejected

MAX_ERRORS_SHOWN = 5
MAX_TEXT = 20_000


@dataclass(frozen=True)
class RoundFacts:
    """What a form is checked against: the round, its proposals and consultees."""

    round_id: str
    round_name: str
    proposals: list[tuple[str, int, str]]  # (proposal id, number, title) in number order
    consultees: dict[str, str]  # consultee id -> name
    other_rounds: dict[str, str] = field(default_factory=dict)  # id -> name, same file


@dataclass(frozen=True)
class FormRow:
    proposal_id: str
    number: int
    stance: StanceKind | None
    comment: str


@dataclass(frozen=True)
class FormAnswer:
    consultee_id: str
    rows: list[FormRow]
    other_text: str
    contact: str

    def as_text(self, facts: RoundFacts) -> str:
        """The answer as readable text, for the reading view and the search index."""
        lines: list[str] = []
        titles = {pid: title for pid, _n, title in facts.proposals}
        for row in self.rows:
            stance = row.stance.label if row.stance else "(inget ställningstagande)"
            lines.append(f"Förslag {row.number}: {titles.get(row.proposal_id, '')}")
            lines.append(f"Ställningstagande: {stance}")
            if row.comment:
                lines.append(row.comment)
            lines.append("")
        if self.other_text:
            lines += [f"{fmt.OTHER_LABEL}:", self.other_text, ""]
        if self.contact:
            lines.append(f"{fmt.CONTACT_LABEL}: {self.contact}")
        return "\n".join(lines).strip()


def _load(checked: CheckedFile) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(
            io.BytesIO(checked.data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # untrusted input: any parser failure is "corrupt file"
        raise FileRejected(
            f"{checked.name}: Excel-filen är skadad och kan inte läsas ({type(exc).__name__})."
        ) from exc


def _text(value: Any) -> str:
    if value is None:
        return ""
    return strip_control_characters(str(value)).strip()[:MAX_TEXT]


def read_form(checked: CheckedFile, facts: RoundFacts) -> FormAnswer:
    """Read and validate a svarsmall; raise :class:`FileRejected` listing what is wrong."""
    wb = _load(checked)
    try:
        return _read_form(checked.name, wb, facts)
    except FileRejected:
        raise
    except Exception as exc:  # read_only mode parses each sheet only while iterating
        raise FileRejected(
            f"{checked.name}: Excel-filen är skadad och kan inte läsas ({type(exc).__name__}: "
            f"{_text(str(exc))[:120]}). Ingenting från svarsmallen har lästs in."
        ) from exc
    finally:
        wb.close()


def _read_form(name: str, wb: Any, facts: RoundFacts) -> FormAnswer:
    if fmt.ID_SHEET not in wb.sheetnames:
        raise FileRejected(
            f"{name}: Excel-filen är ingen svarsmall från Utredningsstöd "
            f"(bladet {fmt.ID_SHEET} med identifieringen saknas)."
        )
    ident = [
        _text(r[0]) if r else ""
        for r in wb[fmt.ID_SHEET].iter_rows(min_row=1, max_row=6, max_col=1, values_only=True)
    ]
    ident += [""] * (6 - len(ident))
    marker, version, round_id, consultee_id, proposal_csv, check = ident
    where_id = f"{name}, bladet {fmt.ID_SHEET}"
    if marker != fmt.FORMAT_MARKER:
        raise FileRejected(f"{where_id}: identifieringen är ändrad eller skadad.")
    if version != str(fmt.FORMAT_VERSION):
        raise FileRejected(
            f"{where_id}: svarsmallens format {version or '?'} känns inte igen "
            f"(programmet läser format {fmt.FORMAT_VERSION})."
        )
    proposal_ids = [p for p in proposal_csv.split(",") if p]
    if check != fmt.checksum(round_id, consultee_id, proposal_ids):
        raise FileRejected(
            f"{where_id}: kontrollsumman stämmer inte – identifieringen har ändrats "
            "efter utskicket. Be om en ny svarsmall eller registrera svaret manuellt."
        )
    if round_id != facts.round_id:
        other = facts.other_rounds.get(round_id)
        which = f"remissomgången «{other}»" if other else "en annan remissomgång eller utredning"
        raise FileRejected(f"{name}: svarsmallen hör till {which}, inte till «{facts.round_name}».")
    if consultee_id not in facts.consultees:
        raise FileRejected(
            f"{name}: remissinstansen som svarsmallen skickades till finns inte längre "
            "i remissomgången."
        )
    if proposal_ids != [pid for pid, _n, _t in facts.proposals]:
        raise FileRejected(
            f"{name}: förslagen i remissomgången har ändrats sedan svarsmallen skickades; "
            "svaret måste registreras manuellt."
        )
    if fmt.ANSWER_SHEET not in wb.sheetnames:
        raise FileRejected(f"{name}: bladet {fmt.ANSWER_SHEET} saknas.")
    return _read_rows(name, wb[fmt.ANSWER_SHEET], facts, consultee_id)


def _read_rows(name: str, ws: Any, facts: RoundFacts, consultee_id: str) -> FormAnswer:
    n = len(facts.proposals)
    last = fmt.FIRST_PROPOSAL_ROW + n + 2
    grid: dict[int, tuple[Any, ...]] = {}
    for index, values in enumerate(
        ws.iter_rows(min_row=1, max_row=last, max_col=4, values_only=True), start=1
    ):
        grid[index] = tuple(values) + (None,) * (4 - len(values))
    empty: tuple[Any, ...] = (None, None, None, None)
    where = f"{name}, bladet {fmt.ANSWER_SHEET}"
    errors: list[str] = []
    header = tuple(_text(v) for v in grid.get(fmt.HEADER_ROW, empty))
    if header != fmt.HEADERS:
        errors.append(f"rad {fmt.HEADER_ROW}: rubrikraden är ändrad")
    rows: list[FormRow] = []
    allowed = ", ".join(fmt.stance_labels())
    for offset, (pid, number, _title) in enumerate(facts.proposals):
        r = fmt.FIRST_PROPOSAL_ROW + offset
        values = grid.get(r, empty)
        found_number = _text(values[0])
        if found_number != str(number):
            errors.append(
                f"rad {r}: förslag nr {number} väntades men raden har «{found_number or 'tom'}» "
                "(rader har flyttats, lagts till eller tagits bort)"
            )
            continue
        stance_text = _text(values[2])
        stance = fmt.parse_stance(stance_text) if stance_text else None
        if stance_text and stance is None:
            errors.append(
                f"rad {r}, kolumn C: okänt ställningstagande «{stance_text}» (tillåtna: {allowed})"
            )
            continue
        rows.append(FormRow(pid, number, stance, _text(values[3])))
    other_row = fmt.FIRST_PROPOSAL_ROW + n + 1
    contact_row = other_row + 1
    other = grid.get(other_row, empty)
    contact = grid.get(contact_row, empty)
    if _text(other[0]) != fmt.OTHER_LABEL:
        errors.append(f"rad {other_row}: raden «{fmt.OTHER_LABEL}» saknas eller har flyttats")
    if _text(contact[0]) != fmt.CONTACT_LABEL:
        errors.append(f"rad {contact_row}: raden «{fmt.CONTACT_LABEL}» saknas eller har flyttats")
    if errors:
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN])
        more = (
            f" (och {len(errors) - MAX_ERRORS_SHOWN} fel till)"
            if len(errors) > MAX_ERRORS_SHOWN
            else ""
        )
        raise FileRejected(f"{where}: {shown}{more}. Ingenting från svarsmallen har lästs in.")
    answer = FormAnswer(consultee_id, rows, _text(other[1]), _text(contact[1]))
    if not answer.other_text and all(r.stance is None and not r.comment for r in rows):
        raise FileRejected(f"{where}: svarsmallen är inte ifylld (inga ställningstaganden).")
    return answer
