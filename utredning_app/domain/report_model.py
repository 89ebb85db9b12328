"""What a Word/Excel report needs, as plain dataclasses (no ORM rows, no SQL).

Read from a file by ``services/report_data.load_report_data`` (which also drops private
content); written out by ``utredning_app/exporting``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from utredning_app.domain.appraisal import AppraisalInput
from utredning_app.domain.costs import CostModelInput
from utredning_app.domain.enums import (
    ConsulteeType,
    CriterionKind,
    DissentKind,
    LegalForm,
    MemberRole,
    MilestoneKind,
    ReportKind,
    ReportStatus,
    StanceKind,
)


@dataclass(frozen=True)
class InvestigationInfo:
    title: str
    diarienummer: str
    commissioned_by: str
    region: str
    administration: str
    case_officer: str
    case_officer_contact: str
    directive_md: str
    decided_on: dt.date | None
    score_min: int
    score_max: int
    horizon_start_year: int
    horizon_years: int
    discount_rate: float
    price_base_year: int
    signatory: str = ""  # the regiondirektör who signs the tjänsteutlåtande
    deciding_body: str = ""  # e.g. "Regionfullmäktige"


@dataclass(frozen=True)
class MilestoneData:
    kind: MilestoneKind
    title: str
    due_date: dt.date
    done: bool


@dataclass(frozen=True)
class PartyData:
    id: str
    abbreviation: str
    name: str


@dataclass(frozen=True)
class MemberData:
    id: str
    name: str
    role: MemberRole
    party: str  # abbreviation, "" when none
    title: str


@dataclass(frozen=True)
class ProviderData:
    id: str
    name: str
    short_name: str
    legal_form: LegalForm
    governed_by: str
    description_md: str
    employees: int | None
    turnover_mnkr: float | None


@dataclass(frozen=True)
class OptionData:
    id: str
    code: str
    name: str
    is_baseline: bool
    description_md: str
    legal_aspects_md: str
    effects_md: str


@dataclass(frozen=True)
class CriterionData:
    id: str
    name: str
    kind: CriterionKind
    description_md: str
    weight: float


@dataclass(frozen=True)
class AssessmentData:
    option_id: str
    criterion_id: str
    score: float | None
    rationale_md: str
    source: str


@dataclass(frozen=True)
class ProposalData:
    id: str
    number: int
    title: str
    text_md: str
    rationale_md: str
    in_delrapport: bool
    in_slutrapport: bool
    option_ids: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"Förslag {self.number}"


@dataclass(frozen=True)
class SectionData:
    key: str
    title: str
    body_md: str


@dataclass(frozen=True)
class SnapshotProposal:
    """A proposal as it stood in a sent edition."""

    id: str
    number: int
    title: str
    text_md: str


@dataclass(frozen=True)
class EditionData:
    """A sent edition of a report (the .docx bytes stay in the file; see services/editions)."""

    id: str
    edition_date: dt.date
    label: str
    proposals: tuple[SnapshotProposal, ...] = ()


@dataclass(frozen=True)
class ReportInfo:
    kind: ReportKind
    title: str
    status: ReportStatus
    report_date: dt.date | None
    sections: tuple[SectionData, ...]
    id: str = ""
    editions: tuple[EditionData, ...] = ()  # oldest first

    @property
    def latest_edition(self) -> EditionData | None:
        return self.editions[-1] if self.editions else None


@dataclass(frozen=True)
class StanceData:
    stance: StanceKind
    comment_md: str


@dataclass(frozen=True)
class QuoteData:
    proposal_id: str | None
    text: str
    is_key: bool


@dataclass(frozen=True)
class ResponseData:
    received_date: dt.date | None
    their_reference: str
    summary_md: str
    stances: dict[str, StanceData]  # proposal id → stance
    quotes: tuple[QuoteData, ...]
    declined: bool = False  # status "avstått": the instans declined to answer


@dataclass(frozen=True)
class ConsulteeData:
    id: str
    name: str
    type: ConsulteeType
    invited: bool
    response: ResponseData | None  # the latest live response; None = did not answer


@dataclass(frozen=True)
class RoundData:
    id: str
    name: str
    sent_date: dt.date | None
    deadline: dt.date | None
    description_md: str
    proposal_ids: tuple[str, ...]
    consultees: tuple[ConsulteeData, ...]
    comments: dict[str, str] = field(default_factory=dict)  # proposal id → Utredningens kommentar


@dataclass(frozen=True)
class DissentData:
    kind: DissentKind
    proposal_id: str | None
    party: str  # abbreviation
    party_name: str
    title: str
    text_md: str
    members: tuple[str, ...]
    # (name, the member's own party abbreviation) of each signing member, in ``members`` order.
    signers: tuple[tuple[str, str], ...] = ()


@dataclass
class ReportData:
    investigation: InvestigationInfo
    milestones: list[MilestoneData] = field(default_factory=list)
    parties: list[PartyData] = field(default_factory=list)
    members: list[MemberData] = field(default_factory=list)
    providers: list[ProviderData] = field(default_factory=list)
    options: list[OptionData] = field(default_factory=list)
    criteria: list[CriterionData] = field(default_factory=list)
    assessments: dict[tuple[str, str], AssessmentData] = field(default_factory=dict)
    proposals: list[ProposalData] = field(default_factory=list)
    reports: dict[ReportKind, ReportInfo] = field(default_factory=dict)
    rounds: list[RoundData] = field(default_factory=list)
    dissents: list[DissentData] = field(default_factory=list)
    # The cost model and the appraisal as the app computes them (domain inputs), so the
    # reports' present values, simulations and rankings are the app's own figures.
    cost_model: CostModelInput | None = None
    appraisal: AppraisalInput | None = None

    # ----------------------------------------------------------- look-ups for the blocks

    def section(self, key: str, prefer: ReportKind | None = None) -> SectionData | None:
        """The shared section with ``key``: from the preferred report first, then any report."""
        order = list(self.reports.values())
        if prefer is not None and prefer in self.reports:
            order.remove(self.reports[prefer])
            order.insert(0, self.reports[prefer])
        for report in order:
            for section in report.sections:
                if section.key == key:
                    return section
        return None

    @property
    def baseline(self) -> OptionData | None:
        return next((o for o in self.options if o.is_baseline), None)

    def option(self, option_id: str) -> OptionData | None:
        return next((o for o in self.options if o.id == option_id), None)

    def proposals_for(self, kind: ReportKind | None) -> list[ProposalData]:
        if kind == ReportKind.DELRAPPORT:
            return [p for p in self.proposals if p.in_delrapport]
        if kind in (ReportKind.SLUTRAPPORT, ReportKind.TJANSTEUTLATANDE):
            return [p for p in self.proposals if p.in_slutrapport]
        return list(self.proposals)

    def round_proposals(self, rnd: RoundData) -> list[ProposalData]:
        """The proposals the round sent on remiss (those still in the file, in the round's
        order); a round that names none: the delrapport's."""
        if rnd.proposal_ids:
            by_id = {p.id: p for p in self.proposals}
            return [by_id[pid] for pid in rnd.proposal_ids if pid in by_id]
        return [p for p in self.proposals if p.in_delrapport]

    def latest_round(self) -> RoundData | None:
        return self.rounds[-1] if self.rounds else None
