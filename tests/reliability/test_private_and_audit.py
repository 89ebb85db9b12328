"""Private notes stay private in everything meant to leave the laptop; the audit log is
append-only and exportable.

Every export that exists is scanned for unique markers planted in private/party notes,
sections and dissents — in their text, titles and in their later edits (so the markers also
sit in the audit log's old/new values). Exports that land later (Word, Excel) are added to
``SHARED_EXPORTS``.
"""

from __future__ import annotations

import csv
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.builders import fill_every_entity
from tests.reliability.stats import record
from utredning_app.cli import main as cli_main
from utredning_app.domain.enums import DissentKind, ReportKind, Visibility
from utredning_app.services.archive import export_archive
from utredning_app.services.audit_log import export_audit
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.models import (
    AuditEntry,
    Dissent,
    DissentMember,
    Member,
    Note,
    Party,
    Proposal,
    Report,
    Section,
)


def _marker(kind: str) -> str:
    return f"HEMLIG{kind}{uuid.uuid4().hex[:12]}"


def plant_private_markers(db: Database) -> tuple[set[str], set[str]]:
    """Add private/party content with unique markers; returns (private, shared) markers."""
    private: set[str] = set()
    shared: set[str] = set()

    def mark(kind: str, bucket: set[str]) -> str:
        value = _marker(kind)
        bucket.add(value)
        return value

    with db.transaction(actor="Åsa Öberg") as s:
        reports = list(s.scalars(select(Report)))
        if not reports:
            reports = [Report(kind=ReportKind.DELRAPPORT, title="Delrapport")]
            s.add(reports[0])
            s.flush()
        proposal = s.scalars(select(Proposal)).first()
        party = s.scalars(select(Party)).first()
        member = s.scalars(select(Member)).first()
        for vis in (Visibility.PRIVAT, Visibility.PARTI):
            s.add(
                Note(
                    title=mark(f"NOTTITEL{vis.value}", private),
                    body_md=mark(f"NOT{vis.value}", private),
                    visibility=vis,
                    author="Åsa Öberg",
                )
            )
            for report in reports:
                # Same keys as the shared chapters, so only visibility keeps them out.
                keys = [sec.key for sec in report.sections] or ["sammanfattning"]
                for key in keys[:3]:
                    s.add(
                        Section(
                            report_id=report.id,
                            key=key,
                            title=mark(f"AVSNITTSTITEL{vis.value}", private),
                            body_md=mark(f"AVSNITT{vis.value}", private),
                            visibility=vis,
                            sort_order=1,
                        )
                    )
            for kind in DissentKind:
                dissent = Dissent(
                    kind=kind,
                    proposal_id=proposal.id if proposal else None,
                    party_id=party.id if party else None,
                    title=mark(f"RESERVATIONSTITEL{vis.value}", private),
                    text_md=mark(f"RESERVATION{vis.value}", private),
                    visibility=vis,
                )
                s.add(dissent)
                if member is not None:  # signed: its signatories must go with it
                    s.flush()
                    s.add(DissentMember(dissent_id=dissent.id, member_id=member.id))
        if proposal is not None:
            s.add(
                Dissent(
                    kind=DissentKind.RESERVATION,
                    proposal_id=proposal.id,
                    party_id=party.id if party else None,
                    title="Gemensam reservation",
                    text_md=mark("DELADRESERVATION", shared),
                    visibility=Visibility.GRUPPEN,
                )
            )
        s.add(
            Note(
                title="Släppt anteckning",
                body_md=mark("SLÄPPT", shared),
                visibility=Visibility.PRIVAT,
                released=True,
            )
        )
        s.add(
            Note(title="Gruppens", body_md=mark("GRUPPEN", shared), visibility=Visibility.GRUPPEN)
        )
    # Written private, later made public with new text: the old text stays private (it sits
    # only in the audit log's old values).
    with db.transaction(actor="Åsa Öberg") as s:
        for vis in (Visibility.PRIVAT, Visibility.PARTI):
            later_public = Note(
                title="Blir gemensam",
                body_md=mark(f"FÖREGRUPPEN{vis.value}", private),
                visibility=vis,
            )
            s.add(later_public)
            s.flush()
            later_public.body_md = mark(f"TIDIGAREPRIVAT{vis.value}", private)
        s.flush()
    with db.transaction(actor="Åsa Öberg") as s:
        for note in s.scalars(select(Note).where(Note.title == "Blir gemensam")):
            note.body_md = mark("NUGEMENSAM", shared)
            note.visibility = Visibility.GRUPPEN
    # Later edits: the old values (markers) move into the audit log's changes.
    with db.transaction(actor="Åsa Öberg") as s:
        for note in s.scalars(select(Note).where(Note.visibility != Visibility.GRUPPEN)):
            if not note.released:
                note.body_md = mark("NOTÄNDRAD", private)
        for section in s.scalars(select(Section).where(Section.visibility != Visibility.GRUPPEN)):
            section.body_md = mark("AVSNITTÄNDRAT", private)
        # A private note deleted (tombstoned): still private.
        gone = Note(title=mark("RADERADTITEL", private), body_md=mark("RADERAD", private))
        s.add(gone)
        s.flush()
        from utredning_app.storage.base import utcnow

        gone.deleted_at = utcnow()
    return private, shared


