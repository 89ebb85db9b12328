"""Structure-aware fuzzing of every importer (issue 16): mutate real, valid inputs where they
have structure (zip members, XML elements/attributes/text, cell values, PDF tokens, archive
tables/rows/fields) and feed them through the same entry points the CLI and GUI use.

Each case must end in success or a :class:`UserError` with a message — never another
exception — within the hang guard, and a refused case leaves the investigation file byte for
byte as it was (an accepted one is reset from a pristine copy before the next case).

Time-boxed per importer: :data:`BUDGET_S` in the normal run (fixed seeds, reproducible), and
:data:`LONG_BUDGET_S` with ``--run-slow`` (`make reliability`; random seeds, printed on
failure). A failing input is kept in ``tmp_path`` and its seed named in the message: re-make
it with ``mutations.<fn>(random.Random(seed), …)``.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.reliability import mutations
from tests.reliability.stats import figure, record
from utredning_app.errors import UserError

BUDGET_S = 5.0
LONG_BUDGET_S = 60.0
MIN_CASES = 3
HANG_GUARD_S = 30.0
NORMAL_SEED = 16_000


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fuzz(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    importer: str,
    mutate: Callable[[random.Random], tuple[bytes, str]],
    run: Callable[[Path], str],
    *,
    input_name: str,
    investigation: Path | None = None,
    pristine: Path | None = None,
) -> int:
    """Run cases until the budget is spent; return how many ran."""
    slow = bool(request.config.getoption("--run-slow"))
    budget = LONG_BUDGET_S if slow else BUDGET_S
    base_seed = random.randrange(2**31) if slow else NORMAL_SEED
    folder = tmp_path / "fall"
    folder.mkdir(exist_ok=True)
    deadline = time.monotonic() + budget
    cases = refused = 0
    while cases < MIN_CASES or time.monotonic() < deadline:
        seed = base_seed + cases
        data, how = mutate(random.Random(seed))
        path = folder / input_name
        path.write_bytes(data)
        before = _sha(investigation) if investigation is not None else None
        started = time.monotonic()
        try:
            outcome = run(path)
        except UserError as exc:
            assert exc.message.strip(), f"{importer}: seed {seed}: an empty message"
            outcome = "refused"
        except BaseException as exc:
            record("fuzz", f"importfuzz-{importer}", survived=False)
            kept = tmp_path / f"fel-{seed}-{input_name}"
            shutil.copyfile(path, kept)
            raise AssertionError(
                f"{importer}: seed {seed} ({how}) gav {type(exc).__name__}: {exc!s:.300} "
                f"— indata sparat i {kept}"
            ) from exc
        elapsed = time.monotonic() - started
        assert elapsed < HANG_GUARD_S, f"{importer}: seed {seed} ({how}): {elapsed:.0f} s"
        if investigation is not None and pristine is not None:
            if outcome == "refused":
                assert _sha(investigation) == before, (
                    f"{importer}: seed {seed} ({how}) refused but changed the file"
                )
            else:
                shutil.copyfile(pristine, investigation)
        refused += outcome == "refused"
        record("fuzz", f"importfuzz-{importer}", survived=True)
        cases += 1
    print(f"{importer}: {cases} fall ({refused} avvisade), start-frö {base_seed}")
    figure("importfuzz_seconds", budget)
    return cases


# ------------------------------------------------------------------ seeds (real, valid inputs)


@pytest.fixture(scope="module")
def remiss_demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo investigation, its svarsmall (filled in), a Word and a PDF answer."""
    import openpyxl

    from tests.remiss_helpers import fill_form, write_docx_answer
    from utredning_app.domain import svarsmall as fmt
    from utredning_app.services.demo import create_demo
    from utredning_app.services.sendout import create_sendout

    folder = tmp_path_factory.mktemp("fuzzfrö")
    demo = folder / "demo.utredning"
    create_demo(demo).close()
    items = create_sendout(demo, folder / "utskick")
    form = items[0].form
    ws = openpyxl.load_workbook(form, read_only=True)[fmt.ANSWER_SHEET]
    count = sum(
        1
        for row in ws.iter_rows(min_row=fmt.FIRST_PROPOSAL_ROW, max_col=1, values_only=True)
        if row[0] is not None and str(row[0]).isdigit()
    )
    fill_form(form, ["Tillstyrker"] * count, comments=["Bra förslag."] * count, other="Inget")
    name = items[1].consultee
    answer = write_docx_answer(
        folder / "svar.docx", name, ["Vi tillstyrker förslagen.", "Med synpunkter på 2."]
    )
    pdf = folder / "svar.pdf"
    pdf.write_bytes(_text_pdf([f"Remissvar från {name}", "Vi tillstyrker förslag 1 och 2."]))
    return {"demo": demo, "form": form, "docx": answer, "pdf": pdf}


