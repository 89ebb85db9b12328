"""Merging copies of an investigation (issue 11): real files, real copies, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.merge_helpers import assert_same_shared, edit, first, m, sha256, values
from utredning_app.cli import main
from utredning_app.domain.enums import Visibility
from utredning_app.services.conflicts import list_conflicts, set_copy_owner
from utredning_app.services.merge import merge_copy
from utredning_app.services.share import share_copy
from utredning_app.storage.database import open_database


def _merge_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, int]:
    capsys.readouterr()
    assert main(["sla-ihop", *args, "--json"]) == 0
    out: dict[str, int] = json.loads(capsys.readouterr().out)
    return out


@pytest.fixture
def copies(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The secretariat's file and a member's plain file copy."""
    member = tmp_path / "ledamot.utredning"
    shutil.copyfile(demo_path, member)
    return demo_path, member


def test_new_row_comes_over_once(
    copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main_file, member = copies
    edit(
        member,
        lambda s: s.add(
            m.Milestone(kind="ovrigt", title="Extra möte", due_date=dt.date(2025, 3, 1))
        ),
    )
    before = sha256(member)
    assert _merge_json(capsys, str(main_file), str(member)) == {
        "nya": 1,
        "andrade": 0,
        "borttagna": 0,
        "konflikter": 0,
    }
    assert sha256(member) == before, "KOPIA is never modified"
    assert _merge_json(capsys, str(main_file), str(member)) == {
        "nya": 0,
        "andrade": 0,
        "borttagna": 0,
        "konflikter": 0,
    }


def test_dry_run_changes_nothing(
    copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main_file, member = copies
    edit(member, lambda s: setattr(first(s, m.GovernanceOption), "name", "Nytt namn"))
    before = sha256(main_file)
    counts = _merge_json(capsys, str(main_file), str(member), "--torrkorning")
    assert counts["andrade"] == 1
    assert sha256(main_file) == before
    assert _merge_json(capsys, str(main_file), str(member))["andrade"] == 1


def test_one_sided_change_is_taken_both_ways(copies: tuple[Path, Path]) -> None:
    main_file, member = copies
    option_id = edit(member, lambda s: _rename(s, "Ledamotens namn"))
    edit(main_file, lambda s: setattr(first(s, m.Proposal), "title", "Sekretariatets titel"))
    assert merge_copy(main_file, member).counts["andrade"] == 1
    assert values(main_file, m.GovernanceOption, option_id)["name"] == "Ledamotens namn"
    assert merge_copy(member, main_file).counts == {
        "nya": 0,
        "andrade": 1,
        "borttagna": 0,
        "konflikter": 0,
    }
    assert_same_shared(main_file, member)


def _rename(session: object, name: str) -> str:
    option = first(session, m.GovernanceOption)  # type: ignore[arg-type]
    option.name = name
    return str(option.id)


def test_both_sides_changed_is_a_conflict_kept_and_resolvable(
    copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main_file, member = copies
    original = edit(main_file, lambda s: first(s, m.GovernanceOption).name)
    option_id = edit(main_file, lambda s: _rename(s, "Sekretariatets namn"))
    edit(member, lambda s: _rename(s, "Ledamotens namn"), actor="Anna (S)")
    counts = merge_copy(main_file, member).counts
    assert counts["konflikter"] == 1 and counts["andrade"] == 0
    assert values(main_file, m.GovernanceOption, option_id)["name"] == "Sekretariatets namn"
    [conflict] = list_conflicts(main_file)
    assert (conflict.column, conflict.mine, conflict.theirs) == (
        "name",
        "Sekretariatets namn",
        "Ledamotens namn",
    )
    assert conflict.theirs_by == "Anna (S)"
    assert conflict.source == "ledamot.utredning"
    assert conflict.base == original  # from the ändringslogg
    capsys.readouterr()
    assert main(["konflikter", str(main_file), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["nr"] == conflict.number and listed[0]["deras"] == "Ledamotens namn"
    # merging the same copy again: nothing new, and no second conflict
    assert merge_copy(main_file, member).counts == {
        "nya": 0,
        "andrade": 0,
        "borttagna": 0,
        "konflikter": 0,
    }
    assert main(["konflikter", str(main_file), "--valj", str(conflict.number), "deras"]) == 0
    assert values(main_file, m.GovernanceOption, option_id)["name"] == "Ledamotens namn"
    assert list_conflicts(main_file) == []
    # the choice wins in the member's copy too
    merge_copy(member, main_file)
    assert values(member, m.GovernanceOption, option_id)["name"] == "Ledamotens namn"
    assert_same_shared(main_file, member)


def _set_paragraph(session: object, index: int, text: str) -> None:
    proposal = first(session, m.Proposal)  # type: ignore[arg-type]
    paragraphs = proposal.text_md.split("\n\n")
    paragraphs[index] = text
    proposal.text_md = "\n\n".join(paragraphs)


def _make_three_paragraphs(session: object) -> str:
    proposal = first(session, m.Proposal)  # type: ignore[arg-type]
    proposal.text_md = "Första stycket.\n\nAndra stycket.\n\nTredje stycket."
    return str(proposal.id)


def test_long_text_merges_by_paragraph_and_overlap_is_a_conflict(
    demo_path: Path, tmp_path: Path
) -> None:
    proposal_id = edit(demo_path, _make_three_paragraphs)
    a, b = tmp_path / "a.utredning", tmp_path / "b.utredning"
    shutil.copyfile(demo_path, a)
    share_copy(demo_path, b)
    edit(a, lambda s: _set_paragraph(s, 0, "Första, ändrat av A."))
    edit(b, lambda s: _set_paragraph(s, 2, "Tredje, ändrat av B."))
    assert merge_copy(demo_path, a).counts["andrade"] == 1
    counts = merge_copy(demo_path, b).counts
    assert counts == {"nya": 0, "andrade": 1, "borttagna": 0, "konflikter": 0}
    assert values(demo_path, m.Proposal, proposal_id)["text_md"] == (
        "Första, ändrat av A.\n\nAndra stycket.\n\nTredje, ändrat av B."
    )
    # now both change the middle paragraph: a conflict, nothing lost
    merge_copy(a, demo_path)
    merge_copy(b, demo_path)
    edit(a, lambda s: _set_paragraph(s, 1, "Mitten enligt A."))
    edit(b, lambda s: _set_paragraph(s, 1, "Mitten enligt B."))
    merge_copy(demo_path, a)
    assert merge_copy(demo_path, b).counts["konflikter"] == 1
    [conflict] = list_conflicts(demo_path)
    assert "Mitten enligt B." in conflict.theirs and "Mitten enligt A." in conflict.mine


def test_delete_here_edit_there_is_a_conflict_and_the_row_stays(copies: tuple[Path, Path]) -> None:
    main_file, member = copies

    def delete(session: object) -> str:
        milestone = first(session, m.Milestone)  # type: ignore[arg-type]
        milestone.deleted_at = dt.datetime(2025, 1, 1)
        return str(milestone.id)

    milestone_id = edit(member, delete)
    edit(main_file, lambda s: setattr(s.get(m.Milestone, milestone_id), "title", "Flyttat möte"))
    counts = merge_copy(main_file, member).counts
    assert counts["konflikter"] == 1 and counts["borttagna"] == 0
    row = values(main_file, m.Milestone, milestone_id)
    assert row["deleted_at"] is None and row["title"] == "Flyttat möte"
    [conflict] = list_conflicts(main_file)
    assert conflict.column == "deleted_at"
    merge_copy(member, main_file)
    assert values(member, m.Milestone, milestone_id)["deleted_at"] is None
    assert_same_shared(main_file, member)
    # "deras": the deletion wins after all, in both copies
    assert main(["konflikter", str(main_file), "--valj", str(conflict.number), "deras"]) == 0
    assert values(main_file, m.Milestone, milestone_id)["deleted_at"] == dt.datetime(2025, 1, 1)
    assert merge_copy(member, main_file).counts["borttagna"] == 1
    assert values(member, m.Milestone, milestone_id)["deleted_at"] is not None


def test_a_deletion_alone_comes_over(copies: tuple[Path, Path]) -> None:
    main_file, member = copies

    def delete(session: object) -> str:
        milestone = first(session, m.Milestone)  # type: ignore[arg-type]
        milestone.deleted_at = dt.datetime(2025, 1, 1)
        return str(milestone.id)

    milestone_id = edit(member, delete)
    assert merge_copy(main_file, member).counts["borttagna"] == 1
    assert values(main_file, m.Milestone, milestone_id)["deleted_at"] is not None


def test_private_rows_never_travel_and_party_rows_only_within_the_party(
    demo_path: Path, tmp_path: Path
) -> None:
    anna, bo, cia = (tmp_path / f"{n}.utredning" for n in ("anna", "bo", "cia"))
    for path in (anna, bo, cia):
        share_copy(demo_path, path)
    set_copy_owner(anna, "Anna", "S")
    set_copy_owner(bo, "Bo", "S")
    set_copy_owner(cia, "Cia", "M")

    def notes(session: object) -> None:
        session.add(
            m.Note(
                title="Hemligt",
                body_md="Bara jag",
                visibility=Visibility.PRIVAT,  # type: ignore[attr-defined]
                author="Anna",
                author_party="S",
            )
        )
        session.add(
            m.Note(
                title="Partiutkast",
                body_md="Vi i S",
                visibility=Visibility.PARTI,  # type: ignore[attr-defined]
                author="Anna",
                author_party="S",
            )
        )

    edit(anna, notes, actor="Anna (S)")
    assert merge_copy(bo, anna).counts["nya"] == 0  # a party row is not counted
    assert merge_copy(cia, anna).counts["nya"] == 0
    assert merge_copy(demo_path, anna).counts["nya"] == 0

    def titles(path: Path) -> set[str]:
        with (
            __import__("utredning_app.storage.database", fromlist=["x"]).open_database(
                path, read_only=True
            ) as db,
            db.reader() as session,
        ):
            return {n.title for n in session.query(m.Note)}

    assert "Partiutkast" in titles(bo) and "Hemligt" not in titles(bo)
    assert not {"Partiutkast", "Hemligt"} & titles(cia)
    assert not {"Partiutkast", "Hemligt"} & titles(demo_path)
    for path in (bo, cia, demo_path):
        text = path.read_bytes()
        assert b"Bara jag" not in text, f"private text reached {path.name}"
    assert b"Vi i S" not in cia.read_bytes() and b"Vi i S" not in demo_path.read_bytes()


def test_another_investigation_is_refused(
    demo_path: Path, empty_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha256(demo_path)
    assert main(["sla-ihop", str(demo_path), str(empty_path)]) != 0
    assert "annan utredning" in capsys.readouterr().err
    assert sha256(demo_path) == before


def test_a_plain_copy_gets_its_own_replica_id(copies: tuple[Path, Path]) -> None:
    from utredning_app.storage.database import open_database
    from utredning_app.storage.versions import read_state

    main_file, member = copies
    edit(main_file, lambda s: _rename(s, "A"))
    edit(member, lambda s: _rename(s, "B"))
    ids = []
    for path in copies:
        with open_database(path, read_only=True) as db, db.engine.connect() as conn:
            state = read_state(conn)
            assert state is not None
            ids.append(state.replica_id)
    assert ids[0] != ids[1]


def test_backup_before_merge(copies: tuple[Path, Path]) -> None:
    main_file, member = copies
    edit(member, lambda s: _rename(s, "Nytt"))
    result = merge_copy(main_file, member)
    assert result.backup is not None and result.backup.exists()
    assert "fore-sammanslagning" in result.backup.name


def test_the_same_link_made_in_both_copies_is_not_a_duplicate(copies: tuple[Path, Path]) -> None:
    from sqlalchemy import func, select

    main_file, member = copies

    def link(session: object) -> tuple[str, str]:
        s: Any = session
        linked = {
            (p, o)
            for p, o in s.execute(select(m.ProposalOption.proposal_id, m.ProposalOption.option_id))
        }
        for proposal in s.scalars(select(m.Proposal).order_by(m.Proposal.id)):
            for option in s.scalars(select(m.GovernanceOption).order_by(m.GovernanceOption.id)):
                if (proposal.id, option.id) not in linked:
                    s.add(m.ProposalOption(proposal_id=proposal.id, option_id=option.id))
                    return str(proposal.id), str(option.id)
        raise AssertionError("no free pair")

    pair = edit(main_file, link)
    assert edit(member, link) == pair
    counts = merge_copy(main_file, member).counts
    assert counts["nya"] == 0 and counts["konflikter"] == 1
    with open_database(main_file, read_only=True) as db, db.reader() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(m.ProposalOption)
                .where(
                    m.ProposalOption.proposal_id == pair[0], m.ProposalOption.option_id == pair[1]
                )
            )
            == 1
        )
    [conflict] = list_conflicts(main_file)
    assert conflict.column == "*"
