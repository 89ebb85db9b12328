"""When a writable open backs the file up and which backups are kept (domain.backup_policy,
pure: no files)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from utredning_app.domain.backup_policy import (
    ON_OPEN_INTERVAL,
    REASON_PERIODIC,
    REASON_RESTORE,
    REASON_UPGRADE,
    RetentionPolicy,
    backup_due_on_open,
    select_kept,
)

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


@dataclass(frozen=True)
class _Backup:
    path: Path
    taken_at: dt.datetime
    reason: str = REASON_PERIODIC
    size: int = 1000
    sequence: int = 1
    modified: float = 0.0


def _at(when: dt.datetime, reason: str = REASON_PERIODIC, size: int = 1000) -> _Backup:
    return _Backup(Path(f"/b/{when:%Y%m%d-%H%M%S}-{reason}.utredning"), when, reason, size)


def test_retention_policy_keeps_recent_daily_weekly_and_protected() -> None:
    now = dt.datetime(2026, 11, 23, 12, 0)
    hourly = [_at(now - dt.timedelta(hours=h)) for h in range(0, 24 * 90)]
    upgrade = _at(now - dt.timedelta(days=200), REASON_UPGRADE)
    kept = select_kept([*hourly, upgrade], now)
    kept_times = {b.taken_at for b in kept}
    assert hourly[0].taken_at in kept_times  # newest
    assert all(now - dt.timedelta(hours=h) in kept_times for h in range(25))  # last 24 h
    days = {b.taken_at.date() for b in kept if now - b.taken_at <= dt.timedelta(days=14)}
    assert len(days) == 15  # today and the 14 days before, each by its newest backup
    assert upgrade in kept
    assert not any(dt.timedelta(weeks=9) < now - b.taken_at < dt.timedelta(days=199) for b in kept)
    assert len(kept) <= 25 + 14 + 8 + 1
    assert kept == sorted(kept, key=lambda b: b.taken_at, reverse=True)  # newest first
    capped = select_kept(hourly, now, RetentionPolicy(max_total_bytes=5500))
    assert [b.taken_at for b in capped] == [now - dt.timedelta(hours=h) for h in range(5)]
    assert select_kept(hourly[:1], now, RetentionPolicy(max_total_bytes=1)) == hourly[:1]
    assert select_kept([], now) == []


def test_the_policy_limits_are_exact() -> None:
    now = dt.datetime(2026, 11, 23, 12, 0)
    policy = RetentionPolicy(recent_hours=2, recent_max=3, daily_days=0, weekly_weeks=0)
    minutes = [_at(now - dt.timedelta(minutes=10 * m)) for m in range(20)]
    kept = select_kept(minutes, now, policy)
    assert [b.taken_at for b in kept] == [now - dt.timedelta(minutes=10 * m) for m in range(3)]
    # Only the newest backup of each protected reason is kept beyond the policy.
    old = now - dt.timedelta(days=400)
    restores = [_at(old - dt.timedelta(days=d), REASON_RESTORE) for d in range(3)]
    kept = select_kept([minutes[0], *restores], now, policy)
    assert kept == [minutes[0], restores[0]]
    # A backup exactly ``daily_days`` / ``weekly_weeks`` old still counts; a second older.
    daily = RetentionPolicy(recent_hours=0, recent_max=0, daily_days=2, weekly_weeks=0)
    edge = [_at(now), _at(now - dt.timedelta(days=2)), _at(now - dt.timedelta(days=2, seconds=1))]
    assert select_kept(edge, now, daily) == edge[:2]
    weekly = RetentionPolicy(recent_hours=0, recent_max=0, daily_days=0, weekly_weeks=1)
    edge = [_at(now), _at(now - dt.timedelta(weeks=1)), _at(now - dt.timedelta(weeks=1, days=1))]
    assert select_kept(edge, now, weekly) == edge[:2]
    # Same second: the file time, then the sequence number, order them.
    a = _Backup(Path("/b/a"), now, modified=1.0)
    b = _Backup(Path("/b/b"), now, modified=2.0)
    assert select_kept([a, b], now, RetentionPolicy(recent_max=1, daily_days=0))[0] == b
    c = _Backup(Path("/b/c"), now, sequence=2)
    d = _Backup(Path("/b/d"), now, sequence=3)
    assert select_kept([d, c], now, RetentionPolicy(recent_max=1, daily_days=0))[0] == d
