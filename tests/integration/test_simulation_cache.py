"""Issue 13 (speed): the report's Monte Carlo is kept by a hash of its inputs in the user's data
folder, and a report written from the kept figures is the same document."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from utredning_app import paths
from utredning_app.domain.costs import CostModelInput
from utredning_app.domain.uncertainty import simulate
from utredning_app.exporting import simulation_cache
from utredning_app.exporting.simulation_cache import cache_dir, cached_simulation
from utredning_app.services.exports import export_document
from utredning_app.services.report_data import load_report_data


def _model(path: Path) -> CostModelInput:
    model = load_report_data(path).cost_model
    assert model is not None
    return model


def test_kept_figures_equal_a_fresh_simulation(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _model(demo_path)
    first = cached_simulation(model, draws=2000)
    assert first == simulate(model, draws=2000)
    kept = list(cache_dir().glob("*.json"))
    assert len(kept) == 1 and kept[0].is_relative_to(paths.user_data_dir())

    def fail(*_a: object, **_k: object) -> None:
        raise AssertionError("simulated again")

    monkeypatch.setattr(simulation_cache, "simulate", fail)
    assert cached_simulation(model, draws=2000) == first  # read back, not simulated


def test_a_changed_model_or_a_damaged_file_simulates_again(demo_path: Path) -> None:
    model = _model(demo_path)
    cached_simulation(model, draws=1000)
    changed = dataclasses.replace(model, discount_rate=model.discount_rate + 0.01)
    assert cached_simulation(changed, draws=1000) == simulate(changed, draws=1000)
    assert len(list(cache_dir().glob("*.json"))) == 2
    for kept in cache_dir().glob("*.json"):
        kept.write_text('{"format": 1, "options": [{"id": "x"}]}', encoding="utf-8")
    assert cached_simulation(model, draws=1000) == simulate(model, draws=1000)


def test_report_from_kept_figures_is_the_same_document(demo_path: Path, tmp_path: Path) -> None:
    cold = export_document("slutrapport", demo_path, tmp_path / "kall.docx")
    assert list(cache_dir().glob("*.json"))
    warm = export_document("slutrapport", demo_path, tmp_path / "varm.docx")
    assert cold.out.read_bytes() == warm.out.read_bytes()


def test_the_simulation_starts_with_the_read_and_not_for_a_sent_edition(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export starts the Monte Carlo once the cost model is read and uses that run (one
    simulation per document); a fastställd slutrapport written as its sent edition runs none."""
    import datetime as dt

    from sqlalchemy import select

    from utredning_app.domain.enums import ReportKind, ReportStatus
    from utredning_app.exporting.blocks import cost_model
    from utredning_app.services.editions import edition_bytes, list_editions, record_edition
    from utredning_app.storage import models as m
    from utredning_app.storage.database import open_database

    with open_database(demo_path, actor="Testaren") as db, db.transaction() as s:
        report = s.scalars(select(m.Report).where(m.Report.kind == ReportKind.SLUTRAPPORT)).one()
        report.status = ReportStatus.FASTSTALLD
        report.report_date = dt.date(2024, 3, 1)
    record_edition(demo_path, "slutrapport")
    (edition,) = [e for e in list_editions(demo_path) if e.kind == ReportKind.SLUTRAPPORT]

    runs: list[int] = []
    simulation = cost_model._simulation

    def counted(model: CostModelInput, *, threads: int | None = None) -> object:
        runs.append(threads or 0)
        return simulation(model, threads=threads)

    monkeypatch.setattr(cost_model, "_simulation", counted)
    sent = tmp_path / "skickad.docx"
    export_document("slutrapport", demo_path, sent)
    assert sent.read_bytes() == edition_bytes(demo_path, edition.id)
    assert runs == []  # nothing was built, so nothing was simulated
    export_document("slutrapport", demo_path, tmp_path / "aktuell.docx", current=True)
    assert len(runs) == 1 and runs[0] >= 1  # started in the background once, and used
