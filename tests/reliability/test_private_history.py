"""A row's history carries the visibility it had at each point (issue 16, finding 1).

A note written *privat* (or a section written *parti*) and later edited and made *hela
gruppen* is shared from then on, but its old private text sits in the ändringslogg's old
values. That text must not leave the file: not in `utredning logg` without ``--med-privat``,
not in the `dela` copy (its log, its rows, its free pages) and not in
``export-json --utan-privat``. The same for who signed a party-internal dissent before it was
made public.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.reliability.stats import record
from utredning_app.cli import main as cli_main
from utredning_app.domain.enums import DissentKind, MemberRole, ReportKind, Visibility
from utredning_app.storage.base import utcnow
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.models import (
    AuditEntry,
    Dissent,
    DissentMember,
    Member,
    Note,
    Report,
    Section,
)


def _note_made_public(db: Database) -> str:
    """The issue's repro: body "HEMLIGT-A" as privat, then "neutral" as gruppen."""
    with db.transaction(actor="Åsa Öberg") as s:
        note = Note(title="Anteckning", body_md="HEMLIGT-A", visibility=Visibility.PRIVAT)
        s.add(note)
    with db.transaction(actor="Åsa Öberg") as s:
        row = s.get(Note, note.id)
        assert row is not None
        row.body_md = "neutral"
        row.visibility = Visibility.GRUPPEN
    return note.id


def _note_edited_then_released(db: Database) -> None:
    """Edited twice while private (the titles too), then released (still privat)."""
    with db.transaction() as s:
        note = Note(title="HEMLIGT-TITEL-B", body_md="HEMLIGT-B1", visibility=Visibility.PRIVAT)
        s.add(note)
    with db.transaction() as s:
        row = s.get(Note, note.id)
        assert row is not None
        row.body_md = "HEMLIGT-B2"
    with db.transaction() as s:
        row = s.get(Note, note.id)
        assert row is not None
        row.title = "Släppt"
        row.body_md = "släppt text"
        row.released = True


def _section_parti_to_gruppen(db: Database) -> None:
    with db.transaction() as s:
        report = Report(kind=ReportKind.DELRAPPORT, title="Delrapport")
        s.add(report)
        s.flush()
        section = Section(
            report_id=report.id,
            key="partiets-linje",
            title="HEMLIGT-PARTITITEL",
            body_md="HEMLIGT-PARTI",
            visibility=Visibility.PARTI,
        )
        s.add(section)
    with db.transaction() as s:
        row = s.get(Section, section.id)
        assert row is not None
        row.body_md = "HEMLIGT-PARTI-2"
    with db.transaction() as s:
        row = s.get(Section, section.id)
        assert row is not None
        row.title = "Gemensam text"
        row.body_md = "gemensam"
        row.visibility = Visibility.GRUPPEN


def _dissent_signed_in_private(db: Database) -> str:
    """A party-internal dissent: a member signs, withdraws; the dissent is then made public.
    Returns the withdrawn signature's id: that it ever existed must stay at home."""
    with db.transaction() as s:
        secret = Member(name="Hemlig Undertecknare", role=MemberRole.LEDAMOT)
        public = Member(name="Öppen Undertecknare", role=MemberRole.LEDAMOT)
        s.add_all([secret, public])
        s.flush()
        dissent = Dissent(
            kind=DissentKind.RESERVATION,
            title="HEMLIGT-RESERVATIONSTITEL",
            text_md="HEMLIGT-RESERVATION",
            visibility=Visibility.PARTI,
        )
        s.add(dissent)
        s.flush()
        withdrawn = DissentMember(dissent_id=dissent.id, member_id=secret.id)
        s.add(withdrawn)
    with db.transaction() as s:
        row = s.get(DissentMember, withdrawn.id)
        assert row is not None
        row.deleted_at = utcnow()  # the member withdraws, still party-internal
        s.add(DissentMember(dissent_id=dissent.id, member_id=public.id))
    with db.transaction() as s:
        d = s.get(Dissent, dissent.id)
        assert d is not None
        d.title = "Reservation"
        d.text_md = "Vi reserverar oss."
        d.visibility = Visibility.GRUPPEN
    return withdrawn.id


MARKERS = (
    "HEMLIGT-A",
    "HEMLIGT-TITEL-B",
    "HEMLIGT-B1",
    "HEMLIGT-B2",
    "HEMLIGT-PARTI",
    "HEMLIGT-PARTITITEL",
    "HEMLIGT-RESERVATION",
)


@pytest.fixture
def history_file(empty_path: Path) -> tuple[Path, str, str]:
    with open_database(empty_path, actor="Sekretariatet") as db:
        note_id = _note_made_public(db)
        _note_edited_then_released(db)
        _section_parti_to_gruppen(db)
        withdrawn = _dissent_signed_in_private(db)
    return empty_path, note_id, withdrawn


