"""Issue 16, finding 5: every xlsx/docx reader is guarded, and bounded while it reads.

* The guards (size, zip-bomb ratio, number of parts, no DTD, cells per sheet) cover the
  consultee list, the cost workbook (`import kostnader`), the svarsmall and Word answers.
* A workbook with ten million cells in a few hundred KB, or one whose sheet claims a million
  rows, is refused or read within bounds — not padded cell by cell for minutes.
* A DTD is found in a UTF-16 part and after the first 4 KB.
* A large Word answer that passes the guards is read in bounded memory (streamed), stopping
  at the text limit instead of building the whole tree first.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import string
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.stats import record
from tests.reliability.test_hostile_documents import BILLION_LAUGHS, _sha, _zip
from utredning_app.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 30


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _first_sheet(members: dict[str, bytes], title_part: str = "xl/worksheets/sheet1.xml") -> str:
    assert title_part in members, sorted(members)
    return title_part


def _ten_million_cells(sheet_xml: bytes) -> bytes:
    """The sheet with ten million extra (empty) cells in one row: ~40 MB of XML that deflate
    packs into a few hundred KB."""
    cells = b"<c/>" * 10_000_000
    return sheet_xml.replace(b"</sheetData>", b'<row r="60000">' + cells + b"</row></sheetData>")


def _sparse_million_rows(sheet_xml: bytes) -> bytes:
    """One cell at the last row and column Excel allows, and a <dimension> to match: openpyxl
    pads every row in between with empty cells unless the reader bounds what it reads."""
    import re

    xml = re.sub(rb"<dimension [^>]*/>", b'<dimension ref="A1:XFD1048576"/>', sheet_xml)
    return xml.replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
    )


def _many_random_cells(sheet_xml: bytes, count: int) -> bytes:
    """``count`` cells of random numbers: compresses about 3:1, so the ratio guard passes and
    only the cell count can stop it."""
    rng = random.Random(5)
    rows = []
    for r in range(count // 10):
        cells = "".join(
            f'<c r="{col}{70000 + r}"><v>{rng.randrange(10**9)}</v></c>' for col in "ABCDEFGHIJ"
        )
        rows.append(f'<row r="{70000 + r}">{cells}</row>')
    return sheet_xml.replace(b"</sheetData>", "".join(rows).encode() + b"</sheetData>")


def _timed(case: str, action: Callable[[], object]) -> str:
    started = time.monotonic()
    try:
        action()
        outcome = "accepted"
    except UserError as exc:
        outcome = exc.message
    except BaseException:
        record("fuzz", case, survived=False)
        raise
    elapsed = time.monotonic() - started
    assert elapsed < HANG_GUARD_S, f"{case}: {elapsed:.0f} s"
    record("fuzz", case, survived=True)
    return outcome


# ------------------------------------------------------------------ the cost workbook


@pytest.fixture
def cost_case(tmp_path: Path) -> tuple[Path, dict[str, bytes], str]:
    from tests.costs_helpers import write_small_investigation
    from utredning_app.exporting.costs_layout import INPUT_SHEET
    from utredning_app.services.estimates import export_cost_workbook

    path = write_small_investigation(tmp_path / "liten.utredning")
    out = tmp_path / "kostnader.xlsx"
    export_cost_workbook(path, out)
    members = _members(out.read_bytes())
    workbook = members["xl/workbook.xml"].decode()
    # The part of the Indata sheet: sheets are written in order, Indata is the second.
    index = workbook.index(f'name="{INPUT_SHEET}"')
    assert index > 0
    return path, members, "xl/worksheets/sheet2.xml"


def test_cost_workbook_with_ten_million_cells_is_refused_quickly(
    tmp_path: Path, cost_case: tuple[Path, dict[str, bytes], str]
) -> None:
    from utredning_app.services.estimates import import_cost_workbook

    path, members, sheet = cost_case
    members[sheet] = _ten_million_cells(members[sheet])
    bomb = tmp_path / "tio-miljoner.xlsx"
    bomb.write_bytes(_zip(members))
    assert bomb.stat().st_size < 2 * 1024**2
    before = _sha(path)
    case = "läsare[kostnader-tio-miljoner-celler]"
    outcome = _timed(case, lambda: import_cost_workbook(path, bomb))
    assert "zip-bomb" in outcome or "celler" in outcome, outcome
    assert _sha(path) == before


def test_cost_workbook_claiming_a_million_rows_is_read_within_bounds(
    tmp_path: Path, cost_case: tuple[Path, dict[str, bytes], str]
) -> None:
    from utredning_app.services.estimates import import_cost_workbook

    path, members, sheet = cost_case
    members[sheet] = _sparse_million_rows(members[sheet])
    sparse = tmp_path / "glest.xlsx"
    sparse.write_bytes(_zip(members))
    before = _sha(path)
    case = "läsare[kostnader-miljon-rader]"
    _timed(case, lambda: import_cost_workbook(path, sparse, dry_run=True))
    assert _sha(path) == before


def test_cost_workbook_cell_count_guard(
    tmp_path: Path, cost_case: tuple[Path, dict[str, bytes], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from utredning_app.importing import guards
    from utredning_app.services.estimates import import_cost_workbook

    monkeypatch.setattr(guards, "MAX_CELLS", 5_000)
    path, members, sheet = cost_case
    members[sheet] = _many_random_cells(members[sheet], 6_000)
    many = tmp_path / "många.xlsx"
    many.write_bytes(_zip(members))
    outcome = _timed("läsare[kostnader-cellgräns]", lambda: import_cost_workbook(path, many))
    assert "fler än 5 000 celler" in outcome, outcome


def test_cost_workbook_with_a_dtd_is_refused(
    tmp_path: Path, cost_case: tuple[Path, dict[str, bytes], str]
) -> None:
    from utredning_app.services.estimates import import_cost_workbook

    path, members, sheet = cost_case
    members[sheet] = (
        b'<!DOCTYPE worksheet SYSTEM "http://example.invalid/x.dtd">'
        + members[sheet].split(b"?>", 1)[-1]
    )
    dtd = tmp_path / "dtd.xlsx"
    dtd.write_bytes(_zip(members))
    outcome = _timed("läsare[kostnader-dtd]", lambda: import_cost_workbook(path, dtd))
    assert "DTD" in outcome, outcome


# ------------------------------------------------------------------ the consultee list


@pytest.fixture
def consultee_list(tmp_path: Path) -> dict[str, bytes]:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Namn", "Typ"])
    ws.append(["Södersjukhuset AB", "bolag"])
    wb.save(tmp_path / "lista.xlsx")
    return _members((tmp_path / "lista.xlsx").read_bytes())


@pytest.mark.parametrize(
    ("case", "change", "expected"),
    [
        ("tio-miljoner-celler", _ten_million_cells, ("zip-bomb", "celler")),
        ("miljon-rader", _sparse_million_rows, None),
    ],
)
def test_consultee_list_is_bounded(
    tmp_path: Path,
    consultee_list: dict[str, bytes],
    case: str,
    change: Callable[[bytes], bytes],
    expected: tuple[str, ...] | None,
) -> None:
    from utredning_app.services.consultees import read_sheet

    members = dict(consultee_list)
    sheet = _first_sheet(members)
    members[sheet] = change(members[sheet])
    path = tmp_path / f"{case}.xlsx"
    path.write_bytes(_zip(members))
    outcome = _timed(f"läsare[instanslista-{case}]", lambda: read_sheet(path))
    if expected is not None:
        assert any(word in outcome for word in expected), outcome


# ------------------------------------------------------------------ DTDs the guard missed


def _utf16_billion_laughs() -> bytes:
    text = BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "")
    return '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + text.encode("utf-16-le")


def _late_doctype(document_xml: bytes) -> bytes:
    """A DOCTYPE (no entities) after a 5 KB comment: legal XML, beyond the old 4 KB look."""
    head, _, body = document_xml.partition(b"?>")
    return (
        head
        + b"?><!--"
        + b" " * 5000
        + b'--><!DOCTYPE w:document SYSTEM "http://example.invalid/w.dtd">'
        + body
    )


@pytest.mark.parametrize("case", ["utf16", "efter-4kb"])
def test_dtd_is_found_in_utf16_and_after_4kb(tmp_path: Path, demo_path: Path, case: str) -> None:
    import docx

    from utredning_app.services.responses import import_answers

    document = docx.Document()
    document.add_paragraph("Remissvar från Södersjukhuset AB: tillstyrker.")
    document.save(tmp_path / "bas.docx")
    members = _members((tmp_path / "bas.docx").read_bytes())
    members["word/document.xml"] = (
        _utf16_billion_laughs() if case == "utf16" else _late_doctype(members["word/document.xml"])
    )
    answer = tmp_path / f"dtd-{case}.docx"
    answer.write_bytes(_zip(members))
    before = _sha(demo_path)
    result = import_answers(demo_path, [answer])
    assert result.imported == []
    assert "DTD" in result.rejected[0][1], result.rejected
    assert _sha(demo_path) == before
    record("fuzz", f"läsare[dtd-{case}]", survived=True)


# ------------------------------------------------------------------ memory of a large docx

_MEASURE = """
import resource, sys
from pathlib import Path
from utredning_app.importing.guards import read_checked, FileRejected
from utredning_app.importing.docx_text import extract_docx_text
checked = read_checked(Path(sys.argv[1]))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    extract_docx_text(checked)
    print("accepted")
