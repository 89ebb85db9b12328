"""Alembic environment for investigation files.

Always run programmatically (utredning_app.storage.migrate), which passes an open connection
in ``config.attributes["connection"]`` with foreign keys already switched off and a
transaction already begun; this file never opens its own database.
"""

from __future__ import annotations

from alembic import context

from utredning_app.storage.models import Base
from utredning_app.storage.search_index import include_object

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - guarded misuse
    raise RuntimeError("Migreringar körs bara via utredning_app.storage.migrate.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: recreate-and-copy
    transactional_ddl=True,
    compare_type=True,
    # The FTS5 index (migration 0002) is raw SQL, not ORM metadata: keep it out of comparisons.
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
