"""Prose blocks: text sections, headings, the directive and today's providers."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.formatting import format_date
from utredning_app.exporting.blocks.common import report_kind
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block


@block(
    "text", "nyckel", "reserv", "rapport", "rubrik", help="ett textavsnitt (Markdown) med nyckeln"
)
def text_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """The section with ``nyckel`` (from the report ``rapport``, else this document's report,
    else any report); ``reserv`` names a section to use when that one is missing."""
    prefer = report_kind(params.get("rapport"), ctx.kind)
    section = ctx.data.section(str(params.get("nyckel", "")), prefer)
    if (section is None or not section.body_md.strip()) and params.get("reserv"):
        section = ctx.data.section(str(params["reserv"]), prefer)
    if section is None or not section.body_md.strip():
        return 0
    if params.get("rubrik"):
        ctx.heading(str(params["rubrik"]))
    return ctx.markdown(section.body_md)


@block("rubrik", "text", help="en underrubrik i kapitlet")
def heading_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    ctx.heading(str(params.get("text", "")))
    return 0  # a heading alone does not make a chapter non-empty


@block("uppdraget", help="direktivet och vem som gav uppdraget")
def directive_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    inv = ctx.data.investigation
    written = 0
    if inv.commissioned_by or inv.decided_on:
        parts = []
        if inv.commissioned_by:
            parts.append(f"{inv.commissioned_by} gav uppdraget")
        if inv.decided_on:
            parts.append(f"genom beslut {format_date(inv.decided_on)}")
        if inv.diarienummer:
            parts.append(f"(dnr {inv.diarienummer})")
        ctx.paragraph(" ".join(parts) + ".")
        written += 1
    if inv.directive_md.strip():
        written += ctx.markdown(inv.directive_md)
    return written
