"""Icons from ``resources/icons/*.svg`` (scalable, so sharp on high-DPI screens)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from utredning_app import paths


@cache
def icon(name: str) -> QIcon:
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
