"""ORM models: everything one investigation file holds.

Table and column names are English and stable: they are the schema of the file and of the
open JSON archive (``resources/schema/arkiv-v2.schema.json``). Change them only through a
migration in ``db/migrations/versions``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from utredning_app.domain import vocabulary
from utredning_app.domain.enums import (
    Actor,
    AuditAction,
    ConsulteeType,
    CriterionKind,
    DissentKind,
    EstimateKind,
    LegalForm,
    MemberRole,
    MilestoneKind,
    ReportKind,
    ReportStatus,
    ResponseStatus,
    StanceKind,
    Visibility,
)
from utredning_app.storage.base import (
    Base,
    TrackedMixin,
    enum_column,
    new_id,
    utcnow_precise,
)

# ---------------------------------------------------------------- the investigation


class Investigation(TrackedMixin, Base):
    """The uppdrag. Exactly one live row per file."""

    __tablename__ = "investigation"

    title: Mapped[str] = mapped_column(String(500))
    diarienummer: Mapped[str] = mapped_column(String(100), default="")
    commissioned_by: Mapped[str] = mapped_column(String(300), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    administration: Mapped[str] = mapped_column(String(200), default="")  # förvaltning
    case_officer: Mapped[str] = mapped_column(String(200), default="")  # handläggare
    case_officer_contact: Mapped[str] = mapped_column(String(300), default="")
    directive_md: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    # Appraisal and cost-model settings.
    score_min: Mapped[int] = mapped_column(Integer, default=1)
    score_max: Mapped[int] = mapped_column(Integer, default=5)
    horizon_start_year: Mapped[int] = mapped_column(Integer, default=2024)
    horizon_years: Mapped[int] = mapped_column(Integer, default=5)
    discount_rate: Mapped[float] = mapped_column(Float, default=0.035)
    price_base_year: Mapped[int] = mapped_column(Integer, default=2023)
    # The tjänsteutlåtande: who signs it (the regiondirektör, by name) and which body decides
    # ("Regionstyrelsen föreslår regionfullmäktige besluta att …").
    signatory: Mapped[str] = mapped_column(String(200), default="")
    deciding_body: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        CheckConstraint("score_min < score_max", name="score_range"),
        CheckConstraint("horizon_years BETWEEN 1 AND 50", name="horizon"),
        CheckConstraint("discount_rate >= 0 AND discount_rate < 1", name="discount_rate"),
    )


class Milestone(TrackedMixin, Base):
    __tablename__ = "milestone"

    kind: Mapped[MilestoneKind] = mapped_column(enum_column(MilestoneKind))
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[dt.date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


# ---------------------------------------------------------------- people


class Party(TrackedMixin, Base):
    __tablename__ = "party"

    abbreviation: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    colour: Mapped[str] = mapped_column(String(9), default="#777777")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Member(TrackedMixin, Base):
    __tablename__ = "member"

    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[MemberRole] = mapped_column(enum_column(MemberRole))
    party_id: Mapped[str | None] = mapped_column(ForeignKey("party.id"), default=None, index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    # The PostgreSQL role this member logs in as on a shared server ("" = none); unique among
    # the members that have one (migration 0006_server).
    login: Mapped[str] = mapped_column(String(63), default="", server_default="")

    party: Mapped[Party | None] = relationship()

    __table_args__ = (
        Index(
            "ux_member_login",
            "login",
            unique=True,
            sqlite_where=text("login <> ''"),
            postgresql_where=text("login <> ''"),
        ),
    )


# ---------------------------------------------------------------- the care being governed


class ProviderUnit(TrackedMixin, Base):
    """An egenägd vårdgivare / verksamhet."""

    __tablename__ = "provider_unit"

    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(50), default="")
    legal_form: Mapped[LegalForm] = mapped_column(enum_column(LegalForm))
    governed_by: Mapped[str] = mapped_column(String(300), default="")  # nämnd/styrelse
    description_md: Mapped[str] = mapped_column(Text, default="")
    employees: Mapped[int | None] = mapped_column(Integer, default=None)
    turnover_mnkr: Mapped[float | None] = mapped_column(Float, default=None)

    __table_args__ = (CheckConstraint("employees IS NULL OR employees >= 0", name="employees"),)


class GovernanceOption(TrackedMixin, Base):
    """A styrmodell / alternativ; exactly one live option should be the baseline."""

    __tablename__ = "governance_option"

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    is_baseline: Mapped[bool] = mapped_column(Boolean, default=False)
    description_md: Mapped[str] = mapped_column(Text, default="")
    legal_aspects_md: Mapped[str] = mapped_column(Text, default="")
    effects_md: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


# ---------------------------------------------------------------- appraisal


class Criterion(TrackedMixin, Base):
    __tablename__ = "criterion"

    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[CriterionKind] = mapped_column(enum_column(CriterionKind))
    description_md: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (CheckConstraint("weight >= 0", name="weight"),)


class Assessment(TrackedMixin, Base):
    """Score of one option on one criterion, with rationale and source."""

    __tablename__ = "assessment"

    option_id: Mapped[str] = mapped_column(ForeignKey("governance_option.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(ForeignKey("criterion.id"), index=True)
    score: Mapped[float | None] = mapped_column(Float, default=None)
    rationale_md: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")

    option: Mapped[GovernanceOption] = relationship()
    criterion: Mapped[Criterion] = relationship()

    __table_args__ = (UniqueConstraint("option_id", "criterion_id"),)


class WeightProfile(TrackedMixin, Base):
    """A set of criterion weights, e.g. one party's own weighting."""

    __tablename__ = "weight_profile"

    name: Mapped[str] = mapped_column(String(200))
    party_id: Mapped[str | None] = mapped_column(ForeignKey("party.id"), default=None, index=True)

    party: Mapped[Party | None] = relationship()


