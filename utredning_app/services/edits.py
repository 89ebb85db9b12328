"""Edits of single rows that return a change record (domain/changes.py) with their undo.

Each function is one transaction through :mod:`services.entities` (validation included) and
returns a :class:`Change` whose ``revert`` writes the opposite: a create is undone by a soft
delete and redone by a restore of the very same row, a delete by a restore, an update by
writing the old values back, a score by setting the previous one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from utredning_app.domain.changes import Change, RowChange
from utredning_app.services import entities
from utredning_app.storage.database import Database


def create(
    db: Database, table: str, values: Mapping[str, Any], *, row_id: str | None = None
) -> Change:
    """Create a row; ``Change.value`` is its id (a revived tombstone keeps its own)."""
    new_id = entities.create(db, table, values, row_id=row_id)
    fields = {key: (None, value) for key, value in values.items()}
    return Change(
        (RowChange(table, new_id, "created", fields),),
        undo=lambda: delete(db, table, new_id),
        value=new_id,
    )


def update(
    db: Database,
    table: str,
    row_id: str,
    values: Mapping[str, Any],
    *,
    expected: Mapping[str, Any] | None = None,
) -> Change:
    """Change some fields; undo writes their old values back. ``expected``: see
    :func:`services.entities.update` (another person's save in between is a conflict)."""
    old = entities.update(db, table, row_id, values, expected=expected)
    new = {key: values[key] for key in old if key in values}
    fields = {key: (old[key], new.get(key)) for key in old}
    return Change(
        (RowChange(table, row_id, "updated", fields),),
        undo=lambda: update(db, table, row_id, old),
        value=True,
    )


def delete(db: Database, table: str, row_id: str) -> Change:
    """Soft-delete a row (a tombstone); undo restores it."""
    entities.soft_delete(db, table, row_id)
    return Change(
        (RowChange(table, row_id, "deleted"),),
        undo=lambda: restore(db, table, row_id),
        value=row_id,
    )


def restore(db: Database, table: str, row_id: str) -> Change:
    entities.restore(db, table, row_id)
    return Change(
        (RowChange(table, row_id, "restored"),),
        undo=lambda: delete(db, table, row_id),
        value=row_id,
    )


def set_score(db: Database, option_id: str, criterion_id: str, score: float | None) -> Change:
    """One cell of the bedömningsmatris; undo sets the previous score back."""
    from utredning_app.services.assessments import set_score as write_score

    previous = write_score(db, option_id, criterion_id, score)
    return Change(
        (
            RowChange(
                "assessment", f"{option_id}×{criterion_id}", "updated", {"score": (previous, score)}
            ),
        ),
        undo=lambda: set_score(db, option_id, criterion_id, previous),
        value=previous,
    )


def set_remiss_comment(db: Database, round_id: str, proposal_id: str, text_md: str) -> Change:
    """Utredningens kommentar on a proposal in a remiss round (services/remiss_comments.py);
    undo writes the previous text back (none: the comment is removed again). An unchanged
    text cannot be undone."""
    from utredning_app.services.remiss_comments import set_remiss_comment as write_comment

    previous = write_comment(db, round_id, proposal_id, text_md)
    text = text_md.strip()
    row = RowChange(
        "remiss_comment", f"{round_id}×{proposal_id}", "updated", {"text_md": (previous, text)}
    )
    if text == previous.strip():
        return Change((row,), value=previous)
    return Change(
        (row,),
        undo=lambda: set_remiss_comment(db, round_id, proposal_id, previous),
        value=previous,
    )


def record_edition(db: Database, name: str, *, label: str = "") -> Change:
    """Keep the fastställd report ``name`` (delrapport, slutrapport) as it is now as a new
    edition (services/editions.add_edition); undo removes that edition again (a tombstone),
    redo restores the very same one. ``Change.value`` is its ``EditionInfo``."""
    from utredning_app.services.editions import add_edition

    info = add_edition(db, name, label=label)
    return Change(
        (RowChange("report_edition", info.id, "created", {"label": (None, info.label)}),),
        undo=lambda: delete(db, "report_edition", info.id),
        value=info,
    )


CODING_TABLES = frozenset({"response", "stance", "quote"})


def coding_action(db: Database, response_id: str, action: Callable[[], Any]) -> Change:
    """Run one coding action on an answer (a stance, a quote, the summary); undo puts back the
    answer's coding as it was before (a snapshot), redo as it was after. ``Change.value`` is
    what ``action`` returned; an action that changed nothing cannot be undone."""
    from utredning_app.services import coding

    before = coding.snapshot(db, response_id)
    value = action()
    after = coding.snapshot(db, response_id)
    row = RowChange("response", response_id, "replaced")
    if after == before:
        return Change((row,), value=value, extra_tables=CODING_TABLES)
    return Change(
        (row,),
        undo=lambda: _coding_restore(db, response_id, before, after),
        value=value,
        extra_tables=CODING_TABLES,
    )


def _coding_restore(db: Database, response_id: str, target: Any, other: Any) -> Change:
    from utredning_app.services import coding

    coding.restore(db, response_id, target)
    return Change(
        (RowChange("response", response_id, "replaced"),),
        undo=lambda: _coding_restore(db, response_id, other, target),
        extra_tables=CODING_TABLES,
    )


def merge_copy(
    db: Database,
    kopia: Path,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Change:
    """Merge a copy (or change package) into the open file (services/merge.py), as one
    change: undo puts back the file as it was just before (the "före sammanslagning" backup),
    redo as it was just after (a copy kept beside the backups), each in one transaction.
    ``Change.value`` is the :class:`MergeResult`."""
    from utredning_app.services import merge
    from utredning_app.services.backups import folder_for
    from utredning_app.storage.backup import REASON_AFTER_MERGE, make_backup

    result = merge.merge_into(
        db,
        kopia,
        actor=db.actor,
        backup_root=db.backup_root,
        progress=progress,
        cancelled=cancelled,
    )
    if db.file_path is None:
        # On a server the merge is one committed transaction others may already build on:
        # it is not undone by swapping the whole investigation back (conflicts stay listed).
        return Change(value=result, extra_tables=merge_tables())
    after = make_backup(db.path, folder_for(db.path, db.backup_root), REASON_AFTER_MERGE)
    assert result.backup is not None
    before: Path = result.backup
    return Change(
        undo=lambda: _merge_swap(db, before, after),
        value=result,
        extra_tables=merge_tables(),
    )


def merge_tables() -> frozenset[str]:
    """Every table a merge may write (and its conflicts)."""
    from utredning_app.services import merge

    return frozenset(t.name for t in merge.TABLES) | {"merge_conflict"}


def _merge_swap(db: Database, target: Path, other: Path) -> Change:
    from utredning_app.services import merge

    merge.restore_into(db, target)
    return Change(undo=lambda: _merge_swap(db, other, target), extra_tables=merge_tables())


def resolve_conflict(db: Database, number: int, side: str, text: str | None = None) -> Change:
    """Resolve merge conflict ``number`` (``side``: "min", "deras" or "egen" with ``text``);
    undo reopens it with the value the file had."""
    from utredning_app.services import conflicts

    _conflict, previous = conflicts.resolve_in(db, number, side, text=text, actor=db.actor)
    return Change(
        undo=lambda: _reopen_conflict(db, number, side, text, previous),
        extra_tables=merge_tables(),
    )


def _reopen_conflict(
    db: Database, number: int, side: str, text: str | None, previous: Any
) -> Change:
    from utredning_app.services import conflicts

    conflicts.reopen_in(db, number, previous, actor=db.actor)
    return Change(
        undo=lambda: resolve_conflict(db, number, side, text), extra_tables=merge_tables()
    )
