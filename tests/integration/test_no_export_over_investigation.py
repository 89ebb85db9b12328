"""No export, whatever its kind, may replace an investigation file with its output
(`utredning export delrapport x.utredning -o x.utredning` once left a ZIP file there)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from utredning_app.cli import main
from utredning_app.errors import UserError


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command",
    [
        ["export", "delrapport"],
        ["export", "tjansteutlatande"],
        ["export-xlsx", "remiss"],
        ["export-xlsx", "kostnader"],
        ["export-json"],
        ["logg"],
    ],
)
def test_cli_exports_refuse_an_investigation_as_target(
    command: list[str],
    demo_path: Path,
    empty_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for target in (demo_path, empty_path):
        before = _sha(target)
        code = main([*command, str(demo_path), "-o", str(target)])
        err = capsys.readouterr().err
        assert code != 0
        assert "skrivs inte över" in err or "ska sparas som" in err or ".csv eller .xlsx" in err
        assert _sha(target) == before


def test_service_export_refuses_the_investigation_itself(demo_path: Path) -> None:
    from utredning_app.services.exports import export_document

    before = _sha(demo_path)
    with pytest.raises(UserError, match="skrivs inte över"):
        export_document("slutrapport", demo_path, demo_path)
    assert _sha(demo_path) == before
