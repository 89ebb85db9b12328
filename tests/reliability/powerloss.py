"""Power-loss replay: what the disk holds if the power goes at any point of a write.

A process kill (test_crash.py) leaves everything the process wrote, because the operating
system still has it in its cache. Power loss is harsher: only what was *fsynced* is sure to be
on the disk. The LD_PRELOAD shim logs every write, fsync, truncate, unlink, rename and file
creation on the investigation file and its journal, with the bytes; :func:`crash_states` then
replays that log and, for a crash after any operation, builds the files as a disk could hold
them: every write made durable by an fsync, and of the writes since, none or only the first
part (in order) — the rest lost.

Model limits, stated honestly: creations, renames and unlinks are taken as durable in order
(as on a journaling file system; SQLite fsyncs the folder after creating a journal); sectors
are not torn; writes since the last fsync are not reordered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Op:
    kind: str  # W S T U R C
    path: str
    offset: int = 0
    data: bytes = b""
    new_path: str = ""


def parse_log(raw: bytes) -> list[Op]:
    ops: list[Op] = []
    pos = 0
    while pos < len(raw):
        end = raw.index(b"\n", pos)
        line = raw[pos:end].decode("utf-8", "surrogateescape")
        pos = end + 1
        kind, rest = line[0], line[2:]
        if kind == "W":
            path, offset, length = rest.rsplit(" ", 2)
            data = raw[pos : pos + int(length)]
            pos += int(length)
            ops.append(Op("W", path, int(offset), data))
        elif kind == "T":
            path, length = rest.rsplit(" ", 1)
            ops.append(Op("T", path, int(length)))
        elif kind == "R":
            end = raw.index(b"\n", pos)
            new = raw[pos:end].decode("utf-8", "surrogateescape")
            pos = end + 1
            ops.append(Op("R", rest, new_path=new))
        else:
            ops.append(Op(kind, rest))
    return ops


def _apply(content: bytearray, op: Op) -> None:
    if op.kind == "W":
        end = op.offset + len(op.data)
        if len(content) < op.offset:
            content.extend(b"\x00" * (op.offset - len(content)))
        content[op.offset : end] = op.data
    elif op.kind == "T":
        del content[op.offset :]
        if len(content) < op.offset:
            content.extend(b"\x00" * (op.offset - len(content)))


@dataclass
class Disk:
    durable: dict[str, bytearray] = field(default_factory=dict)
    pending: dict[str, list[Op]] = field(default_factory=dict)

    def snapshot(self, keep_pending: float) -> dict[str, bytes]:
        """Files as after a power loss: durable bytes plus the first ``keep_pending`` share
        of each file's writes since its last fsync."""
        files: dict[str, bytes] = {}
        for path, content in self.durable.items():
            copy = bytearray(content)
            waiting = self.pending.get(path, [])
            for op in waiting[: int(len(waiting) * keep_pending)]:
                _apply(copy, op)
            files[path] = bytes(copy)
        return files


@dataclass(frozen=True)
class CrashState:
    after_op: int
    keep_pending: float
    files: dict[str, bytes]
    reported: tuple[int, ...]  # steps the writer had reported as committed


def crash_states(
    ops: list[Op],
    initial: dict[str, bytes],
    points: list[int],
    *,
    marker_suffix: str = ".steps",
    keep: tuple[float, ...] = (0.0, 0.5),
) -> Iterator[CrashState]:
    """Crash states after each op index in ``points`` (0 = before the first op)."""
    disk = Disk({p: bytearray(b) for p, b in initial.items()})
    reported: list[int] = []
    wanted = sorted(set(points))
    index = 0
    for i in range(len(ops) + 1):
        while index < len(wanted) and wanted[index] == i:
            for share in keep:
                yield CrashState(i, share, disk.snapshot(share), tuple(reported))
            index += 1
        if i == len(ops):
            break
        op = ops[i]
        if op.path.endswith(marker_suffix):
            if op.kind == "W":
                reported.extend(int(x) for x in op.data.split())
            continue
        if op.kind == "C":
            disk.durable.setdefault(op.path, bytearray())
        elif op.kind in ("W", "T"):
            disk.durable.setdefault(op.path, bytearray())
            disk.pending.setdefault(op.path, []).append(op)
        elif op.kind == "S":
            for waiting in disk.pending.pop(op.path, []):
                _apply(disk.durable[op.path], waiting)
        elif op.kind == "U":
            disk.durable.pop(op.path, None)
            disk.pending.pop(op.path, None)
        elif op.kind == "R":
            if op.path in disk.durable:
                disk.durable[op.new_path] = disk.durable.pop(op.path)
            if op.path in disk.pending:
                disk.pending[op.new_path] = disk.pending.pop(op.path)
