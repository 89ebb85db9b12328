"""Designer forms are up to date; the self-test starts the real program in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from utredning_app.gui.forms import build

ROOT = Path(__file__).resolve().parents[2]


def test_regenerating_the_forms_changes_nothing() -> None:
    targets = build.targets()
    assert len(targets) >= 4
    for ui, generated in targets.items():
        assert generated.is_file(), (
            f"{generated.name} saknas: kör python -m utredning_app.gui.forms.build"
        )
        assert build.generate(ui) == generated.read_text(encoding="utf-8"), ui.name


def _selftest(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "UTREDNING_DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "utredning_app", "--selftest", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=ROOT,
    )


def test_selftest_with_a_temporary_investigation(tmp_path: Path) -> None:
    result = _selftest(tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "självtest: ok" in result.stdout
    assert "Warning" not in result.stderr


def test_selftest_with_a_file(tmp_path: Path, demo_path: Path) -> None:
    result = _selftest(str(demo_path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr


def test_selftest_fails_on_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.utredning"
    bad.write_bytes(b"inte sqlite")
    result = _selftest(str(bad), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "inte en utredningsfil" in result.stderr


def test_main_window_file_suffix_matches_storage() -> None:
    from utredning_app.gui import files, main_window
    from utredning_app.storage import database

    assert main_window.FILE_SUFFIX == files.FILE_SUFFIX == database.FILE_SUFFIX


def test_start_up_path_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys; import utredning_app.gui.main_window, utredning_app.gui.app;"
        "print('sqlalchemy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert result.stdout.strip() == "False"


def test_selftest_leaves_no_backup_in_the_user_folder(tmp_path: Path, demo_path: Path) -> None:
    env_backups = tmp_path / "data" / "sakerhetskopior"
    result = subprocess.run(
        [sys.executable, "-m", "utredning_app", "--selftest", str(demo_path)],
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k != "UTREDNING_BACKUP_DIR"},
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "UTREDNING_DATA_DIR": str(tmp_path / "data"),
        },
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert not env_backups.exists() or not any(env_backups.rglob("*.utredning"))
