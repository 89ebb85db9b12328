"""Low-level SQLite and decoding failures turned into Swedish ``UserError`` messages that
name the file (:func:`user_errors` around every read and write)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from utredning_app.errors import (
    CorruptFile,
    FileLockedError,
    ReadOnlyFile,
    StorageError,
    UserError,
    os_reason,
)


def storage_error(exc: BaseException, path: Path) -> UserError | None:
    """The Swedish UserError for a low-level SQLite failure on ``path``, or None.

    Every one of these leaves the file at its last committed state: the failing transaction
    is rolled back by SQLite (the journal makes that atomic even on power loss).
    """
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return None
    text = str(orig).lower()
    name = path.name
    unsaved = "Ändringen sparades inte; allt som sparats tidigare finns kvar."
    if "locked" in text or "busy" in text:
        return FileLockedError(
            f"Filen {name} används just nu av ett annat program eller en annan dator, som inte "
            f"släppte den inom några sekunder. {unsaved} Försök igen om en stund."
        )
    if "full" in text:
        return StorageError(
            f"Disken där {name} ligger är full. {unsaved} Frigör utrymme och försök igen."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyFile(
            f"Filen {name} eller mappen den ligger i är skrivskyddad. {unsaved} "
            "Spara en kopia i en skrivbar mapp."
        )
    if "unable to open" in text and path.exists() and not os.access(path.parent, os.W_OK):
        return ReadOnlyFile(
            f"Mappen {path.parent} där {name} ligger har blivit skrivskyddad. {unsaved} "
            "Spara en kopia i en skrivbar mapp."
        )
    if "unable to open" in text:
        return StorageError(
            f"Filen {path} kan inte öppnas längre – har den flyttats, tagits bort eller har "
            f"nätverksanslutningen brutits? {unsaved}"
        )
    if "could not decode" in text:
        return CorruptFile(
            f"Filen {name} innehåller text som inte går att läsa och är troligen skadad eller "
            "manipulerad. Återställ den från en säkerhetskopia."
        )
    if "no such column" in text or "no such table" in text:
        return CorruptFile(
            f"Filen {name} har en ändrad databasstruktur ({_missing(orig)}). Återställ den från en "
            "säkerhetskopia."
        )
    if "malformed" in text or "not a database" in text:
        return CorruptFile(f"Filen {name} är skadad ({os_reason(orig)}). {unsaved}")
    if "i/o" in text:
        return StorageError(
            f"Läs- eller skrivfel i filen {path} (disk, USB-minne eller nätverk). {unsaved}"
        )
    return None


def _missing(exc: BaseException) -> str:
    """ "no such column: x" → "kolumnen x saknas"."""
    text = str(exc)
    what = "kolumnen" if "column" in text else "tabellen"
    return f"{what} {text.split(':', 1)[-1].strip()} saknas"


# Modules that turn stored values into Python ones: an exception raised inside them while
# reading means the *file* holds a value that cannot be right (a crafted or damaged file).
_DECODING_MODULES = (
    "sqlalchemy/sql/sqltypes",
    "sqlalchemy/sql/type_api",
    "sqlalchemy/engine/",  # result, cursor, default, and the compiled _result_cy/_processors_cy
    "sqlalchemy/dialects/sqlite/",
    "sqlalchemy/orm/loading",
    "utredning_app/storage/base.py",
)


def decode_error(exc: BaseException, path: Path) -> CorruptFile | None:
    """CorruptFile if ``exc`` came from decoding a stored value (an unknown enum value, an
    impossible date), None if it came from anywhere else (a bug must stay a bug)."""
    if not isinstance(exc, LookupError | ValueError):
        return None
    tb = exc.__traceback__
    frames: list[str] = []
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_filename.replace("\\", "/"))
        tb = tb.tb_next
    # The innermost frames decide: where the exception was raised.
    if not any(part in name for name in frames[-3:] for part in _DECODING_MODULES):
        return None
    from utredning_app.storage.value_check import unreadable_error

    return unreadable_error(path, str(exc)[:120])


@contextlib.contextmanager
def user_errors(path: Path) -> Iterator[None]:
    """Turn low-level failures while reading/writing ``path`` into Swedish UserErrors.

    Used by ``transaction()`` and ``reader()``, and by services that use ``Database.engine``
    directly.
    """
    try:
        yield
    except (DBAPIError, sqlite3.Error, LookupError, ValueError) as exc:
        mapped = storage_error(exc, path) or decode_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc
