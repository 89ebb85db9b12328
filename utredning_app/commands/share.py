"""`utredning dela FIL -o UT.utredning`: a copy without private content, to give to others."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "dela",
        help="skapa en kopia utan privata och partiinterna anteckningar och utkast "
        "(att ge till andra)",
    )
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="UT.utredning")
    p.set_defaults(func=cmd_share)


def cmd_share(args: argparse.Namespace) -> int:
    from utredning_app.services.share import share_copy

    share_copy(args.path, args.out)
    print(f"Delbar kopia (utan privat innehåll) skrevs: {args.out}")
    return 0