def _logg(source: Path, folder: Path) -> str:
    out = folder / "logg.csv"
    assert cli_main(["logg", str(source), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8-sig")


def _logg_xlsx(source: Path, folder: Path) -> str:
    from openpyxl import load_workbook

    out = folder / "logg.xlsx"
    assert cli_main(["logg", str(source), "-o", str(out)]) == 0
    sheet = load_workbook(out, read_only=True)["Ändringslogg"]
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)


def _export_json(source: Path, folder: Path) -> str:
    out = folder / "delad.json"
    assert cli_main(["export-json", str(source), "-o", str(out), "--utan-privat"]) == 0
    return out.read_text(encoding="utf-8")


def _dela(source: Path, folder: Path) -> str:
    """The copy's own log (exported in full from the copy) and every byte of the file."""
    out = folder / "delad.utredning"
    assert cli_main(["dela", str(source), "-o", str(out)]) == 0
    log = folder / "kopians-logg.csv"
    assert cli_main(["logg", str(out), "-o", str(log), "--med-privat"]) == 0
    return log.read_text(encoding="utf-8-sig") + out.read_bytes().decode("utf-8", "replace")


OUTPUTS: dict[str, Callable[[Path, Path], str]] = {
    "logg-csv": _logg,
    "logg-xlsx": _logg_xlsx,
    "export-json-utan-privat": _export_json,
    "dela-kopia": _dela,
}


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_private_history_does_not_leave(
    name: str, history_file: tuple[Path, str, str], tmp_path: Path
) -> None:
    source, note_id, withdrawn = history_file
    folder = tmp_path / "ut"
    folder.mkdir()
    text = OUTPUTS[name](source, folder)
    leaked = [m for m in (*MARKERS, withdrawn) if m in text]
    record("privacy", f"historik-{name}", survived=not leaked)
    assert not leaked, f"{name} visar privat historik: {leaked}"
    # Not over-filtered: what is shared now, and the change that made it so, are there.
    assert "neutral" in text and "gemensam" in text and "släppt text" in text
    assert note_id in text


def test_logg_shows_the_change_to_gruppen_without_the_old_text(
    history_file: tuple[Path, str, str], tmp_path: Path
) -> None:
    source, note_id, _ = history_file
    rows = [line for line in _logg(source, tmp_path).splitlines() if note_id in line]
    assert len(rows) == 1, rows  # the create (privat) stays home; the change to gruppen shows
    assert "visibility: privat → gruppen" in rows[0]
    assert "body_md: ‹dolt: var inte delat› → neutral" in rows[0]


def test_the_author_still_sees_everything(
    history_file: tuple[Path, str, str], tmp_path: Path
) -> None:
    """Positive control: with --med-privat and in the full archive every marker is there."""
    source, _, withdrawn = history_file
    log = tmp_path / "allt.csv"
    assert cli_main(["logg", str(source), "-o", str(log), "--med-privat"]) == 0
    full = tmp_path / "allt.json"
    assert cli_main(["export-json", str(source), "-o", str(full)]) == 0
    for text in (log.read_text(encoding="utf-8-sig"), full.read_text(encoding="utf-8")):
        assert all(m in text for m in MARKERS)
        assert withdrawn in text


def test_shared_copy_is_consistent(history_file: tuple[Path, str, str], tmp_path: Path) -> None:
    """The copy holds the public signatory, not the withdrawn private one, and passes check."""
    from utredning_app.services.info import check_file

    source, _, withdrawn = history_file
    out = tmp_path / "delad.utredning"
    assert cli_main(["dela", str(source), "-o", str(out)]) == 0
    assert check_file(out).ok
    with open_database(out, read_only=True) as copy, copy.reader() as s:
        signers = {dm.member_id for dm in s.scalars(select(DissentMember))}  # tombstones too
        names = {m.id: m.name for m in s.scalars(select(Member))}
        assert {names[i] for i in signers} == {"Öppen Undertecknare"}
        assert withdrawn not in {dm.id for dm in s.scalars(select(DissentMember))}
        for entry in s.scalars(select(AuditEntry)):
            json.loads(entry.changes_json)  # still valid JSON after redaction
    # SQLite's free pages: nothing of the old text anywhere in the file.
    raw = out.read_bytes()
    assert not any(m.encode() in raw for m in MARKERS)
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_dela_writes_nothing_outside_the_chosen_file(
    history_file: tuple[Path, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No JSON copy of the shared content in a temporary folder on the way (a killed process
    would leave it there, outside the user's folders)."""
    import tempfile

    system_tmp = tmp_path / "systemets-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    seen: list[str] = []
    real_mkdtemp = tempfile.mkdtemp

    def watching_mkdtemp(*args: object, **kwargs: object) -> str:
        made = real_mkdtemp(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(made)
        return made

    monkeypatch.setattr(tempfile, "mkdtemp", watching_mkdtemp)
    source, _, _ = history_file
    out_dir = tmp_path / "ut"
    out_dir.mkdir()
    assert cli_main(["dela", str(source), "-o", str(out_dir / "delad.utredning")]) == 0
    assert seen == [] and list(system_tmp.iterdir()) == []
    assert [p.name for p in out_dir.iterdir()] == ["delad.utredning"]
