"""merge: replica identity, hybrid logical clock, per-field versions, conflicts

Revision ID: 0005_merge
Revises: 0004_remiss
Create Date: 2026-12-03 14:30:00

Additive only: eight new tables, no existing table or row is touched. Existing rows get no
version rows: a field without one has a *legacy* version derived from its value alone
(storage/versions.py ``legacy_version``), so copies handed out at 0002 and upgraded each on
its own start with identical versions wherever their values agree. The replica id is minted
on the first write after the upgrade (not here), so a migration never depends on time or
randomness.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_merge"
down_revision = "0004_remiss"
branch_labels = None
depends_on = None

# Clock values are milliseconds since 1970 shifted left (64 bits): INTEGER on SQLite is 64-bit
# already; PostgreSQL's integer is 32-bit, so it gets bigint (files are unchanged by this).
HLC = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "replica_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("replica_id", sa.String(length=36), nullable=False),
        sa.Column("file_identity", sa.String(length=100), server_default="", nullable=False),
        sa.Column("hlc", HLC, server_default="0", nullable=False),
        sa.Column("owner_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("owner_party", sa.String(length=20), server_default="", nullable=False),
        sa.Column("origin_replica", sa.String(length=36), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replica_state")),
        comment="Den här kopians identitet och klocka (en rad).",
    )
    for name, comment in (
        ("replica_seen", "Versionsvektor: högsta klockvärde per kopia som filen har tagit emot."),
        (
            "replica_baseline",
            "Versionsvektorn när kopian delades ut eller senast utbytte ändringar.",
        ),
    ):
        op.create_table(
            name,
            sa.Column("replica_id", sa.String(length=36), nullable=False),
            sa.Column("hlc", HLC, nullable=False),
            sa.PrimaryKeyConstraint("replica_id", name=op.f(f"pk_{name}")),
            comment=comment,
        )
    op.create_table(
        "row_version",
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", HLC, nullable=False),
        sa.Column("replica_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_row_version")),
        comment="Version som skapade raden.",
    )
    op.create_table(
        "field_version",
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("column_name", sa.String(length=50), nullable=False),
        sa.Column("hlc", HLC, nullable=False),
        sa.Column("replica_id", sa.String(length=36), nullable=False),
        sa.Column("legacy_hash", sa.String(length=16), server_default="", nullable=False),
        sa.PrimaryKeyConstraint(
            "table_name", "row_id", "column_name", name=op.f("pk_field_version")
        ),
        comment="Version av fältets senaste ändring.",
    )
    op.create_table(
        "text_base",
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("column_name", sa.String(length=50), nullable=False),
        sa.Column("hlc", HLC, nullable=False),
        sa.Column("replica_id", sa.String(length=36), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "table_name", "row_id", "column_name", "hlc", "replica_id", name=op.f("pk_text_base")
        ),
        comment="Långa texter per version (gemensam förfader vid trevägssammanslagning).",
    )
    op.create_table(
        "merge_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("column_name", sa.String(length=50), nullable=False),
        sa.Column("base_json", sa.Text(), nullable=False),
        sa.Column("mine_json", sa.Text(), nullable=False),
        sa.Column("theirs_json", sa.Text(), nullable=False),
        sa.Column("mine_by", sa.String(length=200), server_default="", nullable=False),
        sa.Column("mine_at", sa.String(length=40), server_default="", nullable=False),
        sa.Column("theirs_by", sa.String(length=200), server_default="", nullable=False),
        sa.Column("theirs_at", sa.String(length=40), server_default="", nullable=False),
        sa.Column("source", sa.String(length=300), server_default="", nullable=False),
        sa.Column("found_at", sa.String(length=40), server_default="", nullable=False),
        sa.Column("resolved_at", sa.String(length=40), server_default="", nullable=False),
        sa.Column("resolution", sa.String(length=20), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflict")),
        comment="Konflikter från sammanslagningar: båda värdena sida vid sida.",
    )
    op.create_table(
        "audit_provenance",
        sa.Column("audit_id", sa.String(length=36), nullable=False),
        sa.Column("source_replica", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("merged_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("audit_id", name=op.f("pk_audit_provenance")),
        comment="Ändringsloggposter som kom via en sammanslagning, och från vilken kopia.",
    )


def downgrade() -> None:
    for name in (
        "audit_provenance",
        "merge_conflict",
        "text_base",
        "field_version",
        "row_version",
        "replica_baseline",
        "replica_seen",
        "replica_state",
    ):
        op.drop_table(name)
