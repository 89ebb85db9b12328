"""The demo investigation: built from resources/demo into a real file, complete and consistent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from utredning_app.domain.enums import (
    ReportKind,
    ReportStatus,
    ResponseStatus,
    StanceKind,
    Visibility,
)
from utredning_app.errors import ValidationError
from utredning_app.services.demo import DEMO_ACTOR, create_demo, load_demo_data
from utredning_app.services.info import check_file
from utredning_app.storage.database import Database
from utredning_app.storage.models import (
    Assessment,
    AuditEntry,
    ConsultationRound,
    Consultee,
    Criterion,
    Dissent,
    DissentMember,
    Estimate,
    EstimateValue,
    GovernanceOption,
    Investigation,
    Member,
    Milestone,
    Note,
    Party,
    ProfileWeight,
    Proposal,
    ProposalOption,
    ProviderUnit,
    Quote,
    Report,
    Response,
    RoundProposal,
    Section,
    Stance,
    WeightProfile,
)
from utredning_app.storage.versions import BOOKKEEPING_TABLES


def _all(session: Session, model: type) -> list:  # type: ignore[type-arg]
    return list(session.scalars(select(model).where(model.deleted_at.is_(None))))  # type: ignore[attr-defined]


def test_demo_counts(demo_db: Database) -> None:
    with demo_db.reader() as s:
        inv = demo_db.investigation(s)
        assert inv.diarienummer == "RS 2022-0845"
        assert "egenägda vård" in inv.title
        assert inv.region == "Region Stockholm"
        assert (inv.horizon_start_year, inv.horizon_years) == (2024, 5)
        assert (inv.score_min, inv.score_max, inv.price_base_year) == (1, 5, 2023)
        assert inv.discount_rate == pytest.approx(0.035)
        assert "nivåstrukturering" in inv.directive_md
        assert {p.abbreviation for p in _all(s, Party)} == {
            "M",
            "S",
            "SD",
            "C",
            "V",
            "KD",
            "L",
            "MP",
        }
        options = _all(s, GovernanceOption)
        assert 4 <= len(options) <= 6
        assert sum(o.is_baseline for o in options) == 1
        assert len(_all(s, Consultee)) >= 20
        assert len(_all(s, Response)) >= 12
        assert any(not c.invited for c in _all(s, Consultee))
        dissents = _all(s, Dissent)
        assert any(d.kind == "reservation" for d in dissents)
        assert any(d.kind == "sarskilt_yttrande" for d in dissents)
        units = {u.name for u in _all(s, ProviderUnit)}
        for name in (
            "Karolinska Universitetssjukhuset",
            "Södersjukhuset AB",
            "Danderyds Sjukhus AB",
            "S:t Eriks Ögonsjukhus AB",
            "Södertälje Sjukhus AB",
            "Stockholms läns sjukvårdsområde",
        ):
            assert name in units
        kinds = {m.kind for m in _all(s, Milestone)}
        assert {"delrapport", "remisstid", "slutrapport", "sammantrade"} <= kinds
        assert 6 <= len(_all(s, Proposal)) <= 8


def test_every_option_is_assessed_on_every_criterion(demo_db: Database) -> None:
    with demo_db.reader() as s:
        options = _all(s, GovernanceOption)
        criteria = _all(s, Criterion)
        assert {c.kind for c in criteria} >= {"legal", "capacity", "quality", "cost", "nursing"}
        pairs = {(a.option_id, a.criterion_id): a for a in _all(s, Assessment)}
        for o in options:
            for c in criteria:
                a = pairs[(o.id, c.id)]
                assert a.score is not None and 1 <= a.score <= 5
                assert a.rationale_md and a.source


def test_every_party_has_a_complete_weight_profile(demo_db: Database) -> None:
    with demo_db.reader() as s:
        criteria = {c.id for c in _all(s, Criterion)}
        weights = _all(s, ProfileWeight)
        profiles = _all(s, WeightProfile)
        assert {p.party_id for p in profiles} >= {p.id for p in _all(s, Party)}
        vectors = set()
        for profile in profiles:
            mine = {w.criterion_id: w.weight for w in weights if w.profile_id == profile.id}
            assert set(mine) == criteria
            vectors.add(tuple(sorted(mine.items())))
        assert len(vectors) >= 6  # the parties really weigh differently


def test_estimates_have_ordered_ranges_for_the_whole_horizon(demo_db: Database) -> None:
    with demo_db.reader() as s:
        estimates = _all(s, Estimate)
        values = _all(s, EstimateValue)
        assert values
        for v in values:
            assert v.low <= v.base <= v.high
        by_estimate: dict[str, list[int]] = {}
        for v in values:
            by_estimate.setdefault(v.estimate_id, []).append(v.year)
        for e in estimates:
            assert sorted(by_estimate[e.id]) == list(range(2024, 2029)), e.name
            assert e.source
        for o in _all(s, GovernanceOption):
            kinds = {e.kind for e in estimates if e.option_id == o.id}
            assert {"cost_annual", "capacity", "quality"} <= kinds, o.code
            if not o.is_baseline:
                assert "cost_one_off" in kinds, o.code


def test_quotes_point_into_the_extracted_text(demo_db: Database) -> None:
    with demo_db.reader() as s:
        texts = {r.id: r.extracted_text for r in _all(s, Response)}
        quotes = _all(s, Quote)
        assert len(quotes) >= 12
        assert any(q.is_key for q in quotes)
        for q in quotes:
            assert texts[q.response_id][q.start_offset : q.end_offset] == q.text


def test_remiss_round_is_coded(demo_db: Database) -> None:
    with demo_db.reader() as s:
        (round_,) = _all(s, ConsultationRound)
        assert round_.sent_date is not None and round_.deadline is not None
        assert round_.sent_date < round_.deadline
        on_remiss = {rp.proposal_id for rp in _all(s, RoundProposal)}
        proposals = {p.id: p for p in _all(s, Proposal)}
        assert on_remiss and all(proposals[p].in_delrapport for p in on_remiss)
        assert any(not p.in_delrapport for p in proposals.values())
        assert any(not p.in_slutrapport for p in proposals.values())
        stances = _all(s, Stance)
        assert {st.stance for st in stances} == set(StanceKind)
        assert all(st.proposal_id in on_remiss for st in stances)
        responses = _all(s, Response)
        statuses = {r.status for r in responses}
        assert ResponseStatus.AVSTATT in statuses and ResponseStatus.KODAD in statuses
        late = [r for r in responses if r.received_date and r.received_date > round_.deadline]
        assert late
        for r in responses:
            assert "RS 2022-0845" in r.extracted_text
        links = _all(s, ProposalOption)
        assert {pl.proposal_id for pl in links} == set(proposals)


def test_reports_and_privacy(demo_db: Database) -> None:
    with demo_db.reader() as s:
        reports = {r.kind: r for r in _all(s, Report)}
        assert reports[ReportKind.DELRAPPORT].status == ReportStatus.FASTSTALLD
        assert reports[ReportKind.SLUTRAPPORT].status == ReportStatus.UTKAST
        sections = _all(s, Section)
        keys = {
            kind: {sec.key for sec in sections if sec.report_id == report.id}
            for kind, report in reports.items()
        }
        assert {
            "sammanfattning",
            "uppdraget",
            "nulage",
            "alternativa_styrmodeller",
            "konsekvenser",
            "geografisk_nivastrukturering",
            "fortsatt_arbete",
        } <= keys[ReportKind.DELRAPPORT]
        assert {
            "sammanfattning",
            "overvaganden",
            "utredningens_forslag",
            "konsekvensanalys",
            "genomforande",
        } <= keys[ReportKind.SLUTRAPPORT]
        slut = reports[ReportKind.SLUTRAPPORT].id
        assert any(sec.visibility == Visibility.PARTI and sec.report_id == slut for sec in sections)
        assert any("|---" in sec.body_md for sec in sections)  # at least one table
        assert {n.visibility for n in _all(s, Note)} == set(Visibility)


def test_reservation_is_signed_by_its_party(demo_db: Database) -> None:
    with demo_db.reader() as s:
        members = {m.id: m for m in _all(s, Member)}
        signers = _all(s, DissentMember)
        for d in _all(s, Dissent):
            mine = [members[dm.member_id] for dm in signers if dm.dissent_id == d.id]
            assert mine and all(m.party_id == d.party_id for m in mine)
            assert d.proposal_id is not None


def test_demo_file_passes_check_and_is_written_by_the_secretariat(demo_path: Path) -> None:
    assert check_file(demo_path).ok, check_file(demo_path).problems
    conn = sqlite3.connect(demo_path)
    try:
        actors = {row[0] for row in conn.execute("SELECT DISTINCT actor FROM audit_entry")}
    finally:
        conn.close()
    assert actors == {DEMO_ACTOR}


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every tracked table's rows without the wall-clock columns.

    The investigation row's id comes from ``create_database`` (random); every other id is
    derived from the demo's natural keys.
    """
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT IN ('audit_entry', 'alembic_version') AND name NOT LIKE 'sqlite_%'"
            )
        ]
        # Merge bookkeeping (replica ids, clocks, versions: issue 11) is per file by design.
        bookkeeping = {t.name for t in BOOKKEEPING_TABLES}
        tables = [t for t in tables if t not in bookkeeping]
        content = {}
        for table in tables:
            skip = {"created_at", "updated_at"} | ({"id"} if table == "investigation" else set())
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1").fetchall()
            content[table] = rows
        return content
    finally:
        conn.close()


