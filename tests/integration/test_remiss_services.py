"""Coding, search, dashboard and the consultee register, on real investigation files."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from tests.remiss_helpers import RoundIds, ensure_round, write_docx_answer
from utredning_app.domain.enums import ConsulteeType, ResponseStatus, StanceKind
from utredning_app.errors import ValidationError
from utredning_app.services import coding
from utredning_app.services import consultees as reg
from utredning_app.services.remiss_status import export_reminders, remiss_status
from utredning_app.services.responses import analyse_files, commit_import
from utredning_app.services.search import search
from utredning_app.storage.database import Database


def _answers(db: Database, tmp: Path, when: dt.date) -> tuple[RoundIds, dict[str, str]]:
    ids = ensure_round(db)
    texts = {
        "Södersjukhuset AB": "Bolaget avstyrker ombildningen. Ägarstyrningen fungerar väl i dag.",
        "Hälso- och sjukvårdsnämnden": "Nämnden tillstyrker. Nämndstyrningen ger helhetssyn.",
        "Vårdförbundet Region Stockholm": "Förbundet betonar omvårdnaden och bemanningen.",
    }
    files = [
        write_docx_answer(tmp / f"svar {i}.docx", name, [text])
        for i, (name, text) in enumerate(texts.items())
    ]
    result = commit_import(db, analyse_files(db, files, received=when), received=when)
    assert len(result.imported) == 3
    return ids, dict(zip([c for _f, c in result.imported], result.response_ids, strict=True))


def test_coding_quotes_keep_their_place_and_search_filters(db: Database, tmp_path: Path) -> None:
    ids, responses = _answers(db, tmp_path, dt.date(2023, 9, 1))
    sos = responses["Södersjukhuset AB"]
    with db.reader() as s:
        from utredning_app.storage import models as m

        text = s.get(m.Response, sos).extracted_text  # type: ignore[union-attr]
    start = text.index("Ägarstyrningen")
    quote_id = coding.add_quote(
        db, sos, start - 1, start + len("Ägarstyrningen fungerar väl") + 2, key=True
    )
    (quote,) = coding.quotes_of(db, sos)
    assert quote.id == quote_id and quote.is_key
    assert text[quote.start_offset : quote.end_offset] == quote.text
    assert quote.text.startswith("Ägarstyrningen fungerar väl")
    coding.set_quote_key(db, quote_id, False)
    assert not coding.quotes_of(db, sos)[0].is_key
    with pytest.raises(ValidationError, match="utanför"):
        coding.add_quote(db, sos, 0, len(text) + 5)
    coding.set_stance(db, sos, ids.proposal_ids[0], StanceKind.AVSTYRKER, "Vill vara bolag.")
    coding.set_summary(db, sos, "Vill behålla bolagsformen för akutsjukhusen.")
    assert coding.stances_of(db, sos)[ids.proposal_ids[0]].stance is StanceKind.AVSTYRKER
    # Search: compound parts, summary text, filters by type and stance.
    hits = search(db, "styrning")
    assert {h.consultee for h in hits} == {"Södersjukhuset AB", "Hälso- och sjukvårdsnämnden"}
    assert any(p.hit.casefold() == "styrning" for h in hits for p in h.passages)
    assert [h.consultee for h in search(db, "bolagsformen")] == ["Södersjukhuset AB"]
    assert [h.consultee for h in search(db, "styrning", types=[ConsulteeType.NAMND])] == [
        "Hälso- och sjukvårdsnämnden"
    ]
    assert [h.consultee for h in search(db, "styrning", stances=[StanceKind.AVSTYRKER])] == [
        "Södersjukhuset AB"
    ]
    assert search(db, "styrning omvårdnad") == []  # every word must occur
    with pytest.raises(ValidationError, match="tre"):
        search(db, "ab")
    coding.set_stance(db, sos, ids.proposal_ids[0], None)
    assert coding.stances_of(db, sos) == {}


def test_dashboard_counts_and_reminder_lists(db: Database, tmp_path: Path) -> None:
    ids, responses = _answers(db, tmp_path, dt.date(2023, 10, 2))  # after the deadline
    coding.set_status(db, responses["Vårdförbundet Region Stockholm"], ResponseStatus.AVSTATT)
    status = remiss_status(db)
    invited = sum(1 for c in status.consultees if c.invited)
    assert status.total.invited == invited
    assert status.total.answered == 2
    assert status.total.abstained == 1
    assert status.total.late == 3
    assert status.total.missing == invited - 3
    assert status.by_type[ConsulteeType.BOLAG].answered == 1
    assert status.by_type[ConsulteeType.FACKLIG].abstained == 1
    reminded = {c.name for c in status.to_remind}
    assert "Södersjukhuset AB" not in reminded and "Primärvårdsnämnden" in reminded
    out_csv = tmp_path / "påminn.csv"
    assert export_reminders(db, out_csv) == len(reminded)
    rows = list(csv.reader(out_csv.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][0] == "Remissinstans" and {r[0] for r in rows[1:]} == reminded
    assert rows[1][4] == ids.deadline.isoformat()
    out_xlsx = tmp_path / "påminn.xlsx"
    export_reminders(db, out_xlsx)
    ws = openpyxl.load_workbook(out_xlsx).active
    assert {ws.cell(r, 1).value for r in range(3, ws.max_row + 1)} == reminded


def test_consultee_list_import_shows_duplicates_and_rejected_rows_before_writing(
    db: Database, tmp_path: Path
) -> None:
    ensure_round(db)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Remissinstans", "Typ", "E-post", "Inbjuden"])
    ws.append(["Locum AB", "Bolag", "registrator@locum.se", "ja"])
    ws.append(["Södersjukhuset  AB", "", "", "ja"])  # already in the register
    ws.append(["Sveriges läkarförbund", "", "", "nej"])
    ws.append(["Locum AB", "bolag", "", ""])  # twice in the list
    ws.append(["Tandvårdsrådet", "Myndigt verk", "", ""])  # unknown type
    path = tmp_path / "lista.xlsx"
    wb.save(path)
    sheet = reg.read_sheet(path)
    mapping = reg.guess_mapping(sheet.headers)
    assert mapping == {"name": 0, "type": 1, "email": 2, "invited": 3}
    preview = reg.preview_import(db, sheet, mapping)
    assert [c.name for c in preview.new] == ["Locum AB", "Sveriges läkarförbund"]
    assert preview.new[1].type is ConsulteeType.FACKLIG and not preview.new[1].invited
    assert [(r, n) for r, n, _o in preview.duplicates] == [
        (3, "Södersjukhuset AB"),
        (5, "Locum AB"),
    ]
    assert preview.errors == [
        "lista.xlsx, bladet Sheet, rad 6: okänd typ «Myndigt verk» "
        "(tillåtna: Nämnd, Bolag, Förvaltning, Myndighet, Kommun, Region, Organisation, "
        "Facklig organisation, Övrig)"
    ]
    before = len(reg.list_consultees(db))
    assert reg.commit_import(db, preview) == 2  # the valid rows; row 6 is left out
    out = tmp_path / "export.xlsx"
    assert reg.export_consultees(db, out) == before + 2
    again = reg.preview_import(
        db, reg.read_sheet(out), reg.guess_mapping(reg.read_sheet(out).headers)
    )
    assert again.new == [] and len(again.duplicates) == before + 2


def test_cli_reminder_list_only_reads_the_file(tmp_path: Path) -> None:
    """`utredning remiss status FIL --paminnelser UT` writes the list and leaves the
    investigation as it was - also one from an older version, which a writable open would
    have upgraded: not a byte changed, no lock or backup left beside it."""
    import hashlib
    import shutil

    from tests.fixtures.make_schema_fixture import FIXTURES
    from utredning_app.cli import main as cli_main

    old = tmp_path / "fil" / "äldre.utredning"
    old.parent.mkdir()
    shutil.copyfile(FIXTURES / "0001_initial.utredning", old)
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    out = tmp_path / "påminn.csv"
    assert cli_main(["remiss", "status", str(old), "--paminnelser", str(out)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][0] == "Remissinstans" and len(rows) > 1
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before
    assert list(old.parent.iterdir()) == [old]
