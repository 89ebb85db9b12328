"""`utredning backups list|restore|make`: the automatic backups of a file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from utredning_app.errors import BackupError


def register(sub: Any) -> None:
    p = sub.add_parser("backups", help="visa, gör och återställ säkerhetskopior av en fil")
    inner = p.add_subparsers(dest="backups_command", metavar="ÅTGÄRD", parser_class=type(p))
    inner.required = True

    q = inner.add_parser("list", help="lista filens säkerhetskopior, nyaste först")
    q.add_argument("path", metavar="FIL", type=Path)
    q.set_defaults(func=cmd_list)

    q = inner.add_parser("make", help="gör en säkerhetskopia nu")
    q.add_argument("path", metavar="FIL", type=Path)
    q.set_defaults(func=cmd_make)

    q = inner.add_parser(
        "restore",
        help="ersätt filen med en säkerhetskopia (den nuvarande filen säkerhetskopieras först)",
    )
    q.add_argument("path", metavar="FIL", type=Path)
    q.add_argument(
        "backup", metavar="KOPIA", help="säkerhetskopians fil, eller dess nummer i `backups list`"
    )
    q.set_defaults(func=cmd_restore)


def _size(n: int) -> str:
    from utredning_app.domain.formatting import format_number

    return f"{format_number(n / 1024, 0, sep=' ')} kB"


def cmd_list(args: argparse.Namespace) -> int:
    from utredning_app.services.backups import backups_for, folder_for

    found = backups_for(args.path)
    print(f"Säkerhetskopior av {args.path} (i {folder_for(args.path)}):")
    if not found:
        print("  inga ännu")
        return 0
    for number, info in enumerate(found, start=1):
        when = info.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"  {number:>3}  {when}  {info.reason_label:<20} {_size(info.size):>10}  {info.path}")
    return 0


def cmd_make(args: argparse.Namespace) -> int:
    from utredning_app.services.files import backup_now

    made = backup_now(args.path)
    print(f"Säkerhetskopian skrevs: {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from utredning_app.services.backups import backups_for, restore_backup

    chosen = Path(args.backup)
    if args.backup.isdigit() and not chosen.exists():
        found = backups_for(args.path)
        number = int(args.backup)
        if not 1 <= number <= len(found):
            raise BackupError(
                f"Det finns ingen säkerhetskopia nummer {number} av {args.path.name} "
                f"(det finns {len(found)}; se `utredning backups list`)."
            )
        chosen = found[number - 1].path
    result = restore_backup(args.path, chosen)
    print(f"{args.path} återställdes från {result.restored_from}.")
    if result.safety_copy is not None:
        print(f"Filen som den var före återställningen sparades i {result.safety_copy}.")
    return 0
