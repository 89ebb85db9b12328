"""A real-world consultee list: title rows above the header, header variants, group headings,
a repeated header row and bad rows. The valid rows go in, the others are listed with why."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.remiss_helpers import ensure_round
from utredning_app.domain.enums import ConsulteeType
from utredning_app.services import consultees as reg
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS


def _messy_list(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sändlista"
    ws.append(["Remisslista – Delrapport om styrningen"])
    ws.append(["Diarienummer RS 2023-0412", None, "Uppdaterad 2023-06-30"])
    ws.append([])
    ws.append(["Remissinstans", "typ av instans", "Inbjuden?", "Kontakt person", "E-post adress"])
    ws.append(["Socialstyrelsen", "Myndighet", "Ja", "Anna Berg", "registrator@socialstyrelsen.se"])
    ws.append(["Kommuner"])  # a group heading: not a consultee; gives the type below
    ws.append(["Huddinge", None, "ja", None, "kommunstyrelsen@huddinge.se"])
    ws.append(["Nacka kommun", "Kommun", "ja"])
    ws.append(["Region Uppsala", "Region", "nej"])
    ws.append(["Remissinstans", "typ av instans", "Inbjuden?"])  # the header again
    ws.append(["Länsstyrelsen i Stockholms län", None, "kanske"])  # bad invited value
    ws.append(["Tandvårdsrådet", "Myndigt verk"])  # unknown type
    ws.append(["Inspektionen för vård och omsorg", None, "ja", None, "ivo på ivo.se"])
    ws.append(["Myndigheten för vård- och omsorgsanalys", None, "", "Per Ek"])
    ws.append([None, "Myndighet", "ja"])  # no name
    wb.save(path)
    return path


def test_messy_list_imports_the_valid_rows_and_lists_the_rest(db: Database, tmp_path: Path) -> None:
    ensure_round(db)
    sheet = reg.read_sheet(_messy_list(tmp_path / "lista.xlsx"))
    assert sheet.header_row == 4 and sheet.first_row == 5
    mapping = reg.guess_mapping(sheet.headers)
    assert mapping == {"name": 0, "type": 1, "invited": 2, "contact_name": 3, "email": 4}
    preview = reg.preview_import(db, sheet, mapping)
    assert [(c.name, c.type, c.invited) for c in preview.new] == [
        ("Socialstyrelsen", ConsulteeType.MYNDIGHET, True),
        ("Huddinge", ConsulteeType.KOMMUN, True),
        ("Nacka kommun", ConsulteeType.KOMMUN, True),
        ("Region Uppsala", ConsulteeType.REGION, False),
        ("Myndigheten för vård- och omsorgsanalys", ConsulteeType.MYNDIGHET, True),
    ]
    assert preview.new[0].contact_name == "Anna Berg"
    assert preview.new[0].email == "registrator@socialstyrelsen.se"
    where = "lista.xlsx, bladet Sändlista, rad"
    assert preview.errors[0] == f"{where} 6: «Kommuner» är en grupprubrik, inte en remissinstans"
    assert preview.errors[1] == f"{where} 10: «Remissinstans» är en rubrik, inte en remissinstans"
    assert preview.errors[2] == f"{where} 11: «kanske» ska vara ja eller nej"
    assert preview.errors[3].startswith(f"{where} 12: okänd typ «Myndigt verk»")
    assert preview.errors[4] == f"{where} 13: «ivo på ivo.se» är ingen e-postadress"
    assert preview.errors[5] == f"{where} 15: namn saknas"
    assert len(preview.errors) == 6
    before = {c.name for c in reg.list_consultees(db)}
    assert reg.commit_import(db, preview) == 5
    after = {c.name for c in reg.list_consultees(db)}
    assert after - before == {c.name for c in preview.new}
    assert not after & {"Remissinstans", "Kommuner", "typ av instans", "Namn"}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Namn", "name"),
        ("Organisation", "name"),
        ("Typ av instans", "type"),
        ("Inbjuden?", "invited"),
        ("Inbjuden (ja/nej)", "invited"),
        ("Kontakt person", "contact_name"),
        ("Kontaktperson", "contact_name"),
        ("E-post adress", "email"),
        ("E-postadress", "email"),
        ("Mejl", "email"),
        ("Postadress", "address"),
        ("Kommentar", None),
        ("", None),
    ],
)
def test_header_variants(header: str, field: str | None) -> None:
    assert reg.header_field(header) == field


def test_types_from_names() -> None:
    assert reg.guess_type("Socialstyrelsen") is ConsulteeType.MYNDIGHET
    assert reg.guess_type("Länsstyrelsen i Stockholms län") is ConsulteeType.MYNDIGHET
    assert reg.guess_type("Regionstyrelsen") is ConsulteeType.NAMND
    assert reg.guess_type("Huddinge kommun") is ConsulteeType.KOMMUN
    assert reg.guess_type("Kommunal") is ConsulteeType.FACKLIG
    assert reg.guess_type("Region Uppsala") is ConsulteeType.REGION
    assert reg.guess_type("Vårdförbundet Region Stockholm") is ConsulteeType.FACKLIG
    assert reg.parse_type("Myndighet") is ConsulteeType.MYNDIGHET
    assert reg.parse_type("kommun") is ConsulteeType.KOMMUN
    assert reg.parse_type("Region") is ConsulteeType.REGION


def test_cli_imports_the_messy_list_and_names_the_rejected_rows(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from utredning_app.cli import main as cli_main

    with open_database(empty_path) as db:
        ensure_round(db)
    source = _messy_list(tmp_path / "lista.xlsx")
    code = cli_main(["remiss", "instanser", str(empty_path), "--importera", str(source)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Rubrikraden är rad 4." in out
    assert "5 remissinstanser lades till, 6 rader avvisades." in out
    assert "rad 10: «Remissinstans» är en rubrik" in err
    cli_main(["remiss", "instanser", str(empty_path)])
    listed = capsys.readouterr().out
    assert "Socialstyrelsen – Myndighet" in listed
    assert "Region Uppsala – Region (ej inbjuden)" in listed
    assert "Huddinge – Kommun" in listed


def test_new_types_need_the_new_revision(empty_path: Path) -> None:
    """Myndighet, Kommun and Region came with revision 0004_remiss: a file holding them
    carries that revision, so an older version (which knows only up to 0002) refuses it."""
    assert "0004_remiss" in KNOWN_REVISIONS
    assert KNOWN_REVISIONS.index("0004_remiss") > KNOWN_REVISIONS.index("0002_remiss_search")
    conn = sqlite3.connect(empty_path)
    try:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    assert revision == HEAD_REVISION