def test_loading_twice_gives_the_same_content(tmp_path: Path, demo_path: Path) -> None:
    again = tmp_path / "igen.utredning"
    create_demo(again).close()
    first, second = _content(demo_path), _content(again)
    assert first == second
    assert first["quote"] and first["estimate_value"]
    assert sum(len(rows) for rows in first.values()) > 400


def _write_small_demo(folder: Path, assessment_criterion: str) -> Path:
    folder.mkdir()
    (folder / "liten.toml").write_text(
        f"""
[investigation]
title = "Liten testutredning"
diarienummer = "RS 2099-0001"

[[criterion]]
key = "kostnad"
name = "Kostnadsutveckling"
kind = "cost"

[[option]]
code = "A"
name = "Nollalternativ"
is_baseline = true

[[assessment]]
option = "A"
criterion = "{assessment_criterion}"
score = 3
""",
        encoding="utf-8",
    )
    return folder


def test_a_small_crafted_demo_loads(tmp_path: Path) -> None:
    folder = _write_small_demo(tmp_path / "data", "kostnad")
    target = tmp_path / "liten.utredning"
    with create_demo(target, folder) as db, db.reader() as s:
        assert s.scalars(select(Investigation)).one().title == "Liten testutredning"
        assert len(_all(s, Assessment)) == 1