def _text_of(path: Path) -> str:
    """All text of an export: plain files as UTF-8, Office files as every XML part; a folder
    as all its files."""
    if path.is_dir():
        return "\n".join(_text_of(p) for p in sorted(path.rglob("*")) if p.is_file())
    data = path.read_bytes()
    if data[:2] == b"PK":
        with zipfile.ZipFile(path) as zf:
            return "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())
    return data.decode("utf-8-sig", "replace")


Export = Callable[[Path, Path], Path]


def _archive_shared(source: Path, folder: Path) -> Path:
    return export_archive(source, folder / "delad.json", include_private=False)


def _audit_csv(source: Path, folder: Path) -> Path:
    export_audit(source, folder / "logg.csv")
    return folder / "logg.csv"


def _audit_xlsx(source: Path, folder: Path) -> Path:
    export_audit(source, folder / "logg.xlsx")
    return folder / "logg.xlsx"


def _cli_archive(source: Path, folder: Path) -> Path:
    out = folder / "cli.json"
    assert cli_main(["export-json", str(source), "-o", str(out), "--utan-privat"]) == 0
    return out


def _cli_audit(source: Path, folder: Path) -> Path:
    out = folder / "cli-logg.csv"
    assert cli_main(["logg", str(source), "-o", str(out)]) == 0
    return out


def _word(kind: str, draft: bool) -> Export:
    def export(source: Path, folder: Path) -> Path:
        from utredning_app.services.exports import export_document

        return export_document(kind, source, folder / f"{kind}.docx", draft=draft).out

    return export


def _excel(kind: str) -> Export:
    def export(source: Path, folder: Path) -> Path:
        from utredning_app.services.exports import export_xlsx

        return export_xlsx(kind, source, folder / f"{kind}.xlsx").out

    return export


def _sendout(source: Path, folder: Path) -> Path:
    from utredning_app.services.sendout import create_sendout

    create_sendout(source, folder / "utskick")
    return folder / "utskick"


def _reminders(source: Path, folder: Path) -> Path:
    from utredning_app.services.remiss_status import export_reminders

    with open_database(source, read_only=True) as db:
        export_reminders(db, folder / "påminnelser.xlsx")
    return folder / "påminnelser.xlsx"


def _share_copy(source: Path, folder: Path) -> Path:
    from utredning_app.services.info import check_file

    out = folder / "delad.utredning"
    assert cli_main(["dela", str(source), "-o", str(out)]) == 0
    assert check_file(out).ok
    return out


def _registered_exports() -> dict[str, Export]:
    """Every Word document and Excel kind the export registries know, at collection time."""
    from utredning_app.services.exports import DOCUMENTS, xlsx_kinds

    found: dict[str, Export] = {}
    for kind in DOCUMENTS:
        found[f"word-{kind}"] = _word(kind, draft=False)
        found[f"word-{kind}-utkast"] = _word(kind, draft=True)
    for kind in xlsx_kinds():
        found[f"excel-{kind}"] = _excel(kind)
    return found


# Everything meant for others.
SHARED_EXPORTS: dict[str, Export] = {
    "arkiv-utan-privat": _archive_shared,
    "logg-csv": _audit_csv,
    "logg-xlsx": _audit_xlsx,
    "cli-export-json": _cli_archive,
    "cli-logg": _cli_audit,
    "remiss-utskick": _sendout,
    "dela-utredningsfil": _share_copy,
    "remiss-påminnelser": _reminders,
    **_registered_exports(),
}


@pytest.fixture
def private_file(demo_path: Path) -> tuple[Path, set[str], set[str]]:
    with open_database(demo_path, actor="Sekretariatet") as db:
        fill_every_entity(db)
        private, shared = plant_private_markers(db)
    return demo_path, private, shared


