"""Exportera… for the Word documents and the remiss Excel file, off the UI thread.

``start_export(parent, source, kind)`` asks for a file name (unless given), runs
``services.exports`` in a ``QThread`` behind a progress dialog that shows the current step and
can cancel, and when the file is written offers to open it (``QDesktopServices``). The main
window's Arkiv ▸ Exportera menu registers one action per document with this function.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from utredning_app import APP_NAME
from utredning_app.errors import UserError
from utredning_app.gui.specs import QT_TRANSLATE_NOOP

# Menu titles; keys are services.exports document kinds ("remiss" = the Excel compilation).
# Same source strings and context as the Arkiv ▸ Exportera menu (export_reports), so they share
# its translations; translated where shown.
TITLES: dict[str, str] = {
    "delrapport": QT_TRANSLATE_NOOP("Export", "Delrapport (Word)…"),
    "slutrapport": QT_TRANSLATE_NOOP("Export", "Slutrapport (Word)…"),
    "remissammanstallning": QT_TRANSLATE_NOOP("Export", "Remissammanställning (Word)…"),
    "tjansteutlatande": QT_TRANSLATE_NOOP("Export", "Tjänsteutlåtande (Word)…"),
    "remiss": QT_TRANSLATE_NOOP("Export", "Remissammanställning (Excel)…"),
    "kostnader": QT_TRANSLATE_NOOP("Export", "Kostnadsmodell (Excel)…"),
}


class _Worker(QObject):
    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, kind: str, source: Path, out: Path, draft: bool, excel: bool) -> None:
        super().__init__()
        self.kind, self.source, self.out, self.draft = kind, source, out, draft
        self.excel = excel
        self.cancel_requested = False

    def run(self) -> None:
        from utredning_app.services.exports import ExportCancelled, export_document, export_xlsx

        def progress(fraction: float, text: str) -> None:
            self.progressed.emit(round(fraction * 100), text)

        def cancelled() -> bool:
            return self.cancel_requested

        try:
            if self.excel:
                result = export_xlsx(
                    self.kind, self.source, self.out, progress=progress, cancelled=cancelled
                )
            else:
                result = export_document(
                    self.kind,
                    self.source,
                    self.out,
                    draft=self.draft,
                    progress=progress,
                    cancelled=cancelled,
                )
        except ExportCancelled:
            self.failed.emit("")
        except UserError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # the user gets a message; the app stays usable
            self.failed.emit(
                QCoreApplication.translate(
                    "Rapportexport", "Exporten misslyckades oväntat: %1"
                ).replace("%1", repr(exc))
            )
        else:
            self.succeeded.emit(result)


class ExportRunner(QObject):
    """One running export: ``finished(result)`` or ``failed(message)`` ("" = cancelled)."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        kind: str,
        source: Path,
        out: Path,
        *,
        draft: bool = False,
        excel: bool = False,
        ask_open: bool = True,
    ) -> None:
        # Not a child of ``parent``: the thread must outlive a window closed mid-export.
        super().__init__(None)
        self.out = out
        self.source = source
        self._parent = parent
        self._ask_open = ask_open
        self._thread = QThread()
        self._worker = _Worker(kind, source, out, draft, excel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        queued = Qt.ConnectionType.QueuedConnection
        self._worker.progressed.connect(self._on_progress, queued)
        self._worker.succeeded.connect(self._on_success, queued)
        self._worker.failed.connect(self._on_failure, queued)
        self.dialog = QProgressDialog(
            QCoreApplication.translate("Rapportexport", "Exporterar %1…").replace("%1", out.name),
            QCoreApplication.translate("Rapportexport", "Avbryt"),
            0,
            100,
            parent,
        )
        self.dialog.setWindowTitle(APP_NAME)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        _RUNNING.add(self)
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel_requested = True

    def _alive_parent(self) -> QWidget | None:
        parent = self._parent
        return parent if parent is not None and shiboken6.isValid(parent) else None

    def _on_progress(self, value: int, text: str) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.setValue(value)
            self.dialog.setLabelText(text)

    def _stop(self) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self._thread.quit()
        self._thread.wait()
        _RUNNING.discard(self)

    def _on_success(self, result: Any) -> None:
        self._stop()
        self.finished.emit(result)
        parent = self._alive_parent()
        window = parent.window() if parent is not None else None
        status = getattr(window, "statusBar", None)
        written = QCoreApplication.translate("Rapportexport", "Filen skrevs: %1").replace(
            "%1", str(self.out)
        )
        if getattr(result, "upgraded_copy", False):
            written += " " + QCoreApplication.translate(
                "Rapportexport",
                "(Utredningsfilen har en äldre schemaversion; exporten gjordes från en "
                "uppgraderad kopia och filen är oförändrad.)",
            )
        if callable(status):
            status().showMessage(written, 8000)
        from utredning_app.services.conflicts import conflict_warning

        # The export's own notes (services.exports: which edition was written, no edition,
        # a missing signatory, a memo past four pages) belong in the "done" message.
        notes = tuple(getattr(result, "notes", ()))
        if notes:
            written += "\n\n" + "\n\n".join(notes)
        warning = conflict_warning(self.source)  # open merge conflicts: name them (issue 11)
        if warning:
            written += "\n\n" + warning
        if (warning or notes) and not self._ask_open:
            QMessageBox.warning(parent, APP_NAME, written)
        if self._ask_open:
            answer = QMessageBox.question(
                parent,
                APP_NAME,
                QCoreApplication.translate("Rapportexport", "%1\n\nVill du öppna den nu?").replace(
                    "%1", written
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.out)))

    def _on_failure(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)
        if message:
            QMessageBox.warning(self._alive_parent(), APP_NAME, message)


_RUNNING: set[ExportRunner] = set()


def _is_excel(kind: str) -> bool:
    from utredning_app.services.exports import DOCUMENTS

    return kind not in DOCUMENTS


def ask_target(parent: QWidget | None, source: Path, kind: str) -> Path | None:
    """The save dialog, suggesting ``<fil>-<dokument>.docx`` beside the investigation."""
    suffix = ".xlsx" if _is_excel(kind) else ".docx"
    name = "remissammanstallning" if kind == "remiss" else kind
    suggested = source.with_name(f"{source.stem}-{name}{suffix}")
    pattern = (
        QCoreApplication.translate("Rapportexport", "Excel-arbetsbok (*.xlsx)")
        if suffix == ".xlsx"
        else QCoreApplication.translate("Rapportexport", "Word-dokument (*.docx)")
    )
    title = QCoreApplication.translate("Export", TITLES[kind]) if kind in TITLES else kind
    caption = QCoreApplication.translate("Rapportexport", "Exportera %1")
    chosen, _ = QFileDialog.getSaveFileName(
        parent, caption.replace("%1", title.rstrip("…")), str(suggested), pattern
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def start_export(
    parent: QWidget | None,
    source: Path,
    kind: str,
    *,
    out: Path | None = None,
    draft: bool = False,
    ask_open: bool = True,
) -> ExportRunner | None:
    """Ask for the target (unless ``out``) and start the export; None if the user cancels."""
    target = out or ask_target(parent, Path(source), kind)
    if target is None:
        return None
    runner = ExportRunner(
        parent, kind, Path(source), target, draft=draft, excel=_is_excel(kind), ask_open=ask_open
    )
    runner.start()
    return runner
