"""`utredning server …`: administer a shared PostgreSQL server (list investigations, add a
person's login)."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

PASSWORD_ENV = "UTREDNING_NYTT_LOSENORD"


def register(sub: Any) -> None:
    p = sub.add_parser("server", help="administrera en delad PostgreSQL-server")
    inner = p.add_subparsers(dest="server_command", metavar="ÅTGÄRD")
    inner.required = True

    q = inner.add_parser("lista", help="lista utredningarna i databasen (titel och schemanamn)")
    q.add_argument("url", metavar="URL", help="databasen, t.ex. postgresql://admin@server/utr")
    q.set_defaults(func=cmd_list)

    q = inner.add_parser(
        "anvandare",
        help="låt en person logga in som en ledamot i en utredning (skapar inloggningen om "
        "den saknas)",
    )
    q.add_argument("url", metavar="URL", help="databasen, som en användare med CREATEROLE")
    q.add_argument(
        "--utredning", dest="schema", metavar="NAMN", help="utredningen (när databasen har flera)"
    )
    q.add_argument(
        "--medlem", required=True, metavar="NAMN", help="ledamotens namn, t.ex. «Anna Berg»"
    )
    q.add_argument(
        "--login", required=True, metavar="INLOGGNING", help="personens roll, t.ex. anna"
    )
    q.add_argument(
        "--losenord-fran-miljo",
        action="store_true",
        help=f"läs lösenordet för en ny inloggning från miljövariabeln {PASSWORD_ENV} i stället "
        "för att fråga",
    )
    q.set_defaults(func=cmd_add_user)

    q = inner.add_parser(
        "ta-bort-anvandare",
        help="ta bort en persons inloggning från en utredning (det den skrivit finns kvar)",
    )
    q.add_argument("url", metavar="URL", help="databasen, som en användare med CREATEROLE")
    q.add_argument(
        "--utredning", dest="schema", metavar="NAMN", help="utredningen (när databasen har flera)"
    )
    q.add_argument("--login", required=True, metavar="INLOGGNING", help="personens roll")
    q.set_defaults(func=cmd_remove_user)


def _location(url: str, schema: str | None = None) -> Any:
    from utredning_app.services.server_admin import server_location

    return server_location(url, schema)


def cmd_list(args: argparse.Namespace) -> int:
    from utredning_app.services.server_admin import list_server_investigations

    location = _location(args.url)
    found = list_server_investigations(location)
    if not found:
        print(f"Det finns ingen utredning på {location.display()}.")
        return 0
    for item in found:
        title = item.title if item.title is not None else "(du har inte behörighet till den)"
        print(f"{item.schema}\t{title}")
    return 0


def _password_from(args: argparse.Namespace) -> Any:
    from utredning_app.errors import ValidationError

    def ask() -> str:
        if args.losenord_fran_miljo:
            secret = os.environ.get(PASSWORD_ENV, "")
            if not secret:
                raise ValidationError(
                    f"Miljövariabeln {PASSWORD_ENV} är tom eller saknas. Ingenting ändrades."
                )
            return secret
        first = getpass.getpass(f"Lösenord för den nya inloggningen {args.login}: ")
        again = getpass.getpass("Samma lösenord igen: ")
        if first != again:
            raise ValidationError("Lösenorden var inte lika. Ingenting ändrades.")
        return first

    return ask


def cmd_add_user(args: argparse.Namespace) -> int:
    from utredning_app.services.server_admin import add_server_user

    location = _location(args.url, args.schema)
    added = add_server_user(location, args.medlem, args.login, _password_from(args))
    made = "skapades och " if added.created_role else ""
    if added.already_tied:
        print(f"{added.member} loggar redan in som {added.login}; behörigheten är kontrollerad.")
    else:
        print(f"Inloggningen {added.login} {made}kopplades till {added.member}.")
    return 0


def cmd_remove_user(args: argparse.Namespace) -> int:
    from utredning_app.services.server_admin import remove_server_user

    name = remove_server_user(_location(args.url, args.schema), args.login)
    print(
        f"{name} loggar inte längre in som {args.login} i utredningen; det hen har skrivit "
        "finns kvar."
    )
    return 0
