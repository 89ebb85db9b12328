"""Full-text search across remissvar (SQLite FTS5, trigram tokenizer).

Each word of the query must occur somewhere in an answer's text or summary, as a substring,
so "styrning" finds "nämndstyrningen". Words shorter than three letters cannot use the
trigram index and are ignored (a query of only such words is refused with a message).
Hits come with passages in context; filters by consultee type and stance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text

from utredning_app.domain.enums import ConsulteeType, StanceKind
from utredning_app.errors import ValidationError
from utredning_app.storage.database import Database

MARK_OPEN = "\ue000"  # private-use characters: cannot clash with answer text
MARK_CLOSE = "\ue001"
CONTEXT_CHARS = 90
MAX_PASSAGES = 3


@dataclass(frozen=True)
class Passage:
    """A hit in context: ``before`` + ``hit`` + ``after`` (the GUI marks ``hit``)."""

    before: str
    hit: str
    after: str

    def plain(self, mark: tuple[str, str] = ("[", "]")) -> str:
        return f"{self.before}{mark[0]}{self.hit}{mark[1]}{self.after}"


@dataclass(frozen=True)
class SearchHit:
    response_id: str
    consultee_id: str
    consultee: str
    consultee_type: ConsulteeType
    received: str
    passages: list[Passage]
    rank: float


def fts_query(query: str) -> str:
    """The user's words as an FTS5 expression: every word as a quoted phrase, all required."""
    words = [w for w in re.findall(r"[\w\-']+|\"[^\"]+\"", query) if len(w.strip('"')) >= 3]
    if not words:
        raise ValidationError("Skriv minst ett sökord med tre eller fler tecken.")
    phrases = ['"' + w.strip('"').replace('"', '""') + '"' for w in words]
    return "{extracted_text summary_md}: (" + " AND ".join(phrases) + ")"


def search(
    db: Database,
    query: str,
    *,
    types: Iterable[ConsulteeType] | None = None,
    stances: Iterable[StanceKind] | None = None,
    round_id: str | None = None,
    limit: int = 100,
) -> list[SearchHit]:
    """Answers matching ``query``, best first, optionally filtered."""
    from utredning_app.storage.search_index import ensure_fts5

    ensure_fts5()
    match = fts_query(query)
    where = ["response_fts MATCH :match", "r.deleted_at IS NULL", "c.deleted_at IS NULL"]
    params: dict[str, object] = {"match": match, "limit": limit}
    type_list = [t.value for t in types or []]
    if type_list:
        names = [f":t{i}" for i in range(len(type_list))]
        where.append(f"c.type IN ({', '.join(names)})")
        params.update({f"t{i}": v for i, v in enumerate(type_list)})
    stance_list = [st.value for st in stances or []]
    if stance_list:
        names = [f":s{i}" for i in range(len(stance_list))]
        where.append(
            "EXISTS (SELECT 1 FROM stance st WHERE st.response_id = r.id "
            f"AND st.deleted_at IS NULL AND st.stance IN ({', '.join(names)}))"
        )
        params.update({f"s{i}": v for i, v in enumerate(stance_list)})
    if round_id:
        where.append("c.round_id = :round_id")
        params["round_id"] = round_id
    sql = text(
        "SELECT r.id, c.id, c.name, c.type, r.received_date, bm25(response_fts) AS rank, "
        f"highlight(response_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}'), "
        f"highlight(response_fts, 2, '{MARK_OPEN}', '{MARK_CLOSE}') "
        "FROM response_fts JOIN response r ON r.id = response_fts.response_id "
        "JOIN consultee c ON c.id = r.consultee_id "
        f"WHERE {' AND '.join(where)} ORDER BY rank LIMIT :limit"
    )
    hits: list[SearchHit] = []
    with db.engine.connect() as conn:
        for rid, cid, name, ctype, received, rank, body, summary in conn.execute(sql, params):
            passages = passages_of(summary or "") + passages_of(body or "")
            hits.append(
                SearchHit(
                    rid,
                    cid,
                    name,
                    ConsulteeType(ctype),
                    str(received or ""),
                    passages[:MAX_PASSAGES],
                    float(rank),
                )
            )
    return hits


def passages_of(marked: str, context: int = CONTEXT_CHARS) -> list[Passage]:
    """Cut the highlighted text into short passages around each marked hit."""
    out: list[Passage] = []
    pos = 0
    last_end = -1
    while len(out) < MAX_PASSAGES:
        start = marked.find(MARK_OPEN, pos)
        if start < 0:
            break
        end = marked.find(MARK_CLOSE, start)
        if end < 0:
            break
        hit = marked[start + 1 : end]
        pos = end + 1
        if start < last_end:  # overlapping context with the previous passage
            continue
        before = marked[max(0, start - context) : start]
        after = marked[end + 1 : end + 1 + context]
        last_end = end + 1 + context
        clean = _strip_marks
        out.append(
            Passage(
                ("…" if start > context else "") + " ".join(clean(before).split(" ")).lstrip(),
                clean(hit),
                clean(after).rstrip() + ("…" if end + 1 + context < len(marked) else ""),
            )
        )
    return out


def _strip_marks(value: str) -> str:
    return value.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").replace("\n", " ")
