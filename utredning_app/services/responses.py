"""Import of remissvar: many files at once, each matched to a consultee, stored in the file.

Two steps, so the user can confirm before anything is written:

1. :func:`analyse_files` reads and validates every file (guards, parsers, svarsmall checks)
   and proposes a consultee for each: from the form's identifier, else by fuzzy matching the
   file name and the opening of the text against the consultee names. Nothing is written.
2. :func:`commit_import` stores the accepted files in **one** transaction: a response per
   file with its extracted text, the original bytes as an Attachment (sha256 kept, so the same
   file is never taken twice), and the stances of a svarsmall.

A batch takes every valid file and reports the rejected ones; a form is all or nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.domain.enums import ConsulteeType, ResponseStatus, StanceKind
from utredning_app.errors import ValidationError, os_reason
from utredning_app.importing.email_answer import EMAIL_SUFFIXES
from utredning_app.importing.guards import CheckedFile, FileKind, FileRejected, read_checked
from utredning_app.importing.xlsx_form import FormAnswer, RoundFacts
from utredning_app.services.sender import ConsulteeKey, Zone, guess_sender_name, identify_sender
from utredning_app.storage import models as m
from utredning_app.storage.database import Database

AUTO_ACCEPT_SCORE = 85.0  # fuzzy score at or above which a match is proposed as accepted
AMBIGUITY_MARGIN = 5.0  # runner-up this close to the best: ask the user
NO_MATCH_SCORE = 70.0  # below this the file matches no consultee (a new, uninvited one?)


class MatchMethod(StrEnum):
    FORM = "form"
    FILE_NAME = "file_name"
    CONTENT = "content"
    LETTERHEAD = "letterhead"
    SIGNATURE = "signature"
    CLOSING = "closing"
    FOOTER = "footer"
    EMAIL = "email"
    MANUAL = "manual"
    NEW = "new"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "form": "svarsmallens identitet",
            "file_name": "filnamnet",
            "content": "textens inledning",
            "letterhead": "brevhuvudet",
            "signature": "underskriften",
            "closing": "avslutningen",
            "footer": "sidfoten",
            "email": "avsändaradressen",
            "manual": "valt av användaren",
            "new": "ny instans (ej inbjuden)",
            "none": "ingen träff",
        }[self.value]


_ZONE_METHOD = {
    Zone.EMAIL: MatchMethod.EMAIL,
    Zone.CLOSING: MatchMethod.CLOSING,
    Zone.LETTERHEAD: MatchMethod.LETTERHEAD,
    Zone.SIGNATURE: MatchMethod.SIGNATURE,
    Zone.FOOTER: MatchMethod.FOOTER,
    Zone.BODY: MatchMethod.CONTENT,
}


@dataclass
class FileProposal:
    """What :func:`analyse_files` found for one file; the GUI shows these in a table."""

    path: Path
    kind: FileKind | None = None
    sha256: str = ""
    size: int = 0
    text: str = ""
    form: FormAnswer | None = None
    consultee_id: str | None = None
    consultee_name: str = ""
    method: MatchMethod = MatchMethod.NONE
    score: float = 0.0
    accepted: bool = False  # the user's (or the automatic) confirmation
    error: str = ""  # rejected: why, in Swedish
    warnings: list[str] = field(default_factory=list)
    alternatives: list[tuple[str, str, float]] = field(default_factory=list)  # id, name, score
    evidence: str = ""  # where the sender was found, for the table and the CLI
    sender_email: str = ""  # an e-mailed answer's From address
    new_consultee: tuple[str, ConsulteeType] | None = None  # register as uninvited (name, type)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text OCR read
    ocr_note: str = ""  # OCR pages of an e-mail's attachments ("skannat.pdf: 1–2")
    media_type: str = ""  # set for e-mails (the kind of the stored original)
    received: dt.date | None = None  # an e-mail's date received: its inkom date
    garbled_pages: list[int] = field(default_factory=list)  # flagged, not (yet) OCR-read

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def kind_label(self) -> str:
        if self.kind is not None:
            return self.kind.label
        return "E-post" if self.media_type else "–"

    @property
    def unmatched(self) -> bool:
        """Valid, not a form, and no consultee comes close: perhaps an uninvited answer."""
        return (
            self.ok
            and self.form is None
            and self.new_consultee is None
            and not self.accepted
            and (self.consultee_id is None or self.score < NO_MATCH_SCORE)
        )

    @property
    def uncertain(self) -> bool:
        """Valid, a consultee comes close but not surely: the user must confirm."""
        return (
            self.ok
            and self.new_consultee is None
            and not self.accepted
            and self.consultee_id is not None
            and self.score >= NO_MATCH_SCORE
        )

    @property
    def ready(self) -> bool:
        """Accepted and with a consultee (existing or to be registered)."""
        return self.ok and self.accepted and bool(self.consultee_id or self.new_consultee)


@dataclass(frozen=True)
class ImportResult:
    imported: list[tuple[str, str]]  # (file name, consultee name)
    rejected: list[tuple[str, str]]  # (file name, reason)
    late: list[str]  # consultee names whose answer came after the deadline
    response_ids: list[str]
    how: dict[str, str] = field(default_factory=dict)  # file name -> method and evidence
    ocr: dict[str, str] = field(default_factory=dict)  # file name -> OCR-read pages ("1–16")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _normalise(text: str) -> str:
    text = re.sub(
        r"(?i)\b(remissvar|remiss|svar|svarsmall|yttrande|final|slutlig|v\d+)\b", " ", text
    )
    text = re.sub(r"[_\-–.()\[\]]+", " ", text)
    text = re.sub(r"\b\d{4}[ -]?\d{2}[ -]?\d{2}\b|\b\d+\b", " ", text)
    return " ".join(text.split()).casefold()


def _match(proposal: FileProposal, consultees: list[ConsulteeKey]) -> None:
    """Identify the sender: letterhead, signature, closing, footer (and an e-mail's sender
    address) weigh most, the address block (the recipient) not at all; the file name and a
    mention in the text are weaker evidence."""
    from rapidfuzz import fuzz, process, utils

    if not consultees:
        return
    by_id = {k.consultee_id: k.name for k in consultees}
    names = {k.consultee_id: k.name.casefold() for k in consultees}
    stem = _normalise(proposal.path.stem)
    by_name = (
        process.extract(
            stem, names, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=3
        )
        if stem
        else []
    )
    scored: dict[str, tuple[float, MatchMethod, str]] = {}
    for _name, score, cid in by_name:
        scored[cid] = (float(score), MatchMethod.FILE_NAME, f"filnamnet «{proposal.path.name}»")
    for cand in identify_sender(proposal.text, consultees, proposal.sender_email):
        if cand.score > scored.get(cand.consultee_id, (0.0, MatchMethod.NONE, ""))[0]:
            scored[cand.consultee_id] = (cand.score, _ZONE_METHOD[cand.zone], cand.describe())
    ranking = sorted(scored.items(), key=lambda kv: -kv[1][0])
    proposal.alternatives = [(cid, by_id[cid], s) for cid, (s, _m, _e) in ranking[:5]]
    if not ranking:
        return
    best_id, (best, method, evidence) = ranking[0]
    proposal.consultee_id = best_id
    proposal.consultee_name = by_id[best_id]
    proposal.method = method
    proposal.score = best
    proposal.evidence = evidence
    runner_up = ranking[1][1][0] if len(ranking) > 1 else 0.0
    proposal.accepted = best >= AUTO_ACCEPT_SCORE and best - runner_up >= AMBIGUITY_MARGIN
    if not proposal.accepted:
        proposal.warnings.append(
            f"osäker matchning mot «{proposal.consultee_name}» ({best:.0f} %): bekräfta"
        )


def _read_one(
    path: Path,
    facts: RoundFacts,
    *,
    duplicate: Callable[[str], bool] = lambda _sha: False,
    ocr_garbled: bool = False,
    page_progress: Callable[[int, int], None] | None = None,
) -> FileProposal:
    proposal = FileProposal(path=Path(path))
    if proposal.path.suffix.lower() in EMAIL_SUFFIXES:
        try:
            _read_email_file(proposal, facts, duplicate, ocr_garbled, page_progress)
        except FileRejected as exc:
            proposal.error = exc.message
        return proposal
    try:
        checked: CheckedFile = read_checked(path)
        proposal.kind = checked.kind
        proposal.size = len(checked.data)
        proposal.sha256 = sha256_of(checked.data)
        if duplicate(proposal.sha256):
            return proposal  # reported by the caller; not worth reading (or OCR)
        if checked.kind is FileKind.XLSX:
            from utredning_app.importing.xlsx_form import read_form

            answer = read_form(checked, facts)
            proposal.form = answer
            proposal.text = answer.as_text(facts)
            proposal.consultee_id = answer.consultee_id
            proposal.consultee_name = facts.consultees[answer.consultee_id]
            proposal.method = MatchMethod.FORM
            proposal.score = 100.0
            proposal.accepted = True
        elif checked.kind is FileKind.DOCX:
            from utredning_app.importing.docx_text import extract_docx_text

            proposal.text = extract_docx_text(checked)
        else:
            _read_pdf(proposal, checked, ocr_garbled=ocr_garbled, page_progress=page_progress)
    except FileRejected as exc:
        proposal.error = exc.message
    return proposal


def _read_bytes(path: Path) -> bytes:
    from utredning_app.importing.guards import check_size

    try:
        size = path.stat().st_size
        check_size(path.name, size)
        return path.read_bytes()
    except OSError as exc:
        raise FileRejected(f"{path.name}: filen kan inte läsas ({os_reason(exc)}).") from exc


def _read_email_file(
    proposal: FileProposal,
    facts: RoundFacts,
    duplicate: Callable[[str], bool],
    ocr_garbled: bool,
    page_progress: Callable[[int, int], None] | None,
) -> None:
    """An e-mailed answer: the body and every attachment's text; the sender's address is
    evidence for the match and the date received the inkom date."""
    from utredning_app.importing.email_answer import MEDIA_TYPES, read_email
    from utredning_app.importing.guards import check_bytes
    from utredning_app.importing.text_quality import page_ranges

    path = proposal.path
    data = _read_bytes(path)
    proposal.size = len(data)
    proposal.sha256 = sha256_of(data)
    proposal.media_type = MEDIA_TYPES[path.suffix.lower()]
    if duplicate(proposal.sha256):
        return
    mail = read_email(path.name, data)
    proposal.received = mail.received
    proposal.sender_email = mail.sender or mail.sender_address
    head = f"E-post från {mail.sender or mail.sender_address or 'okänd avsändare'}"
    if mail.received:
        head += f", mottaget {mail.received.isoformat()}"
    parts = [head + (f"\nÄmne: {mail.subject}" if mail.subject else ""), mail.body]
    ocr_notes: list[str] = []
    for name, content in mail.attachments:
        try:
            checked = check_bytes(name, content)
            if checked.kind is FileKind.XLSX:
                from utredning_app.importing.xlsx_form import read_form

                form = read_form(checked, facts)
                if proposal.form is None:
                    proposal.form = form
                    proposal.consultee_id = form.consultee_id
                    proposal.consultee_name = facts.consultees[form.consultee_id]
                    proposal.method = MatchMethod.FORM
                    proposal.score = 100.0
                    proposal.accepted = True
                text = form.as_text(facts)
            elif checked.kind is FileKind.DOCX:
                from utredning_app.importing.docx_text import extract_docx_text

                text = extract_docx_text(checked)
            else:
                inner = FileProposal(path=Path(name))
                _read_pdf(inner, checked, ocr_garbled=ocr_garbled, page_progress=page_progress)
                text = inner.text
                proposal.warnings += [f"bilagan {name}: {w}" for w in inner.warnings]
                proposal.garbled_pages += inner.garbled_pages
                if inner.ocr_pages:
                    ocr_notes.append(f"{name}: {page_ranges(inner.ocr_pages)}")
        except FileRejected as exc:
            proposal.warnings.append(f"bilagan lästes inte: {exc.message}")
            continue
        parts.append(f"--- Bilaga: {name} ---\n{text}")
    proposal.ocr_note = "; ".join(ocr_notes)
    proposal.text = "\n\n".join(p for p in parts if p.strip()).strip()


def _read_pdf(
    proposal: FileProposal,
    checked: CheckedFile,
    *,
    ocr_garbled: bool,
    page_progress: Callable[[int, int], None] | None,
) -> None:
    """PDF text page by page; pages without text (scans) are read by OCR, garbled pages
    (importing/text_quality.py) are flagged – and read by OCR when ``ocr_garbled``."""
    from utredning_app.importing.ocr import OcrUnavailable, ocr_pdf_pages
    from utredning_app.importing.pdf_text import extract_pdf_pages, join_pages
    from utredning_app.importing.text_quality import check_pages, page_ranges

    pages = extract_pdf_pages(checked)
    quality = check_pages(pages)
    empty = [q.page for q in quality if not pages[q.page - 1].strip()]
    garbled = [q for q in quality if q.garbled and q.page not in empty]
    wanted = empty + ([q.page for q in garbled] if ocr_garbled else [])
    if wanted:
        try:
            read = ocr_pdf_pages(
                checked.data, sorted(wanted), file_name=checked.name, tick=page_progress
            )
        except OcrUnavailable as exc:
            if len(empty) == len(pages):
                raise  # nothing to read without OCR: rejected with the install help
            proposal.warnings.append(
                f"sidorna {page_ranges(wanted)} kunde inte läsas: {exc.message.split(': ', 1)[-1]}"
            )
            read = {}
        read = {number: text for number, text in read.items() if text.strip()}  # not blank
        for number, text in read.items():
            pages[number - 1] = text
        proposal.ocr_pages = sorted(read)
        if read:
            ranges = page_ranges(sorted(read))
            proposal.warnings.append(f"OCR-tolkad text på sidorna {ranges}: kontrollera texten")
    proposal.garbled_pages = [q.page for q in garbled if q.page not in proposal.ocr_pages]
    for q in garbled:
        if q.page in proposal.garbled_pages:
            proposal.warnings.append(f"texten ser förvrängd ut ({q.reason()}): tolka med OCR")
    proposal.text = join_pages(pages)
    if not proposal.text:
        raise FileRejected(
            f"{checked.name}: PDF-filen innehåller ingen text, inte heller efter OCR. "
            "Be om en textbaserad PDF eller ett Word-dokument."
        )


def analyse_files(
    db: Database,
    files: Iterable[Path],
    *,
    round_ref: str | None = None,
    received: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    ocr_garbled: bool = False,
    page_progress: Callable[[int, int], None] | None = None,
) -> list[FileProposal]:
    """Read, validate and match every file; write nothing. Scanned PDF pages are read by OCR
    (``page_progress`` after each page; raising from it cancels), garbled pages only when
    ``ocr_garbled``."""
    from utredning_app.services.remiss_rounds import round_facts, select_round

    paths = [Path(f) for f in files]
    with db.reader() as s:
        rnd = select_round(s, round_ref)
        facts = round_facts(s, rnd)
        keys = consultee_keys(s, rnd)
        deadline = rnd.deadline
        known = _known_hashes(s)
        answered = _answered_consultees(s, rnd.id)
    out: list[FileProposal] = []
    seen: dict[str, str] = {}
    when = received or dt.date.today()
    for index, path in enumerate(paths):
        proposal = _read_one(
            path,
            facts,
            duplicate=lambda sha: sha in known or sha in seen,
            ocr_garbled=ocr_garbled,
            page_progress=page_progress,
        )
        if proposal.ok:
            if proposal.sha256 in known:
                proposal.error = (
                    f"{path.name}: samma fil finns redan i utredningen "
                    f"(inläst som {known[proposal.sha256]})."
                )
            elif proposal.sha256 in seen:
                proposal.error = (
                    f"{path.name}: samma fil som {seen[proposal.sha256]} i det här urvalet."
                )
            else:
                seen[proposal.sha256] = path.name
                if proposal.form is None:
                    _match(proposal, keys)
                if proposal.garbled_pages:
                    proposal.accepted = False  # garbage must not go in unnoticed
                if proposal.consultee_id in answered:
                    proposal.warnings.append(
                        f"«{proposal.consultee_name}» har redan ett registrerat svar"
                    )
                if deadline is not None and (proposal.received or when) > deadline:
                    proposal.warnings.append(f"inkom efter sista svarsdag ({deadline.isoformat()})")
        if not proposal.ok:
            proposal.accepted = False
        out.append(proposal)
        if progress:
            progress(index + 1, len(paths))
    return out


def consultee_keys(s: Session, rnd: m.ConsultationRound) -> list[ConsulteeKey]:
    from utredning_app.services.remiss_rounds import round_consultees

    return [ConsulteeKey(c.id, c.name, c.email) for c in round_consultees(s, rnd)]


def _known_hashes(s: Session) -> dict[str, str]:
    rows = s.execute(
        select(m.Attachment.sha256, m.Attachment.file_name).where(m.Attachment.deleted_at.is_(None))
    )
    return {sha: name for sha, name in rows}


def _answered_consultees(s: Session, round_id: str) -> set[str]:
    rows = s.scalars(
        select(m.Response.consultee_id)
        .join(m.Consultee, m.Consultee.id == m.Response.consultee_id)
        .where(m.Consultee.round_id == round_id, m.Response.deleted_at.is_(None))
    )
    return set(rows)


def choose_consultee(proposal: FileProposal, consultee_id: str, name: str) -> FileProposal:
    """The user's choice in the confirmation table."""
    return replace(
        proposal,
        consultee_id=consultee_id,
        consultee_name=name,
        method=MatchMethod.MANUAL,
        accepted=True,
        new_consultee=None,
        evidence="",
    )


