"""Remiss subcommands: ``remiss utskick|status|sok|instanser`` and ``import remissvar``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from utredning_app.commands.import_kinds import import_kinds


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} är inget datum (ÅÅÅÅ-MM-DD)") from exc


def register(sub: Any) -> None:
    remiss = sub.add_parser("remiss", help="remisser: utskick, status, sökning, remissinstanser")
    rsub = remiss.add_subparsers(dest="remiss_command", metavar="KOMMANDO")
    rsub.required = True

    p = rsub.add_parser("utskick", help="skapa svarsmall (.xlsx) och missiv (.docx) per instans")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("-o", "--ut", dest="out", required=True, type=Path, metavar="MAPP")
    p.add_argument("--omgang", default=None, help="remissomgångens namn (standard: den senaste)")
    p.set_defaults(func=cmd_sendout)

    p = rsub.add_parser("status", help="inbjudna, besvarade, avstått, saknas och sena, per typ")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("--omgang", default=None)
    p.add_argument(
        "--paminnelser",
        type=Path,
        metavar="UT.xlsx|UT.csv",
        help="skriv listan över vilka som ska påminnas",
    )
    p.set_defaults(func=cmd_status)

    p = rsub.add_parser("sok", help="fritextsök i remissvaren (hittar delar av sammansatta ord)")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("query", metavar="SÖKORD")
    p.add_argument("--typ", action="append", default=[], help="bara instanser av typen (nämnd …)")
    p.add_argument("--stallning", action="append", default=[], help="bara svar med ställningen")
    p.add_argument(
        "--bojningar",
        action="store_true",
        help="hitta också andra böjningsformer (svenska ordstammar; bara på en server)",
    )
    p.set_defaults(func=cmd_search)

    p = rsub.add_parser(
        "foresla", help="föreslå ställningstaganden ur svarens text (kodar ingenting)"
    )
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("--omgang", default=None)
    p.add_argument("--json", action="store_true", help="skriv förslagen som JSON")
    p.set_defaults(func=cmd_suggest)

    p = rsub.add_parser("instanser", help="lista, importera eller exportera remissinstanser")
    p.add_argument("path", metavar="FIL", type=Path)
    p.add_argument("--omgang", default=None)
    p.add_argument("--importera", type=Path, metavar="LISTA.xlsx", help="lägg till från Excel")
    p.add_argument("--exportera", type=Path, metavar="UT.xlsx", help="spara listan som Excel")
    p.set_defaults(func=cmd_consultees)

    p = import_kinds(sub).add_parser(
        "remissvar", help="läs in remissvar (.docx, .pdf, svarsmall, e-post .eml/.msg)"
    )
    p.add_argument("path", metavar="FIL", type=Path, help="utredningsfilen")
    p.add_argument("files", metavar="SVARSFIL", type=Path, nargs="+")
    p.add_argument("--omgang", default=None)
    p.add_argument("--inkom", type=_date, default=None, help="mottagningsdatum (standard: i dag)")
    p.add_argument(
        "--ny-instans",
        dest="new_consultee",
        action="store_true",
        help="registrera avsändaren av varje fil som inte matchar någon remissinstans "
        "som ny instans (ej inbjuden)",
    )
    p.add_argument("--typ", default=None, help="typ för nya instanser (med --ny-instans)")
    p.add_argument(
        "--instans", default=None, metavar="NAMN", help="koppla alla filerna till den instansen"
    )
    p.add_argument(
        "--ocr",
        action="store_true",
        help="tolka även sidor med förvrängd text med OCR (inskannade sidor tolkas alltid)",
    )
    p.set_defaults(func=cmd_import_answers)


def cmd_sendout(args: argparse.Namespace) -> int:
    from utredning_app.services.sendout import create_sendout

    items = create_sendout(args.path, args.out, round_ref=args.omgang)
    print(f"{len(items)} svarsmallar och missiv skrevs i {args.out}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from utredning_app.domain.enums import ConsulteeType
    from utredning_app.services.files import open_file
    from utredning_app.services.remiss_status import export_reminders, remiss_status

    with open_file(args.path, read_only=True) as db:  # the reminder list only reads
        status = remiss_status(db, args.omgang)
        deadline = status.deadline.isoformat() if status.deadline else "–"
        print(f"{status.round_name} (sista svarsdag {deadline})")
        print(f"{'Typ':<24}{'Inbjudna':>9}{'Besvarat':>9}{'Avstått':>9}{'Saknas':>8}{'Sena':>6}")
        rows = [(k.label, status.by_type[k]) for k in ConsulteeType if k in status.by_type]
        for label, c in [*rows, ("Totalt", status.total)]:
            print(
                f"{label:<24}{c.invited:>9}{c.answered:>9}{c.abstained:>9}{c.missing:>8}{c.late:>6}"
            )
        if args.paminnelser:
            n = export_reminders(db, args.paminnelser, args.omgang, status=status)
            print(f"{n} instanser att påminna skrevs till {args.paminnelser}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from utredning_app.domain.enums import ConsulteeType, StanceKind
    from utredning_app.errors import ValidationError
    from utredning_app.services.files import open_file
    from utredning_app.services.search import search

    try:
        types = [ConsulteeType.from_label(t) for t in args.typ]
        stances = [StanceKind.from_label(st) for st in args.stallning]
    except ValueError as exc:
        raise ValidationError(f"Okänd typ eller ställning: {exc}.") from exc
    with open_file(args.path, read_only=True) as db:
        hits = search(
            db,
            args.query,
            types=types,  # type: ignore[arg-type]
            stances=stances,  # type: ignore[arg-type]
            inflections=args.bojningar,
        )
    for hit in hits:
        print(f"{hit.consultee} ({hit.consultee_type.label}, inkom {hit.received or '–'})")
        for passage in hit.passages:
            print(f"    {passage.plain(('»', '«'))}")
    print(f"{len(hits)} svar matchar.")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    import json

    from utredning_app.services.files import open_file
    from utredning_app.services.stance_suggest import as_json, suggest_round

    with open_file(args.path, read_only=True) as db:
        answers = suggest_round(db, args.omgang)
    if args.json:
        print(json.dumps(as_json(answers), ensure_ascii=False, indent=2))
        return 0
    for answer in answers:
        print(answer.consultee)
        for s in answer.suggestions:
            if s.stance is None:
                print(f"    förslag {s.number}: inget förslag")
            else:
                print(
                    f"    förslag {s.number}: {s.stance.label} – «{' '.join(s.sentence.split())}»"
                )
    found = sum(1 for a in answers for s in a.suggestions if s.stance is not None)
    total = sum(len(a.suggestions) for a in answers)
    print(f"{found} förslag till ställningstaganden för {total} par av svar och förslag.")
    print("Inget har kodats: förslagen tas emot, ändras eller avvisas i programmet.")
    return 0


def cmd_consultees(args: argparse.Namespace) -> int:
    from utredning_app.services import consultees as svc
    from utredning_app.services.files import open_file

    with open_file(args.path, read_only=args.importera is None) as db:
        if args.importera:
            sheet = svc.read_sheet(args.importera)
            preview = svc.preview_import(db, sheet, svc.guess_mapping(sheet.headers), args.omgang)
            print(f"Rubrikraden är rad {sheet.header_row}.")
            for row, name, other in preview.duplicates:
                print(f"rad {row}: «{name}» hoppas över – finns redan som «{other}»")
            for error in preview.errors:
                print(f"avvisad: {error}", file=sys.stderr)
            n = svc.commit_import(db, preview, args.omgang)
            print(f"{n} remissinstanser lades till, {len(preview.errors)} rader avvisades.")
        if args.exportera:
            n = svc.export_consultees(db, args.exportera, args.omgang)
            print(f"{n} remissinstanser sparades i {args.exportera}")
        if not args.importera and not args.exportera:
            for c in svc.list_consultees(db, args.omgang):
                invited = "" if c.invited else " (ej inbjuden)"
                print(f"{c.name} – {c.type.label}{invited}")
    return 0


def cmd_import_answers(args: argparse.Namespace) -> int:
    from utredning_app.domain.enums import ConsulteeType
    from utredning_app.errors import ValidationError
    from utredning_app.services.responses import import_answers

    new_type: ConsulteeType | None = None
    if args.typ is not None:
        from utredning_app.services.consultees import parse_type

        new_type = parse_type(args.typ)
        if new_type is None:
            allowed = ", ".join(k.label for k in ConsulteeType)
            raise ValidationError(f"Okänd typ «{args.typ}» (tillåtna: {allowed}).")
        if not args.new_consultee:
            raise ValidationError("--typ gäller nya instanser: ange också --ny-instans.")
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    result = import_answers(
        args.path,
        args.files,
        round_ref=args.omgang,
        received=args.inkom,
        new_consultees=args.new_consultee,
        new_type=new_type,
        assign_to=args.instans,
        ask=ask_about_match if interactive else None,
        ocr_garbled=args.ocr,
    )
    for file_name, consultee in result.imported:
        late = " (sent)" if consultee in result.late else ""
        how = result.how.get(file_name, "")
        print(f"{file_name}: inläst som svar från {consultee}{late}")
        if how:
            print(f"    avsändare enligt {how}")
        ocr = result.ocr.get(file_name)
        if ocr:
            print(f"    OCR-tolkad text på sidorna {ocr}")
    for _file_name, reason in result.rejected:
        print(f"avvisad: {reason}", file=sys.stderr)
    print(f"{len(result.imported)} svar lästes in, {len(result.rejected)} avvisades.")
    return 0 if not result.rejected else 1


def ask_about_match(proposal: Any, alternatives: list[tuple[str, str, float]]) -> Any:
    """In a terminal: which consultee an uncertain (or unmatched) file is from."""
    from utredning_app.errors import ValidationError
    from utredning_app.services.responses import (
        choose_consultee,
        register_as_new,
        replace_proposal,
    )
    from utredning_app.services.sender import guess_sender_name

    print(f"{proposal.path.name}: vilken remissinstans är avsändare?")
    if proposal.evidence:
        print(f"    närmast enligt {proposal.evidence}")
    for number, (_cid, name, score) in enumerate(alternatives, start=1):
        print(f"  {number}  {name} ({score:.0f} %)")
    guess = guess_sender_name(proposal.text, proposal.sender_email)
    if guess is not None:
        print(f"  n  ny instans (ej inbjuden): {guess.name}")
    print("  h  hoppa över filen")
    while True:
        try:
            answer = input("Välj: ").strip().casefold()
        except EOFError:
            answer = "h"
        if answer in ("h", ""):
            return replace_proposal(proposal, accepted=False)
        if answer == "n" and guess is not None:
            try:
                return register_as_new(proposal)
            except ValidationError as exc:
                print(exc.message)
                continue
        if answer.isdigit() and 1 <= int(answer) <= len(alternatives):
            cid, name, _score = alternatives[int(answer) - 1]
            return choose_consultee(proposal, cid, name)
        print("Svara med en siffra, n eller h.")
