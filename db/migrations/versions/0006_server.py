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


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_response_search_trgm")
        op.execute("DROP INDEX IF EXISTS ix_response_search_sv")
    op.drop_index("ux_member_login", table_name="member")
    op.execute("ALTER TABLE member DROP COLUMN login")