def register_as_new(
    proposal: FileProposal, name: str | None = None, kind: ConsulteeType | None = None
) -> FileProposal:
    """Take the file as the answer of a new consultee, marked *ej inbjuden*: the name given,
    else the sender identified in the text (signature, closing, letterhead, e-mail)."""
    from utredning_app.services.consultees import guess_type

    evidence = ""
    if not name:
        guess = guess_sender_name(proposal.text, proposal.sender_email)
        if guess is None:
            raise ValidationError(
                f"{proposal.path.name}: ingen avsändare känns igen i texten; "
                "ange remissinstansens namn."
            )
        name, evidence = guess.name, guess.evidence.describe()
    name = " ".join(name.split())[:300]
    return replace(
        proposal,
        consultee_id=None,
        consultee_name=name,
        new_consultee=(name, kind or guess_type(name)),
        method=MatchMethod.NEW,
        score=0.0,
        accepted=True,
        evidence=evidence,
    )


def replace_proposal(proposal: FileProposal, **changes: object) -> FileProposal:
    """A copy of ``proposal`` with ``changes`` (the confirmation table's edits)."""
    return replace(proposal, **changes)  # type: ignore[arg-type]


def commit_import(
    db: Database,
    proposals: list[FileProposal],
    *,
    received: dt.date | None = None,
    round_ref: str | None = None,
) -> ImportResult:
    """Store every accepted, valid file in one transaction; report the others."""
    from utredning_app.services.remiss_rounds import round_facts, select_round

    when = received or dt.date.today()
    rejected = [(p.path.name, p.error) for p in proposals if not p.ok]
    rejected += [(p.path.name, _unconfirmed_message(p)) for p in proposals if p.ok and not p.ready]
    todo = [p for p in proposals if p.ready]
    imported: list[tuple[str, str]] = []
    late: list[str] = []
    ids: list[str] = []
    how = {p.path.name: describe_match(p) for p in todo}
    ocr = {
        p.path.name: _ranges(p.ocr_pages) or p.ocr_note for p in todo if p.ocr_pages or p.ocr_note
    }
    if not todo:
        return ImportResult(imported, rejected, late, ids, how, ocr)
    with db.transaction() as s:
        rnd = select_round(s, round_ref)
        facts = round_facts(s, rnd)
        known = _known_hashes(s)
        by_name = {name.casefold(): cid for cid, name in facts.consultees.items()}
        for p in todo:
            # The bytes are read again here (not kept since the analysis, so a batch of
            # hundreds of files never sits in memory at once) and must be the checked ones:
            # a file changed or removed since the analysis is reported, the rest goes in.
            try:
                data = _reread(p)
            except ValidationError as exc:
                rejected.append((p.path.name, exc.message.replace(" Ingenting lästes in.", "")))
                continue
            if p.new_consultee is not None:  # only now: a file rejected above adds no one
                name = p.new_consultee[0]
                cid = _new_consultee(s, rnd.id, p.new_consultee, by_name)
                facts.consultees.setdefault(cid, name)
                p = replace(p, consultee_id=cid)
            assert p.consultee_id is not None
            if p.consultee_id not in facts.consultees:
                raise ValidationError(
                    f"{p.path.name}: remissinstansen finns inte i remissomgången «{rnd.name}»."
                )
            if p.sha256 in known:
                raise ValidationError(f"{p.path.name}: samma fil finns redan i utredningen.")
            known[p.sha256] = p.path.name
            response = m.Response(
                consultee_id=p.consultee_id,
                received_date=p.received or when,
                status=_initial_status(p),
                their_reference=(p.form.contact[:200] if p.form else ""),
                extracted_text=p.text,
                ocr_pages=_ranges(p.ocr_pages) or p.ocr_note[:200],
                summary_md="",
            )
            s.add(response)
            s.flush()
            s.add(
                m.Attachment(
                    response_id=response.id,
                    file_name=p.path.name[:500],
                    media_type=p.media_type or (p.kind.media_type if p.kind else ""),
                    sha256=p.sha256,
                    size=len(data),
                    data=data,
                )
            )
            if p.form is not None:
                for row in p.form.rows:
                    if row.stance is None and not row.comment:
                        continue
                    s.add(
                        m.Stance(
                            response_id=response.id,
                            proposal_id=row.proposal_id,
                            stance=row.stance or StanceKind.TILLSTYRKER_MED_SYNPUNKTER,
                            comment_md=row.comment,
                        )
                    )
            ids.append(response.id)
            imported.append((p.path.name, facts.consultees[p.consultee_id]))
            if rnd.deadline is not None and (p.received or when) > rnd.deadline:
                late.append(facts.consultees[p.consultee_id])
    return ImportResult(imported, rejected, late, ids, how, ocr)


