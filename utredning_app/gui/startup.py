"""Start-up in steps: paint the window shell first, then the file's Översikt, then open the
file behind it.

Importing SQLAlchemy and mapping the models costs about a third of a second, longer than Qt
needs to put a window on the screen. So nothing on the way to the first paint imports it
(``tests/gui/test_start_up.py`` checks): the window shows its menus, the sidebar and
"Öppnar …" (:class:`LoadingPage`). Then Översikt is filled from a read with the standard
library's ``sqlite3`` (``services.overview.first_look``), still without SQLAlchemy, and only
once that view is painted does the worker thread import the storage layer and open the file
(lock, backup, checks); until then nothing is editable. A file that read declines (older,
locked, …) shows "Öppnar …" until it is open.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LoadingPage(QWidget):
    """What the window shows while a file is being opened and no view has data yet."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("loading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        self.label = QLabel()
        self.label.setObjectName("viewHeading")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addStretch(2)

    def show_opening(self, name: str) -> None:
        # The main window's own words for it (status bar, progress dialog): one translation.
        text = QCoreApplication.translate("MainWindow", "Öppnar %1 …")
        self.label.setText(text.replace("%1", name))


class _FirstPaint(QObject):
    """See :func:`after_first_paint`."""

    def __init__(
        self, widget: QWidget, callback: Callable[[], Any], preload: Callable[[], Any] | None
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._preload = preload
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            if self._preload is not None:
                threading.Thread(target=self._preload, name="förladdning", daemon=True).start()
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        self._callback()
        self.deleteLater()


def after_first_paint(
    widget: QWidget, callback: Callable[[], Any], *, preload: Callable[[], Any] | None = None
) -> None:
    """Run ``callback`` on the GUI thread in the next turn of the event loop after
    ``widget``'s first paint event, so that frame is finished before slow work starts.

    ``preload`` (no Qt in it: imports) starts in a thread at the paint event itself, while
    Qt paints in C++ without needing Python, instead of one event loop turn later.
    """
    _FirstPaint(widget, callback, preload)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while the storage layer is imported and the file opened.

    Importing SQLAlchemy and mapping the models makes hundreds of thousands of objects, none
    of them garbage, and the collector would walk them again and again (about a sixth of the
    import's time). Collection resumes afterwards, if it was on before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