def test_a_dangling_key_is_a_clear_error_and_no_file_is_left(tmp_path: Path) -> None:
    folder = _write_small_demo(tmp_path / "data", "kvalitet")
    target = tmp_path / "liten.utredning"
    with pytest.raises(ValidationError) as info:
        create_demo(target, folder)
    message = str(info.value)
    assert "liten.toml" in message
    assert "bedömning nr 1" in message
    assert "bedömningsgrund «kvalitet», som inte finns" in message
    assert not target.exists()
    assert list(tmp_path.glob("*.utredning")) == []


@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        ('\n[[party]]\nabbreviation = "S"\nname = "S"\ncolor = "#f00"\n', "okända fält: «color»"),
        (
            '\n[[estimate]]\noption = "A"\nkind = "cost_annual"\nname = "K"\nunit = "mnkr"\n'
            "low = [1]\nbase = [3]\nhigh = [2]\n",
            "år 2024: Högt värde kan inte vara mindre än basvärdet",
        ),
        ('\n[[milestone]]\nkind = "fest"\ntitle = "X"\ndue_date = 2023-01-01\n', "«fest»"),
        ('\n[[proposal]]\nnumber = 0\ntitle = "Noll"\n', "förslag nr 1: Förslagets nummer måste"),
        (
            '\n[[round]]\nkey = "r"\nname = "R"\nsent_date = 2024-05-01\ndeadline = 2024-04-01\n',
            "Sista svarsdag kan inte vara före utskicksdagen",
        ),
        (
            '\n[[round]]\nkey = "r"\nname = "R"\n[[consultee]]\nkey = "k"\nround = "r"\n'
            'name = "K"\ntype = "namnd"\n[[response]]\nconsultee = "k"\n'
            'extracted_text = "Vi tillstyrker."\n[[response.quote]]\ntext = "avstyrker"\n',
            "citatet «avstyrker» finns inte",
        ),
    ],
)
def test_bad_demo_data_is_refused_with_a_message(
    tmp_path: Path, addition: str, expected: str
) -> None:
    folder = _write_small_demo(tmp_path / "data", "kostnad")
    with (folder / "liten.toml").open("a", encoding="utf-8") as fh:
        fh.write(addition)
    with pytest.raises(ValidationError, match=expected):
        load_demo_data(folder)
    with pytest.raises(ValidationError):
        create_demo(tmp_path / "x.utredning", folder)
    assert not (tmp_path / "x.utredning").exists()


def test_bundled_data_parses_without_a_file() -> None:
    data = load_demo_data()
    counts = data.count()
    assert counts["response"] >= 12 and counts["consultee"] >= 20
    assert data.investigation["title"].startswith("Parlamentarisk utredning")


def test_audit_entries_cover_every_row(demo_db: Database) -> None:
    with demo_db.reader() as s:
        logged = {e.row_id for e in s.scalars(select(AuditEntry))}
        for model in (Party, Proposal, Response, Quote, EstimateValue):
            assert {row.id for row in _all(s, model)} <= logged