def _ranges(pages: list[int]) -> str:
    from utredning_app.importing.text_quality import page_ranges

    return page_ranges(pages)[:200]


def _new_consultee(
    s: Session, round_id: str, new: tuple[str, ConsulteeType], by_name: dict[str, str]
) -> str:
    """The id of the uninvited consultee ``new`` (registered once per name and round)."""
    name, kind = new
    if name.casefold() in by_name:
        return by_name[name.casefold()]
    row = m.Consultee(round_id=round_id, name=name, type=kind, invited=False)
    s.add(row)
    s.flush()
    by_name[name.casefold()] = row.id
    return row.id


def describe_match(p: FileProposal) -> str:
    """How the consultee was found, with the evidence: "avslutningen «Detta yttrande …»"."""
    if p.method is MatchMethod.NEW:
        return p.method.label + (f": {p.evidence}" if p.evidence else "")
    if p.method in (MatchMethod.FORM, MatchMethod.MANUAL, MatchMethod.NONE):
        return p.method.label
    return p.evidence or p.method.label


def _reread(p: FileProposal) -> bytes:
    try:
        data = _read_bytes(p.path) if p.media_type else read_checked(p.path).data
    except FileRejected as exc:
        raise ValidationError(f"{exc.message} Ingenting lästes in.") from exc
    if sha256_of(data) != p.sha256:
        raise ValidationError(
            f"{p.path.name}: filen har ändrats sedan den kontrollerades. Lägg till den igen. "
            "Ingenting lästes in."
        )
    return data


