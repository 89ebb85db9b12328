"""Filtered searches may test the words directly instead of asking the trigram index;
both ways must find exactly the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from utredning_app.domain.enums import ConsulteeType, StanceKind
from utredning_app.services import search as search_module
from utredning_app.storage.database import open_database

QUERIES = ["styrning", "NÄMND", "akutsjukhus vårdplatser", "Beställar-utförar", "xyzzyq"]
FILTERS = [
    {"types": [ConsulteeType.NAMND]},
    {"types": [ConsulteeType.FACKLIG, ConsulteeType.ORGANISATION]},
    {"stances": [StanceKind.AVSTYRKER]},
    {"types": [ConsulteeType.BOLAG], "stances": [StanceKind.TILLSTYRKER]},
]


@pytest.mark.parametrize("query", QUERIES)
def test_direct_scan_and_index_find_the_same_answers(
    demo_path: Path, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(demo_path, read_only=True)
    try:
        for filters in FILTERS:
            monkeypatch.setattr(search_module, "SCAN_LIMIT", 10_000)  # always scan
            scanned = search_module.search(db, query, limit=1000, **filters)  # type: ignore[arg-type]
            monkeypatch.setattr(search_module, "SCAN_LIMIT", -1)  # always the index
            indexed = search_module.search(db, query, limit=1000, **filters)  # type: ignore[arg-type]
            assert [h.response_id for h in scanned] == [h.response_id for h in indexed], filters
            assert [h.passages for h in scanned] == [h.passages for h in indexed]
    finally:
        db.close()


def test_scan_path_is_used_and_finds_hits(demo_path: Path) -> None:
    db = open_database(demo_path, read_only=True)
    try:
        hits = search_module.search(db, "nämnd", types=[ConsulteeType.NAMND])
    finally:
        db.close()
    assert hits, "the demo's nämnder write about nämnder"
    assert all(h.consultee_type is ConsulteeType.NAMND for h in hits)
    assert all(h.passages for h in hits)
