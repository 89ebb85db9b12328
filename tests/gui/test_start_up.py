"""Start-up paints the window shell first and opens the file behind it (issue 15, Speed).

The first paint must not wait for SQLAlchemy, Alembic or the export libraries: a fresh
process records ``sys.modules`` at the first paint event of any widget. Then the states a
person sees: "Öppnar …" while the file opens, the view when it is there, the welcome page
again when the open fails or is cancelled, and the lock question at start.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "docx", "openpyxl")

# Runs the real program (``run``) in a fresh process; an application-wide event filter notes
# what is imported and which page the window shows at the first paint event of any widget.
PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget

app = QApplication(sys.argv[:1])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["modules"] = sorted(sys.modules)
            stacks = [w.findChild(QStackedWidget, "viewStack") for w in app.topLevelWidgets()]
            page = next(s.currentWidget() for s in stacks if s is not None)
            seen["page"] = page.objectName()
            seen["text"] = " ".join(label.text() for label in page.findChildren(QLabel))
        return False

spy = FirstPaint()
app.installEventFilter(spy)
from utredning_app.gui.app import run
code = run(Path(sys.argv[1]), selftest=True)
seen["code"] = code
seen["at_end"] = sorted(m for m in sys.modules if m.split(".")[0] in {"sqlalchemy"})
print("PROBE " + json.dumps(seen))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "UTREDNING_DATA_DIR": str(tmp_path / "data"),
        "UTREDNING_SETTINGS_DIR": str(tmp_path / "inställningar"),
    }


def test_first_paint_shows_opening_without_the_storage_or_export_libraries(
    tmp_path: Path, demo_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(demo_path)],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.split("PROBE ", 1)[1])
    loaded = {name.split(".")[0] for name in probe["modules"]}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    assert "utredning_app.storage" not in probe["modules"]
    assert probe["page"] == "loading"
    assert "Öppnar demo.utredning" in probe["text"]
    # The probe does see imports: by the time the data view is painted SQLAlchemy is there.
    assert probe["code"] == 0 and "sqlalchemy" in probe["at_end"]
    shell = result.stdout.index("självtest: fönstret ritat")
    assert shell < result.stdout.index("självtest: ok")
    # Closed before the program ended (it skips the last garbage collection): no lock left.
    from utredning_app.storage.lock import lock_path_for

    assert not lock_path_for(demo_path).exists()
    beside = [p.name for p in demo_path.parent.iterdir() if p.is_file()]
    assert beside == ["demo.utredning"]  # no lock, no journal


def test_a_file_locked_elsewhere_asks_at_start_then_opens_read_only(
    tmp_path: Path, demo_path: Path
) -> None:
    """The real start (not the self-test): the lock question comes over the painted window;
    "Öppna skrivskyddad" opens the file read-only."""
    from utredning_app.storage.lock import LockOwner, lock_path_for

    colleague = LockOwner(user="bertil", host="bertils-laptop", pid=4242, since="2026-01-02T03:04")
    lock_path_for(demo_path).write_text(json.dumps(dataclasses.asdict(colleague)), "utf-8")
    script = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from utredning_app.gui.main_window import MainWindow

asked = []

def poll():
    app = QApplication.instance()
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            asked.append(widget.text())
            for button in widget.buttons():
                if button.text().replace("&", "") == "Öppna skrivskyddad":
                    button.click()
        if isinstance(widget, MainWindow) and widget.workspace is not None:
            print("ASKED", asked)
            print("TITLE", widget.windowTitle())
            print("VIEW", widget.current_view_key())
            widget.close()
            app.quit()
            return
    QTimer.singleShot(20, poll)

QApplication(sys.argv[:1])
from utredning_app.gui import settings

settings.configure()  # UTREDNING_SETTINGS_DIR: a name given before, so only the lock asks
settings.AppSettings().set_identity(settings.Identity("Tina Testare", "S", "Ledamot"))
QTimer.singleShot(0, poll)
from utredning_app.gui.app import run
run(Path(sys.argv[1]))
"""
    result = subprocess.run(
        [sys.executable, "-c", script, str(demo_path)],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "bertils-laptop" in result.stdout.split("ASKED", 1)[1].splitlines()[0]
    assert "(skrivskyddad)" in result.stdout.split("TITLE", 1)[1].splitlines()[0]
    assert result.stdout.split("VIEW ", 1)[1].splitlines()[0] == "overview"


def _empty_window(qtbot: QtBot) -> Any:
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.gui.settings import AppSettings

    window = MainWindow(AppSettings(), ask_identity=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_opening_shows_its_state_until_the_view_is_there(qtbot: QtBot, demo_path: Path) -> None:
    window = _empty_window(qtbot)
    assert window.stack.currentWidget() is window.welcome
    with qtbot.waitSignal(window.file_opened, timeout=30_000):
        window.open_path(demo_path)
        assert window.stack.currentWidget() is window.loading
        assert window.loading.isVisible()
        assert "Öppnar demo.utredning" in window.loading.label.text()
    assert window.stack.currentWidget() is window.views["overview"]
    window.close()


def test_a_failed_open_goes_back_to_the_welcome_page(
    qtbot: QtBot, tmp_path: Path, message_boxes: list[str]
) -> None:
    window = _empty_window(qtbot)
    bad = tmp_path / "trasig.utredning"
    bad.write_bytes(b"inte sqlite")
    task = window.open_path(bad)
    assert window.stack.currentWidget() is window.loading
    with qtbot.waitSignal(task.failed, timeout=30_000):
        pass
    assert window.stack.currentWidget() is window.welcome
    assert message_boxes and "inte en utredningsfil" in message_boxes[0]
    window.close()


def test_cancelling_the_open_goes_back_to_the_welcome_page(qtbot: QtBot, demo_path: Path) -> None:
    window = _empty_window(qtbot)
    task = window.open_path(demo_path)
    assert window.stack.currentWidget() is window.loading
    progress = task.dialog
    assert isinstance(progress, QProgressDialog)
    progress.show()  # it would appear by itself after 0,4 s of a slow open
    cancel = next(
        b for b in progress.findChildren(QPushButton) if b.text().replace("&", "") == "Avbryt"
    )
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.welcome
    qtbot.waitUntil(lambda: task.dialog is None, timeout=30_000)  # the work has ended
    assert window.workspace is None and window.stack.currentWidget() is window.welcome
    window.close()
