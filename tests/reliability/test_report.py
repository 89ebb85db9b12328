"""The `make reliability` table: issue 16's figures before → now, "–" where not measured."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability import report, stats
from tests.reliability.mutation import _by_module, read_equivalents


def _write(path: Path, *entries: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def test_figures_not_measured_are_shown_as_a_dash() -> None:
    now = report.now_figures([], {})
    assert set(now) == {key for key, _label, _old in report.BEFORE}
    assert set(now.values()) == {report.NOT_MEASURED}


def test_figures_are_read_from_cases_and_figures() -> None:
    entries: list[dict[str, object]] = [
        {"kind": "formula", "case": "exporter", "survived": True},
        {"kind": "privacy", "case": "historik-logg", "survived": True},
        {"kind": "privacy", "case": "arkiv", "survived": False},
        {"kind": "fuzz", "case": "schema-vägrad[utlösare]", "survived": True},
        {"kind": "fuzz", "case": "schema-vägrad[saknad-tabell]", "survived": False},
        {"kind": "fuzz", "case": "importfuzz-instanslista", "survived": True},
        {"kind": "fuzz", "case": "remissvar-tom", "survived": True},
    ]
    figures = {
        "mutation_killed": 1530,
        "mutation_considered": 1600,
        "mutation_equivalent": 40,
        "importfuzz_seconds": 60,
    }
    now = report.now_figures(entries, figures)
    assert now["mutation"] == "1530/1600 ≈ 95,6 % (40 ekvivalenta undantagna)"
    assert now["formula"] == "0 (1 kontroller)"
    assert now["privacy"] == "1 läckte (2 kontroller, 1 av historik)"
    assert now["schema"] == "1 av 2 klarade"
    assert now["importfuzz"] == "1 körningar, 0 med traceback, 60 s vardera"
    assert report.now_figures(entries, {"formula_cells_found": 3})["formula"] == "3"


def test_report_prints_before_and_now_and_ignores_figure_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "stats.jsonl"
    monkeypatch.setenv("UTREDNING_RELIABILITY_STATS", str(target))
    stats.record("kill", "ny-fil", survived=True)
    stats.figure("mutation_killed", 9)
    stats.figure("mutation_considered", 10)
    assert report.main([str(target)]) == 0
    out = capsys.readouterr().out
    assert "61/80 ≈ 76 % (stickprov); 1155/1696 ≈ 68 %" in out
    assert "9/10 ≈ 90,0 %" in out
    assert "Konstruerade schemafiler som vägras" in out
    failing = _write(tmp_path / "fel.jsonl", {"kind": "fuzz", "case": "x", "survived": False,
                                              "bytes_lost": 0})  # fmt: skip
    assert report.main([str(failing)]) == 1


def test_every_equivalent_mutant_has_a_reason() -> None:
    equivalents = read_equivalents()
    assert all(name.startswith("utredning_app.domain.") for name in equivalents)
    assert all(reason for reason in equivalents.values())


def test_mutants_are_grouped_by_module() -> None:
    statuses = {
        "utredning_app.domain.costs.x_value_for__mutmut_1": "killed",
        "utredning_app.domain.appraisal.xǁAppraisalInputǁscore__mutmut_2": "survived",
        "utredning_app.domain.costs.xǁHorizonǁindex__mutmut_1": "killed",
    }
    groups = _by_module(statuses)
    assert sorted(groups) == ["appraisal", "costs"]
    assert len(groups["costs"]) == 2
