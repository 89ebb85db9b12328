"""gui/operations.py: the one background runner – progress, Avbryt with the mouse, failures."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from utredning_app.errors import UserError
from utredning_app.gui.operations import Context, Op, Query


def test_op_reports_progress_and_its_result_on_the_ui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    threads: list[threading.Thread] = []

    def work(ctx: Context) -> int:
        threads.append(threading.current_thread())
        for step in range(3):
            ctx.progress(step + 1, 3, f"Steg {step + 1}")
        return 42

    steps: list[tuple[int, int, str]] = []
    op = Op(work, parent, "Arbetar …")
    op.progressed.connect(lambda done, total, text: steps.append((done, total, text)))
    with qtbot.waitSignal(op.finished, timeout=10_000) as blocker:
        op.start()
    assert blocker.args == [42]
    assert steps == [(1, 3, "Steg 1"), (2, 3, "Steg 2"), (3, 3, "Steg 3")]
    assert threads and threads[0] is not threading.main_thread()
    assert not op.is_running() and op.dialog is None


def test_avbryt_stops_work_that_checks_and_nothing_else_is_reported(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()

    def work(ctx: Context) -> str:
        started.set()
        while True:
            ctx.check()
            threading.Event().wait(0.01)

    op = Op(work, parent, "Arbetar …")
    outcomes: list[object] = []
    op.finished.connect(outcomes.append)
    op.failed.connect(outcomes.append)
    assert op.dialog is not None
    op.dialog.show()  # it would appear by itself after 0,4 s
    op.start()
    assert started.wait(10)
    cancel = next(
        b for b in op.dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Avbryt"
    )
    with qtbot.waitSignal(op.cancelled, timeout=10_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert outcomes == []


def test_a_refusal_becomes_its_swedish_message_and_a_crash_a_message(qtbot: QtBot) -> None:
    def refuse(_ctx: Context) -> None:
        raise UserError("Filen är skrivskyddad.")

    op = Op(refuse, None)
    with qtbot.waitSignal(op.failed, timeout=10_000) as blocker:
        op.start()
    assert blocker.args == ["Filen är skrivskyddad."]
    assert isinstance(op.error, UserError)

    def crash(_ctx: Context) -> None:
        raise ZeroDivisionError("x")

    op = Op(crash, None)
    with qtbot.waitSignal(op.failed, timeout=10_000) as blocker:
        op.start()
    assert blocker.args[0].startswith("Ett oväntat fel inträffade: ZeroDivisionError")


def test_query_reads_now_or_in_the_background(qtbot: QtBot) -> None:
    assert Query.now(lambda: 7) == 7
    query = Query(lambda: threading.current_thread() is threading.main_thread())
    with qtbot.waitSignal(query.finished, timeout=10_000) as blocker:
        query.start()
    assert blocker.args == [False]


def test_an_op_starts_once_and_one_cancelled_before_it_started_never_runs(
    qtbot: QtBot,
) -> None:
    """The opening at start is made first and started after Översikt's paint (or a timer):
    a second start does nothing, and Avbryt before the start ends it at once."""
    runs: list[int] = []
    op = Op(lambda _ctx: runs.append(1), None, "")
    with qtbot.waitSignal(op.finished, timeout=10_000):
        op.start()
        op.start()
    op.start()  # after the end, too
    qtbot.wait(50)
    assert runs == [1] and op.is_started() and not op.is_running()

    never = Op(lambda _ctx: runs.append(2), None, "")
    outcomes: list[str] = []
    never.cancelled.connect(lambda: outcomes.append("avbruten"))
    never.finished.connect(lambda _r: outcomes.append("klar"))
    never.cancel()
    assert outcomes == ["avbruten"] and not never.is_running()
    never.start()  # the paint that comes after Avbryt
    qtbot.wait(100)
    assert runs == [1] and outcomes == ["avbruten"] and not never.is_started()
