"""QApplication set-up, translations, style, the main loop and the self-test."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from utredning_app import APP_NAME, paths

if TYPE_CHECKING:
    from utredning_app.gui.main_window import MainWindow
    from utredning_app.services.files import ServerLocation

SELFTEST_TIMEOUT_MS = 20_000


def _app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv[:1])


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Swedish is the source language; English loads our .qm. Qt's own texts follow."""
    QLocale.setDefault(QLocale("sv_SE"))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir) or qt_translator.load(
        f"qt_{language}", qt_dir
    ):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language != "sv":
        ours = QTranslator(app)
        folder = paths.resources_dir() / "translations"
        if ours.load(f"utredningsstod_{language}", str(folder)):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    qss = paths.resources_dir() / "style" / "app.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def run(path: Path | ServerLocation | None, *, selftest: bool = False) -> int:
    started = time.perf_counter()
    tmp: tempfile.TemporaryDirectory[str] | None = None
    from utredning_app.gui import settings as settings_mod

    if selftest:
        tmp = tempfile.TemporaryDirectory(prefix="utredning-selftest-")
        # Leave nothing behind: the backup made when a file is opened goes to the temporary
        # folder too (so the self-test measures the open *with* that backup, the slow case).
        os.environ.setdefault("UTREDNING_BACKUP_DIR", str(Path(tmp.name) / "säkerhetskopior"))
        settings_mod.configure(Path(tmp.name) / "settings")
    app = _app()
    from utredning_app.gui.none_guard import guard_singletons

    guard_singletons()  # PySide6 6.12 on Python 3.11 would otherwise abort after enough calls
    settings_mod.configure() if not selftest else None
    app.setApplicationDisplayName(APP_NAME)
    settings = settings_mod.AppSettings()
    install_translations(app, settings.language())
    apply_style(app)

    from utredning_app.gui import main_window
    from utredning_app.gui.startup import after_first_paint

    # The shell first (menus, sidebar, "Öppnar …"): nothing before the first paint imports
    # SQLAlchemy; the file is opened in a worker thread once the window is on the screen.
    window = main_window.MainWindow(settings, ask_identity=not selftest)
    if selftest:
        assert tmp is not None
        return _selftest(app, window, path, started, tmp)
    if path is not None:
        opening = path
        window.show_loading(opening)
        # No preload thread at the paint: Översikt from first_look comes first, undisturbed.
        after_first_paint(window, lambda: window.open_path(opening))
    window.show()
    code = app.exec()
    if window.workspace is None:  # closed by the window (not, say, a bare quit())
        _skip_final_collection()
    return code


def _skip_final_collection() -> None:
    """The program is about to end and its file is closed: spare Python's last garbage
    collection, which would walk every object the session made (SQLAlchemy, Qt wrappers) for
    ~0.5 s after the window has gone. Only call it once nothing holds a resource."""
    gc.freeze()


def _cpu() -> str:
    """The process's CPU time so far (all threads): steadier than wall time on a busy machine."""
    times = os.times()
    return f" (processortid {times.user + times.system:.2f} s)"


def _selftest(
    app: QApplication,
    window: MainWindow,
    path: Path | ServerLocation | None,
    started: float,
    tmp: tempfile.TemporaryDirectory[str],
) -> int:
    from utredning_app.gui.startup import after_first_paint

    result: dict[str, object] = {"code": 1, "message": "självtest: tidsgränsen gick ut"}

    def shell_painted() -> None:
        # One line as soon as the window is on the screen (`make bench` times its arrival).
        if sys.stdout is not None:
            elapsed = time.perf_counter() - started
            print(f"självtest: fönstret ritat efter {elapsed:.3f} s{_cpu()}", flush=True)
        task = (
            window.open_path(path)
            if path is not None
            else window.create_file(Path(tmp.name) / "självtest.utredning", "Självtest", "")
        )
        task.failed.disconnect()
        task.failed.connect(failed)

    done: set[str] = set()

    def finish(step: str) -> None:
        # Quit once the first view has been painted with the file's data (at start it may
        # come from first_look, before the file is open) and the file is open.
        done.add(step)
        if done == {"painted", "opened"}:
            result["code"] = 0
            QTimer.singleShot(0, app.quit)

    def painted(key: str) -> None:
        if "painted" in done:
            return
        elapsed = time.perf_counter() - started
        if sys.stdout is not None:  # at once, before closing the file (`make bench` times it)
            print(f"självtest: ok – vyn {key} visades efter {elapsed:.3f} s{_cpu()}", flush=True)
        finish("painted")

    def opened(_path: Path) -> None:
        elapsed = time.perf_counter() - started
        if sys.stdout is not None:
            print(f"självtest: filen öppnad efter {elapsed:.3f} s{_cpu()}", flush=True)
        finish("opened")

    def failed(message: str) -> None:
        result["message"] = f"självtest: {message}"
        QTimer.singleShot(0, app.quit)

    window.view_painted.connect(painted)
    window.file_opened.connect(opened)
    if path is not None:
        window.show_loading(path)
    after_first_paint(window, shell_painted)
    window.show()
    QTimer.singleShot(SELFTEST_TIMEOUT_MS, app.quit)
    app.exec()
    window.close()
    if result["code"] != 0 and sys.stderr is not None:  # none in a windowed frozen app
        print(result["message"], file=sys.stderr)
    tmp.cleanup()
    if window.workspace is None:
        _skip_final_collection()
    return 0 if result["code"] == 0 else 1
