"""Merging copies: `sla-ihop`, `konflikter`, `andringar`, `agare`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "sla-ihop",
        help="slå ihop en kopia (eller ett ändringspaket) med utredningsfilen",
    )
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("kopia", metavar="KOPIA", type=Path, help="kopian eller ändringspaketet")
    p.add_argument("--torrkorning", action="store_true", help="visa vad som skulle hända")
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser(
        "hamta", help="hämta en kopia av en utredning på servern för att arbeta offline"
    )
    p.add_argument("path", metavar="URL", help="servern, t.ex. postgresql://anna@server/db")
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="LOKAL.utredning")
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("konflikter", help="lista och lös konflikter från sammanslagningar")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("--json", action="store_true", help="skriv listan som JSON")
    p.add_argument(
        "--valj",
        nargs=2,
        metavar=("NR", "mina|deras"),
        help="lös konflikt NR: behåll filens värde (mina) eller kopians (deras)",
    )
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser(
        "andringar",
        help="skriv ett ändringspaket med det som kopian ändrat sedan den delades ut",
    )
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="PAKET")
    p.set_defaults(func=cmd_package)

    p = sub.add_parser("agare", help="ange vem som äger kopian (namn och parti)")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("--namn", required=True)
    p.add_argument("--parti", default="", help="partiets förkortning, t.ex. S")
    p.set_defaults(func=cmd_owner)


def cmd_fetch(args: argparse.Namespace) -> int:
    from utredning_app.services.server_copy import fetch_copy

    out = fetch_copy(args.path, args.out)
    print(
        f"Kopian skrevs: {out}. Arbeta offline i den och för tillbaka ändringarna med "
        f"«utredning sla-ihop URL {out.name}»."
    )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from utredning_app.services.merge import merge_copy

    result = merge_copy(args.path, args.kopia, dry_run=args.torrkorning)
    if args.json:
        print(json.dumps(result.counts, ensure_ascii=False))
        return 0
    c = result.counts
    what = "Skulle slås ihop" if args.torrkorning else "Sammanslaget"
    print(
        f"{what} från {args.kopia.name}: {c['nya']} nya rader, {c['andrade']} ändrade fält, "
        f"{c['borttagna']} borttagna rader, {c['konflikter']} konflikter."
    )
    if result.backup is not None:
        print(f"Säkerhetskopia före sammanslagning: {result.backup}")
    if c["konflikter"]:
        print(f"Se konflikterna med: utredning konflikter {args.path}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from utredning_app.services.conflicts import list_conflicts, resolve_conflict

    if args.valj:
        number, side = args.valj
        resolved = resolve_conflict(args.path, number, side)
        print(f"Konflikt {resolved.number} löst: {resolved.describe()}")
        return 0
    items = list_conflicts(args.path)
    if args.json:
        print(json.dumps([c.as_json() for c in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("Inga öppna konflikter.")
        return 0
    for c in items:
        print(c.as_text())
    return 0


def cmd_package(args: argparse.Namespace) -> int:
    from utredning_app.services.packages import write_package

    info = write_package(args.path, args.out)
    print(f"Ändringspaketet skrevs: {args.out} ({info})")
    return 0


def cmd_owner(args: argparse.Namespace) -> int:
    from utredning_app.services.conflicts import set_copy_owner

    set_copy_owner(args.path, args.namn, args.parti)
    party = f" ({args.parti})" if args.parti else ""
    print(f"Kopians ägare: {args.namn}{party}")
    return 0
