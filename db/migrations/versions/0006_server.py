"""server: a member's login, and PostgreSQL's own search index

Revision ID: 0006_server
Revises: 0005_merge
Create Date: 2026-12-03 18:00:00

1. ``member.login`` (text, default ""): the PostgreSQL role a member logs in as on a shared
   server. On the server the author of what a person writes comes from ``current_user``
   through this column, not from free text. In a file it is only carried along (a laptop copy
   taken from a server keeps it, so the copy merges back as the same people). Unique among
   the members that have one.

2. On PostgreSQL only: the search index over remissvar that FTS5 gives a file: a pg_trgm GIN
   index over an answer's text and summary (parts of compound words: "styrning" finds
   "nämndstyrningen", exactly the hits of the file's trigram index; case-insensitive regex
   and LIKE/ILIKE queries use it). pg_trgm is created in the ``public`` schema, shared by
   every investigation in the database. No Swedish-stemmed (tsvector) index: stemming would
   give other hits than the file, and hits are listed by consultee, not ranked.

4. On PostgreSQL only: LISTEN/NOTIFY (:func:`_notify_upgrade`): a statement trigger on every
   app table announces, at commit, which table changed (never its content) on the channel
   ``utredning_<schema>``, so open views elsewhere refresh within seconds.

3. On PostgreSQL only: who may see what is enforced by the server (:func:`_security_upgrade`,
   described there). It runs last in this migration so that it owns and grants what the
   migration created before it.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0006_server"
down_revision = "0005_merge"
branch_labels = None
depends_on = None

# Written out here (not imported) so this migration never changes when app code does.
SEARCH_TEXT = "(coalesce(extracted_text, '') || ' ' || coalesce(summary_md, ''))"

# Tables whose writes are never announced: Alembic's, and the version bookkeeping that every
# write of an app table brings along (announcing it would only repeat that write).
NOT_ANNOUNCED = (
    "alembic_version",
    "replica_state",
    "replica_seen",
    "replica_baseline",
    "row_version",
    "field_version",
    "text_base",
    "audit_provenance",
)


def upgrade() -> None:
    op.add_column(
        "member",
        sa.Column("login", sa.String(length=63), nullable=False, server_default=""),
    )
    op.create_index(
        "ux_member_login",
        "member",
        ["login"],
        unique=True,
        sqlite_where=sa.text("login <> ''"),
        postgresql_where=sa.text("login <> ''"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    # On the text itself, not lower(text): pg_trgm folds case when it takes the trigrams, and
    # the search asks with a case-insensitive regex (~*), which reads a 100 kB answer about
    # four times faster than lower(text) LIKE (towlower per character).
    op.execute(
        "CREATE INDEX ix_response_search_trgm ON response USING gin "
        f"({SEARCH_TEXT} public.gin_trgm_ops) WHERE deleted_at IS NULL"
    )
    _notify_upgrade()
    _security_upgrade()


def _notify_upgrade() -> None:
    """LISTEN/NOTIFY: one notification per table and transaction that wrote it (PostgreSQL
    folds equal payloads of one transaction), sent at commit, to the investigation's
    channel (its schema: TG_TABLE_SCHEMA, whatever the writer's search_path)."""
    op.execute(
        """
        CREATE FUNCTION utredning_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify(
                'utredning_' || TG_TABLE_SCHEMA,
                TG_TABLE_NAME || ' ' || coalesce(current_setting('utredning.client', true), '')
            );
            RETURN NULL;
        END
        $$
        """
    )
    tables = op.get_bind().execute(
        sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        )
    )
    for (table,) in tables.all():
        if table in NOT_ANNOUNCED:
            continue
        op.execute(
            "CREATE TRIGGER utredning_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION utredning_notify()'
        )


def _notify_downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS utredning_notify() CASCADE")  # and its triggers


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _security_downgrade()
        _notify_downgrade()
        op.execute("DROP INDEX IF EXISTS ix_response_search_trgm")
    op.drop_index("ux_member_login", table_name="member")
    op.execute("ALTER TABLE member DROP COLUMN login")


