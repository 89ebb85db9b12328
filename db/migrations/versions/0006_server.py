"""server: a member's login, and PostgreSQL's own search index

Revision ID: 0006_server
Revises: 0005_merge
Create Date: 2026-12-03 18:00:00

1. ``member.login`` (text, default ""): the PostgreSQL role a member logs in as on a shared
   server. On the server the author of what a person writes comes from ``current_user``
   through this column, not from free text. In a file it is only carried along (a laptop copy
   taken from a server keeps it, so the copy merges back as the same people). Unique among
   the members that have one.

2. On PostgreSQL only: the search index over remissvar that FTS5 gives a file. Two GIN
   indexes on ``response``: PostgreSQL's Swedish text search configuration (stemmed words:
   "styrningen" finds "styrning") and pg_trgm over the same text (parts of compound words:
   "styrning" finds "nämndstyrningen", as the file's trigram index does; case-insensitive
   regex and LIKE/ILIKE queries). pg_trgm is created
   in the ``public`` schema, shared by every investigation in the database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_server"
down_revision = "0005_merge"
branch_labels = None
depends_on = None

# Written out here (not imported) so this migration never changes when app code does.
SEARCH_TEXT = "(coalesce(extracted_text, '') || ' ' || coalesce(summary_md, ''))"

# Tables whose writes are never announced: Alembic's, and the version bookkeeping that every
# write of an app table brings along (announcing it would only repeat that write).
NOT_ANNOUNCED = (
    "alembic_version",
    "replica_state",
    "replica_seen",
    "replica_baseline",
    "row_version",
    "field_version",
    "text_base",
    "audit_provenance",
)


def upgrade() -> None:
    op.add_column(
        "member",
        sa.Column("login", sa.String(length=63), nullable=False, server_default=""),
    )
    op.create_index(
        "ux_member_login",
        "member",
        ["login"],
        unique=True,
        sqlite_where=sa.text("login <> ''"),
        postgresql_where=sa.text("login <> ''"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    op.execute(
        "CREATE INDEX ix_response_search_sv ON response USING gin "
        f"(to_tsvector('swedish'::regconfig, {SEARCH_TEXT})) WHERE deleted_at IS NULL"
    )
    # On the text itself, not lower(text): pg_trgm folds case when it takes the trigrams, and
    # the search asks with a case-insensitive regex (~*), which reads a 100 kB answer about
    # four times faster than lower(text) LIKE (towlower per character).
    op.execute(
        "CREATE INDEX ix_response_search_trgm ON response USING gin "
        f"({SEARCH_TEXT} public.gin_trgm_ops) WHERE deleted_at IS NULL"
    )
    _notify_upgrade()


def _notify_upgrade() -> None:
    """LISTEN/NOTIFY: one notification per table and transaction that wrote it (PostgreSQL
    folds equal payloads of one transaction), sent at commit, to the investigation's
    channel (its schema: TG_TABLE_SCHEMA, whatever the writer's search_path)."""
    op.execute(
        """
        CREATE FUNCTION utredning_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify(
                'utredning_' || TG_TABLE_SCHEMA,
                TG_TABLE_NAME || ' ' || coalesce(current_setting('utredning.client', true), '')
            );
            RETURN NULL;
        END
        $$
        """
    )
    tables = op.get_bind().execute(
        sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        )
    )
    for (table,) in tables.all():
        if table in NOT_ANNOUNCED:
            continue
        op.execute(
            "CREATE TRIGGER utredning_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION utredning_notify()'
        )


def _notify_downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS utredning_notify() CASCADE")  # and its triggers


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _notify_downgrade()
        op.execute("DROP INDEX IF EXISTS ix_response_search_trgm")
        op.execute("DROP INDEX IF EXISTS ix_response_search_sv")
    op.drop_index("ux_member_login", table_name="member")
    op.execute("ALTER TABLE member DROP COLUMN login")
