"""The tjänsteutlåtande's parts: header, title, decision basis, signatures, copies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from utredning_app.domain.enums import ConsulteeType, ReportKind
from utredning_app.domain.formatting import format_date
from utredning_app.exporting.blocks.common import answered_consultees, latest_round
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block
from utredning_app.exporting.docx_helpers import clean, fast_run, keep_with_next
from utredning_app.exporting.markdown_docx import no_break_numbers


@block("tu_huvud", "dokumenttyp", help="tjänsteutlåtandets huvud: region, förvaltning, dnr")
def memo_header_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from docx.shared import Pt

    inv = ctx.data.investigation
    report = ctx.data.reports.get(ReportKind.TJANSTEUTLATANDE)
    date = (report.report_date if report else None) or dt.date.today()
    from utredning_app.exporting.fast_table import set_widths

    table = ctx.document.add_table(rows=1, cols=2)
    set_widths(table, [10.0, 6.0])
    left, right = table.rows[0].cells
    lines_left = [
        (inv.region or "Regionen", True, 13),
        (inv.administration, False, 10),
        (f"Handläggare: {inv.case_officer}" if inv.case_officer else "", False, 9),
        (inv.case_officer_contact, False, 9),
    ]
    lines_right = [
        (str(params.get("dokumenttyp", "Tjänsteutlåtande")), True, 13),
        (f"Datum {format_date(date)}", False, 10),
        (f"Diarienummer {inv.diarienummer}" if inv.diarienummer else "", False, 10),
    ]
    for cell, lines in ((left, lines_left), (right, lines_right)):
        first = True
        for text, bold, size in lines:
            if not text:
                continue
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            paragraph.style = ctx.styles.normal
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(clean(no_break_numbers(text)))
            run.bold = bold or None
            run.font.size = Pt(size)
            first = False
    ctx.paragraph()
    return 1


@block("tu_titel", help="ärendets rubrik (utredningens titel)")
def memo_title_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    report = ctx.data.reports.get(ReportKind.TJANSTEUTLATANDE)
    title = report.title if report and report.title else ctx.data.investigation.title
    ctx.styled(ctx.styles.heading(1), title)
    return 1


@block("beslutsunderlag", help="listan över beslutsunderlag")
def decision_basis_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    items: list[str] = []
    today = dt.date.today()
    for kind in (ReportKind.SLUTRAPPORT, ReportKind.DELRAPPORT, ReportKind.REMISSAMMANSTALLNING):
        report = ctx.data.reports.get(kind)
        if report is not None:
            date = format_date(report.report_date or today)
            items.append(f"{kind.label}: {report.title} ({date})")
    rnd = latest_round(ctx)
    if rnd is not None and answered_consultees(rnd):
        if ReportKind.REMISSAMMANSTALLNING not in ctx.data.reports:
            items.append(f"Remissammanställning: {rnd.name}")
        items.append(f"Inkomna remissvar ({len(answered_consultees(rnd))} st.)")
    if ctx.kind == ReportKind.TJANSTEUTLATANDE:
        items.insert(0, f"Tjänsteutlåtande {format_date(today)}")
    for item in items:
        ctx.styled(ctx.styles.bullets[0], item)
    return len(items)


@block("underskrift", "titlar", "namn", help="underskrifter (t.ex. regiondirektör)")
def signature_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """ "I tjänsten" with each signatory's name over the title: the regiondirektör (the
    investigation's signatory) and the handläggare. A signatory without a name is never an
    empty line: the title stands alone and the export warns."""
    from docx.shared import Pt

    from utredning_app.exporting.docx_helpers import repeat_header_row

    inv = ctx.data.investigation
    titles = [str(t) for t in params.get("titlar", ["Regiondirektör"])]
    names = [str(n) for n in params.get("namn", [])]
    signers: list[tuple[str, str]] = []
    for i, title in enumerate(titles):
        name = names[i] if i < len(names) else (inv.signatory if i == 0 else "")
        if not name.strip():
            ctx.warnings.append(
                f"Tjänsteutlåtandet saknar namn på undertecknaren ({title.lower()}): ange det "
                "i utredningens fält Undertecknare (regiondirektör)."
            )
        signers.append((name.strip(), title))
    if inv.case_officer:
        signers.append((inv.case_officer, "Handläggare"))
    paragraph = ctx.paragraph("I tjänsten")
    paragraph.paragraph_format.space_before = Pt(12)
    keep_with_next(paragraph)
    table = ctx.document.add_table(rows=1, cols=max(len(signers), 1))
    repeat_header_row(table.rows[0])  # also marks the row cantSplit: signatures stay together
    for cell, (name, title) in zip(table.rows[0].cells, signers, strict=False):
        first = cell.paragraphs[0]
        first.paragraph_format.space_before = Pt(24)
        first.paragraph_format.keep_with_next = True
        if name:
            fast_run(first, clean(name))
            cell.add_paragraph(clean(title))
        else:
            fast_run(first, clean(title))
    return 1


@block("utdrag_till", "mottagare", help="utdrag till: mottagare av beslutet")
def copies_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """Every recipient by name (never "med flera")."""
    receivers = [str(r) for r in params.get("mottagare", [])]
    if not receivers:
        inv = ctx.data.investigation
        if inv.commissioned_by:
            receivers.append(inv.commissioned_by)
        rnd = latest_round(ctx)
        if rnd is not None:
            for c in rnd.consultees:
                if c.invited and c.type in (ConsulteeType.NAMND, ConsulteeType.BOLAG):
                    receivers.append(c.name)
    receivers = list(dict.fromkeys(r for r in receivers if r.strip()))
    for r in receivers:
        paragraph = ctx.paragraph(r)
        paragraph.paragraph_format.space_after = 0
    return len(receivers)
