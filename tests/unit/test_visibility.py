"""The one rule for private content, shared by the archive and the reports."""

from __future__ import annotations

from utredning_app.domain.enums import Visibility
from utredning_app.domain.visibility import is_private, is_private_row


def test_only_whole_group_or_released_content_is_shared() -> None:
    assert not is_private(Visibility.GRUPPEN)
    assert is_private(Visibility.PRIVAT)
    assert is_private(Visibility.PARTI)
    assert not is_private(Visibility.PRIVAT, released=True)
    assert is_private("parti")
    assert not is_private("gruppen")


def test_rows_of_tables_without_visibility_are_never_private() -> None:
    assert not is_private_row("proposal", {"visibility": "privat"})
    assert is_private_row("note", {"visibility": "privat", "released": False})
    assert not is_private_row("note", {"visibility": "privat", "released": True})
    assert is_private_row("dissent", {"visibility": Visibility.PARTI})
