"""Issue 16, finding 3 (the rest): a value SQLite accepts but the app cannot read.

Planted with plain sqlite3 in a copy of the demo (a BLOB in ``consultee.name``, an unknown
enum value, text in a number, a date that is none), every command of ``utredning --help`` must
end with one Swedish line naming table, row and field — never a traceback — and leave the file
as it was. Storage classes and enum values are refused when the file is opened; dates are
checked by ``check`` and named when a command meets one (the open leaves them out to stay
cheap: ``storage/value_check.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.stats import record
from utredning_app.cli import build_parser
from utredning_app.cli import main as cli_main

# case → (SQL planting the value, what the message must name: table, field)
PLANTED = {
    "blob-i-namn": ("UPDATE consultee SET name = X'00FF'", ("consultee", "fältet name")),
    "okänt-enumvärde": ("UPDATE consultee SET type = 'hackad'", ("consultee", "hackad")),
    "text-i-heltal": ("UPDATE proposal SET number = 'tre'", ("proposal", "fältet number")),
    "blob-i-tal": (
        "UPDATE provider_unit SET turnover_mnkr = X'01'",
        ("provider_unit", "fältet turnover_mnkr"),
    ),
    "okänd-ställning": ("UPDATE stance SET stance = 'kanske'", ("stance", "kanske")),
}
# Checked by `check` and named where a command reads it, not refused on open.
DATE_CASE = ("UPDATE milestone SET due_date = 'inte-ett-datum'", ("milestone", "due_date"))

# Commands that do not read an existing investigation file.
NOT_ON_A_FILE = {
    "demo": "skapar en ny fil",
    "new": "skapar en ny fil",
    "import-json": "skapar en ny fil ur ett arkiv (arkiven har egna tester)",
    "gui": "programfönstret öppnar med samma open_database (tests/gui)",
    "backups list": "läser bara säkerhetskopiemappen",
    "backups restore": "är botemedlet: provas nedan, den ska fungera",
    "server lista": "läser en PostgreSQL-server, ingen fil (tests/server/test_security.py)",
    "server anvandare": "ändrar en PostgreSQL-server, ingen fil (tests/server/test_security.py)",
    "server ta-bort-anvandare": "ändrar en PostgreSQL-server, ingen fil (test_security.py)",
    "hamta": "läser en PostgreSQL-server och skapar en ny fil (tests/server/test_server_basics.py)",
}


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))
            return
    yield " ".join(prefix)


def _argv(command: str, f: Path, work: Path, good: Path, inputs: dict[str, Path]) -> list[str]:
    """Arguments that make ``command`` read (and, where it writes, change) the file."""
    out = work / "ut"
    table: dict[str, list[str]] = {
        "info": ["info", str(f), "--json"],
        "check": ["check", str(f)],
        "export-json": ["export-json", str(f), "-o", str(out / "a.json")],
        "backups make": ["backups", "make", str(f)],
        "logg": ["logg", str(f), "-o", str(out / "logg.csv")],
        "dela": ["dela", str(f), "-o", str(out / "kopia.utredning")],
        "sla-ihop": ["sla-ihop", str(f), str(good)],
        "konflikter": ["konflikter", str(f)],
        "andringar": ["andringar", str(f), "-o", str(out / "paket")],
        "agare": ["agare", str(f), "--namn", "Testaren"],
        "remiss utskick": ["remiss", "utskick", str(f), "-o", str(out / "utskick")],
        "remiss status": ["remiss", "status", str(f)],
        "remiss sok": ["remiss", "sok", str(f), "vård"],
        "remiss foresla": ["remiss", "foresla", str(f)],
        "remiss instanser": ["remiss", "instanser", str(f)],
        "import remissvar": [
            "import",
            "remissvar",
            str(f),
            str(inputs["svar"]),
            "--instans",
            "Region Uppsala",
            "--ny-instans",
        ],
        "import kostnader": ["import", "kostnader", str(f), str(inputs["kostnader"])],
        "kostnader": ["kostnader", str(f)],
        "bedomning": ["bedomning", str(f)],
        "export": ["export", "slutrapport", str(f), "-o", str(out / "s.docx")],
        "utgava": ["utgava", "delrapport", str(f)],
        "utgavor": ["utgavor", str(f)],
        "export-xlsx": ["export-xlsx", "remiss", str(f), "-o", str(out / "r.xlsx")],
        "screenshots": ["screenshots", str(f), str(out / "bilder")],
    }
    return table[command]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> dict[str, Path]:
    """An answer and a cost workbook, made from the clean demo."""
    import docx

    from utredning_app.services.exports import export_xlsx

    folder = tmp_path_factory.mktemp("indata")
    answer = docx.Document()
    answer.add_paragraph("Remissvar från Region Uppsala. Vi tillstyrker förslag 1.")
    answer.save(str(folder / "svar.docx"))
    export_xlsx("kostnader", demo_template, folder / "kostnader.xlsx")
    return {"svar": folder / "svar.docx", "kostnader": folder / "kostnader.xlsx"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plant(source: Path, target: Path, sql: str) -> Path:
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    assert conn.execute(sql).rowcount > 0
    conn.commit()
    conn.close()
    return target


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli_main(argv)  # any exception but a Swedish message fails the test here
    return code, capsys.readouterr().err


def test_every_command_is_covered() -> None:
    commands = set(_commands(build_parser()))
    f = Path("x")
    inputs = {"svar": f, "kostnader": f}
    for command in commands - set(NOT_ON_A_FILE):
        assert _argv(command, f, f, f, inputs), command  # KeyError: a new command, add it here


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_every_command_refuses_a_file_with_an_unreadable_value(
    tmp_path: Path,
    demo_template: Path,
    inputs: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    monkeypatch.setenv("UTREDNING_BACKUP_DIR", str(tmp_path / "kopior"))
    sql, named = PLANTED[case]
    path = _plant(demo_template, tmp_path / f"{case}.utredning", sql)
    good = tmp_path / "hel.utredning"
    shutil.copyfile(demo_template, good)
    (tmp_path / "ut").mkdir()
    before = _sha(path)
    for command in sorted(set(_commands(build_parser())) - set(NOT_ON_A_FILE)):
        code, err = _run(_argv(command, path, tmp_path, good, inputs), capsys)
        assert code != 0, (command, err)
        assert "Traceback" not in err, (command, err)
        for part in named:
            assert part in err, (command, err)
        if command != "check":
            assert "raden med id" in err and "säkerhetskopia" in err, (command, err)
        assert _sha(path) == before, f"{command} changed the refused file"
        record("fuzz", f"oläsbart-värde[{case}]", survived=True)


def test_the_refused_file_can_be_restored_from_a_backup(
    tmp_path: Path, demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "utredning.utredning"
    shutil.copyfile(demo_template, path)
    from utredning_app.services.backups import restore_backup
    from utredning_app.storage.backup import REASON_MANUAL, make_managed_backup

    backup = make_managed_backup(path, tmp_path / "kopior", REASON_MANUAL)
    _plant(path, path.with_suffix(".tmp"), PLANTED["blob-i-namn"][0]).replace(path)
    code, err = _run(["remiss", "status", str(path)], capsys)
    assert code != 0 and "consultee" in err
    restore_backup(path, backup, root=tmp_path)
    code, err = _run(["remiss", "status", str(path)], capsys)
    assert code == 0, err


def test_a_date_that_is_none_is_named_where_a_command_meets_it(
    tmp_path: Path,
    demo_template: Path,
    inputs: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dates are not scanned on open: every command either does its work (it does not read
    the milestone) or names the value, and ``check`` finds it."""
    monkeypatch.setenv("UTREDNING_BACKUP_DIR", str(tmp_path / "kopior"))
    sql, named = DATE_CASE
    path = _plant(demo_template, tmp_path / "datum.utredning", sql)
    good = tmp_path / "hel.utredning"
    shutil.copyfile(demo_template, good)
    (tmp_path / "ut").mkdir()
    failed = 0
    for command in sorted(set(_commands(build_parser())) - set(NOT_ON_A_FILE)):
        if command == "screenshots":
            continue  # draws every view with Qt: the GUI's own tests cover its open
        before = _sha(path)
        code, err = _run(_argv(command, path, tmp_path, good, inputs), capsys)
        assert "Traceback" not in err, (command, err)
        if code != 0:
            failed += 1
            assert _sha(path) == before, f"{command} changed the file and failed"
            if "ogiltigt värde" in err or "inte kan läsa" in err:
                for part in named:
                    assert part in err, (command, err)
    assert failed >= 3  # check, the reports and the archive read the milestones
    code, err = _run(["check", str(path)], capsys)
    assert code != 0 and "inget giltigt datum" in err


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_blob_in_the_audit_log_is_named_by_logg(
    tmp_path: Path, demo_template: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """The log is not scanned on open (it only grows); its readers name what they meet."""
    path = _plant(
        demo_template,
        tmp_path / "logg.utredning",
        "UPDATE audit_entry SET actor = X'00FF' WHERE rowid = 5",
    )
    before = _sha(path)
    code, err = _run(["logg", str(path), "-o", str(tmp_path / f"logg{suffix}")], capsys)
    assert code != 0 and "audit_entry" in err and "fältet actor" in err, err
    assert not (tmp_path / f"logg{suffix}").exists()
    assert _sha(path) == before
    code, err = _run(["check", str(path)], capsys)
    assert code != 0 and "fältet actor" in err, err
