"""Exportera… for the Word documents and the remiss Excel file, off the UI thread.

``start_export(parent, source, kind)`` asks for a file name (unless given), runs
``services.exports`` as an ``Op`` (gui/operations.py) behind a progress dialog that shows the
current step and can cancel, and when the file is written offers to open it
(``QDesktopServices``). The main window's Arkiv ▸ Exportera menu registers one action per
document with this function.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from utredning_app import APP_NAME
from utredning_app.gui.operations import Cancelled, Context, Op, Work
from utredning_app.gui.specs import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from utredning_app.services.files import ServerLocation

    Source = Path | ServerLocation  # a file, or an investigation on a server

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


def _export_work(kind: str, source: Source, out: Path, draft: bool, excel: bool) -> Work:
    def work(ctx: Context) -> Any:
        from utredning_app.services.exports import ExportCancelled, export_document, export_xlsx

        try:
            if excel:
                return export_xlsx(
                    kind, source, out, progress=ctx.fraction, cancelled=ctx.cancelled
                )
            return export_document(
                kind, source, out, draft=draft, progress=ctx.fraction, cancelled=ctx.cancelled
            )
        except ExportCancelled as exc:
            raise Cancelled from exc

    return work


class ExportRunner(Op):
    """One running export (an :class:`Op`): ``finished(result)`` or ``failed(message)``;
    a cancelled export also emits ``failed("")``."""

    def __init__(
        self,
        parent: QWidget | None,
        kind: str,
        source: Source,
        out: Path,
        *,
        draft: bool = False,
        excel: bool = False,
        ask_open: bool = True,
    ) -> None:
        super().__init__(
            _export_work(kind, source, out, draft, excel),
            parent,
            QCoreApplication.translate("Rapportexport", "Exporterar %1…").replace("%1", out.name),
            min_duration=300,
            unexpected=QCoreApplication.translate(
                "Rapportexport", "Exporten misslyckades oväntat: %1"
            ),
        )
        self.out = out
        self.source = source
        self._ask_open = ask_open
        if self.dialog is not None:
            self.dialog.setRange(0, 100)
        self.finished.connect(self._written)
        self.failed.connect(self._tell_failure)
        self.cancelled.connect(lambda: self.failed.emit(""))

    def _written(self, result: Any) -> None:
        parent = self.parent_widget()
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
        # The export's own notes (services.exports: which edition was written, no edition,
        # a missing signatory, a memo past four pages) belong in the "done" message.
        notes = tuple(getattr(result, "notes", ()))
        if notes:
            written += "\n\n" + "\n\n".join(notes)
        warning = getattr(result, "conflicts", None)  # open merge conflicts (issue 11)
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

    def _tell_failure(self, message: str) -> None:
        if message:
            QMessageBox.warning(self.parent_widget(), APP_NAME, message)


def _is_excel(kind: str) -> bool:
    from utredning_app.services.exports import DOCUMENTS

    return kind not in DOCUMENTS


def ask_target(parent: QWidget | None, source: Source, kind: str) -> Path | None:
    if not isinstance(source, Path):  # a server investigation: beside nothing, in home
        source = Path.home() / f"{source.name}.utredning"
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
    source: Source,
    kind: str,
    *,
    out: Path | None = None,
    draft: bool = False,
    ask_open: bool = True,
) -> ExportRunner | None:
    """Ask for the target (unless ``out``) and start the export; None if the user cancels."""
    target = out or ask_target(parent, source, kind)
    if target is None:
        return None
    runner = ExportRunner(
        parent, kind, source, target, draft=draft, excel=_is_excel(kind), ask_open=ask_open
    )
    runner.start()
    return runner
