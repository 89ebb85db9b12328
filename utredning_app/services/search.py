"""Full-text search across remissvar: in a file SQLite FTS5 with the trigram tokenizer, on a
server PostgreSQL's pg_trgm index (migration 0006_server) asked the same question.

Each word of the query must occur somewhere in an answer's text or summary, as a substring
regardless of case, so "styrning" finds "nämndstyrningen". Words shorter than three letters
cannot use a trigram index and are ignored (a query of only such words is refused with a
message). Hits come with passages in context, sorted by consultee; filters by consultee type
and stance. A file and a server find the same answers and show the same passages
(tests/server/test_search_server.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text

from utredning_app.domain.enums import ConsulteeType, StanceKind
from utredning_app.domain.formatting import swedish_sort_key
from utredning_app.errors import ValidationError
from utredning_app.storage.database import Database

CONTEXT_CHARS = 90
MAX_PASSAGES = 3
# Filtered searches over at most this many answers test the words directly (see search()).
SCAN_LIMIT = 100


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


def fts_query(query: str) -> str:
    """The user's words as an FTS5 expression: every word as a quoted phrase, all required."""
    words = _words(query)
    if not words:
        raise ValidationError("Skriv minst ett sökord med tre eller fler tecken.")
    phrases = ['"' + w.replace('"', '""') + '"' for w in words]
    return "{extracted_text summary_md}: (" + " AND ".join(phrases) + ")"


def search(
    db: Database,
    query: str,
    *,
    types: Iterable[ConsulteeType] | None = None,
    stances: Iterable[StanceKind] | None = None,
    round_id: str | None = None,
    limit: int = 100,
    inflections: bool = False,
) -> list[SearchHit]:
    """Answers matching ``query``, optionally filtered, sorted by consultee.

    ``inflections`` (a server only): each word is first reduced to its stem by PostgreSQL's
    Swedish text search configuration (its ``swedish_stem`` dictionary), so "styrningen" also
    finds "styrning" and "vårdplatser" "vårdplatsen". Off by default: then a server finds
    exactly what a file finds. A file has no Swedish stemmer and says so.

    A file asks its FTS5 trigram index; a server asks PostgreSQL's pg_trgm index with the
    same meaning (every word a case-insensitive substring of the text or the summary), so
    both find the same answers and show the same passages."""
    words = _words(query)
    if not words:
        raise ValidationError("Skriv minst ett sökord med tre eller fler tecken.")
    where = ["r.deleted_at IS NULL", "c.deleted_at IS NULL"]
    params: dict[str, object] = {"limit": limit}
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
    filtered = bool(type_list or stance_list or round_id)
    if db.engine.dialect.name == "postgresql":
        if inflections:
            words = swedish_stems(db, words)
        rows = _server_rows(db, words, where, params, filtered=filtered)
    else:
        if inflections:
            raise ValidationError(
                "Sökning på böjningsformer finns bara för utredningar på en server (PostgreSQL:s "
                "svenska ordstammar); i en fil hittar sökningen ordet och sammansättningar med det."
            )
        rows = _file_rows(db, query, where, params, filtered=filtered)
    pattern = _pattern_of(words)
    hits: list[SearchHit] = []
    for rid, cid, name, ctype, received, body, summary in rows:
        passages = passages_in(summary or "", pattern) + passages_in(body or "", pattern)
        hits.append(
            SearchHit(
                rid,
                cid,
                name,
                ConsulteeType(ctype),
                str(received or ""),
                passages[:MAX_PASSAGES],
            )
        )
    hits.sort(key=lambda h: swedish_sort_key(h.consultee))
    return hits[:limit]


_COLUMNS = "r.id, c.id, c.name, c.type, r.received_date, r.extracted_text, r.summary_md"
_Row = tuple[str, str, str, str, object, str | None, str | None]


def _file_rows(
    db: Database, query: str, where: list[str], params: dict[str, object], *, filtered: bool
) -> list[_Row]:
    """The matching answers of a file, through its FTS5 trigram index."""
    from utredning_app.storage.search_index import ensure_fts5

    ensure_fts5()
    params = {**params, "match": fts_query(query)}
    # No bm25 ranking and no FTS highlight()/snippet(): both re-tokenise every hit's whole
    # text (~5 ms per 20-page answer). Trigram matching is case-insensitive substring
    # matching, so the passages are found with a plain regex over the hit texts instead.
    base = f"FROM response r JOIN consultee c ON c.id = r.consultee_id WHERE {' AND '.join(where)}"
    scan = False
    if filtered:
        # A filter that leaves few answers: reading those and testing the words directly is
        # faster than letting the index match every answer first (a word found in all 600
        # answers of the benchmark took 54 ms through the index, ~15 ms this way).
        with db.engine.connect() as conn:
            candidates = conn.execute(text(f"SELECT count(*) {base}"), params).scalar_one()
        scan = candidates <= SCAN_LIMIT
    if scan:
        sql = text(f"SELECT {_COLUMNS} {base}")
    else:
        sql = text(
            f"SELECT {_COLUMNS} "
            "FROM response_fts JOIN response r ON r.search_key = response_fts.rowid "
            "JOIN consultee c ON c.id = r.consultee_id "
            f"WHERE response_fts MATCH :match AND {' AND '.join(where)} LIMIT :limit"
        )
    words = [w.lower() for w in _words(query)]
    with db.engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(sql, params)]
    if scan:
        rows = [row for row in rows if _contains_all(words, row[6] or "", row[5] or "")]
    return rows


