"""Who sent a remissvar: the sender shows in the letterhead, the signature, the closing
("Detta yttrande har beslutats av …") and the footer (postal address, web domain) – and in
the sender's e-mail address when the answer came by e-mail. The address block names the
*recipient* (a ministry, the region's nämnd): what stands only there never counts.

:func:`identify_sender` ranks the consultees by this evidence and says where each was found,
so the import table and the CLI can show the method and the evidence.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache

LETTERHEAD_LINES = 8  # non-empty lines at the top of the text
SIGNATURE_LINES = 12  # non-empty lines at the end
ADDRESS_SEARCH_LINES = 40  # the address block is looked for among the first lines
ADDRESS_BLOCK_MAX = 6
ADDRESS_LINE_MAX = 60
BODY_CHARS = 3000
FUZZY_LINE_SCORE = 90.0


class Zone(StrEnum):
    EMAIL = "email"
    CLOSING = "closing"
    LETTERHEAD = "letterhead"
    SIGNATURE = "signature"
    FOOTER = "footer"
    BODY = "body"

    @property
    def label(self) -> str:
        return {
            "email": "avsändaradressen",
            "closing": "avslutningen",
            "letterhead": "brevhuvudet",
            "signature": "underskriften",
            "footer": "sidfoten",
            "body": "textens inledning",
        }[self.value]


# Points of the strongest zone found; every further strong zone adds STRONG_BONUS.
ZONE_POINTS: dict[Zone, float] = {
    Zone.EMAIL: 90.0,
    Zone.CLOSING: 90.0,
    Zone.LETTERHEAD: 88.0,
    Zone.SIGNATURE: 88.0,
    Zone.FOOTER: 86.0,
}
STRONG_BONUS = 4.0
BODY_FACTOR = 0.8  # a mere mention in the text is never enough on its own

_RECIPIENT_CUE = re.compile(
    r"^\s*(till|mottagare|adressat)\b|departement|regeringskansliet", re.IGNORECASE
)
_NOT_ADDRESS = re.compile(
    r"\s*(remiss|yttrande|svar\b|angående|ang\.|ärende|betänkande|sammanfattning|er ref|"
    r"ert dnr|vår ref|vårt dnr|datum|dnr|diarienummer|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
_GREETING = re.compile(r"\s*(med vänlig hälsning|vänliga hälsningar|mvh)\b", re.IGNORECASE)
_FOOTER_CUE = re.compile(
    r"\b\d{3} ?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+|postadress|besöksadress|telefon|\btfn\b|\bvxl\b|"
    r"org\.? ?nr|organisationsnummer|www\.|@[a-z0-9-]+\.[a-z]{2,}",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"(?:www\.|@|https?://)([a-z0-9][a-z0-9.-]*\.[a-z]{2,})", re.IGNORECASE)
_CLOSING = re.compile(
    r"(?:(?:detta|vårt) (?:yttrande|remissvar|svar)|beslut(?:et)? i (?:detta )?ärende[t]?)"
    r"[^.\n]{0,40}? har (?:beslutats|fattats|avgetts|antagits)[^.]*"
    r"|på [^.\n]{3,80}? vägnar",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    zone: Zone
    line: str

    def describe(self) -> str:
        line = " ".join(self.line.split())
        if len(line) > 80:
            line = line[:79] + "…"
        return f"{self.zone.label} «{line}»"


@dataclass
class SenderCandidate:
    consultee_id: str
    name: str
    score: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def zone(self) -> Zone:
        """The strongest zone the sender was found in."""
        strong = [e.zone for e in self.evidence if e.zone in ZONE_POINTS]
        if strong:
            return max(strong, key=lambda z: ZONE_POINTS[z])
        return Zone.BODY

    def describe(self) -> str:
        return "; ".join(e.describe() for e in self.evidence)


@dataclass(frozen=True)
class ConsulteeKey:
    """What a consultee is recognised by."""

    consultee_id: str
    name: str
    email: str = ""

    @cached_property
    def needles(self) -> list[str]:
        name = " ".join(self.name.split()).casefold()
        out = [name]
        core = name.split(",")[0].strip()  # "Södersjukhuset AB, styrelsen"
        if core != name and len(core) >= 8:
            out.append(core)
        return out

    @cached_property
    def domains(self) -> set[str]:
        core = self.name.split(",")[0].strip()
        out = {_slug(core), _slug(re.sub(r"(?i)\s+(ab|aktiebolag)$", "", core))}
        if "@" in self.email:
            domain = self.email.rsplit("@", 1)[1].strip().casefold()
            out.add(domain)
            out.add(domain.split(".")[0])
        return {d for d in out if len(d) >= 4}


def _slug(text: str) -> str:
    table = str.maketrans("åäöéü", "aaoeu")
    return "".join(ch for ch in text.casefold().translate(table) if ch.isalnum())


@dataclass
class _Lines:
    lines: list[str]  # non-empty lines
    address: set[int]  # indexes (into lines) of the address block

    @classmethod
    def of(cls, text: str) -> _Lines:
        raw = text.replace("\r\n", "\n").split("\n")
        lines: list[str] = []
        blank_after: set[int] = set()
        for line in raw:
            if line.strip():
                lines.append(line.strip())
            elif lines:
                blank_after.add(len(lines) - 1)
        address: set[int] = set()
        for index, line in enumerate(lines[:ADDRESS_SEARCH_LINES]):
            if index in address or not _RECIPIENT_CUE.search(line):
                continue
            if _CLOSING.search(line) or len(line) > ADDRESS_LINE_MAX:
                continue
            # The cue line and the address lines after it, up to a blank line (which PDF
            # text does not keep), an e-mail address, or a line that is no address line.
            for follow in range(index, min(len(lines), index + ADDRESS_BLOCK_MAX)):
                text = lines[follow]
                if follow > index and (len(text) > ADDRESS_LINE_MAX or _NOT_ADDRESS.match(text)):
                    break
                address.add(follow)
                if follow in blank_after or "@" in text:
                    break
        return cls(lines, address)


def _is_prose(line: str) -> bool:
    """A sentence of the letter rather than a letterhead, address or heading line."""
    return (
        len(line) > ADDRESS_LINE_MAX
        or line.rstrip().endswith((".", ":", "!", "?"))
        or bool(_GREETING.match(line))
    )


def _occurs(key: ConsulteeKey, line: str) -> bool:
    """The consultee's name (or its part before a comma) stands in ``line``; spelling may
    differ a little, but the name's first word must be there as written (", styrelsen" and
    "AB" are shared by many names and never decide)."""
    from rapidfuzz import fuzz

    low = _norm(line)
    needles = key.needles
    if any(needle in low for needle in needles):
        return True
    core = needles[-1]
    first = core.split()[0] if core.split() else ""
    return (
        len(core) >= 8
        and len(first) >= 3
        and first in low
        and len(core) * 0.8 <= len(low) <= len(core) * 3
        and fuzz.partial_ratio(core, low) >= FUZZY_LINE_SCORE
    )


@lru_cache(maxsize=8192)
def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


@lru_cache(maxsize=8192)
def _domain_parts(line: str) -> frozenset[str]:
    """The web and e-mail domains of a line, whole and label by label (not the top level)."""
    out: set[str] = set()
    for found in _DOMAIN.findall(line):
        domain = found.casefold()
        out.add(domain)
        out.update(domain.split(".")[:-1])
    return frozenset(out)


def _domain_matches(key: ConsulteeKey, line: str) -> bool:
    parts = _domain_parts(line)
    return bool(parts) and not parts.isdisjoint(key.domains)


def identify_sender(
    text: str, consultees: list[ConsulteeKey], sender_email: str = ""
) -> list[SenderCandidate]:
    """Consultees with any evidence of being the sender, best first."""
    from rapidfuzz import fuzz

    parsed = _Lines.of(text)
    lines = parsed.lines
    letterhead: list[int] = []
    for i in range(min(LETTERHEAD_LINES, len(lines))):
        if _is_prose(lines[i]):
            break  # the letter itself has begun
        if i not in parsed.address:
            letterhead.append(i)
    tail_start = max(len(letterhead), len(lines) - SIGNATURE_LINES)
    tail = [
        i
        for i in range(tail_start, len(lines))
        if i not in parsed.address and not _is_prose(lines[i])
    ]
    footer: list[int] = []
    seen_footer: set[str] = set()
    for i, line in enumerate(lines):
        if i in parsed.address or not _FOOTER_CUE.search(line) or line in seen_footer:
            continue
        seen_footer.add(line)  # a page footer repeats on every page: look at it once
        footer.append(i)
    closings = list(dict.fromkeys(m.group(0) for m in _CLOSING.finditer(text)))
    body = "\n".join(line for i, line in enumerate(lines) if i not in parsed.address)
    body = body[:BODY_CHARS].casefold()
    out: list[SenderCandidate] = []
    address = (email.utils.parseaddr(sender_email)[1] or sender_email).casefold()
    for key in consultees:
        evidence: list[Evidence] = []
        if address and (
            (key.email and address == key.email.casefold())
            or _domain_matches(key, "@" + address.rsplit("@", 1)[-1])
        ):
            evidence.append(Evidence(Zone.EMAIL, sender_email))
        hit = next((c for c in closings if _occurs(key, c)), None)
        if hit:
            evidence.append(Evidence(Zone.CLOSING, hit))
        hit_index = next((i for i in letterhead if _occurs(key, lines[i])), None)
        if hit_index is not None:
            evidence.append(Evidence(Zone.LETTERHEAD, lines[hit_index]))
        hit_index = next(
            (i for i in tail if i not in footer and _occurs(key, lines[i])),
            None,
        )
        if hit_index is not None:
            evidence.append(Evidence(Zone.SIGNATURE, lines[hit_index]))
        hit_index = next(
            (i for i in footer if _occurs(key, lines[i]) or _domain_matches(key, lines[i])),
            None,
        )
        if hit_index is not None:
            evidence.append(Evidence(Zone.FOOTER, lines[hit_index]))
        strong = [ZONE_POINTS[e.zone] for e in evidence]
        if strong:
            score = min(100.0, max(strong) + STRONG_BONUS * (len(strong) - 1))
        else:
            name = key.needles[0]
            if not name or not body:
                continue
            if any(n in body for n in key.needles):
                raw = 100.0
            else:
                raw = float(fuzz.partial_ratio(name, body)) * 0.95
            score = raw * BODY_FACTOR
            if score <= 0:
                continue
            evidence.append(Evidence(Zone.BODY, _context(body, name)))
        out.append(SenderCandidate(key.consultee_id, key.name, score, evidence))
    out.sort(key=lambda c: -c.score)
    return out


def _context(body: str, name: str) -> str:
    at = body.find(name)
    if at < 0:
        return name
    return body[max(0, at - 20) : at + len(name) + 20]


_SIGNED_FOR = re.compile(r"^\s*(?:för|för och på uppdrag av)\s+(.{3,80}?)\s*$", re.IGNORECASE)
_ON_BEHALF = re.compile(r"\bpå\s+(.{3,80}?)s?\s+vägnar\b", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"\s*(remiss|yttrande|svar|datum|dnr|diarienummer|er ref|vår ref|sida|\d)", re.IGNORECASE
)
_DISPLAY_NAME = re.compile(r'^\s*"?([^"<@]{3,80}?)"?\s*<')


@dataclass(frozen=True)
class SenderGuess:
    name: str
    evidence: Evidence


def _tidy_name(text: str) -> str:
    text = re.split(r"\s(?:\d{4}-\d{2}-\d{2}|dnr|datum|diarienummer)\b", text, flags=re.I)[0]
    name = " ".join(text.strip(" ,;:.–-\t").split())
    if name.isupper():  # "SOCIALSTYRELSEN" in a letterhead
        words = name.split()
        small = {"I", "OCH", "FÖR", "AV", "PÅ", "TILL", "MED"}
        name = " ".join(
            w.lower() if i > 0 and w in small else w.capitalize() for i, w in enumerate(words)
        )
    return name


def guess_sender_name(text: str, sender_email: str = "") -> SenderGuess | None:
    """The sender of an answer that matches no consultee, for registering it as a new one:
    "För X" in the signature, "på X:s vägnar" in the closing, the letterhead's first line,
    or an e-mail's display name – in that order. None when nothing names a sender."""
    parsed = _Lines.of(text)
    lines = parsed.lines
    for line in reversed(lines[-SIGNATURE_LINES:]):
        found = _SIGNED_FOR.match(line)
        if found and not _is_prose(line):
            return SenderGuess(_tidy_name(found.group(1)), Evidence(Zone.SIGNATURE, line))
    for found in _ON_BEHALF.finditer(text):
        name = re.sub(r":s$", "", found.group(1).strip())
        return SenderGuess(_tidy_name(name), Evidence(Zone.CLOSING, found.group(0)))
    for i in range(min(LETTERHEAD_LINES, len(lines))):
        line = lines[i]
        if _is_prose(line):
            break
        if i in parsed.address or _NOT_A_NAME.match(line) or _FOOTER_CUE.search(line):
            continue
        return SenderGuess(_tidy_name(line), Evidence(Zone.LETTERHEAD, line))
    found = _DISPLAY_NAME.match(sender_email)
    if found:
        return SenderGuess(_tidy_name(found.group(1)), Evidence(Zone.EMAIL, sender_email))
    return None
