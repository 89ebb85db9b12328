"""The investigation's members and its timetable."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.formatting import format_date
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block


@block("ledamoter", help="utredningens ledamöter, sekretariat och experter")
def members_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    members = ctx.data.members
    if not members:
        return 0
    from utredning_app.domain.enums import MemberRole

    order = {r: i for i, r in enumerate(MemberRole)}
    rows = [
        [m.name, m.role.label, m.party or "–", m.title or ""]
        for m in sorted(members, key=lambda m: (order[m.role], m.party, m.name))
    ]
    ctx.caption("Tabell", "Utredningens sammansättning")
    ctx.table(["Namn", "Roll", "Parti", "Titel"], rows)
    return 1


@block("tidplan", help="milstolparna som en tabell")
def milestones_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    from utredning_app.domain.enums import MilestoneKind

    # The group's own meetings are not part of the plan for carrying the proposals out.
    milestones = [m for m in ctx.data.milestones if m.kind != MilestoneKind.SAMMANTRADE]
    if not milestones:
        return 0
    ctx.caption("Tabell", "Tidplan")
    ctx.table(
        ["Datum", "Milstolpe", "Typ", "Klar"],
        [
            [format_date(m.due_date), m.title, m.kind.label, "Ja" if m.done else "Nej"]
            for m in milestones
        ],
    )
    return 1
