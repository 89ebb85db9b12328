"""Reservationer and särskilda yttranden."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.enums import DissentKind
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block


@block("reservationer", help="reservationer och särskilda yttranden per förslag och parti")
def dissents_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    """Per kind (a sub-heading only when both kinds occur: the chapter's own title already
    says "Reservationer"), per proposal: the text and the ledamöter who sign it, each with
    their own party."""
    dissents = ctx.data.dissents
    if not dissents:
        return 0
    by_proposal = {p.id: p for p in ctx.data.proposals}
    kinds = [
        k
        for k in (DissentKind.RESERVATION, DissentKind.SARSKILT_YTTRANDE)
        if any(d.kind == k for d in dissents)
    ]
    written = 0
    for kind in kinds:
        items = [d for d in dissents if d.kind == kind]
        depth = 1
        if len(kinds) > 1:
            title = "Reservationer" if kind == DissentKind.RESERVATION else "Särskilda yttranden"
            ctx.heading(title)
            depth = 2
        items.sort(
            key=lambda d: (by_proposal[d.proposal_id].number if d.proposal_id else 10_000, d.party)
        )
        for d in items:
            ctx.check()
            names_of = {p.abbreviation: p.name for p in ctx.data.parties}
            parties = [names_of.get(a, a) for a in dict.fromkeys(a for _, a in d.signers if a)]
            if not parties:
                parties = [d.party_name or d.party or "ledamot"]
            who = (
                parties[0] if len(parties) == 1 else ", ".join(parties[:-1]) + f" och {parties[-1]}"
            )
            about = ""
            if d.proposal_id and d.proposal_id in by_proposal:
                about = f" – förslag {by_proposal[d.proposal_id].number}"
            heading = f"{kind.label} av {who}{about}"
            if d.title:
                heading += f": {d.title}"
            ctx.heading(heading, depth)
            ctx.markdown(d.text_md, depth=depth + 1)
            names = [f"{name} ({party})" if party else name for name, party in d.signers]
            if not names and d.members:
                names = list(d.members)
            if names:
                paragraph = ctx.paragraph(", ".join(names))
                paragraph.runs[0].italic = True
            written += 1
    return written
