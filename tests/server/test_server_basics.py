"""The same app on PostgreSQL: the demo, its counts and documents, several investigations in
one database, laptop copies that come back through the merge engine. A real server, started
by the test suite (tests/pg_cluster.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.pg_cluster import PgCluster
from tests.word_helpers import docx_text
from utredning_app.cli import main
from utredning_app.domain.enums import Visibility
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database
from utredning_app.storage.location import ServerLocation

DOCUMENTS = ("delrapport", "slutrapport", "remissammanstallning", "tjansteutlatande")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _without_dates(text: str) -> str:
    return re.sub(r"\d{4}-\d{2}-\d{2}", "ÅÅÅÅ-MM-DD", text)


def test_demo_on_a_server_has_the_counts_and_documents_of_the_demo_file(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "demo.utredning"
    assert run(capsys, "demo", str(file))[0] == 0
    code, out, err = run(capsys, "demo", pg_url)
    assert code == 0, err
    assert "utredning demo" in out and "test-lösen" not in out  # no password printed

    infos = []
    for where in (str(file), pg_url):
        code, out, err = run(capsys, "info", where, "--json")
        assert code == 0, err
        infos.append(json.loads(out))
    on_file, on_server = infos
    assert on_server["counts"] == on_file["counts"]
    assert on_server["deleted"] == on_file["deleted"]
    assert on_server["audit_entries"] == on_file["audit_entries"]
    assert on_server["schema_revision"] == on_file["schema_revision"]
    assert on_file["counts"]["response"] > 0 and on_file["counts"]["proposal"] > 0

    for kind in DOCUMENTS:
        texts = []
        for name, where in (("fil", str(file)), ("server", pg_url)):
            out_path = tmp_path / f"{kind}-{name}.docx"
            code, _out, err = run(capsys, "export", kind, where, "-o", str(out_path))
            assert code == 0, err
            texts.append(_without_dates(docx_text(out_path)))
        assert texts[0] == texts[1], kind
        assert len(texts[0]) > 2000, kind


def test_several_investigations_in_one_database_are_chosen_by_name(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "info", pg_url)
    assert code != 0 and "ingen utredning" in err
    for name, title in (("styrning", "Styrning av vården"), ("akut", "Akutsjukvården")):
        code, out, err = run(capsys, "new", pg_url, "--utredning", name, "--titel", title)
        assert code == 0, err
    code, out, err = run(capsys, "info", pg_url)
    assert code != 0 and "akut, styrning" in err and "--utredning" in err
    code, out, err = run(capsys, "info", pg_url, "--utredning", "akut", "--json")
    assert code == 0, err
    assert json.loads(out)["title"] == "Akutsjukvården"
    code, out, err = run(capsys, "info", f"{pg_url}?utredning=styrning", "--json")
    assert json.loads(out)["title"] == "Styrning av vården"
    code, out, err = run(capsys, "info", pg_url, "--utredning", "finns_inte")
    assert code != 0 and "finns_inte" in err and "akut, styrning" in err
    code, out, err = run(capsys, "new", pg_url, "--utredning", "akut", "--titel", "Igen")
    assert code != 0 and "finns redan" in err
    code, out, err = run(capsys, "new", pg_url, "--utredning", "Drop Table", "--titel", "X")
    assert code != 0 and "små bokstäver" in err


def test_file_only_commands_and_bad_addresses_say_so(
    pg_url: str, pg: PgCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "new", pg_url, "--utredning", "styrning", "--titel", "Styrning")
    for args in (("check", pg_url), ("backups", "list", pg_url)):
        code, _out, err = run(capsys, *args)
        assert code != 0 and "bara med en utredningsfil" in err, args
    code, _out, err = run(capsys, "info", str(tmp_path / "x.utredning"), "--utredning", "a")
    assert code != 0 and "serveradress" in err
    wrong = pg.url(database="postgres", password="fel-lösenord")
    code, _out, err = run(capsys, "info", wrong)
    assert code != 0 and "lösenord" in err and "fel-lösenord" not in err
    code, _out, err = run(capsys, "info", "postgresql://postgres@127.0.0.1:1/ingen")
    assert code != 0 and "Kontakten med servern" in err


def test_a_laptop_copy_comes_back_through_the_merge_engine(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "demo", pg_url)[0] == 0
    laptop = tmp_path / "laptop.utredning"
    code, out, err = run(capsys, "hamta", pg_url, "-o", str(laptop))
    assert code == 0, err and laptop.exists()
    server = ServerLocation.parse(pg_url, "demo")

    def options(session: object) -> list[m.GovernanceOption]:
        from sqlalchemy.orm import Session

        assert isinstance(session, Session)
        return list(session.scalars(select(m.GovernanceOption).order_by(m.GovernanceOption.code)))

    # Offline: one field of option A and the name of option B; on the server meanwhile:
    # another field of A (no conflict) and the same name of B (a conflict).
    with open_database(laptop, actor="Anna Andersson") as db, db.transaction() as s:
        a, b = options(s)[:2]
        a.name = "A offline"
        b.name = "B offline"
        # Her own private and party-internal work comes back too (the server's row-level
        # security, not the merge, decides who reads it there).
        s.add(m.Note(title="Privat offline", visibility=Visibility.PRIVAT, author="Anna"))
        s.add(m.Note(title="Parti offline", visibility=Visibility.PARTI, author_party="S"))
    with open_database(server, actor="Bertil Berg") as db, db.transaction() as s:
        a, b = options(s)[:2]
        a.effects_md = "Effekter skrivna på servern."
        b.name = "B på servern"

    code, out, err = run(capsys, "sla-ihop", pg_url, str(laptop))
    assert code == 0, err
    assert "1 konflikter" in out
    with open_database(server, read_only=True) as db, db.reader() as s:
        a, b = options(s)[:2]
        assert (a.name, a.effects_md) == ("A offline", "Effekter skrivna på servern.")
        assert b.name == "B på servern"  # the server keeps its value; the other is listed
        titles = set(s.scalars(select(m.Note.title)))
        assert {"Privat offline", "Parti offline"} <= titles
    code, out, err = run(capsys, "konflikter", pg_url, "--json")
    conflicts = json.loads(out)
    assert len(conflicts) == 1 and "B offline" in json.dumps(conflicts, ensure_ascii=False)
    # A second merge of the same copy changes nothing.
    code, out, err = run(capsys, "sla-ihop", pg_url, str(laptop), "--json")
    assert json.loads(out) == {"nya": 0, "andrade": 0, "borttagna": 0, "konflikter": 0}


def test_the_remiss_cost_and_import_commands_work_on_a_server(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    assert run(capsys, "demo", pg_url)[0] == 0
    answer = tmp_path / "svar.docx"
    document = docx.Document()
    document.add_paragraph("Yttrande över delrapporten")
    document.add_paragraph("Vi tillstyrker förslag 1 och avstyrker förslag 2.")
    document.save(str(answer))
    workbook = tmp_path / "kostnader.xlsx"
    expectations = [
        (["remiss", "status", pg_url], "Totalt"),
        (["remiss", "sok", pg_url, "styrning"], "svar matchar"),
        (["remiss", "sok", pg_url, "sjukhusen", "--bojningar"], "svar matchar"),
        (["remiss", "foresla", pg_url], ""),
        (["remiss", "utskick", pg_url, "-o", str(tmp_path / "utskick")], "svarsmallar"),
        (["kostnader", pg_url], ""),
        (["bedomning", pg_url], ""),
        (["export-xlsx", "kostnader", pg_url, "-o", str(workbook)], "Excel-filen skrevs"),
        (["import", "kostnader", pg_url, str(workbook), "--torrkorning"], "inte ändrats"),
        (
            ["import", "remissvar", pg_url, str(answer), "--instans", "Kommunal Stockholms län"],
            "1 svar lästes in",
        ),
        (["remiss", "sok", pg_url, "delrapporten"], "Kommunal Stockholms län"),
    ]
    (tmp_path / "utskick").mkdir()
    for args, expected in expectations:
        code, out, err = run(capsys, *args)
        assert code == 0, (args, err)
        assert expected in out, (args, out[-300:])
