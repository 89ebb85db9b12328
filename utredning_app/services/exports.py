"""Exporting documents: the use case behind ``utredning export …`` and the GUI's Exportera….

Qt-free: the GUI runs ``export_document``/``export_xlsx`` in a worker thread, passing a progress
callback (fraction 0–1, Swedish step text) and a cancel check. Files are written atomically: the
bytes go to a temporary file beside the target, which is renamed into place only when complete,
so a failure (or a target locked by Word) never leaves a partial file.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from utredning_app.domain.vocabulary import DOCUMENT_TITLES
from utredning_app.errors import UserError
from utredning_app.services.atomic import refuse_database_target, write_bytes_atomic
from utredning_app.storage.location import Location, as_location

if TYPE_CHECKING:
    from utredning_app.domain.report_model import EditionData, ReportData
    from utredning_app.exporting.blocks.context import Background
    from utredning_app.exporting.outline import Outline

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]


class ExportError(UserError):
    """The document could not be written (target folder, lock, permissions)."""


class ExportCancelled(UserError):
    exit_code = 130


# Word documents that can be exported; values are the outline names in exports/outlines.
DOCUMENTS: dict[str, str] = DOCUMENT_TITLES


# Documents with charts (drawn by the chart worker process, exporting/chart_jobs.py).
CHART_DOCUMENTS = frozenset({"delrapport", "slutrapport"})


@dataclass(frozen=True)
class ExportResult:
    kind: str
    out: Path
    size_bytes: int
    seconds: float
    chapters: tuple[str, ...] = ()
    # The file has an older schema: it was read from an upgraded copy and left unchanged.
    upgraded_copy: bool = False
    # Swedish notes for the person exporting (which edition was written, a memo too long …).
    notes: tuple[str, ...] = ()
    # The warning naming open merge conflicts (``services.conflicts``); None: there are none.
    conflicts: str | None = None


def _noop(fraction: float, text: str) -> None:
    return None


@contextlib.contextmanager
def without_gc_pauses() -> Iterator[None]:
    """No cyclic garbage collection while a report is built (reference counting still frees
    almost everything at once). The large slutrapport keeps tens of thousands of objects
    alive (report data, document tree, charts), and the collector's full passes over them
    cost a tenth of the export; it runs again as soon as the export is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def export_document(
    kind: str,
    path: Location,
    out: Path,
    *,
    template: Path | None = None,
    draft: bool = False,
    outline: Path | None = None,
    current: bool = False,
    page_numbers: bool = False,
    progress: Progress = _noop,
    cancelled: CancelCheck = lambda: False,
) -> ExportResult:
    """Write the Word document ``kind`` of the investigation ``path`` to ``out``.

    ``page_numbers``: LibreOffice (where installed) lays the document out and the contents
    list gets page numbers (a few seconds more); without it the entries stand unnumbered.

    A fastställd delrapport/slutrapport is written as its latest edition, byte for byte as it
    was sent; ``current`` (``--aktuell``) or ``draft`` (``--utkast``) builds the current content
    instead, marked UTKAST."""
    from utredning_app.exporting.outline import load_outline

    if kind not in DOCUMENTS:
        raise UserError(f"Okänd dokumenttyp {kind!r} (välj bland {', '.join(DOCUMENTS)}).")
    started = time.perf_counter()
    out = Path(out)
    check_target(out)
    with without_gc_pauses():
        plan = load_outline(kind, outline)  # imports the blocks, python-docx, numpy
        if kind in CHART_DOCUMENTS:
            from utredning_app.exporting import chart_jobs

            # The chart worker imports matplotlib while this process reads the file.
            chart_jobs.start_worker()
        progress(0.0, "Läser utredningen")
        return _export_document(
            kind,
            path,
            out,
            plan,
            template,
            draft,
            current,
            page_numbers,
            progress,
            cancelled,
            started,
        )


