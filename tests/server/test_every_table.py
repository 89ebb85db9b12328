"""One place that fails when a table is added without being carried everywhere: every table
of the model is archived (or merge bookkeeping), merged (or bookkeeping / the log), and
ported to PostgreSQL with its columns, under forced row-level security with a policy, and
announced to open views. (Exports are scanned for private content by
tests/reliability/test_private_and_audit.py and test_private_history.py.)"""

from __future__ import annotations

from sqlalchemy import text

from utredning_app.services.archive import ARCHIVE_TABLES, BOOKKEEPING_TABLES
from utredning_app.services.demo import create_demo
from utredning_app.services.merge_read import TABLES as MERGED_TABLES
from utredning_app.storage.location import ServerLocation
from utredning_app.storage.models import Base

# Merge bookkeeping travels in the archive's "versions" and is what a merge reads, not a
# table it merges row by row; the ändringslogg is copied by the merge (services/merge.py).
NOT_MERGED_ROW_BY_ROW = {"audit_entry"} | {t.name for t in BOOKKEEPING_TABLES}
# Tables never announced by NOTIFY: the version bookkeeping that every write brings along.
NOT_ANNOUNCED = {
    "replica_state",
    "replica_seen",
    "replica_baseline",
    "row_version",
    "field_version",
    "text_base",
    "audit_provenance",
}


def _model_tables() -> set[str]:
    return set(Base.metadata.tables) - {"alembic_version"}


def test_every_table_is_archived_and_merged() -> None:
    tables = _model_tables()
    assert {t.name for t in (*ARCHIVE_TABLES, *BOOKKEEPING_TABLES)} == tables
    merged = {t.name for t in MERGED_TABLES}
    assert merged | NOT_MERGED_ROW_BY_ROW == tables, tables - merged - NOT_MERGED_ROW_BY_ROW


def test_every_table_is_ported_to_postgresql_with_security_and_announcements(
    pg_url: str,
) -> None:
    db = create_demo(ServerLocation.parse(pg_url, "alla"))
    try:
        with db.engine.connect() as conn:
            columns: dict[str, set[str]] = {}
            for table, column in conn.execute(
                text(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = 'alla'"
                )
            ):
                columns.setdefault(str(table), set()).add(str(column))
            secured = {
                str(name): (bool(rls), bool(force))
                for name, rls, force in conn.execute(
                    text(
                        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'alla' AND c.relkind = 'r'"
                    )
                )
            }
            announced = {
                str(name)
                for (name,) in conn.execute(
                    text(
                        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'alla' AND t.tgname = 'utredning_notify'"
                    )
                )
            }
            policed = {
                str(name)
                for (name,) in conn.execute(
                    text("SELECT DISTINCT tablename FROM pg_policies WHERE schemaname = 'alla'")
                )
            }
    finally:
        db.close()
    for table in sorted(_model_tables()):
        model_columns = {c.name for c in Base.metadata.tables[table].columns}
        # The server may add its own columns (e.g. who wrote a row, for row-level security);
        # every column of the model must be there.
        assert model_columns <= columns.get(table, set()), table
        assert secured.get(table) == (True, True), f"{table}: no forced row-level security"
        assert table in policed, f"{table}: no policy"
        assert (table in announced) != (table in NOT_ANNOUNCED), table
