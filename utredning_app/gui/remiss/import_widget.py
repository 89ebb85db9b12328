"""Import of many answer files at once: drop them (or choose them), check the proposed
consultee per file in a table, then read in the confirmed ones in one go."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from utredning_app.errors import UserError
from utredning_app.gui.operations import Op
from utredning_app.gui.remiss.common import fill_rounds, show_error
from utredning_app.services import responses as svc

if TYPE_CHECKING:
    from utredning_app.gui.workspace import Workspace
    from utredning_app.services.files import Database

ACCEPTED_SUFFIXES = (".docx", ".pdf", ".xlsx", ".eml", ".msg")
COL_USE, COL_FILE, COL_KIND, COL_WHO, COL_HOW, COL_EVIDENCE, COL_NEW, COL_NOTE = range(8)
NEW_CONSULTEE = "__new__"  # combo data of the "new consultee" entry
PROGRESS_SCALE = 100  # progress steps per file (OCR reports pages within a file)


class ImportWidget(QWidget):
    changed = Signal(object)
    imported = Signal(object)  # ImportResult

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.workspace: Workspace | None = None
        self.proposals: list[svc.FileProposal] = []
        self.consultees: list[tuple[str, str]] = []
        self._task: Op | None = None
        self._cancel = threading.Event()
        self.round_combo = QComboBox()
        self.received = QDateEdit(QDate.currentDate())
        self.received.setObjectName("importReceived")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.drop_label = QLabel(
            self.tr(
                "Dra hit remissvar (Word, PDF eller ifyllda svarsmallar), eller välj filer. "
                "Varje fil kopplas till en remissinstans – kontrollera förslagen innan du läser in."
            )
        )
        self.drop_label.setObjectName("importDropArea")
        self.drop_label.setWordWrap(True)
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setMinimumHeight(70)
        self.drop_label.setStyleSheet("QLabel#importDropArea { border: 2px dashed #8a9bb0; }")
        self.choose_button = QPushButton(self.tr("Välj filer …"))
        self.import_button = QPushButton(self.tr("Läs in markerade"))
        self.import_button.setObjectName("importCommit")
        self.clear_button = QPushButton(self.tr("Töm listan"))
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("importTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Ta med"),
                self.tr("Fil"),
                self.tr("Typ"),
                self.tr("Remissinstans"),
                self.tr("Kopplad via"),
                self.tr("Belägg"),
                self.tr("Åtgärd"),
                self.tr("Anmärkning"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.result_label = QLabel()
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Remissomgång:")))
        top.addWidget(self.round_combo, 1)
        top.addWidget(QLabel(self.tr("Inkom:")))
        top.addWidget(self.received)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.drop_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        self.choose_button.clicked.connect(self.choose_files)
        self.clear_button.clicked.connect(self.clear)
        self.import_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.round_combo.currentIndexChanged.connect(lambda _i: self.clear())
        self._update_buttons()

    @property
    def db(self) -> Database | None:
        """The open file, handed to the services (None: no file)."""
        return None if self.workspace is None else self.workspace.db

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        fill_rounds(self.round_combo, workspace)
        self.clear()

    def reload(self) -> None:
        fill_rounds(self.round_combo, self.workspace)

    # ---------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.add_files(files)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Välj remissvar"),
            "",
            self.tr("Remissvar (*.docx *.pdf *.xlsx *.eml *.msg);;Alla filer (*)"),
        )
        self.add_files([Path(n) for n in names])

    # ---------------------------------------------------------------- analysis
    def received_date(self) -> dt.date:
        q = self.received.date()
        return dt.date(q.year(), q.month(), q.day())

    def add_files(self, files: list[Path]) -> None:
        """Analyse ``files`` in the background and add them to the table."""
        if self.db is None or not files or (self._task and self._task.is_running()):
            return
        expanded: list[Path] = []
        for f in files:
            if f.is_dir():
                expanded += sorted(p for p in f.rglob("*") if p.suffix.lower() in ACCEPTED_SUFFIXES)
            else:
                expanded.append(f)
        known = {p.path for p in self.proposals}
        expanded = [f for f in expanded if f not in known]
        if not expanded:
            return
        db, round_id, when = self.db, self.round_combo.currentData(), self.received_date()

        self._start(
            self._analysis(db, expanded, round_id, when, ocr_garbled=False),
            len(expanded) * PROGRESS_SCALE,
            self._analysed,
            cancellable=True,
        )

    def _analysis(
        self,
        db: Database,
        files: list[Path],
        round_id: str | None,
        when: dt.date,
        *,
        ocr_garbled: bool,
    ) -> Callable[[Callable[[int, int], None]], list[svc.FileProposal]]:
        """The background work of analysing ``files``: progress per file and, while OCR
        reads a scan, per page; the cancel button stops it between pages (OCR processes
        still running are ended)."""
        cancel = self._cancel
        cancel.clear()

        def work(progress: Callable[[int, int], None]) -> list[svc.FileProposal]:
            files_done = [0]

            def check() -> None:
                if cancel.is_set():  # the analysis writes nothing: stopping is always safe
                    raise UserError("Kontrollen av filerna avbröts; inga filer lades till.")

            def report(done: int, total: int) -> None:
                check()
                files_done[0] = done
                progress(done * PROGRESS_SCALE, total * PROGRESS_SCALE)

            def pages(done: int, total: int) -> None:
                check()
                share = done * PROGRESS_SCALE // max(total, 1)
                progress(files_done[0] * PROGRESS_SCALE + share, len(files) * PROGRESS_SCALE)

            return svc.analyse_files(
                db,
                files,
                round_ref=round_id,
                received=when,
                progress=report,
                ocr_garbled=ocr_garbled,
                page_progress=pages,
            )

        return work

    def _start(
        self,
        work: Callable[[Callable[[int, int], None]], object],
        steps: int,
        on_done: Callable[..., None],
        *,
        cancellable: bool,
    ) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, steps)
        self.progress.setValue(0)
        self.cancel_button.setVisible(cancellable)
        self.table.setEnabled(False)
        task = Op(lambda ctx: work(ctx.progress), self, show_progress=False)
        task.progressed.connect(lambda done, total, _text: self._progressed(done, total))
        task.finished.connect(on_done)
        task.failed.connect(self._failed)
        self._task = task
        task.start()
        self._update_buttons()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0 and self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.table.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._finished()
        self._update_buttons()
        show_error(self, message)

    def _analysed(self, found: list[svc.FileProposal]) -> None:
        self._finished()
        self._load_consultees()
        self.proposals += found
        self._fill_table()
        self._update_buttons()

    def _load_consultees(self) -> None:
        from utredning_app.services.remiss_rounds import consultee_choices

        if self.db is None:
            return
        self.consultees = consultee_choices(self.db, self.round_combo.currentData())

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.proposals))
        for row, p in enumerate(self.proposals):
            use = QTableWidgetItem()
            use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            use.setCheckState(
                Qt.CheckState.Checked if p.ok and p.accepted else Qt.CheckState.Unchecked
            )
            if not p.ok:
                use.setFlags(Qt.ItemFlag.NoItemFlags)
            self.table.setItem(row, COL_USE, use)
            self.table.setItem(row, COL_FILE, _ro(p.path.name, str(p.path)))
            self.table.setItem(row, COL_KIND, _ro(p.kind_label))
            combo = QComboBox()
            combo.addItem(self.tr("(välj remissinstans)"), None)
            if p.new_consultee is not None:
                combo.addItem(
                    self.tr("%1 (ny, ej inbjuden)").replace("%1", p.new_consultee[0]),
                    NEW_CONSULTEE,
                )
            for cid, name in self.consultees:
                combo.addItem(name, cid)
            chosen = NEW_CONSULTEE if p.new_consultee is not None else p.consultee_id
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.setEnabled(p.ok and p.form is None)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._consultee_chosen(r))
            self.table.setCellWidget(row, COL_WHO, combo)
            scored = p.method not in (svc.MatchMethod.FORM, svc.MatchMethod.NEW)
            how = p.method.label + (f" ({p.score:.0f} %)" if scored else "")
            self.table.setItem(row, COL_HOW, _ro(how if p.ok else "–"))
            evidence = p.evidence if p.ok else ""
            self.table.setItem(row, COL_EVIDENCE, _ro(evidence, evidence))
            self.table.setItem(row, COL_NEW, _ro(""))
            self.table.removeCellWidget(row, COL_NEW)
            if p.ok and p.garbled_pages:
                ocr_button = QPushButton(self.tr("Tolka med OCR"))
                ocr_button.setObjectName(f"importOcr{row}")
                ocr_button.setToolTip(
                    self.tr("Texten ser förvrängd ut: läs sidorna med OCR i stället")
                )
                ocr_button.clicked.connect(lambda _c=False, r=row: self.ocr_row(r))
                self.table.setCellWidget(row, COL_NEW, ocr_button)
            elif p.ok and p.form is None and p.new_consultee is None and not p.accepted:
                button = QPushButton(self.tr("Ny instans"))
                button.setObjectName(f"importNewConsultee{row}")
                button.setToolTip(
                    self.tr(
                        "Registrera avsändaren som ny remissinstans, markerad ej inbjuden "
                        "(ett svar på eget initiativ)"
                    )
                )
                button.clicked.connect(lambda _c=False, r=row: self.register_new(r))
                self.table.setCellWidget(row, COL_NEW, button)
            note = p.error or "; ".join(p.warnings)
            self.table.setItem(row, COL_NOTE, _ro(note, note))

    def _consultee_chosen(self, row: int) -> None:
        combo = self.table.cellWidget(row, COL_WHO)
        if not isinstance(combo, QComboBox):
            return
        cid = combo.currentData()
        p = self.proposals[row]
        if cid == NEW_CONSULTEE:
            return
        if cid is None:
            self.proposals[row] = svc.replace_proposal(p, consultee_id=None, accepted=False)
        else:
            self.proposals[row] = svc.choose_consultee(p, cid, combo.currentText())
        use = self.table.item(row, COL_USE)
        if use is not None and p.ok:
            use.setCheckState(Qt.CheckState.Checked if cid else Qt.CheckState.Unchecked)
        how = self.table.item(row, COL_HOW)
        if how is not None:
            how.setText(self.proposals[row].method.label)
        evidence = self.table.item(row, COL_EVIDENCE)
        if evidence is not None:
            evidence.setText("")
        self._update_buttons()

    def ocr_row(self, row: int) -> None:
        """Read the garbled pages of one file again, by OCR, in the background."""
        if self.db is None or (self._task and self._task.is_running()):
            return
        path = self.proposals[row].path
        db, round_id, when = self.db, self.round_combo.currentData(), self.received_date()

        def replace_row(found: list[svc.FileProposal]) -> None:
            self._finished()
            index = next((i for i, p in enumerate(self.proposals) if p.path == path), None)
            if index is not None and found:
                self.proposals[index] = found[0]
            self._fill_table()
            self._update_buttons()

        self._start(
            self._analysis(db, [path], round_id, when, ocr_garbled=True),
            PROGRESS_SCALE,
            replace_row,
            cancellable=True,
        )

    def register_new(self, row: int) -> None:
        """One click: the file's sender becomes a new consultee, marked ej inbjuden."""
        try:
            self.proposals[row] = svc.register_as_new(self.proposals[row])
        except UserError as exc:
            show_error(self, exc.message)
            return
        self._fill_table()
        self._update_buttons()

    # ---------------------------------------------------------------- commit
    def commit(self) -> None:
        if self.db is None:
            return
        chosen: list[svc.FileProposal] = []
        for row, p in enumerate(self.proposals):
            use = self.table.item(row, COL_USE)
            checked = use is not None and use.checkState() == Qt.CheckState.Checked
            chosen.append(
                svc.replace_proposal(
                    p, accepted=checked and p.ok and bool(p.consultee_id or p.new_consultee)
                )
            )
        db, round_id, when = self.db, self.round_combo.currentData(), self.received_date()
        # One transaction for all chosen files: not cancellable (it is all or nothing anyway).
        self._start(
            lambda _progress: svc.commit_import(db, chosen, received=when, round_ref=round_id),
            0,
            self._committed,
            cancellable=False,
        )

    def _committed(self, result: svc.ImportResult) -> None:
        self._finished()
        lines = [
            self.tr("%n svar lästes in.", "", len(result.imported)),
        ]
        if result.late:
            lines.append(self.tr("Sena svar: ") + ", ".join(result.late) + ".")
        if result.rejected:
            lines.append(self.tr("Inte inlästa:"))
            lines += [f"• {reason}" for _name, reason in result.rejected]
        self.result_label.setText("\n".join(lines))
        done = {name for name, _c in result.imported}
        self.proposals = [p for p in self.proposals if p.path.name not in done]
        self._fill_table()
        self._update_buttons()
        if result.imported:
            self.changed.emit(frozenset({"consultee", "response", "attachment", "stance"}))
            self.imported.emit(result)

    def clear(self) -> None:
        self.proposals = []
        self.table.setRowCount(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._task is not None and self._task.is_running()
        self.import_button.setEnabled(bool(self.proposals) and not busy)
        self.choose_button.setEnabled(self.db is not None and not busy)
        self.clear_button.setEnabled(bool(self.proposals) and not busy)


def _ro(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    return item