def _export_document(
    kind: str,
    path: Location,
    out: Path,
    plan: Outline,
    template: Path | None,
    draft: bool,
    current: bool,
    page_numbers: bool,
    progress: Progress,
    cancelled: CancelCheck,
    started: float,
) -> ExportResult:
    from utredning_app.domain.enums import ReportStatus
    from utredning_app.exporting.blocks import Cancelled
    from utredning_app.exporting.reports import DOCUMENT_KINDS as _REPORT_KINDS
    from utredning_app.exporting.reports import build_report, start_background
    from utredning_app.services.conflicts import describe_conflicts, open_conflicts
    from utredning_app.services.editions import EDITION_KINDS
    from utredning_app.services.report_data import read_report_data
    from utredning_app.storage.database import has_older_schema, open_database

    early: list[Background] = []

    def cost_model_read(partial: ReportData) -> None:
        # The Monte Carlo starts as soon as the cost model is read, not after the whole file
        # (a fifth of a second sooner on the large investigation), unless the document is a
        # sent edition that is not built again.
        if _sent_edition(partial, kind, current, draft) is None:
            early.append(start_background(plan, partial))

    # One read-only open (its checks of the whole file cost a tenth of a second on a large
    # file): the report's data and the open merge conflicts the export warns about.
    with open_database(as_location(path), read_only=True) as db, db.reader() as session:
        data = read_report_data(db, session, cost_model_read=cost_model_read)
        conflicts = describe_conflicts(open_conflicts(session.connection()), path)
    if kind == "remissammanstallning" and not data.rounds:
        raise ExportError(
            f"{as_location(path).name}: utredningen har ingen remissomgång att sammanställa. "
            "Lägg till remissomgången och remissvaren först."
        )
    if cancelled():
        raise ExportCancelled("Exporten avbröts; ingen fil skrevs.")
    notes: list[str] = []
    report = data.reports.get(_REPORT_KINDS[kind])
    if report is not None and report.status == ReportStatus.FASTSTALLD and kind in EDITION_KINDS:
        edition = _sent_edition(data, kind, current, draft)
        if current or draft:
            draft = True  # the current content of a fastställd report is not what was sent
            notes.append(
                f"{report.kind.label}en är fastställd; dokumentet visar nuvarande innehåll och "
                "är märkt UTKAST."
            )
        elif edition is not None:
            from utredning_app.services.editions import edition_bytes

            sent = edition_bytes(path, edition.id)
            write_atomic(out, sent)
            progress(1.0, "Klart")
            if template is not None:
                notes.append("Den egna mallen användes inte: en utgåva skrivs som den skickades.")
            notes.append(
                f"Utgåvan {edition.label or ''} från {edition.edition_date.isoformat()} skrevs, "
                "så som den skickades. Nuvarande innehåll (märkt UTKAST) fås med --aktuell."
            )
            return ExportResult(
                kind,
                out,
                len(sent),
                time.perf_counter() - started,
                (),
                has_older_schema(path),
                tuple(notes),
                conflicts,
            )
        else:
            notes.append(
                f"Den fastställda {report.kind.label.lower()}en har ingen sparad utgåva i filen "
                "(filen kan vara från en äldre version): dokumentet byggdes av nuvarande innehåll. "
                f"Spara utgåvan med ”utredning utgava {kind} FIL”."
            )
    try:
        built = build_report(
            kind,
            data,
            template=template,
            outline=plan,
            draft=draft,
            progress=lambda f, t: progress(0.1 + 0.85 * f, t),
            cancelled=cancelled,
            background=early[0] if early else None,
        )
    except Cancelled as exc:
        raise ExportCancelled("Exporten avbröts; ingen fil skrevs.") from exc
    payload = built.data
    if page_numbers:
        from utredning_app.services.toc_pages import add_page_numbers

        progress(0.96, "Sidnummer i innehållsförteckningen (LibreOffice)")
        numbered = add_page_numbers(payload)
        if numbered is None:
            notes.append(
                "Innehållsförteckningen fick inga sidnummer: LibreOffice finns inte "
                "(eller dokumentet har ingen innehållsförteckning)."
            )
        payload = numbered or payload
    write_atomic(out, payload)
    progress(1.0, "Klart")
    seconds = time.perf_counter() - started
    return ExportResult(
        kind,
        out,
        len(payload),
        seconds,
        built.chapters,
        has_older_schema(path),
        tuple(notes) + built.warnings,
        conflicts,
    )


