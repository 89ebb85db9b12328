"""Report block "Övriga som har yttrat sig": the organisations that answered without being
invited (spontaneous remissvar, consultees with ``invited`` off), in the remissammanställning.
Kept in its own module so the remissammanställning's other blocks can change without it."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.formatting import format_date
from utredning_app.exporting.blocks import BuildContext, block

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
