"""Small helpers several kinds of block share."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.enums import ReportKind, StanceKind
from utredning_app.domain.formatting import format_number
from utredning_app.domain.report_model import ConsulteeData, ProposalData, RoundData
from utredning_app.exporting.blocks.context import BuildContext


def mnkr(value: float) -> str:
    return format_number(value, 1)


def report_kind(value: Any, default: ReportKind) -> ReportKind:
    return ReportKind(value) if isinstance(value, str) and value else default


def proposal_heading(ctx: BuildContext, proposal: ProposalData, depth: int) -> None:
    ctx.heading(f"{proposal.label}. {proposal.title}", depth)


def latest_round(ctx: BuildContext) -> RoundData | None:
    return ctx.data.latest_round()


STANCE_ORDER = tuple(StanceKind)  # för, för med synpunkter, mot, ingen erinran, avstår


def answered_consultees(rnd: RoundData) -> list[ConsulteeData]:
    return [c for c in rnd.consultees if c.response is not None]


def unanswered_consultees(rnd: RoundData) -> list[ConsulteeData]:
    return [c for c in rnd.consultees if c.response is None and c.invited]
