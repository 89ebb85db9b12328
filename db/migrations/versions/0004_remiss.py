"""remiss answers from the real world: consultee types, OCR mark, search index without a copy

Revision ID: 0004_remiss
Revises: 0003_documents
Create Date: 2026-12-03 14:30:00

1. Consultee types Myndighet, Kommun and Region (``consultee.type`` values ``myndighet``,
   ``kommun``, ``region``). The column stores the enum's value as plain text without a CHECK
   constraint, so no table changes: the revision makes an older version of the app, which
   does not know these values, refuse the file instead of failing on the first row.

2. ``response.ocr_pages`` (text, default ""): the pages whose text was read by OCR ("1–16"),
   so the GUI and the ändringslogg can say the text is OCR-tolkad.

3. The search index no longer keeps its own copy of every answer's text (it was ~a quarter of
   a large file): ``response_fts`` becomes an FTS5 *external content* table over ``response``,
   keyed by the new stable integer column ``response.search_key`` (not the implicit rowid,
   which VACUUM and batch migrations may renumber). Existing answers are numbered in the order
   they were created; the triggers give a new answer the next number (also one that arrives
   with a number another answer has, e.g. from another copy of the file) and keep the index in
   step with inserts, edits, tombstones and deletes. Only live answers are indexed.

All changes are ``ADD COLUMN``/``CREATE`` (no batch copy of ``response``). A later migration
that batch-alters ``response`` must re-create the triggers below afterwards.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_remiss"
down_revision = "0003_documents"
branch_labels = None
depends_on = None

# Written out here (not imported) so this migration never changes when app code does.
OLD_TRIGGERS = ("response_fts_ai", "response_fts_ad", "response_fts_au")
CREATE_TABLE = (
    "CREATE VIRTUAL TABLE response_fts USING fts5("
    "extracted_text, summary_md, content='response', content_rowid='search_key', "
    "tokenize='trigram')"
)
_LIVE_ONCE = "(SELECT count(*) FROM response WHERE search_key = {key}) = {n}"
TRIGGERS = (
    # A new answer: indexed under its number if that is its own; else (no number, or one
    # another answer has) it gets the next number, and the key trigger indexes it.
    f"""
    CREATE TRIGGER response_fts_ai AFTER INSERT ON response
    BEGIN
        INSERT INTO response_fts(rowid, extracted_text, summary_md)
        SELECT new.search_key, new.extracted_text, new.summary_md
        WHERE new.deleted_at IS NULL AND new.search_key IS NOT NULL
          AND {_LIVE_ONCE.format(key="new.search_key", n=1)};
        UPDATE response
        SET search_key = (SELECT coalesce(max(search_key), 0) + 1 FROM response)
        WHERE id = new.id AND (new.search_key IS NULL
          OR {_LIVE_ONCE.format(key="new.search_key", n=2)});
    END
    """,
    # The number changed: the old entry goes (if it was this answer's), the new one comes.
    f"""
    CREATE TRIGGER response_fts_ak AFTER UPDATE OF search_key ON response
    WHEN old.search_key IS NOT new.search_key
    BEGIN
        INSERT INTO response_fts(response_fts, rowid, extracted_text, summary_md)
        SELECT 'delete', old.search_key, old.extracted_text, old.summary_md
        WHERE old.deleted_at IS NULL AND old.search_key IS NOT NULL
          AND {_LIVE_ONCE.format(key="old.search_key", n=0)};
        INSERT INTO response_fts(rowid, extracted_text, summary_md)
        SELECT new.search_key, new.extracted_text, new.summary_md
        WHERE new.deleted_at IS NULL AND new.search_key IS NOT NULL;
    END
    """,
    """
    CREATE TRIGGER response_fts_au AFTER UPDATE OF extracted_text, summary_md, deleted_at
    ON response
    WHEN old.search_key IS new.search_key
    BEGIN
        INSERT INTO response_fts(response_fts, rowid, extracted_text, summary_md)
        SELECT 'delete', old.search_key, old.extracted_text, old.summary_md
        WHERE old.deleted_at IS NULL AND old.search_key IS NOT NULL;
        INSERT INTO response_fts(rowid, extracted_text, summary_md)
        SELECT new.search_key, new.extracted_text, new.summary_md
        WHERE new.deleted_at IS NULL AND new.search_key IS NOT NULL;
    END
    """,
    f"""
    CREATE TRIGGER response_fts_ad AFTER DELETE ON response
    BEGIN
        INSERT INTO response_fts(response_fts, rowid, extracted_text, summary_md)
        SELECT 'delete', old.search_key, old.extracted_text, old.summary_md
        WHERE old.deleted_at IS NULL AND old.search_key IS NOT NULL
          AND {_LIVE_ONCE.format(key="old.search_key", n=0)};
    END
    """,
)
NUMBER = (
    "WITH numbered AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n "
    "FROM response) "
    "UPDATE response SET search_key = (SELECT n FROM numbered WHERE numbered.id = response.id)"
)
FILL = (
    "INSERT INTO response_fts(rowid, extracted_text, summary_md) "
    "SELECT search_key, extracted_text, summary_md FROM response WHERE deleted_at IS NULL"
)

# 0002's self-contained index, for the downgrade.
OLD_CREATE = (
    "CREATE VIRTUAL TABLE response_fts USING fts5("
    "response_id, extracted_text, summary_md, tokenize='trigram')"
)
OLD_TRIGGER_SQL = (
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
OLD_FILL = (
    "INSERT INTO response_fts(response_id, extracted_text, summary_md) "
    "SELECT id, extracted_text, summary_md FROM response WHERE deleted_at IS NULL"
)


def upgrade() -> None:
    op.add_column(
        "response",
        sa.Column("ocr_pages", sa.String(length=200), nullable=False, server_default=""),
    )
    op.add_column("response", sa.Column("search_key", sa.Integer(), nullable=True))
    op.execute(NUMBER)
    op.create_index("ix_response_search_key", "response", ["search_key"], unique=False)
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's own index (Swedish text search + pg_trgm): 0006_server
    for name in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS response_fts")
    op.execute(CREATE_TABLE)
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.execute(FILL)
    op.execute("INSERT INTO response_fts(response_fts) VALUES('optimize')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_index("ix_response_search_key", table_name="response")
        op.drop_column("response", "search_key")
        op.drop_column("response", "ocr_pages")
        return
    for name in (*OLD_TRIGGERS, "response_fts_ak"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS response_fts")
    op.drop_index("ix_response_search_key", table_name="response")
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35) keeps the table (no batch copy).
    op.execute("ALTER TABLE response DROP COLUMN search_key")
    op.execute("ALTER TABLE response DROP COLUMN ocr_pages")
    op.execute(OLD_CREATE)
    for trigger in OLD_TRIGGER_SQL:
        op.execute(trigger)
    op.execute(OLD_FILL)
