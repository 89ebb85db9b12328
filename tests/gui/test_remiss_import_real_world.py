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
    from utredning_app.gui.workspace import Workspace

    widget.set_workspace(Workspace(db))
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


def test_a_scan_is_read_by_ocr_with_progress_and_marked_when_reading(
    qtbot: QtBot, bench: RemissWorkbench, db: Database, tmp_path: Path
) -> None:
    from tests.remiss_helpers import SCANNED_LINES, write_scanned_pdf

    lines = [
        line.replace("Länsstyrelsen i Stockholms län", "Socialstyrelsen") for line in SCANNED_LINES
    ]
    scan = write_scanned_pdf(tmp_path / "skannat.pdf", [lines, lines[3:7]])
    importer = bench.importer
    seen: list[int] = []
    importer.progress.valueChanged.connect(seen.append)
    importer = _drop(qtbot, bench, [scan])
    assert 50 in seen  # page 1 of 2 of the only file
    note = importer.table.item(0, iw.COL_NOTE).text()
    assert "OCR-tolkad text på sidorna 1–2" in note
    combo = importer.table.cellWidget(0, iw.COL_WHO)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Socialstyrelsen"
    with qtbot.waitSignal(importer.imported):
        qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    (row,) = coding.responses_in_round(db)
    bench.show_response(row.id)
    assert "OCR-tolkad text (sidorna 1–2)" in bench.coding.heading.text()
    assert "tillstyrker förslag 1" in bench.coding.text.toPlainText()


def test_ocr_of_a_long_scan_can_be_cancelled(
    qtbot: QtBot,
    bench: RemissWorkbench,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.remiss_helpers import SCANNED_LINES, write_scanned_pdf

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    scan = write_scanned_pdf(tmp_path / "lång.pdf", [SCANNED_LINES] * 8)
    importer = bench.importer
    bench.setCurrentWidget(importer)
    seen: list[int] = []
    importer.progress.valueChanged.connect(seen.append)
    importer.add_files([scan])
    qtbot.waitUntil(lambda: importer.progress.value() > 0, timeout=60000)  # a page is read
    qtbot.mouseClick(importer.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: importer.table.isEnabled(), timeout=60000)
    assert importer.table.rowCount() == 0
    assert warned and "avbröts" in warned[0]
    assert 0 < max(seen) < 100  # stopped within the file, after a page, before the last


def test_garbled_text_offers_ocr_in_one_click(
    qtbot: QtBot, bench: RemissWorkbench, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QPushButton

    from tests.remiss_helpers import garble_pdf_encoding

    clean = write_ministry_letter_pdf(tmp_path / "ren.pdf")
    garbled = garble_pdf_encoding(clean, tmp_path / "remissvar.pdf")
    importer = _drop(qtbot, bench, [garbled])
    assert "texten ser förvrängd ut" in importer.table.item(0, iw.COL_NOTE).text()
    assert importer.table.item(0, iw.COL_USE).checkState() == Qt.CheckState.Unchecked
    button = importer.table.cellWidget(0, iw.COL_NEW)
    assert isinstance(button, QPushButton) and button.text() == "Tolka med OCR"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "OCR-tolkad" in (importer.table.item(0, iw.COL_NOTE) or iw._ro("")).text(),
        timeout=60000,
    )
    combo = importer.table.cellWidget(0, iw.COL_WHO)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Socialstyrelsen"
    assert importer.table.item(0, iw.COL_USE).checkState() == Qt.CheckState.Checked


def test_a_messy_consultee_list_in_the_dialog(
    qtbot: QtBot, bench: RemissWorkbench, db: Database, tmp_path: Path
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QDialogButtonBox

    from utredning_app.gui.remiss.consultee_import import ConsulteeImportDialog
    from utredning_app.services import consultees as reg

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Remisslista för delrapporten"])
    ws.append([])
    ws.append(["Namn", "Typ av instans", "Inbjuden?", "E-post adress"])
    ws.append(["Skatteverket", "Myndighet", "ja", "skatteverket@skatteverket.se"])
    ws.append(["Nacka kommun", "Kommun", "kanske"])
    ws.append(["Region Uppsala", "Region", "nej"])
    source = tmp_path / "lista.xlsx"
    wb.save(source)
    overview = bench.overview
    dialog = ConsulteeImportDialog(db, source, overview.round_combo.currentData(), overview)
    qtbot.addWidget(dialog)
    assert "1 rader avvisas" in dialog.summary.text() and "2 nya" in dialog.summary.text()
    assert "rad 5: «kanske» ska vara ja eller nej" in dialog.details.toPlainText()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.added == 2
    names = {c.name: c for c in reg.list_consultees(db)}
    assert names["Skatteverket"].type.value == "myndighet"
    assert not names["Region Uppsala"].invited and "Nacka kommun" not in names
