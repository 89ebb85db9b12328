"""The cost and appraisal views on the demo investigation (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from utredning_app.storage.database import open_database


@pytest.fixture
def workspace(demo_path: Path) -> Iterator[object]:
    from utredning_app.gui.workspace import Workspace

    ws = Workspace(open_database(demo_path, actor="Testaren"))
    yield ws
    ws.close()


def test_cost_view_shows_summary_charts_and_simulation(qtbot: QtBot, workspace: object) -> None:
    from utredning_app.gui.views.cost_analysis import View

    view = View()
    qtbot.addWidget(view)
    view.set_workspace(workspace)  # type: ignore[arg-type]
    view.resize(1200, 900)
    view.show()
    assert view.table.rowCount() == 5
    assert "nollalternativ" in view.table.item(0, 0).text()
    assert view.table.item(1, 5).text().startswith("−")  # B is cheaper than the baseline
    assert view.ranges_chart.drawn and view.diff_chart.drawn and view.years_chart.drawn
    assert view.tornado_chart.drawn
    view.draws.setValue(2000)
    view.run_simulation()
    qtbot.waitUntil(lambda: view.simulation is not None, timeout=20000)
    assert view.sim_table.rowCount() == 5
    assert view.sim_chart.drawn
    p10 = view.sim_table.item(0, 1).data(0x0100)
    p90 = view.sim_table.item(0, 3).data(0x0100)
    assert p10 <= p90


def test_cost_view_imports_a_workbook(qtbot: QtBot, workspace: object, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from utredning_app.gui.views.cost_analysis import View
    from utredning_app.services.estimates import export_cost_workbook

    view = View()
    qtbot.addWidget(view)
    view.set_workspace(workspace)  # type: ignore[arg-type]
    before = view.table.item(0, 2).text()
    high_before = view.table.item(0, 3).data(0x0100)
    out = tmp_path / "k.xlsx"
    layout = export_cost_workbook(Path(workspace.path), out)  # type: ignore[attr-defined]
    wb = load_workbook(out)
    row, col = next(
        pos for pos, ref in layout.inputs.items() if ref.scenario and ref.scenario.value == "high"
    )
    cell = wb["Indata"].cell(row=row, column=col)
    cell.value = float(cell.value) + 100
    wb.save(out)
    assert view.import_from(out, confirm=False)
    assert view.table.item(0, 2).text() == before  # base unchanged, high raised by 100
    assert view.table.item(0, 3).data(0x0100) > high_before


def test_appraisal_view_shows_profiles_side_by_side(qtbot: QtBot, workspace: object) -> None:
    from utredning_app.gui.views.appraisal_analysis import View

    view = View()
    qtbot.addWidget(view)
    view.set_workspace(workspace)  # type: ignore[arg-type]
    view.resize(1200, 900)
    view.show()
    assert view.ranks.columnCount() == 10  # the group's weights + 9 profiles
    assert view.ranks.rowCount() == 5
    assert view.problems.isHidden()
    assert view.profile.count() == 10
    assert view.stability_table.rowCount() == 5
    view.profile.setCurrentIndex(2)
    assert view.stability_chart.drawn
