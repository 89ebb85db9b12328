"""Opening, creating and copying investigation files: what the GUI's Arkiv menu calls
(gui/files.py), so that the GUI never imports storage itself.

``Database`` is the open file as the services hand it out (the GUI's ``Workspace`` holds one
and passes it back to the services; widgets never use it directly).
"""

from __future__ import annotations

from pathlib import Path

from utredning_app.storage.backup import BackupInfo as BackupInfo
from utredning_app.storage.backup import copy_consistent
from utredning_app.storage.database import FILE_SUFFIX as FILE_SUFFIX
from utredning_app.storage.database import Database as Database
from utredning_app.storage.database import create_database, open_database
from utredning_app.storage.location import Location
from utredning_app.storage.location import ServerLocation as ServerLocation


def open_file(
    path: Location,
    *,
    actor: str = "",
    read_only: bool = False,
    take_over: bool = False,
    backup_dir: Path | None = None,
) -> Database:
    """Open (and if needed upgrade) ``path``; Swedish messages for every failure."""
    if backup_dir is not None:
        return open_database(
            path,
            actor=actor,
            read_only=read_only,
            take_over_lock=take_over,
            backup_dir=backup_dir,
        )
    return open_database(path, actor=actor, read_only=read_only, take_over_lock=take_over)


def create_file(path: Location, *, title: str, diarienummer: str, actor: str = "") -> Database:
    """A new, empty investigation at ``path``."""
    return create_database(path, title=title, diarienummer=diarienummer, actor=actor)


def copy_file(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` (SQLite's backup API), also while it is open."""
    return copy_consistent(source, target)


def backup_now(path: Path) -> Path:
    """A manual backup of ``path`` into its backup folder (after checking it is an
    investigation file); returns the backup's path."""
    from utredning_app.services.backups import folder_for
    from utredning_app.storage.backup import REASON_MANUAL, make_managed_backup
    from utredning_app.storage.database import inspect_file

    inspect_file(path)
    return make_managed_backup(path, folder_for(path), REASON_MANUAL)


# ------------------------------------------------------------------ a shared server


def server_investigations(location: ServerLocation) -> list[tuple[str, str]]:
    """(schema, title) of the investigations in the server database this login may open."""
    from utredning_app.services.server_admin import list_server_investigations

    return [
        (i.schema, i.title) for i in list_server_investigations(location) if i.title is not None
    ]


def fetch_server_copy(location: ServerLocation, out: Path) -> Path:
    """A laptop copy of the server investigation (``utredning hamta``)."""
    from utredning_app.services.server_copy import fetch_copy

    return fetch_copy(location, out)


KEYRING_SERVICE = "Utredningsstöd"


def stored_password(location: ServerLocation) -> str | None:
    """The password kept in the system keyring for this user and server, if any."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, _keyring_user(location))
        except KeyringError:
            return None
    except ImportError:  # pragma: no cover - a dependency
        return None


def store_password(location: ServerLocation, password: str) -> str | None:
    """Keep ``password`` in the system keyring; None if stored, else why not (Swedish)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(location), password)
    except KeyringError as exc:
        return (
            "Lösenordet kunde inte sparas: datorn har ingen nyckelring som programmet kan "
            f"använda ({type(exc).__name__}). Du får ange det nästa gång."
        )
    return None


def _keyring_user(location: ServerLocation) -> str:
    return ServerLocation.parse(location.url).display()
