"""remiss search: FTS5 full-text index over remissvar

Revision ID: 0002_remiss_search
Revises: 0001_initial
Create Date: 2026-11-23 11:55:00

The index is a *self-contained* FTS5 table (it keeps its own copy of the text) using the
``trigram`` tokenizer, so a search for "styrning" finds "nämndstyrning" (Swedish compounds).
It does not depend on ``response``'s implicit rowid, which VACUUM and Alembic batch mode may
renumber; rows are tied to their response by ``response_id`` (indexed as a column so the
triggers can find a row through the index instead of scanning).

Triggers on ``response`` keep it in sync, so every writer (services, archive import, merges)
maintains it without knowing it exists. Tombstoned responses (``deleted_at`` set) are removed
from the index.

NOTE for later migrations: Alembic batch mode recreates a table by copy-and-rename, which
drops its triggers. A migration that batch-alters ``response`` must afterwards re-create
them and rebuild the index with the SQL of this migration (``TRIGGERS`` and ``REBUILD``,
copied inline, as migrations never import the app's current code).
"""

from __future__ import annotations

from alembic import op

revision = "0002_remiss_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# The SQL is written out here (not imported) so this migration never changes when app code does.
CREATE_TABLE = (
    "CREATE VIRTUAL TABLE response_fts USING fts5("
    "response_id, extracted_text, summary_md, tokenize='trigram')"
)
TRIGGERS = (
    """
    CREATE TRIGGER response_fts_ai AFTER INSERT ON response
    WHEN new.deleted_at IS NULL
    BEGIN
        INSERT INTO response_fts(response_id, extracted_text, summary_md)
        VALUES (new.id, new.extracted_text, new.summary_md);
    END
    """,
    """
    CREATE TRIGGER response_fts_ad AFTER DELETE ON response
    BEGIN
        DELETE FROM response_fts WHERE rowid IN (
            SELECT rowid FROM response_fts
            WHERE response_fts MATCH 'response_id:"' || old.id || '"');
    END
    """,
    """
    CREATE TRIGGER response_fts_au AFTER UPDATE OF id, extracted_text, summary_md, deleted_at
    ON response
    BEGIN
        DELETE FROM response_fts WHERE rowid IN (
            SELECT rowid FROM response_fts
            WHERE response_fts MATCH 'response_id:"' || old.id || '"');
        INSERT INTO response_fts(response_id, extracted_text, summary_md)
        SELECT new.id, new.extracted_text, new.summary_md WHERE new.deleted_at IS NULL;
    END
    """,
)
REBUILD = (
    "INSERT INTO response_fts(response_id, extracted_text, summary_md) "
    "SELECT id, extracted_text, summary_md FROM response WHERE deleted_at IS NULL"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's own index (Swedish text search + pg_trgm): 0006_server
    op.execute(CREATE_TABLE)
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.execute(REBUILD)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("response_fts_ai", "response_fts_ad", "response_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS response_fts")
