"""Errors whose message is meant for the user (Swedish, names where the problem is)."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """An error with a complete Swedish message for the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FileOpenError(UserError):
    """The investigation file cannot be opened (wrong type, corrupt, newer, locked …)."""


class NotAnInvestigationFile(FileOpenError):
    pass


class CorruptFile(FileOpenError):
    pass


class NewerSchemaError(FileOpenError):
    pass


class ReadOnlyFile(FileOpenError):
    pass


class FileLockedError(FileOpenError):
    """Someone else has the file open for writing (or SQLite stayed busy too long).

    ``owner`` is the :class:`~utredning_app.storage.lock.LockOwner` found in the lock file,
    when known; the GUI offers "open read-only" or "cancel".
    """

    def __init__(self, message: str, *, owner: Any = None) -> None:
        super().__init__(message)
        self.owner = owner


class StorageError(UserError):
    """Writing to the file failed (disk full, file gone, busy): nothing of it was saved."""


class BackupError(UserError):
    """A backup could not be made, listed or restored."""


class ValidationError(UserError):
    """Bad input data: impossible values, broken archives, wrong forms."""


class ArchiveError(ValidationError):
    pass


# The system's own words for a failure are English ("Not a directory", "database disk image is
# malformed"): messages use these Swedish ones, keeping the original only where none fits.
_OS_REASONS: dict[str, str] = {
    "ENOENT": "filen eller mappen finns inte",
    "ENOTDIR": "en del av sökvägen är en fil, inte en mapp",
    "EISDIR": "det är en mapp, inte en fil",
    "EACCES": "behörighet saknas",
    "EPERM": "behörighet saknas",
    "EROFS": "platsen är skrivskyddad",
    "ENOSPC": "disken är full",
    "EDQUOT": "diskkvoten är slut",
    "EFBIG": "filen blir för stor för filsystemet",
    "ENAMETOOLONG": "namnet är för långt för filsystemet",
    "EEXIST": "det finns redan en fil med det namnet",
    "ENOTEMPTY": "mappen är inte tom",
    "EBUSY": "filen används av ett annat program",
    "ETXTBSY": "filen används av ett annat program",
    "EIO": "läs- eller skrivfel på disken",
    "ELOOP": "för många symboliska länkar i sökvägen",
    "EMFILE": "för många öppna filer",
    "ENFILE": "för många öppna filer",
    "EXDEV": "filen kan inte flyttas till en annan disk",
    "EINVAL": "ogiltigt namn eller ogiltig åtgärd",
    "ENODEV": "enheten finns inte",
    "ENXIO": "enheten finns inte",
    "ESTALE": "nätverksanslutningen till filen har brutits",
    "ETIMEDOUT": "nätverket svarade inte",
    "EHOSTDOWN": "nätverket svarade inte",
    "ENOEXEC": "programmet kan inte köras",
}

_SQLITE_REASONS: tuple[tuple[str, str], ...] = (
    ("not a database", "filen är ingen SQLite-databas"),
    ("malformed", "databasen är trasig"),
    ("disk i/o error", "läs- eller skrivfel på disken"),
    ("database or disk is full", "disken är full"),
    ("unable to open", "filen kan inte öppnas"),
    ("readonly", "filen är skrivskyddad"),
    ("locked", "filen är låst av ett annat program"),
    ("busy", "filen är låst av ett annat program"),
    ("could not decode", "texten i filen går inte att läsa"),
    ("no such table", "en tabell saknas"),
    ("no such column", "en kolumn saknas"),
    ("interrupted", "avbrutet"),
)


def os_reason(exc: BaseException) -> str:
    """Why a file operation failed, in Swedish (an ``OSError`` or a ``sqlite3.Error``); an
    unknown cause keeps the system's text, marked as such."""
    import errno
    import sqlite3

    if isinstance(exc, UnicodeDecodeError):
        return "texten i filen går inte att läsa (den är inte UTF-8)"
    if isinstance(exc, OSError) and exc.errno is not None:
        name = errno.errorcode.get(exc.errno, "")
        if name in _OS_REASONS:
            return _OS_REASONS[name]
        return f"systemfel: {exc.strerror or name or exc.errno}"
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error
    if isinstance(orig, sqlite3.Error):
        exc = orig
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        for part, reason in _SQLITE_REASONS:
            if part in text:
                return reason
        return f"SQLite: {str(exc)[:120]}"
    return str(exc)[:120] or type(exc).__name__


def syntax_reason(exc: BaseException) -> str:
    """Where a text file (TOML, JSON) broke its syntax, in Swedish; or that it is not UTF-8."""
    import re

    if isinstance(exc, UnicodeDecodeError):
        return "filen är inte sparad som UTF-8-text"
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if line is None:  # tomllib: "… (at line 3, column 5)"
        found = re.search(r"at line (\d+), column (\d+)", str(exc))
        if found:
            line, column = int(found[1]), int(found[2])
    if line is not None:
        return f"felaktig syntax på rad {line}, kolumn {column}"
    return "felaktig syntax"
