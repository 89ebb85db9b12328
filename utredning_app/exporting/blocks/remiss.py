"""The remiss blocks: the round, the summary, per proposal, not answered, consultees, and
the organisations that answered without being invited ("Övriga som har yttrat sig")."""

from __future__ import annotations

from collections import Counter
from typing import Any

from utredning_app.domain.enums import ReportKind, StanceKind
from utredning_app.domain.formatting import format_date
from utredning_app.domain.report_model import RoundData
from utredning_app.exporting.blocks.common import (
    STANCE_ORDER,
    answered_consultees,
    latest_round,
    proposal_heading,
    unanswered_consultees,
)
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block
from utredning_app.exporting.docx_helpers import clean, fast_run
from utredning_app.exporting.markdown_docx import markdown_to_plain


@block("remissomgang", help="remissomgången: utskick, sista svarsdag och antal svar")
def round_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = latest_round(ctx)
    if rnd is None:
        return 0
    invited = [c for c in rnd.consultees if c.invited]
    answered = answered_consultees(rnd)
    own = [c for c in answered if not c.invited]
    text = f"{rnd.name} skickades ut"
    if rnd.sent_date:
        text += f" {format_date(rnd.sent_date)}"
    text += f" till {len(invited)} remissinstanser"
    if rnd.deadline:
        text += f" med sista svarsdag {format_date(rnd.deadline)}"
    text += f". {len(answered)} svar kom in"
    if own:
        text += f", varav {len(own)} från instanser som svarade på eget initiativ"
    silent = len(unanswered_consultees(rnd))
    text += (
        ". 1 inbjuden instans svarade inte."
        if silent == 1
        else f". {silent} inbjudna instanser svarade inte."
    )
    ctx.paragraph(text)
    if ctx.kind != ReportKind.REMISSAMMANSTALLNING:
        # The compilation is written after the deadline: the covering letter's wording about
        # what the answers should contain does not belong in it.
        ctx.markdown(rnd.description_md)
    return 1


def _stance_counts(rnd: RoundData, proposal_id: str) -> Counter[StanceKind]:
    counts: Counter[StanceKind] = Counter()
    for c in rnd.consultees:
        if c.response is not None:
            stance = c.response.stances.get(proposal_id)
            if stance is not None:
                counts[stance.stance] += 1
    return counts


@block("remiss_sammanfattning", help="antal ställningstaganden per förslag")
def remiss_summary_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = latest_round(ctx)
    if rnd is None:
        return 0
    proposals = ctx.data.round_proposals(rnd)
    if not proposals:
        return 0
    answered = answered_consultees(rnd)
    rows = []
    for p in proposals:
        counts = _stance_counts(rnd, p.id)
        silent = len(answered) - sum(counts.values())
        rows.append(
            [
                f"{p.number}. {p.title}",
                *[str(counts.get(s, 0)) for s in STANCE_ORDER],
                str(silent),
            ]
        )
    ctx.caption("Tabell", "Remissinstansernas ställningstaganden per förslag (antal)")
    ctx.table(
        # Soft hyphens (U+00AD) let the narrow number columns break words at the right place.
        [
            "Förslag",
            "Till\u00adstyrker",
            "Med syn\u00adpunkter",
            "Av\u00adstyrker",
            "Ingen erinran",
            "Avstår",
            "Inte berört",
        ],
        rows,
        numeric=(1, 2, 3, 4, 5, 6),
    )
    ctx.paragraph(
        "Med synpunkter: tillstyrker med synpunkter. Inte berört: instanser som svarat men "
        "inte tagit ställning till förslaget.",
        italic=True,
    )
    return 1


