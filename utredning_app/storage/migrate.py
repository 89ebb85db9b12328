"""Alembic migrations, run programmatically (no alembic.ini for users).

Order, as SQLite requires (see DESIGN.md): back the file up; switch ``foreign_keys`` OFF
outside any transaction (batch migrations recreate tables and would otherwise fire
ON DELETE actions); run every step in one transaction; ``PRAGMA foreign_key_check`` before
commit; foreign keys back ON.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from utredning_app import paths
from utredning_app.errors import CorruptFile
from utredning_app.storage.backup import make_backup
from utredning_app.storage.engine import make_engine


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return cfg


def script_revisions() -> list[str]:
    """Revision ids in the migrations folder, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def run_migrations(path: Path, target: str = "head") -> None:
    from utredning_app.storage.search_index import ensure_fts5

    ensure_fts5()  # migration 0002 needs FTS5 + trigram: say so clearly before touching the file
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise CorruptFile(
                        f"Uppgraderingen av {path.name} avbröts: {len(problems)} ogiltiga "
                        f"referenser (t.ex. i tabellen {problems[0][0]}). Filen är oförändrad."
                    )
            raw.execute("PRAGMA foreign_keys=ON")
    finally:
        engine.dispose()


def upgrade_file(path: Path, backup_dir: Path) -> Path:
    """Back up ``path`` and migrate it to head. Returns the backup's path."""
    backup = make_backup(path, backup_dir, "fore-uppgradering")
    run_migrations(path)
    return backup
