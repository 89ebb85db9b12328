"""Helpers for the merge tests: edit a copy as a member would, compare copies."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.services.archive import build_archive
from utredning_app.storage import models as m
from utredning_app.storage.database import open_database


def edit(path: Path, change: Callable[[Session], Any], actor: str = "Testaren") -> Any:
    with open_database(path, actor=actor) as db, db.transaction() as session:
        return change(session)


def first(session: Session, model: Any, **where: Any) -> Any:
    query = select(model).where(model.deleted_at.is_(None))
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return session.scalars(query.order_by(model.id)).first()


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def shared_content(path: Path) -> dict[str, Any]:
    """What every copy must agree on after exchanging: the archive without private content,
    without replica bookkeeping and merge provenance (the merge's own log lines)."""
    data = build_archive(path, include_private=False)
    tables = data["tables"]
    tables["audit_entry"] = sorted(
        (
            e
            for e in tables["audit_entry"]
            if "sammanslagning" not in e["changes_json"] and "konflikt" not in e["changes_json"]
        ),
        key=lambda e: e["id"],
    )
    return json.loads(json.dumps(tables, sort_keys=True))


def values(path: Path, model: Any, row_id: str) -> dict[str, Any]:
    with open_database(path, read_only=True) as db, db.reader() as session:
        obj = session.get(model, row_id)
        assert obj is not None
        return {c.key: getattr(obj, c.key) for c in model.__table__.columns}


__all__ = ["edit", "first", "m", "sha256", "shared_content", "values"]


def assert_same_shared(a: Path, b: Path) -> None:
    """Every copy agrees on the shared content; the message names the differing fields."""
    left, right = shared_content(a), shared_content(b)
    problems = []
    for table in left:
        if left[table] == right[table]:
            continue
        rows_l = {r["id"]: r for r in left[table]}
        rows_r = {r["id"]: r for r in right[table]}
        for key in sorted(set(rows_l) | set(rows_r)):
            x, y = rows_l.get(key) or {}, rows_r.get(key) or {}
            if x != y:
                diff = {
                    c: (x.get(c), y.get(c)) for c in sorted(set(x) | set(y)) if x.get(c) != y.get(c)
                }
                problems.append(f"{table} {key}: {diff}")
    assert not problems, "\n".join(problems[:10])
