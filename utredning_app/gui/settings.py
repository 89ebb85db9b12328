"""User settings (QSettings): identity for the audit log, recent files, window state, language,
the export menu's draft choice.

The organisation/application names are fixed here. ``UTREDNING_SETTINGS_DIR`` (tests, the
self-test, portable installs) switches to INI files in that folder, so nothing but a real user
session ever touches the user's real settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

ORGANISATION = "Utredningsstod"
APPLICATION = "Utredningsstod"
MAX_RECENT = 8
LANGUAGES = {"sv": "Svenska", "en": "English"}


def configure(settings_dir: Path | None = None) -> None:
    """Set the names (and, if asked or overridden, an INI location) before any QSettings."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    folder = settings_dir or (
        Path(os.environ["UTREDNING_SETTINGS_DIR"])
        if os.environ.get("UTREDNING_SETTINGS_DIR")
        else None
    )
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@dataclass(frozen=True)
class Identity:
    name: str
    party: str
    role: str

    @property
    def actor(self) -> str:
        """How the user appears in the ändringslogg: «Anna Andersson (S)»."""
        extra = ", ".join(p for p in (self.party, self.role) if p)
        return f"{self.name} ({extra})" if extra else self.name


class AppSettings:
    """Typed access to the few settings the application keeps."""

    def __init__(self) -> None:
        self._s = QSettings()

    # identity ---------------------------------------------------------------
    def identity(self) -> Identity | None:
        name = str(self._s.value("user/name", "") or "")
        if not name.strip():
            return None
        return Identity(
            name.strip(),
            str(self._s.value("user/party", "") or ""),
            str(self._s.value("user/role", "") or ""),
        )

    def set_identity(self, identity: Identity) -> None:
        self._s.setValue("user/name", identity.name)
        self._s.setValue("user/party", identity.party)
        self._s.setValue("user/role", identity.role)

    # recent files -----------------------------------------------------------
    def recent_files(self) -> list[Path]:
        value = self._s.value("files/recent", [])
        if isinstance(value, str):
            items: list[object] = [value]
        elif isinstance(value, list | tuple):
            items = list(value)
        else:
            items = []
        return [Path(str(v)) for v in items if str(v)]

    def add_recent(self, path: Path) -> list[Path]:
        resolved = path.resolve()
        items = [resolved] + [p for p in self.recent_files() if p != resolved]
        items = items[:MAX_RECENT]
        self._s.setValue("files/recent", [str(p) for p in items])
        return items

    def server_address(self) -> str:
        """The last server address (never a password: ServerLocation.display())."""
        value = self._s.value("server/address", "")
        return value if isinstance(value, str) else ""

    def set_server_address(self, address: str) -> None:
        self._s.setValue("server/address", address)

    def clear_recent(self) -> None:
        self._s.setValue("files/recent", [])

    # window -----------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray, view: str) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)
        self._s.setValue("window/view", view)

    def last_view(self) -> str:
        return str(self._s.value("window/view", "") or "")

    # language ---------------------------------------------------------------
    def language(self) -> str:
        value = str(self._s.value("ui/language", "sv") or "sv")
        return value if value in LANGUAGES else "sv"

    def set_language(self, code: str) -> None:
        self._s.setValue("ui/language", code if code in LANGUAGES else "sv")

    # exports ----------------------------------------------------------------
    def export_draft(self) -> bool:
        """Arkiv ▸ Exportera ▸ Märk som utkast: Word documents get the UTKAST watermark."""
        value = self._s.value("export/draft", False)
        return value is True or str(value).lower() in ("true", "1")

    def set_export_draft(self, on: bool) -> None:
        self._s.setValue("export/draft", bool(on))


def remember_splitter(splitter: QSplitter, name: str) -> None:
    """Put ``splitter`` where the user left it last time (``splitters/<name>``) and remember
    each move. Call after its widgets and default sizes are set."""
    settings = QSettings()
    key = f"splitters/{name}"
    value = settings.value(key)
    if isinstance(value, QByteArray):
        splitter.restoreState(value)
    splitter.splitterMoved.connect(lambda *_a: QSettings().setValue(key, splitter.saveState()))