@pytest.mark.parametrize("name", sorted(SHARED_EXPORTS))
def test_no_private_marker_in_shared_exports(
    name: str, private_file: tuple[Path, set[str], set[str]], tmp_path: Path
) -> None:
    source, private, shared = private_file
    out_dir = tmp_path / "ut"
    out_dir.mkdir()
    text = _text_of(SHARED_EXPORTS[name](source, out_dir))
    leaked = sorted(m for m in private if m in text)
    record("privacy", name, survived=not leaked)
    assert not leaked, f"{name} leaks private content: {leaked[:5]}"
    # Released and group content is not over-filtered where the export carries notes at all.
    if name.startswith(("arkiv", "cli-export", "dela")):
        assert all(m in text for m in shared)


def test_word_reports_do_show_shared_dissents(
    private_file: tuple[Path, set[str], set[str]], tmp_path: Path
) -> None:
    """Positive control for the Word scan: a shared dissent on the same proposal shows."""
    source, _, shared = private_file
    dissent = next(m for m in shared if m.startswith("HEMLIGDELADRESERVATION"))
    texts = [
        _text_of(export(source, tmp_path))
        for name, export in SHARED_EXPORTS.items()
        if name in ("word-slutrapport", "word-delrapport")
    ]
    assert any(dissent in text for text in texts)


def test_scan_can_find_leaks(private_file: tuple[Path, set[str], set[str]], tmp_path: Path) -> None:
    """Positive control: the exports *with* private content contain every marker."""
    source, private, _ = private_file
    full = _text_of(export_archive(source, tmp_path / "allt.json", include_private=True))
    assert all(m in full for m in private)
    export_audit(source, tmp_path / "allt.csv", include_private=True)
    log = _text_of(tmp_path / "allt.csv")
    assert sum(m in log for m in private) >= len(private) // 2


def test_audit_log_cannot_be_modified_or_deleted(db: Database) -> None:
    with db.transaction() as s:
        s.add(Note(title="något"))
    with db.reader() as s:
        count = len(s.scalars(select(AuditEntry)).all())
    for change in ("edit", "delete"):
        with pytest.raises(PermissionError, match="Ändringsloggen"), db.transaction() as s:
            entry = s.scalars(select(AuditEntry)).first()
            assert entry is not None
            if change == "edit":
                entry.summary = "förfalskad"
            else:
                s.delete(entry)
    with pytest.raises(PermissionError), db.transaction() as s:
        s.add(AuditEntry(action="create", table_name="note", row_id="x", summary="falsk"))
    with db.reader() as s:
        entries = s.scalars(select(AuditEntry)).all()
    assert len(entries) == count
    assert all(e.summary != "förfalskad" for e in entries)


def test_audit_export_has_who_when_old_and_new(db: Database, tmp_path: Path) -> None:
    with db.transaction(actor="Anna Ek") as s:
        db.investigation(s).region = "Region Stockholm"
    with db.transaction(actor="Bo Ek") as s:
        db.investigation(s).region = "Region Uppsala"
    out = tmp_path / "logg.csv"
    assert export_audit(db.path, out) >= 3
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Tidpunkt (UTC)", "Vem", "Åtgärd"]
    last = rows[-1]
    assert last[1] == "Bo Ek" and last[2] == "Ändrad"
    assert "region: Region Stockholm → Region Uppsala" in last[6]
    assert last[0][:4].isdigit()  # ISO timestamp
    from openpyxl import load_workbook

    export_audit(db.path, tmp_path / "logg.xlsx")
    sheet = load_workbook(tmp_path / "logg.xlsx", read_only=True)["Ändringslogg"]
    assert [c.value for c in next(sheet.iter_rows())][:2] == ["Tidpunkt (UTC)", "Vem"]


def test_audit_export_neutralises_formulas(db: Database, tmp_path: Path) -> None:
    with db.transaction(actor='=HYPERLINK("http://x")') as s:
        s.add(Note(title="+1+1", visibility=Visibility.GRUPPEN))
    from openpyxl import load_workbook

    export_audit(db.path, tmp_path / "logg.xlsx")
    sheet = load_workbook(tmp_path / "logg.xlsx")["Ändringslogg"]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # string cells, the text kept exactly
    assert '=HYPERLINK("http://x")' in [c.value for c in cells]
    export_audit(db.path, tmp_path / "logg.csv")
    text = (tmp_path / "logg.csv").read_text(encoding="utf-8-sig")
    assert ';"\'=HYPERLINK(""http://x"")";' in text  # CSV: quote-prefixed (OWASP)