def _unconfirmed_message(p: FileProposal) -> str:
    if p.garbled_pages:
        from utredning_app.importing.text_quality import page_ranges

        return (
            f"{p.path.name}: texten på sidorna {page_ranges(p.garbled_pages)} ser förvrängd ut "
            "(teckenkodningen i PDF-filen); läs in med --ocr eller tolka sidorna med OCR i "
            "programmet."
        )
    if p.unmatched:
        closest = f" (närmast «{p.consultee_name}», {p.score:.0f} %)" if p.consultee_id else ""
        return (
            f"{p.path.name}: ingen remissinstans känns igen i filnamnet eller texten{closest}; "
            "välj instans vid inläsningen i programmet, eller läs in med --ny-instans "
            "(avsändaren registreras som ny instans, ej inbjuden) eller --instans NAMN."
        )
    return (
        f"{p.path.name}: osäker matchning (närmast «{p.consultee_name}», {p.score:.0f} %); "
        "bekräfta instansen vid inläsningen i programmet eller i en terminal, "
        "eller ange --instans NAMN."
    )


def _initial_status(p: FileProposal) -> ResponseStatus:
    if p.form is None:
        return ResponseStatus.MOTTAGEN
    stances = [r.stance for r in p.form.rows]
    if stances and all(st is StanceKind.AVSTAR for st in stances):
        return ResponseStatus.AVSTATT
    if stances and all(st is not None for st in stances):
        return ResponseStatus.KODAD
    return ResponseStatus.UNDER_KODNING


