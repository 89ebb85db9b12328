"""The generic entity services on real files: one transaction per action, validation before
writing, soft delete and restore, the audit log naming the actor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.gui_helpers import populate
from utredning_app.domain.validation import FieldValidationError
from utredning_app.errors import ValidationError
from utredning_app.services import entities
from utredning_app.services.assessments import matrix, set_score
from utredning_app.services.audit_query import AuditFilter, actors, count_entries, entries
from utredning_app.services.overview import overview
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.models import AuditEntry


def audit_count(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def reopen(path: Path) -> Database:
    return open_database(path, read_only=True)


def test_create_update_delete_restore_are_persisted(db: Database, empty_path: Path) -> None:
    row_id = entities.create(db, "party", {"abbreviation": "S", "name": "Socialdemokraterna"})
    old = entities.update(db, "party", row_id, {"name": "Arbetarepartiet"})
    assert old == {"name": "Socialdemokraterna"}
    with reopen(empty_path) as other:
        assert entities.get(other, "party", row_id)["name"] == "Arbetarepartiet"
    entities.soft_delete(db, "party", row_id)
    with reopen(empty_path) as other:
        assert entities.get(other, "party", row_id)["deleted_at"] is not None
        assert entities.count(other, "party") == 0
    entities.restore(db, "party", row_id)
    with reopen(empty_path) as other:
        assert [r["id"] for r in entities.rows(other, "party")] == [row_id]


def test_audit_log_names_the_actor(db: Database) -> None:
    entities.create(db, "party", {"abbreviation": "V", "name": "Vänsterpartiet"})
    assert "Testaren" in actors(db)
    found = entries(db, AuditFilter(actor="Testaren", table="party"))
    assert found and found[0]["summary"] == "Partier: Vänsterpartiet"


@pytest.mark.parametrize(
    ("table", "values", "field"),
    [
        ("member", {"name": " ", "role": "ledamot"}, "name"),
        (
            "provider_unit",
            {"name": "SÖS", "legal_form": "aktiebolag", "employees": -3},
            "employees",
        ),
        (
            "consultation_round",
            {"name": "R", "sent_date": "2023-09-01", "deadline": "2023-08-01"},
            "deadline",
        ),
    ],
)
def test_impossible_values_are_never_written(
    db: Database, table: str, values: dict[str, object], field: str
) -> None:
    before = audit_count(db)
    with pytest.raises(FieldValidationError) as info:
        entities.create(db, table, values)
    assert [e.field for e in info.value.errors] == [field]
    assert audit_count(db) == before
    assert entities.count(db, table) == 0


def test_update_validates_the_merged_row(db: Database) -> None:
    ids = populate(db)
    value = entities.rows(db, "estimate_value", {"estimate_id": ids["estimate"]})[0]
    with pytest.raises(FieldValidationError, match="Lågt värde"):
        entities.update(db, "estimate_value", value["id"], {"low": 20.0})
    assert entities.get(db, "estimate_value", value["id"])["low"] == 10.0


def test_score_outside_scale_is_refused(db: Database) -> None:
    ids = populate(db)
    with pytest.raises(FieldValidationError, match="skalan 1–5"):
        set_score(db, ids["options"][1], ids["criteria"][1], 7)
    assert matrix(db).score(ids["options"][1], ids["criteria"][1]) is None


def test_set_score_creates_updates_and_clears(db: Database) -> None:
    ids = populate(db)
    option, criterion = ids["options"][1], ids["criteria"][2]
    assert set_score(db, option, criterion, 2) is None
    assert set_score(db, option, criterion, 5) == 2
    assert matrix(db).score(option, criterion) == 5
    assert set_score(db, option, criterion, None) == 5
    assert matrix(db).score(option, criterion) is None


def test_unknown_field_and_bad_enum_are_user_errors(db: Database) -> None:
    with pytest.raises(ValidationError, match="inget fält"):
        entities.create(db, "party", {"abbreviation": "X", "name": "X", "färg": "röd"})
    with pytest.raises(ValidationError, match="inte ett giltigt värde"):
        entities.create(db, "member", {"name": "A", "role": "kung"})


def test_paging_returns_every_row_once(db: Database) -> None:
    for i in range(25):
        entities.create(db, "proposal", {"number": i + 1, "title": f"Förslag {i + 1}"})
    assert entities.count(db, "proposal") == 25
    pages = [
        entities.rows(db, "proposal", order_by=("number",), offset=o, limit=10) for o in (0, 10, 20)
    ]
    numbers = [r["number"] for page in pages for r in page]
    assert numbers == list(range(1, 26))


def test_overview_counts_and_milestones(db: Database) -> None:
    populate(db)
    facts = overview(db, today=dt.date.today())
    assert facts.counts["member"] == 3
    assert facts.next_milestone is not None and facts.next_milestone.days_left == 30
    assert facts.next_milestone.title == "Delrapport"
    assert (facts.consultees, facts.responses, facts.responses_done) == (1, 1, 0)


def test_audit_filters_by_table_text_and_date(db: Database) -> None:
    populate(db)
    assert count_entries(db, AuditFilter(table="member")) == 3
    assert count_entries(db, AuditFilter(text="Åsa")) == 1
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    assert count_entries(db, AuditFilter(date_from=tomorrow)) == 0


def test_create_revives_a_deleted_row_holding_the_unique_key(db: Database) -> None:
    ids = populate(db)
    entities.soft_delete(db, "stance", ids["stance"])
    again = entities.create(
        db,
        "stance",
        {"response_id": ids["response"], "proposal_id": ids["proposal"], "stance": "avstyrker"},
    )
    assert again == ids["stance"]
    row = entities.get(db, "stance", again)
    assert row["deleted_at"] is None and row["stance"] == "avstyrker"
