"""Export subcommands: ``export`` (Word documents) and ``export-xlsx`` (Excel)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

# Kept here (not imported from services.exports) so `utredning --help` stays light.
_DOCUMENTS = {
    "delrapport": "delrapporten (skickas på remiss)",
    "slutrapport": "slutrapporten med förslag till beslut",
    "remissammanstallning": "remissammanställningen förslag för förslag",
    "tjansteutlatande": "tjänsteutlåtandet till regionstyrelsen (högst fyra sidor)",
}


UPGRADED_COPY_NOTE = (
    "Obs: filen har en äldre schemaversion; exporten gjordes från en uppgraderad kopia och "
    "filen är oförändrad."
)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="skapa ett Word-dokument: delrapport, slutrapport, remissammanställning "
        "eller tjänsteutlåtande",
    )
    p.add_argument(
        "kind",
        metavar="DOKUMENT",
        choices=sorted(_DOCUMENTS),
        help="; ".join(f"{k}: {v}" for k, v in _DOCUMENTS.items()),
    )
    p.add_argument("path", metavar="FIL", type=Path, help="utredningsfilen")
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="UT.docx")
    p.add_argument(
        "--mall",
        type=Path,
        metavar="MALL.docx",
        help="egen Word-mall med samma formatmallar som standardmallen",
    )
    p.add_argument(
        "--disposition",
        type=Path,
        metavar="DISPOSITION.toml",
        help="egen disposition (kapitel och block) i stället för den i exports/outlines",
    )
    p.add_argument("--utkast", action="store_true", help="vattenstämpel UTKAST på varje sida")
    p.add_argument(
        "--aktuell",
        action="store_true",
        help="en fastställd rapports nuvarande innehåll (märkt UTKAST) i stället för den "
        "senast sparade utgåvan",
    )
    p.add_argument(
        "--sidnummer",
        action="store_true",
        help="sidnummer i innehållsförteckningen (LibreOffice lägger upp sidorna; några "
        "sekunder till)",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "utgava",
        help="spara den fastställda delrapporten/slutrapporten som en utgåva (så som den skickas)",
    )
    p.add_argument("kind", metavar="RAPPORT", choices=["delrapport", "slutrapport"])
    p.add_argument("path", metavar="FIL", type=Path, help="utredningsfilen")
    p.add_argument("--etikett", default="", help="t.ex. ”Remissutgåva”")
    p.add_argument("--mall", type=Path, metavar="MALL.docx", help="egen Word-mall")
    p.set_defaults(func=cmd_edition)

    p = sub.add_parser("utgavor", help="lista rapporternas sparade utgåvor")
    p.add_argument("path", metavar="FIL", type=Path, help="utredningsfilen")
    p.set_defaults(func=cmd_editions)

    from utredning_app.services.exports import xlsx_kinds

    kinds = xlsx_kinds()
    p = sub.add_parser("export-xlsx", help="skapa en Excel-fil (t.ex. remissammanställningen)")
    p.add_argument(
        "kind",
        metavar="SLAG",
        choices=sorted(kinds),
        help="; ".join(f"{k.name}: {k.help}" for k in kinds.values()),
    )
    p.add_argument("path", metavar="FIL", type=Path, help="utredningsfilen")
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="UT.xlsx")
    p.set_defaults(func=cmd_export_xlsx)


def cmd_export(args: argparse.Namespace) -> int:
    from utredning_app.domain.formatting import format_number
    from utredning_app.services.exports import export_document

    result = export_document(
        args.kind,
        args.path,
        args.out,
        template=args.mall,
        draft=args.utkast,
        outline=args.disposition,
        current=args.aktuell,
        page_numbers=args.sidnummer,
    )
    size = format_number(result.size_bytes / 1024, 0, sep=" ")
    chapters = f", {len(result.chapters)} kapitel" if result.chapters else ""
    print(f"Dokumentet skrevs: {result.out} ({size} kB{chapters})")
    for note in result.notes:
        print(f"Obs: {note}")
    _note_upgraded_copy(result.upgraded_copy)
    if result.conflicts:  # open merge conflicts (issue 11): the document shows this file's
        print(result.conflicts, file=sys.stderr)  # values; say which
    return 0


def cmd_edition(args: argparse.Namespace) -> int:
    from utredning_app.services.editions import record_edition

    info = record_edition(args.path, args.kind, label=args.etikett, template=args.mall)
    print(
        f"Utgåvan sparades: {info.report_title}, {info.label}, {info.edition_date.isoformat()} "
        f"({info.size_bytes // 1024} kB)."
    )
    return 0


def cmd_editions(args: argparse.Namespace) -> int:
    from utredning_app.services.editions import list_editions

    editions = list_editions(args.path)
    if not editions:
        print("Filen har inga sparade utgåvor.")
    for e in editions:
        print(f"{e.kind.label}\t{e.edition_date.isoformat()}\t{e.label}\t{e.report_title}")
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from utredning_app.services.exports import export_xlsx

    result = export_xlsx(args.kind, args.path, args.out)
    print(f"Excel-filen skrevs: {result.out}", file=sys.stdout)
    _note_upgraded_copy(result.upgraded_copy)
    if result.conflicts:
        print(result.conflicts, file=sys.stderr)
    return 0


def _note_upgraded_copy(upgraded: bool) -> None:
    if upgraded:
        print(UPGRADED_COPY_NOTE)
