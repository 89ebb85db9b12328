"""Who may see what is enforced by the server: people log in as their own roles and try plain
SQL against the demo on a real PostgreSQL (migration 0006_server, ``_security_upgrade``)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import errors as pgerr

from tests.pg_cluster import PgCluster
from utredning_app.cli import main
from utredning_app.domain.enums import Visibility
from utredning_app.errors import ReadOnlyFile, ValidationError
from utredning_app.services.demo import create_demo
from utredning_app.services.server_admin import add_server_user, list_server_investigations
from utredning_app.storage.location import ServerLocation
from utredning_app.storage.models import Dissent, Member, Note, Report, Section
from utredning_app.storage.server import ServerDatabase, drop_server_investigation, open_server

PASSWORD = "lösenord-för-test-1"
# Demo members: two of party M, one of C, one of S.
PEOPLE = {
    "cecilia": "Cecilia Strand",  # M; the demo's private note is hers
    "johan": "Johan Ekstedt",  # M; the demo's party-internal section is his
    "annakarin": "Anna-Karin Björk",  # C
    "amir": "Amir Haddad",  # S
}


@dataclass
class Server:
    pg: PgCluster
    database: str
    logins: dict[str, str]  # short name → login role (unique in the cluster)

    @property
    def admin(self) -> ServerLocation:
        return ServerLocation.parse(self.pg.url(database=self.database), "demo")

    def location(self, who: str) -> ServerLocation:
        url = self.pg.url(user=self.logins[who], database=self.database, password=PASSWORD)
        return ServerLocation.parse(url, "demo")

    def connect(self, who: str) -> psycopg.Connection[tuple[object, ...]]:
        """A plain libpq connection as ``who`` (password over TCP), searching the demo."""
        url = self.pg.url(user=self.logins[who], database=self.database, password=PASSWORD)
        return psycopg.connect(url, options="-c search_path=demo", autocommit=True)

    def open(self, who: str) -> ServerDatabase:
        return open_server(self.location(who))

    def admin_sql(self, sql: str) -> str:
        return self.pg.psql(f"SET search_path = demo; {sql}", database=self.database)


@pytest.fixture
def server(pg: PgCluster, pg_db: str) -> Iterator[Server]:
    admin = ServerLocation.parse(pg.url(database=pg_db))
    create_demo(admin).close()
    logins = {short: f"{short}_{pg_db}" for short in PEOPLE}
    for short, name in PEOPLE.items():
        add_server_user(admin.with_schema("demo"), name, logins[short], lambda: PASSWORD)
    yield Server(pg, pg_db, logins)


def scalar(conn: psycopg.Connection[tuple[object, ...]], sql: str, *args: object) -> object:
    row = conn.execute(sql, args).fetchone()
    return None if row is None else row[0]


def _write_note(db: ServerDatabase, body: str, visibility: Visibility) -> str:
    with db.transaction() as session:
        note = Note(
            title="Inför mötet",
            body_md=body,
            visibility=visibility,
            author="Någon annan",  # free text: the server replaces it
            author_party="C",
        )
        session.add(note)
        session.flush()
        return note.id


# ------------------------------------------------------------------ the Done-when


def test_party_c_cannot_read_party_m_notes(server: Server) -> None:
    with server.open("johan") as db:  # the app's own open/write path, as a member of M
        note_id = _write_note(db, "M:s linje: vi yrkar avslag på förslag 2.", Visibility.PARTI)

    with server.connect("annakarin") as c:  # party C, plain SQL
        assert scalar(c, "SELECT count(*) FROM note WHERE visibility = 'gruppen'") == 2
        assert scalar(c, "SELECT count(*) FROM note WHERE id = %s", note_id) == 0
        assert scalar(c, "SELECT count(*) FROM note WHERE body_md LIKE '%%avslag%%'") == 0
        assert scalar(c, "SELECT count(*) FROM note WHERE author_party = 'M'") == 0
        # …nor its history, long-text versions or version bookkeeping.
        for table in ("audit_entry", "text_base", "field_version", "row_version"):
            assert scalar(c, f"SELECT count(*) FROM {table} WHERE row_id = %s", note_id) == 0
        assert (
            scalar(c, "SELECT count(*) FROM audit_entry WHERE changes_json LIKE '%%avslag%%'") == 0
        )
        assert scalar(c, "SELECT count(*) FROM text_base WHERE value LIKE '%%avslag%%'") == 0
        # Writing it is refused as well: the row is not there for C.
        assert c.execute("UPDATE note SET body_md = 'x' WHERE id = %s", (note_id,)).rowcount == 0

    with server.connect("cecilia") as c:  # the other member of M reads it, with its history
        row = c.execute(
            "SELECT author, author_party, body_md FROM note WHERE id = %s", (note_id,)
        ).fetchone()
        assert row == ("Johan Ekstedt", "M", "M:s linje: vi yrkar avslag på förslag 2.")
        # The log says who wrote it too, not the free text the app was given.
        logged = json.loads(
            str(scalar(c, "SELECT changes_json FROM audit_entry WHERE row_id = %s", note_id))
        )
        assert logged["author"] == [None, "Johan Ekstedt"]
        assert logged["author_party"] == [None, "M"]
        assert logged["body_md"] == [None, "M:s linje: vi yrkar avslag på förslag 2."]
        assert scalar(c, "SELECT count(*) FROM audit_entry WHERE row_id = %s", note_id) == 1
        assert scalar(c, "SELECT count(*) FROM text_base WHERE row_id = %s", note_id) == 1

    with server.connect("amir") as c:  # S sees its own party's note, not M's
        assert scalar(c, "SELECT count(*) FROM note WHERE visibility = 'parti'") == 1
        assert scalar(c, "SELECT author_party FROM note WHERE visibility = 'parti'") == "S"


# ------------------------------------------------------------------ private rows


def test_private_section_is_its_authors_only(server: Server) -> None:
    with server.open("cecilia") as db:
        with db.reader() as session:
            report_id = session.query(Report.id).limit(1).scalar()
        with db.transaction() as session:
            section = Section(
                report_id=report_id,
                key="eget_utkast",
                title="Mitt utkast",
                body_md="Utkast: ramanslaget räcker inte.",
                visibility=Visibility.PRIVAT,
                author="Johan Ekstedt",
            )
            session.add(section)
            session.flush()
            section_id = section.id

    with server.connect("johan") as c:  # same party, still not his
        assert scalar(c, "SELECT count(*) FROM section WHERE id = %s", section_id) == 0
        assert (
            scalar(c, "SELECT count(*) FROM section WHERE body_md LIKE '%%ramanslaget räcker%%'")
            == 0
        )
        for table in ("audit_entry", "text_base", "field_version", "row_version"):
            assert scalar(c, f"SELECT count(*) FROM {table} WHERE row_id = %s", section_id) == 0
        # The demo's private note (Cecilia's, made by the administrator) is hidden too.
        assert scalar(c, "SELECT count(*) FROM note WHERE visibility = 'privat'") == 0
        # He may see his own party-internal section of the demo.
        assert scalar(c, "SELECT count(*) FROM section WHERE visibility = 'parti'") == 1
    with server.connect("annakarin") as c:
        assert scalar(c, "SELECT count(*) FROM section WHERE visibility <> 'gruppen'") == 0
        assert scalar(c, "SELECT count(*) FROM audit_entry WHERE row_id = %s", section_id) == 0

    with server.connect("cecilia") as c:
        row = c.execute(
            "SELECT author, body_md FROM section WHERE id = %s", (section_id,)
        ).fetchone()
        assert row == ("Cecilia Strand", "Utkast: ramanslaget räcker inte.")
        assert scalar(c, "SELECT count(*) FROM audit_entry WHERE row_id = %s", section_id) == 1
        assert scalar(c, "SELECT count(*) FROM note WHERE visibility = 'privat'") == 1


def test_history_written_while_private_stays_private_after_sharing(server: Server) -> None:
    """A note written privately and shared later: its old private text is in neither the
    ändringslogg nor the text history others can read."""
    with server.open("cecilia") as db:
        note_id = _write_note(db, "Hemlig första tanke om akutsjukhusen.", Visibility.PRIVAT)
        with db.transaction() as session:
            session.get_one(Note, note_id).body_md = "Andra versionen, fortfarande privat."
        with db.transaction() as session:
            session.get_one(Note, note_id).visibility = Visibility.GRUPPEN

    with server.connect("annakarin") as c:
        assert scalar(c, "SELECT body_md FROM note WHERE id = %s", note_id) == (
            "Andra versionen, fortfarande privat."
        )
        seen = [
            r[0]
            for r in c.execute("SELECT changes_json FROM audit_entry WHERE row_id = %s", (note_id,))
        ]
        assert not any("Hemlig" in text for text in seen)
        assert scalar(c, "SELECT count(*) FROM text_base WHERE value LIKE 'Hemlig%%'") == 0
    with server.connect("cecilia") as c:  # the author keeps her whole history
        assert scalar(c, "SELECT count(*) FROM audit_entry WHERE row_id = %s", note_id) == 3
        assert scalar(c, "SELECT count(*) FROM text_base WHERE value LIKE 'Hemlig%%'") == 1


# ------------------------------------------------------------------ the log and authorship


def test_no_member_can_alter_the_log(server: Server) -> None:
    with server.open("johan") as db:
        note_id = _write_note(db, "Min egen anteckning.", Visibility.GRUPPEN)
    with server.connect("johan") as c:
        assert (
            scalar(c, "SELECT actor FROM audit_entry WHERE row_id = %s", note_id) == "Johan Ekstedt"
        )
        for sql in (
            "UPDATE audit_entry SET actor = 'Någon' WHERE row_id = %s",
            "DELETE FROM audit_entry WHERE row_id = %s",
        ):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(sql, (note_id,))
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("TRUNCATE audit_entry")
    assert server.admin_sql(f"SELECT count(*) FROM audit_entry WHERE row_id = '{note_id}'") == "1\n"
    # Not even the administrator (here the superuser) edits it.
    for sql in (
        "UPDATE audit_entry SET actor = 'x'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ):
        with pytest.raises(subprocess.CalledProcessError) as refused:
            server.admin_sql(sql)
        assert "Ändringsloggen kan inte ändras." in refused.value.stderr


def _note_sql(**values: object) -> tuple[str, tuple[object, ...]]:
    now = dt.datetime(2026, 12, 3, 12, 0)
    row: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "created_at": now,
        "updated_at": now,
        "updated_by": "Karin Wallén",
        "title": "",
        "body_md": "",
        "visibility": "gruppen",
        "author": "Karin Wallén",
        "author_party": "S",
        "subject_table": "",
        "subject_id": "",
        "released": False,
    } | values
    columns = ", ".join(row)
    marks = ", ".join(["%s"] * len(row))
    return f"INSERT INTO note ({columns}) VALUES ({marks})", tuple(row.values())


def test_author_comes_from_the_login_not_from_free_text(server: Server) -> None:
    with server.connect("johan") as c:
        sql, args = _note_sql(body_md="Förfalskad?", visibility="parti")
        c.execute(sql, args)
        note_id = args[0]
        row = c.execute(
            "SELECT author, author_party, updated_by FROM note WHERE id = %s", (note_id,)
        ).fetchone()
        assert row == ("Johan Ekstedt", "M", "Johan Ekstedt")
        c.execute(
            "UPDATE note SET author = 'Karin Wallén', author_party = 'S' WHERE id = %s", (note_id,)
        )
        assert scalar(
            c, "SELECT author || '/' || author_party FROM note WHERE id = %s", note_id
        ) == ("Johan Ekstedt/M")
        # A log entry with someone else's name gets his.
        c.execute(
            "INSERT INTO audit_entry (id, at, actor, action, table_name, row_id, summary, "
            "changes_json) VALUES (%s, now(), 'Karin Wallén', 'update', 'note', %s, '', '{}')",
            (str(uuid.uuid4()), note_id),
        )
        assert scalar(c, "SELECT count(*) FROM audit_entry WHERE actor = 'Karin Wallén'") == 0
        # Nor can he plant an entry in the history of someone's private note.
        private = server.admin_sql("SELECT id FROM note WHERE visibility = 'privat'").strip()
        with pytest.raises(pgerr.InsufficientPrivilege, match="row-level security"):
            c.execute(
                "INSERT INTO audit_entry (id, at, actor, action, table_name, row_id, summary, "
                "changes_json) VALUES (%s, now(), '', 'update', 'note', %s, '', '{}')",
                (str(uuid.uuid4()), private),
            )
        # Hiding another person's shared note by making it private is refused.
        shared = scalar(c, "SELECT id FROM note WHERE visibility = 'gruppen' LIMIT 1")
        with pytest.raises(pgerr.InsufficientPrivilege, match="Bara författaren"):
            c.execute("UPDATE note SET visibility = 'privat' WHERE id = %s", (shared,))
        # A shared dissent (no author on the server) cannot be taken private either.
        dissent = scalar(c, "SELECT id FROM dissent WHERE visibility = 'gruppen' LIMIT 1")
        with pytest.raises(pgerr.InsufficientPrivilege, match="row-level security"):
            c.execute("UPDATE dissent SET visibility = 'privat' WHERE id = %s", (dissent,))
        # Nor can he write a party-internal dissent in another party's name.
        party_s = scalar(c, "SELECT id FROM party WHERE abbreviation = 'S'")
        with pytest.raises(pgerr.InsufficientPrivilege, match="row-level security"):
            c.execute(
                "INSERT INTO dissent (id, created_at, updated_at, updated_by, kind, party_id, "
                "title, text_md, visibility) VALUES (%s, now(), now(), '', 'reservation', %s, "
                "'', 'S reserverar sig', 'parti')",
                (str(uuid.uuid4()), party_s),
            )


def test_a_login_without_a_member_cannot_write(server: Server, pg: PgCluster) -> None:
    stray = f"stray_{server.database}"
    pg.psql(f"CREATE ROLE {stray} LOGIN PASSWORD '{PASSWORD}'; GRANT demo_ledamot TO {stray}")
    server.logins["stray"] = stray
    with server.connect("stray") as c:
        sql, args = _note_sql(body_md="Vem är jag?")
        with pytest.raises(pgerr.InsufficientPrivilege, match="inte kopplad till någon ledamot"):
            c.execute(sql, args)
        # It reads what the whole group may, nothing private.
        assert scalar(c, "SELECT count(*) FROM note") == 2


def test_owner_role_cannot_log_in_and_every_table_is_forced(server: Server, pg: PgCluster) -> None:
    pg.psql(f"ALTER ROLE demo_agare PASSWORD '{PASSWORD}'")  # even with a password
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(pg.url(user="demo_agare", database=server.database, password=PASSWORD))
    rows = server.admin_sql(
        "SELECT c.relname, pg_get_userbyid(c.relowner), c.relrowsecurity, c.relforcerowsecurity "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'demo' AND c.relkind = 'r' ORDER BY 1"
    ).splitlines()
    assert len(rows) > 30
    for row in rows:
        name, owner, enabled, forced = row.split("|")
        assert owner == "demo_agare", row
        if name != "alembic_version":
            assert (enabled, forced) == ("t", "t"), row
    assert (
        server.admin_sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'demo_ledamot'") == "f\n"
    )


# ------------------------------------------------------------------ the app as a member


def test_app_open_and_edit_as_a_member(server: Server) -> None:
    with server.open("amir") as db:
        with db.reader() as session:
            visible = {n.visibility for n in session.query(Note)}
            own = session.query(Note).filter(Note.visibility == Visibility.PARTI).one()
        assert visible == {Visibility.GRUPPEN, Visibility.PARTI}
        with db.transaction() as session:
            session.get_one(Note, own.id).body_md = "Omskriven av Amir."
    with server.connect("amir") as c:
        assert scalar(c, "SELECT body_md FROM note WHERE id = %s", own.id) == "Omskriven av Amir."
        assert (
            scalar(
                c,
                "SELECT actor FROM audit_entry WHERE row_id = %s ORDER BY at DESC LIMIT 1",
                own.id,
            )
            == "Amir Haddad"
        )
    with server.connect("cecilia") as c:
        assert scalar(c, "SELECT count(*) FROM audit_entry WHERE row_id = %s", own.id) == 0


def test_demo_on_the_server_keeps_every_row_for_the_administrator(server: Server) -> None:
    counts = server.admin_sql(
        "SELECT visibility || ':' || count(*) FROM note GROUP BY visibility ORDER BY 1"
    ).split()
    assert counts == ["gruppen:2", "parti:1", "privat:1"]
    owner = server.admin_sql(
        "SELECT m.name FROM note n JOIN member m ON m.id = n.author_member_id "
        "WHERE n.visibility = 'privat'"
    )
    assert owner == "Cecilia Strand\n"


# ------------------------------------------------------------------ the commands


def test_server_commands(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin_url = server.pg.url(database=server.database)
    assert main(["server", "lista", admin_url]) == 0
    out = capsys.readouterr().out
    assert out.startswith("demo\t") and "egenägda vård" in out

    login = f"maja_{server.database}"
    monkeypatch.setenv("UTREDNING_NYTT_LOSENORD", PASSWORD)
    code = main(
        ["server", "anvandare", admin_url, "--medlem", "Maja Öberg", "--login", login,
         "--losenord-fran-miljo"]
    )  # fmt: skip
    assert code == 0
    assert (
        f"Inloggningen {login} skapades och kopplades till Maja Öberg." in capsys.readouterr().out
    )
    server.logins["maja"] = login
    with server.connect("maja") as c:
        assert scalar(c, "SELECT name FROM member WHERE login = current_user") == "Maja Öberg"
    # The person lists what they may open.
    found = list_server_investigations(server.location("maja"))
    assert [(i.schema, i.title is not None) for i in found] == [("demo", True)]

    # A member who does not exist: a Swedish message, nothing changed.
    assert main(
        ["server", "anvandare", admin_url, "--medlem", "Okänd Person", "--login", "okand",
         "--losenord-fran-miljo"]
    ) == 1  # fmt: skip
    assert "Det finns ingen ledamot «Okänd Person»" in capsys.readouterr().err
    assert server.admin_sql("SELECT count(*) FROM pg_roles WHERE rolname = 'okand'") == "0\n"


def test_add_user_refuses_a_taken_login(server: Server) -> None:
    with pytest.raises(ValidationError, match="hör redan till ledamoten Cecilia Strand"):
        add_server_user(server.admin, "Karin Wallén", server.logins["cecilia"], lambda: PASSWORD)
    with pytest.raises(ValidationError, match="minst 8 tecken"):
        add_server_user(server.admin, "Karin Wallén", f"karin_{server.database}", lambda: "kort")


# ------------------------------------------------------------------ roles across databases


def test_roles_are_not_shared_with_another_database(server: Server, pg: PgCluster) -> None:
    other = f"{server.database}_b"
    pg.psql(f'CREATE DATABASE "{other}"')
    try:
        elsewhere = ServerLocation.parse(pg.url(database=other))
        with pytest.raises(ValidationError, match="används redan av en utredning i en annan"):
            create_demo(elsewhere)
        assert pg.psql(
            "SELECT count(*) FROM pg_namespace WHERE nspname = 'demo'", database=other
        ) == ("0\n")
        # Once the first investigation is dropped, its roles are taken over without its people.
        drop_server_investigation(server.admin)
        create_demo(elsewhere).close()
        members = pg.psql(
            "SELECT count(*) FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid "
            "WHERE r.rolname = 'demo_ledamot'"
        )
        assert members == "0\n"
        url = pg.url(user=server.logins["annakarin"], database=other, password=PASSWORD)
        with psycopg.connect(url) as c, pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("SELECT count(*) FROM demo.note")
    finally:
        pg.psql(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')


def test_downgrade_and_upgrade_again_keeps_people_and_rules(server: Server) -> None:
    from alembic import command
    from sqlalchemy import text

    from utredning_app.storage.migrate import alembic_config
    from utredning_app.storage.server import make_server_engine, run_server_migrations

    engine = make_server_engine(server.admin)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text('SET LOCAL search_path TO "demo", public'))
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005_merge")
        assert server.admin_sql("SELECT count(*) FROM pg_policies WHERE schemaname = 'demo'") == (
            "0\n"
        )
        # The schema stays the owner role's: the upgrade runs as that role.
        assert server.admin_sql(
            "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'demo'"
        ) == ("demo_agare\n")
        run_server_migrations(engine, "demo")
    finally:
        engine.dispose()

    # The downgrade dropped member.login: tie the people again (their roles are still there,
    # so no password is asked).
    def no_password() -> str:
        raise AssertionError("the role exists; no password should be asked")

    for short in ("annakarin", "cecilia"):
        added = add_server_user(server.admin, PEOPLE[short], server.logins[short], no_password)
        assert not added.created_role
    with server.connect("annakarin") as c:
        assert scalar(c, "SELECT count(*) FROM note") == 2
    with server.connect("cecilia") as c:  # the group's two and her own private one
        assert scalar(c, "SELECT count(*) FROM note") == 3


# ------------------------------------------------------------------ what decides who sees what


def test_a_member_cannot_change_what_decides_who_sees_what(server: Server) -> None:
    with server.connect("johan") as c:
        party_s = scalar(c, "SELECT id FROM party WHERE abbreviation = 'S'")
        for sql, args in (
            ("UPDATE member SET party_id = %s WHERE login = current_user", (party_s,)),
            ("UPDATE member SET login = '' WHERE login = current_user", ()),
            ("UPDATE party SET abbreviation = 'S' WHERE abbreviation = 'M'", ()),
            ("DELETE FROM note WHERE visibility = 'gruppen'", ()),
        ):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(sql, args)
        assert scalar(c, "SELECT count(*) FROM note WHERE visibility = 'parti'") == 0
        # The owner's helper that sees every row is not his to call.
        private = server.admin_sql("SELECT id FROM note WHERE visibility = 'privat'").strip()
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("SELECT rls_audience('note', %s, NULL)", (private,))
    with server.connect("cecilia") as c:  # same party as Johan, but not the author
        section = scalar(c, "SELECT id FROM section WHERE visibility = 'parti'")
        assert section is not None
        with pytest.raises(pgerr.InsufficientPrivilege, match="Bara författaren"):
            c.execute("UPDATE section SET visibility = 'gruppen' WHERE id = %s", (section,))
        # Editing the text of a party-internal section of her party is allowed.
        c.execute("UPDATE section SET title = 'Vår linje' WHERE id = %s", (section,))
    with server.connect("annakarin") as c:
        assert scalar(c, "SELECT count(*) FROM section WHERE visibility = 'parti'") == 0


# ------------------------------------------------------------------ an administrator


def test_an_administrator_without_superuser_sets_up_an_investigation(
    pg: PgCluster, pg_db: str
) -> None:
    """The setup the docs describe: a login with CREATEROLE and CREATE on the database."""
    admin = f"sekr_{pg_db}"
    pg.psql(f"CREATE ROLE {admin} LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
    pg.psql(f'GRANT CREATE ON DATABASE "{pg_db}" TO {admin}')
    location = ServerLocation.parse(pg.url(user=admin, database=pg_db, password=PASSWORD))
    create_demo(location).close()
    login = f"karin_{pg_db}"
    add_server_user(location.with_schema("demo"), "Karin Wallén", login, lambda: PASSWORD)
    # The administrator sees everything (through the owner role it was granted)…
    with psycopg.connect(location.url, password=PASSWORD, options="-c search_path=demo") as c:
        assert scalar(c, "SELECT count(*) FROM note") == 4
        assert scalar(c, "SELECT pg_has_role(current_user, 'demo_agare', 'MEMBER')") is True
    # …the person only what her party and the group may.
    url = pg.url(user=login, database=pg_db, password=PASSWORD)
    with psycopg.connect(url, options="-c search_path=demo") as c:
        assert scalar(c, "SELECT count(*) FROM note") == 3  # the group's two and S's one


def test_the_server_rule_is_the_files_rule(server: Server) -> None:
    """The SQL state function agrees with domain.visibility.is_private for every case."""
    from utredning_app.domain.visibility import is_private

    for visibility in Visibility:
        for released in (False, True):
            state = server.admin_sql(
                f"SELECT rls_state('{visibility.value}', {released}, 'M', 'id-1')"
            ).strip()
            assert (state == "gruppen") == (not is_private(visibility, released)), (
                visibility,
                released,
                state,
            )
            if state != "gruppen":
                expected = "parti:M" if visibility is Visibility.PARTI else "privat:id-1"
                assert state == expected


def _in_a_terminal(argv: list[str], answers: list[str]) -> tuple[int, str]:
    """Run the command in a pseudo-terminal (getpass reads /dev/tty) and type ``answers``
    at its prompts, each once the prompt is shown; returns the exit code and everything the
    terminal showed."""
    import os
    import pty
    import select
    import signal
    import sys
    import time

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execv(sys.executable, [sys.executable, "-m", "utredning_app.cli", *argv])
    shown = b""
    answered = 0  # where the text after the last answer starts
    pending = list(answers)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if not select.select([fd], [], [], 0.5)[0]:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            # getpass discards what was typed before its prompt: answer a new prompt only.
            if pending and shown[answered:].strip().endswith(b":"):
                os.write(fd, pending.pop(0).encode() + b"\n")
                answered = len(shown)
        else:
            os.kill(pid, signal.SIGKILL)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


def test_the_password_is_asked_for_twice_in_the_terminal(server: Server) -> None:
    admin_url = server.pg.url(database=server.database)
    login = f"hanna_{server.database}"
    argv = ["server", "anvandare", admin_url, "--medlem", "Hanna Nyqvist", "--login", login]
    code, shown = _in_a_terminal(argv, [PASSWORD, "något annat"])
    assert code == 1 and "Lösenorden var inte lika. Ingenting ändrades." in shown
    assert server.admin_sql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{login}'") == "0\n"
    code, shown = _in_a_terminal(argv, [PASSWORD, PASSWORD])
    assert code == 0, shown
    assert f"Inloggningen {login} skapades och kopplades till Hanna Nyqvist." in shown
    assert PASSWORD not in shown  # not echoed
    server.logins["hanna"] = login
    with server.connect("hanna") as c:
        assert scalar(c, "SELECT name FROM member WHERE login = current_user") == "Hanna Nyqvist"


def test_the_app_says_in_swedish_what_the_server_refused(server: Server) -> None:
    with server.open("cecilia") as db:
        with db.reader() as session:
            johans = session.query(Section).filter(Section.visibility == Visibility.PARTI).one()
            dissent = session.query(Dissent).filter(Dissent.visibility == Visibility.GRUPPEN)
            shared_dissent = dissent.first()
            member_id = session.query(Member.id).filter(Member.login != "").limit(1).scalar()
        assert shared_dissent is not None
        refused = (
            (Section, johans.id, "visibility", Visibility.GRUPPEN, r"Bara författaren \(Johan"),
            (Dissent, shared_dissent.id, "visibility", Visibility.PRIVAT, "utanför det du får"),
            (Member, member_id, "email", "x@y.se", "inte behörighet"),
        )
        for model, row_id, field, value, message in refused:
            with pytest.raises(ReadOnlyFile, match=message), db.transaction() as session:
                setattr(session.get_one(model, row_id), field, value)
    with server.connect("johan") as c:  # nothing changed
        assert scalar(c, "SELECT visibility FROM section WHERE id = %s", johans.id) == "parti"


def test_removing_a_login_shuts_the_person_out_and_keeps_what_they_wrote(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    with server.open("amir") as db:
        written = _write_note(db, "Amirs anteckning för gruppen", Visibility.GRUPPEN)
    admin_url = server.pg.url(database=server.database)
    login = server.logins["amir"]
    assert main(["server", "ta-bort-anvandare", admin_url, "--login", login]) == 0
    assert "Amir Haddad loggar inte längre in som" in capsys.readouterr().out
    with server.connect("cecilia") as c:
        assert scalar(c, "SELECT login FROM member WHERE name = 'Amir Haddad'") == ""
        assert scalar(c, "SELECT body_md FROM note WHERE id = %s", written) == (
            "Amirs anteckning för gruppen"
        )
    with server.connect("amir") as c, pytest.raises(psycopg.errors.InsufficientPrivilege):
        c.execute("SELECT count(*) FROM demo.note")  # no longer allowed into the schema
    # Again: the login no longer belongs to anyone there; a Swedish message, exit 1.
    assert main(["server", "ta-bort-anvandare", admin_url, "--login", login]) == 1
    assert "hör inte till någon ledamot" in capsys.readouterr().err
