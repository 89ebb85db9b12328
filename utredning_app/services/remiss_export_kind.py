"""`utredning export-xlsx remiss`: the remissammanställning as Excel (one row per instans ×
förslag); the workbook itself is written by ``exporting/remiss_xlsx.py``."""

from __future__ import annotations

from utredning_app.services.exports import CancelCheck, ExportError, Progress, XlsxKind
from utredning_app.storage.location import Location


def _build(path: Location, progress: Progress, cancelled: CancelCheck) -> bytes:
    from utredning_app.exporting.remiss_xlsx import build_remiss_xlsx
    from utredning_app.services.report_data import load_report_data

    progress(0.05, "Läser utredningen")
    data = load_report_data(path)
    if not data.rounds:
        raise ExportError(f"{path.name}: utredningen har ingen remissomgång att sammanställa.")
    progress(0.4, "Skriver remissammanställningen")
    return build_remiss_xlsx(data)


XLSX_KIND = XlsxKind(
    name="remiss",
    help="remissammanställningen: en rad per remissinstans och förslag, med filter",
    build=_build,
)