def _text_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF with real text (Latin-1 in a standard font)."""
    content = "BT /F1 12 Tf 72 760 Td 14 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in lines
    )
    stream = content.encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.fixture
def working_demo(tmp_path: Path, remiss_demo: dict[str, Path]) -> tuple[Path, Path]:
    """A copy to import into, and the pristine copy to reset it from."""
    path = tmp_path / "demo.utredning"
    shutil.copyfile(remiss_demo["demo"], path)
    return path, remiss_demo["demo"]


def _answers_run(investigation: Path) -> Callable[[Path], str]:
    from utredning_app.services.responses import import_answers

    def run(path: Path) -> str:
        result = import_answers(investigation, [path])
        for name, reason in result.rejected:
            assert reason.strip(), f"{name}: rejected without a reason"
        return "accepted" if result.imported else "refused"

    return run


# ------------------------------------------------------------------ the importers


def test_fuzz_svarsmall(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    remiss_demo: dict[str, Path],
    working_demo: tuple[Path, Path],
) -> None:
    seed_bytes = remiss_demo["form"].read_bytes()

    def mutate(rng: random.Random) -> tuple[bytes, str]:
        if rng.random() < 0.3:
            return mutations.mutate_cells(rng, seed_bytes), "cellvärden"
        return mutations.mutate_package(rng, seed_bytes, lambda n: "worksheets/" in n)

    path, pristine = working_demo
    fuzz(
        request,
        tmp_path,
        "svarsmall",
        mutate,
        _answers_run(path),
        input_name=remiss_demo["form"].name,
        investigation=path,
        pristine=pristine,
    )


def test_fuzz_word_answer(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    remiss_demo: dict[str, Path],
    working_demo: tuple[Path, Path],
) -> None:
    seed_bytes = remiss_demo["docx"].read_bytes()
    path, pristine = working_demo
    fuzz(
        request,
        tmp_path,
        "word-svar",
        lambda rng: mutations.mutate_package(rng, seed_bytes, lambda n: n == "word/document.xml"),
        _answers_run(path),
        input_name=remiss_demo["docx"].name,
        investigation=path,
        pristine=pristine,
    )


def test_fuzz_pdf_answer(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    remiss_demo: dict[str, Path],
    working_demo: tuple[Path, Path],
) -> None:
    seed_bytes = remiss_demo["pdf"].read_bytes()
    path, pristine = working_demo
    fuzz(
        request,
        tmp_path,
        "pdf-svar",
        lambda rng: mutations.mutate_pdf(rng, seed_bytes),
        _answers_run(path),
        input_name=remiss_demo["pdf"].name,
        investigation=path,
        pristine=pristine,
    )


def test_fuzz_consultee_list(
    request: pytest.FixtureRequest, tmp_path: Path, working_demo: tuple[Path, Path]
) -> None:
    from openpyxl import Workbook

    from utredning_app.services import consultees as svc
    from utredning_app.storage.database import open_database

    wb = Workbook()
    ws = wb.active
    ws.title = "Remissinstanser"
    ws.append(["Namn", "Typ", "Inbjuden", "Kontaktperson", "E-post", "Adress"])
    ws.append(["Nya sjukhuset AB", "bolag", "ja", "Eva", "eva@example.se", "Gatan 1"])
    ws.append(["Norra nämnden", "nämnd", "nej", "", "", ""])
    ws.append(["Fackförbundet Vård", "", "ja", "", "", ""])
    wb.save(tmp_path / "lista.xlsx")
    seed_bytes = (tmp_path / "lista.xlsx").read_bytes()
    path, pristine = working_demo

    def mutate(rng: random.Random) -> tuple[bytes, str]:
        if rng.random() < 0.3:
            return mutations.mutate_cells(rng, seed_bytes), "cellvärden"
        return mutations.mutate_package(
            rng, seed_bytes, lambda n: "worksheets/" in n or "sharedStrings" in n
        )

    def run(list_path: Path) -> str:
        sheet = svc.read_sheet(list_path)
        with open_database(path) as db:
            preview = svc.preview_import(db, sheet, svc.guess_mapping(sheet.headers))
            added = svc.commit_import(db, preview)  # refuses (UserError) a list with errors
        return "accepted" if added else "refused"

    fuzz(
        request,
        tmp_path,
        "instanslista",
        mutate,
        run,
        input_name="instanser.xlsx",
        investigation=path,
        pristine=pristine,
    )


def test_fuzz_cost_workbook(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.costs_helpers import write_small_investigation
    from utredning_app.exporting.costs_layout import INPUT_SHEET
    from utredning_app.services.estimates import export_cost_workbook, import_cost_workbook

    pristine = write_small_investigation(tmp_path / "orörd.utredning")
    exported = tmp_path / "kostnader.xlsx"
    export_cost_workbook(pristine, exported)
    wb = load_workbook(exported)
    ws = wb[INPUT_SHEET]
    rows = [r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == "Omställning"]
    for r, value in zip(rows, (1.25, 2.5, 3.75), strict=True):
        ws[f"K{r}"] = value  # a real change, so the import's change path runs too
    wb.save(tmp_path / "ändrad.xlsx")
    seeds = [exported.read_bytes(), (tmp_path / "ändrad.xlsx").read_bytes()]
    path = tmp_path / "liten.utredning"
    shutil.copyfile(pristine, path)

    def mutate(rng: random.Random) -> tuple[bytes, str]:
        seed_bytes = rng.choice(seeds)
        if rng.random() < 0.5:
            return mutations.mutate_cells(rng, seed_bytes, [INPUT_SHEET]), "cellvärden"
        return mutations.mutate_package(rng, seed_bytes, lambda n: "worksheets/" in n)

    def run(workbook: Path) -> str:
        result = import_cost_workbook(path, workbook)
        return "accepted" if result.lines else "refused"  # nothing to take in: unchanged

    fuzz(
        request,
        tmp_path,
        "kostnadsmodell",
        mutate,
        run,
        input_name="kostnader.xlsx",
        investigation=path,
        pristine=pristine,
    )


def test_fuzz_json_archive(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from utredning_app.services.archive import export_archive, import_archive
    from utredning_app.services.demo import create_demo
    from utredning_app.services.info import check_file

    create_demo(tmp_path / "källa.utredning").close()
    base: dict[str, Any] = json.loads(
        export_archive(tmp_path / "källa.utredning", tmp_path / "källa.json").read_text("utf-8")
    )
    out = tmp_path / "ut"
    out.mkdir()
    target = out / "ny.utredning"

    def run(source: Path) -> str:
        try:
            import_archive(source, target).close()
        except UserError:
            assert not target.exists(), "a refused archive left a file"
            raise
        finally:
            leftovers = [p.name for p in out.iterdir() if p.name != target.name]
            assert leftovers == [], f"temporary files left: {leftovers}"
        problems = check_file(target).problems
        target.unlink()
        assert problems == [], problems
        return "accepted"

    fuzz(
        request,
        tmp_path,
        "json-arkiv",
        lambda rng: mutations.mutate_archive(rng, base),
        run,
        input_name="arkiv.json",
    )
