"""Two people editing one investigation on a server at the same time: the per-field check
never lets the second save overwrite the first silently; different fields never conflict."""

from __future__ import annotations

import pytest

from utredning_app.services import edits, entities
from utredning_app.services.demo import create_demo
from utredning_app.storage.database import open_database
from utredning_app.storage.location import ServerLocation


def _first_option(db: object) -> dict[str, object]:
    from utredning_app.storage.database import Database

    assert isinstance(db, Database)
    return entities.rows(db, "governance_option")[0]


def test_the_second_save_of_the_same_field_is_a_conflict(pg_url: str) -> None:
    create_demo(ServerLocation.parse(pg_url)).close()
    where = ServerLocation.parse(pg_url, "demo")
    with (
        open_database(where, actor="Anna Andersson") as anna,
        open_database(where, actor="Bertil Berg") as bertil,
    ):
        # Both open the same option's form.
        shown = _first_option(anna)
        row_id = str(shown["id"])
        start = {"name": shown["name"], "effects_md": shown["effects_md"]}

        edits.update(anna, "governance_option", row_id, {"name": "Annas namn"}, expected=start)
        # Bertil changes another field: no conflict, both changes stay.
        edits.update(
            bertil, "governance_option", row_id, {"effects_md": "Bertils effekter"}, expected=start
        )
        # Bertil also changes the name, from the value he was shown: a conflict, nothing written.
        with pytest.raises(entities.EditConflict) as caught:
            edits.update(
                bertil, "governance_option", row_id, {"name": "Bertils namn"}, expected=start
            )
        assert caught.value.by == "Anna Andersson"
        assert caught.value.fields == {"name": ("Annas namn", "Bertils namn")}
        assert "Anna Andersson ändrade name" in caught.value.message
        now = entities.get(anna, "governance_option", row_id)
        assert (now["name"], now["effects_md"]) == ("Annas namn", "Bertils effekter")

        # "Keep mine": saving again without the expectation replaces Anna's value, logged.
        edits.update(bertil, "governance_option", row_id, {"name": "Bertils namn"})
        assert entities.get(anna, "governance_option", row_id)["name"] == "Bertils namn"


def test_a_file_gets_the_same_check(demo_path: object) -> None:
    from pathlib import Path

    assert isinstance(demo_path, Path)
    with open_database(demo_path, actor="Anna") as db:
        shown = _first_option(db)
        start = {"name": shown["name"]}
        edits.update(db, "governance_option", str(shown["id"]), {"name": "Nytt"}, expected=start)
        with pytest.raises(entities.EditConflict):
            edits.update(db, "governance_option", str(shown["id"]), {"name": "X"}, expected=start)
