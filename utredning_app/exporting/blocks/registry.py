"""The block registry: ``@block("typ", params…, help=…)`` registers a function under the
Swedish ``typ`` that outlines (``exports/outlines/*.toml``) name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from utredning_app.domain.report_model import ReportData
from utredning_app.exporting.blocks.context import Background, BuildContext

BlockFn = Callable[[BuildContext, dict[str, Any]], int]
# Starts a block's background work from the report's data (before the document exists).
PrefetchFn = Callable[[ReportData, dict[str, Any], Background], None]


@dataclass(frozen=True)
class BlockSpec:
    fn: BlockFn
    params: tuple[str, ...]
    help: str
    prefetch: PrefetchFn | None = None  # called for every use in the outline before writing


BLOCKS: dict[str, BlockSpec] = {}


def block(
    name: str, *params: str, help: str, prefetch: PrefetchFn | None = None
) -> Callable[[BlockFn], BlockFn]:
    def register(fn: BlockFn) -> BlockFn:
        BLOCKS[name] = BlockSpec(fn, params, help, prefetch)
        return fn

    return register
