"""The cost model's report blocks: the slutrapport carries the app's own present values,
simulation, tornado diagrams and party rankings (text, tables and pictures read back)."""

from __future__ import annotations

from pathlib import Path

from tests.word_helpers import docx_text
from utredning_app.domain.costs import cost_summary
from utredning_app.exporting import cost_tables
from utredning_app.services.estimates import read_cost_model


def _docx_text(path: Path) -> tuple[str, int]:
    from docx import Document

    return docx_text(path), len(Document(str(path)).inline_shapes)


def test_slutrapport_has_present_values_simulation_and_rankings(
    demo_path: Path, tmp_path: Path
) -> None:
    from utredning_app.services.exports import export_document

    out = tmp_path / "slutrapport.docx"
    export_document("slutrapport", demo_path, out)
    text, pictures = _docx_text(out)
    assert "Partiernas viktning" in text and "Nuvärde och osäkerhet" in text
    assert "Rangordning per viktprofil: placering (1 = bäst)" in text
    assert "Osäkerhet (Monte Carlo), nuvärde i mnkr" in text
    assert "Skattningar som styr osäkerheten i alternativ" in text
    # The figures in the report are the app's own.
    _, model = read_cost_model(demo_path)
    table = cost_tables.cost_table(cost_summary(model))
    for row in table.rows:
        assert row[1] in text and row[2] in text
    assert pictures >= 6
