"""The cost and appraisal figures as ready-formatted Swedish tables (header + rows of text),
for the Word reports' konsekvensanalys and the CLI. Pure: results in, strings out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from utredning_app.domain.appraisal import ProfileRanking, Sensitivity
from utredning_app.domain.costs import (
    CostModelInput,
    CostSummary,
    Range,
    difference_range,
    sorted_options,
)
from utredning_app.domain.formatting import format_number
from utredning_app.domain.uncertainty import SimulationResult


def plain_distribution(label: str) -> str:
    """The simulation's distribution in plain Swedish (no "PERT-fördelning")."""
    if label.casefold().startswith("pert"):
        return "varje skattning slumpas mellan sitt låga och höga värde, oftast nära basvärdet"
    return "varje skattning slumpas mellan sitt låga och höga värde, med basvärdet som vanligast"


@dataclass(frozen=True)
class TextTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    numeric_columns: tuple[int, ...] = ()  # right-aligned


def _n(value: float | None, decimals: int = 1) -> str:
    return format_number(value, decimals)


def _range(low: float, base: float, high: float) -> str:
    """``base (a – b)`` with a ≤ base ≤ b always: the ends are ordered and widened to take in
    the base value, so a printed interval never runs backwards or misses its own value."""
    a, b = min(low, base, high), max(low, base, high)
    return f"{_n(base)} ({_n(a)}\u00a0– {_n(b)})"


# Soft hyphens (U+00AD): a narrow column breaks the long words there, not mid-letter.
DIFFERENCE_HEADER = "Skillnad mot noll\u00adalternativet, bas (scenario\u00adintervall)"
DIFFERENCE_NOTE = (
    "Skillnad = alternativ − nollalternativ; negativt betyder lägre kostnad än i dag. "
    "Intervallet för skillnaden går från alternativets låga kostnad mot nollalternativets "
    "höga till alternativets höga mot nollalternativets låga, så basvärdet ligger alltid inom det."
)


def cost_table(summary: CostSummary) -> TextTable:
    """Present value per option with range and the difference against the baseline."""
    period = f"{summary.horizon.start_year}–{summary.horizon.end_year}"
    rows = []
    for oc in summary.options:
        pv, diff = oc.present_value, oc.difference_pv
        rows.append(
            (
                oc.option.title + (" (nollalternativ)" if oc.option.is_baseline else ""),
                _range(pv.low, pv.base, pv.high),
                _diff(pv, diff),
                _n(oc.total.base),
            )
        )
    return TextTable(
        title=f"Kostnader per alternativ {period}, mnkr",
        header=(
            "Alternativ",
            "Nuvärde, bas (låg – hög)",
            DIFFERENCE_HEADER,
            "Summa bas, ej diskonterad",
        ),
        rows=tuple(rows),
        note=(
            f"Nuvärde med {_n(summary.discount_rate * 100)}\u00a0% diskonteringsränta, "
            f"t = år − {summary.horizon.start_year}. " + DIFFERENCE_NOTE
        ),
        numeric_columns=(1, 2, 3),
    )


def _diff(value: Range, difference: Range | None) -> str:
    if difference is None:
        return "–"
    r = difference_range(value, difference)
    return _range(r.low, r.base, r.high)


def actor_table(summary: CostSummary) -> TextTable:
    """Per option and actor: present value, difference and the financing stated."""
    from utredning_app.domain.enums import Actor

    rows = []
    for oc in summary.options:
        by_actor = {ac.actor: ac for ac in oc.per_actor}
        # Every aktör the model knows gets a line (14 § kommittéförordningen): "inga
        # kostnader" says the question was asked, not forgotten.
        for actor in Actor:
            ac = by_actor.get(actor)
            if ac is None:
                rows.append((oc.option.title, actor.label, "inga kostnader", "–", "–"))
                continue
            pv, diff = ac.present_value, ac.difference_pv
            rows.append(
                (
                    oc.option.title,
                    ac.actor.label,
                    _range(pv.low, pv.base, pv.high),
                    _diff(pv, diff),
                    "; ".join(ac.financing) or "Ej angiven",
                )
            )
    return TextTable(
        title="Kostnader per aktör och finansiering, nuvärde i mnkr",
        header=(
            "Alternativ",
            "Aktör",
            "Nuvärde, bas (låg – hög)",
            DIFFERENCE_HEADER,
            "Finansiering",
        ),
        rows=tuple(rows),
        note=DIFFERENCE_NOTE,
        numeric_columns=(2, 3),
    )


