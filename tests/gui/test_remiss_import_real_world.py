"""The import table with real-world answers: the sender's evidence, uninvited answers."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tests.remiss_helpers import add_ministry_consultees, write_ministry_letter_pdf
from utredning_app.gui.remiss import import_widget as iw
from utredning_app.gui.remiss.workbench import RemissWorkbench
from utredning_app.services import coding
from utredning_app.storage.database import Database


@pytest.fixture
def bench(qtbot: QtBot, db: Database) -> RemissWorkbench:
    add_ministry_consultees(db)
    widget = RemissWorkbench()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.set_database(db)
    widget.show()
    return widget


def _drop(qtbot: QtBot, bench: RemissWorkbench, files: list[Path]) -> iw.ImportWidget:
    importer = bench.importer
    bench.setCurrentWidget(importer)
    importer.received.setDate(QDate(2023, 9, 1))
    importer.add_files(files)
    qtbot.waitUntil(lambda: importer.table.rowCount() == len(files), timeout=20000)
    qtbot.waitUntil(lambda: importer.table.isEnabled(), timeout=20000)
    return importer


def test_the_table_shows_how_the_sender_was_found(
    qtbot: QtBot, bench: RemissWorkbench, db: Database, tmp_path: Path
) -> None:
    letter = write_ministry_letter_pdf(tmp_path / "remissvar.pdf")
    importer = _drop(qtbot, bench, [letter])
    combo = importer.table.cellWidget(0, iw.COL_WHO)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Socialstyrelsen"
    assert importer.table.item(0, iw.COL_HOW).text().startswith("avslutningen")
    evidence = importer.table.item(0, iw.COL_EVIDENCE).text()
    assert "brevhuvudet «SOCIALSTYRELSEN»" in evidence and "sidfoten" in evidence
    use = importer.table.item(0, iw.COL_USE)
    assert use.checkState() == Qt.CheckState.Checked
    with qtbot.waitSignal(importer.imported):
        qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    (row,) = coding.responses_in_round(db)
    assert row.consultee == "Socialstyrelsen"


def test_one_click_registers_an_uninvited_sender(
    qtbot: QtBot, bench: RemissWorkbench, db: Database, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QPushButton

    from tests.remiss_helpers import UNINVITED, write_uninvited_answer
    from utredning_app.services import consultees as reg

    answer = write_uninvited_answer(tmp_path / "skr.docx")
    importer = _drop(qtbot, bench, [answer])
    use = importer.table.item(0, iw.COL_USE)
    assert use.checkState() == Qt.CheckState.Unchecked  # matches no consultee
    button = importer.table.cellWidget(0, iw.COL_NEW)
    assert isinstance(button, QPushButton) and button.text() == "Ny instans"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    combo = importer.table.cellWidget(0, iw.COL_WHO)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == f"{UNINVITED} (ny, ej inbjuden)"
    assert importer.table.item(0, iw.COL_HOW).text() == "ny instans (ej inbjuden)"
    assert (
        "underskriften «För Sveriges Kommuner och Regioner»"
        in importer.table.item(0, iw.COL_EVIDENCE).text()
    )
    assert importer.table.item(0, iw.COL_USE).checkState() == Qt.CheckState.Checked
    assert importer.table.cellWidget(0, iw.COL_NEW) is None
    with qtbot.waitSignal(importer.imported):
        qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    (new,) = [c for c in reg.list_consultees(db) if c.name == UNINVITED]
    assert not new.invited
    (row,) = coding.responses_in_round(db)
    assert row.consultee == UNINVITED
