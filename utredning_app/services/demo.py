"""The demo investigation: Region Stockholm's parliamentary investigation of how the
self-owned care (egenägd vård) is governed. ``make run`` opens it; every test builds on it.

Data format
===========
The demo is readable data, not a binary file: UTF-8 TOML files in ``resources/demo/``
(``paths.demo_dir()``). Every ``*.toml`` in the folder is read in name order; top-level arrays
with the same name in several files are concatenated. Field names are the model's column
names (``storage/models.py``); rows refer to each other by *natural keys*, never by ids, and
the loader resolves them (a key that names nothing is a ``ValidationError`` naming file, row
and key; an unknown field is an error too, so typos cannot pass silently). Ids are derived
from the natural keys (UUID 5), so building the demo twice gives the same rows.

==================  ====================================================================
table               fields (→ a reference by natural key)
==================  ====================================================================
``investigation``   one table with the Investigation columns (title, directive_md, …)
``milestone``       kind, title, due_date, done
``party``           **abbreviation** (key), name, colour
``member``          **name** (key), role, party → party, title, email
``provider_unit``   **short_name** (key), name, legal_form, governed_by, description_md,
                    employees, turnover_mnkr
``criterion``       **key**, name, kind, description_md, weight
``option``          **code** (key), name, is_baseline, description_md, legal_aspects_md,
                    effects_md (a GovernanceOption)
``assessment``      option → option, criterion → criterion, score, rationale_md, source
``weight_profile``  **name**, party → party, ``weights = {criterion key = weight}``
``estimate``        option → option, provider_unit → provider_unit, kind, name, unit, actor,
                    price_base_year, assumption_md, source, financing, first_year (default
                    the investigation's horizon_start_year) and ``low``/``base``/``high``:
                    one number per year from first_year
``proposal``        **number** (key), title, text_md, rationale_md, in_delrapport,
                    in_slutrapport, ``options = [option codes]``
``report``          **key**, kind, title, status, report_date and ``[[report.section]]``
                    (key, title, body_md, visibility, author, author_party)
``note``            title, body_md, visibility, author, author_party, released,
                    ``subject = "proposal:3"`` (or option:B, response:<consultee key> …)
``round``           **key**, name, report → report, sent_date, deadline, description_md,
                    ``proposals = [numbers]`` (a ConsultationRound)
``consultee``       **key**, round → round, name, type, invited, contact_name, email, address
``response``        consultee → consultee (one answer each), received_date, status,
                    their_reference, summary_md, extracted_text, ``[[response.stance]]``
                    (proposal, stance, comment_md) and ``[[response.quote]]`` (proposal,
                    text, is_key): a quote's offsets are found by the loader, so its text
                    must occur exactly once in extracted_text
``dissent``         kind, proposal → proposal, party → party, title, text_md, visibility,
                    ``members = [member names]``
==================  ====================================================================

Everything is validated before the file is created; the file is then created with
``create_database`` and filled in ONE transaction by the actor «Sekretariatet».
"""

from __future__ import annotations

