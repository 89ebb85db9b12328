"""A writer process for the crash harness (run as a subprocess, then SIGKILLed).

    python -m tests.reliability.writer edits PATH START COUNT
    python -m tests.reliability.writer create PATH
    python -m tests.reliability.writer import ARCHIVE PATH
    python -m tests.reliability.writer upgrade PATH
    python -m tests.reliability.writer migrate-scratch PATH
    python -m tests.reliability.writer remiss-import PATH ANSWER...
    python -m tests.reliability.writer cost-import PATH WORKBOOK
    python -m tests.reliability.writer backups PATH FOLDER COUNT
    python -m tests.reliability.writer restore PATH BACKUP

``edits`` prints each step id on its own line right after the step's transaction committed
(flushed), so the harness knows exactly what must survive. The other modes print ``klar``
when done. ``UTREDNING_CRASH_AT_STATEMENT=N`` makes the process SIGKILL itself when SQLite
starts its Nth SQL statement (a deterministic kill point between statements, including just
before ``COMMIT``); ``tests/reliability/crashshim.c`` (LD_PRELOAD) kills at the Nth write,
fsync, truncate or unlink inside a commit.
"""

from __future__ import annotations

import atexit
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from utredning_app.domain.enums import MemberRole, Visibility
from utredning_app.storage.models import Member, Note, Party

BULK_EVERY = 7  # every 7th step is an "import": many rows in one transaction
BULK_ROWS = 40


def payload(step: int) -> str:
    """Deterministic text for a step, large enough to span several pages on some steps."""
    size = 200 + (step * 7919) % 9000
    unit = f"steg {step} – å ä ö; "
    return (unit * (size // len(unit) + 1))[:size]


def note_title(step: int) -> str:
    return f"steg-{step:06d}"


def _arm_statement_kill() -> None:
    at = int(os.environ.get("UTREDNING_CRASH_AT_STATEMENT", "0") or 0)
    if at == 0:
        return
    seen = [0]
    if at < 0:  # only count, and tell the harness how many there were
        atexit.register(lambda: sys.stderr.write(f"statements {seen[0]}\n"))

    def trace(_statement: str) -> None:
        seen[0] += 1
        if seen[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)

    @event.listens_for(Engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.set_trace_callback(trace)


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run_edits(path: Path, start: int, count: int) -> None:
    from utredning_app.storage.database import open_database

    db = open_database(path, actor="Krocktestaren", auto_backup=False)
    # For the power-loss replay: each reported step also goes to PATH.steps, which the
    # LD_PRELOAD shim logs in order with the file writes (stdout is not in that log).
    markers = (
        os.open(f"{path}.steps", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        if os.environ.get("UTREDNING_STEP_MARKERS")
        else None
    )
    for step in range(start, start + count):
        with db.transaction() as session:
            inv = db.investigation(session)
            inv.directive_md = f"senast steg {step}"
            session.add(
                Note(
                    title=note_title(step),
                    body_md=payload(step),
                    visibility=Visibility.GRUPPEN,
                    author="Krocktestaren",
                )
            )
            if step % BULK_EVERY == 0:
                party = Party(abbreviation=f"P{step}", name=f"Parti {step}")
                session.add(party)
                session.flush()
                for n in range(BULK_ROWS):
                    session.add(
                        Member(
                            name=f"Ledamot {step}-{n}", role=MemberRole.LEDAMOT, party_id=party.id
                        )
                    )
        if markers is not None:
            os.write(markers, f"{step}\n".encode())
        _say(str(step))
    db.close()


def main(argv: list[str]) -> int:
    _arm_statement_kill()
    mode, *rest = argv
    if mode == "edits":
        run_edits(Path(rest[0]), int(rest[1]), int(rest[2]))
        return 0
    if mode == "create":
        from utredning_app.storage.database import create_database

        create_database(Path(rest[0]), title="Krocktest", diarienummer="RS 1").close()
    elif mode == "import":
        from utredning_app.services.archive import import_archive

        import_archive(Path(rest[0]), Path(rest[1])).close()
    elif mode == "upgrade":
        from utredning_app.storage.database import open_database

        open_database(Path(rest[0]), auto_backup=False).close()
    elif mode == "remiss-import":
        from utredning_app.services.responses import import_answers

        result = import_answers(Path(rest[0]), [Path(f) for f in rest[1:]], actor="Krocktest")
        _say(f"importerade {len(result.imported)}")
    elif mode == "cost-import":
        from utredning_app.services.estimates import import_cost_workbook

        outcome = import_cost_workbook(Path(rest[0]), Path(rest[1]))
        _say(f"ändringar {len(outcome.lines)}")
    elif mode == "backups":
        from utredning_app.storage.backup import REASON_PERIODIC, make_managed_backup

        for i in range(int(rest[2])):
            make_managed_backup(Path(rest[0]), Path(rest[1]), REASON_PERIODIC)
            _say(str(i))
    elif mode == "restore":
        from utredning_app.services.backups import restore_backup

        restore_backup(Path(rest[0]), Path(rest[1]))
    elif mode == "merge":
        from utredning_app.services.merge import merge_copy

        counts = merge_copy(Path(rest[0]), Path(rest[1]), backup_root=Path(rest[2])).counts
        _say(f"sammanslaget {sum(counts.values())}")
    elif mode == "migrate-scratch":
        from utredning_app.storage.database import build_empty_file

        build_empty_file(Path(rest[0]))
    else:
        raise SystemExit(f"okänt läge {mode}")
    _say("klar")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
