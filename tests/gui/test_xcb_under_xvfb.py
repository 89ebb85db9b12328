"""The GUI on the platform a Linux user has: xcb on a real X server (Xvfb), not offscreen.

Offscreen hid both a missing-library abort of the xcb plugin and the mouse-click bug of the
master–detail views. This module starts its own Xvfb on a free display and runs, in
subprocesses with QT_QPA_PLATFORM=xcb, the self-test and the mouse-driven GUI tests. Without
Xvfb it fails: .ci/run installs it (and the xcb libraries).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Mouse-driven tests that need no window manager (no activateWindow on a bare X server).
MOUSE_TESTS = [
    "tests/gui/test_master_detail_clicks.py",
    "tests/gui/test_interaction.py::test_a_double_click_opens_the_edit_dialog_once",
    "tests/gui/test_interaction.py::test_opening_from_the_welcome_list_shows_the_restored_view_alone",
    "tests/gui/test_interaction.py::test_opening_from_the_recent_menu_shows_the_restored_view_alone",
]


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail("Xvfb saknas: installera paketet xvfb (.ci/run gör det)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1366x768x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # Xvfb picks a free display and writes it here
        if not number.isdigit():
            server.kill()
            _, err = server.communicate(timeout=10)
            pytest.fail(f"Xvfb startade inte: {err.decode(errors='replace')[-300:]}")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _env(display: str, tmp_path: Path) -> dict[str, str]:
    # Not the parent run's pytest/xdist variables: the child is a run of its own.
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "WAYLAND_DISPLAY" and not k.startswith(("PYTEST_", "PYTEST_XDIST"))
    }
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        PYTHONPATH=str(ROOT),
        UTREDNING_SETTINGS_DIR=str(tmp_path / "inställningar"),
        UTREDNING_DATA_DIR=str(tmp_path / "data"),
    )
    return env


def test_the_window_opens_a_file_under_xcb(display: str, demo_path: Path, tmp_path: Path) -> None:
    from utredning_app.platform_check import missing_xcb_packages

    assert missing_xcb_packages() == [], "the xcb plugin cannot load its libraries"
    result = subprocess.run(
        [sys.executable, "-m", "utredning_app", "--selftest", str(demo_path)],
        env=_env(display, tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-1500:]
    assert "qt.qpa.plugin" not in result.stderr


def test_mouse_driven_gui_tests_pass_under_xcb(display: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *MOUSE_TESTS],
        cwd=ROOT,
        env=_env(display, tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert " passed" in result.stdout
