"""The ``utredning`` command. Subcommands live in ``utredning_app/commands/``; each module
has ``register(subparsers)``. Output and help are Swedish; exit 0 on success, otherwise a
one-line Swedish reason on stderr and a non-zero code."""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from utredning_app import __version__
from utredning_app.errors import UserError

# Each module registers its own subcommands; order = order in --help.
COMMAND_MODULES: tuple[str, ...] = (
    "utredning_app.commands.basic",
    "utredning_app.commands.backups",
    "utredning_app.commands.audit",
    "utredning_app.commands.share",
    "utredning_app.commands.merge",
    "utredning_app.commands.remiss",
    "utredning_app.commands.costs",
    "utredning_app.commands.export",
    "utredning_app.commands.screenshots",
    "utredning_app.commands.server",
)

_ARGPARSE_SV = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "the following arguments are required: %s": "följande argument krävs: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "expected one argument": "ett värde krävs",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "show program's version number and exit": "visa programmets version och avsluta",
}


def _sv(text: str) -> str:
    return _ARGPARSE_SV.get(text, text)


# argparse looks its messages up through the module-level gettext alias `_` at call time;
# pointing it at our table gives Swedish usage/help/error text without a .mo catalogue.
argparse._ = _sv  # type: ignore[attr-defined]


class SwedishParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: fel: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishParser(
        prog="utredning",
        description="Utredningsstöd – arbeta med en utredningsfil (*.utredning) "
        "från kommandoraden.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Utredningsstöd {__version__}",
        help="visa programmets version och avsluta",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=SwedishParser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    _accept_server_addresses(sub)
    return parser


# Commands that work on an investigation on a PostgreSQL server as well as on a file (their
# FIL argument also takes postgresql://…, with --utredning NAMN when the database holds
# several). The others stay file-only: on a server, backups and integrity are the server's
# (pg_dump), and `dela` hands out a file.
SERVER_COMMANDS = frozenset(
    {
        "demo", "new", "info", "export", "export-xlsx", "export-json", "remiss", "import",
        "kostnader", "bedomning", "logg", "gui", "hamta", "sla-ihop", "konflikter",
    }
)  # fmt: skip


def _location_arg(value: str) -> object:
    from utredning_app.storage.location import as_location

    return as_location(value)


def _accept_server_addresses(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, parser in sub.choices.items():
        if name not in SERVER_COMMANDS:
            continue
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        targets = [p for a in nested for p in a.choices.values()] or [parser]
        for target in targets:
            for action in target._actions:
                if action.dest == "path":
                    action.type = _location_arg
                    action.metavar = "FIL|URL"
                    break
            else:
                continue
            target.add_argument(
                "--utredning",
                metavar="NAMN",
                help="utredningen på servern (när databasen har flera): schemats namn",
            )


def main(argv: Sequence[str] | None = None) -> int:
    # The imports below (SQLAlchemy, the models, every command) create a few hundred thousand
    # objects; the cyclic collector's passes over them while they are made cost a short
    # command a tenth of a second. It is off until the command runs.
    was_enabled = gc.isenabled()
    gc.disable()
    from utredning_app.commands.terminal import TerminalSafe
    from utredning_app.storage.backup import backup_warnings_to

    # User text (titles, answers) is printed: control characters must not reach the terminal.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafe(out), TerminalSafe(err)
    try:
        with backup_warnings_to(_warn_once()):
            return _run(argv, was_enabled)
    finally:
        sys.stdout, sys.stderr = out, err
        if was_enabled:
            gc.enable()


def _warn_once() -> Callable[[str], None]:
    """One line on stderr per distinct warning (the command goes on)."""
    seen: set[str] = set()

    def warn(message: str) -> None:
        if message not in seen:
            seen.add(message)
            print(f"utredning: varning: {message}", file=sys.stderr)

    return warn


def _run(argv: Sequence[str] | None, collect: bool = True) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if argv is None:
        # Run as the program: what the imports made lives until the process ends; moved out
        # of the collector's sight, neither a collection during the command nor the final
        # one at exit walks through it again.
        gc.freeze()
    if collect:
        gc.enable()
    try:
        _choose_investigation(args)
        code: int = args.func(args)
    except UserError as exc:
        print(f"utredning: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("utredning: avbrutet.", file=sys.stderr)
        return 130
    except OSError as exc:
        # A name too long for the file system, wherever a command meets it first.
        if exc.errno != errno.ENAMETOOLONG or not exc.filename:
            raise
        from utredning_app.services.atomic import name_too_long_message

        message = name_too_long_message(Path(os.fsdecode(exc.filename)))
        print(f"utredning: {message}", file=sys.stderr)
        return 1
    return code


def _choose_investigation(args: argparse.Namespace) -> None:
    """Apply --utredning to a server address; refuse server addresses where only files go."""
    from utredning_app.errors import ValidationError
    from utredning_app.storage.location import ServerLocation, is_server_address

    path = getattr(args, "path", None)
    schema = getattr(args, "utredning", None)
    if isinstance(path, ServerLocation):
        if schema:
            args.path = path.with_schema(schema)
        return
    if schema:
        raise ValidationError("--utredning gäller bara en serveradress (postgresql://…).")
    if path is not None and is_server_address(path):
        raise ValidationError(
            f"Kommandot {args.command} fungerar bara med en utredningsfil. På en server sköts "
            "säkerhetskopior och kontroller av serverns drift (pg_dump); hämta en kopia med "
            "«utredning hamta URL -o FIL» för att arbeta med en fil."
        )


if __name__ == "__main__":
    raise SystemExit(main())
