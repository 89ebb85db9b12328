"""When a writable open backs the file up (domain.backup_policy, pure)."""

from __future__ import annotations

import datetime as dt

from utredning_app.domain.backup_policy import ON_OPEN_INTERVAL, backup_due_on_open

NOW = dt.datetime(2026, 12, 3, 12, 0)


def test_a_file_without_backups_is_backed_up_on_open() -> None:
    assert backup_due_on_open(None, NOW)


def test_a_backup_younger_than_the_interval_is_enough() -> None:
    assert not backup_due_on_open(NOW - ON_OPEN_INTERVAL + dt.timedelta(seconds=1), NOW)
    assert not backup_due_on_open(NOW, NOW)


def test_a_backup_as_old_as_the_interval_or_older_is_not() -> None:
    assert backup_due_on_open(NOW - ON_OPEN_INTERVAL, NOW)
    assert backup_due_on_open(NOW - dt.timedelta(days=3), NOW)
    assert backup_due_on_open(NOW - dt.timedelta(minutes=5), NOW, dt.timedelta(minutes=1))
