"""What ``make run`` does: open the demo investigation in the window, or, where there is no
display (a server, a container), say so in one line and write the demo file and its reports.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from utredning_app import paths


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def demo_file() -> Path:
    """The demo investigation in the user's data folder, created on first use."""
    target = paths.user_data_dir() / "demo.utredning"
    if not target.exists():
        # Only then: the storage layer (SQLAlchemy) stays off the way to the first paint.
        from utredning_app.services.demo import create_demo

        target.parent.mkdir(parents=True, exist_ok=True)
        create_demo(target).close()
    return target


def write_reports(path: Path) -> list[Path]:
    """Headless: write what can be written without a window. Returns the files written."""
    from utredning_app.services.headless import write_demo_outputs

    return write_demo_outputs(path, paths.user_data_dir() / "rapporter")


def main() -> int:
    if has_display():
        from utredning_app.platform_check import xcb_problem

        if (problem := xcb_problem()) is not None:  # say what to install instead of dying
            print(problem, file=sys.stderr)
            return 1
    path = demo_file()
    if not has_display():
        print(
            "Ingen skärm hittades (DISPLAY saknas), så fönstret kan inte öppnas – "
            f"skriver i stället demoutredningen och dess rapporter till {paths.user_data_dir()}."
        )
        print(f"  {path}")
        for written in write_reports(path):
            print(f"  {written}")
        return 0
    from utredning_app.__main__ import main as gui_main

    return gui_main([str(path)])


if __name__ == "__main__":
    raise SystemExit(main())
