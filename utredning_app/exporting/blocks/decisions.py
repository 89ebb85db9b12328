"""Blocks for the decision documents: the tjänsteutlåtande's beslut with att-satser, the
slutrapport's att-list of proposals and "Hur synpunkterna har beaktats" (what changed in each
proposal since the delrapport edition that went on remiss, and Utredningens kommentar).

Registered in ``exporting.blocks.BLOCKS`` when imported (the package imports this module).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from utredning_app.domain.enums import ReportKind
from utredning_app.domain.formatting import format_date
from utredning_app.domain.report_model import ProposalData, ReportData, SnapshotProposal
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block
from utredning_app.exporting.docx_helpers import clean, fast_run
from utredning_app.exporting.markdown_docx import markdown_to_plain

DEFAULT_DECIDING_BODY = "Regionfullmäktige"


def _keeps_capital(data: ReportData) -> set[str]:
    """First words of names (bodies, bolag, verksamheter) that keep their capital letter
    at the start of an att-sats."""
    inv = data.investigation
    names = [inv.commissioned_by, inv.deciding_body, inv.region, inv.administration]
    names += [p.name for p in data.providers]
    for rnd in data.rounds:
        names += [c.name for c in rnd.consultees]
    return {n.split()[0] for n in names if n.strip()}


def att_clause(text: str, keep: set[str]) -> str:
    """``att`` + the proposal's text, its first letter lower case unless it starts a name."""
    text = text.strip().rstrip(".")
    if not text:
        return "att"
    first = text.split()[0]
    if first not in keep and not first.isupper():
        text = text[0].lower() + text[1:]
    return f"att {text}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


@block("beslut", help="förslag till beslut: ”Regionstyrelsen föreslår … besluta att” + att-satser")
def decision_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """The tjänsteutlåtande's decision: one numbered att-sats per proposal."""
    from docx.shared import Cm

    proposals = ctx.proposals()
    if not proposals:
        return 0
    inv = ctx.data.investigation
    proposer = inv.commissioned_by or "Regionstyrelsen"
    deciding = inv.deciding_body or DEFAULT_DECIDING_BODY
    if deciding.casefold() == proposer.casefold():
        ctx.paragraph(f"{proposer} beslutar")
    else:
        ctx.paragraph(f"{proposer} föreslår {_lower_first(deciding)} besluta")
    keep = _keeps_capital(ctx.data)
    renumbered = [p.number for p in proposals] != list(range(1, len(proposals) + 1))
    for index, p in enumerate(proposals, start=1):
        body = markdown_to_plain(p.text_md) or p.title
        paragraph = ctx.paragraph()
        fmt = paragraph.paragraph_format
        fmt.left_indent = Cm(0.8)
        fmt.first_line_indent = Cm(-0.8)
        fast_run(paragraph, f"{index}.\t{clean(att_clause(body, keep))}")
        if renumbered:
            fast_run(paragraph, f" (utredningens förslag {p.number})", italic=True)
    return len(proposals)


@block("forslag_attlista", help="förslagen till beslut som en att-lista, en rad per förslag")
def proposal_att_list_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """One line per proposal by its number; the full texts stand in "Utredningens förslag"."""
    proposals = ctx.proposals()
    if not proposals:
        return 0
    deciding = ctx.data.investigation.deciding_body or DEFAULT_DECIDING_BODY
    ctx.paragraph(f"Utredningen föreslår att {_lower_first(deciding)} beslutar")
    for p in proposals:
        paragraph = ctx.styled(ctx.styles.bullets[0])
        fast_run(paragraph, f"att anta förslag {p.number}: ")
        fast_run(paragraph, clean(p.title))
    ctx.paragraph(
        "Förslagen och skälen för dem redovisas i sin helhet i kapitlet Utredningens förslag.",
        italic=True,
    )
    return len(proposals)


_WORD = re.compile(r"\S+\s*")


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """``(op, text)`` pieces from ``before`` to ``after`` by words: op is "=", "-" or "+"."""
    a = _WORD.findall(before)
    b = _WORD.findall(after)
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("+", "".join(b[j1:j2])))
    return pieces


def _sent_edition(data: ReportData) -> tuple[Any, dict[str, SnapshotProposal]] | None:
    report = data.reports.get(ReportKind.DELRAPPORT)
    edition = report.latest_edition if report is not None else None
    if edition is None:
        return None
    return edition, {p.id: p for p in edition.proposals}


@block("beaktande", help="per förslag: ändringar sedan delrapporten och utredningens kommentar")
def considered_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """Förslag → remissvar → ändring: for each proposal sent on remiss, the text of the
    delrapport edition against today's text as a readable diff (struck out / underlined),
    and Utredningens kommentar from the remiss round."""
    from docx.enum.text import WD_COLOR_INDEX

    data = ctx.data
    rnd = data.latest_round()
    if rnd is None:
        return 0
    proposals: list[ProposalData] = data.round_proposals(rnd)
    if not proposals:
        return 0
    sent = _sent_edition(data)
    if sent is None:
        ctx.paragraph(
            "Delrapporten som skickades på remiss finns inte sparad som utgåva i filen; "
            "ändringarna sedan dess kan därför inte visas.",
            italic=True,
        )
    else:
        edition, _ = sent
        ctx.paragraph(
            "Ändringarna avser förslagens lydelse i delrapporten "
            f"({format_date(edition.edition_date)}) jämfört med slutrapporten: struken text "
            "har tagits bort, understruken text har tillkommit.",
            italic=True,
        )
    for p in proposals:
        ctx.check()
        ctx.heading(f"{p.label}. {p.title}", 2)
        now = markdown_to_plain(p.text_md)
        if sent is not None:
            before_p = sent[1].get(p.id)
            if before_p is None:
                ctx.paragraph("Förslaget fanns inte med i delrapporten.")
            else:
                before = markdown_to_plain(before_p.text_md)
                if before == now and before_p.title == p.title:
                    ctx.paragraph("Förslaget är oförändrat sedan delrapporten.")
                else:
                    lead = ctx.paragraph()
                    fast_run(lead, "Ändrat sedan delrapporten: ", bold=True)
                    if before_p.title != p.title:
                        fast_run(lead, f"rubriken var tidigare ”{clean(before_p.title)}”.")
                    paragraph = ctx.styled(ctx.styles.quote)
                    for op, text in word_diff(before, now):
                        run = fast_run(paragraph, text, strike=op == "-", underline=op == "+")
                        if op == "+":
                            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        comment = rnd.comments.get(p.id, "")
        lead = ctx.paragraph()
        fast_run(lead, "Utredningens kommentar: ", bold=True)
        if comment.strip():
            fast_run(lead, clean(markdown_to_plain(comment)))
        else:
            fast_run(lead, "ingen kommentar skriven.", italic=True)
    return len(proposals)
