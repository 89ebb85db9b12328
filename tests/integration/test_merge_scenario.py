"""The scenario of issue 11: the secretariat's demo file goes to three members (by `dela`, by
a plain file copy and by *Spara kopia som…*), each works offline, the copies come back in
every order, and every order gives the same result."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.merge_helpers import assert_same_shared, edit, first, m, values
from utredning_app.cli import main
from utredning_app.domain.enums import Visibility
from utredning_app.services.conflicts import list_conflicts, set_copy_owner
from utredning_app.services.merge import merge_copy
from utredning_app.services.share import share_copy
from utredning_app.storage.backup import copy_consistent


def _three_paragraphs(session: Any) -> dict[str, str]:
    proposal = first(session, m.Proposal)
    proposal.text_md = "Stycke ett.\n\nStycke två.\n\nStycke tre."
    return {
        "proposal": str(proposal.id),
        "option": str(first(session, m.GovernanceOption).id),
        "milestone": str(first(session, m.Milestone).id),
        "report": str(first(session, m.Report).id),
    }


def _paragraph(session: Any, proposal_id: str, index: int, text: str) -> None:
    proposal = session.get(m.Proposal, proposal_id)
    parts = proposal.text_md.split("\n\n")
    parts[index] = text
    proposal.text_md = "\n\n".join(parts)


@pytest.fixture
def members(demo_path: Path, tmp_path: Path) -> tuple[Path, dict[str, str], list[Path]]:
    ids = edit(demo_path, _three_paragraphs, actor="Sekretariatet")
    anna, bo, cia = (tmp_path / f"{n}.utredning" for n in ("anna", "bo", "cia"))
    share_copy(demo_path, anna)  # dela
    shutil.copyfile(demo_path, bo)  # a plain file copy (mailed, USB stick)
    copy_consistent(demo_path, cia)  # what Arkiv → Spara kopia som… does
    set_copy_owner(anna, "Anna Andersson", "S")
    set_copy_owner(bo, "Bo Berg", "M")
    set_copy_owner(cia, "Cia Carlsson", "S")

    # Anna: first paragraph; deletes a milestone; a private note and a party draft.
    def anna_work(session: Any) -> None:
        _paragraph(session, ids["proposal"], 0, "Stycke ett, enligt Anna.")
        session.get(m.Milestone, ids["milestone"]).deleted_at = dt.datetime(2025, 2, 1)
        session.add(
            m.Note(
                title="Egen minnesanteckning",
                body_md="HEMLIGT-ANNA",
                visibility=Visibility.PRIVAT,
                author="Anna Andersson",
                author_party="S",
            )
        )
        session.add(
            m.Section(
                report_id=ids["report"],
                key="s-reservation",
                title="S-utkast",
                body_md="PARTIUTKAST-S",
                visibility=Visibility.PARTI,
                author="Anna Andersson",
                author_party="S",
            )
        )

    # Bo: last paragraph of the same proposal; renames the option.
    def bo_work(session: Any) -> None:
        _paragraph(session, ids["proposal"], 2, "Stycke tre, enligt Bo.")
        session.get(m.GovernanceOption, ids["option"]).name = "Bos namn på alternativet"

    # Cia: renames the same option differently; edits the milestone Anna deletes.
    def cia_work(session: Any) -> None:
        session.get(m.GovernanceOption, ids["option"]).name = "Cias namn på alternativet"
        session.get(m.Milestone, ids["milestone"]).title = "Flyttat sammanträde"

    edit(anna, anna_work, actor="Anna Andersson (S)")
    edit(bo, bo_work, actor="Bo Berg (M)")
    edit(cia, cia_work, actor="Cia Carlsson (S)")
    return demo_path, ids, [anna, bo, cia]


def test_every_order_gives_the_same_result(
    members: tuple[Path, dict[str, str], list[Path]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secretariat, ids, copies = members
    results = []
    for number, order in enumerate(itertools.permutations(copies)):
        target = tmp_path / f"ordning-{number}.utredning"
        shutil.copyfile(secretariat, target)
        total = {"nya": 0, "andrade": 0, "borttagna": 0, "konflikter": 0}
        for copy in order:
            capsys.readouterr()
            assert main(["sla-ihop", str(target), str(copy), "--json"]) == 0
            counts = json.loads(capsys.readouterr().out)
            total = {k: total[k] + counts[k] for k in total}
        # two conflicts: the option's name (Bo vs Cia) and the milestone (deleted vs edited)
        assert total["konflikter"] == 2, (order, total)
        conflicts = list_conflicts(target)
        assert {c.column for c in conflicts} == {"name", "deleted_at"}
        proposal = values(target, m.Proposal, ids["proposal"])
        assert proposal["text_md"] == (
            "Stycke ett, enligt Anna.\n\nStycke två.\n\nStycke tre, enligt Bo."
        )
        milestone = values(target, m.Milestone, ids["milestone"])
        assert milestone["deleted_at"] is None and milestone["title"] == "Flyttat sammanträde"
        name = values(target, m.GovernanceOption, ids["option"])["name"]
        assert name in ("Bos namn på alternativet", "Cias namn på alternativet")
        other = ({"Bos namn på alternativet", "Cias namn på alternativet"} - {name}).pop()
        assert any(c.column == "name" and other in (c.mine, c.theirs) for c in conflicts)
        raw = target.read_bytes()
        assert b"HEMLIGT-ANNA" not in raw and b"PARTIUTKAST-S" not in raw
        results.append(target)
    for other in results[1:]:
        assert_same_shared(results[0], other)


def test_party_colleagues_share_their_draft_but_not_private_notes(
    members: tuple[Path, dict[str, str], list[Path]],
) -> None:
    _secretariat, _ids, (anna, bo, cia) = members
    merge_copy(cia, anna)
    merge_copy(bo, anna)
    assert b"PARTIUTKAST-S" in cia.read_bytes()
    assert b"PARTIUTKAST-S" not in bo.read_bytes()
    for path in (bo, cia):
        assert b"HEMLIGT-ANNA" not in path.read_bytes()
