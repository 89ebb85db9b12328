"""Issue 16, finding 6: Swedish messages instead of tracebacks, and nothing half-done.

* malformed sheet XML in a svarsmall or a consultee list (``ParseError``), a bad number in
  the svarsmall's id sheet (``ValueError``);
* an archive with an integer beyond 64 bits (``OverflowError``) or a lone surrogate
  (``UnicodeEncodeError``);
* control characters in a title: refused at input validation (``new --titel``, edits), and
  `remiss utskick` writes all files or none (it stopped after 20 of 48, half a folder);
* ±1e308 in the cost workbook's input cells: refused on import with the bounds of the
  workbook's own data validation.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.stats import record
from utredning_app.errors import UserError, ValidationError

ROOT = Path(__file__).resolve().parents[2]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rezip(source: Path, target: Path, change: dict[str, Any]) -> Path:
    """Copy an Office package, replacing members by name (bytes, or a function of the old)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in change:
                new = change[info.filename]
                data = new(data) if callable(new) else new
            zo.writestr(info.filename, data)
    return target


def _sheet_part(xlsx: Path, title: str) -> str:
    """The zip member holding the sheet named ``title``."""
    with zipfile.ZipFile(xlsx) as zf:
        workbook = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', workbook)
    assert rid is not None, workbook
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="/?([^"]+)"', rels) or re.search(
        rf'Target="/?([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    assert target is not None, rels
    part = target.group(1)
    return part if part.startswith("xl/") else f"xl/{part}"


# ------------------------------------------------------------------ svarsmall


@pytest.fixture(scope="module")
def filled_form(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    """A svarsmall of the demo round, filled in (made once: every demo copy has the same ids)."""
    import openpyxl

    from tests.remiss_helpers import fill_form
    from utredning_app.domain import svarsmall as fmt
    from utredning_app.services.sendout import create_sendout

    folder = tmp_path_factory.mktemp("svarsmall")
    items = create_sendout(demo_template, folder / "utskick")
    form = items[0].form
    ws = openpyxl.load_workbook(form, read_only=True)[fmt.ANSWER_SHEET]
    proposals = sum(
        1
        for row in ws.iter_rows(min_row=fmt.FIRST_PROPOSAL_ROW, max_col=1, values_only=True)
        if row[0] is not None and str(row[0]).isdigit()
    )
    fill_form(form, ["Tillstyrker"] * proposals)
    return form


def _broken_sheet(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _bad_number(data: bytes) -> bytes:
    """A numeric cell whose value is not a number, in the first row of the sheet."""
    return re.sub(rb"(<row [^>]*>)", rb'\1<c r="Z1" t="n"><v>12,5x</v></c>', data, count=1)


@pytest.mark.parametrize(
    ("case", "sheet", "change"),
    [
        ("trasigt-svarsblad", "Svar", _broken_sheet),
        ("trasigt-id-blad", "_utredningsstod", _broken_sheet),
        ("felaktigt-tal-i-id-bladet", "_utredningsstod", _bad_number),
        ("felaktigt-tal-i-svarsbladet", "Svar", _bad_number),
    ],
)
def test_broken_svarsmall_gets_a_swedish_message(
    tmp_path: Path, demo_path: Path, filled_form: Path, case: str, sheet: str, change: Any
) -> None:
    from utredning_app.services.responses import import_answers

    part = _sheet_part(filled_form, sheet)
    broken = _rezip(filled_form, tmp_path / f"{case}.xlsx", {part: change})
    before = _sha(demo_path)
    result = import_answers(demo_path, [broken])
    assert result.imported == [], case
    assert [name for name, _ in result.rejected] == [broken.name]
    assert broken.name in result.rejected[0][1]
    assert _sha(demo_path) == before
    record("fuzz", f"meddelande[svarsmall-{case}]", survived=True)


def test_broken_consultee_list_gets_a_swedish_message(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from utredning_app.services.consultees import read_sheet

    wb = Workbook()
    wb.active.append(["Namn", "Typ"])
    wb.active.append(["Södersjukhuset AB", "bolag"])
    wb.save(tmp_path / "lista.xlsx")
    for case, change in (("trasigt", _broken_sheet), ("felaktigt-tal", _bad_number)):
        broken = _rezip(
            tmp_path / "lista.xlsx",
            tmp_path / f"{case}.xlsx",
            {"xl/worksheets/sheet1.xml": change},
        )
        with pytest.raises(UserError, match=broken.name):
            read_sheet(broken)
        record("fuzz", f"meddelande[instanslista-{case}]", survived=True)


# ------------------------------------------------------------------ archive


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from utredning_app.services.archive import export_archive
    from utredning_app.services.demo import create_demo

    folder = tmp_path_factory.mktemp("arkiv6")
    create_demo(folder / "d.utredning").close()
    out = export_archive(folder / "d.utredning", folder / "d.json")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("case", "table", "field", "value"),
    [
        ("heltal-över-2^63", "party", "sort_order", 2**64),
        ("heltal-under-minus-2^63", "proposal", "number", -(2**63) - 1),
        ("ensamt-surrogat", "party", "name", "Parti \ud800"),
        ("ensamt-surrogat-i-text", "note", "body_md", "\udfff"),
    ],
)
def test_archive_values_sqlite_cannot_store_are_refused(
    tmp_path: Path, archive: dict[str, Any], case: str, table: str, field: str, value: Any
) -> None:
    from utredning_app.errors import ArchiveError
    from utredning_app.services.archive import import_archive

    data = json.loads(json.dumps(archive))
    rows = data["tables"][table]
    assert rows, table
    rows[0][field] = value
    source = tmp_path / "arkiv.json"
    source.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    target = tmp_path / "ny.utredning"
    with pytest.raises(ArchiveError, match=rf"fältet {field}"):
        import_archive(source, target).close()
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".import-")]
    record("fuzz", f"meddelande[arkiv-{case}]", survived=True)


