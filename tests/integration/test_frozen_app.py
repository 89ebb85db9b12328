"""`make dist`: the PyInstaller onedir build starts and passes the same --selftest.

About 30–80 s on this machine; part of `make test` (and so of CI) because issue 3 asks
for the frozen app to be built and self-tested on every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_frozen_app_passes_the_selftest(tmp_path: Path, demo_path: Path) -> None:
    if (
        shutil.which("pyinstaller") is None
        and not Path(sys.executable).with_name("pyinstaller").exists()
    ):
        pytest.fail("PyInstaller saknas: installera utvecklingsberoendena (pip install -e .[dev])")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=1800,
    )
    exe = (
        tmp_path
        / "dist"
        / "Utredningsstod"
        / ("Utredningsstod.exe" if sys.platform == "win32" else "Utredningsstod")
    )
    assert exe.is_file()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "UTREDNING_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("PYTHONPATH", None)
    for args in ([], [str(demo_path)]):
        result = subprocess.run(
            [str(exe), "--selftest", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        assert "självtest: ok" in result.stdout
