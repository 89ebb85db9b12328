"""`make run` without a display: one plain line, then the demo file and its outputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_headless_run_writes_demo_and_reports(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["UTREDNING_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "utredning_app.launcher"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    first, *written = result.stdout.splitlines()
    assert first.startswith("Ingen skärm hittades")
    assert str(tmp_path / "data") in first
    demo = tmp_path / "data" / "demo.utredning"
    assert demo.is_file()
    paths = [Path(line.strip()) for line in written]
    assert demo in paths
    for path in paths:
        assert path.is_file() and path.stat().st_size > 0
        assert (tmp_path / "data") in path.parents
    assert "Traceback" not in result.stderr
