"""The yardstick for the program's start: a bare PySide6 main window of the same size,
shown in a fresh process, which prints one line when it has been painted and quits.

``benchmarks.gui`` times this line's arrival exactly as it times the program's
``--selftest`` lines, so ``gui_start_ratio`` compares like with like.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _Painted(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            times = os.times()
            print(f"ritat (processortid {times.user + times.system:.2f} s)", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 820)
    painted = _Painted()
    window.installEventFilter(painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
