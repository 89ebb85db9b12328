"""The proposals: numbered with rationale, as a decision list, rationales."""

from __future__ import annotations

from typing import Any

from utredning_app.exporting.blocks.common import proposal_heading
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block
from utredning_app.exporting.docx_helpers import clean, fast_run, keep_with_next
from utredning_app.exporting.markdown_docx import markdown_to_plain


@block("forslag", "motivering", "rubriker", help="förslagen till beslut, numrerade")
def proposals_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    proposals = ctx.proposals()
    if not proposals:
        return 0
    as_headings = bool(params.get("rubriker", False))
    with_rationale = bool(params.get("motivering", False))
    for p in proposals:
        ctx.check()
        if as_headings:
            proposal_heading(ctx, p, 1)
        else:
            paragraph = ctx.paragraph()
            fast_run(paragraph, f"{p.label}. {clean(p.title)}", bold=True)
            keep_with_next(paragraph)
        ctx.markdown(p.text_md, depth=2)
        if with_rationale and p.rationale_md.strip():
            ctx.heading("Skälen för förslaget", 2) if as_headings else None
            ctx.markdown(p.rationale_md, depth=3)
    return len(proposals)


@block("forslag_lista", help="förslagen som en numrerad beslutslista (tjänsteutlåtande)")
def proposal_list_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from docx.shared import Cm

    proposals = ctx.proposals()
    # A decision list is numbered 1, 2, 3 …; where that differs from the proposal's own number
    # (kept since the delrapport) the proposal is named so the two can be matched.
    renumbered = [p.number for p in proposals] != list(range(1, len(proposals) + 1))
    for index, p in enumerate(proposals, start=1):
        paragraph = ctx.paragraph()
        fmt = paragraph.paragraph_format
        fmt.left_indent = Cm(0.8)
        fmt.first_line_indent = Cm(-0.8)
        body = (markdown_to_plain(p.text_md) or p.title).rstrip()
        fast_run(paragraph, f"{index}.\t{clean(body)}")
        if renumbered:
            fast_run(paragraph, f" (utredningens förslag {p.number})", italic=True)
    return len(proposals)


@block(
    "forslag_motiveringar",
    "utom_om_text",
    help="kort motivering per förslag (utelämnas om avsnittet utom_om_text finns)",
)
def proposal_rationales_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    key = params.get("utom_om_text")
    if key:
        existing = ctx.data.section(str(key), ctx.kind)
        if existing is not None and existing.body_md.strip():
            return 0
    written = 0
    for p in ctx.proposals():
        text = markdown_to_plain(p.rationale_md)
        if not text:
            continue
        paragraph = ctx.paragraph()
        fast_run(paragraph, f"{p.label}. ", bold=True)
        fast_run(paragraph, clean(text))
        written += 1
    return written
