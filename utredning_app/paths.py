"""The only module that knows where bundled data lives.

Three layouts are supported:

* source checkout / editable install: ``db/``, ``exports/``, ``resources/`` beside the package;
* installed wheel: the same folders copied to ``utredning_app/_data/`` (hatch ``force-include``);
* PyInstaller onedir: the same folders under ``sys._MEIPASS/utredning_app/_data``.

User folders (data, backups, settings, temporary upgraded copies) come from platformdirs;
nothing else writes elsewhere.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from utredning_app import APP_SLUG

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """Folder that contains ``db/``, ``exports/`` and ``resources/``."""
    meipass = getattr(sys, "_MEIPASS", None)
    candidates: list[Path] = []
    if meipass:
        candidates.append(Path(meipass) / "utredning_app" / "_data")
    candidates.append(_PACKAGE_DIR.parent)  # source checkout / editable install
    candidates.append(_PACKAGE_DIR / "_data")  # installed wheel
    for candidate in candidates:
        if (candidate / "db" / "migrations" / "env.py").is_file():
            return candidate
    raise RuntimeError(
        "Programmets datafiler (db/, exports/, resources/) saknas: installationen är ofullständig."
    )


def migrations_dir() -> Path:
    return data_root() / "db" / "migrations"


def exports_dir() -> Path:
    return data_root() / "exports"


def templates_dir() -> Path:
    return exports_dir() / "templates"


def resources_dir() -> Path:
    return data_root() / "resources"


def demo_dir() -> Path:
    return resources_dir() / "demo"


def schema_dir() -> Path:
    return resources_dir() / "schema"


def _override(var: str) -> Path | None:
    value = os.environ.get(var)
    return Path(value) if value else None


def user_data_dir() -> Path:
    """Per-user data folder (demo file, reports written by ``make run``, backups).

    ``UTREDNING_DATA_DIR`` overrides it (tests and portable installs).
    """
    override = _override("UTREDNING_DATA_DIR")
    if override is not None:
        return override
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def backups_dir() -> Path:
    override = _override("UTREDNING_BACKUP_DIR")
    if override is not None:
        return override
    return user_data_dir() / "sakerhetskopior"


def snapshots_dir() -> Path:
    """Private, upgraded copies of older files that are being read read-only.

    Opening a file from an older version read-only never upgrades the file itself (colleagues
    on a shared folder may still run that version): a consistent copy is upgraded here and
    deleted again when it is closed (``storage/snapshot.py``).
    """
    return user_data_dir() / "tillfalliga-kopior"
