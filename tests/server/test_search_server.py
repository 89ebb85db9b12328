"""Search on a server finds what the file finds: the same answers and the same passages for
the same queries (PostgreSQL's pg_trgm index standing in for the file's FTS5 trigram index),
and the query is one the index serves."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from tests.pg_cluster import PgCluster
from utredning_app.domain.enums import ConsulteeType, StanceKind
from utredning_app.errors import ValidationError
from utredning_app.services.demo import create_demo
from utredning_app.services.search import regex_literal, search
from utredning_app.storage import models as m
from utredning_app.storage.database import Database, open_database
from utredning_app.storage.location import ServerLocation

QUERIES = [
    "styrning",  # also inside "Styrningen"
    "nämnd",  # also inside "sjukvårdsnämnden", "akutsjukhusnämnd"
    "sjukvårdsnämnd",
    "omvårdnad",
    "STYRNINGEN",
    "NÄMND",
    "Södersjukhuset",
    "akutsjukhus vårdplatser",
    "vård länet",
    "Beställar-utförar",
    "egenägda",
    '"för att"',
    '"styrning',
    "styr*",
    "*vård*",
    'förslag "region"',
    '"25 %"',
    "ab 50%",
    "a_b",
    "styrning omvårdnad",
    "xyzzyq",
    '"styrning."',
    '"(styrning)"',
    "Södersjukhuset.",
]
FILTERS: list[dict[str, Any]] = [
    {},
    {"types": [ConsulteeType.NAMND]},
    {"types": [ConsulteeType.FACKLIG, ConsulteeType.ORGANISATION, ConsulteeType.BOLAG]},
    {"stances": [StanceKind.AVSTYRKER]},
    {"stances": [StanceKind.TILLSTYRKER, StanceKind.TILLSTYRKER_MED_SYNPUNKTER]},
    {"types": [ConsulteeType.BOLAG], "stances": [StanceKind.TILLSTYRKER]},
]


@pytest.fixture(scope="module")
def demos(
    pg: PgCluster, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Database]]:
    pg.psql('CREATE DATABASE "search_demo"')
    # Its own investigation name: role names are server-wide, and other tests make "demo"
    # investigations in their own databases while this one stays for the module.
    server = create_demo(ServerLocation.parse(pg.url(database="search_demo"), "sokdemo"))
    path: Path = tmp_path_factory.mktemp("search") / "demo.utredning"
    create_demo(path).close()
    file = open_database(path, read_only=True)
    yield file, server
    file.close()
    server.close()
    pg.psql('DROP DATABASE IF EXISTS "search_demo" WITH (FORCE)')


@pytest.mark.parametrize("query", QUERIES)
def test_server_and_file_find_the_same_answers_and_passages(
    demos: tuple[Database, Database], query: str
) -> None:
    file, server = demos
    assert server.engine.dialect.name == "postgresql"
    for filters in FILTERS:
        try:
            on_file = search(file, query, limit=1000, **filters)
        except ValidationError:
            with pytest.raises(ValidationError):
                search(server, query, **filters)
            continue
        on_server = search(server, query, limit=1000, **filters)
        assert [h.response_id for h in on_server] == [h.response_id for h in on_file], filters
        assert [h.passages for h in on_server] == [h.passages for h in on_file], filters
        assert [(h.consultee, h.consultee_type, h.received) for h in on_server] == [
            (h.consultee, h.consultee_type, h.received) for h in on_file
        ]


def test_the_queries_find_something(demos: tuple[Database, Database]) -> None:
    """The comparison above means little if every query found nothing."""
    _, server = demos
    assert len(search(server, "styrning")) >= 5
    compound = {h.response_id for h in search(server, "sjukvårdsnämnd")}
    assert compound and compound <= {h.response_id for h in search(server, "nämnd")}
    inside_words = [
        p for h in search(server, "nämnd") for p in h.passages if p.before[-1:].isalpha()
    ]
    assert inside_words, "a part of a compound word is found"
    assert search(server, "STYRNINGEN") == search(server, "styrningen")
    assert search(server, "nämnd", types=[ConsulteeType.NAMND])
    assert search(server, "styrning", stances=[StanceKind.AVSTYRKER])
    assert search(server, "styrning xyzzyq") == []  # every word must occur
    with pytest.raises(ValidationError):
        search(server, "ab")


def test_pattern_characters_in_the_query_are_literal(demos: tuple[Database, Database]) -> None:
    file, server = demos
    assert regex_literal("a.b*(c)\\d") == "a\\.b\\*\\(c\\)\\\\d"
    assert regex_literal("Åsa-Märta 12") == "Åsa\\-Märta\\ 12"
    # Each of these would match every answer if it were a pattern rather than text.
    for query in ['".*."', '"..."', '"%%%"', '"___"', '"\\\\\\"', '"(?:)"', '"\\w+"', '"[a-ö]+"']:
        assert search(server, query) == search(file, query) == [], query


def test_a_phrase_does_not_match_across_text_and_summary(pg: PgCluster, pg_url: str) -> None:
    db = create_demo(ServerLocation.parse(pg_url))
    try:
        with db.transaction() as s:
            response = s.query(m.Response).order_by(m.Response.id).first()
            assert response is not None
            response.extracted_text = "Slutet av texten är hallonbåt"
            response.summary_md = "blåbärsskog i sammanfattningen"
            rid = response.id
        assert [h.response_id for h in search(db, "hallonbåt blåbärsskog")] == [rid]
        assert search(db, '"hallonbåt blåbärsskog"') == []
    finally:
        db.close()


def test_the_trigram_index_serves_the_search(pg: PgCluster, pg_url: str) -> None:
    """EXPLAIN of the very statement search() sends, in its own transaction, on a table of
    3 000 answers (a filter that leaves more than SCAN_LIMIT answers uses the index too)."""
    db = create_demo(ServerLocation.parse(pg_url))
    rng = random.Random(3)
    vocabulary = ["vård", "styrning", "nämnd", "region", "budget", "ansvar", "patient", "plats"]
    try:
        with db.transaction() as s:
            consultees = s.query(m.Consultee).all()
            for i in range(3000):
                body = " ".join(rng.choice(vocabulary) + str(rng.randrange(999)) for _ in range(60))
                s.add(
                    m.Response(
                        consultee_id=consultees[i % len(consultees)].id,
                        extracted_text=f"{body} svar{i}",
                    )
                )
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        plans: list[str] = []

        def explain(_c: Any, cursor: Any, statement: str, parameters: Any, *_a: Any) -> None:
            # In search()'s own transaction, right after its query: the same settings.
            if "FROM response r WHERE" in statement:
                rows = cursor.connection.execute("EXPLAIN " + statement, parameters).fetchall()
                plans.append("\n".join(row[0] for row in rows))

        event.listen(db.engine, "after_cursor_execute", explain)
        try:
            hits = search(db, "svar1234")
            filtered = search(db, "svar1234", types=[ConsulteeType.BOLAG, ConsulteeType.NAMND])
        finally:
            event.remove(db.engine, "after_cursor_execute", explain)
        assert [h.passages[0].hit for h in hits] == ["svar1234"]
        assert [h.response_id for h in filtered] in ([], [hits[0].response_id])
        assert len(plans) == 2
        assert all("ix_response_search_trgm" in plan for plan in plans), plans
    finally:
        db.close()


def test_inflections_use_the_swedish_stems_on_a_server_only(
    demos: tuple[Database, Database],
) -> None:
    from utredning_app.services.search import swedish_stems

    file, server = demos
    assert swedish_stems(server, ["Styrningen", "vårdplatser", "och", "för att"]) == [
        "styrning",
        "vårdplats",
        "och",  # a stop word has no stem: searched as it is
        "för att",  # a phrase stays a phrase
    ]
    exact = {h.response_id for h in search(server, "sjukhusen")}
    inflected = search(server, "sjukhusen", inflections=True)
    assert {h.response_id for h in inflected} == {h.response_id for h in search(server, "sjukhus")}
    assert exact < {h.response_id for h in inflected}  # answers that say "sjukhuset" … too
    assert all(p.hit.lower().startswith("sjukhus") for h in inflected for p in h.passages)
    # Without the option a server finds what the file finds (test_same_hits… above).
    assert exact == {h.response_id for h in search(file, "sjukhusen")}
    with pytest.raises(ValidationError, match="bara för utredningar på en server"):
        search(file, "styrningen", inflections=True)