def _sent_edition(data: ReportData, kind: str, current: bool, draft: bool) -> EditionData | None:
    """The edition exported as it was sent (a fastställd delrapport or slutrapport exported
    without ``--aktuell``/``--utkast``); None: the document is built from the content."""
    from utredning_app.domain.enums import ReportStatus
    from utredning_app.exporting.reports import DOCUMENT_KINDS as _REPORT_KINDS
    from utredning_app.services.editions import EDITION_KINDS

    report = data.reports.get(_REPORT_KINDS[kind])
    if report is None or report.status != ReportStatus.FASTSTALLD or kind not in EDITION_KINDS:
        return None
    return None if current or draft else report.latest_edition


# ------------------------------------------------------------------ Excel exports


@dataclass(frozen=True)
class XlsxKind:
    """An ``export-xlsx`` kind: name on the command line, Swedish help, the writer."""

    name: str
    help: str
    build: Callable[[Location, Progress, CancelCheck], bytes]


# Modules defining ``XLSX_KIND``; one line per Excel export (other areas add their own line).
XLSX_KIND_MODULES: tuple[str, ...] = (
    "utredning_app.services.remiss_export_kind",
    "utredning_app.services.cost_export_kind",
)


def xlsx_kinds() -> dict[str, XlsxKind]:
    kinds: dict[str, XlsxKind] = {}
    for name in XLSX_KIND_MODULES:
        kind: XlsxKind = importlib.import_module(name).XLSX_KIND
        kinds[kind.name] = kind
    return kinds


def export_xlsx(
    kind: str,
    path: Location,
    out: Path,
    *,
    progress: Progress = _noop,
    cancelled: CancelCheck = lambda: False,
) -> ExportResult:
    from utredning_app.storage.database import has_older_schema

    kinds = xlsx_kinds()
    if kind not in kinds:
        raise UserError(f"Okänd Excel-export {kind!r} (välj bland {', '.join(kinds)}).")
    started = time.perf_counter()
    out = Path(out)
    check_target(out)
    data = kinds[kind].build(as_location(path), progress, cancelled)
    if cancelled():
        raise ExportCancelled("Exporten avbröts; ingen fil skrevs.")
    write_atomic(out, data)
    progress(1.0, "Klart")
    seconds = time.perf_counter() - started
    from utredning_app.services.conflicts import conflict_warning

    return ExportResult(
        kind,
        out,
        len(data),
        seconds,
        upgraded_copy=has_older_schema(path),
        conflicts=conflict_warning(path),
    )


# ------------------------------------------------------------------ writing files


def check_target(out: Path) -> None:
    """Fail early (before the work) when the target obviously cannot be written."""
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"Mappen {parent} finns inte; välj en befintlig mapp.")
    if out.is_dir():
        raise ExportError(f"{out} är en mapp; ange ett filnamn.")
    refuse_database_target(out)
    if not os.access(parent, os.W_OK):
        raise ExportError(f"Mappen {parent} är skrivskyddad; välj en annan mapp för {out.name}.")
    if out.exists() and not os.access(out, os.W_OK):
        raise ExportError(_locked_message(out))


def _locked_message(out: Path) -> str:
    return (
        f"Filen {out.name} kan inte skrivas över: den är skrivskyddad eller öppen i ett annat "
        "program (t.ex. Word). Stäng den och försök igen, eller välj ett annat filnamn."
    )


def write_atomic(out: Path, data: bytes) -> None:
    """Write ``data`` atomically (``services/atomic.py``), with the exports' own messages."""
    write_bytes_atomic(out, data, error=ExportError, locked=_locked_message)
