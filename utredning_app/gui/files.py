"""Arkiv: opening, creating and copying investigation files, as background ``Op``s.

The main window asks for names and shows the result; the work runs here, through
``services.files`` (the GUI never imports storage). Nothing here imports SQLAlchemy at module
level: the window paints before the storage layer is imported (gui/startup.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from utredning_app.gui.operations import Op

if TYPE_CHECKING:
    from utredning_app.services.files import Database, ServerLocation
    from utredning_app.services.overview import FirstLook

# Same as storage.database.FILE_SUFFIX (a test checks): SQLAlchemy (~0.3 s to import) stays off
# the start-up path; the worker thread imports it and opens the file once the window is painted.
FILE_SUFFIX = ".utredning"


def preload_storage() -> None:
    """Import what opening a file needs (SQLAlchemy, the models; ~0.3 s), off the GUI thread
    and only once the window is painted (gui/startup.py)."""
    from utredning_app.gui.startup import paused_gc

    with paused_gc():
        from utredning_app.services import files  # noqa: F401


def first_look(path: Path | ServerLocation) -> FirstLook | None:
    """The file's Översikt read without SQLAlchemy (a few milliseconds), for the window to
    show at start while the full open runs; None for a file that must be opened first."""
    if not isinstance(path, Path):
        return None  # a server investigation: opened the whole way (no quick read)
    from utredning_app.gui.operations import Query
    from utredning_app.services.overview import first_look as read_first_look

    look: FirstLook | None = Query.now(lambda: read_first_look(path))
    return look


def _open(path: Path | ServerLocation, actor: str, read_only: bool, take_over: bool) -> Database:
    preload_storage()  # in this worker thread, unless already done
    from utredning_app.services.files import open_file

    return open_file(path, actor=actor, read_only=read_only, take_over=take_over)


def start_opening(
    path: Path | ServerLocation,
    actor: str,
    parent: QWidget | None = None,
    label: str = "",
    *,
    read_only: bool = False,
    take_over: bool = False,
    start: bool = True,
    min_duration: int = 400,
) -> Op:
    """Start opening ``path`` in a worker thread; hand the op to ``MainWindow.open_path``.
    A cancelled open closes the file it opened meanwhile. ``start=False``: the caller starts
    it (after painting the first view). The progress dialog shows after ``min_duration`` ms."""
    op = Op(
        lambda _ctx: _open(path, actor, read_only, take_over),
        parent,
        label,
        discard=lambda db: db.close(),
        show_progress=parent is not None,
        min_duration=min_duration,
    )
    return op.start() if start else op


def start_creating(
    path: Path, title: str, diarienummer: str, actor: str, parent: QWidget, label: str
) -> Op:
    """Create a new investigation at ``path`` in a worker thread (the op's result: the open
    file)."""

    def create(_ctx: object) -> Database:
        from utredning_app.services.files import create_file

        return create_file(path, title=title, diarienummer=diarienummer, actor=actor)

    return Op(create, parent, label, discard=lambda db: db.close()).start()


def copy_work(source: Path, target: Path) -> Path:
    """A consistent copy of the open file (SQLite's backup API), for Spara kopia som…."""
    from utredning_app.services.files import copy_file

    return copy_file(source, target)
