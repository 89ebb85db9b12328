"""Uninvited answers and the CLI's ways to decide: --ny-instans, --instans, a terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.remiss_helpers import (
    UNINVITED,
    add_ministry_consultees,
    ensure_round,
    write_docx_answer,
    write_uninvited_answer,
)
from tests.word_helpers import docx_text
from utredning_app.cli import main as cli_main
from utredning_app.domain.enums import ConsulteeType
from utredning_app.services import consultees as reg
from utredning_app.services.responses import (
    FileProposal,
    MatchMethod,
    analyse_files,
    commit_import,
    import_answers,
    register_as_new,
)
from utredning_app.storage.database import Database, open_database

WHEN = "2023-09-01"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_uninvited_answer_is_refused_without_the_flag_and_registered_with_it(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(empty_path) as db:
        ensure_round(db)
    answer = write_uninvited_answer(tmp_path / "skr.docx")
    path = str(empty_path)
    code, _out, err = _run(capsys, "import", "remissvar", path, str(answer), "--inkom", WHEN)
    assert code == 1
    assert "skr.docx: ingen remissinstans känns igen" in err and "--ny-instans" in err
    with open_database(empty_path) as db:
        assert UNINVITED not in {c.name for c in reg.list_consultees(db)}
    code, out, _err = _run(
        capsys, "import", "remissvar", path, str(answer), "--inkom", WHEN,
        "--ny-instans", "--typ", "Organisation",
    )  # fmt: skip
    assert code == 0, out
    assert f"skr.docx: inläst som svar från {UNINVITED}" in out
    assert "ny instans (ej inbjuden): underskriften «För Sveriges Kommuner och Regioner»" in out
    with open_database(empty_path) as db:
        (new,) = [c for c in reg.list_consultees(db) if c.name == UNINVITED]
        assert not new.invited and new.type is ConsulteeType.ORGANISATION
    _code, listed, _err = _run(capsys, "remiss", "instanser", path)
    assert f"{UNINVITED} – Organisation (ej inbjuden)" in listed
    out_docx = tmp_path / "sammanstallning.docx"
    code, _o, err = _run(capsys, "export", "remissammanstallning", path, "-o", str(out_docx))
    assert code == 0, err
    text = docx_text(out_docx)
    assert "Övriga som har yttrat sig" in text
    assert f"{UNINVITED} (organisation, inkom 1 september 2023)" in text or (
        f"{UNINVITED} (organisation, inkom 2023-09-01)" in text
    )


def test_two_files_from_one_new_sender_make_one_consultee(db: Database, tmp_path: Path) -> None:
    ensure_round(db)
    first = write_uninvited_answer(tmp_path / "a.docx")
    second = tmp_path / "b.docx"
    write_uninvited_answer(second)
    import docx

    document = docx.Document(str(second))
    document.add_paragraph("Bilaga: statistik.")
    document.save(second)
    found = [register_as_new(p) for p in analyse_files(db, [first, second])]
    assert all(p.method is MatchMethod.NEW and p.new_consultee for p in found)
    result = commit_import(db, found, received=dt.date(2023, 9, 1))
    assert len(result.imported) == 2
    assert [c.name for c in reg.list_consultees(db)].count(UNINVITED) == 1


def test_instans_assigns_every_file_and_names_a_near_miss(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(empty_path) as db:
        ensure_round(db)
    files = [
        write_docx_answer(tmp_path / f"bilaga {i}.docx", "Avdelningen", [f"Bilaga {i}."])
        for i in range(2)
    ]
    args = ["import", "remissvar", str(empty_path), *map(str, files), "--inkom", WHEN]
    code, _out, err = _run(capsys, *args, "--instans", "Patientnämnd")
    assert code != 0 and "«Patientnämnd» finns inte" in err and "«Patientnämnden»" in err
    code, out, err = _run(capsys, *args, "--instans", "patientnämnden")
    assert code == 0, err
    assert out.count("inläst som svar från Patientnämnden") == 2


def test_typ_without_ny_instans_and_unknown_typ_are_refused(
    empty_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = write_uninvited_answer(tmp_path / "skr.docx")
    args = ["import", "remissvar", str(empty_path), str(answer)]
    code, _o, err = _run(capsys, *args, "--typ", "Organisation")
    assert code != 0 and "ange också --ny-instans" in err
    code, _o, err = _run(capsys, *args, "--ny-instans", "--typ", "Hittepå")
    assert code != 0 and "Okänd typ «Hittepå»" in err


def test_uncertain_match_is_asked_in_a_terminal_and_refused_without(
    db: Database, empty_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db.close()
    with open_database(empty_path) as opened:
        add_ministry_consultees(opened)
    # A joint answer: two consultees in letterhead and signature, neither surely the sender.
    answer = write_docx_answer(
        tmp_path / "svar.docx", "Socialstyrelsen och Regeringskansliet", ["Inget att invända."]
    )
    args = ["import", "remissvar", str(empty_path), str(answer), "--inkom", WHEN]
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _out, err = _run(capsys, *args)
    assert code == 1 and "osäker matchning (närmast «" in err
    # In a terminal the CLI asks; the user picks the first alternative.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    answers = iter(["x", "1"])
    monkeypatch.setattr("builtins.input", lambda _prompt="": next(answers))
    code, out, _err = _run(capsys, *args)
    assert code == 0, out
    assert "vilken remissinstans är avsändare?" in out
    first = out.split("  1  ")[1].split(" (")[0]
    assert first in ("Socialstyrelsen", "Regeringskansliet") and "Svara med en siffra" in out
    assert f"inläst som svar från {first}" in out


def test_ask_callback_can_skip_a_file(db: Database, tmp_path: Path) -> None:
    add_ministry_consultees(db)
    answer = write_docx_answer(
        tmp_path / "svar.docx", "Socialstyrelsen och Regeringskansliet", ["Inget att invända."]
    )
    seen: list[str] = []

    def ask(p: FileProposal, alternatives: list[tuple[str, str, float]]) -> FileProposal:
        seen.append(alternatives[0][1])
        return p

    db.close()
    result = import_answers(db.path, [answer], ask=ask, received=dt.date(2023, 9, 1))
    assert seen and seen[0] in ("Socialstyrelsen", "Regeringskansliet")
    assert not result.imported and result.rejected
