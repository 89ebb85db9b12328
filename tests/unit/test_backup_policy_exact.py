"""Exact constants and edges of the backup policy (domain.backup_policy, pure: no files)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from utredning_app.domain import backup_policy as bp
from utredning_app.domain.backup_policy import RetentionPolicy, backup_due_on_open, select_kept

NOW = dt.datetime(2026, 11, 25, 12, 0)  # a Wednesday


@dataclass(frozen=True)
class _Backup:
    path: Path
    taken_at: dt.datetime
    reason: str = bp.REASON_PERIODIC
    size: int = 1000
    sequence: int = 1
    modified: float = 0.0


def _at(when: dt.datetime, reason: str = bp.REASON_PERIODIC, size: int = 1000) -> _Backup:
    return _Backup(Path(f"/b/{when:%Y%m%d-%H%M%S}-{reason}.utredning"), when, reason, size)


NOTHING = RetentionPolicy(recent_hours=0, recent_max=0, daily_days=0, weekly_weeks=0)


def test_constants_are_exact() -> None:
    assert dt.timedelta(hours=4) == bp.ON_OPEN_INTERVAL
    assert dt.timedelta(minutes=10) == bp.PERIODIC_INTERVAL
    assert bp.REASON_LABELS == {
        "oppning": "vid öppning",
        "under-arbete": "under arbetet",
        "fore-uppgradering": "före uppgradering",
        "fore-aterstallning": "före återställning",
        "manuell": "manuell",
        "fore-sammanslagning": "före sammanslagning",
        "efter-sammanslagning": "efter sammanslagning",
    }
    assert bp.PROTECTED_REASONS == ("fore-uppgradering", "fore-aterstallning")
    assert RetentionPolicy() == RetentionPolicy(24, 48, 14, 8, 2 * 1024**3)
    assert RetentionPolicy() == bp.DEFAULT_POLICY


def test_due_on_open_default_interval_edges() -> None:
    assert backup_due_on_open(NOW - dt.timedelta(hours=4), NOW) is True
    assert (
        backup_due_on_open(NOW - dt.timedelta(hours=4) + dt.timedelta(microseconds=1), NOW) is False
    )
    assert backup_due_on_open(None, NOW) is True
    assert backup_due_on_open(NOW + dt.timedelta(hours=1), NOW) is False  # clock went back


def test_recent_window_edge_is_inclusive() -> None:
    policy = RetentionPolicy(recent_hours=1, recent_max=10, daily_days=0, weekly_weeks=0)
    items = [
        _at(NOW),
        _at(NOW - dt.timedelta(hours=1)),
        _at(NOW - dt.timedelta(hours=1, seconds=1)),
    ]
    assert select_kept(items, NOW, policy) == items[:2]


def test_recent_max_counts_exactly() -> None:
    policy = RetentionPolicy(recent_hours=24, recent_max=2, daily_days=0, weekly_weeks=0)
    items = [_at(NOW - dt.timedelta(minutes=m)) for m in range(5)]
    assert select_kept(items, NOW, policy) == items[:2]
    # with nothing else, only the newest stays
    assert select_kept(items, NOW, NOTHING) == items[:1]


def test_daily_keeps_the_newest_of_each_day_only() -> None:
    policy = RetentionPolicy(recent_hours=0, recent_max=0, daily_days=3, weekly_weeks=0)
    items = [
        _at(NOW),
        _at(NOW - dt.timedelta(hours=1)),  # same day as the newest
        _at(NOW - dt.timedelta(days=1)),
        _at(NOW - dt.timedelta(days=1, hours=1)),  # same day, older
    ]
    assert select_kept(items, NOW, policy) == [items[0], items[2]]


def test_weekly_keeps_the_newest_of_each_iso_week() -> None:
    policy = RetentionPolicy(recent_hours=0, recent_max=0, daily_days=0, weekly_weeks=3)
    monday = dt.datetime(2026, 11, 23, 12, 0)
    sunday_before = monday - dt.timedelta(days=1)
    saturday_before = monday - dt.timedelta(days=2)
    items = [_at(NOW), _at(monday), _at(sunday_before), _at(saturday_before)]
    assert select_kept(items, NOW, policy) == [items[0], items[2]]
    # the ISO year matters at a year boundary: 2026-12-28 is week 53 of 2026
    year_end = dt.datetime(2027, 1, 4, 12, 0)
    items = [_at(year_end), _at(dt.datetime(2026, 12, 28, 12)), _at(dt.datetime(2026, 12, 27))]
    kept = select_kept(items, year_end, policy)
    assert kept == items


def test_protected_reasons_each_keep_their_newest() -> None:
    old = NOW - dt.timedelta(days=500)
    upgrades = [_at(old - dt.timedelta(days=d), bp.REASON_UPGRADE) for d in range(2)]
    restores = [_at(old - dt.timedelta(days=10 + d), bp.REASON_RESTORE) for d in range(2)]
    manual = _at(old - dt.timedelta(days=20), bp.REASON_MANUAL)
    kept = select_kept([_at(NOW), *upgrades, *restores, manual], NOW, NOTHING)
    assert kept == [_at(NOW), upgrades[0], restores[0]]


def test_size_cap_edges() -> None:
    policy = RetentionPolicy(
        recent_hours=24, recent_max=10, daily_days=0, weekly_weeks=0, max_total_bytes=3000
    )
    items = [_at(NOW - dt.timedelta(minutes=m)) for m in range(4)]
    assert select_kept(items, NOW, policy) == items[:3]  # exactly at the cap is allowed
    tight = RetentionPolicy(
        recent_hours=24, recent_max=10, daily_days=0, weekly_weeks=0, max_total_bytes=2999
    )
    assert select_kept(items, NOW, tight) == items[:2]
    huge = [_at(NOW, size=10), _at(NOW - dt.timedelta(minutes=1), size=5000)]
    small = RetentionPolicy(
        recent_hours=24, recent_max=10, daily_days=0, weekly_weeks=0, max_total_bytes=100
    )
    assert select_kept(huge, NOW, small) == huge[:1]
    one_big = [_at(NOW, size=5000)]
    assert select_kept(one_big, NOW, small) == one_big


def test_order_is_newest_first_whatever_the_input_order() -> None:
    items = [_at(NOW - dt.timedelta(minutes=m)) for m in range(3)]
    assert select_kept(list(reversed(items)), NOW) == items
