"""`utredning screenshots`: bad arguments are Swedish one-line errors, not tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from utredning_app.errors import UserError
from utredning_app.gui.screenshots import render_views


def test_output_folder_that_is_a_file_is_a_swedish_error(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    """Once a FileExistsError traceback (the folder argument named the investigation)."""
    before = demo_path.read_bytes()
    with pytest.raises(UserError, match="kan inte skapas"):
        render_views(demo_path, demo_path)
    assert demo_path.read_bytes() == before


def test_unknown_view_is_named(qtbot: QtBot, demo_path: Path, tmp_path: Path) -> None:
    """Once silently nothing at all, with exit status 0."""
    with pytest.raises(UserError, match=r"Okänd vy: oversikt.*overview"):
        render_views(demo_path, tmp_path / "bilder", keys=["oversikt"])
    assert not (tmp_path / "bilder").exists()


def test_one_view_is_written(qtbot: QtBot, demo_path: Path, tmp_path: Path) -> None:
    written = render_views(demo_path, tmp_path / "bilder", keys=["members"])
    assert [p.name for p in written] == ["02-members.png"]
    assert written[0].stat().st_size > 10_000


def test_a_window_size_is_in_the_picture_and_its_name(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    written = render_views(
        demo_path, tmp_path / "bilder", keys=["members"], size=QSize(1024, 700), suffix="-1024x700"
    )
    assert [p.name for p in written] == ["02-members-1024x700.png"]
    image = QImage(str(written[0]))
    assert (image.width(), image.height()) == (1024, 700)