Ask = Callable[[FileProposal, list[tuple[str, str, float]]], FileProposal]


def import_answers(
    path: Path,
    files: Iterable[Path],
    *,
    round_ref: str | None = None,
    received: dt.date | None = None,
    actor: str = "",
    new_consultees: bool = False,
    new_type: ConsulteeType | None = None,
    assign_to: str | None = None,
    ask: Ask | None = None,
    ocr_garbled: bool = False,
) -> ImportResult:
    """Non-interactive import (the CLI): take confident matches, reject the rest.

    ``assign_to`` (a consultee's name) takes every file of the call as that consultee's
    answer; ``new_consultees`` registers the sender of each file that matches no consultee as
    a new, uninvited one (of ``new_type``, else guessed from the name); ``ask`` (a terminal)
    is asked about each uncertain match and returns the proposal as the user decided."""
    from utredning_app.storage.database import open_database

    with open_database(path, actor=actor) as db:
        proposals = analyse_files(
            db, files, round_ref=round_ref, received=received, ocr_garbled=ocr_garbled
        )
        if assign_to is not None:
            target = _consultee_by_name(db, assign_to, round_ref)
            proposals = [
                choose_consultee(p, *target) if p.ok and p.form is None else p for p in proposals
            ]
        decided: list[FileProposal] = []
        for p in proposals:
            if new_consultees and p.unmatched:
                try:
                    p = register_as_new(p, kind=new_type)
                except ValidationError as exc:
                    p = replace(p, error=exc.message)
            elif ask is not None and (p.uncertain or p.unmatched):
                p = ask(p, p.alternatives)
            decided.append(p)
        return commit_import(db, decided, received=received, round_ref=round_ref)


def _consultee_by_name(db: Database, name: str, round_ref: str | None) -> tuple[str, str]:
    from rapidfuzz import fuzz, process, utils

    from utredning_app.services.remiss_rounds import round_consultees, select_round

    with db.reader() as s:
        rnd = select_round(s, round_ref)
        consultees = {c.id: c.name for c in round_consultees(s, rnd)}
        round_name = rnd.name
    wanted = " ".join(name.split()).casefold()
    for cid, known in consultees.items():
        if known.casefold() == wanted:
            return cid, known
    found = process.extractOne(
        name, consultees, scorer=fuzz.WRatio, processor=utils.default_process
    )
    hint = f" Menade du «{found[0]}»?" if found and found[1] >= 60 else ""
    raise ValidationError(
        f"«{name}» finns inte bland remissinstanserna i «{round_name}».{hint} Ingenting lästes in."
    )