# ------------------------------------------------------------------ who may see what (server)

# A schema name the app creates (storage.location.SCHEMA_NAME, written out again here).
_SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")

# Tables whose rows carry a visibility (domain.visibility.PRIVATE_TABLES) and the column that
# names the person who wrote them on the server (PostgreSQL only, never in a file).
_AUTHORED = ("section", "note", "dissent")
# Bookkeeping rows about one row (table_name, row_id): visible when that row is.
_ABOUT_A_ROW = ("row_version", "field_version", "merge_conflict")
# Tables with no policy of their own (read-only for members, no rows of a person).
_NO_RLS = ("alembic_version",)


def _names() -> tuple[str, str, str]:
    """The investigation's schema and its two roles: ``<schema>_agare`` owns every object
    (NOLOGIN), ``<schema>_ledamot`` is the group every person's login role is granted."""
    schema = str(op.get_bind().execute(sa.text("SELECT current_schema()")).scalar())
    if not _SCHEMA_NAME.match(schema):
        raise RuntimeError(f"Schemat «{schema}» har inget namn som en utredning kan ha.")
    return schema, f"{schema}_agare", f"{schema}_ledamot"


def _security_upgrade() -> None:
    """Row-level security and author stamping on a server (PostgreSQL only).

    * Roles: ``<schema>_agare`` (NOLOGIN) owns the schema and every object in it;
      ``<schema>_ledamot`` (NOLOGIN) holds the members' privileges; each person logs in as
      their own role, granted ``_ledamot``, tied to a member by ``member.login``. The one who
      runs the migration (a superuser or a role with CREATEROLE) is granted ``_agare``: the
      investigation's administrator, who sees everything; later migrations run as
      ``_agare`` (``storage.server.run_server_migrations``). Role
      names are per cluster: roles left by a dropped investigation of the same name lose
      their members here; roles still in use by another database are refused.
    * Every table except alembic_version has ENABLE + FORCE ROW LEVEL SECURITY. ``_agare``
      (so the administrator) may do anything; ``_ledamot``: shared tables freely; section,
      note, dissent by the privacy rule (gruppen or released: all; parti: members of that
      party; privat: its author only), dissent_member as its dissent; ändringslogg,
      text_base, row_version, field_version, merge_conflict, audit_provenance only when the
      row they are about is visible, and ändringslogg/text_base rows written while the row
      was private or party-internal only to those who could see it then (their
      ``audience``).
    * Privileges of ``_ledamot``: SELECT, INSERT, UPDATE; DELETE only on text_base and
      replica_baseline (the only rows the app removes; everything else has tombstones). No
      UPDATE or DELETE on audit_entry (nor audit_provenance); a trigger refuses them to the
      administrator too. member and party are read-only: a member's login and party, and a
      party's abbreviation, decide what a person sees, so only the administrator changes
      them on a server. Remissvar, their stored files (attachment) and the search index on
      response are shared by the whole group (nothing private is stored there; report
      editions are made from shared content only).
    * Columns only a server has (not in the model, never in a file or archive):
      ``author_member_id`` on section, note and dissent (who wrote it; rows written by the
      administrator get the member of the author's name), ``audience`` on audit_entry and
      text_base ('gruppen', 'parti:<förkortning>', 'privat:<member id>' or 'ingen').
    * Triggers stamp the author: a member's inserts get author, author_party,
      ``author_member_id`` and updated_by from the member whose login is current_user, and
      updates keep the author; only the author may change a section's or note's visibility
      (or release a note); the ändringslogg's actor is that member's name. A login without
      a member (not the administrator) cannot write.

    Why here and not in app code run after the migration: the names follow from
    ``current_schema()`` and PostgreSQL's DDL (roles included) is transactional, so the
    schema, its roles, grants, policies and triggers are made together or not at all, by the
    same chain files and servers share, and an upgraded server schema gets them exactly once.
    Creating roles needs CREATEROLE (or a superuser) for whoever creates the investigation.
    """
    bind = op.get_bind()
    schema, owner, group = _names()
    s = f'"{schema}"'
    _roles(bind, owner, group)

    for table in _AUTHORED:
        op.execute(f"ALTER TABLE {table} ADD COLUMN author_member_id varchar(36)")
    for table in ("audit_entry", "text_base"):
        op.execute(f"ALTER TABLE {table} ADD COLUMN audience text NOT NULL DEFAULT 'ingen'")
    # Rows already there: the author is the member of that name, if any (as for the
    # administrator's inserts below).
    for table in ("section", "note"):
        op.execute(
            f"UPDATE {table} SET author_member_id = (SELECT m.id FROM member m "
            f"WHERE m.name = {table}.author AND m.deleted_at IS NULL "
            "ORDER BY m.created_at, m.id LIMIT 1) WHERE author <> ''"
        )
    # plpgsql functions run with a fixed search_path (pg_temp last, so nobody's temporary
    # table can stand in for member). The SQL functions below name every table with its
    # schema and use built-in operators only (pg_catalog is searched first, pg_temp never for
    # operators): they need no SET clause, and without one PostgreSQL inlines them into the
    # policies.
    path = f"SET search_path = {s}, pg_catalog, pg_temp"

    # Who is asking: the live member whose login is current_user (invoker: policies see it).
    op.execute(
        f"""CREATE FUNCTION {s}.rls_member_id() RETURNS varchar LANGUAGE sql STABLE
        AS $$ SELECT m.id FROM {s}.member m WHERE m.login = current_user AND m.login <> ''
              AND m.deleted_at IS NULL $$"""
    )
    op.execute(
        f"""CREATE FUNCTION {s}.rls_party() RETURNS varchar LANGUAGE sql STABLE
        AS $$ SELECT p.abbreviation FROM {s}.member m JOIN {s}.party p ON p.id = m.party_id
              WHERE m.login = current_user AND m.login <> '' AND m.deleted_at IS NULL $$"""
    )
    op.execute(
        f"""CREATE FUNCTION {s}.rls_party_id() RETURNS varchar LANGUAGE sql STABLE
        AS $$ SELECT m.party_id FROM {s}.member m WHERE m.login = current_user
              AND m.login <> '' AND m.deleted_at IS NULL $$"""
    )
    # May the one asking see row r of table t? (Invoker: the subqueries obey their policies.)
    op.execute(
        f"""CREATE FUNCTION {s}.rls_row_visible(t text, r text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
        SELECT CASE t
            WHEN 'section' THEN EXISTS (SELECT 1 FROM {s}.section x WHERE x.id = r)
            WHEN 'note' THEN EXISTS (SELECT 1 FROM {s}.note x WHERE x.id = r)
            WHEN 'dissent' THEN EXISTS (SELECT 1 FROM {s}.dissent x WHERE x.id = r)
            WHEN 'dissent_member' THEN EXISTS (SELECT 1 FROM {s}.dissent_member x WHERE x.id = r)
            ELSE true END $$"""
    )
    # Who may see a row in one state: 'gruppen', 'parti:<abbreviation>', 'privat:<member id>'
    # or 'ingen' (the administrator only); NULL: the row did not exist.
    op.execute(
        f"""CREATE FUNCTION {s}.rls_state(vis text, released boolean, party text, author text)
        RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
            WHEN vis IS NULL THEN NULL
            WHEN vis = 'gruppen' OR coalesce(released, false) THEN 'gruppen'
            WHEN vis = 'parti' AND coalesce(party, '') <> '' THEN 'parti:' || party
            WHEN coalesce(author, '') <> '' THEN 'privat:' || author
            ELSE 'ingen' END $$"""
    )
    # Those who could see the row both before and after a change (old and new values).
    op.execute(
        f"""CREATE FUNCTION {s}.rls_both(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE
        AS $$
        SELECT CASE
            WHEN a IS NULL THEN coalesce(b, 'ingen')
            WHEN b IS NULL OR a = b THEN a
            WHEN a = 'gruppen' THEN b
            WHEN b = 'gruppen' THEN a
            WHEN a LIKE 'parti:%' AND b LIKE 'privat:%' THEN b
            WHEN b LIKE 'parti:%' AND a LIKE 'privat:%' THEN a
            ELSE 'ingen' END $$"""
    )
    # The audience of a log entry or text version of row r of t (changes: its changes_json,
    # whose visibility/released/party_id old values give the state before). Runs as the
    # owner (SECURITY DEFINER), so it sees the row whoever writes; not callable by members.
    op.execute(
        f"""CREATE FUNCTION {s}.rls_audience(t text, r text, changes text) RETURNS text
        LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
        DECLARE
            ch jsonb := '{{}}';
            vis text; rel boolean; party text; author text; party_id text;
            after text; before text;
        BEGIN
            IF t NOT IN ('section', 'note', 'dissent', 'dissent_member') THEN
                RETURN 'gruppen';
            END IF;
            BEGIN
                ch := coalesce(nullif(changes, '')::jsonb, '{{}}');
            EXCEPTION WHEN others THEN
                RETURN 'ingen';
            END;
            IF jsonb_typeof(ch) <> 'object' THEN
                RETURN 'ingen';
            END IF;
            IF t = 'dissent_member' THEN
                SELECT {s}.rls_audience('dissent', x.dissent_id, NULL) INTO after
                FROM {s}.dissent_member x WHERE x.id = r;
                RETURN coalesce(after, 'ingen');
            ELSIF t = 'section' THEN
                SELECT x.visibility, false, x.author_party, x.author_member_id
                INTO vis, rel, party, author FROM {s}.section x WHERE x.id = r;
            ELSIF t = 'note' THEN
                SELECT x.visibility, x.released, x.author_party, x.author_member_id
                INTO vis, rel, party, author FROM {s}.note x WHERE x.id = r;
            ELSE
                SELECT x.visibility, false, p.abbreviation, x.author_member_id, x.party_id
                INTO vis, rel, party, author, party_id
                FROM {s}.dissent x LEFT JOIN {s}.party p ON p.id = x.party_id WHERE x.id = r;
            END IF;
            IF NOT FOUND THEN
                RETURN 'ingen';
            END IF;
            after := {s}.rls_state(vis, rel, party, author);
            IF ch ? 'visibility' THEN
                vis := ch -> 'visibility' ->> 0;
            END IF;
            IF ch ? 'released' THEN
                rel := (ch -> 'released' ->> 0)::boolean;
            END IF;
            IF t = 'dissent' AND ch ? 'party_id' THEN
                SELECT p.abbreviation INTO party FROM {s}.party p
                WHERE p.id = ch -> 'party_id' ->> 0;
            END IF;
            before := {s}.rls_state(vis, rel, party, author);
            RETURN {s}.rls_both(before, after);
        END $$"""
    )
    op.execute(f"REVOKE ALL ON FUNCTION {s}.rls_audience(text, text, text) FROM PUBLIC")

    # Author stamping on every tracked table (invoker: current_user is the person).
    op.execute(
        f"""CREATE FUNCTION {s}.rls_author() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        DECLARE me_id text; me_name text; me_party text;
        BEGIN
            SELECT m.id, m.name, coalesce(p.abbreviation, '') INTO me_id, me_name, me_party
            FROM {s}.member m LEFT JOIN {s}.party p ON p.id = m.party_id
            WHERE m.login = current_user AND m.login <> '' AND m.deleted_at IS NULL;
            IF me_id IS NULL THEN
                IF NOT pg_has_role(current_user, '{owner}', 'MEMBER') THEN
                    RAISE EXCEPTION 'Inloggningen % är inte kopplad till någon ledamot i '
                        'utredningen {schema}', current_user
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                -- The administrator (demo, import): the author named, if a member has the name.
                IF TG_TABLE_NAME IN ('section', 'note') THEN
                    IF TG_OP = 'UPDATE' THEN
                        IF NEW.author IS NOT DISTINCT FROM OLD.author THEN
                            RETURN NEW;
                        END IF;
                    END IF;
                    NEW.author_member_id := (
                        SELECT m.id FROM {s}.member m
                        WHERE m.name = NEW.author AND NEW.author <> '' AND m.deleted_at IS NULL
                        ORDER BY m.created_at, m.id LIMIT 1);
                END IF;
                RETURN NEW;
            END IF;
            NEW.updated_by := me_name;
            IF TG_TABLE_NAME IN ('section', 'note') THEN
                IF TG_OP = 'INSERT' THEN
                    NEW.author := me_name;
                    NEW.author_party := me_party;
                    NEW.author_member_id := me_id;
                ELSE
                    NEW.author := OLD.author;
                    NEW.author_party := OLD.author_party;
                    NEW.author_member_id := OLD.author_member_id;
                    -- Who sees a text is its author's decision.
                    IF NEW.visibility IS DISTINCT FROM OLD.visibility
                       AND OLD.author_member_id IS DISTINCT FROM me_id THEN
                        RAISE EXCEPTION 'Bara författaren (%) kan ändra vem som ser texten.',
                            OLD.author USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    IF TG_TABLE_NAME = 'note' THEN
                        IF NEW.released IS DISTINCT FROM OLD.released
                           AND OLD.author_member_id IS DISTINCT FROM me_id THEN
                            RAISE EXCEPTION 'Bara författaren (%) kan släppa anteckningen.',
                                OLD.author USING ERRCODE = 'insufficient_privilege';
                        END IF;
                    END IF;
                END IF;
            ELSIF TG_TABLE_NAME = 'dissent' THEN
                IF TG_OP = 'INSERT' THEN
                    NEW.author_member_id := me_id;
                ELSE
                    NEW.author_member_id := OLD.author_member_id;
                END IF;
            END IF;
            RETURN NEW;
        END $$"""
    )
    # The ändringslogg: the actor is the member (invoker), the audience is computed as owner.
    op.execute(
        f"""CREATE FUNCTION {s}.rls_audit_actor() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        DECLARE
            me_name text; ch jsonb; pair jsonb; actual text; field text; row_author text;
            row_party text; changed boolean := false;
        BEGIN
            SELECT m.name INTO me_name FROM {s}.member m
            WHERE m.login = current_user AND m.login <> '' AND m.deleted_at IS NULL;
            IF me_name IS NULL THEN
                IF NOT pg_has_role(current_user, '{owner}', 'MEMBER') THEN
                    RAISE EXCEPTION 'Inloggningen % är inte kopplad till någon ledamot i '
                        'utredningen {schema}', current_user
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NEW;
            END IF;
            NEW.actor := me_name;
            -- The log shows the author the row got (rls_author), not the one the client sent.
            IF NEW.table_name NOT IN ('section', 'note') THEN
                RETURN NEW;
            END IF;
            BEGIN
                ch := NEW.changes_json::jsonb;
            EXCEPTION WHEN others THEN
                RETURN NEW;
            END;
            IF jsonb_typeof(ch) <> 'object' OR NOT (ch ?| ARRAY['author', 'author_party']) THEN
                RETURN NEW;
            END IF;
            IF NEW.table_name = 'section' THEN
                SELECT x.author, x.author_party INTO row_author, row_party
                FROM {s}.section x WHERE x.id = NEW.row_id;
            ELSE
                SELECT x.author, x.author_party INTO row_author, row_party
                FROM {s}.note x WHERE x.id = NEW.row_id;
            END IF;
            IF NOT FOUND THEN
                RETURN NEW;
            END IF;
            FOREACH field IN ARRAY ARRAY['author', 'author_party'] LOOP
                pair := ch -> field;
                IF pair IS NULL OR jsonb_typeof(pair) <> 'array' THEN
                    CONTINUE;
                END IF;
                actual := CASE field WHEN 'author' THEN row_author ELSE row_party END;
                IF (pair ->> 0) IS NOT DISTINCT FROM actual
                   OR (pair -> 0 = 'null'::jsonb AND actual = '') THEN
                    ch := ch - field;
                ELSE
                    ch := jsonb_set(ch, ARRAY[field, '1'], to_jsonb(actual));
                END IF;
                changed := true;
            END LOOP;
            IF changed THEN
                NEW.changes_json := ch::text;
            END IF;
            RETURN NEW;
        END $$"""
    )
    op.execute(
        f"""CREATE FUNCTION {s}.rls_audit_audience() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER {path} AS $$
        BEGIN
            NEW.audience := {s}.rls_audience(NEW.table_name, NEW.row_id, NEW.changes_json);
            RETURN NEW;
        END $$"""
    )
    op.execute(
        f"""CREATE FUNCTION {s}.rls_text_audience() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER {path} AS $$
        BEGIN
            NEW.audience := {s}.rls_audience(NEW.table_name, NEW.row_id, NULL);
            RETURN NEW;
        END $$"""
    )

    tables = [
        str(t)
        for t in bind.execute(
            sa.text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1"
            )
        ).scalars()
    ]
    tracked = [
        t
        for t in tables
        if bind.execute(
            sa.text(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = :t AND column_name IN ('updated_by', 'id')"
            ),
            {"t": t},
        ).scalar()
        == 2
    ]
    for table in tracked:
        op.execute(
            f"CREATE TRIGGER rls_author BEFORE INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {s}.rls_author()"
        )
    op.execute(
        "CREATE TRIGGER rls_audit_actor BEFORE INSERT ON audit_entry "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.rls_audit_actor()"
    )
    op.execute(
        "CREATE TRIGGER rls_audit_audience BEFORE INSERT ON audit_entry "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.rls_audit_audience()"
    )
    op.execute(
        "CREATE TRIGGER rls_text_audience BEFORE INSERT OR UPDATE ON text_base "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.rls_text_audience()"
    )

    # Rows already there (a schema upgraded to this revision): their audience as they are now.
    op.execute("UPDATE audit_entry SET audience = rls_audience(table_name, row_id, NULL)")
    op.execute("UPDATE text_base SET audience = rls_audience(table_name, row_id, NULL)")

    # The ändringslogg is append-only for everyone, the administrator too (only the owner
    # role could drop this trigger, deliberately and visibly).
    op.execute(
        f"""CREATE FUNCTION {s}.rls_append_only() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            RAISE EXCEPTION 'Ändringsloggen kan inte ändras.'
                USING ERRCODE = 'insufficient_privilege';
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER rls_append_only BEFORE UPDATE OR DELETE ON audit_entry "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.rls_append_only()"
    )
    op.execute(
        "CREATE TRIGGER rls_append_only_truncate BEFORE TRUNCATE ON audit_entry "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {s}.rls_append_only()"
    )

    # Ownership, then privileges.
    _own_everything(bind, schema, owner)
    op.execute(f"REVOKE ALL ON SCHEMA {s} FROM PUBLIC")
    op.execute(f"GRANT USAGE ON SCHEMA {s} TO {group}")
    # Rows are never removed (tombstones); the app deletes only old text versions and the
    # baseline vector. Members and parties decide who sees what (login, party, its
    # abbreviation): only the administrator changes them on a server.
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA {s} TO {group}")
    op.execute(f"GRANT DELETE ON text_base, replica_baseline TO {group}")
    op.execute(f"REVOKE INSERT, UPDATE ON alembic_version, member, party FROM {group}")
    op.execute(f"REVOKE UPDATE ON audit_entry, audit_provenance FROM {group}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {group}")
    # What later migrations create as the owner gets the same (they SET ROLE to it).
    op.execute(
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {s} "
        f"GRANT SELECT, INSERT, UPDATE ON TABLES TO {group}"
    )
    op.execute(
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {s} "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {group}"
    )

    # Policies.
    me = f"(SELECT {s}.rls_member_id())"
    my_party = f"(SELECT {s}.rls_party())"
    my_party_id = f"(SELECT {s}.rls_party_id())"
    may_hear = (
        f"(audience = 'gruppen' OR audience = 'parti:' || {my_party} "
        f"OR audience = 'privat:' || {me})"
    )
    # Rows about another row: the function (a subquery per row) only for private-capable ones.
    row_visible = (
        "(table_name NOT IN ('section', 'note', 'dissent', 'dissent_member') "
        f"OR {s}.rls_row_visible(table_name, row_id))"
    )
    # The privacy rule (domain.visibility): gruppen or released: all; parti: that party's
    # members (a party-less author's parti row: the author); privat: the author.
    authored = (
        "(visibility = 'gruppen' "
        f"OR (visibility = 'parti' AND author_party <> '' AND author_party = {my_party}) "
        f"OR ((visibility = 'privat' OR author_party = '') AND author_member_id = {me})"
    )
    dissent = (
        "(visibility = 'gruppen' "
        f"OR (visibility = 'parti' AND party_id = {my_party_id}) "
        f"OR ((visibility = 'privat' OR party_id IS NULL) AND author_member_id = {me}))"
    )
    rules: dict[str, list[str]] = {
        "section": [f"FOR ALL TO {group} USING {authored}) WITH CHECK {authored})"],
        "note": [
            f"FOR ALL TO {group} USING {authored} OR released) WITH CHECK {authored} OR released)"
        ],
        "dissent": [f"FOR ALL TO {group} USING {dissent} WITH CHECK {dissent}"],
        "dissent_member": [
            f"FOR ALL TO {group} USING (EXISTS (SELECT 1 FROM {s}.dissent d "
            "WHERE d.id = dissent_id)) WITH CHECK (EXISTS (SELECT 1 FROM "
            f"{s}.dissent d WHERE d.id = dissent_id))"
        ],
        "audit_entry": [
            f"FOR SELECT TO {group} USING ({row_visible} AND {may_hear})",
            # Only about rows one may see (no entries planted in someone's private history).
            f"FOR INSERT TO {group} WITH CHECK ({row_visible})",
        ],
        "audit_provenance": [
            f"FOR SELECT TO {group} USING (EXISTS (SELECT 1 FROM {s}.audit_entry a "
            "WHERE a.id = audit_id))",
            f"FOR INSERT TO {group} WITH CHECK (true)",
        ],
        "text_base": [
            f"FOR ALL TO {group} USING ({row_visible} "
            f"AND {may_hear}) WITH CHECK ({row_visible})"
        ],
    }
    for table in _ABOUT_A_ROW:
        rules[table] = [
            f"FOR ALL TO {group} USING ({row_visible}) "
            f"WITH CHECK ({row_visible})"
        ]
    for table in tables:
        if table in _NO_RLS:
            continue
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY agare ON {table} TO {owner} USING (true) WITH CHECK (true)")
        for n, rule in enumerate(
            rules.get(table, [f"FOR ALL TO {group} USING (true) WITH CHECK (true)"])
        ):
            op.execute(f"CREATE POLICY ledamot_{n} ON {table} {rule}")


def _refuse(message: str) -> None:
    """Stop the migration with a message the app shows as it is (a refused change)."""
    quoted = message.replace("'", "''")
    op.execute(f"DO $$ BEGIN RAISE EXCEPTION '{quoted}' USING ERRCODE = 'check_violation'; END $$")


def _roles(bind: sa.Connection, owner: str, group: str) -> None:
    """Create the investigation's two roles, or take over ones a dropped investigation left.

    Roles belong to the whole cluster. Roles that own or may use something in another
    database are refused (two investigations must not share members); roles that hold
    nothing anywhere are left from a dropped investigation of the same name and lose their
    members (its people are not this one's); roles that hold something here (this schema
    downgraded and upgraded again) are kept as they are.
    """
    here, elsewhere = bind.execute(
        sa.text(
            "SELECT count(*) FILTER (WHERE d.dbid = db.oid), "
            "count(*) FILTER (WHERE d.dbid <> db.oid) "
            "FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid "
            "JOIN pg_database db ON db.datname = current_database() "
            "WHERE d.refclassid = 'pg_authid'::regclass AND r.rolname IN (:o, :g)"
        ),
        {"o": owner, "g": group},
    ).one()
    if elsewhere:
        _refuse(
            f"Rollerna {owner} och {group} används redan av en utredning i en annan databas "
            "på den här servern; välj ett annat namn på utredningen."
        )
    for role in (owner, group):
        exists = bind.execute(
            sa.text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": role}
        ).first()
        if exists is None:
            op.execute(f"CREATE ROLE {role} NOLOGIN")
            continue
        if exists[0]:
            _refuse(f"Rollen {role} finns redan och kan logga in; välj ett annat namn.")
        if here:
            continue
        members = bind.execute(
            sa.text(
                "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE r.rolname = :r"
            ),
            {"r": role},
        ).scalars()
        for member in list(members):
            op.execute(f'REVOKE {role} FROM "{member}"')
    # The one who runs this (a later upgrade runs as the owner role itself) administers it.
    administers = bind.execute(
        sa.text(
            "SELECT rolsuper OR pg_has_role(session_user, :o, 'MEMBER') FROM pg_roles "
            "WHERE rolname = session_user"
        ),
        {"o": owner},
    ).scalar()
    if not administers:
        op.execute(f"GRANT {owner} TO SESSION_USER")


def _own_everything(bind: sa.Connection, schema: str, owner: str) -> None:
    s = f'"{schema}"'
    op.execute(f"ALTER SCHEMA {s} OWNER TO {owner}")
    kinds = {"r": "TABLE", "p": "TABLE", "S": "SEQUENCE", "v": "VIEW", "m": "MATERIALIZED VIEW"}
    for name, kind in bind.execute(
        sa.text(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
            "AND c.relkind IN ('r', 'p', 'S', 'v', 'm') "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
            "AND d.objid = c.oid AND d.deptype IN ('a', 'i'))"
        )
    ):
        op.execute(f'ALTER {kinds[str(kind)]} {s}."{name}" OWNER TO {owner}')
    for signature in bind.execute(
        sa.text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
        )
    ).scalars():
        op.execute(f"ALTER FUNCTION {signature} OWNER TO {owner}")


def _security_downgrade() -> None:
    schema, owner, group = _names()
    s = f'"{schema}"'
    bind = op.get_bind()
    for table, policy in bind.execute(
        sa.text("SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema()")
    ).all():
        op.execute(f'DROP POLICY "{policy}" ON {table}')
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table, trigger in bind.execute(
        sa.text(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
            "AND t.tgname LIKE 'rls\\_%'"
        )
    ).all():
        op.execute(f'DROP TRIGGER "{trigger}" ON {table}')
    for signature in bind.execute(
        sa.text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = current_schema() "
            "AND p.proname LIKE 'rls\\_%'"
        )
    ).scalars():
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    for table in _AUTHORED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS author_member_id")
    for table in ("audit_entry", "text_base"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS audience")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {group}")
    op.execute(f"REVOKE ALL ON SCHEMA {s} FROM {group}")
    op.execute(
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {s} REVOKE ALL ON TABLES FROM {group}"
    )
    op.execute(
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {s} "
        f"REVOKE ALL ON SEQUENCES FROM {group}"
    )
