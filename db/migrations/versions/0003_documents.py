"""documents: tjänsteutlåtande signatory and deciding body, Utredningens kommentar, editions

Revision ID: 0003_documents
Revises: 0002_remiss_search
Create Date: 2026-12-03 14:30:00

Additive only:

* ``investigation.signatory`` (the regiondirektör who signs the tjänsteutlåtande) and
  ``investigation.deciding_body`` (e.g. "Regionfullmäktige"), both text defaulting to "".
* ``remiss_comment``: Utredningens kommentar per remiss round and proposal.
* ``report_edition``: each sent edition of a delrapport/slutrapport — its content snapshot
  (JSON) and the exact .docx bytes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_documents"
down_revision = "0002_remiss_search"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table): SQLite adds a column with a default
    # in place.
    op.add_column(
        "investigation",
        sa.Column("signatory", sa.String(length=200), nullable=False, server_default=""),
    )
    op.add_column(
        "investigation",
        sa.Column("deciding_body", sa.String(length=200), nullable=False, server_default=""),
    )
    op.create_table(
        "remiss_comment",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("proposal_id", sa.String(length=36), nullable=False),
        sa.Column("text_md", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposal.id"], name=op.f("fk_remiss_comment_proposal_id_proposal")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["consultation_round.id"],
            name=op.f("fk_remiss_comment_round_id_consultation_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remiss_comment")),
        sa.UniqueConstraint("round_id", "proposal_id", name=op.f("uq_remiss_comment_round_id")),
    )
    with op.batch_alter_table("remiss_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_remiss_comment_proposal_id"), ["proposal_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_remiss_comment_round_id"), ["round_id"], unique=False)
    op.create_table(
        "report_edition",
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column("edition_date", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("snapshot_json", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("docx", sa.LargeBinary(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_report_edition_report_id_report")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_edition")),
    )
    with op.batch_alter_table("report_edition", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_edition_report_id"), ["report_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("report_edition")
    op.drop_table("remiss_comment")
    with op.batch_alter_table("investigation", schema=None) as batch_op:
        batch_op.drop_column("deciding_body")
        batch_op.drop_column("signatory")