class ProfileWeight(TrackedMixin, Base):
    __tablename__ = "profile_weight"

    profile_id: Mapped[str] = mapped_column(ForeignKey("weight_profile.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(ForeignKey("criterion.id"), index=True)
    weight: Mapped[float] = mapped_column(Float)

    __table_args__ = (
        UniqueConstraint("profile_id", "criterion_id"),
        CheckConstraint("weight >= 0", name="weight"),
    )


# ---------------------------------------------------------------- estimates


class Estimate(TrackedMixin, Base):
    """A skattning: cost, capacity or quality effect of an option, per year low/base/high."""

    __tablename__ = "estimate"

    option_id: Mapped[str] = mapped_column(ForeignKey("governance_option.id"), index=True)
    provider_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("provider_unit.id"), default=None, index=True
    )
    kind: Mapped[EstimateKind] = mapped_column(enum_column(EstimateKind))
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(50))
    actor: Mapped[Actor] = mapped_column(enum_column(Actor), default=Actor.REGION)
    price_base_year: Mapped[int | None] = mapped_column(Integer, default=None)
    assumption_md: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    financing: Mapped[str] = mapped_column(String(500), default="")

    option: Mapped[GovernanceOption] = relationship()
    provider_unit: Mapped[ProviderUnit | None] = relationship()
    values: Mapped[list[EstimateValue]] = relationship(
        back_populates="estimate", order_by="EstimateValue.year"
    )


