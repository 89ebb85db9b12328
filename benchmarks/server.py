"""Figures for an investigation on a PostgreSQL server (issue 12), on a local server that this
module starts itself (``tests.pg_cluster``, loopback, as the tests do):

* ``server_edit_s``: a typical edit round trip, the median of 50: one transaction through
  ``ServerDatabase.transaction()`` (``services.edits.update``, as a form's save does)
  changing one field of a governance option, with its validation, ändringslogg and field
  versions (target < 0.02 s);
* ``server_search_s``: the median of the remiss benchmark's queries over 300 long answers
  (20–40 pages each, generated like benchmarks.remiss's Word answers) on the server
  (target < 0.05 s); ``server_search_filtered_s`` the filtered search of that benchmark.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import _text
from benchmarks.remiss import QUERIES, _names

EDITS = 50


def _count(db: Any, table: str) -> int:
    from sqlalchemy import text

    with db.reader() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    from sqlalchemy import select, text

    from tests.pg_cluster import running_cluster
    from utredning_app.domain.enums import ConsulteeType, StanceKind
    from utredning_app.services import edits
    from utredning_app.services.demo import create_demo
    from utredning_app.services.search import search
    from utredning_app.services.server_admin import add_server_user
    from utredning_app.storage import models as m
    from utredning_app.storage.database import open_database
    from utredning_app.storage.location import ServerLocation

    with running_cluster() as pg:
        pg.psql('CREATE DATABASE "bench"')
        location = ServerLocation.parse(pg.url(database="bench"))
        start = time.perf_counter()
        db = create_demo(location)
        results["server_demo_create_s"] = time.perf_counter() - start
        try:
            with db.reader() as s:
                option_id = s.scalars(
                    select(m.GovernanceOption.id).where(m.GovernanceOption.deleted_at.is_(None))
                ).first()
            assert option_id is not None
            logged = _count(db, "audit_entry")
            times: list[float] = []
            for i in range(EDITS):
                start = time.perf_counter()
                edits.update(db, "governance_option", option_id, {"name": f"Alternativ {i}"})
                times.append(time.perf_counter() - start)
            # Each edit really wrote its ändringslogg row (and, in the same flush, its version).
            assert _count(db, "audit_entry") == logged + EDITS
            results["server_edit_admin_s"] = statistics.median(times)
            # The typical case: a member logged in as their own role, under row-level security
            # (the policies, the author triggers and NOTIFY all run).
            with db.reader() as s:
                member = s.scalars(
                    select(m.Member.name).where(m.Member.deleted_at.is_(None))
                ).first()
            assert member is not None
            add_server_user(location.with_schema("demo"), member, "bench_anna", lambda: "bench-123")
            as_member = ServerLocation.parse(
                pg.url(user="bench_anna", database="bench", password="bench-123"), "demo"
            )
            with open_database(as_member) as mdb:
                times = []
                for i in range(EDITS):
                    start = time.perf_counter()
                    edits.update(mdb, "governance_option", option_id, {"name": f"Ledamot {i}"})
                    times.append(time.perf_counter() - start)
                assert _count(mdb, "audit_entry") >= logged + 2 * EDITS
            results["server_edit_s"] = statistics.median(times)
            results["server_edit_max_s"] = max(times)

            rng = random.Random(5)
            pages = [_text(rng, 3000) for _ in range(20)]
            types = list(ConsulteeType)
            stances = list(StanceKind)
            with db.transaction() as s:
                rnd = m.ConsultationRound(name="Benchmark-remiss")
                s.add(rnd)
                s.flush()
                proposal = s.scalars(select(m.Proposal.id)).first()
                for i, name in enumerate(_names()):
                    consultee = m.Consultee(round_id=rnd.id, name=name, type=types[i % len(types)])
                    s.add(consultee)
                    s.flush()
                    answer = m.Response(
                        consultee_id=consultee.id,
                        extracted_text="\n\n".join(pages[i % 20 :] + pages),
                        summary_md=f"Sammanfattning av svaret från {name}.",
                    )
                    s.add(answer)
                    s.flush()
                    if proposal is not None:
                        s.add(
                            m.Stance(
                                response_id=answer.id,
                                proposal_id=proposal,
                                stance=stances[i % len(stances)],
                            )
                        )
            with db.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
            times = []
            for _ in range(3):
                for query in QUERIES:
                    start = time.perf_counter()
                    search(db, query, limit=50)
                    times.append(time.perf_counter() - start)
            results["server_search_s"] = statistics.median(times)
            results["server_search_max_s"] = max(times)
            start = time.perf_counter()
            search(db, "styrning", types=[ConsulteeType.NAMND], stances=[StanceKind.AVSTYRKER])
            results["server_search_filtered_s"] = time.perf_counter() - start
        finally:
            db.close()
