"""Agreement of the suggested stances with the hand coding: on the demo's answers and on the
held-out answers of benchmarks/data/stance_heldout.toml (written before the rules were
tuned). Missing suggestions count as wrong."""

from __future__ import annotations

import tomllib
from pathlib import Path

from benchmarks.common import ROOT

HELDOUT = ROOT / "benchmarks" / "data" / "stance_heldout.toml"


def demo_agreement(demo_path: Path) -> tuple[int, int]:
    from utredning_app.services.stance_suggest import agreement, hand_coding, suggest_round
    from utredning_app.storage.database import open_database

    with open_database(demo_path, read_only=True) as db:
        answers = suggest_round(db)
        coded = hand_coding(db)
    suggested = {a.response_id: {s.number: s.stance for s in a.suggestions} for a in answers}
    return agreement(suggested, coded)


def heldout_agreement(demo_path: Path) -> tuple[int, int]:
    from utredning_app.domain.enums import StanceKind
    from utredning_app.services.remiss_rounds import round_proposals, select_round
    from utredning_app.services.stance_suggest import agreement, suggest_for_response
    from utredning_app.storage.database import open_database

    with open_database(demo_path, read_only=True) as db, db.reader() as s:
        proposals = [(p.id, p.number, p.title) for p in round_proposals(s, select_round(s, None))]
    data = tomllib.loads(HELDOUT.read_text(encoding="utf-8"))
    suggested: dict[str, dict[int, StanceKind | None]] = {}
    coded: dict[str, dict[int, StanceKind]] = {}
    for answer in data["answer"]:
        name = answer["name"]
        found = suggest_for_response(answer["text"], proposals)
        suggested[name] = {x.number: x.stance for x in found}
        coded[name] = {int(k): StanceKind(v) for k, v in answer["coding"].items()}
    return agreement(suggested, coded)


def run(results: dict[str, float], demo_path: Path) -> None:
    equal, total = demo_agreement(demo_path)
    results["stance_suggestion_agreement_demo"] = equal / total if total else 0.0
    print(f"förslag till ställningstaganden, demo: {equal} av {total} lika")
    equal, total = heldout_agreement(demo_path)
    results["stance_suggestion_agreement_heldout"] = equal / total if total else 0.0
    print(f"förslag till ställningstaganden, undanhållna svar: {equal} av {total} lika")
