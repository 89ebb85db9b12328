"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23 11:40:17.388013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column(
            "action",
            sa.Enum("create", "update", "delete", name="auditaction", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("changes_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_row_id"), ["row_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_table_name"), ["table_name"], unique=False)

    op.create_table(
        "criterion",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "legal",
                "capacity",
                "quality",
                "cost",
                "nursing",
                "other",
                name="criterionkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("description_md", sa.Text(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("weight >= 0", name=op.f("ck_criterion_weight")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
    )
    op.create_table(
        "governance_option",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("is_baseline", sa.Boolean(), nullable=False),
        sa.Column("description_md", sa.Text(), nullable=False),
        sa.Column("legal_aspects_md", sa.Text(), nullable=False),
        sa.Column("effects_md", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_governance_option")),
    )
    op.create_table(
        "investigation",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("diarienummer", sa.String(length=100), nullable=False),
        sa.Column("commissioned_by", sa.String(length=300), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("administration", sa.String(length=200), nullable=False),
        sa.Column("case_officer", sa.String(length=200), nullable=False),
        sa.Column("case_officer_contact", sa.String(length=300), nullable=False),
        sa.Column("directive_md", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("score_min", sa.Integer(), nullable=False),
        sa.Column("score_max", sa.Integer(), nullable=False),
        sa.Column("horizon_start_year", sa.Integer(), nullable=False),
        sa.Column("horizon_years", sa.Integer(), nullable=False),
        sa.Column("discount_rate", sa.Float(), nullable=False),
        sa.Column("price_base_year", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "discount_rate >= 0 AND discount_rate < 1", name=op.f("ck_investigation_discount_rate")
        ),
        sa.CheckConstraint("horizon_years BETWEEN 1 AND 50", name=op.f("ck_investigation_horizon")),
        sa.CheckConstraint("score_min < score_max", name=op.f("ck_investigation_score_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_investigation")),
    )
    op.create_table(
        "milestone",
        sa.Column(
            "kind",
            sa.Enum(
                "delrapport",
                "remisstid",
                "slutrapport",
                "sammantrade",
                "ovrigt",
                name="milestonekind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
    )
    op.create_table(
        "note",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body_md", sa.Text(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum("privat", "parti", "gruppen", name="visibility", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("author_party", sa.String(length=20), nullable=False),
        sa.Column("subject_table", sa.String(length=50), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("released", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    op.create_table(
        "party",
        sa.Column("abbreviation", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party")),
    )
    op.create_table(
        "proposal",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("text_md", sa.Text(), nullable=False),
        sa.Column("rationale_md", sa.Text(), nullable=False),
        sa.Column("in_delrapport", sa.Boolean(), nullable=False),
        sa.Column("in_slutrapport", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("number > 0", name=op.f("ck_proposal_number")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
    )
    op.create_table(
        "provider_unit",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=50), nullable=False),
        sa.Column(
            "legal_form",
            sa.Enum(
                "aktiebolag",
                "forvaltning",
                "namnd",
                "annan",
                name="legalform",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("governed_by", sa.String(length=300), nullable=False),
        sa.Column("description_md", sa.Text(), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("turnover_mnkr", sa.Float(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "employees IS NULL OR employees >= 0", name=op.f("ck_provider_unit_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_unit")),
    )
    op.create_table(
        "report",
        sa.Column(
            "kind",
            sa.Enum(
                "delrapport",
                "slutrapport",
                "remissammanstallning",
                "tjansteutlatande",
                name="reportkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column(
            "status",
            sa.Enum("utkast", "faststalld", name="reportstatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report")),
    )
    op.create_table(
        "assessment",
        sa.Column("option_id", sa.String(length=36), nullable=False),
        sa.Column("criterion_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("rationale_md", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["criterion_id"], ["criterion.id"], name=op.f("fk_assessment_criterion_id_criterion")
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["governance_option.id"],
            name=op.f("fk_assessment_option_id_governance_option"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint("option_id", "criterion_id", name=op.f("uq_assessment_option_id")),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_criterion_id"), ["criterion_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assessment_option_id"), ["option_id"], unique=False)

    op.create_table(
        "consultation_round",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("report_id", sa.String(length=36), nullable=True),
        sa.Column("sent_date", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("description_md", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "sent_date IS NULL OR deadline IS NULL OR sent_date <= deadline",
            name=op.f("ck_consultation_round_dates"),
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_consultation_round_report_id_report")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_round")),
    )
    with op.batch_alter_table("consultation_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_round_report_id"), ["report_id"], unique=False
        )

    op.create_table(
        "dissent",
        sa.Column(
            "kind",
            sa.Enum(
                "reservation", "sarskilt_yttrande", name="dissentkind", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("proposal_id", sa.String(length=36), nullable=True),
        sa.Column("party_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text_md", sa.Text(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum("privat", "parti", "gruppen", name="visibility", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_dissent_party_id_party")),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposal.id"], name=op.f("fk_dissent_proposal_id_proposal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dissent")),
    )
    with op.batch_alter_table("dissent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dissent_party_id"), ["party_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dissent_proposal_id"), ["proposal_id"], unique=False)

    op.create_table(
        "estimate",
        sa.Column("option_id", sa.String(length=36), nullable=False),
        sa.Column("provider_unit_id", sa.String(length=36), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "cost_one_off",
                "cost_annual",
                "capacity",
                "quality",
                name="estimatekind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column(
            "actor",
            sa.Enum(
                "region",
                "bolag",
                "kommuner",
                "staten",
                "patienter",
                "ovriga",
                name="actor",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("price_base_year", sa.Integer(), nullable=True),
        sa.Column("assumption_md", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("financing", sa.String(length=500), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["governance_option.id"],
            name=op.f("fk_estimate_option_id_governance_option"),
        ),
        sa.ForeignKeyConstraint(
            ["provider_unit_id"],
            ["provider_unit.id"],
            name=op.f("fk_estimate_provider_unit_id_provider_unit"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_estimate")),
    )
    with op.batch_alter_table("estimate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_estimate_option_id"), ["option_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_estimate_provider_unit_id"), ["provider_unit_id"], unique=False
        )

    op.create_table(
        "member",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "ordforande",
                "vice_ordforande",
                "ledamot",
                "ersattare",
                "sekreterare",
                "sekretariat",
                "expert",
                name="memberrole",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("party_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_member_party_id_party")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_party_id"), ["party_id"], unique=False)

    op.create_table(
        "proposal_option",
        sa.Column("proposal_id", sa.String(length=36), nullable=False),
        sa.Column("option_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["governance_option.id"],
            name=op.f("fk_proposal_option_option_id_governance_option"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposal.id"], name=op.f("fk_proposal_option_proposal_id_proposal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_option")),
        sa.UniqueConstraint(
            "proposal_id", "option_id", name=op.f("uq_proposal_option_proposal_id")
        ),
    )
    with op.batch_alter_table("proposal_option", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposal_option_option_id"), ["option_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposal_option_proposal_id"), ["proposal_id"], unique=False
        )

    op.create_table(
        "section",
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body_md", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum("privat", "parti", "gruppen", name="visibility", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("author_party", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_section_report_id_report")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_section")),
    )
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_section_report_id"), ["report_id"], unique=False)

    op.create_table(
        "weight_profile",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("party_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["party_id"], ["party.id"], name=op.f("fk_weight_profile_party_id_party")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weight_profile")),
    )
    with op.batch_alter_table("weight_profile", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_weight_profile_party_id"), ["party_id"], unique=False)

    op.create_table(
        "consultee",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "namnd",
                "bolag",
                "forvaltning",
                "organisation",
                "facklig",
                "ovrig",
                name="consulteetype",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["consultation_round.id"],
            name=op.f("fk_consultee_round_id_consultation_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultee")),
    )
    with op.batch_alter_table("consultee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultee_round_id"), ["round_id"], unique=False)

    op.create_table(
        "dissent_member",
        sa.Column("dissent_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dissent_id"], ["dissent.id"], name=op.f("fk_dissent_member_dissent_id_dissent")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_dissent_member_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dissent_member")),
        sa.UniqueConstraint("dissent_id", "member_id", name=op.f("uq_dissent_member_dissent_id")),
    )
    with op.batch_alter_table("dissent_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dissent_member_dissent_id"), ["dissent_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dissent_member_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "estimate_value",
        sa.Column("estimate_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("base", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("low <= base AND base <= high", name=op.f("ck_estimate_value_ordered")),
        sa.CheckConstraint("year BETWEEN 1900 AND 2200", name=op.f("ck_estimate_value_year")),
        sa.ForeignKeyConstraint(
            ["estimate_id"], ["estimate.id"], name=op.f("fk_estimate_value_estimate_id_estimate")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_estimate_value")),
        sa.UniqueConstraint("estimate_id", "year", name=op.f("uq_estimate_value_estimate_id")),
    )
    with op.batch_alter_table("estimate_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_estimate_value_estimate_id"), ["estimate_id"], unique=False
        )

    op.create_table(
        "profile_weight",
        sa.Column("profile_id", sa.String(length=36), nullable=False),
        sa.Column("criterion_id", sa.String(length=36), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("weight >= 0", name=op.f("ck_profile_weight_weight")),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_profile_weight_criterion_id_criterion"),
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["weight_profile.id"],
            name=op.f("fk_profile_weight_profile_id_weight_profile"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_weight")),
        sa.UniqueConstraint(
            "profile_id", "criterion_id", name=op.f("uq_profile_weight_profile_id")
        ),
    )
    with op.batch_alter_table("profile_weight", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_profile_weight_criterion_id"), ["criterion_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_profile_weight_profile_id"), ["profile_id"], unique=False
        )

    op.create_table(
        "round_proposal",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("proposal_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposal.id"], name=op.f("fk_round_proposal_proposal_id_proposal")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["consultation_round.id"],
            name=op.f("fk_round_proposal_round_id_consultation_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_proposal")),
        sa.UniqueConstraint("round_id", "proposal_id", name=op.f("uq_round_proposal_round_id")),
    )
    with op.batch_alter_table("round_proposal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_round_proposal_proposal_id"), ["proposal_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_round_proposal_round_id"), ["round_id"], unique=False)

    op.create_table(
        "response",
        sa.Column("consultee_id", sa.String(length=36), nullable=False),
        sa.Column("received_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "mottagen",
                "under_kodning",
                "kodad",
                "avstatt",
                name="responsestatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("their_reference", sa.String(length=200), nullable=False),
        sa.Column("summary_md", sa.Text(), nullable=False),
        sa.Column("extracted_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultee_id"], ["consultee.id"], name=op.f("fk_response_consultee_id_consultee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response")),
    )
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_response_consultee_id"), ["consultee_id"], unique=False
        )

    op.create_table(
        "attachment",
        sa.Column("response_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("media_type", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"], name=op.f("fk_attachment_response_id_response")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_response_id"), ["response_id"], unique=False
        )

    op.create_table(
        "quote",
        sa.Column("response_id", sa.String(length=36), nullable=False),
        sa.Column("proposal_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("is_key", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset >= start_offset", name=op.f("ck_quote_offsets")
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposal.id"], name=op.f("fk_quote_proposal_id_proposal")
        ),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"], name=op.f("fk_quote_response_id_response")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote")),
    )
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quote_proposal_id"), ["proposal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_response_id"), ["response_id"], unique=False)

    op.create_table(
        "stance",
        sa.Column("response_id", sa.String(length=36), nullable=False),
        sa.Column("proposal_id", sa.String(length=36), nullable=False),
        sa.Column(
            "stance",
            sa.Enum(
                "tillstyrker",
                "tillstyrker_med_synpunkter",
                "avstyrker",
                "ingen_erinran",
                "avstar",
                name="stancekind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("comment_md", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposal.id"], name=op.f("fk_stance_proposal_id_proposal")
        ),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"], name=op.f("fk_stance_response_id_response")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stance")),
        sa.UniqueConstraint("response_id", "proposal_id", name=op.f("uq_stance_response_id")),
    )
    with op.batch_alter_table("stance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stance_proposal_id"), ["proposal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stance_response_id"), ["response_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("stance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stance_response_id"))
        batch_op.drop_index(batch_op.f("ix_stance_proposal_id"))

    op.drop_table("stance")
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_response_id"))
        batch_op.drop_index(batch_op.f("ix_quote_proposal_id"))

    op.drop_table("quote")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_response_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_response_consultee_id"))

    op.drop_table("response")
    with op.batch_alter_table("round_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_proposal_round_id"))
        batch_op.drop_index(batch_op.f("ix_round_proposal_proposal_id"))

    op.drop_table("round_proposal")
    with op.batch_alter_table("profile_weight", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_profile_weight_profile_id"))
        batch_op.drop_index(batch_op.f("ix_profile_weight_criterion_id"))

    op.drop_table("profile_weight")
    with op.batch_alter_table("estimate_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_estimate_value_estimate_id"))

    op.drop_table("estimate_value")
    with op.batch_alter_table("dissent_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dissent_member_member_id"))
        batch_op.drop_index(batch_op.f("ix_dissent_member_dissent_id"))

    op.drop_table("dissent_member")
    with op.batch_alter_table("consultee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultee_round_id"))

    op.drop_table("consultee")
    with op.batch_alter_table("weight_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_weight_profile_party_id"))

    op.drop_table("weight_profile")
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_section_report_id"))

    op.drop_table("section")
    with op.batch_alter_table("proposal_option", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_option_proposal_id"))
        batch_op.drop_index(batch_op.f("ix_proposal_option_option_id"))

    op.drop_table("proposal_option")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_party_id"))

    op.drop_table("member")
    with op.batch_alter_table("estimate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_estimate_provider_unit_id"))
        batch_op.drop_index(batch_op.f("ix_estimate_option_id"))

    op.drop_table("estimate")
    with op.batch_alter_table("dissent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dissent_proposal_id"))
        batch_op.drop_index(batch_op.f("ix_dissent_party_id"))

    op.drop_table("dissent")
    with op.batch_alter_table("consultation_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_round_report_id"))

    op.drop_table("consultation_round")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_option_id"))
        batch_op.drop_index(batch_op.f("ix_assessment_criterion_id"))

    op.drop_table("assessment")
    op.drop_table("report")
    op.drop_table("provider_unit")
    op.drop_table("proposal")
    op.drop_table("party")
    op.drop_table("note")
    op.drop_table("milestone")
    op.drop_table("investigation")
    op.drop_table("governance_option")
    op.drop_table("criterion")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_table_name"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_row_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
