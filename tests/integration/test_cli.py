"""The `utredning` command as a user runs it: exit codes, Swedish output, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from utredning_app.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_info_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ny.utredning"
    code, out, _ = run(capsys, "new", str(path), "--titel", "Översyn av vårdvalen", "--dnr", "RS 1")
    assert code == 0 and "Ny utredning skapad" in out
    code, out, _ = run(capsys, "info", str(path))
    assert code == 0
    assert "Översyn av vårdvalen" in out and "Schemaversion" in out
    code, out, _ = run(capsys, "info", str(path), "--json")
    info = json.loads(out)
    assert info["counts"]["investigation"] == 1
    assert info["diarienummer"] == "RS 1"
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and "inga fel" in out


def test_demo_info_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.utredning"
    assert run(capsys, "demo", str(path))[0] == 0
    code, out, _ = run(capsys, "info", str(path), "--json")
    assert code == 0
    counts = json.loads(out)["counts"]
    assert counts["investigation"] == 1
    assert counts["consultee"] >= 20
    assert counts["response"] >= 12
    assert 4 <= counts["governance_option"] <= 6


def test_export_import_json(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "arkiv.json"
    assert run(capsys, "export-json", str(demo_path), "-o", str(out))[0] == 0
    target = tmp_path / "kopia.utredning"
    assert run(capsys, "import-json", str(out), str(target))[0] == 0
    assert run(capsys, "check", str(target))[0] == 0


def test_errors_are_one_swedish_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "inte.utredning"
    bogus.write_text("hej")
    code, out, err = run(capsys, "info", str(bogus))
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and "inte en utredningsfil" in err
    code, _, err = run(capsys, "info", str(tmp_path / "saknas.utredning"))
    assert code != 0 and "finns inte" in err


def test_swedish_help_and_usage_errors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "utredning_app.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "användning:" in result.stdout and "export-json" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "utredning_app.cli", "new"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "fel:" in result.stderr and "krävs" in result.stderr
