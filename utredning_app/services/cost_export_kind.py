"""`utredning export-xlsx kostnader`: the cost model workbook with live formulas."""

from __future__ import annotations

from utredning_app.services.exports import CancelCheck, Progress, XlsxKind
from utredning_app.storage.location import Location


def _build(path: Location, progress: Progress, cancelled: CancelCheck) -> bytes:
    from utredning_app.services.estimates import cost_workbook_bytes

    progress(0.1, "Bygger kostnadsmodellen")
    return cost_workbook_bytes(path)


XLSX_KIND = XlsxKind(
    name="kostnader",
    help="kostnadsmodellen med levande formler (summor, nuvärde, skillnader); "
    "gula celler är indata",
    build=_build,
)
