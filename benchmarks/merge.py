"""Figures for merging copies (issue 11).

* ``merge_10k_s``: merging a copy with 10,000 changed fields into the large investigation
  (target < 2 s), in process, backup included;
* ``merge_package_kb``: the change package of a member who wrote a reservation and edited a
  few fields of the large investigation (target < 100 kB).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from sqlalchemy import select

from utredning_app.domain.enums import DissentKind, Visibility
from utredning_app.services.merge import merge_copy
from utredning_app.services.packages import write_package
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database

CHANGED_FIELDS = 10_000


def _change_10k(path: Path) -> None:
    with open_database(path, actor="Ledamot", auto_backup=False) as db, db.transaction() as s:
        values = s.scalars(select(m.EstimateValue).order_by(m.EstimateValue.id)).all()
        assert len(values) >= CHANGED_FIELDS, len(values)
        for value in values[:CHANGED_FIELDS]:
            value.high = value.high + 1.0


def _reservation(path: Path) -> None:
    with open_database(path, actor="Anna (S)", auto_backup=False) as db, db.transaction() as s:
        proposal = s.scalars(select(m.Proposal).order_by(m.Proposal.number)).first()
        assert proposal is not None
        s.add(
            m.Dissent(
                kind=DissentKind.RESERVATION,
                proposal_id=proposal.id,
                title="Reservation",
                text_md="Vi anser att förslaget bör avslås.\n\n" * 40,
                visibility=Visibility.GRUPPEN,
            )
        )
        for option in s.scalars(select(m.GovernanceOption).limit(5)):
            option.name = option.name + " (ändrad)"


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    folder = large_path.parent
    member = folder / "ledamot.utredning"
    shutil.copyfile(large_path, member)
    _change_10k(member)
    # The set-up just wrote two 80 MB files: let their write-back finish first, so that the
    # merge's own backup (fsync) is not billed for it.
    os.sync()
    start = time.perf_counter()
    counts = merge_copy(large_path, member, backup_root=folder / "kopior").counts
    results["merge_10k_s"] = time.perf_counter() - start
    assert counts["andrade"] == CHANGED_FIELDS, counts

    writer = folder / "reservant.utredning"
    shutil.copyfile(large_path, writer)
    _reservation(writer)
    package = folder / "reservant.andringar"
    write_package(writer, package)
    results["merge_package_kb"] = package.stat().st_size / 1024