def simulation_table(result: SimulationResult) -> TextTable:
    rows = []
    for o in result.options:
        prob = "–"
        if o.prob_above_baseline is not None:
            prob = f"{_n(o.prob_above_baseline * 100, 0)}\u00a0%"
        rows.append((o.option.title, _n(o.p10), _n(o.p50), _n(o.p90), prob))
    return TextTable(
        title="Osäkerhet (Monte Carlo), nuvärde i mnkr",
        header=("Alternativ", "P10", "P50", "P90", "Sannolikhet att kosta mer än i dag"),
        rows=tuple(rows),
        note=(
            f"{format_number(result.draws, 0)} slumpade utfall där "
            f"{plain_distribution(result.distribution.label)} (slumpfrö {result.seed}). "
            "Åtta av tio utfall ligger mellan P10 och P90; P50 är mittvärdet."
        ),
        numeric_columns=(1, 2, 3, 4),
    )


def ranking_table(rankings: Sequence[ProfileRanking], *, compact: bool = False) -> TextTable:
    """Options × weight profiles: rank (weighted score), side by side. ``compact`` gives
    ranks only and short headers (for a page-wide Word table with many parties)."""
    if not rankings:
        return TextTable("Rangordning per viktprofil", ("Alternativ",), ())
    options = sorted(
        (r.option for r in rankings[0].ranking),
        key=lambda o: (not o.is_baseline, o.sort_order, o.code),
    )

    def head(r: ProfileRanking) -> str:
        if r.profile.party:
            return r.profile.party
        return "Grupp" if compact and not r.profile.id else r.profile.name

    header = ("Alternativ", *(head(r) for r in rankings))
    rows = []
    for option in options:
        cells = [option.title]
        for ranking in rankings:
            ranked = next(x for x in ranking.ranking if x.option.id == option.id)
            cells.append(str(ranked.rank) if compact else f"{ranked.rank} ({_n(ranked.score, 2)})")
        rows.append(tuple(cells))
    legend = "; ".join(f"{r.profile.party} = {r.profile.name}" for r in rankings if r.profile.party)
    if compact:
        legend = "Grupp = gruppens gemensamma viktning; " + legend
    return TextTable(
        title="Rangordning per viktprofil: placering"
        + ("" if compact else " (viktad poäng)")
        + " (1 = bäst)",
        header=header,
        rows=tuple(rows),
        note=legend,
        numeric_columns=tuple(range(1, len(header))),
    )


def stability_table(sensitivity: Sensitivity) -> TextTable:
    rows = []
    for c in sensitivity.criteria:
        rows.append(
            (
                c.criterion.name,
                f"{_n(c.current)}\u00a0%",
                f"{_n(c.lower)}–{_n(c.upper)}\u00a0%",
                c.rival_below.title if c.rival_below else "–",
                c.rival_above.title if c.rival_above else "–",
            )
        )
    return TextTable(
        title=f"Stabilitet: {sensitivity.top.title} förblir bäst – {sensitivity.profile.name}",
        header=(
            "Bedömningsgrund",
            "Vikt nu",
            "Intervall där alternativet förblir bäst",
            "Tar över vid lägre vikt",
            "Tar över vid högre vikt",
        ),
        rows=tuple(rows),
        note="Övriga bedömningsgrunders vikter skalas i proportion när en vikt ändras.",
        numeric_columns=(1, 2),
    )


def effects_table(model: CostModelInput) -> TextTable:
    """Capacity and quality estimates per option: first and last horizon year (bas, låg–hög)."""
    first, last = model.horizon.start_year, model.horizon.end_year
    titles = {o.id: o.title for o in model.options}
    order = {o.id: i for i, o in enumerate(sorted_options(model.options))}
    rows = []
    for e in sorted(
        (e for e in model.estimates if not e.is_cost and e.option_id in titles),
        key=lambda e: (order[e.option_id], e.kind.value, e.name),
    ):
        cells = [titles[e.option_id], e.name, e.kind.label, e.unit]
        for year in (first, last):
            v = e.value_for(year)
            cells.append(_range(v.low, v.base, v.high) if v else "–")
        rows.append(tuple(cells))
    return TextTable(
        title="Effekter på kapacitet och kvalitet",
        header=(
            "Alternativ",
            "Skattning",
            "Typ",
            "Enhet",
            f"{first}, bas (låg – hög)",
            f"{last}, bas (låg – hög)",
        ),
        rows=tuple(rows),
        note="Summeras aldrig över olika enheter.",
        numeric_columns=(4, 5),
    )
