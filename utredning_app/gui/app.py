"""QApplication set-up and the main loop (placeholder window until the GUI issue lands)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from utredning_app import APP_NAME
from utredning_app.errors import UserError


def run(path: Path | None, *, selftest: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    tmp: tempfile.TemporaryDirectory[str] | None = None
    if path is None and selftest:
        from utredning_app.storage.database import create_database

        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "självtest.utredning"
        create_database(path, title="Självtest").close()
    window = QMainWindow()
    title = APP_NAME
    if path is not None:
        from utredning_app.storage.database import open_database

        try:
            db = open_database(path)
            with db.reader() as session:
                title = f"{db.investigation(session).title} – {APP_NAME}"
            db.close()
        except UserError as exc:
            if selftest:
                print(f"självtest: {exc.message}", file=sys.stderr)
                return 1
            QMessageBox.warning(window, APP_NAME, exc.message)
    window.setWindowTitle(title)
    window.setCentralWidget(QLabel(title))
    window.resize(1100, 750)
    window.show()
    if selftest:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    if tmp is not None:
        tmp.cleanup()
    return code
