"""Merging copies: the ändringslogg, old files and archives, and exports with open conflicts."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.merge_helpers import assert_same_shared, edit, first, m, values
from utredning_app.cli import main
from utredning_app.domain.enums import Visibility
from utredning_app.services.archive import build_archive, dumps, import_archive, load_schema
from utredning_app.services.merge import merge_copy
from utredning_app.services.share import share_copy

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"


def test_merged_changes_keep_author_and_time_and_say_where_they_came_from(
    demo_path: Path, tmp_path: Path
) -> None:
    member = tmp_path / "anna.utredning"
    share_copy(demo_path, member)

    def rename(session: object) -> str:
        option = first(session, m.GovernanceOption)  # type: ignore[arg-type]
        option.name = "Annas namn"
        return str(option.id)

    option_id = edit(member, rename, actor="Anna Andersson (S)")
    conn = sqlite3.connect(member)
    [(entry_id, at)] = conn.execute(
        "SELECT id, at FROM audit_entry WHERE row_id = ? AND actor = 'Anna Andersson (S)'",
        (option_id,),
    ).fetchall()
    conn.close()
    merge_copy(demo_path, member, actor="Sekretariatet")
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute(
            "SELECT actor, at FROM audit_entry WHERE id = ?", (entry_id,)
        ).fetchall() == [("Anna Andersson (S)", at)]
        [(source,)] = conn.execute(
            "SELECT source FROM audit_provenance WHERE audit_id = ?", (entry_id,)
        ).fetchall()
        assert source == "anna.utredning"
        summary = conn.execute(
            "SELECT actor, summary FROM audit_entry WHERE summary LIKE 'Sammanslagning%'"
        ).fetchall()
        from utredning_app.services.audit_query import AuditFilter, entries
        from utredning_app.storage.database import open_database

        with open_database(demo_path, read_only=True) as db:
            shown = [e for e in entries(db, AuditFilter()) if e["id"] == entry_id]
        assert shown[0]["summary"].endswith("(via sammanslagning från anna.utredning)")
        assert summary == [
            (
                "Sekretariatet",
                "Sammanslagning med kopian anna.utredning: 0 nya, "
                "1 ändrade fält, 0 borttagna, 0 konflikter",
            )
        ]
    finally:
        conn.close()


def test_old_private_text_does_not_arrive_through_the_log_or_the_text_history(
    demo_path: Path, tmp_path: Path
) -> None:
    member = tmp_path / "anna.utredning"
    shutil.copyfile(demo_path, member)

    def private_note(session: object) -> str:
        note = m.Note(
            title="Utkast",
            body_md="HEMLIG-FORSTA-VERSION",
            visibility=Visibility.PRIVAT,
            author="Anna",
            author_party="S",
        )
        session.add(note)  # type: ignore[attr-defined]
        session.flush()  # type: ignore[attr-defined]
        return str(note.id)

    note_id = edit(member, private_note, actor="Anna (S)")

    def publish(session: object) -> None:
        note = session.get(m.Note, note_id)  # type: ignore[attr-defined]
        note.body_md = "Offentlig text."
        note.visibility = Visibility.GRUPPEN

    edit(member, publish, actor="Anna (S)")
    assert merge_copy(demo_path, member).counts["nya"] == 1
    assert values(demo_path, m.Note, note_id)["body_md"] == "Offentlig text."
    assert b"HEMLIG-FORSTA-VERSION" not in demo_path.read_bytes()
    # the archive's text history (the ändringslogg part is issue 16's)
    versions = json.dumps(build_archive(member, include_private=False)["versions"])
    assert "HEMLIG-FORSTA-VERSION" not in versions


def test_copies_of_an_old_file_upgraded_separately_start_with_the_same_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.utredning", tmp_path / "b.utredning"
    shutil.copyfile(FIXTURES / "0002_remiss_search.utredning", a)
    shutil.copyfile(FIXTURES / "0002_remiss_search.utredning", b)
    assert main(["sla-ihop", str(a), str(b), "--json"]) == 0  # upgrades a; b read as a copy
    assert json.loads(capsys.readouterr().out) == {
        "nya": 0,
        "andrade": 0,
        "borttagna": 0,
        "konflikter": 0,
    }
    option_id = edit(a, lambda s: _rename(s, "Ändrad i A"))
    edit(b, lambda s: setattr(first(s, m.Proposal), "title", "Ändrad i B"))
    assert merge_copy(a, b).counts == {"nya": 0, "andrade": 1, "borttagna": 0, "konflikter": 0}
    assert merge_copy(b, a).counts == {"nya": 0, "andrade": 1, "borttagna": 0, "konflikter": 0}
    assert values(b, m.GovernanceOption, option_id)["name"] == "Ändrad i A"
    assert_same_shared(a, b)


def _rename(session: object, name: str) -> str:
    option = first(session, m.GovernanceOption)  # type: ignore[arg-type]
    option.name = name
    return str(option.id)


def _as_format_1(archive: dict[str, Any]) -> dict[str, Any]:
    """The archive as the released format 1 (schema revision 0002) held it: only the tables
    and columns that ``arkiv-v1.schema.json`` knows, no version rows."""
    v1_tables = load_schema(1)["properties"]["tables"]["properties"]
    archive["format_version"] = 1
    archive["schema_revision"] = "0002_remiss_search"
    del archive["versions"]
    archive["tables"] = {
        name: [
            {k: v for k, v in row.items() if k in v1_tables[name]["items"]["properties"]}
            for row in rows
        ]
        for name, rows in archive["tables"].items()
        if name in v1_tables
    }
    return archive


def test_a_version_1_archive_still_imports_and_its_copies_merge(
    demo_path: Path, tmp_path: Path
) -> None:
    archive = _as_format_1(build_archive(demo_path))
    source = tmp_path / "gammalt.json"
    source.write_text(dumps(archive), encoding="utf-8")
    a, b = tmp_path / "a.utredning", tmp_path / "b.utredning"
    import_archive(source, a).close()
    import_archive(source, b).close()
    assert merge_copy(a, b).counts == {"nya": 0, "andrade": 0, "borttagna": 0, "konflikter": 0}
    edit(b, lambda s: _rename(s, "Från B"))
    assert merge_copy(a, b).counts == {"nya": 0, "andrade": 1, "borttagna": 0, "konflikter": 0}


def test_a_version_2_archive_keeps_the_versions(demo_path: Path, tmp_path: Path) -> None:
    """`dela` and import-json go through the archive: a shared copy stays mergeable, and a
    change made before sharing is not seen as a conflict afterwards."""
    edit(demo_path, lambda s: _rename(s, "Före delning"))
    member = tmp_path / "delad.utredning"
    share_copy(demo_path, member)
    edit(member, lambda s: _rename(s, "Efter delning"))
    assert merge_copy(demo_path, member).counts == {
        "nya": 0,
        "andrade": 1,
        "borttagna": 0,
        "konflikter": 0,
    }


def test_export_warns_and_names_open_conflicts(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = tmp_path / "kopia.utredning"
    shutil.copyfile(demo_path, member)
    edit(demo_path, lambda s: _rename(s, "Sekretariatets"))
    edit(member, lambda s: _rename(s, "Ledamotens"))
    merge_copy(demo_path, member)
    capsys.readouterr()
    assert main(["export", "delrapport", str(demo_path), "-o", str(tmp_path / "d.docx")]) == 0
    err = capsys.readouterr().err
    assert "1 olösta konflikter" in err and "Sekretariatets" in err


def test_a_change_package_merges_like_the_copy_and_is_small(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = tmp_path / "anna.utredning"
    share_copy(demo_path, member)
    from utredning_app.services.conflicts import set_copy_owner

    set_copy_owner(member, "Anna", "S")

    def work(session: object) -> None:
        add = session.add  # type: ignore[attr-defined]
        first(session, m.GovernanceOption).name = "Annas namn"
        proposal = first(session, m.Proposal)
        add(
            m.Dissent(
                kind="reservation",
                proposal_id=proposal.id,
                title="Reservation (S)",
                text_md="Vi reserverar oss.\n\n" * 20,
                visibility=Visibility.GRUPPEN,
            )
        )
        add(
            m.Note(
                title="Privat",
                body_md="PRIVAT-I-PAKET",
                visibility=Visibility.PRIVAT,
                author="Anna",
                author_party="S",
            )
        )
        add(
            m.Note(
                title="Parti",
                body_md="PARTI-I-PAKET",
                visibility=Visibility.PARTI,
                author="Anna",
                author_party="S",
            )
        )

    edit(member, work, actor="Anna (S)")
    package = tmp_path / "anna.andringar"
    assert main(["andringar", str(member), "-o", str(package)]) == 0
    raw = package.read_bytes()
    assert len(raw) < 100 * 1024
    import gzip

    body = gzip.decompress(raw.split(b"\n", 2)[2])
    assert b"PRIVAT-I-PAKET" not in body and b"PARTI-I-PAKET" not in body
    via_copy = tmp_path / "via-kopia.utredning"
    shutil.copyfile(demo_path, via_copy)
    capsys.readouterr()
    assert main(["sla-ihop", str(demo_path), str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "nya": 1,
        "andrade": 1,
        "borttagna": 0,
        "konflikter": 0,
    }
    assert main(["sla-ihop", str(via_copy), str(member), "--json"]) == 0
    capsys.readouterr()
    assert_same_shared(demo_path, via_copy)
    # the same package again: nothing
    assert main(["sla-ihop", str(demo_path), str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nya"] == 0


@pytest.mark.parametrize("how", ["dela", "filkopia"])
def test_an_untouched_copy_sends_an_empty_package_and_one_edit_sends_one_row(
    how: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy handed out and not yet edited has changed nothing: its package is empty (it
    held the whole investigation, 260 kB, before). One edit later it holds that row only."""
    member = tmp_path / "ledamot.utredning"
    if how == "dela":
        share_copy(demo_path, member)
    else:
        shutil.copyfile(demo_path, member)
    package = tmp_path / "tomt.andringar"
    capsys.readouterr()
    assert main(["andringar", str(member), "-o", str(package)]) == 0
    assert "0 ändrade rader" in capsys.readouterr().out
    assert main(["sla-ihop", str(demo_path), str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "nya": 0,
        "andrade": 0,
        "borttagna": 0,
        "konflikter": 0,
    }
    edit(member, lambda s: setattr(first(s, m.GovernanceOption), "name", "Ledamotens namn"))
    assert main(["andringar", str(member), "-o", str(package)]) == 0
    assert "1 ändrad rad," in capsys.readouterr().out
    assert main(["sla-ihop", str(demo_path), str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["andrade"] == 1


def test_damaged_altered_and_foreign_packages_are_refused(
    demo_path: Path, empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = tmp_path / "kopia.utredning"
    shutil.copyfile(demo_path, member)
    edit(member, lambda s: _rename(s, "Ändrat"))
    package = tmp_path / "p.andringar"
    assert main(["andringar", str(member), "-o", str(package)]) == 0
    data = package.read_bytes()
    before = demo_path.read_bytes()
    altered = tmp_path / "ändrat.andringar"
    altered.write_bytes(data[:-10] + bytes(b ^ 1 for b in data[-10:]))
    cut = tmp_path / "avkortat.andringar"
    cut.write_bytes(data[: len(data) // 2])
    for bad in (altered, cut):
        capsys.readouterr()
        assert main(["sla-ihop", str(demo_path), str(bad)]) != 0
        assert "kontrollsumman" in capsys.readouterr().err
    assert main(["sla-ihop", str(empty_path), str(package)]) != 0
    assert "annan utredning" in capsys.readouterr().err
    assert demo_path.read_bytes() == before


def test_the_text_history_kept_for_merging_stays_small(demo_path: Path) -> None:
    def rewrite(n: int) -> Any:
        def change(session: object) -> str:
            proposal = first(session, m.Proposal)  # type: ignore[arg-type]
            proposal.text_md = f"Version {n}.\n\nSamma slut."
            return str(proposal.id)

        return change

    for n in range(8):
        proposal_id = edit(demo_path, rewrite(n))
    conn = sqlite3.connect(demo_path)
    try:
        kept = conn.execute(
            "SELECT count(*) FROM text_base WHERE row_id = ? AND column_name = 'text_md' "
            "AND replica_id NOT LIKE 'legacy:%'",
            (proposal_id,),
        ).fetchone()[0]
    finally:
        conn.close()
    assert kept == 4  # the text the copy was handed out with, and this copy's newest three


def test_a_shared_copy_does_not_get_the_files_open_conflicts(
    demo_path: Path, tmp_path: Path
) -> None:
    member = tmp_path / "kopia.utredning"
    shutil.copyfile(demo_path, member)
    edit(demo_path, lambda s: _rename(s, "Sekretariatets"))
    edit(member, lambda s: _rename(s, "Ledamotens"))
    merge_copy(demo_path, member)
    from utredning_app.services.conflicts import list_conflicts

    shared = tmp_path / "delad.utredning"
    share_copy(demo_path, shared)
    assert len(list_conflicts(demo_path)) == 1
    assert list_conflicts(shared) == []
    assert len(build_archive(demo_path)["versions"]["merge_conflict"]) == 1
