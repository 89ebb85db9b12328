"""`utredning logg FIL -o UT.csv|UT.xlsx`: export the ändringslogg."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("logg", help="exportera ändringsloggen (vem ändrade vad och när)")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="UT.csv|UT.xlsx")
    p.add_argument(
        "--med-privat",
        action="store_true",
        help="ta med ändringar i privata och partiinterna anteckningar och utkast",
    )
    p.set_defaults(func=cmd_logg)


def cmd_logg(args: argparse.Namespace) -> int:
    from utredning_app.services.audit_log import export_audit

    count = export_audit(args.path, args.out, include_private=args.med_privat)
    print(f"Ändringsloggen ({count} poster) skrevs: {args.out}")
    return 0