# The expression of the pg_trgm index ix_response_search_trgm (migration 0006_server), word
# for word: PostgreSQL uses the index only for exactly this expression.
SERVER_SEARCH_TEXT = "(coalesce(r.extracted_text, '') || ' ' || coalesce(r.summary_md, ''))"


def regex_literal(word: str) -> str:
    """``word`` as a PostgreSQL regular expression matching exactly itself: every ASCII
    character other than a letter or digit escaped (in PostgreSQL's ARE a backslash before
    such a character makes it literal; before a letter it would start an escape like \\d)."""
    return "".join("\\" + ch if ch.isascii() and not ch.isalnum() else ch for ch in word)


def _server_rows(
    db: Database, words: list[str], where: list[str], params: dict[str, object], *, filtered: bool
) -> list[_Row]:
    """The matching answers on a server, through the pg_trgm index over text and summary:
    each word a case-insensitive substring, as the file's trigram index means it.

    The words are tested with a case-insensitive regex of the literal word (``~*``, which
    pg_trgm's index serves): the same answers as ``lower(text) LIKE '%word%'``, but reading
    a long answer about four times faster."""
    params = dict(params)
    matches: list[str] = []
    for i, word in enumerate(words):
        params[f"w{i}"] = regex_literal(word)
        matches.append(f"{SERVER_SEARCH_TEXT} ~* :w{i}")
        if " " in word:
            # A phrase with a space could span the joint between text and summary in the
            # indexed expression; FTS5 matches within one column only.
            matches.append(
                f"(coalesce(r.extracted_text, '') ~* :w{i} OR coalesce(r.summary_md, '') ~* :w{i})"
            )
    base = "FROM response r JOIN consultee c ON c.id = r.consultee_id"
    answers = ["r.deleted_at IS NULL", *matches]
    with db.engine.connect() as conn:
        if filtered:
            # PostgreSQL does not know how dear reading a 100 kB answer is and would test the
            # words before the filters: find the few answers the filters leave first (as the
            # file does), then test only those.
            ids = list(
                conn.execute(
                    text(f"SELECT r.id {base} WHERE {' AND '.join(where)} LIMIT :scan"),
                    {**params, "scan": SCAN_LIMIT + 1},
                ).scalars()
            )
            if len(ids) <= SCAN_LIMIT:
                if not ids:
                    return []
                answers.append("r.id = ANY(:ids)")
                params["ids"] = ids
        # Nor does it cost reading the answers in a scan: it would rather read every long
        # answer than ask the trigram index for the few that hold a rare word (it costs the
        # index high and the scan low). So the answers matching the words are a subquery of
        # their own (OFFSET 0 keeps it one), read without sequential scans; the joins and
        # filters then take hits from it until the limit is reached.
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        sql = text(
            "SELECT r.id, c.id, c.name, c.type, r.received_date, r.extracted_text, r.summary_md "
            "FROM (SELECT r.id, r.consultee_id, r.received_date, r.extracted_text, "
            f"r.summary_md, r.deleted_at FROM response r WHERE {' AND '.join(answers)} "
            "OFFSET 0) r JOIN consultee c ON c.id = r.consultee_id "
            f"WHERE {' AND '.join(where)} LIMIT :limit"
        )
        return [tuple(row) for row in conn.execute(sql, params)]


def _contains_all(words: list[str], *texts: str) -> bool:
    """What the trigram index's query means: every word occurs (case-insensitively) as a
    substring of one of the texts."""
    folded = [t.lower() for t in texts]
    return all(any(word in t for t in folded) for word in words)


def _words(query: str) -> list[str]:
    return [
        w.strip('"') for w in re.findall(r"[\w\-']+|\"[^\"]+\"", query) if len(w.strip('"')) >= 3
    ]


def _pattern(query: str) -> re.Pattern[str]:
    return _pattern_of(_words(query))


def _pattern_of(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def swedish_stems(db: Database, words: list[str]) -> list[str]:
    """Each single word replaced by its Swedish stem (``ts_lexize('swedish_stem', …)``) when
    the stem is a beginning of the word and three letters or more; phrases, stop words and
    anything else stay as they are. The stem is then searched as a substring, so every
    inflected form (and compound) of the word is found through the same trigram index."""
    stems: list[str] = []
    with db.engine.connect() as conn:
        for word in words:
            stem = None
            if " " not in word:
                found = conn.execute(
                    text("SELECT (ts_lexize('swedish_stem', lower(:w)))[1]"), {"w": word}
                ).scalar()
                stem = str(found) if found else None
            usable = stem is not None and len(stem) >= 3 and word.lower().startswith(stem)
            stems.append(stem if usable and stem is not None else word)
    return stems


def passages_in(
    text_: str, pattern: re.Pattern[str], context: int = CONTEXT_CHARS
) -> list[Passage]:
    """Short passages around the first hits of ``pattern`` in ``text_``."""
    out: list[Passage] = []
    last_end = -1
    for found in pattern.finditer(text_):
        if found.start() < last_end:
            continue
        start, end = found.start(), found.end()
        before = text_[max(0, start - context) : start]
        if start > context and " " in before:  # begin at a word boundary
            before = before[before.index(" ") + 1 :]
        after = text_[end : end + context]
        last_end = end + context
        out.append(
            Passage(
                ("…" if start > context else "") + before.replace("\n", " ").lstrip(),
                found.group(0),
                after.replace("\n", " ").rstrip() + ("…" if end + context < len(text_) else ""),
            )
        )
        if len(out) >= MAX_PASSAGES:
            break
    return out
