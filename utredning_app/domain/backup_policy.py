"""When to back an investigation file up, and which backups to keep: pure decisions, no
files touched (``storage.backup`` copies, lists and deletes by them; ``services.backups``
makes the periodic backups while the user works)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

# A writable open makes a backup when the newest one of the file is older than this.
ON_OPEN_INTERVAL = dt.timedelta(hours=4)
# While the file is open and changing, a backup at most this often (``services.backups``).
PERIODIC_INTERVAL = dt.timedelta(minutes=10)

# Reasons (part of the file name; ASCII so every file system takes them).
REASON_OPEN = "oppning"
REASON_PERIODIC = "under-arbete"
REASON_UPGRADE = "fore-uppgradering"
REASON_RESTORE = "fore-aterstallning"
REASON_MANUAL = "manuell"
REASON_MERGE = "fore-sammanslagning"  # services/merge.py (issue 11)
REASON_AFTER_MERGE = "efter-sammanslagning"  # the GUI's redo of a merge
REASON_LABELS = {
    REASON_OPEN: "vid öppning",
    REASON_PERIODIC: "under arbetet",
    REASON_UPGRADE: "före uppgradering",
    REASON_RESTORE: "före återställning",
    REASON_MANUAL: "manuell",
    REASON_MERGE: "före sammanslagning",
    REASON_AFTER_MERGE: "efter sammanslagning",
}
# The newest backup with each of these reasons is kept whatever the policy says.
PROTECTED_REASONS = (REASON_UPGRADE, REASON_RESTORE)


class Backup(Protocol):
    """What the policy needs to know of one backup (``storage.backup.BackupInfo``)."""

    @property
    def path(self) -> Path: ...
    @property
    def taken_at(self) -> dt.datetime: ...
    @property
    def reason(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def sequence(self) -> int: ...
    @property
    def modified(self) -> float: ...


B = TypeVar("B", bound=Backup)


def backup_due_on_open(
    newest: dt.datetime | None, now: dt.datetime, interval: dt.timedelta = ON_OPEN_INTERVAL
) -> bool:
    """A writable open backs up unless the newest backup (taken at ``newest``) is younger than
    ``interval``."""
    return newest is None or not now - newest < interval


@dataclass(frozen=True)
class RetentionPolicy:
    """Which backups of one file are kept (the rest are deleted after each new backup).

    Everything from the last ``recent_hours`` (at most ``recent_max``), the newest of each
    day for ``daily_days`` days, the newest of each ISO week for ``weekly_weeks`` weeks, the
    newest before an upgrade and before a restore; then the oldest go until the total is at
    most ``max_total_bytes``. The newest backup is never deleted.
    """

    recent_hours: int = 24
    recent_max: int = 48
    daily_days: int = 14
    weekly_weeks: int = 8
    max_total_bytes: int = 2 * 1024**3


DEFAULT_POLICY = RetentionPolicy()


def select_kept(
    backups: list[B], now: dt.datetime, policy: RetentionPolicy = DEFAULT_POLICY
) -> list[B]:
    """The backups the policy keeps, newest first (pure: no file is touched)."""
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.modified, b.sequence), reverse=True)
    if not ordered:
        return []
    keep: set[Path] = {ordered[0].path}
    recent = [b for b in ordered if now - b.taken_at <= dt.timedelta(hours=policy.recent_hours)]
    keep.update(b.path for b in recent[: policy.recent_max])
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    reasons: set[str] = set()
    for b in ordered:
        age = now - b.taken_at
        day = b.taken_at.date()
        if age <= dt.timedelta(days=policy.daily_days) and day not in days:
            days.add(day)
            keep.add(b.path)
        iso = b.taken_at.isocalendar()
        week = (iso.year, iso.week)
        if age <= dt.timedelta(weeks=policy.weekly_weeks) and week not in weeks:
            weeks.add(week)
            keep.add(b.path)
        if b.reason in PROTECTED_REASONS and b.reason not in reasons:
            reasons.add(b.reason)
            keep.add(b.path)
    kept = [b for b in ordered if b.path in keep]
    total = sum(b.size for b in kept)
    while total > policy.max_total_bytes and len(kept) > 1:
        total -= kept.pop().size
    return kept
