"""remiss answers from the real world: new consultee types

Revision ID: 0005_remiss
Revises: 0002_remiss_search
Create Date: 2026-12-03 14:30:00

Consultee types Myndighet, Kommun and Region (``consultee.type`` values ``myndighet``,
``kommun``, ``region``). The column stores the enum's value as plain text without a CHECK
constraint, so no table changes; the revision exists so that an older version of the app,
which does not know these values, refuses the file instead of failing on the first row.
"""

from __future__ import annotations

revision = "0005_remiss"
down_revision = "0002_remiss_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