@block("remiss_per_forslag", "tabell", "citat", "ej_svar", help="synpunkterna förslag för förslag")
def remiss_per_proposal_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """Per förslag: the instanser grouped by stance (names in each group), answers from
    instanser that were not invited, the comments that were made, the central points
    (quotes) and Utredningens kommentar. Instanser without a comment are named in their
    group only, never given a table row each."""
    rnd = latest_round(ctx)
    if rnd is None:
        return 0
    proposals = ctx.data.round_proposals(rnd)
    with_table = bool(params.get("tabell", True))
    with_quotes = bool(params.get("citat", True))
    answered = answered_consultees(rnd)
    silent = [c.name for c in unanswered_consultees(rnd)] if params.get("ej_svar", False) else []
    written = 0
    for p in proposals:
        ctx.check()
        proposal_heading(ctx, p, 1)
        if p.text_md.strip():
            quote = ctx.styled(ctx.styles.quote)
            fast_run(quote, clean(markdown_to_plain(p.text_md)))
        groups: dict[StanceKind, list[str]] = {s: [] for s in STANCE_ORDER}
        others: list[str] = []
        rows: list[list[str]] = []
        for c in answered:
            assert c.response is not None
            stance = c.response.stances.get(p.id)
            if stance is None:
                continue
            if c.invited:
                groups[stance.stance].append(c.name)
            else:
                others.append(f"{c.name} ({stance.stance.label.lower()})")
            comment = markdown_to_plain(stance.comment_md)
            if comment:
                rows.append([c.name, stance.stance.label, comment])
        if not any(groups.values()) and not others:
            ctx.paragraph("Ingen remissinstans tog ställning till förslaget.")
        for s in STANCE_ORDER:
            if groups[s]:
                paragraph = ctx.paragraph()
                fast_run(paragraph, f"{s.label} ({len(groups[s])}): ", bold=True)
                fast_run(paragraph, clean(", ".join(groups[s])) + ".")
        if others:
            paragraph = ctx.paragraph()
            fast_run(paragraph, f"Övriga som har yttrat sig ({len(others)}): ", bold=True)
            fast_run(paragraph, clean(", ".join(others)) + ".")
        if with_table and rows:
            ctx.caption("Tabell", f"Synpunkter på förslag {p.number}")
            ctx.table(["Remissinstans", "Ställningstagande", "Synpunkt"], rows)
        if with_quotes:
            quotes = [
                (c.name, q.text)
                for c in answered
                if c.response is not None
                for q in c.response.quotes
                if q.is_key and q.proposal_id == p.id
            ]
            if quotes:
                ctx.heading("Centrala synpunkter", 2)
                for name, text in quotes:
                    quote = ctx.styled(ctx.styles.quote)
                    fast_run(quote, f"”{clean(text.strip())}”")
                    fast_run(quote, f" – {clean(name)}")
        ctx.heading("Utredningens kommentar", 2)
        comment_md = rnd.comments.get(p.id, "")
        if comment_md.strip():
            ctx.markdown(comment_md, depth=3)
        else:
            ctx.paragraph("[Utredningens kommentar är ännu inte skriven.]", italic=True)
        if silent:
            paragraph = ctx.paragraph()
            fast_run(paragraph, "Svarade inte: ", bold=True)
            fast_run(paragraph, clean(", ".join(silent)) + ".")
        written += 1
    return written


@block("remiss_ej_svar", help="inbjudna remissinstanser som inte har svarat")
def not_answered_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = latest_round(ctx)
    if rnd is None:
        return 0
    silent = unanswered_consultees(rnd)
    if not silent:
        ctx.paragraph("Alla inbjudna remissinstanser svarade.")
        return 1
    for c in silent:
        ctx.styled(ctx.styles.bullets[0], c.name)
    return len(silent)


@block("remissinstanser", help="bilaga: remissinstanserna med svarsdatum")
def consultees_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = latest_round(ctx)
    if rnd is None or not rnd.consultees:
        return 0
    if rnd.deadline:
        ctx.paragraph(
            f"Remissen skickades ut {format_date(rnd.sent_date)} med sista svarsdag "
            f"{format_date(rnd.deadline)}."
            if rnd.sent_date
            else f"Sista svarsdag var {format_date(rnd.deadline)}."
        )
    rows = []
    for c in rnd.consultees:
        if c.response is not None:
            answer = format_date(c.response.received_date) or "Svar utan datum"
        else:
            answer = "Inget svar" if c.invited else "–"
        rows.append([c.name, c.type.label, "Ja" if c.invited else "Nej (eget initiativ)", answer])
    ctx.caption("Tabell", "Remissinstanser och svarsdatum")
    ctx.table(
        ["Remissinstans", "Typ", "Inbjuden", "Svar inkom"],
        rows,
    )
    return 1


HEADING = "Övriga som har yttrat sig"


@block(
    "remiss_ovriga", help="övriga som har yttrat sig (svar från instanser som inte var inbjudna)"
)
def uninvited_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    rnd = ctx.data.latest_round()
    if rnd is None:
        return 0
    others = [c for c in rnd.consultees if not c.invited and c.response is not None]
    if not others:
        return 0
    ctx.paragraph(
        "Följande har yttrat sig utan att ha varit inbjudna remissinstanser:"
        if len(others) > 1
        else "Följande har yttrat sig utan att ha varit inbjuden remissinstans:"
    )
    for c in sorted(others, key=lambda c: c.name.casefold()):
        received = format_date(c.response.received_date) if c.response else ""
        text = f"{c.name} ({c.type.label.casefold()}" + (
            f", inkom {received})" if received else ")"
        )
        ctx.styled(ctx.styles.bullets[0], text)
    return len(others)
