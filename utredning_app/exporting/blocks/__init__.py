"""The building blocks of the reports: one function per kind of content.

Each block writes into the document of a ``BuildContext`` and returns how many elements it
wrote (0 = nothing to say, so an empty chapter can be dropped or marked in a draft). Outlines
(``exports/outlines/*.toml``) name blocks by their Swedish ``typ`` and pass parameters.

One module per subject; each registers its blocks in ``BLOCKS`` when imported, so this
package imports them all:

- ``context``: ``BuildContext`` (what a block writes with), ``Cancelled``;
- ``registry``: ``BLOCKS`` and the ``@block`` decorator;
- ``text``: prose, headings, the directive, today's providers;
- ``options``: the options, the appraisal matrix and the assessments;
- ``costs``: costs, costs per actor, estimates; ``cost_model``: present values, Monte Carlo,
  ranking per weight profile;
- ``proposals``; ``remiss`` (the remissammanställning); ``dissent`` (reservationer);
- ``organisation``: members and timetable; ``memo`` (the tjänsteutlåtande's parts);
  ``decisions``: att-satser and "Hur synpunkterna har beaktats".
"""

from __future__ import annotations

from utredning_app.exporting.blocks import (  # noqa: F401  (each registers its blocks)
    cost_model,
    costs,
    decisions,
    dissent,
    memo,
    options,
    organisation,
    proposals,
    remiss,
    text,
)
from utredning_app.exporting.blocks.context import (
    FIGURE_WIDTH_CM,
    BuildContext,
    Cancelled,
    PendingChart,
)
from utredning_app.exporting.blocks.registry import BLOCKS, BlockFn, BlockSpec, PrefetchFn, block

__all__ = [
    "BLOCKS",
    "FIGURE_WIDTH_CM",
    "BlockFn",
    "BlockSpec",
    "BuildContext",
    "Cancelled",
    "PendingChart",
    "PrefetchFn",
    "block",
]
