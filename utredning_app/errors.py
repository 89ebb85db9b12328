"""Errors whose message is meant for the user (Swedish, names where the problem is)."""

from __future__ import annotations


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
    pass


class ValidationError(UserError):
    """Bad input data: impossible values, broken archives, wrong forms."""


class ArchiveError(ValidationError):
    pass