import datetime as dt
import enum
import tomllib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from utredning_app import paths
from utredning_app.domain.enums import (
    Actor,
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
from utredning_app.domain.validation import Scale, validate
from utredning_app.domain.vocabulary import ITEM_NAMES
from utredning_app.errors import ValidationError, syntax_reason
from utredning_app.storage.base import Base
from utredning_app.storage.database import Database, create_database
from utredning_app.storage.location import ServerLocation, as_location
from utredning_app.storage.models import (
    Assessment,
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
    RemissComment,
    Report,
    Response,
    RoundProposal,
    Section,
    Stance,
    WeightProfile,
)

DEMO_ACTOR = "Sekretariatet"
DEMO_SCHEMA = "demo"  # the demo's name on a server when --utredning is not given
# Namespace of the demo's deterministic ids (uuid5 of "table/natural key").
DEMO_NAMESPACE = uuid.UUID("6f1c2a53-0d6b-4c59-9a53-2f0e8d7f4a10")

# The tables of the demo data (their names in the TOML files → the tables they fill).
_DEMO_TABLES = {
    "investigation": "investigation",
    "milestone": "milestone",
    "party": "party",
    "member": "member",
    "provider_unit": "provider_unit",
    "criterion": "criterion",
    "option": "governance_option",
    "assessment": "assessment",
    "weight_profile": "weight_profile",
    "estimate": "estimate",
    "proposal": "proposal",
    "report": "report",
    "section": "section",
    "note": "note",
    "round": "consultation_round",
    "consultee": "consultee",
    "response": "response",
    "stance": "stance",
    "quote": "quote",
    "dissent": "dissent",
    "remiss_comment": "remiss_comment",
}
# Swedish names of one row of each, for messages.
_TABLE_NAMES = {name: ITEM_NAMES[table] for name, table in _DEMO_TABLES.items()}

_INVESTIGATION_FIELDS = (
    "signatory",
    "deciding_body",
    "title",
    "diarienummer",
    "commissioned_by",
    "region",
    "administration",
    "case_officer",
    "case_officer_contact",
    "directive_md",
    "decided_on",
    "score_min",
    "score_max",
    "horizon_start_year",
    "horizon_years",
    "discount_rate",
    "price_base_year",
)

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


_KIND_NAMES: dict[type, str] = {
    str: "text",
    int: "ett heltal",
    float: "ett tal",
    bool: "true eller false",
    list: "en lista",
    dict: "en tabell",
}


def demo_id(table: str, key: object) -> str:
    """The demo row's id: the same natural key always gives the same UUID."""
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{table}/{key}"))


class _Row:
    """One row of the data: typed access to its fields, with messages naming where it is."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where
        self._used: set[str] = set()

    def fail(self, message: str) -> ValidationError:
        return ValidationError(f"Demodata, {self.where}: {message}")

    def has(self, name: str) -> bool:
        return name in self.data

    def get(self, name: str, kind: type[T], default: T | None = None) -> T:
        self._used.add(name)
        if name not in self.data:
            if default is None:
                raise self.fail(f"fältet «{name}» saknas.")
            return default
        value = self.data[name]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if kind is int and isinstance(value, bool):
            raise self.fail(f"fältet «{name}» ska vara ett heltal.")
        if not isinstance(value, kind):
            wanted = _KIND_NAMES.get(kind, kind.__name__)
            raise self.fail(f"fältet «{name}» ska vara {wanted}, inte «{value!r}».")
        return value

    def text(self, name: str, default: str | None = "") -> str:
        return self.get(name, str, default)

    def enum(self, name: str, enum_cls: type[E], default: E | None = None) -> E:
        self._used.add(name)
        if name not in self.data:
            if default is None:
                raise self.fail(f"fältet «{name}» saknas.")
            return default
        try:
            return enum_cls(self.data[name])
        except ValueError:
            allowed = ", ".join(str(m.value) for m in enum_cls)
            raise self.fail(
                f"«{self.data[name]}» är inget giltigt värde för «{name}» (tillåtna: {allowed})."
            ) from None

    def date(self, name: str) -> dt.date | None:
        self._used.add(name)
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(f"fältet «{name}» ska vara ett datum (ÅÅÅÅ-MM-DD).")
        return value

    def rows(self, name: str, table: str) -> Iterator[_Row]:
        """Nested rows (``[[report.section]]``)."""
        self._used.add(name)
        value = self.data.get(name, [])
        if not isinstance(value, list):
            raise self.fail(f"«{name}» ska vara en lista av tabeller.")
        for index, item in enumerate(value, 1):
            if not isinstance(item, dict):
                raise self.fail(f"«{name}» nr {index} ska vara en tabell.")
            yield _Row(item, f"{self.where}, {_TABLE_NAMES.get(table, table)} nr {index}")

    def done(self) -> None:
        unknown = sorted(set(self.data) - self._used)
        if unknown:
            raise self.fail("okända fält: " + ", ".join(f"«{u}»" for u in unknown) + ".")


@dataclass
class DemoData:
    """Every ORM row of the demo, validated and linked, not yet in any file."""

    investigation: dict[str, Any] = field(default_factory=dict)
    # Proposal id → its text as the sent delrapport had it (the demo's edition shows it).
    sent_texts: dict[str, str] = field(default_factory=dict)
    # Insert batches in dependency order (parents first).
    batches: list[list[Base]] = field(default_factory=list)

    def count(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for batch in self.batches:
            for obj in batch:
                name = str(getattr(obj, "__tablename__", ""))
                counts[name] = counts.get(name, 0) + 1
        return counts


def _read_tables(folder: Path) -> dict[str, list[_Row]]:
    if not folder.is_dir():
        raise ValidationError(f"Demodata saknas: mappen {folder} finns inte.")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise ValidationError(f"Demodata saknas: inga .toml-filer i {folder}.")
    tables: dict[str, list[_Row]] = {}
    for file in files:
        try:
            content = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValidationError(
                f"Demodata, {file.name}: filen kan inte läsas ({syntax_reason(exc)})."
            ) from exc
        for name, value in content.items():
            if name not in _TABLE_NAMES or name in ("section", "stance", "quote"):
                raise ValidationError(f"Demodata, {file.name}: okänd tabell «{name}».")
            items = [value] if isinstance(value, dict) else value
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise ValidationError(
                    f"Demodata, {file.name}: «{name}» ska vara en tabell "
                    "eller en lista av tabeller."
                )
            rows = tables.setdefault(name, [])
            start = len(rows)
            for index, item in enumerate(items, start + 1):
                label = _TABLE_NAMES[name]
                where = (
                    f"{file.name}, {label}"
                    if name == "investigation"
                    else (f"{file.name}, {label} nr {index - start}")
                )
                rows.append(_Row(item, where))
    if len(tables.get("investigation", [])) != 1:
        raise ValidationError("Demodata: exakt en tabell [investigation] krävs.")
    return tables


class _Keys:
    """Natural key → id, per table; a dangling key is a clear error."""

    def __init__(self) -> None:
        self._ids: dict[str, dict[str, str]] = {}
        self.rows: dict[str, _Row] = {}  # id → the row it came from (for messages)

    def add(self, table: str, key: object, row: _Row) -> str:
        known = self._ids.setdefault(table, {})
        text = str(key)
        if text in known:
            raise row.fail(
                f"{_TABLE_NAMES[table]} «{text}» finns redan (nycklar måste vara unika)."
            )
        known[text] = demo_id(table, text)
        self.rows[known[text]] = row
        return known[text]

    def ref(self, table: str, key: object, row: _Row) -> str:
        found = self._ids.get(table, {}).get(str(key))
        if found is None:
            raise row.fail(
                f"hänvisar till {_TABLE_NAMES[table]} «{key}», som inte finns i demodata."
            )
        return found

    def has(self, table: str, key: object) -> bool:
        return str(key) in self._ids.get(table, {})


def _check(table: str, values: dict[str, Any], row: _Row, scale: Scale) -> None:
    """The rules every row must follow, the same that guard the app's forms
    (``domain.validation.validate``)."""
    errors = validate(table, values, scale)
    if errors:
        year = f"år {values['year']}: " if "year" in values else ""
        raise row.fail(year + " ".join(e.message for e in errors))


def _find_once(haystack: str, needle: str, row: _Row) -> int:
    start = haystack.find(needle)
    if not needle or start < 0:
        raise row.fail(f"citatet «{needle[:60]}» finns inte i svarets text.")
    if haystack.find(needle, start + 1) >= 0:
        raise row.fail(f"citatet «{needle[:60]}» förekommer flera gånger i svarets text.")
    return start


def load_demo_data(folder: Path | None = None) -> DemoData:
    """Read and validate the demo data; nothing is written anywhere."""
    tables = _read_tables(Path(folder) if folder is not None else paths.demo_dir())
    keys = _Keys()
    data = DemoData()

    def each(name: str) -> Iterator[_Row]:
        yield from tables.get(name, [])

    def batch(objs: list[Base]) -> None:
        scale = Scale(score_min, score_max)
        for obj in objs:
            values = dict(sa_inspect(obj).dict)
            _check(str(obj.__tablename__), values, keys.rows[values["id"]], scale)
        data.batches.append(objs)

    # -- the investigation
    inv_row = tables["investigation"][0]
    inv: dict[str, Any] = {}
    for name in _INVESTIGATION_FIELDS:
        if not inv_row.has(name):
            continue
        if name == "decided_on":
            inv[name] = inv_row.date(name)
        elif name == "discount_rate":
            inv[name] = inv_row.get(name, float)
        elif name in (
            "score_min",
            "score_max",
            "horizon_start_year",
            "horizon_years",
            "price_base_year",
        ):
            inv[name] = inv_row.get(name, int)
        else:
            inv[name] = inv_row.text(name)
    inv_row.done()
    _check("investigation", {"title": "", **inv}, inv_row, Scale())
    data.investigation = inv
    start_year = int(inv.get("horizon_start_year", 2024))
    score_min = int(inv.get("score_min", 1))
    score_max = int(inv.get("score_max", 5))

    objs: list[Base] = []
    for i, row in enumerate(each("milestone")):
        title = row.text("title", None)
        due = row.date("due_date")
        objs.append(
            Milestone(
                id=keys.add("milestone", f"{i}:{title}", row),
                kind=row.enum("kind", MilestoneKind),
                title=title,
                due_date=due,
                done=row.get("done", bool, False),
            )
        )
        row.done()
    for i, row in enumerate(each("party")):
        abbr = row.text("abbreviation", None)
        objs.append(
            Party(
                id=keys.add("party", abbr, row),
                abbreviation=abbr,
                name=row.text("name", None),
                colour=row.text("colour", "#777777"),
                sort_order=i,
            )
        )
        row.done()
    for row in each("provider_unit"):
        short = row.text("short_name", None)
        employees = row.get("employees", int, -1)
        turnover = row.get("turnover_mnkr", float, -1.0)
        objs.append(
            ProviderUnit(
                id=keys.add("provider_unit", short, row),
                name=row.text("name", None),
                short_name=short,
                legal_form=row.enum("legal_form", LegalForm),
                governed_by=row.text("governed_by"),
                description_md=row.text("description_md"),
                employees=None if employees < 0 else employees,
                turnover_mnkr=None if turnover < 0 else turnover,
            )
        )
        row.done()
    for i, row in enumerate(each("criterion")):
        objs.append(
            Criterion(
                id=keys.add("criterion", row.text("key", None), row),
                name=row.text("name", None),
                kind=row.enum("kind", CriterionKind),
                description_md=row.text("description_md"),
                weight=row.get("weight", float, 1.0),
                sort_order=i,
            )
        )
        row.done()
    baselines = 0
    for i, row in enumerate(each("option")):
        code = row.text("code", None)
        is_baseline = row.get("is_baseline", bool, False)
        baselines += is_baseline
        objs.append(
            GovernanceOption(
                id=keys.add("option", code, row),
                code=code,
                name=row.text("name", None),
                is_baseline=is_baseline,
                description_md=row.text("description_md"),
                legal_aspects_md=row.text("legal_aspects_md"),
                effects_md=row.text("effects_md"),
                sort_order=i,
            )
        )
        row.done()
    if baselines > 1:
        raise ValidationError(f"Demodata: {baselines} styrmodeller är nollalternativ (högst ett).")
    for row in each("proposal"):
        number = row.get("number", int)
        objs.append(
            Proposal(
                id=keys.add("proposal", number, row),
                number=number,
                title=row.text("title", None),
                text_md=row.text("text_md"),
                rationale_md=row.text("rationale_md"),
                in_delrapport=row.get("in_delrapport", bool, True),
                in_slutrapport=row.get("in_slutrapport", bool, True),
            )
        )
        if row.has("text_md_delrapport"):  # the wording the delrapport was sent with
            data.sent_texts[keys.ref("proposal", number, row)] = row.text("text_md_delrapport")
        # Options are linked after every option exists (below).
    batch(objs)

    objs = []
    for row in each("member"):
        name = row.text("name", None)
        party = row.text("party", "")
        objs.append(
            Member(
                id=keys.add("member", name, row),
                name=name,
                role=row.enum("role", MemberRole),
                party_id=keys.ref("party", party, row) if party else None,
                title=row.text("title"),
                email=row.text("email"),
            )
        )
        row.done()
    for row in each("assessment"):
        option = row.text("option", None)
        criterion = row.text("criterion", None)
        score = row.get("score", float, float("nan"))
        objs.append(
            Assessment(
                id=keys.add("assessment", f"{option}:{criterion}", row),
                option_id=keys.ref("option", option, row),
                criterion_id=keys.ref("criterion", criterion, row),
                score=score if score == score else None,
                rationale_md=row.text("rationale_md"),
                source=row.text("source"),
            )
        )
        row.done()
    for row in each("proposal"):
        number = row.get("number", int)
        for code in row.get("options", list, []):
            objs.append(
                ProposalOption(
                    id=keys.add("proposal_option", f"{number}:{code}", row),
                    proposal_id=keys.ref("proposal", number, row),
                    option_id=keys.ref("option", code, row),
                )
            )
        row.done()
    profile_weights: list[Base] = []
    for row in each("weight_profile"):
        name = row.text("name", None)
        party = row.text("party", "")
        profile_id = keys.add("weight_profile", name, row)
        objs.append(
            WeightProfile(
                id=profile_id,
                name=name,
                party_id=keys.ref("party", party, row) if party else None,
            )
        )
        weights = row.get("weights", dict, {})
        for criterion, weight in weights.items():
            if not isinstance(weight, int | float) or isinstance(weight, bool):
                raise row.fail(f"vikten för «{criterion}» ska vara ett tal.")
            profile_weights.append(
                ProfileWeight(
                    id=keys.add("profile_weight", f"{name}:{criterion}", row),
                    profile_id=profile_id,
                    criterion_id=keys.ref("criterion", criterion, row),
                    weight=float(weight),
                )
            )
        row.done()
    estimate_values: list[Base] = []
    for i, row in enumerate(each("estimate")):
        option = row.text("option", None)
        unit_key = row.text("provider_unit", "")
        estimate_id = keys.add("estimate", f"{i}:{option}:{row.text('name', None)}", row)
        first = row.get("first_year", int, start_year)
        lows = row.get("low", list, [])
        bases = row.get("base", list, [])
        highs = row.get("high", list, [])
        if not (len(lows) == len(bases) == len(highs)) or not bases:
            raise row.fail("low, base och high måste ha lika många värden (ett per år).")
        for offset, (low, base, high) in enumerate(zip(lows, bases, highs, strict=True)):
            year = first + offset
            if not all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in (low, base, high)
            ):
                raise row.fail(f"år {year}: low, base och high ska vara tal.")
            estimate_values.append(
                EstimateValue(
                    id=keys.add("estimate_value", f"{estimate_id}:{year}", row),
                    estimate_id=estimate_id,
                    year=year,
                    low=float(low),
                    base=float(base),
                    high=float(high),
                )
            )
        objs.append(
            Estimate(
                id=estimate_id,
                option_id=keys.ref("option", option, row),
                provider_unit_id=keys.ref("provider_unit", unit_key, row) if unit_key else None,
                kind=row.enum("kind", EstimateKind),
                name=row.text("name", None),
                unit=row.text("unit", None),
                actor=row.enum("actor", Actor, Actor.REGION),
                price_base_year=row.get(
                    "price_base_year", int, int(inv.get("price_base_year", 2023))
                ),
                assumption_md=row.text("assumption_md"),
                source=row.text("source"),
                financing=row.text("financing"),
            )
        )
        row.done()
    sections: list[Base] = []
    for row in each("report"):
        report_key = row.text("key", None)
        report_id = keys.add("report", report_key, row)
        objs.append(
            Report(
                id=report_id,
                kind=row.enum("kind", ReportKind),
                title=row.text("title", None),
                status=row.enum("status", ReportStatus, ReportStatus.UTKAST),
                report_date=row.date("report_date"),
            )
        )
        for i, sec in enumerate(row.rows("section", "section")):
            sec_key = sec.text("key", None)
            sections.append(
                Section(
                    id=keys.add("section", f"{report_key}:{sec_key}", sec),
                    report_id=report_id,
                    key=sec_key,
                    title=sec.text("title", None),
                    body_md=sec.text("body_md"),
                    sort_order=i,
                    visibility=sec.enum("visibility", Visibility, Visibility.GRUPPEN),
                    author=sec.text("author"),
                    author_party=sec.text("author_party"),
                )
            )
            sec.done()
        row.done()
    batch(objs)
    batch(profile_weights + estimate_values + sections)

    objs = []
    round_proposals: list[Base] = []
    for row in each("round"):
        round_key = row.text("key", None)
        report_key = row.text("report", "")
        sent, deadline = row.date("sent_date"), row.date("deadline")
        round_id = keys.add("round", round_key, row)
        objs.append(
            ConsultationRound(
                id=round_id,
                name=row.text("name", None),
                report_id=keys.ref("report", report_key, row) if report_key else None,
                sent_date=sent,
                deadline=deadline,
                description_md=row.text("description_md"),
            )
        )
        for number in row.get("proposals", list, []):
            round_proposals.append(
                RoundProposal(
                    id=keys.add("round_proposal", f"{round_key}:{number}", row),
                    round_id=round_id,
                    proposal_id=keys.ref("proposal", number, row),
                )
            )
        row.done()
    batch(objs)
    objs = list(round_proposals)
    for row in each("remiss_comment"):
        round_key = row.text("round", None)
        number = row.get("proposal", int)
        objs.append(
            RemissComment(
                id=keys.add("remiss_comment", f"{round_key}:{number}", row),
                round_id=keys.ref("round", round_key, row),
                proposal_id=keys.ref("proposal", number, row),
                text_md=row.text("text_md", None),
            )
        )
        row.done()
    for row in each("consultee"):
        objs.append(
            Consultee(
                id=keys.add("consultee", row.text("key", None), row),
                round_id=keys.ref("round", row.text("round", None), row),
                name=row.text("name", None),
                type=row.enum("type", ConsulteeType),
                invited=row.get("invited", bool, True),
                contact_name=row.text("contact_name"),
                email=row.text("email"),
                address=row.text("address"),
            )
        )
        row.done()
    batch(objs)

    objs = []
    children: list[Base] = []
    for row in each("response"):
        consultee = row.text("consultee", None)
        response_id = keys.add("response", consultee, row)
        text = row.text("extracted_text")
        objs.append(
            Response(
                id=response_id,
                consultee_id=keys.ref("consultee", consultee, row),
                received_date=row.date("received_date"),
                status=row.enum("status", ResponseStatus, ResponseStatus.MOTTAGEN),
                their_reference=row.text("their_reference"),
                summary_md=row.text("summary_md"),
                extracted_text=text,
            )
        )
        for st in row.rows("stance", "stance"):
            number = st.get("proposal", int)
            children.append(
                Stance(
                    id=keys.add("stance", f"{consultee}:{number}", st),
                    response_id=response_id,
                    proposal_id=keys.ref("proposal", number, st),
                    stance=st.enum("stance", StanceKind),
                    comment_md=st.text("comment_md"),
                )
            )
            st.done()
        for i, qt in enumerate(row.rows("quote", "quote")):
            quoted = qt.text("text", None)
            start = _find_once(text, quoted, qt)
            number = qt.get("proposal", int, 0)
            children.append(
                Quote(
                    id=keys.add("quote", f"{consultee}:{i}", qt),
                    response_id=response_id,
                    proposal_id=keys.ref("proposal", number, qt) if number else None,
                    text=quoted,
                    start_offset=start,
                    end_offset=start + len(quoted),
                    is_key=qt.get("is_key", bool, False),
                )
            )
            qt.done()
        row.done()
    dissent_members: list[Base] = []
    for i, row in enumerate(each("dissent")):
        number = row.get("proposal", int, 0)
        party = row.text("party", "")
        dissent_id = keys.add("dissent", f"{i}:{row.text('title')}", row)
        objs.append(
            Dissent(
                id=dissent_id,
                kind=row.enum("kind", DissentKind),
                proposal_id=keys.ref("proposal", number, row) if number else None,
                party_id=keys.ref("party", party, row) if party else None,
                title=row.text("title"),
                text_md=row.text("text_md"),
                visibility=row.enum("visibility", Visibility, Visibility.GRUPPEN),
            )
        )
        for name in row.get("members", list, []):
            dissent_members.append(
                DissentMember(
                    id=keys.add("dissent_member", f"{dissent_id}:{name}", row),
                    dissent_id=dissent_id,
                    member_id=keys.ref("member", name, row),
                )
            )
        row.done()
    for i, row in enumerate(each("note")):
        subject_table, subject_id = _note_subject(row, keys)
        objs.append(
            Note(
                id=keys.add("note", f"{i}:{row.text('title')}", row),
                title=row.text("title"),
                body_md=row.text("body_md"),
                visibility=row.enum("visibility", Visibility, Visibility.PRIVAT),
                author=row.text("author"),
                author_party=row.text("author_party"),
                subject_table=subject_table,
                subject_id=subject_id,
                released=row.get("released", bool, False),
            )
        )
        row.done()
    batch(objs)
    batch(children + dissent_members)
    return data


# Note subjects: data prefix → (key table, stored table name).
_SUBJECTS: dict[str, tuple[str, str]] = {
    "proposal": ("proposal", Proposal.__tablename__),
    "option": ("option", GovernanceOption.__tablename__),
    "criterion": ("criterion", Criterion.__tablename__),
    "provider_unit": ("provider_unit", ProviderUnit.__tablename__),
    "report": ("report", Report.__tablename__),
    "response": ("response", Response.__tablename__),
    "consultee": ("consultee", Consultee.__tablename__),
}


def _note_subject(row: _Row, keys: _Keys) -> tuple[str, str]:
    subject = row.text("subject")
    if not subject:
        return "", ""
    prefix, _, key = subject.partition(":")
    if prefix not in _SUBJECTS or not key:
        allowed = ", ".join(f"{p}:…" for p in _SUBJECTS)
        raise row.fail(f"«{subject}» är inget giltigt ämne (tillåtna: {allowed}).")
    key_table, stored = _SUBJECTS[prefix]
    return stored, keys.ref(key_table, key, row)


def fill(db: Database, data: DemoData) -> None:
    """Write the demo rows into an (empty) investigation file: one transaction."""
    with db.transaction(DEMO_ACTOR) as session:
        inv: Investigation = db.investigation(session)
        for name, value in data.investigation.items():
            setattr(inv, name, value)
        session.flush()
        for objs in data.batches:
            session.add_all(objs)
            session.flush()


def add_sent_editions(db: Database, sent_texts: dict[str, str] | None = None) -> None:
    """The demo's fastställd reports come with the edition that was sent (the delrapport as
    it went on remiss: its proposals' wording then, no answers yet), as a real
    investigation's would."""
    from utredning_app.services.editions import EDITION_KINDS, add_edition

    with db.reader() as session:
        faststallda = [
            name
            for name, kind in EDITION_KINDS.items()
            if session.scalar(
                select(Report.id).where(
                    Report.kind == kind,
                    Report.status == ReportStatus.FASTSTALLD,
                    Report.deleted_at.is_(None),
                )
            )
        ]
    for name in faststallda:
        # No LibreOffice layout here: creating the demo stays quick.
        add_edition(
            db,
            name,
            edition_id=demo_id("report_edition", name),
            page_numbers=False,
            as_sent=True,
            proposal_texts=sent_texts or {},
        )


def create_demo(path: Path | ServerLocation, data_dir: Path | None = None) -> Database:
    """Create the demo investigation at ``path`` (which must not exist) and return it open.

    ``data_dir`` defaults to the bundled ``resources/demo``; the data is validated completely
    before the file is created, and a failure while filling removes the new file again.
    """
    data = load_demo_data(data_dir)
    path = as_location(path)
    if isinstance(path, ServerLocation) and path.schema is None:
        path = path.with_schema(DEMO_SCHEMA)
    db = create_database(
        path,
        title=data.investigation["title"],
        diarienummer=data.investigation.get("diarienummer", ""),
        actor=DEMO_ACTOR,
    )
    try:
        fill(db, data)
        add_sent_editions(db, data.sent_texts)
    except BaseException as exc:
        db.close()
        if isinstance(path, ServerLocation):
            from utredning_app.storage.server import drop_server_investigation

            drop_server_investigation(path)
        else:
            path.unlink(missing_ok=True)
        if isinstance(exc, IntegrityError):
            raise ValidationError(f"Demodata kunde inte sparas: {exc.orig}") from exc
        raise
    return db
