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
