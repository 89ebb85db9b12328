"""Regenerate ``utredning_app/gui/forms/ui_*.py`` from the Designer forms in ``ui/``.

``python -m utredning_app.gui.forms.build`` (needs ``pyside6-uic`` beside the Python running
it, or on PATH). The generated files are committed; a test checks regenerating changes nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parent
UI_DIR = FORMS_DIR.parents[2] / "ui"
HEADER = "# generated — do not edit: regenerate with `python -m utredning_app.gui.forms.build`\n"


def uic_executable() -> str:
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic hittades inte (installera PySide6).")
    return found


def generate(ui_file: Path) -> str:
    result = subprocess.run(
        [uic_executable(), "--no-autoconnection", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    body = "\n".join(
        line for line in result.stdout.splitlines() if not line.startswith("## Created by")
    )
    return HEADER + body.rstrip() + "\n"


def targets() -> dict[Path, Path]:
    return {ui: FORMS_DIR / f"ui_{ui.stem}.py" for ui in sorted(UI_DIR.glob("*.ui"))}


def main() -> int:
    for ui, target in targets().items():
        target.write_text(generate(ui), encoding="utf-8")
        print(f"{ui.name} -> {target.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
