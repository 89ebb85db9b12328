"""The remissammanställning as Excel: one row per remissinstans × förslag, filters, frozen header.

Written with openpyxl in write-only mode (memory stays flat for 300 × 25 rows and more).
A second sheet holds the counts per proposal.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from utredning_app.domain.enums import StanceKind
from utredning_app.domain.report_model import ReportData
from utredning_app.exporting.sheet_cells import text_cell

HEADERS = (
    "Remissinstans",
    "Typ",
    "Inbjuden",
    "Svar inkom",
    "Förslag nr",
    "Förslag",
    "Ställningstagande",
    "Kommentar",
    "Centrala citat",
)
WIDTHS = (40, 16, 10, 12, 10, 50, 26, 60, 60)
NO_ANSWER = "Inget svar"
NOT_ADDRESSED = "Inte berört"
STANCES = tuple(StanceKind)  # the enum's order, as in the Word compilation and the svarsmall


def _cell_text(ws: Any, text: str) -> Any:
    """A string cell: never a formula, at most 32,767 characters."""
    return text_cell(ws, text)


def build_remiss_xlsx(data: ReportData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from utredning_app.exporting.markdown_docx import markdown_to_plain

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Ställningstaganden")
    ws.freeze_panes = "A2"
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="002D5A")
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        cell.fill = fill
        header.append(cell)
    ws.append(header)

    rnd = data.latest_round()
    rows = 0
    counts: dict[str, Counter[str]] = {}
    proposals = []
    if rnd is not None:
        proposals = data.round_proposals(rnd) or [p for p in data.proposals if p.in_delrapport]
        for c in rnd.consultees:
            response = c.response
            received: object = ""
            if response is not None and response.received_date is not None:
                # A real date (filters and sorting work), shown as ISO.
                date_cell = WriteOnlyCell(ws, value=response.received_date)
                date_cell.number_format = "yyyy-mm-dd"
                received = date_cell
            for p in proposals:
                if response is None:
                    stance_text, comment, quotes = (NO_ANSWER if c.invited else ""), "", ""
                else:
                    stance = response.stances.get(p.id)
                    stance_text = stance.stance.label if stance else NOT_ADDRESSED
                    comment = markdown_to_plain(stance.comment_md) if stance else ""
                    quotes = " | ".join(
                        q.text.strip()
                        for q in response.quotes
                        if q.is_key and q.proposal_id == p.id
                    )
                counts.setdefault(p.id, Counter())[stance_text] += 1
                comment_cell = _cell_text(ws, comment)
                comment_cell.alignment = wrap
                ws.append(
                    [
                        _cell_text(ws, c.name),
                        c.type.label,
                        "Ja" if c.invited else "Nej",
                        received,
                        p.number,
                        _cell_text(ws, p.title),
                        stance_text,
                        comment_cell,
                        _cell_text(ws, quotes),
                    ]
                )
                rows += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{rows + 1}"

    summary = wb.create_sheet("Sammanfattning")
    summary.freeze_panes = "B2"
    columns = ["Förslag", *[s.label for s in STANCES], NOT_ADDRESSED, NO_ANSWER]
    summary.column_dimensions["A"].width = 60
    for i in range(2, len(columns) + 1):
        summary.column_dimensions[get_column_letter(i)].width = 16
    head = []
    for text in columns:
        cell = WriteOnlyCell(summary, value=text)
        cell.font = bold
        cell.fill = fill
        head.append(cell)
    summary.append(head)
    for p in proposals:
        tally = counts.get(p.id, Counter())
        summary.append(
            [
                _cell_text(summary, f"{p.number}. {p.title}"),
                *[tally.get(s.label, 0) for s in STANCES],
                tally.get(NOT_ADDRESSED, 0),
                tally.get(NO_ANSWER, 0),
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
