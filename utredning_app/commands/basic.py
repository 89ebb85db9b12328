"""Core subcommands: demo, new, info, check, export-json, import-json, gui."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from utredning_app.services.entities import label_for


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="skapa demoutredningen (Region Stockholms egenägda vård)")
    p.add_argument("path", metavar="FIL", type=Path, help="ny utredningsfil att skapa")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("new", help="skapa en ny, tom utredning")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("--titel", required=True, help="utredningens titel")
    p.add_argument("--dnr", default="", help="diarienummer, t.ex. RS 2022-0845")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="visa antal poster, schemaversion och kontroller")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("check", help="kontrollera filens integritet, referenser och schema")
    p.add_argument("path", metavar="FIL", type=Path)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export-json", help="exportera hela utredningen som öppet JSON-arkiv")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="UT.json")
    p.add_argument(
        "--utan-privat",
        action="store_true",
        help="utelämna privata och partiinterna anteckningar och utkast (för att dela med andra)",
    )
    p.set_defaults(func=cmd_export_json)

    p = sub.add_parser("import-json", help="skapa en utredningsfil från ett JSON-arkiv")
    p.add_argument("archive", metavar="IN.json", type=Path)
    p.add_argument("path", metavar="FIL", type=Path, help="ny utredningsfil att skapa")
    p.set_defaults(func=cmd_import_json)

    p = sub.add_parser("gui", help="öppna programfönstret")
    p.add_argument("path", metavar="FIL", type=Path, nargs="?")
    p.set_defaults(func=cmd_gui)


def _tidy(path: object) -> None:
    """Work files a killed `new`, `demo` or import left in the target folder."""
    from utredning_app.services.temp_files import remove_stale_work_files

    if not isinstance(path, Path):
        return  # a server: no work files
    remove_stale_work_files(path.parent if str(path.parent) else Path("."))


def cmd_demo(args: argparse.Namespace) -> int:
    from utredning_app.services.demo import create_demo

    _tidy(args.path)
    db = create_demo(args.path)
    db.close()
    print(f"Demoutredningen skapades: {db.location}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from utredning_app.services.files import create_file

    _tidy(args.path)
    db = create_file(args.path, title=args.titel, diarienummer=args.dnr)
    db.close()
    print(f"Ny utredning skapad: {db.location}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from utredning_app.domain.formatting import format_number
    from utredning_app.services.info import file_info

    info = file_info(args.path)
    if args.json:
        print(json.dumps(asdict(info), ensure_ascii=False, indent=2))
        return 0
    print(f"Utredning:     {info.title}")
    print(f"Diarienummer:  {info.diarienummer or '–'}")
    print(f"Fil:           {info.path} ({format_number(info.size_bytes / 1024, 0, sep=' ')} kB)")
    print(f"Schemaversion: {info.schema_revision} (programmets: {info.app_schema_revision})")
    print("Innehåll:")
    for table, count in info.counts.items():
        extra = f" (+{info.deleted[table]} borttagna)" if info.deleted.get(table) else ""
        print(f"  {label_for(table):<40} {count:>7}{extra}")
    print(f"  {label_for('audit_entry'):<40} {info.audit_entries:>7}")
    print("Kontroller:    " + ", ".join(f"{k} {v}" for k, v in info.checks.items()))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    import sys

    from utredning_app.services.info import check_file

    result = check_file(args.path)
    if result.ok:
        print(f"{args.path}: inga fel hittades (integritet, referenser, schema).")
        return 0
    for problem in result.problems:
        print(f"{args.path}: {problem}", file=sys.stderr)
    return 1


def cmd_export_json(args: argparse.Namespace) -> int:
    from utredning_app.services.archive import export_archive

    export_archive(args.path, args.out, include_private=not args.utan_privat)
    print(f"Arkivet skrevs: {args.out}")
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from utredning_app.services.archive import import_archive

    import_archive(args.archive, args.path).close()
    print(f"Utredningen skapades från arkivet: {args.path}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from utredning_app.__main__ import main as gui_main

    if args.path is None:
        return gui_main([])
    address = getattr(args.path, "address", None)  # a server: keep its password in-process
    return gui_main([address() if callable(address) else str(args.path)])
