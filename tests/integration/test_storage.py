"""The investigation file: create, open, refuse, migrate, transactions, audit."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.builders import fill_every_entity
from utredning_app.domain.enums import AuditAction, MemberRole
from utredning_app.errors import (
    CorruptFile,
    FileOpenError,
    NewerSchemaError,
    NotAnInvestigationFile,
    ReadOnlyFile,
    ValidationError,
)
from utredning_app.storage import models as m
from utredning_app.storage.base import utcnow
from utredning_app.storage.database import Database, create_database, inspect_file, open_database
from utredning_app.storage.engine import APPLICATION_ID
from utredning_app.storage.schema_version import HEAD_REVISION


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_marked_and_at_head(empty_path: Path) -> None:
    facts = inspect_file(empty_path)
    assert facts.application_id == APPLICATION_ID
    assert facts.revision == HEAD_REVISION
    conn = sqlite3.connect(empty_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_every_entity_round_trips_through_the_file(db: Database) -> None:
    ids = fill_every_entity(db)
    tables = {model.__tablename__ for model in m.TRACKED_MODELS}  # type: ignore[attr-defined]
    assert tables <= set(ids), f"builder misses {tables - set(ids)}"
    path = db.path
    db.close()
    reopened = open_database(path)
    with reopened.reader() as s:
        for model in m.TRACKED_MODELS:
            row = s.get(model, ids[model.__tablename__])  # type: ignore[attr-defined]
            assert row is not None, model
            assert row.updated_by == "Testaren"
        unit = s.get(m.ProviderUnit, ids["provider_unit"])
        assert unit is not None
        assert unit.name == "Södersjukhuset AB"
        assert unit.turnover_mnkr == 6123.5
        att = s.get(m.Attachment, ids["attachment"])
        assert att is not None and att.data == b"\x00\xffab"
        value = s.get(m.EstimateValue, ids["estimate_value"])
        assert value is not None and (value.low, value.base, value.high) == (10.0, 12.5, 20.0)
    reopened.close()


def test_failed_action_leaves_file_unchanged(db: Database) -> None:
    before = sha(db.path)
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(m.Party(abbreviation="S", name="Socialdemokraterna"))
        s.flush()
        raise RuntimeError("avbrutet mitt i")
    assert sha(db.path) == before
    with db.reader() as s:
        assert s.scalars(select(m.Party)).all() == []


def test_constraint_violation_rolls_back_everything(db: Database) -> None:
    before = sha(db.path)
    with pytest.raises(Exception), db.transaction() as s:  # noqa: B017 - any DB error
        option = m.GovernanceOption(code="A", name="Nollalternativ", is_baseline=True)
        s.add(option)
        s.flush()
        est = m.Estimate(option_id=option.id, kind="cost_annual", name="x", unit="mnkr")
        s.add(est)
        s.flush()
        s.add(m.EstimateValue(estimate_id=est.id, year=2024, low=5, base=1, high=2))
    assert sha(db.path) == before


def test_audit_log_records_create_update_delete(db: Database) -> None:
    with db.transaction(actor="Anna Andersson") as s:
        option = m.GovernanceOption(code="B", name="Nämnd")
        s.add(option)
    with db.transaction(actor="Bertil Berg") as s:
        row = s.get(m.GovernanceOption, option.id)
        assert row is not None
        row.name = "Akutsjukhusnämnd"
    with db.transaction(actor="Cecilia Ceder") as s:
        row = s.get(m.GovernanceOption, option.id)
        assert row is not None
        row.deleted_at = utcnow()
    with db.reader() as s:
        entries = s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.row_id == option.id).order_by(m.AuditEntry.at)
        ).all()
    assert [(e.actor, e.action) for e in entries] == [
        ("Anna Andersson", AuditAction.CREATE),
        ("Bertil Berg", AuditAction.UPDATE),
        ("Cecilia Ceder", AuditAction.DELETE),
    ]
    assert json.loads(entries[0].changes_json)["name"] == [None, "Nämnd"]
    assert json.loads(entries[1].changes_json)["name"] == ["Nämnd", "Akutsjukhusnämnd"]
    assert json.loads(entries[2].changes_json)["deleted_at"][0] is None
    assert entries[1].summary == "Styrmodeller: Akutsjukhusnämnd"


def test_audit_log_cannot_be_edited(db: Database) -> None:
    with db.transaction() as s:
        s.add(m.Party(abbreviation="C", name="Centerpartiet"))
    with pytest.raises(PermissionError), db.transaction() as s:
        entry = s.scalars(select(m.AuditEntry)).first()
        assert entry is not None
        entry.actor = "Någon annan"
    with pytest.raises(PermissionError), db.transaction() as s:
        entry = s.scalars(select(m.AuditEntry)).first()
        s.delete(entry)


def test_create_refuses_existing_file(empty_path: Path) -> None:
    before = sha(empty_path)
    with pytest.raises(ValidationError, match="finns redan"):
        create_database(empty_path, title="Ny")
    assert sha(empty_path) == before


def test_create_leaves_nothing_on_failure(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="titel"):
        create_database(tmp_path / "x.utredning", title="   ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", NotAnInvestigationFile),
        (b"PK\x03\x04" + b"\x00" * 200, NotAnInvestigationFile),
        ("Hej, det här är en textfil.\n".encode() * 10, NotAnInvestigationFile),
    ],
)
def test_wrong_file_types_are_refused(tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "fel.utredning"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        open_database(path)
    assert "fel.utredning" in str(info.value)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "annan.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(NotAnInvestigationFile, match="inte en utredningsfil"):
        open_database(path)
    assert sha(path) == before


def test_truncated_file_is_refused(tmp_path: Path, demo_path: Path) -> None:
    data = demo_path.read_bytes()
    path = tmp_path / "avklippt.utredning"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CorruptFile):
        open_database(path)
    assert path.read_bytes() == data[: len(data) // 3]


def test_corrupted_pages_are_refused(tmp_path: Path, demo_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 12), 7):
        data[offset] ^= 0x5A
    path = tmp_path / "skadad.utredning"
    path.write_bytes(bytes(data))
    with pytest.raises(FileOpenError):
        open_database(path)
    assert path.read_bytes() == bytes(data)


def test_newer_schema_is_refused_unmodified(empty_path: Path) -> None:
    conn = sqlite3.connect(empty_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_framtida'")
    conn.commit()
    conn.close()
    before = sha(empty_path)
    with pytest.raises(NewerSchemaError, match="nyare version"):
        open_database(empty_path)
    assert sha(empty_path) == before
    backups = Path(os.environ["UTREDNING_BACKUP_DIR"])
    assert not backups.exists() or not any(backups.iterdir())


def test_read_only_open_refuses_writes(empty_path: Path) -> None:
    before = sha(empty_path)
    db = open_database(empty_path, read_only=True)
    with pytest.raises(ReadOnlyFile):  # noqa: SIM117
        with db.transaction() as s:
            s.add(m.Party(abbreviation="L", name="Liberalerna"))
    with db.reader() as s:
        assert db.investigation(s).title == "Testutredning"
    db.close()
    assert sha(empty_path) == before


def test_copy_of_file_is_independent(empty_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopia.utredning"
    shutil.copyfile(empty_path, copy)
    assert inspect_file(copy).revision == HEAD_REVISION


def test_audit_create_records_final_values_and_foreign_keys(db: Database) -> None:
    with db.transaction(actor="Anna") as s:
        party = m.Party(abbreviation="KD", name="Kristdemokraterna")
        member = m.Member(name="Kim Karlsson", role=MemberRole.ERSATTARE, party=party)
        s.add(member)
    with db.reader() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.row_id == member.id)).one()
    changes = json.loads(entry.changes_json)
    assert changes["party_id"] == [None, party.id]
    assert changes["role"] == [None, "ersattare"]
    assert "deleted_at" not in changes  # unset values are not noise in the log
    assert entry.actor == "Anna" and entry.action is AuditAction.CREATE


def test_app_code_cannot_forge_log_entries(db: Database) -> None:
    with pytest.raises(PermissionError), db.transaction() as s:
        s.add(m.AuditEntry(action=AuditAction.CREATE, table_name="party", row_id="x"))


def test_audit_keeps_a_fingerprint_not_a_copy_of_extracted_answer_text(db: Database) -> None:
    text = "Remissvar om nämndstyrning. " * 3000
    with db.transaction() as s:
        rnd = m.ConsultationRound(name="Remiss")
        s.add(rnd)
        s.flush()
        consultee = m.Consultee(round_id=rnd.id, name="Vårdförbundet", type="facklig")
        s.add(consultee)
        s.flush()
        response = m.Response(consultee_id=consultee.id, extracted_text=text)
        s.add(response)
    with db.reader() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.row_id == response.id)).one()
    logged = json.loads(entry.changes_json)["extracted_text"][1]
    assert logged.startswith(f"<text, {len(text)} tecken, sha256 ")
    assert len(entry.changes_json) < 1000
