"""`pip install .` (not only editable) gives a working install with its data folders."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_migrations_templates_and_resources(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("utredningsstod-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "utredning_app/_data/db/migrations/env.py" in names
    assert any(n.startswith("utredning_app/_data/db/migrations/versions/0001") for n in names)
    assert "utredning_app/_data/resources/schema/arkiv-v1.schema.json" in names
    assert any(n.startswith("utredning_app/_data/resources/demo/") for n in names)

    # Install it into a bare folder and use it from outside the checkout.
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "UTREDNING_DATA_DIR": str(tmp_path / "d")}
    code = (
        "import utredning_app.paths as p, sys;"
        "root = p.data_root();"
        "assert '_data' in str(root), root;"
        "from utredning_app.cli import main;"
        f"sys.exit(main(['demo', r'{tmp_path / 'demo.utredning'}']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo.utredning").exists()