class EstimateValue(TrackedMixin, Base):
    __tablename__ = "estimate_value"

    estimate_id: Mapped[str] = mapped_column(ForeignKey("estimate.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    low: Mapped[float] = mapped_column(Float)
    base: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)

    estimate: Mapped[Estimate] = relationship(back_populates="values")

    __table_args__ = (
        UniqueConstraint("estimate_id", "year"),
        CheckConstraint("low <= base AND base <= high", name="ordered"),
        CheckConstraint("year BETWEEN 1900 AND 2200", name="year"),
    )


# ---------------------------------------------------------------- proposals and reports


class Proposal(TrackedMixin, Base):
    """A numbered förslag (till beslut); the number is kept from delrapport to slutrapport."""

    __tablename__ = "proposal"

    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    text_md: Mapped[str] = mapped_column(Text, default="")
    rationale_md: Mapped[str] = mapped_column(Text, default="")
    in_delrapport: Mapped[bool] = mapped_column(Boolean, default=True)
    in_slutrapport: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (CheckConstraint("number > 0", name="number"),)


class ProposalOption(TrackedMixin, Base):
    """Link: the proposal builds on this governance option."""

    __tablename__ = "proposal_option"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    option_id: Mapped[str] = mapped_column(ForeignKey("governance_option.id"), index=True)

    __table_args__ = (UniqueConstraint("proposal_id", "option_id"),)


class Report(TrackedMixin, Base):
    __tablename__ = "report"

    kind: Mapped[ReportKind] = mapped_column(enum_column(ReportKind))
    title: Mapped[str] = mapped_column(String(500))
    status: Mapped[ReportStatus] = mapped_column(
        enum_column(ReportStatus), default=ReportStatus.UTKAST
    )
    report_date: Mapped[dt.date | None] = mapped_column(Date, default=None)

    sections: Mapped[list[Section]] = relationship(
        back_populates="report", order_by="Section.sort_order"
    )


class Section(TrackedMixin, Base):
    """An avsnitt of a report; prose is Markdown (see domain/markdown subset)."""

    __tablename__ = "section"

    report_id: Mapped[str] = mapped_column(ForeignKey("report.id"), index=True)
    key: Mapped[str] = mapped_column(String(100))  # used by the export outlines
    title: Mapped[str] = mapped_column(String(300))
    body_md: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    visibility: Mapped[Visibility] = mapped_column(
        enum_column(Visibility), default=Visibility.GRUPPEN
    )
    author: Mapped[str] = mapped_column(String(200), default="")
    author_party: Mapped[str] = mapped_column(String(20), default="")

    report: Mapped[Report] = relationship(back_populates="sections")


class Note(TrackedMixin, Base):
    """A member's note on anything; privat/parti notes never leave the author's file."""

    __tablename__ = "note"

    title: Mapped[str] = mapped_column(String(300), default="")
    body_md: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[Visibility] = mapped_column(
        enum_column(Visibility), default=Visibility.PRIVAT
    )
    author: Mapped[str] = mapped_column(String(200), default="")
    author_party: Mapped[str] = mapped_column(String(20), default="")
    subject_table: Mapped[str] = mapped_column(String(50), default="")
    subject_id: Mapped[str] = mapped_column(String(36), default="")
    released: Mapped[bool] = mapped_column(Boolean, default=False)


# ---------------------------------------------------------------- remiss


class ConsultationRound(TrackedMixin, Base):
    __tablename__ = "consultation_round"

    name: Mapped[str] = mapped_column(String(300))
    report_id: Mapped[str | None] = mapped_column(ForeignKey("report.id"), default=None, index=True)
    sent_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    deadline: Mapped[dt.date | None] = mapped_column(Date, default=None)
    description_md: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "sent_date IS NULL OR deadline IS NULL OR sent_date <= deadline", name="dates"
        ),
    )


class RoundProposal(TrackedMixin, Base):
    """Link: this proposal is sent on remiss in this round."""

    __tablename__ = "round_proposal"

    round_id: Mapped[str] = mapped_column(ForeignKey("consultation_round.id"), index=True)
    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)

    __table_args__ = (UniqueConstraint("round_id", "proposal_id"),)


class Consultee(TrackedMixin, Base):
    """A remissinstans in a round, invited or answering on its own initiative."""

    __tablename__ = "consultee"

    round_id: Mapped[str] = mapped_column(ForeignKey("consultation_round.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[ConsulteeType] = mapped_column(enum_column(ConsulteeType))
    invited: Mapped[bool] = mapped_column(Boolean, default=True)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(500), default="")


class Response(TrackedMixin, Base):
    """A remissvar."""

    __tablename__ = "response"

    consultee_id: Mapped[str] = mapped_column(ForeignKey("consultee.id"), index=True)
    received_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[ResponseStatus] = mapped_column(
        enum_column(ResponseStatus), default=ResponseStatus.MOTTAGEN
    )
    their_reference: Mapped[str] = mapped_column(String(200), default="")
    summary_md: Mapped[str] = mapped_column(Text, default="")
    extracted_text: Mapped[str] = mapped_column(Text, default="")
    # Pages whose text was read by OCR ("1–16"; "" = none). Revision 0004_remiss.
    ocr_pages: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The search index's key (FTS5 external content, revision 0004_remiss): a stable number
    # the database triggers give each answer; never set it from code.
    search_key: Mapped[int | None] = mapped_column(Integer, default=None, index=True)

    consultee: Mapped[Consultee] = relationship()


class Attachment(TrackedMixin, Base):
    """Original bytes of an answer file, kept unchanged inside the investigation file."""

    __tablename__ = "attachment"

    response_id: Mapped[str] = mapped_column(ForeignKey("response.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Stance(TrackedMixin, Base):
    """A ställningstagande: one response's stance on one proposal."""

    __tablename__ = "stance"

    response_id: Mapped[str] = mapped_column(ForeignKey("response.id"), index=True)
    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    stance: Mapped[StanceKind] = mapped_column(enum_column(StanceKind))
    comment_md: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("response_id", "proposal_id"),)


class Quote(TrackedMixin, Base):
    """A passage of an answer's text, kept with its place in the text."""

    __tablename__ = "quote"

    response_id: Mapped[str] = mapped_column(ForeignKey("response.id"), index=True)
    proposal_id: Mapped[str | None] = mapped_column(
        ForeignKey("proposal.id"), default=None, index=True
    )
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer, default=0)
    end_offset: Mapped[int] = mapped_column(Integer, default=0)
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="offsets"),
    )


