"""remiss answers from the real world: new consultee types, OCR mark

Revision ID: 0005_remiss
Revises: 0002_remiss_search
Create Date: 2026-12-03 14:30:00

Consultee types Myndighet, Kommun and Region (``consultee.type`` values ``myndighet``,
``kommun``, ``region``). The column stores the enum's value as plain text without a CHECK
constraint, so no table changes; the revision exists so that an older version of the app,
which does not know these values, refuses the file instead of failing on the first row.

``response.ocr_pages`` (text, default ""): the pages whose text was read by OCR ("1–16"),
so the GUI and the ändringslogg can say the text is OCR-tolkad. A plain ``ADD COLUMN``
(no batch copy of ``response``), so the search triggers of 0002 stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_remiss"
down_revision = "0002_remiss_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "response",
        sa.Column("ocr_pages", sa.String(length=200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35) keeps the table and so its search triggers.
    op.execute("ALTER TABLE response DROP COLUMN ocr_pages")
