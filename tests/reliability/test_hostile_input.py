"""Hostile and broken input: each reader gives a clear UserError (never a raw traceback) in
bounded time, and leaves the investigation untouched.

Readers covered here: the investigation file itself and the JSON archive. The xlsx/docx/pdf
readers and templates join as they land (see ``test_hostile_documents.py``).
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import fill_every_entity
from tests.reliability.stats import record
from utredning_app.errors import ArchiveError, UserError
from utredning_app.services.archive import build_archive, export_archive, import_archive
from utredning_app.services.info import check_file
from utredning_app.storage.database import inspect_file, open_database

FAST = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
LONG = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HANG_GUARD_S = 30  # generous: a case that takes this long is a hang, not a slow machine


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def filled_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from utredning_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("fylld") / "fylld.utredning"
    db = create_demo(path)
    fill_every_entity(db)
    db.close()
    return path


def open_hostile_file(path: Path, case: str) -> str:
    """Everything the app does with a file someone sent: inspect, open, read it all.

    Returns "refused" or "opened"; anything but a UserError fails the test. The file's bytes
    must not change either way.
    """
    before = _sha(path.read_bytes()) if path.is_file() else None
    started = time.monotonic()
    outcome = "opened"
    try:
        inspect_file(path)
        with open_database(path, read_only=True) as db, db.reader() as s:
            db.investigation(s)
        check_file(path)
        build_archive(path)
    except UserError:
        outcome = "refused"
    except BaseException:
        record("fuzz", f"fil-{case}", survived=False)
        raise
    elapsed = time.monotonic() - started
    if before is not None:
        assert _sha(path.read_bytes()) == before, f"{case}: the file was modified"
    assert elapsed < HANG_GUARD_S, f"{case}: {elapsed:.1f} s"
    record("fuzz", f"fil-{case}", survived=True)
    return outcome


def _sqlite_with(tmp_path: Path, name: str, app_id: int, sql: str = "") -> Path:
    path = tmp_path / name
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={app_id}")
    if sql:
        conn.executescript(sql)
    conn.commit()
    conn.close()
    return path


def test_crafted_investigation_files(tmp_path: Path, filled_file: Path) -> None:
    from utredning_app.storage.engine import APPLICATION_ID

    filled_bytes = filled_file.read_bytes()
    rng = random.Random(42)
    cases: dict[str, bytes | Path] = {
        "tom": b"",
        "kort-huvud": b"SQLite format 3\x00" + b"\x00" * 20,
        "bara-huvud": filled_bytes[:100],
        "slumpbyte": bytes(rng.randrange(256) for _ in range(70_000)),
        "zip": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(5000)),
        "text": "Det här är inte en utredning.\n".encode() * 100,
        "huvud+skräp": filled_bytes[:100] + bytes(rng.randrange(256) for _ in range(40_000)),
        "sidstorlek-orimlig": filled_bytes[:16] + b"\x00\x03" + filled_bytes[18:],
        "wal-läge": filled_bytes[:18] + b"\x02\x02" + filled_bytes[20:],
        "halv": filled_bytes[: len(filled_bytes) // 2],
        "sista-sidan-saknas": filled_bytes[:-4096],
        "nollad-mitt": filled_bytes[:8192] + b"\x00" * 8192 + filled_bytes[16384:],
    }
    for name, content in cases.items():
        path = tmp_path / f"{name}.utredning"
        path.write_bytes(content)  # type: ignore[arg-type]
        outcome = open_hostile_file(path, name)
        assert outcome == "refused" or name in ("wal-läge",), name
    cases_sql = {
        "fel-application-id": _sqlite_with(
            tmp_path, "annan.utredning", 0x12345678, "CREATE TABLE t(x);"
        ),
        "rätt-id-inga-tabeller": _sqlite_with(tmp_path, "tom-db.utredning", APPLICATION_ID),
        "rätt-id-flera-versioner": _sqlite_with(
            tmp_path,
            "två.utredning",
            APPLICATION_ID,
            "CREATE TABLE alembic_version(version_num);"
            "INSERT INTO alembic_version VALUES ('0001_initial'), ('0002_x');",
        ),
    }
    for name, path in cases_sql.items():
        assert open_hostile_file(path, name) == "refused", name
    folder = tmp_path / "mapp.utredning"
    folder.mkdir()
    assert open_hostile_file(folder, "mapp") == "refused"
    assert open_hostile_file(tmp_path / "finns-inte.utredning", "saknas") == "refused"


@pytest.mark.parametrize(
    ("case", "sql"),
    [
        ("okänt-enumvärde", "UPDATE milestone SET kind = 'hackad'"),
        ("omöjligt-datum", "UPDATE investigation SET created_at = 'inte ett datum'"),
        ("nolltecken-i-datum", "UPDATE party SET created_at = char(0) || '026-01-01 00:00:00'"),
        ("ogiltig-utf8", "UPDATE note SET title = CAST(X'80FF41' AS TEXT)"),
        ("bytt-kolumnnamn", "ALTER TABLE milestone RENAME COLUMN deleted_at TO borta"),
        ("borttagen-tabell", "DROP TABLE quote"),
    ],
)
def test_crafted_values_inside_a_valid_file(
    tmp_path: Path, filled_file: Path, case: str, sql: str
) -> None:
    """Values SQLite accepts but the app cannot: refused as damaged, never a traceback."""
    path = tmp_path / f"{case}.utredning"
    shutil.copyfile(filled_file, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(sql)
    conn.commit()
    conn.close()
    assert open_hostile_file(path, case) == "refused"


def test_garbage_journal_beside_a_good_file(tmp_path: Path, filled_file: Path) -> None:
    path = tmp_path / "god.utredning"
    shutil.copyfile(filled_file, path)
    Path(f"{path}-journal").write_bytes(bytes(random.Random(1).randrange(256) for _ in range(9000)))
    assert open_hostile_file(path, "skräpjournal") == "opened"


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    buf = bytearray(data)
    for position, value in flips:
        buf[position % len(buf)] = value
    return bytes(buf)


flips_strategy = st.lists(
    st.tuples(st.integers(min_value=0, max_value=10**7), st.integers(0, 255)),
    min_size=1,
    max_size=12,
)


def _fuzz_file(tmp_path: Path, filled_file: Path, flips: list[tuple[int, int]]) -> None:
    path = tmp_path / "fuzz.utredning"
    path.write_bytes(_flip(filled_file.read_bytes(), flips))
    open_hostile_file(path, "bitflip")


@FAST
@given(flips=flips_strategy)
def test_random_corruption_of_a_file(
    tmp_path: Path, filled_file: Path, flips: list[tuple[int, int]]
) -> None:
    _fuzz_file(tmp_path, filled_file, flips)


@FAST
@given(cut=st.integers(min_value=0, max_value=10**7))
def test_truncated_files(tmp_path: Path, filled_file: Path, cut: int) -> None:
    data = filled_file.read_bytes()
    path = tmp_path / "kapad.utredning"
    path.write_bytes(data[: cut % len(data)])
    assert open_hostile_file(path, "kapad") == "refused"


@pytest.mark.slow
@LONG
@given(flips=flips_strategy)
def test_long_random_corruption_of_a_file(
    tmp_path: Path, filled_file: Path, flips: list[tuple[int, int]]
) -> None:
    _fuzz_file(tmp_path, filled_file, flips)


# ------------------------------------------------------------------ JSON archive


@pytest.fixture(scope="module")
def good_archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from utredning_app.storage.database import create_database

    folder = tmp_path_factory.mktemp("arkiv")
    db = create_database(folder / "k.utredning", title="Arkivkälla")
    fill_every_entity(db)
    db.close()
    out = export_archive(folder / "k.utredning", folder / "k.json")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def import_hostile_archive(tmp_path: Path, content: bytes, case: str) -> str:
    source = tmp_path / "in.json"
    source.write_bytes(content)
    target = tmp_path / "ut.utredning"
    started = time.monotonic()
    outcome = "imported"
    try:
        import_archive(source, target).close()
    except ArchiveError:
        outcome = "refused"
        assert not target.exists(), f"{case}: a file was left behind"
    except UserError:
        outcome = "refused"
        assert not target.exists()
    except BaseException:
        record("fuzz", f"arkiv-{case}", survived=False)
        raise
    elapsed = time.monotonic() - started
    assert elapsed < HANG_GUARD_S, f"{case}: {elapsed:.1f} s"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".import-")]
    assert leftovers == [], f"{case}: temporary files left: {leftovers}"
    if outcome == "imported":
        assert check_file(target).ok
        target.unlink()
    record("fuzz", f"arkiv-{case}", survived=True)
    return outcome


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_crafted_archives(tmp_path: Path, good_archive: dict[str, Any]) -> None:
    def with_(mutate: Any) -> bytes:
        data = copy.deepcopy(good_archive)
        mutate(data)
        return _dump(data)

    def dup_id(d: dict[str, Any]) -> None:
        d["tables"]["party"].append(dict(d["tables"]["party"][0]))

    def bad_date(d: dict[str, Any]) -> None:
        d["tables"]["investigation"][0]["decided_on"] = "2023-13-45"

    def bad_timestamp(d: dict[str, Any]) -> None:
        d["tables"]["party"][0]["created_at"] = "2023-02-30T25:61:61"

    def bad_base64(d: dict[str, Any]) -> None:
        d["tables"]["attachment"][0]["data"] = "!!!inte base64!!!"

    def huge_text(d: dict[str, Any]) -> None:
        d["tables"]["note"][0]["body_md"] = "å" * 20_000_000

    def nan_number(d: dict[str, Any]) -> None:
        d["tables"]["criterion"][0]["weight"] = float("nan")

    def bool_as_int(d: dict[str, Any]) -> None:
        d["tables"]["note"][0]["released"] = 1

    def dangling(d: dict[str, Any]) -> None:
        d["tables"]["member"][0]["party_id"] = "00000000-0000-0000-0000-000000000000"

    cases: dict[str, bytes] = {
        "tom": b"",
        "inte-json": b"{inte json",
        "latin1": '{"format": "å"}'.encode("latin-1"),
        "lista": b"[]",
        "djup-nästling": b"[" * 200_000 + b"]" * 200_000,
        "djup-nästling-objekt": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        "dubblett-id": with_(dup_id),
        "ogiltigt-datum": with_(bad_date),
        "ogiltig-tidpunkt": with_(bad_timestamp),
        "ogiltig-base64": with_(bad_base64),
        "jättetext": with_(huge_text),
        "nan": with_(nan_number),
        "bool-som-tal": with_(bool_as_int),
        "dinglande-referens": with_(dangling),
        "extra-fält": with_(lambda d: d["tables"]["party"][0].update(hack=1)),
        "saknat-fält": with_(lambda d: d["tables"]["party"][0].pop("name")),
        "fel-typ-tabell": with_(lambda d: d["tables"].update(party={"a": 1})),
        "nyare-format": with_(lambda d: d.update(format_version=99)),
    }
    outcomes = {name: import_hostile_archive(tmp_path, c, name) for name, c in cases.items()}
    expected_imported = {"jättetext"}
    assert {n for n, o in outcomes.items() if o == "imported"} <= expected_imported | {"nan"}


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated_archives(draw: st.DrawFn, base: dict[str, Any]) -> bytes:
    data = copy.deepcopy(base)
    tables = data["tables"]
    for _ in range(draw(st.integers(1, 4))):
        table = draw(st.sampled_from(sorted(tables)))
        rows = tables[table]
        action = draw(st.sampled_from(["set", "drop", "add", "dup", "swap-id", "root"]))
        if action == "root":
            key = draw(st.sampled_from(sorted(data)))
            data[key] = draw(json_values)
            continue
        if not isinstance(rows, list) or not rows:
            continue
        row = rows[draw(st.integers(0, len(rows) - 1))]
        if not isinstance(row, dict) or not row:
            continue
        field = draw(st.sampled_from(sorted(row)))
        if action == "set":
            row[field] = draw(json_values)
        elif action == "drop":
            row.pop(field)
        elif action == "add":
            row[draw(st.text(min_size=1, max_size=10))] = draw(json_values)
        elif action == "dup":
            rows.append(copy.deepcopy(row))
        elif action == "swap-id":
            other = draw(st.sampled_from(sorted(tables)))
            if tables[other] and isinstance(tables[other][0], dict):
                row["id"] = tables[other][0].get("id")
    return _dump(data)


def _fuzz_archive(tmp_path: Path, content: bytes) -> None:
    for leftover in tmp_path.glob("*.utredning"):
        leftover.unlink()
    import_hostile_archive(tmp_path, content, "hypothesis")


@FAST
@given(data=st.data())
def test_fuzzed_archive_structure(
    tmp_path: Path, good_archive: dict[str, Any], data: st.DataObject
) -> None:
    _fuzz_archive(tmp_path, data.draw(mutated_archives(good_archive)))


@FAST
@given(content=st.binary(max_size=2000))
def test_fuzzed_archive_bytes(tmp_path: Path, content: bytes) -> None:
    _fuzz_archive(tmp_path, content)


@pytest.mark.slow
@LONG
@given(data=st.data())
def test_long_fuzzed_archive_structure(
    tmp_path: Path, good_archive: dict[str, Any], data: st.DataObject
) -> None:
    _fuzz_archive(tmp_path, data.draw(mutated_archives(good_archive)))


def test_hostile_archive_leaves_an_open_investigation_untouched(
    tmp_path: Path, demo_path: Path
) -> None:
    before = _sha(demo_path.read_bytes())
    with open_database(demo_path):
        import_hostile_archive(tmp_path, b"[" * 100_000, "bredvid-öppen")
        import_hostile_archive(tmp_path, b'{"format": "utredningsstod-arkiv"}', "bredvid-öppen")
    assert _sha(demo_path.read_bytes()) == before
    shutil.rmtree(tmp_path / "användardata", ignore_errors=True)


def test_huge_archive_memory_stays_proportional(
    tmp_path: Path, good_archive: dict[str, Any]
) -> None:
    """A 40 MB text value: imported, with Python memory at most a few times the file size
    (JSON text, parsed objects, decoded rows). Bounded by MAX_ARCHIVE_BYTES overall."""
    import tracemalloc

    data = copy.deepcopy(good_archive)
    data["tables"]["note"][0]["body_md"] = "å" * 20_000_000
    source = tmp_path / "stor.json"
    source.write_bytes(_dump(data))
    size = source.stat().st_size
    tracemalloc.start()
    try:
        import_archive(source, tmp_path / "stor.utredning").close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB archive"
    record("fuzz", "arkiv-minne", survived=True)
