"""``utredning screenshots FIL MAPP``: one PNG per main view of the window."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("screenshots", help="spara en bild (PNG) av varje vy i programfönstret")
    p.add_argument("path", metavar="FIL", type=Path, help="utredningsfil att visa")
    p.add_argument("out", metavar="MAPP", type=Path, help="mapp där bilderna sparas")
    p.add_argument("--vy", action="append", dest="views", metavar="VY", help="bara dessa vyer")
    p.add_argument(
        "--storlek",
        dest="size",
        metavar="BxH",
        help="fönstrets storlek i bildpunkter, t.ex. 1366x768 (läggs till i filnamnen)",
    )
    p.set_defaults(func=cmd_screenshots)


def cmd_screenshots(args: argparse.Namespace) -> int:
    from utredning_app.launcher import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen needed to draw the views
    from utredning_app.errors import UserError
    from utredning_app.gui.screenshots import render_views

    size, suffix = None, ""
    if args.size:
        width, _x, height = args.size.lower().partition("x")
        if not (width.isdigit() and height.isdigit() and int(width) >= 400 and int(height) >= 300):
            raise UserError(f"--storlek {args.size}: skriv bredd x höjd, t.ex. 1366x768.")
        from PySide6.QtCore import QSize

        size, suffix = QSize(int(width), int(height)), f"-{int(width)}x{int(height)}"
    for written in render_views(args.path, args.out, keys=args.views, size=size, suffix=suffix):
        print(written)
    return 0