class RemissComment(TrackedMixin, Base):
    """Utredningens kommentar: the investigation's own comment on the answers to one proposal
    in one remiss round (printed after the stances and quotes in the compilation)."""

    __tablename__ = "remiss_comment"

    round_id: Mapped[str] = mapped_column(ForeignKey("consultation_round.id"), index=True)
    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    text_md: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("round_id", "proposal_id"),)


class ReportEdition(TrackedMixin, Base):
    """A sent edition of a report with a status (delrapport, slutrapport): the content it was
    made from (JSON snapshot) and the exact .docx bytes, kept unchanged once made."""

    __tablename__ = "report_edition"

    report_id: Mapped[str] = mapped_column(ForeignKey("report.id"), index=True)
    edition_date: Mapped[dt.date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")
    snapshot_json: Mapped[str] = mapped_column(Text, default="{}")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    docx: Mapped[bytes] = mapped_column(LargeBinary)


# ---------------------------------------------------------------- dissent


class Dissent(TrackedMixin, Base):
    """A reservation or särskilt yttrande, by a party (and members) on a proposal."""

    __tablename__ = "dissent"

    kind: Mapped[DissentKind] = mapped_column(enum_column(DissentKind))
    proposal_id: Mapped[str | None] = mapped_column(
        ForeignKey("proposal.id"), default=None, index=True
    )
    party_id: Mapped[str | None] = mapped_column(ForeignKey("party.id"), default=None, index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    text_md: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[Visibility] = mapped_column(
        enum_column(Visibility), default=Visibility.GRUPPEN
    )


class DissentMember(TrackedMixin, Base):
    __tablename__ = "dissent_member"

    dissent_id: Mapped[str] = mapped_column(ForeignKey("dissent.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)

    __table_args__ = (UniqueConstraint("dissent_id", "member_id"),)


# ---------------------------------------------------------------- audit


class AuditEntry(Base):
    """Ändringslogg: append-only; written by the storage layer, never edited by the app."""

    __tablename__ = "audit_entry"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow_precise, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction))
    table_name: Mapped[str] = mapped_column(String(50), index=True)
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    summary: Mapped[str] = mapped_column(String(500), default="")
    changes_json: Mapped[str] = mapped_column(Text, default="{}")


# Every tracked (mergeable) model, parents before children: the archive's table order.
TRACKED_MODELS: tuple[type[TrackedMixin], ...] = (
    Investigation,
    Milestone,
    Party,
    Member,
    ProviderUnit,
    GovernanceOption,
    Criterion,
    Assessment,
    WeightProfile,
    ProfileWeight,
    Estimate,
    EstimateValue,
    Proposal,
    ProposalOption,
    Report,
    Section,
    Note,
    ConsultationRound,
    RoundProposal,
    Consultee,
    Response,
    Attachment,
    Stance,
    Quote,
    Dissent,
    DissentMember,
    RemissComment,
    ReportEdition,
)

# Swedish names of the tables (domain.vocabulary), imported from here by many callers.
TABLE_LABELS = vocabulary.TABLE_LABELS

# The merge bookkeeping tables (replica, versions, conflicts) live on the same metadata.
from utredning_app.storage import versions as _versions  # noqa: E402, F401
