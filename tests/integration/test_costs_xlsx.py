"""The cost workbook: LibreOffice recalculates the formulas to the app's own figures (to the
öre), and re-import takes changed inputs back or refuses with the sheet and cell named,
leaving the investigation file byte for byte unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from tests.costs_helpers import A, N, write_random_investigation, write_small_investigation
from tests.word_helpers import soffice_convert
from utredning_app.cli import main as cli_main
from utredning_app.domain.costs import SCENARIOS, cost_summary
from utredning_app.errors import ValidationError
from utredning_app.exporting.costs_layout import CALC_SHEET, INPUT_SHEET, STRUCTURE_SHEET
from utredning_app.services.estimates import (
    export_cost_workbook,
    import_cost_workbook,
    read_cost_model,
    summarise,
)
from utredning_app.storage.database import open_database

OERE_IN_MNKR = 1e-8  # 0.01 kr


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recalculate_with_libreoffice(src: Path, tmp: Path) -> Path:
    """Open ``src`` in LibreOffice headless and save it again: LibreOffice computes every
    formula (openpyxl writes none of the results) and stores the values in the new file."""
    (result,) = soffice_convert([src], "xlsx", tmp / "lo-ut", tmp / "lo-profil")
    assert result.exists()
    return result


def edit(src: Path, dst: Path, changes: dict[tuple[str, str], Any]) -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(src)
    for (sheet, cell), value in changes.items():
        wb[sheet][cell] = value
    wb.save(dst)
    return dst


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_investigation(tmp_path / "liten.utredning")


@pytest.fixture
def exported(small: Path, tmp_path: Path) -> Path:
    out = tmp_path / "kostnader.xlsx"
    export_cost_workbook(small, out)
    return out


@pytest.mark.libreoffice
@pytest.mark.parametrize("builder", ["small", "random"])
def test_libreoffice_recalculates_to_the_apps_figures(tmp_path: Path, builder: str) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "u.utredning"
    if builder == "small":
        write_small_investigation(path)
    else:
        write_random_investigation(path, seed=11)
    layout = export_cost_workbook(path, tmp_path / "k.xlsx")
    values = load_workbook(
        recalculate_with_libreoffice(tmp_path / "k.xlsx", tmp_path), data_only=True
    )[CALC_SHEET]
    summary = summarise(path)
    checked = 0

    def at(key: tuple[str, ...]) -> float:
        row, col = layout.results[key]
        value = values.cell(row=row, column=col).value
        assert isinstance(value, int | float), (key, value)
        return float(value)

    for oc in summary.options:
        oid = oc.option.id
        for s in SCENARIOS:
            for i, year in enumerate(oc.yearly.years):
                assert at(("total", oid, s.value, str(year))) == pytest.approx(
                    oc.yearly.series(s)[i], abs=OERE_IN_MNKR
                )
            assert at(("total", oid, s.value, "sum")) == pytest.approx(
                oc.total.get(s), abs=OERE_IN_MNKR
            )
            assert at(("total", oid, s.value, "pv")) == pytest.approx(
                oc.present_value.get(s), abs=OERE_IN_MNKR
            )
            checked += 3
            if oc.difference_pv is not None and oc.difference_total is not None:
                assert at(("diff", oid, s.value, "pv")) == pytest.approx(
                    oc.difference_pv.get(s), abs=OERE_IN_MNKR
                )
                assert at(("diff", oid, s.value, "sum")) == pytest.approx(
                    oc.difference_total.get(s), abs=OERE_IN_MNKR
                )
                checked += 2
            for ac in oc.per_actor:
                assert at(("actor", oid, ac.actor.value, s.value, "pv")) == pytest.approx(
                    ac.present_value.get(s), abs=OERE_IN_MNKR
                )
                checked += 1
                if ac.difference_pv is not None:
                    assert at(("actor_diff", oid, ac.actor.value, s.value, "pv")) == pytest.approx(
                        ac.difference_pv.get(s), abs=OERE_IN_MNKR
                    )
    assert checked > 20


@pytest.mark.libreoffice
def test_workbook_saved_by_libreoffice_is_accepted_and_changes_apply(
    small: Path, exported: Path, tmp_path: Path
) -> None:
    changed = edit(
        exported, tmp_path / "ändrad.xlsx", {(INPUT_SHEET, "J10"): 95.5, (INPUT_SHEET, "B3"): 0.04}
    )
    resaved = recalculate_with_libreoffice(changed, tmp_path)
    result = import_cost_workbook(small, resaved)
    assert result.applied and len(result.lines) == 2
    summary = summarise(small)
    assert summary.discount_rate == 0.04
    assert summary.for_option(N.id).yearly.base[0] == 95.5


def test_unchanged_workbook_changes_nothing(small: Path, exported: Path) -> None:
    before = sha(small)
    result = import_cost_workbook(small, exported)
    assert result.changes.empty and not result.applied
    assert sha(small) == before


def test_changed_inputs_are_shown_and_applied_in_one_transaction(
    small: Path, exported: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(exported)[INPUT_SHEET]
    # Find the rows of the one-off cost "Omställning" (2024 only; 2025 empty).
    rows = [r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == "Omställning"]
    assert len(rows) == 3
    changes = {
        (INPUT_SHEET, f"K{rows[0]}"): 1.25,  # new year value for 2025: low/base/high
        (INPUT_SHEET, f"K{rows[1]}"): 2.5,
        (INPUT_SHEET, f"K{rows[2]}"): 3.75,
        (INPUT_SHEET, f"J{rows[2]}"): 80,  # high 2024: 70 → 80
    }
    wb_path = edit(exported, tmp_path / "ändrad.xlsx", changes)
    before = sha(small)
    dry = import_cost_workbook(small, wb_path, dry_run=True)
    assert not dry.applied and sha(small) == before
    assert any(
        "Omställning · 2025" in line and "(inget värde) → 1,25 / 2,50 / 3,75" in line
        for line in dry.lines
    )
    assert any(
        "Omställning · 2024" in line and "40,00 / 50,00 / 70,00 → 40,00 / 50,00 / 80,00" in line
        for line in dry.lines
    )
    done = import_cost_workbook(small, wb_path)
    assert done.applied
    _, model = read_cost_model(small)
    om = next(e for e in model.estimates if e.name == "Omställning")
    assert [(v.year, v.low, v.base, v.high) for v in om.values] == [
        (2024, 40, 50, 80),
        (2025, 1.25, 2.5, 3.75),
    ]
    # The audit log names the import as the actor.
    db = open_database(small, read_only=True)
    try:
        from sqlalchemy import select

        from utredning_app.storage.models import AuditEntry

        with db.reader() as s:
            actors = {
                a.actor
                for a in s.scalars(
                    select(AuditEntry).where(AuditEntry.table_name == "estimate_value")
                )
            }
        assert "Import av kostnadsmodell" in actors
    finally:
        db.close()
    # Importing the same workbook again is a no-op, not a conflict.
    again = import_cost_workbook(small, wb_path)
    assert again.changes.empty


def test_clearing_a_year_removes_it_and_refilling_revives_it(
    small: Path, exported: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(exported)[INPUT_SHEET]
    rows = [r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == "Omställning"]
    cleared = edit(exported, tmp_path / "tom.xlsx", {(INPUT_SHEET, f"J{r}"): None for r in rows})
    import_cost_workbook(small, cleared)
    assert summarise(small).for_option(A.id).yearly.base[0] == 100.0
    out2 = tmp_path / "ny.xlsx"
    export_cost_workbook(small, out2)
    refilled = edit(
        out2,
        tmp_path / "åter.xlsx",
        {(INPUT_SHEET, f"J{r}"): v for r, v in zip(rows, (1, 2, 3), strict=True)},
    )
    import_cost_workbook(small, refilled)
    assert summarise(small).for_option(A.id).yearly.base[0] == 102.0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {(CALC_SHEET, "C10"): None},
            r"”Beräkning”, cell C10 är tom men skulle innehålla formeln =SUMIFS",
        ),
        (
            {(CALC_SHEET, "F11"): "=SUM(C11:D11)"},
            r"”Beräkning”, cell F11 innehåller ”=SUM\(C11:D11\)”",
        ),
        ({(CALC_SHEET, "G12"): 123.0}, r"”Beräkning”, cell G12 innehåller ”123”"),
        (
            {(INPUT_SHEET, "B9"): "Annan skattning"},
            r"”Indata”, cell B9 innehåller ”Annan skattning”",
        ),
        ({(STRUCTURE_SHEET, "B8"): "fel-id"}, r"”Struktur”, cell B8"),
        ({(STRUCTURE_SHEET, "B2"): "annan-utredning"}, r"hör till en annan utredning"),
        (
            {(INPUT_SHEET, "K10"): "12 mnkr"},
            r"”Indata”, cell K10 \(”Driftkostnad ledning”, 2025, bas\) innehåller texten ”12 mnkr”",
        ),
        ({(INPUT_SHEET, "K10"): "=J9+1"}, r"cell K10 .* innehåller formeln =J9\+1"),
        (
            {(INPUT_SHEET, "K10"): 130},
            r"cellerna K9–K11 \(”Driftkostnad ledning”, 2025\): låg ≤ bas ≤ hög gäller inte",
        ),
        ({(INPUT_SHEET, "K10"): None}, r"cellerna K9–K11 .* måste alla vara ifyllda"),
        ({(INPUT_SHEET, "B3"): 1.5}, r"cell B3: diskonteringsräntan måste vara minst 0 %"),
        (
            {(INPUT_SHEET, f"{c}{r}"): None for c in "JKL" for r in (9, 10, 11)} | {},
            r"”Driftkostnad ledning”.*saknar värden för år 2024",
        ),
    ],
)
def test_bad_workbooks_are_refused_naming_the_cell_and_leave_the_file_unchanged(
    small: Path, exported: Path, tmp_path: Path, changes: dict[tuple[str, str], Any], message: str
) -> None:
    bad = edit(exported, tmp_path / "fel.xlsx", changes)
    before = sha(small)
    with pytest.raises(ValidationError, match=message):
        import_cost_workbook(small, bad)
    assert sha(small) == before


def test_deleted_row_is_refused(small: Path, exported: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(exported)
    wb[INPUT_SHEET].delete_rows(10)
    wb.save(tmp_path / "rad.xlsx")
    before = sha(small)
    with pytest.raises(
        ValidationError, match=r"struktur har ändrats: bladet ”Indata”, cell [A-Z]+10"
    ):
        import_cost_workbook(small, tmp_path / "rad.xlsx")
    assert sha(small) == before


def test_deleted_sheet_and_non_workbooks_are_refused(
    small: Path, exported: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(exported)
    del wb[STRUCTURE_SHEET]
    wb.save(tmp_path / "utan.xlsx")
    with pytest.raises(ValidationError, match=r"saknar bladet ”Struktur”"):
        import_cost_workbook(small, tmp_path / "utan.xlsx")
    (tmp_path / "text.xlsx").write_text("inte en arbetsbok", encoding="utf-8")
    with pytest.raises(ValidationError, match="inte en Excel-arbetsbok"):
        import_cost_workbook(small, tmp_path / "text.xlsx")


def test_conflict_with_a_change_made_in_the_app_since_export(
    small: Path, exported: Path, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from utredning_app.storage.models import EstimateValue

    db = open_database(small)
    try:
        with db.transaction() as s:
            v = s.scalars(
                select(EstimateValue).where(
                    EstimateValue.estimate_id == "e-n1", EstimateValue.year == 2025
                )
            ).one()
            v.base = 101.0
    finally:
        db.close()
    bad = edit(exported, tmp_path / "konflikt.xlsx", {(INPUT_SHEET, "K10"): 99.0})
    before = sha(small)
    with pytest.raises(
        ValidationError, match=r"cell K10 .* har ändrats både i arbetsboken och i utredningen"
    ):
        import_cost_workbook(small, bad)
    assert sha(small) == before
    # A workbook change elsewhere is fine and keeps the app's newer value.
    ok = edit(exported, tmp_path / "annan.xlsx", {(INPUT_SHEET, "L10"): 99.0})
    import_cost_workbook(small, ok)
    assert summarise(small).for_option(N.id).yearly.base == (100.0, 101.0, 99.0)


def test_investigation_changed_since_export_is_refused(small: Path, exported: Path) -> None:
    from utredning_app.storage.models import Estimate

    db = open_database(small)
    try:
        with db.transaction() as s:
            s.add(Estimate(option_id=A.id, kind="cost_one_off", name="Ny skattning", unit="mnkr"))
    finally:
        db.close()
    with pytest.raises(ValidationError, match="stämmer inte längre med utredningen"):
        import_cost_workbook(small, exported)


def test_formula_injection_in_names_stays_text(small: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from utredning_app.storage.models import Estimate

    db = open_database(small)
    try:
        with db.transaction() as s:
            s.get(Estimate, "e-a1").name = '=HYPERLINK("http://exempel.invalid","x")'  # type: ignore[union-attr]
    finally:
        db.close()
    out = tmp_path / "k.xlsx"
    export_cost_workbook(small, out)
    ws = load_workbook(out)[INPUT_SHEET]
    cells = [
        c
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    assert import_cost_workbook(small, out).changes.empty


def test_cli_export_and_import(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.xlsx"
    assert cli_main(["export-xlsx", "kostnader", str(small), "-o", str(out)]) == 0
    changed = edit(out, tmp_path / "cli2.xlsx", {(INPUT_SHEET, "J10"): 96})
    before = sha(small)
    assert cli_main(["import", "kostnader", str(small), str(changed), "--torrkorning"]) == 0
    assert "Torrkörning: 1 ändring skulle sparas" in capsys.readouterr().out
    assert sha(small) == before
    assert cli_main(["import", "kostnader", str(small), str(changed)]) == 0
    assert "1 ändring sparades" in capsys.readouterr().out
    bad = edit(out, tmp_path / "cli3.xlsx", {(CALC_SHEET, "C10"): None})
    assert cli_main(["import", "kostnader", str(small), str(bad)]) == 1
    assert "cell C10" in capsys.readouterr().err
    assert cli_main(["kostnader", str(small), "--simulera", "1000"]) == 0
    text = capsys.readouterr().out
    assert "Monte Carlo: 1000 dragningar" in text and "A Akutsjukhusnämnd" in text
    assert cli_main(["bedomning", str(small)]) == 0
    assert "Moderaternas viktning (M)" in capsys.readouterr().out


def test_app_summary_matches_domain(small: Path) -> None:
    _, model = read_cost_model(small)
    assert summarise(small) == cost_summary(model)


def test_incomplete_estimate_can_be_exported_and_completed_in_excel(
    small: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from sqlalchemy import select

    from utredning_app.storage.base import utcnow
    from utredning_app.storage.models import EstimateValue

    db = open_database(small)
    try:
        with db.transaction() as s:
            v = s.scalars(
                select(EstimateValue).where(
                    EstimateValue.estimate_id == "e-n1", EstimateValue.year == 2026
                )
            ).one()
            v.deleted_at = utcnow()
    finally:
        db.close()
    with pytest.raises(ValidationError, match="saknar värden för år 2026"):
        summarise(small)
    out = tmp_path / "ofullständig.xlsx"
    export_cost_workbook(small, out)
    wb = load_workbook(out)
    assert wb.security.lockStructure
    assert wb[INPUT_SHEET].data_validations.dataValidation
    assert wb[INPUT_SHEET]["L9"].value is None
    filled = edit(
        out,
        tmp_path / "ifylld.xlsx",
        {(INPUT_SHEET, "L9"): 91, (INPUT_SHEET, "L10"): 101, (INPUT_SHEET, "L11"): 111},
    )
    import_cost_workbook(small, filled)
    assert summarise(small).for_option(N.id).yearly.base == (100.0, 100.0, 101.0)


def test_workbook_bytes_import_like_the_file(small: Path, tmp_path: Path) -> None:
    from utredning_app.services.estimates import cost_workbook_bytes

    out = tmp_path / "bytes.xlsx"
    out.write_bytes(cost_workbook_bytes(small))
    assert import_cost_workbook(small, out).changes.empty


def test_control_characters_and_long_text_survive_the_round_trip(
    small: Path, tmp_path: Path
) -> None:
    import sqlite3

    # Stored as a file from before control characters were refused on input holds them (the
    # app itself no longer writes them: storage/text_guard.py).
    conn = sqlite3.connect(small)
    updated = conn.execute(
        "UPDATE estimate SET name = ?, assumption_md = ? WHERE id = 'e-a2'",
        ("Drift\x0bkostnad\r\nnämnd", "Antagande " * 5000),  # 50 000 characters: > a cell
    ).rowcount
    conn.commit()
    conn.close()
    assert updated == 1
    out = tmp_path / "text.xlsx"
    export_cost_workbook(small, out)
    changed = edit(out, tmp_path / "text2.xlsx", {(INPUT_SHEET, "B3"): 0.03})
    result = import_cost_workbook(small, changed)
    assert result.applied and summarise(small).discount_rate == 0.03


def test_the_workbook_is_never_written_over_an_investigation(small: Path, tmp_path: Path) -> None:
    """The GUI's and make run's export path (not only the CLI's) refuses an investigation file
    as target and leaves it, and no temporary file, behind."""
    other = write_small_investigation(tmp_path / "annan.utredning")
    before = sha(other)
    with pytest.raises(ValidationError, match="databasfil"):
        export_cost_workbook(small, other)
    assert sha(other) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
