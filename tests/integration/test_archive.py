"""The open JSON archive: lossless round trip, schema, and refusal of bad archives."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.builders import fill_every_entity
from utredning_app import paths
from utredning_app.errors import ArchiveError, ValidationError
from utredning_app.services.archive import (
    ARCHIVE_TABLES,
    build_archive,
    export_archive,
    import_archive,
    json_schema,
    load_schema,
)
from utredning_app.storage.base import Base
from utredning_app.storage.database import Database
from utredning_app.storage.versions import BOOKKEEPING_TABLES


def _round_trip(path: Path, tmp: Path) -> tuple[str, str]:
    first = tmp / "första.json"
    export_archive(path, first)
    imported = tmp / "importerad.utredning"
    import_archive(first, imported).close()
    second = tmp / "andra.json"
    export_archive(imported, second)
    return first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")


def test_the_archive_covers_every_table_of_the_schema() -> None:
    """A table added to the models must be archived (or be merge bookkeeping), or export →
    import would lose it silently."""
    covered = {t.name for t in (*ARCHIVE_TABLES, *BOOKKEEPING_TABLES)}
    assert covered == set(Base.metadata.tables) - {"alembic_version"}


def test_every_entity_round_trips_byte_identically(db: Database, tmp_path: Path) -> None:
    fill_every_entity(db)
    db.close()
    first, second = _round_trip(db.path, tmp_path)
    assert first == second
    data = json.loads(first)
    for name, rows in data["tables"].items():
        if name != "audit_entry":
            assert rows, f"table {name} is empty in the archive"
    assert any(r["deleted_at"] for r in data["tables"]["party"]), "tombstones are kept"
    attachment = data["tables"]["attachment"][0]
    assert attachment["data"] == "AP9hYg=="  # base64 of b"\x00\xffab"


def test_demo_round_trips_byte_identically(demo_path: Path, tmp_path: Path) -> None:
    first, second = _round_trip(demo_path, tmp_path)
    assert first == second


# arkiv-v1.schema.json as released (schema revision 0002): format-1 archives validate against it.
ARKIV_V1_SHA256 = "c32b89ced3fd4214e3eb391d299a259edc587bfe1408ebe311793090d7af0f47"


def test_committed_schema_is_current_and_validates_exports(db: Database) -> None:
    assert load_schema() == json_schema(), (
        "resources/schema/arkiv-v2.schema.json is stale: regenerate with "
        "`python -m utredning_app.services.archive > resources/schema/arkiv-v2.schema.json`"
    )
    frozen = hashlib.sha256((paths.schema_dir() / "arkiv-v1.schema.json").read_bytes())
    assert frozen.hexdigest() == ARKIV_V1_SHA256, "format 1 is frozen: its schema must not change"
    fill_every_entity(db)
    jsonschema.validate(build_archive(db.path), load_schema())


def test_export_without_private_drops_private_rows_and_their_history(
    db: Database, tmp_path: Path
) -> None:
    fill_every_entity(db)
    out = tmp_path / "delad.json"
    export_archive(db.path, out, include_private=False)
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["private_included"] is False
    assert data["tables"]["note"] == []
    assert "Min anteckning" not in text


def _archive(db: Database) -> dict[str, Any]:
    fill_every_entity(db)
    return build_archive(db.path)


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "arkiv.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda a: a["tables"]["party"][0].pop("name"), r"Partier\), rad 1.*name saknas"),
        (lambda a: a["tables"]["member"][0].update(skostorlek=42), r"okänt fält skostorlek"),
        (
            lambda a: a["tables"]["estimate_value"][0].update(low="tio"),
            r"Skattningsvärden\), rad 1, fältet low: ska vara tal",
        ),
        (
            lambda a: a["tables"]["stance"][0].update(stance="kanske"),
            r"fältet stance: ogiltigt värde",
        ),
        (
            lambda a: a["tables"]["milestone"][0].update(due_date="30/6 2023"),
            r"fältet due_date: fel format",
        ),
        (
            lambda a: a["tables"]["party"].append(dict(a["tables"]["party"][0])),
            r"förekommer flera gånger",
        ),
        (
            lambda a: a["tables"]["member"][0].update(party_id="saknas"),
            r"fältet party_id: pekar på saknas",
        ),
        (
            lambda a: a["tables"]["estimate_value"][0].update(low=99.0),
            r"låg ≤ bas ≤ hög",
        ),
        (lambda a: a.update(format_version=99), r"nyare"),
        (lambda a: a.update(format="något-annat"), r"inte ett arkiv"),
        (lambda a: a["tables"].pop("quote"), r"fältet quote saknas"),
        (lambda a: a["tables"]["investigation"].clear(), r"exakt en utredning"),
    ],
)
def test_bad_archives_are_refused_and_nothing_is_created(
    db: Database, tmp_path: Path, mutate: Any, expected: str
) -> None:
    data = _archive(db)
    mutate(data)
    source = _write(tmp_path, data)
    target = tmp_path / "ny.utredning"
    with pytest.raises(ArchiveError, match=expected):
        import_archive(source, target)
    assert not target.exists()
    # Only the open `db`'s lock file (storage/lock.py) may be there: no temporary leftovers.
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == [f".~lock.{db.path.name}#"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", r"ogiltig JSON på rad 1"),
        (b"\xff\xfe\x00", r"inte UTF-8"),
        (b"[]", r"inte ett arkiv"),
    ],
)
def test_broken_archive_files(tmp_path: Path, content: bytes, expected: str) -> None:
    source = tmp_path / "trasig.json"
    source.write_bytes(content)
    with pytest.raises(ArchiveError, match=expected):
        import_archive(source, tmp_path / "ny.utredning")
    assert not (tmp_path / "ny.utredning").exists()


def test_import_refuses_to_overwrite(db: Database, tmp_path: Path) -> None:
    source = _write(tmp_path, _archive(db))
    before = db.path.read_bytes()
    with pytest.raises(ArchiveError, match="finns redan"):
        import_archive(source, db.path)
    assert db.path.read_bytes() == before


def test_export_refuses_to_replace_an_investigation_with_its_json(
    demo_path: Path, empty_path: Path, tmp_path: Path
) -> None:
    """`export-json x.utredning -o x.utredning` once replaced the investigation by the JSON."""
    for target in (demo_path, empty_path):
        before = target.read_bytes()
        with pytest.raises(ValidationError, match="en utredning\\) och skrivs inte över"):
            export_archive(demo_path, target)
        assert target.read_bytes() == before
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_export_into_a_missing_folder_is_a_swedish_error(demo_path: Path, tmp_path: Path) -> None:
    from utredning_app.errors import UserError

    with pytest.raises(UserError, match="finns inte"):
        export_archive(demo_path, tmp_path / "saknas" / "arkiv.json")
    assert not (tmp_path / "saknas").exists()


@pytest.mark.parametrize("version", [True, 1.0, "1", None])
def test_a_format_version_that_is_not_an_integer_is_refused(
    db: Database, tmp_path: Path, version: object
) -> None:
    """Found by the 60-second archive fuzzer: ``"format_version": true`` (True == 1 in Python)
    looked for ``arkiv-vTrue.schema.json`` and ended in a FileNotFoundError."""
    data = build_archive(db.path)
    data["format_version"] = version
    source = tmp_path / "konstig.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ArchiveError, match="format_version"):
        import_archive(source, tmp_path / "ny.utredning")
    assert not (tmp_path / "ny.utredning").exists()
