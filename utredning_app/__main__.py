"""GUI entry point: ``python -m utredning_app [FIL] [--selftest]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _location(value: str) -> object:
    # storage.location imports nothing heavy (no SQLAlchemy): start-up stays fast.
    from utredning_app.storage.location import as_location

    return as_location(value)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="utredningsstod", description="Utredningsstöd")
    parser.add_argument(
        "path", nargs="?", type=_location, help="utredningsfil (eller serveradress) att öppna"
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="öppna filen (eller en tillfällig utredning), visa fönstret och avsluta",
    )
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from utredning_app.gui.app import run

    return run(args.path, selftest=args.selftest)


if __name__ == "__main__":
    raise SystemExit(main())
