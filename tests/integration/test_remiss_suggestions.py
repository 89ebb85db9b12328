"""Suggested coding from the command line, on the demo investigation; nothing is coded."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from utredning_app.cli import main as cli_main


def test_foresla_json_lists_every_pair_and_changes_nothing(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    assert cli_main(["remiss", "foresla", str(demo_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert rows and set(rows[0]) == {
        "svar_id",
        "instans",
        "forslag",
        "stallning",
        "mening",
        "start",
        "slut",
    }
    answers = {r["svar_id"] for r in rows}
    assert len(rows) == len(answers) * 6  # every answer × the six proposals on remiss
    danderyd = {r["forslag"]: r for r in rows if r["instans"].startswith("Danderyds")}
    assert danderyd[2]["stallning"] == "tillstyrker_med_synpunkter"
    assert danderyd[2]["mening"] == "Styrelsen tillstyrker förslag 2 med synpunkter."
    assert danderyd[8]["stallning"] == "ingen_erinran"
    nothing = [r for r in rows if r["stallning"] is None]
    assert all(r["mening"] == "" and r["start"] is None for r in nothing)


def test_foresla_text_names_the_evidence(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["remiss", "foresla", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "förslag 8: Ingen erinran – «Styrelsen har ingen erinran mot förslag 8.»" in out
    assert "Inget har kodats" in out


def test_agreement_with_the_hand_coding(demo_path: Path) -> None:
    from benchmarks.stance_suggestions import demo_agreement, heldout_agreement

    equal, total = demo_agreement(demo_path)
    assert total >= 80 and equal / total >= 0.9
    equal, total = heldout_agreement(demo_path)
    assert total >= 50 and equal / total >= 0.8
