"""Start-up paints the window shell first and opens the file behind it (issue 15, Speed).

The first paint must not wait for SQLAlchemy, Alembic or the export libraries: a fresh
process records ``sys.modules`` at the first paint event of any widget. Then the states a
person sees: "Öppnar …" while the file opens, the view when it is there, the welcome page
again when the open fails or is cancelled, and the lock question at start.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from utredning_app.storage.schema_version import KNOWN_REVISIONS

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "schema"
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

def look():
    stacks = [w.findChild(QStackedWidget, "viewStack") for w in app.topLevelWidgets()]
    page = next(s.currentWidget() for s in stacks if s is not None)
    return {
        "modules": sorted(sys.modules),
        "page": page.objectName(),
        "text": " ".join(label.text() for label in page.findChildren(QLabel)),
    }

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if not seen:
                seen.update(look())
            if watched.objectName() == "view_overview" and "overview" not in seen:
                seen["overview"] = look()
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
    # Then Översikt with the file's data (first_look), still without them.
    overview = probe["overview"]
    assert overview["page"] == "view_overview"
    assert "Parlamentarisk utredning om styrningen" in overview["text"]
    assert "Diarienummer: <b>RS 2022-0845</b>" in overview["text"]
    loaded = {name.split(".")[0] for name in overview["modules"]}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    assert "utredning_app.storage.models" not in overview["modules"]
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


def test_opening_shows_its_state_until_the_view_is_there(qtbot: QtBot, tmp_path: Path) -> None:
    """A file the quick read declines (here: one that needs upgrading) shows "Öppnar …"
    until it is open, and nothing of it before."""
    older = tmp_path / "äldre.utredning"
    shutil.copyfile(FIXTURES / f"{KNOWN_REVISIONS[-2]}.utredning", older)
    window = _empty_window(qtbot)
    assert window.stack.currentWidget() is window.welcome
    with qtbot.waitSignal(window.file_opened, timeout=30_000):
        window.open_path(older)
        assert window.stack.currentWidget() is window.loading
        assert window.loading.isVisible()
        assert "Öppnar äldre.utredning" in window.loading.label.text()
        assert window.views == {}
    assert window.stack.currentWidget() is window.views["overview"]
    window.close()


def _counts(window: Any) -> dict[str, str]:
    return {table: label.text() for table, label in window.views["overview"].count_labels.items()}


def test_overview_shows_the_files_data_at_once_and_becomes_editable_when_open(
    qtbot: QtBot, demo_path: Path
) -> None:
    """Before the file is open: its Översikt (title, counts, Tidplan) read without the ORM,
    nothing to edit and no other view to go to; once open, the same figures, the same view,
    and the sidebar and the edit button work."""
    window = _empty_window(qtbot)
    task = window.open_path(demo_path)
    view = window.views["overview"]
    assert window.stack.currentWidget() is view and window.workspace is None
    assert view.title_label.text().startswith("Parlamentarisk utredning om styrningen")
    before = _counts(window)
    assert before["member"] == "20" and before["proposal"] != "0"
    milestones = view.milestones
    assert milestones.model.rowCount() > 0
    assert not view.edit_button.isEnabled()
    assert not window.sidebar.isEnabled()
    assert not any(
        a.isEnabled()
        for a in (milestones.add_action, milestones.edit_action, milestones.delete_action)
    )
    shown_rows = milestones.model.rowCount()
    # "Öppnar …" with Avbryt only if the open is slow indeed, not flashed over the data.
    from utredning_app.gui.main_window import SLOW_OPEN_MS

    assert task.dialog is not None and task.dialog.minimumDuration() == SLOW_OPEN_MS
    with qtbot.waitSignal(window.file_opened, timeout=30_000):
        assert not task.is_started() or task.is_running()
    assert window.workspace is not None
    assert window.views["overview"] is view and window.stack.currentWidget() is view
    assert _counts(window) == before and milestones.model.rowCount() == shown_rows
    assert view.edit_button.isEnabled() and window.sidebar.isEnabled()
    # Usable as a person would use it: a click in the sidebar goes to another view.
    sidebar = window.sidebar
    item = next(
        sidebar.item(r)
        for r in range(sidebar.count())
        if sidebar.item(r).data(Qt.ItemDataRole.UserRole) == "proposals"
    )
    rect = sidebar.visualItemRect(item)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_view_key() == "proposals"
    window.close()


def test_a_file_refused_after_its_overview_showed_goes_back_to_the_welcome_page(
    qtbot: QtBot, demo_path: Path, message_boxes: list[str]
) -> None:
    """The quick read shows Översikt; the full open's checks (here: an unreadable value in a
    table Översikt only counts) refuse the file: the message, the welcome page, no views,
    and the file as it was."""
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute("UPDATE member SET name = X'00ff' WHERE rowid = 1")
    conn.close()
    digest = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    window = _empty_window(qtbot)
    task = window.open_path(demo_path)
    assert window.stack.currentWidget() is window.views["overview"]
    with qtbot.waitSignal(task.failed, timeout=30_000):
        pass
    assert window.stack.currentWidget() is window.welcome and window.views == {}
    assert window.workspace is None and not window.sidebar.isEnabled()
    assert message_boxes and "inte kan läsa (tabellen Ledamöter" in message_boxes[0]
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in demo_path.parent.iterdir() if p.is_file()) == ["demo.utredning"]
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
    assert window.stack.currentWidget() is window.views["overview"]  # from first_look
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
    assert window.views == {}
    assert sorted(p.name for p in demo_path.parent.iterdir() if p.is_file()) == ["demo.utredning"]
    window.close()
