"""Update the translation sources and compile them: ``python -m utredning_app.gui.i18n_build``.

Swedish is the source language. ``pyside6-lupdate`` collects every ``tr()`` /
``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP`` string from the GUI code and the
Designer forms into ``resources/translations/utredningsstod_en.ts`` (existing translations are
kept; edit the file in Qt Linguist), and ``pyside6-lrelease`` compiles it to the ``.qm`` the
program loads when English is chosen in Inställningar.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = {"en": "en_GB"}


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} hittades inte (installera PySide6).")
    return found


def sources() -> list[Path]:
    gui = ROOT / "utredning_app" / "gui"
    files = [p for p in sorted(gui.rglob("*.py")) if "forms" not in p.parts]
    return files + sorted((ROOT / "ui").glob("*.ui"))


def update(code: str) -> Path:
    ts = TS_DIR / f"utredningsstod_{code}.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, sources()), "-ts", str(ts),
         "-source-language", "sv_SE", "-target-language", LANGUAGES[code],
         "-no-obsolete", "-locations", "none"],
        check=True,
    )  # fmt: skip
    return ts


def release(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return qm


def main() -> int:
    for code in LANGUAGES:
        print(release(update(code)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
