"""The options (styrmodeller) and their appraisal: the matrix and the assessments."""

from __future__ import annotations

from typing import Any

from utredning_app.domain.enums import CriterionKind
from utredning_app.domain.formatting import format_number
from utredning_app.domain.report_model import OptionData, ReportData
from utredning_app.exporting.blocks.common import mnkr
from utredning_app.exporting.blocks.context import BuildContext
from utredning_app.exporting.blocks.registry import block
from utredning_app.exporting.docx_helpers import clean, fast_run
from utredning_app.exporting.markdown_docx import markdown_to_plain


@block("nulage", "beskrivningar", help="de egenägda verksamheterna med juridisk form")
def providers_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    providers = ctx.data.providers
    if not providers:
        return 0
    ctx.caption("Tabell", "Regionens egenägda verksamheter och hur de styrs i dag")
    ctx.table(
        ["Verksamhet", "Juridisk form", "Styrs av", "Anställda", "Omsättning, mnkr"],
        [
            [
                p.name,
                p.legal_form.label,
                p.governed_by,
                format_number(p.employees, 0) if p.employees is not None else "–",
                mnkr(p.turnover_mnkr) if p.turnover_mnkr is not None else "–",
            ]
            for p in providers
        ],
        numeric=(3, 4),
    )
    written = 1
    described = [p for p in providers if p.description_md.strip()]
    if params.get("beskrivningar", True) and described:
        ctx.heading("Verksamheterna")
        for p in described:
            ctx.heading(f"{p.name} ({p.legal_form.label.lower()})", 2)
            written += ctx.markdown(p.description_md, depth=3)
    return written


@block("alternativ", "delar", help="styrmodellerna med beskrivning, juridik och effekter")
def options_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    parts = list(params.get("delar", ["beskrivning", "juridik", "effekter"]))
    if parts in (["juridik"], ["effekter"]):
        return _option_aspect(ctx, parts[0])
    written = 0
    for option in ctx.data.options:
        ctx.check()
        ctx.heading(_option_title(option))
        written += 1
        if "beskrivning" in parts:
            written += ctx.markdown(option.description_md, depth=2)
        if "juridik" in parts and option.legal_aspects_md.strip():
            ctx.heading("Legala aspekter", 2)
            written += ctx.markdown(option.legal_aspects_md, depth=3)
        if "effekter" in parts and option.effects_md.strip():
            ctx.heading("Effekter", 2)
            written += ctx.markdown(option.effects_md, depth=3)
    return written


def _option_title(option: OptionData) -> str:
    named = "nollalternativ" in option.name.casefold()
    suffix = " (nollalternativ)" if option.is_baseline and not named else ""
    return f"{option.code}. {option.name}{suffix}" if option.code else option.name


def _option_aspect(ctx: BuildContext, part: str) -> int:
    """One aspect of every option (under a chapter sub-heading such as "Legala aspekter")."""
    written = 0
    for option in ctx.data.options:
        text = option.legal_aspects_md if part == "juridik" else option.effects_md
        if not text.strip():
            continue
        ctx.heading(_option_title(option), 2)
        written += ctx.markdown(text, depth=3)
    return written


MATRIX_MAX_COLUMNS = 8


def _score(value: float | None) -> str:
    if value is None:
        return "–"
    return format_number(value, 0 if value == int(value) else 1)


@block("bedomningsmatris", help="bedömningsmatrisen: bedömningsgrund × alternativ")
def matrix_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    data = ctx.data
    if not data.options or not data.criteria or not data.assessments:
        return 0
    inv = data.investigation
    total_weight = sum(c.weight for c in data.criteria) or 1.0
    weighted: dict[str, float | None] = {}
    for option in data.options:
        scores = [data.assessments.get((option.id, c.id)) for c in data.criteria]
        if all(a is not None and a.score is not None for a in scores):
            weighted[option.id] = (
                sum(
                    a.score * c.weight
                    for a, c in zip(scores, data.criteria, strict=True)
                    if a and a.score is not None
                )
                / total_weight
            )
        else:
            weighted[option.id] = None
    caption = (
        f"Bedömning av alternativen (skala {inv.score_min}–{inv.score_max}; "
        "viktat medelvärde med bedömningsgrundernas vikter)"
    )
    options = data.options
    if len(options) <= MATRIX_MAX_COLUMNS:
        # Criteria as rows, options as columns (by code): long criterion names fit.
        codes = [o.code or str(i) for i, o in enumerate(options, start=1)]
        rows = [
            [
                c.name,
                format_number(c.weight, 1),
                *[_score(_assessment_score(data, o.id, c.id)) for o in options],
            ]
            for c in data.criteria
        ]
        rows.append(["Viktat medelvärde", "", *[format_number(weighted[o.id], 1) for o in options]])
        ctx.caption("Tabell", caption)
        n = len(options)
        ctx.table(
            ["Bedömningsgrund", "Vikt", *codes],
            rows,
            numeric=tuple(range(1, n + 2)),
        )
        legend = "; ".join(f"{code} = {o.name}" for code, o in zip(codes, options, strict=True))
        ctx.paragraph(f"Alternativ: {legend}.", italic=True)
        return 1
    headers = ["Alternativ", *[c.name for c in data.criteria], "Viktat"]
    rows = [
        [
            o.name,
            *[_score(_assessment_score(data, o.id, c.id)) for c in data.criteria],
            format_number(weighted[o.id], 1),
        ]
        for o in options
    ]
    n = len(data.criteria)
    ctx.caption("Tabell", caption)
    ctx.table(
        headers,
        rows,
        numeric=tuple(range(1, n + 2)),
    )
    return 1


def _assessment_score(data: ReportData, option_id: str, criterion_id: str) -> float | None:
    a = data.assessments.get((option_id, criterion_id))
    return a.score if a is not None else None


_KIND_ALIASES = {
    "legal": CriterionKind.LEGAL,
    "juridik": CriterionKind.LEGAL,
    "kapacitet": CriterionKind.CAPACITY,
    "kvalitet": CriterionKind.QUALITY,
    "kostnad": CriterionKind.COST,
    "omvardnad": CriterionKind.NURSING,
    "ovrigt": CriterionKind.OTHER,
}


def _criterion_kind(value: Any) -> CriterionKind:
    text = str(value or "").casefold()
    if text in _KIND_ALIASES:
        return _KIND_ALIASES[text]
    return CriterionKind(text)


@block("bedomningar", "kriterium", help="bedömningarna per alternativ för en bedömningsgrund")
def assessments_block(ctx: BuildContext, params: dict[str, Any]) -> int:
    kind = _criterion_kind(params.get("kriterium"))
    data = ctx.data
    written = 0
    for criterion in (c for c in data.criteria if c.kind == kind):
        if criterion.description_md.strip():
            written += ctx.markdown(criterion.description_md, depth=2)
        for option in data.options:
            a = data.assessments.get((option.id, criterion.id))
            if a is None or not (a.rationale_md.strip() or a.score is not None):
                continue
            paragraph = ctx.paragraph()
            label = option.name
            if a.score is not None:
                label += (
                    f" (bedömning {format_number(a.score, 0 if a.score == int(a.score) else 1)})"
                )
            fast_run(paragraph, clean(label) + ". ", bold=True)
            fast_run(paragraph, clean(markdown_to_plain(a.rationale_md)))
            if a.source:
                fast_run(paragraph, f" Källa: {clean(a.source)}.", italic=True)
            written += 1
    return written