except FileRejected as exc:
    print(exc.message)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - base) // 1024)
"""


def test_large_docx_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """600 000 short paragraphs (24 MB of XML, 4 MB packed, passes the guards): the old
    reader built the whole tree (~0.5 GB here, 3.5 GB for the red team's 19 MB) before
    it found the text too long. Streamed, it stops at the text limit with a few MB."""
    rng = random.Random(3)
    alphabet = string.ascii_letters + string.digits
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{''.join(rng.choices(alphabet, k=8))}</w:t></w:r></w:p>"
        for _ in range(600_000)
    )
    document = f'<?xml version="1.0"?><w:document {ns}><w:body>{paragraphs}</w:body></w:document>'
    import docx

    docx.Document().save(tmp_path / "bas.docx")
    members = _members((tmp_path / "bas.docx").read_bytes())
    members["word/document.xml"] = document.encode()
    big = tmp_path / "stort.docx"
    big.write_bytes(_zip(members))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(big)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    message, grown_mb = result.stdout.strip().rsplit("\n", 1)
    assert "orimligt mycket text" in message, message
    assert int(grown_mb) < 150, f"reading took {grown_mb} MB more"
    record("fuzz", "läsare[stort-docx-minne]", survived=True)


def test_every_reader_goes_through_the_guards(tmp_path: Path, demo_path: Path) -> None:
    """A zip bomb named as each kind of input is refused by the guards' own message."""
    from utredning_app.services.consultees import read_sheet
    from utredning_app.services.estimates import import_cost_workbook
    from utredning_app.services.responses import import_answers

    zeros = b"\x00" * (30 * 1024**2)
    from openpyxl import Workbook

    Workbook().save(tmp_path / "bas.xlsx")
    members = _members((tmp_path / "bas.xlsx").read_bytes())
    members["xl/sharedStrings.xml"] = zeros
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(_zip(members))
    for case, action in {
        "instanslista": lambda: read_sheet(bomb),
        "kostnader": lambda: import_cost_workbook(demo_path, bomb),
    }.items():
        assert "zip-bomb" in _timed(f"läsare[vakt-{case}]", action), case
    result = import_answers(demo_path, [shutil.copyfile(bomb, tmp_path / "svarsmall.xlsx")])
    assert "zip-bomb" in result.rejected[0][1]


def test_a_row_wider_than_excel_is_refused_before_parsing(
    tmp_path: Path, consultee_list: dict[str, bytes]
) -> None:
    """openpyxl builds a whole row at once: a million-cell row took 0.5 GB and 13 s."""
    from utredning_app.services.consultees import read_sheet

    rng = random.Random(9)
    cells = "".join(f"<c><v>{rng.randrange(10**6)}</v></c>" for _ in range(20_000)).encode()
    members = dict(consultee_list)
    sheet = _first_sheet(members)
    members[sheet] = members[sheet].replace(
        b"</sheetData>", b'<row r="3">' + cells + b"</row></sheetData>"
    )
    path = tmp_path / "bred.xlsx"
    path.write_bytes(_zip(members))
    outcome = _timed("läsare[instanslista-bred-rad]", lambda: read_sheet(path))
    assert "fler celler än Excel tillåter" in outcome, outcome
