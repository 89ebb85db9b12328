"""The remiss workbench on a real demo file: import by drop, reading/coding, search, overview."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tests.remiss_helpers import ensure_round, fill_form, write_docx_answer
from utredning_app.domain.enums import StanceKind
from utredning_app.gui.remiss.workbench import RemissWorkbench
from utredning_app.services import coding
from utredning_app.services.sendout import create_sendout
from utredning_app.storage.database import Database


@pytest.fixture
def bench(qtbot: QtBot, demo_db: Database) -> RemissWorkbench:
    ensure_round(demo_db)
    widget = RemissWorkbench()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    from utredning_app.gui.workspace import Workspace

    widget.set_workspace(Workspace(demo_db))
    widget.show()
    return widget


def _answers(demo_db: Database, tmp_path: Path) -> list[Path]:
    ids = ensure_round(demo_db)
    names = list(ids.consultee_ids)
    form = create_sendout(demo_db.path, tmp_path / "utskick")[0].form
    fill_form(form, ["Tillstyrker", "Avstyrker"], ["Bra förslag.", "Nej."])
    word = write_docx_answer(
        tmp_path / "yttrande.docx",
        names[-1],
        ["Vi ser att nämndstyrningen kan stärka omvårdnaden i hela vårdkedjan."],
    )
    return [form, word]


def test_import_code_search_and_overview(
    qtbot: QtBot, bench: RemissWorkbench, demo_db: Database, tmp_path: Path
) -> None:
    files = _answers(demo_db, tmp_path)
    importer = bench.importer
    bench.setCurrentWidget(importer)
    before = len(coding.responses_in_round(demo_db))
    # Dropped on the import tab, as from the file manager.
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    importer.dropEvent(drop)
    assert importer.cancel_button.isVisible() or importer.table.rowCount() == 2
    qtbot.waitUntil(lambda: importer.table.rowCount() == 2, timeout=20000)
    assert not importer.cancel_button.isVisible()
    for row in range(2):
        use = importer.table.item(row, 0)
        assert use is not None and use.checkState() == Qt.CheckState.Checked
        combo = importer.table.cellWidget(row, 3)
        assert isinstance(combo, QComboBox) and combo.currentData() is not None
    with qtbot.waitSignal(importer.imported):
        importer.import_button.click()
    assert "2 svar lästes in" in importer.result_label.text()
    rows = coding.responses_in_round(demo_db)
    assert len(rows) == before + 2
    word_row = next(r for r in rows if r.file_name == files[1].name)

    # Reading and coding: quote a selected passage, make it key, set a stance, summarise.
    bench.show_response(word_row.id)
    view = bench.coding
    assert bench.currentWidget() is view
    assert view.detail is not None and view.detail.id == word_row.id
    text = view.detail.text
    start = text.index("nämndstyrningen")
    cursor = view.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("nämndstyrningen kan stärka"), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    view.proposals.selectRow(1)
    view.quote_button.click()
    (quote,) = coding.quotes_of(demo_db, word_row.id)
    assert quote.text == "nämndstyrningen kan stärka"
    assert (quote.start_offset, quote.proposal_id) == (start, view.detail.proposals[1][0])
    view.quotes.setCurrentRow(0)
    view.key_button.click()
    assert coding.quotes_of(demo_db, word_row.id)[0].is_key
    assert view.quotes.item(0).text().startswith("★")
    combo = view.proposals.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(StanceKind.AVSTYRKER))
    stance = coding.stances_of(demo_db, word_row.id)[view.detail.proposals[0][0]]
    assert stance.stance is StanceKind.AVSTYRKER
    view.summary.setPlainText("Positiv till nämndstyrning, vill stärka omvårdnaden.")
    view.save_summary.click()
    assert coding.response_detail(demo_db, word_row.id).summary.startswith("Positiv")

    # Search finds compound parts, in context, filtered by stance.
    search = bench.searcher
    search.query.setText("styrning")
    search.search_button.click()
    assert any(h.response_id == word_row.id for h in search.hits)
    assert (
        "<b>styrning</b>" in search.results.toHtml() or "styrning" in search.results.toPlainText()
    )
    search.stance_boxes[StanceKind.AVSTYRKER].setChecked(True)
    assert [h.response_id for h in search.hits if h.response_id == word_row.id] == [word_row.id]
    assert all(
        StanceKind.AVSTYRKER
        in {st.stance for st in coding.stances_of(demo_db, h.response_id).values()}
        for h in search.hits
    )

    # Overview: counts per type with a total, reminder list export.
    overview = bench.overview
    overview.reload()
    last = overview.counts.rowCount() - 1
    assert overview.counts.item(last, 0).text() == "Totalt"  # type: ignore[union-attr]
    out = tmp_path / "påminn.csv"
    overview.export(out)
    assert out.read_text(encoding="utf-8-sig").startswith("Remissinstans;")
    bench.grab().save(str(tmp_path / "workbench.png"))


def test_sendout_and_consultee_list_from_the_overview(
    qtbot: QtBot,
    bench: RemissWorkbench,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QMessageBox

    from utredning_app.gui.remiss.consultee_import import ConsulteeImportDialog
    from utredning_app.services.consultees import list_consultees

    shown: list[str] = []
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    overview = bench.overview
    written = overview.sendout(tmp_path / "utskick")
    assert written and all(p.is_file() for p in written)
    assert shown and "svarsmallar och missiv" in shown[0]
    wb = openpyxl.Workbook()
    wb.active.append(["Namn", "Typ"])
    wb.active.append(["Sjukhusläkarna Stockholm", "Facklig organisation"])
    wb.active.append(["Locum AB, styrelsen", "Bolag"])
    source = tmp_path / "lista.xlsx"
    wb.save(source)
    before = len(list_consultees(demo_db))
    dialog = ConsulteeImportDialog(demo_db, source, overview.round_combo.currentData(), overview)
    qtbot.addWidget(dialog)
    assert dialog.columns["name"].currentData() == 0
    assert "1 nya, 1 dubbletter" in dialog.summary.text()
    dialog.columns["name"].setCurrentIndex(0)  # "(ingen kolumn)": nothing can be read
    assert dialog.preview is None
    assert warned and "namnet" in warned[0]
    dialog.columns["name"].setCurrentIndex(1)
    dialog.commit()
    assert dialog.added == 1
    assert len(list_consultees(demo_db)) == before + 1
    out = tmp_path / "instanser.xlsx"
    overview.export_list(out)
    assert openpyxl.load_workbook(out).active.max_row == before + 2


def test_checking_many_files_can_be_cancelled(
    qtbot: QtBot,
    bench: RemissWorkbench,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    files = [
        write_docx_answer(tmp_path / f"svar {i:02d}.docx", "Locum AB", ["Vi tillstyrker."] * 40)
        for i in range(40)
    ]
    importer = bench.importer
    importer.add_files(files)
    assert importer._task is not None
    importer._task.progressed.connect(lambda *_a: importer.cancel_button.click())
    qtbot.waitUntil(lambda: bool(warned), timeout=30000)
    assert "avbröts" in warned[0]
    assert importer.table.rowCount() == 0 and importer.table.isEnabled()


@pytest.mark.parametrize("query", ['"', "*", '"*"'])
def test_a_search_without_words_says_so_inline_and_clears_the_hits(
    qtbot: QtBot, bench: RemissWorkbench, message_boxes: list[str], query: str
) -> None:
    searcher = bench.searcher
    qtbot.keyClicks(searcher.query, "styrning")
    qtbot.keyClick(searcher.query, Qt.Key.Key_Return)
    assert searcher.hits, "the demo's answers mention styrning"
    assert searcher.results.toPlainText()

    searcher.query.clear()
    qtbot.keyClicks(searcher.query, query)
    qtbot.keyClick(searcher.query, Qt.Key.Key_Return)
    assert message_boxes == []
    assert searcher.hits == []
    assert searcher.results.toPlainText() == ""
    assert searcher.count.text() == "Skriv minst ett sökord med tre eller fler tecken."
    assert searcher.count.objectName() == "fieldError"


def test_a_file_offers_no_inflection_search(bench: RemissWorkbench) -> None:
    """Swedish stems come from PostgreSQL: on a file the box is not there to tick."""
    assert not bench.searcher.inflections.isVisibleTo(bench)
    assert not bench.searcher.inflections.isChecked()