# ------------------------------------------------------------------ control characters


@pytest.mark.parametrize("title", ["Utredning\x1b[31m", "Nul\x00tecken", "Ding\x07", "Fel \ud800"])
def test_control_characters_are_refused_at_input(tmp_path: Path, title: str) -> None:
    from utredning_app.storage.database import create_database

    target = tmp_path / "ny.utredning"
    with pytest.raises(ValidationError, match="styrtecken"):
        create_database(target, title=title).close()
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [] or all(
        p.name in ("användardata", "säkerhetskopior") for p in tmp_path.iterdir()
    )


def test_control_characters_are_refused_by_the_cli_new(tmp_path: Path) -> None:
    import os

    target = tmp_path / "ny.utredning"
    result = subprocess.run(
        [sys.executable, "-m", "utredning_app.cli", "new", str(target), "--titel", "A\x1bB"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=False,
    )
    assert result.returncode == 1, result
    assert "styrtecken" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_control_characters_are_refused_when_editing(demo_db: Any) -> None:
    from utredning_app.services import entities

    with demo_db.reader() as s:
        inv = demo_db.investigation(s)
    with pytest.raises(ValidationError, match="styrtecken"):
        entities.update(demo_db, "investigation", inv.id, {"title": "Ny\x0ctitel"})


def test_control_characters_are_refused_by_every_writer(demo_db: Any, demo_path: Path) -> None:
    """Services without a field form (here: adding a consultee; also coding, rounds, imports)
    are covered by one flush hook: nothing new with a control character reaches the file."""
    from utredning_app.domain.enums import ConsulteeType
    from utredning_app.services.consultees import ConsulteeData, add_consultee

    before = _sha(demo_path)
    with pytest.raises(ValidationError, match="styrtecken"):
        add_consultee(demo_db, ConsulteeData("Ny\x1b[2Jnämnd", ConsulteeType.NAMND))
    with pytest.raises(ValidationError, match="fältet address"):
        add_consultee(demo_db, ConsulteeData("Ny nämnd", ConsulteeType.NAMND, address="\x00"))
    assert _sha(demo_path) == before
    add_consultee(demo_db, ConsulteeData("Ny nämnd", ConsulteeType.NAMND, address="Gatan 1\n"))


def test_sendout_writes_every_file_or_none(tmp_path: Path, demo_path: Path) -> None:
    """A control character already stored (an older file) in a consultee's name: the
    send-out refuses with a Swedish message and the folder gets no file at all."""
    from utredning_app.services.remiss_rounds import live_rounds, round_consultees
    from utredning_app.services.sendout import create_sendout
    from utredning_app.storage.database import open_database

    with open_database(demo_path, read_only=True) as db, db.reader() as s:
        invited = [c for c in round_consultees(s, live_rounds(s)[-1]) if c.invited]
    assert len(invited) >= 4
    third = invited[2]  # two consultees' files are built (and were written) before it
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE consultee SET name = ? WHERE id = ?", (third.name + "\x1b", third.id))
    conn.commit()
    conn.close()
    out = tmp_path / "utskick"
    out.mkdir()
    (out / "annat.txt").write_text("ligger här sedan tidigare")
    with pytest.raises(ValidationError, match="inga filer har skrivits"):
        create_sendout(demo_path, out)
    assert sorted(p.name for p in out.iterdir()) == ["annat.txt"]
    missing = tmp_path / "ny-mapp"
    with pytest.raises(ValidationError):
        create_sendout(demo_path, missing)
    assert not missing.exists()
    record("fuzz", "meddelande[utskick-allt-eller-inget]", survived=True)


# ------------------------------------------------------------------ cost workbook bounds


@pytest.mark.parametrize("value", [1e308, -1e308, 1e13])
def test_cost_inputs_beyond_the_workbooks_own_validation_are_refused(
    tmp_path: Path, value: float
) -> None:
    from openpyxl import load_workbook

    from tests.costs_helpers import write_small_investigation
    from utredning_app.exporting.costs_layout import INPUT_SHEET
    from utredning_app.services.estimates import export_cost_workbook, import_cost_workbook

    path = write_small_investigation(tmp_path / "liten.utredning")
    exported = tmp_path / "kostnader.xlsx"
    export_cost_workbook(path, exported)
    wb = load_workbook(exported)
    ws = wb[INPUT_SHEET]
    rows = [r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == "Omställning"]
    assert len(rows) == 3
    for r in rows:  # low = base = high: only the bound can refuse it
        ws[f"J{r}"] = value
    changed = tmp_path / "ändrad.xlsx"
    wb.save(changed)
    before = _sha(path)
    with pytest.raises(ValidationError, match="utanför det tillåtna intervallet"):
        import_cost_workbook(path, changed)
    assert _sha(path) == before
    record("fuzz", f"meddelande[kostnader-{value:g}]", survived=True)


def test_the_bound_is_the_one_the_workbook_validates(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.costs_helpers import write_small_investigation
    from utredning_app.exporting.costs_layout import INPUT_LIMIT, INPUT_SHEET
    from utredning_app.services.estimates import export_cost_workbook

    path = write_small_investigation(tmp_path / "liten.utredning")
    export_cost_workbook(path, tmp_path / "k.xlsx")
    ws = load_workbook(tmp_path / "k.xlsx")[INPUT_SHEET]
    decimals = [dv for dv in ws.data_validations.dataValidation if dv.type == "decimal"]
    bounds = {(float(dv.formula1), float(dv.formula2)) for dv in decimals}
    assert (-INPUT_LIMIT, INPUT_LIMIT) in bounds


def test_check_finds_cost_values_an_older_version_saved(tmp_path: Path, demo_path: Path) -> None:
    """A file that took in 1e308 before the bound existed: `check` names it."""
    from utredning_app.services.info import check_file

    conn = sqlite3.connect(demo_path)
    changed = conn.execute(
        "UPDATE estimate_value SET low = 1e308, base = 1e308, high = 1e308 "
        "WHERE id = (SELECT min(id) FROM estimate_value)"
    ).rowcount
    conn.commit()
    conn.close()
    assert changed == 1
    problems = check_file(demo_path).problems
    assert any("utanför" in p and "skattningsvärde" in p for p in problems), problems
