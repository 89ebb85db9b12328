"""Who has an investigation file open for writing: a sidecar lock file, like LibreOffice's.

SQLite's own locks keep the *bytes* consistent when two processes write, but they do not stop
two people from editing the same investigation at once and overwriting each other's work
(and they are unreliable on some network shares). So a writable open also creates
``.~lock.<name>#`` beside the file, atomically (``O_CREAT | O_EXCL``, which network file
systems implement), holding who opened it: user, computer, process id and time.

* A second instance (or another laptop via a share) gets :class:`FileLockedError` with a
  Swedish message naming the holder; it may open the file read-only instead.
* A lock left by a crashed process on *this* computer is stale (its process id no longer
  runs) and is taken over silently. A lock from another computer cannot be checked; the user
  may take it over explicitly (``take_over=True``) when they know that computer is off.
* Within one process the lock is re-entrant (counted), so services that reopen the file the
  window already has open keep working.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import json
import os
import random
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from utredning_app.errors import FileLockedError
from utredning_app.storage.sidecars import lock_path_for as lock_path_for


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str  # ISO 8601, local time with offset

    @classmethod
    def me(cls) -> LockOwner:
        return cls(
            user=_user_name(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        )

    def describe(self) -> str:
        try:
            when = dt.datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = "okänd tid"
        return f"{self.user or 'okänd användare'} på datorn {self.host or 'okänd'} (sedan {when})"

    def is_this_process(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers/services)
        return ""


def pid_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs on this computer (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        synchronize = 0x00100000
        handle = ctypes.windll.kernel32.OpenProcess(synchronize, False, pid)
        if not handle:
            return False
        try:
            wait_timeout = 0x102
            return bool(ctypes.windll.kernel32.WaitForSingleObject(handle, 0) == wait_timeout)
        finally:
            ctypes.windll.kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0: existence check only (POSIX)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


_UNKNOWN_OWNER = LockOwner(user="", host="", pid=-1, since="")


def _parse_owner(raw: bytes) -> LockOwner:
    """The owner in a lock (or take-over marker) file; unreadable or half-written content is
    an unknown owner."""
    try:
        data = json.loads(raw.decode("utf-8"))
        return LockOwner(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=str(data["since"]),
        )
    except (ValueError, KeyError, TypeError):
        return _UNKNOWN_OWNER


def read_lock(path: Path) -> LockOwner | None:
    """The owner recorded in ``path``'s lock file, or None if there is none (or it is garbage)."""
    seen = _look(lock_path_for(path))
    return None if seen is None else seen.owner


@dataclass(frozen=True)
class _Seen:
    """One lock file as read: its owner and a tag that names this very file (a lock removed
    and created again — even by the same process — has another tag)."""

    owner: LockOwner
    tag: str


def _look(lock_path: Path) -> _Seen | None:
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return _Seen(_UNKNOWN_OWNER, "")
    try:
        info = os.fstat(fd)
        raw = os.read(fd, 65536)
    except OSError:
        return _Seen(_UNKNOWN_OWNER, "")
    finally:
        os.close(fd)
    identity = f"{info.st_dev}:{info.st_ino}:{info.st_mtime_ns}:{info.st_size}:".encode()
    tag = hashlib.sha256(identity + raw).hexdigest()[:16]
    return _Seen(_parse_owner(raw), tag)


def _is_stale(owner: LockOwner) -> bool:
    if owner.pid == -1 and not owner.host:
        return False  # unreadable: cannot tell, let the user decide
    return owner.host == socket.gethostname() and not pid_alive(owner.pid)


# A lock file that cannot be parsed and is older than this was left half-written by a crash
# on a file system without hard links (the normal path never leaves a partial lock file).
GARBAGE_LOCK_AGE_S = 30.0


