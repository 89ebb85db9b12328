"""Cost and appraisal subcommands: kostnader, bedomning, export-xlsx kostnader,
import kostnader."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

DISTRIBUTIONS = {"pert": "pert", "triangel": "triangular"}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "kostnader",
        help="visa kostnader per alternativ: summor, nuvärde, skillnad mot nollalternativet",
    )
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument(
        "--simulera",
        type=int,
        metavar="N",
        default=0,
        help="kör även en Monte Carlo-simulering med N dragningar (t.ex. 10000)",
    )
    p.add_argument(
        "--fordelning", choices=sorted(DISTRIBUTIONS), default="pert", help="fördelning (pert)"
    )
    p.add_argument(
        "--fro", type=int, default=None, metavar="TAL", help="slumpfrö (fast som standard)"
    )
    p.set_defaults(func=cmd_costs)

    p = sub.add_parser(
        "bedomning", help="visa rangordningen per viktprofil och stabilitetsintervallen"
    )
    p.add_argument("path", metavar="FIL", type=Path)
    p.set_defaults(func=cmd_appraisal)

    from utredning_app.commands.import_kinds import import_kinds

    _add_import_costs(import_kinds(sub), "kostnader")


def _add_import_costs(kinds: Any, kind: str) -> None:
    p = kinds.add_parser(
        kind,
        help="läs tillbaka ändrade indata från en exporterad kostnadsmodell (.xlsx)",
    )
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("workbook", metavar="ARBETSBOK.xlsx", type=Path)
    p.add_argument(
        "--torrkorning",
        action="store_true",
        help="visa bara vad som skulle ändras; utredningen lämnas orörd",
    )
    p.set_defaults(func=cmd_import_costs)


def cmd_import_costs(args: argparse.Namespace) -> int:
    from utredning_app.services.estimates import import_cost_workbook

    result = import_cost_workbook(args.path, args.workbook, dry_run=args.torrkorning)
    if result.changes.empty:
        print("Inga ändrade indata i arbetsboken; utredningen har inte ändrats.")
        return 0
    for line in result.lines:
        print(line)
    n = len(result.lines)
    if result.applied:
        print(f"{n} ändring{'ar' if n != 1 else ''} sparades i {args.path.name}.")
    else:
        print(f"Torrkörning: {n} ändring{'ar' if n != 1 else ''} skulle sparas; inget ändrades.")
    return 0


def cmd_costs(args: argparse.Namespace) -> int:
    from utredning_app.domain.costs import cost_summary
    from utredning_app.domain.formatting import format_number
    from utredning_app.domain.uncertainty import DEFAULT_SEED, Distribution, simulate
    from utredning_app.services.estimates import read_cost_model

    def n(value: float | None) -> str:
        return format_number(value, 1, sep=" ")

    _, model = read_cost_model(args.path)
    summary = cost_summary(model)
    rate = format_number(summary.discount_rate * 100, 1, sep=" ")
    print(
        f"Kostnader {summary.horizon.start_year}–{summary.horizon.end_year}, mnkr "
        f"(nuvärde med {rate} % diskonteringsränta; låg / bas / hög)"
    )
    for oc in summary.options:
        pv = oc.present_value
        line = f"  {oc.option.title}: nuvärde {n(pv.low)} / {n(pv.base)} / {n(pv.high)}"
        if oc.difference_pv is not None:
            d = oc.difference_pv
            line += f"; mot nollalternativet {n(d.low)} / {n(d.base)} / {n(d.high)}"
        else:
            line += " (nollalternativ)"
        print(line)
    for warning in summary.warnings:
        print(f"  Obs: {warning}")
    from utredning_app.exporting.cost_tables import effects_table

    effects = effects_table(model)
    if effects.rows:
        years = f"{summary.horizon.start_year} → {summary.horizon.end_year}"
        print(f"{effects.title}, bas (låg – hög), {years}:")
        for row in effects.rows:
            print(f"  {row[0]} · {row[1]} ({row[3]}): {row[4]} → {row[5]}")
    if args.simulera:
        dist = Distribution(DISTRIBUTIONS[args.fordelning])
        seed = DEFAULT_SEED if args.fro is None else args.fro
        result = simulate(model, draws=args.simulera, seed=seed, distribution=dist)
        print(f"Monte Carlo: {result.draws} dragningar, {dist.label.lower()}, frö {seed}")
        for o in result.options:
            line = f"  {o.option.title}: P10 {n(o.p10)}, P50 {n(o.p50)}, P90 {n(o.p90)}"
            if o.prob_above_baseline is not None:
                prob = format_number(o.prob_above_baseline * 100, 0, sep=" ")
                line += f"; dyrare än nollalternativet med {prob} % sannolikhet"
            print(line)
    return 0


def cmd_appraisal(args: argparse.Namespace) -> int:
    from utredning_app.domain.formatting import format_number
    from utredning_app.services.appraisal import appraisal_overview

    ov = appraisal_overview(args.path)
    for ranking, sens in zip(ov.rankings, ov.sensitivities, strict=True):
        party = f" ({ranking.profile.party})" if ranking.profile.party else ""
        print(f"{ranking.profile.name}{party}:")
        for r in ranking.ranking:
            print(f"  {r.rank}. {r.option.title} – {format_number(r.score, 2, sep=' ')}")
        for c in sens.criteria:
            print(
                f"    {c.criterion.name}: vikt {format_number(c.current, 1, sep=' ')} %, "
                f"{sens.top.code} förblir bäst inom {format_number(c.lower, 1, sep=' ')}–"
                f"{format_number(c.upper, 1, sep=' ')} %"
            )
    for problem in ov.problems:
        print(f"Obs: {problem}")
    return 0
