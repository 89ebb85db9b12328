"""Properties of merging copies (issue 11), with random edit sequences on 2–4 copies.

* convergence: after every copy has merged every other (in a random order, twice round),
  their shared content is equal;
* idempotence: merging the same copy again changes nothing;
* commutativity: without conflicts, the order two copies are merged in does not matter;
* no lost edit: every edit's value is in the result of some copy or in a recorded conflict.

Examples are small so this runs in seconds in `make test`; `--run-slow` runs many more.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.merge_helpers import edit, m, shared_content
from utredning_app.domain.enums import Visibility
from utredning_app.services.conflicts import list_conflicts
from utredning_app.services.merge import merge_copy
from utredning_app.storage.database import create_database, open_database

WORDS = st.sampled_from(["alfa", "beta", "gamma", "delta", "epsilon"])
OPS = st.one_of(
    st.tuples(st.just("new"), WORDS),
    st.tuples(st.just("title"), st.integers(0, 5), WORDS),
    st.tuples(st.just("done"), st.integers(0, 5), st.booleans()),
    st.tuples(st.just("delete"), st.integers(0, 5)),
    st.tuples(st.just("para"), st.integers(0, 2), WORDS),
    st.tuples(st.just("private"), WORDS),
)


def _base(folder: Path) -> Path:
    path = folder / "bas.utredning"
    with create_database(path, title="Egenskapstest") as db, db.transaction() as s:
        for n in range(3):
            s.add(m.Milestone(kind="ovrigt", title=f"M{n}", due_date=dt.date(2025, 1, n + 1)))
        s.add(m.Proposal(number=1, title="Förslaget", text_md="ett\n\ntvå\n\ntre"))
    return path


def _apply(path: Path, op: tuple[Any, ...], tag: str) -> tuple[str, str, str, Any] | None:
    """Run one edit; returns (table, row id, column, value) of what must not be lost."""

    def change(s: Any) -> tuple[str, str, str, Any] | None:
        rows = s.scalars(
            select(m.Milestone).where(m.Milestone.deleted_at.is_(None)).order_by(m.Milestone.id)
        ).all()
        kind = op[0]
        if kind == "new":
            row = m.Milestone(kind="ovrigt", title=f"{op[1]}-{tag}", due_date=dt.date(2025, 6, 1))
            s.add(row)
            s.flush()
            return ("milestone", row.id, "title", row.title)
        if kind == "private":
            note = m.Note(
                title="privat",
                body_md=f"PRIVAT-{op[1]}-{tag}",
                visibility=Visibility.PRIVAT,
                author=tag,
                author_party="",
            )
            s.add(note)
            return ("private", note.id, "body_md", note.body_md)
        if kind == "para":
            proposal = s.scalars(select(m.Proposal)).one()
            parts = proposal.text_md.split("\n\n")
            parts[op[1]] = f"{op[2]}-{tag}"
            proposal.text_md = "\n\n".join(parts)
            return ("proposal", proposal.id, "para", parts[op[1]])
        if not rows:
            return None
        row = rows[op[1] % len(rows)]
        if kind == "title":
            row.title = f"{op[2]}-{tag}"
            return ("milestone", row.id, "title", row.title)
        if kind == "done":
            if row.done == op[2]:
                return None
            row.done = op[2]
            return None  # a boolean's value cannot be told apart from another copy's edit
        row.deleted_at = dt.datetime(2025, 1, 1)
        return ("milestone", row.id, "deleted_at", True)

    result: tuple[str, str, str, Any] | None = edit(path, change, actor=f"Kopia {tag}")
    return result


def _contains(paths: list[Path], edit_: tuple[str, str, str, Any]) -> bool:
    table, row_id, column, value = edit_
    for path in paths:
        with open_database(path, read_only=True) as db, db.reader() as s:
            model = m.Milestone if table == "milestone" else m.Proposal
            obj = s.get(model, row_id)
            if obj is not None:
                if column == "para" and value in obj.text_md:
                    return True
                if column == "deleted_at" and obj.deleted_at is not None:
                    return True
                if column == "title" and obj.title == value:
                    return True
        for conflict in list_conflicts(path):
            if conflict.row_id != row_id:
                continue
            if column == "deleted_at" and conflict.column == "deleted_at":
                return True
            sides = (str(conflict.mine), str(conflict.theirs))
            if any(value in side for side in sides):
                return True
    return False


def _run(copies: int, edits: list[tuple[int, tuple[Any, ...]]], order_seed: int) -> None:
    import random

    with tempfile.TemporaryDirectory(prefix="egenskap-") as tmp:
        folder = Path(tmp)
        base = _base(folder)
        paths = []
        for n in range(copies):
            path = folder / f"kopia{n}.utredning"
            shutil.copyfile(base, path)
            paths.append(path)
        private = {}
        # the last edit of each field in each copy (an earlier one in the same copy is
        # superseded by its own author, not lost)
        latest: dict[tuple[int, str, str, str], tuple[str, str, str, Any]] = {}
        for number, (who, op) in enumerate(edits):
            found = _apply(paths[who % copies], op, f"{who % copies}.{number}")
            if found is not None and found[0] == "private":
                private[found[3]] = paths[who % copies]
            elif found is not None:
                key = (who % copies, found[0], found[1], found[2])
                if found[2] == "para":
                    key = (who % copies, found[0], found[1], f"para{op[1]}")
                latest[key] = found
        made = list(latest.values())
        rng = random.Random(order_seed)
        pairs = [(i, j) for i in range(copies) for j in range(copies) if i != j]
        for _round in range(2):
            rng.shuffle(pairs)
            for i, j in pairs:
                merge_copy(paths[i], paths[j], backup_root=folder / "backup")
        # idempotence: again changes nothing
        for i, j in pairs[:2]:
            counts = merge_copy(paths[i], paths[j], backup_root=folder / "backup").counts
            assert counts == {"nya": 0, "andrade": 0, "borttagna": 0, "konflikter": 0}
        # convergence
        first = shared_content(paths[0])
        for path in paths[1:]:
            assert shared_content(path) == first
        # no lost edit
        for item in made:
            assert _contains(paths, item), item
        # private notes never leave their author's copy
        for text, home in private.items():
            for path in paths:
                assert (text.encode() in path.read_bytes()) == (path == home), (text, path)


def _commutes(edits_b: list[tuple[Any, ...]], edits_c: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory(prefix="kommutativ-") as tmp:
        folder = Path(tmp)
        base = _base(folder)
        b, c = folder / "b.utredning", folder / "c.utredning"
        shutil.copyfile(base, b)
        shutil.copyfile(base, c)
        for n, op in enumerate(edits_b):
            _apply(b, op, f"b{n}")
        for n, op in enumerate(edits_c):
            _apply(c, op, f"c{n}")
        one, two = folder / "ett.utredning", folder / "tva.utredning"
        shutil.copyfile(base, one)
        shutil.copyfile(base, two)
        r1 = merge_copy(one, b, backup_root=folder / "x").counts["konflikter"]
        r1 += merge_copy(one, c, backup_root=folder / "x").counts["konflikter"]
        r2 = merge_copy(two, c, backup_root=folder / "x").counts["konflikter"]
        r2 += merge_copy(two, b, backup_root=folder / "x").counts["konflikter"]
        if r1 == 0 and r2 == 0:
            assert shared_content(one) == shared_content(two)


FAST = settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THOROUGH = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EDITS = st.lists(st.tuples(st.integers(0, 3), OPS), min_size=1, max_size=6)


@FAST
@given(copies=st.integers(2, 4), edits=EDITS, seed=st.integers(0, 1000))
# Found by Hypothesis: one copy kept its own edit of a paragraph in a conflict, a third took the
# newer edit of another copy; each then held a value the other had seen and kept it forever.
@example(
    copies=4,
    edits=[
        (3, ("para", 1, "delta")),
        (1, ("delete", 5)),
        (1, ("title", 1, "delta")),
        (2, ("para", 1, "gamma")),
        (3, ("private", "epsilon")),
        (3, ("done", 5, True)),
    ],
    seed=999,
)
@example(copies=3, edits=[(3, ("para", 1, "delta")), (2, ("para", 1, "gamma"))], seed=2)
def test_copies_converge_without_losing_an_edit(
    copies: int, edits: list[tuple[int, tuple[Any, ...]]], seed: int
) -> None:
    _run(copies, edits, seed)


@FAST
@given(b=st.lists(OPS, max_size=3), c=st.lists(OPS, max_size=3))
def test_merging_without_conflicts_commutes(
    b: list[tuple[Any, ...]], c: list[tuple[Any, ...]]
) -> None:
    _commutes(b, c)


@pytest.mark.slow
@THOROUGH
@given(
    copies=st.integers(2, 4),
    edits=st.lists(st.tuples(st.integers(0, 3), OPS), max_size=15),
    seed=st.integers(0, 10_000),
)
def test_copies_converge_thoroughly(
    copies: int, edits: list[tuple[int, tuple[Any, ...]]], seed: int
) -> None:
    _run(copies, edits, seed)


@pytest.mark.slow
@THOROUGH
@given(b=st.lists(OPS, max_size=8), c=st.lists(OPS, max_size=8))
def test_merging_without_conflicts_commutes_thoroughly(
    b: list[tuple[Any, ...]], c: list[tuple[Any, ...]]
) -> None:
    _commutes(b, c)


def test_found_by_hypothesis_who_changed_last_converges_through_a_third_copy() -> None:
    """A conflict kept in one copy records the later 'changed by'; a copy that got the same
    value and version through another copy must agree on it too."""
    _run(
        4,
        [
            (1, ("delete", 0)),
            (0, ("new", "alfa")),
            (2, ("title", 5, "alfa")),
            (1, ("title", 1, "alfa")),
            (0, ("new", "alfa")),
        ],
        1388,
    )


def test_found_by_hypothesis_a_text_conflict_converges_with_who_changed_last() -> None:
    """Both copies rewrote overlapping paragraphs: after exchanging, the row's value and its
    'changed by / at' agree in both copies."""
    _run(
        2,
        [(1, ("para", 0, "gamma")), (0, ("para", 1, "delta")), (0, ("para", 0, "epsilon"))],
        2215,
    )
    _run(
        2,
        [(0, ("para", 0, "epsilon")), (1, ("para", 0, "gamma"))],
        7,
    )