def _age_seconds(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _publish(lock_path: Path, payload: bytes) -> None:
    """Create ``lock_path`` with ``payload``, atomically and only if it does not exist.

    The content is written to a private temporary file first and then hard-linked to the
    lock name (``link`` fails if the name exists, also on NFS), so a crash never leaves a
    half-written lock. Where hard links are not supported, ``O_CREAT | O_EXCL`` is used.
    Raises FileExistsError if someone holds the lock.
    """
    tmp = lock_path.with_name(f"{lock_path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        try:
            os.link(tmp, lock_path)
            return
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here (FAT, some SMB shares)
        fd = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        tmp.unlink(missing_ok=True)


# Taking a stale lock over is "remove that file, then create ours": two processes doing it at
# once could each remove the other's fresh lock and both go on. So a take-over of one lock
# file (one tag) is done by one process at a time: the one that creates the marker
# ``.~lock.<name>#.<tag>.<n>.ta-over`` (O_CREAT | O_EXCL: exactly one succeeds, also on
# network shares). It checks that the lock file is still the one it judged stale, removes it
# and its marker; the others back off and look again. A marker whose process died (level n)
# lets the next process try level n + 1, so a crash in that moment blocks nothing.
TAKE_OVER_LEVELS = 8
MARKER_SUFFIX = ".ta-over"
UNWRITTEN_MARKER_AGE_S = 5.0  # a marker still empty this long was left by a crash
FOREIGN_MARKER_AGE_S = 30.0  # another computer's marker this old: its take-over is over
TAKE_OVER_PATIENCE_S = 10.0


def _marker_active(marker: Path) -> bool:
    """Whether the process that made ``marker`` may still be taking the lock over."""
    try:
        raw = marker.read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    owner = _parse_owner(raw)
    if owner.pid == -1:
        return _age_seconds(marker) < UNWRITTEN_MARKER_AGE_S
    if owner.host == socket.gethostname():
        return pid_alive(owner.pid)
    return _age_seconds(marker) < FOREIGN_MARKER_AGE_S


def _remove_if_unchanged(lock_path: Path, seen: _Seen, payload: bytes) -> bool:
    """Remove the lock file if it is still the one in ``seen`` — as the only process doing so.

    True when the caller should try to create its own lock now (the old one is gone); False
    when another process is taking this lock over (back off and look again).
    """
    made: list[Path] = []
    try:
        for level in range(1, TAKE_OVER_LEVELS + 1):
            marker = lock_path.with_name(f"{lock_path.name}.{seen.tag}.{level}{MARKER_SUFFIX}")
            try:
                fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                if _marker_active(marker):
                    return False
                made.append(marker)  # its maker died mid-take-over: tidy it with ours
                continue
            except OSError:
                # No marker can be made here (an unusual share): the old, unguarded way.
                lock_path.unlink(missing_ok=True)
                return True
            made.append(marker)
            try:
                os.write(fd, payload)
            finally:
                os.close(fd)
            now = _look(lock_path)
            if now is not None and now.tag == seen.tag:
                lock_path.unlink(missing_ok=True)
            return True
        return False
    finally:
        for marker in made:
            with contextlib.suppress(OSError):
                marker.unlink(missing_ok=True)


_held: dict[Path, int] = {}
_held_guard = threading.Lock()


class FileLock:
    """The lock on one investigation file, held by this process until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).resolve()
        self.lock_path = lock_path_for(self.path)
        self._released = False

    @classmethod
    def acquire(cls, path: Path, *, take_over: bool = False) -> FileLock:
        lock = cls(path)
        with _held_guard:
            if lock.path in _held:
                _held[lock.path] += 1
                return lock
            lock._create(take_over=take_over)
            _held[lock.path] = 1
        return lock

    @staticmethod
    def held_here(path: Path) -> bool:
        """Whether this process already has ``path`` open for writing."""
        with _held_guard:
            return Path(path).resolve() in _held

    def _create(self, *, take_over: bool) -> None:
        payload = json.dumps(asdict(LockOwner.me()), ensure_ascii=False).encode("utf-8")
        deadline = time.monotonic() + TAKE_OVER_PATIENCE_S
        while time.monotonic() < deadline:
            try:
                _publish(self.lock_path, payload)
            except FileExistsError:
                seen = _look(self.lock_path)
                if seen is None:
                    continue  # released meanwhile: try again
                owner = seen.owner
                if (
                    take_over
                    or _is_stale(owner)
                    or owner.is_this_process()
                    or (owner.pid == -1 and _age_seconds(self.lock_path) > GARBAGE_LOCK_AGE_S)
                ):
                    # Stale (or unreadable and old: left by a crash), or taken over on purpose.
                    if not _remove_if_unchanged(self.lock_path, seen, payload):
                        time.sleep(random.uniform(0.005, 0.02))  # another process is at it
                    continue
                raise FileLockedError(
                    f"Filen {self.path.name} är redan öppen för redigering av "
                    f"{owner.describe()}. Du kan öppna den skrivskyddad, eller avbryta och "
                    "försöka igen när den har stängts. (Om den datorn har kraschat kan du ta "
                    "över låset.)",
                    owner=owner,
                ) from None
            except OSError:
                # The folder takes the database but not our lock file (rare share setups):
                # SQLite's own locking still keeps the bytes consistent, so go on unlocked.
                return
            return
        raise FileLockedError(
            f"Filen {self.path.name} låses och släpps om och om igen av ett annat program; "
            "försök igen om en stund.",
            owner=None,
        )

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _held_guard:
            count = _held.get(self.path, 0)
            if count > 1:
                _held[self.path] = count - 1
                return
            _held.pop(self.path, None)
            owner = read_lock(self.path)
            if owner is not None and owner.is_this_process():
                self.lock_path.unlink(missing_ok=True)
