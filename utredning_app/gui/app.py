"""QApplication set-up, translations, style, the main loop and the self-test."""

from __future__ import annotations

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
    from utredning_app.gui.tasks import Task

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


def run(path: Path | None, *, selftest: bool = False) -> int:
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

    if selftest and path is None:
        from utredning_app.storage.database import create_database

        assert tmp is not None
        path = Path(tmp.name) / "självtest.utredning"
        create_database(path, title="Självtest").close()
    # Start reading the file before building the window: the worker imports SQLAlchemy and
    # checks the file while the main thread builds and shows the window.
    identity = settings.identity()
    opening = (
        main_window.start_opening(path, identity.actor if identity else "")
        if path is not None
        else None
    )
    window = main_window.MainWindow(settings, ask_identity=not selftest)
    if selftest:
        assert path is not None and opening is not None
        return _selftest(app, window, path, started, tmp, opening)
    window.show()
    if path is not None:
        window.open_path(path, opening)
    return app.exec()


def _selftest(
    app: QApplication,
    window: object,
    path: Path,
    started: float,
    tmp: tempfile.TemporaryDirectory[str] | None,
    opening: Task,
) -> int:
    from utredning_app.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    result: dict[str, object] = {"code": 1, "message": "självtest: tidsgränsen gick ut"}

    def painted(key: str) -> None:
        elapsed = time.perf_counter() - started
        result["code"] = 0
        result["message"] = f"självtest: ok – vyn {key} visades efter {elapsed:.3f} s"
        QTimer.singleShot(0, app.quit)

    def failed(message: str) -> None:
        result["message"] = f"självtest: {message}"
        QTimer.singleShot(0, app.quit)

    window.view_painted.connect(painted)
    window.show()
    task = window.open_path(path, opening)
    task.failed.disconnect()
    task.failed.connect(failed)
    QTimer.singleShot(SELFTEST_TIMEOUT_MS, app.quit)
    app.exec()
    window.close()
    stream = sys.stdout if result["code"] == 0 else sys.stderr
    if stream is not None:  # a windowed frozen app on Windows has no console streams
        print(result["message"], file=stream)
    if tmp is not None:
        tmp.cleanup()
    return 0 if result["code"] == 0 else 1
