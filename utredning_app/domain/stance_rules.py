"""Suggested ställningstaganden from an answer's text: offline, explainable rules.

The text is cut into units (lines and sentences, with their place in the text). A unit with a
stance phrase ("tillstyrker", "avstyrks", "ställer sig bakom", "har inget att invända",
"avstår från att yttra sig" …, negations such as "kan inte tillstyrka" turned round) gives that
stance to the proposals it refers to: by number ("förslag 2", "förslagen 1, 4 och 5",
"förslag 1–3"), by subject (a word of the proposal's title that no other title has,
"ramanslag", "akutsjukhusnämnd"), or – with "förslagen", "delrapporten", "i sin helhet",
"övriga förslag" – all proposals not otherwise named. A heading that names proposals without a
stance ("Synpunkter på förslag 2 och 3") is the reference of the units below it. "Med
synpunkter", "men", "under förutsättning att" make a yes a yes with comments.

Each suggestion keeps the unit it came from (the evidence, highlighted for the analyst).
Nothing here writes anything: a person accepts, changes or rejects each suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from utredning_app.domain.enums import StanceKind


@dataclass(frozen=True)
class ProposalRef:
    id: str
    number: int
    title: str


@dataclass(frozen=True)
class Suggestion:
    proposal_id: str
    number: int
    stance: StanceKind | None
    sentence: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    text: str


# Stance phrases, most specific first; each match is a cue at its position in the unit.
_CUES: list[tuple[re.Pattern[str], StanceKind]] = [
    (
        re.compile(
            r"avstår\s+(?:från\s+)?(?:att\s+)?(?:yttra|ta\s+ställning|lämna|kommentera)"
            r"|avstår\b",
            re.I,
        ),
        StanceKind.AVSTAR,
    ),
    (
        re.compile(
            r"(?:har|hade|finns)\s+(?:ingen|inga|inget)\s+(?:erinran|invändning(?:ar)?|"
            r"att\s+invända)|ingen\s+erinran|inga\s+invändningar|inget\s+att\s+invända|"
            r"inte\s+(?:ha\s+)?(?:några|någon)\s+(?:invändningar|erinran)|"
            r"motsätter\s+sig\s+inte|lämnar\s+förslage[nt]\s+utan\s+erinran",
            re.I,
        ),
        StanceKind.INGEN_ERINRAN,
    ),
    (
        re.compile(
            r"avstyrk\w*|motsätter\s+sig|ställer\s+sig\s+(?:inte|ej)\s+bakom|"
            r"(?:kan|kunde)\s+(?:inte|ej)\s+(?:tillstyrka|ställa\s+sig\s+bakom|stödja)|"
            r"är\s+(?:negativ|emot)\s+till|säger\s+nej\s+till|vänder\s+sig\s+mot",
            re.I,
        ),
        StanceKind.AVSTYRKER,
    ),
    (
        re.compile(
            r"tillstyrk\w*|ställer\s+sig\s+bakom|instämmer\s+i|stöder|stödjer|"
            r"(?:är|ställer\s+sig)\s+positiv\w*\s+till|ser\s+positivt\s+på|välkomnar|"
            r"delar\s+utredningens\s+(?:bedömning|förslag)|"
            r"ser\s+[^.]{0,60}?som\s+(?:ett\s+|en\s+)?(?:rimlig|bra|klok|lämplig)\w*",
            re.I,
        ),
        StanceKind.TILLSTYRKER,
    ),
]
_NEGATION_BEFORE = re.compile(r"\b(?:inte|ej|icke|aldrig)\s+(?:\w+\s+){0,1}$", re.I)
_WITH_COMMENTS = re.compile(
    r"med\s+(?:de\s+|följande\s+)?synpunkt|med\s+reservation|under\s+förutsättning|"
    r"förutsatt\s+att|,?\s+men\b|\bdock\b|med\s+tillägg|med\s+ändring|med\s+de\s+tillägg",
    re.I,
)
_EXCEPT = re.compile(r"med\s+undantag\s+(?:för|av)|\butom\b|\bförutom\b", re.I)
_NUMBERS = re.compile(
    r"\bförslag(?:en|et)?\s+(?:nr\.?\s*|nummer\s+)?"
    r"(\d{1,2}(?:\s*(?:,|och|samt|–|-|till)\s*\d{1,2})*)",
    re.I,
)
_GLOBAL = re.compile(
    r"\bförslagen\b(?!\s+\d)|\bdelrapporten\b|\butredningens\s+förslag\b|i\s+sin\s+helhet|"
    r"\bsamtliga\s+förslag|\balla\s+förslag|\bövriga\s+förslag|\bi\s+övrigt\b|"
    r"\bdelrapportens\s+förslag",
    re.I,
)
_HEADING_MAX = 80
# Words of proposal titles too common to tell proposals apart.
_GENERIC = {
    "förslag",
    "styrning",
    "styrningen",
    "vården",
    "egenägda",
    "region",
    "regionen",
    "stärkt",
    "samlad",
    "under",
    "stället",
    "genom",
    "inför",
    "mellan",
}


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's logical lines: a line wrapped in the middle of a sentence
    (as PDF text and e-mail are) is joined with the next; headings, table rows and list
    items stay lines of their own."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out: list[tuple[int, int]] = []
    prev = ""  # the previous physical line
    for start, end in spans:
        line = text[start:end].strip()
        last, prev = prev, line
        if out:
            wrapped = (
                len(last) >= 40
                and not last.endswith((".", "!", "?", ":", ";", ","))
                and "|" not in last
                and "|" not in line
                and not re.match(r"[-•*–]\s|\d+[.)]\s|förslag\s+\d", line, re.I)
                and text[out[-1][1] : start].count("\n") == 1
            )
            if wrapped:
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def _units(text: str) -> list[_Unit]:
    """Sentences of the logical lines, with their offsets in ``text``."""
    units: list[_Unit] = []
    for start, end in _lines(text):
        body = text[start:end]
        for sentence in re.finditer(r".+?(?:[.!?](?=\s+[A-ZÅÄÖ0-9–-])|$)", body, re.S):
            chunk = sentence.group(0)
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            s = start + sentence.start() + lead
            units.append(_Unit(s, s + len(stripped), stripped))
    return units


def _numbers(match_text: str) -> list[int]:
    out: list[int] = []
    parts = re.split(r"\s*(?:,|och|samt)\s*", match_text)
    for part in parts:
        span = re.match(r"(\d+)\s*(?:–|-|till)\s*(\d+)", part)
        if span:
            low, high = int(span.group(1)), int(span.group(2))
            if 0 < high - low < 20:
                out.extend(range(low, high + 1))
        elif part.strip().isdigit():
            out.append(int(part))
    return out


@cache
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("swedish")


def _stem(words: list[str]) -> list[str]:
    result: list[str] = _stemmer().stemWords(words)  # type: ignore[attr-defined]
    return result


def _title_keys(proposals: tuple[ProposalRef, ...]) -> dict[int, set[str]]:
    """Per proposal, the stems of its title words that no other title has."""
    words: dict[int, set[str]] = {}
    for p in proposals:
        tokens = [w.casefold() for w in re.findall(r"[^\W\d_]{5,}", p.title)]
        words[p.number] = {
            s for s in _stem([t for t in tokens if t not in _GENERIC]) if len(s) >= 5
        }
    keys: dict[int, set[str]] = {}
    for number, stems in words.items():
        others = set().union(*(v for k, v in words.items() if k != number))
        keys[number] = {s for s in stems if s not in others}
    return keys


def _subject_refs(text: str, keys: dict[int, set[str]]) -> list[tuple[int, int]]:
    """(position, proposal number) of the subject words in ``text``."""
    out: list[tuple[int, int]] = []
    for word in re.finditer(r"[^\W\d_]{5,}", text):
        stem = _stem([word.group(0).casefold()])[0]
        for number, stems in keys.items():
            if any(stem == k or (len(k) >= 7 and (stem.startswith(k) or k in stem)) for k in stems):
                out.append((word.start(), number))
    return out


def _cues(text: str) -> list[tuple[int, int, StanceKind]]:
    """(start, end, stance) of the stance phrases in a unit, negations turned round."""
    found: list[tuple[int, int, StanceKind]] = []
    taken: list[tuple[int, int]] = []
    for pattern, stance in _CUES:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            kind = stance
            if _NEGATION_BEFORE.search(text[: match.start()]):
                if stance is StanceKind.TILLSTYRKER:
                    kind = StanceKind.AVSTYRKER
                elif stance is StanceKind.AVSTYRKER:
                    kind = StanceKind.INGEN_ERINRAN
            taken.append((match.start(), match.end()))
            found.append((match.start(), match.end(), kind))
    found.sort()
    return found


def _refine(kind: StanceKind, segment: str) -> StanceKind:
    if kind is StanceKind.TILLSTYRKER and _WITH_COMMENTS.search(segment):
        return StanceKind.TILLSTYRKER_MED_SYNPUNKTER
    return kind


def suggest(text: str, proposals: list[ProposalRef]) -> list[Suggestion]:
    """One suggestion per proposal (stance None where the text says nothing we recognise)."""
    refs = tuple(proposals)
    by_number = {p.number: p for p in refs}
    keys = _title_keys(refs)
    specific: dict[int, tuple[StanceKind, _Unit]] = {}
    overall: tuple[StanceKind, _Unit] | None = None
    context: list[int] = []  # proposals named by the last heading
    # "Vi tillstyrker förslagen, utom förslag 3.": an exception with no stance of its own says
    # only that the general stance does not hold for it, so it gets no suggestion from it.
    excepted_only: set[int] = set()
    for unit in _units(text):
        cues = _cues(unit.text)
        numbered = [
            (m.start(), n)
            for m in _NUMBERS.finditer(unit.text)
            for n in _numbers(m.group(1))
            if n in by_number
        ]
        if not cues:
            if numbered and len(unit.text) <= _HEADING_MAX:
                context = [n for _pos, n in numbered]
            continue
        mentions = numbered or _subject_refs(unit.text, keys)
        excepted = [m.end() for m in _EXCEPT.finditer(unit.text)]
        assigned: dict[int, StanceKind] = {}
        used: set[int] = set()  # cues that got a proposal
        for position, number in mentions:
            before = [c for c in cues if c[0] <= position]
            if excepted and any(e <= position for e in excepted):
                after = [c for c in cues if c[0] > position]
                cue = after[0] if after else None
            else:
                cue = before[-1] if before else cues[0]
            if cue is None:
                excepted_only.add(number)
                continue
            nxt = [c[0] for c in cues if c[0] > cue[0]]
            segment = unit.text[cue[0] : nxt[0] if nxt else len(unit.text)]
            assigned.setdefault(number, _refine(cue[2], segment))
            used.add(cue[0])
        for cue in cues:  # "inget att invända mot förslagen, med undantag för förslag 3 …"
            nxt = [c[0] for c in cues if c[0] > cue[0]]
            segment = unit.text[cue[0] : nxt[0] if nxt else len(unit.text)]
            if mentions and cue[0] not in used and _GLOBAL.search(segment) and overall is None:
                overall = (_refine(cue[2], segment), unit)
        if not mentions:
            kind = _refine(cues[0][2], unit.text[cues[0][0] :])
            if _GLOBAL.search(unit.text) or (cues[0][2] is StanceKind.AVSTAR and not context):
                if overall is None:
                    overall = (kind, unit)
                continue
            for number in context:
                assigned.setdefault(number, kind)
        for number, kind in assigned.items():
            specific.setdefault(number, (kind, unit))
    out: list[Suggestion] = []
    for p in refs:
        chosen = specific.get(p.number)
        if chosen is None and p.number not in excepted_only:
            chosen = overall
        if chosen is None:
            out.append(Suggestion(p.id, p.number, None))
        else:
            kind, unit = chosen
            out.append(Suggestion(p.id, p.number, kind, unit.text, unit.start, unit.end))
    return out


def iter_pairs(suggestions: list[Suggestion]) -> Iterator[tuple[int, StanceKind | None]]:
    for s in suggestions:
        yield s.number, s.stance
