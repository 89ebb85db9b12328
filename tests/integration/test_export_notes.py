"""Issue 13: after a Word export the command prints the export's notes (which edition was
written, no edition, a missing signatory)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from utredning_app.cli import main as cli_main


def test_cli_prints_the_edition_and_signatory_notes(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["export", "delrapport", str(demo_path), "-o", str(tmp_path / "d.docx")]) == 0
    out = capsys.readouterr().out
    assert "Obs: Utgåvan" in out and "så som den skickades" in out, out

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE investigation SET signatory = ''")
    conn.commit()
    conn.close()
    target = tmp_path / "tu.docx"
    assert cli_main(["export", "tjansteutlatande", str(demo_path), "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Obs: Tjänsteutlåtandet saknar namn på undertecknaren" in out, out
