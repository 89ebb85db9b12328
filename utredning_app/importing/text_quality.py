"""Is extracted text real text? A PDF whose fonts use a custom encoding extracts as garbage
("*|UDQ3HUVVRQ" for a name) without any error; such pages must not go into search and
coding unnoticed, but be flagged and offered OCR.

A page is *garbled* when few of its words are Swedish (a word counts when its Snowball stem –
PyStemmer's Swedish stemmer – is the stem of one of the common Swedish words below; ordinary
prose has 35–60 % such words, garbage almost none), or when it has control characters,
replacement glyphs (U+FFFD) or private-use characters (what unmapped custom glyphs become).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

MIN_WORDS = 12  # fewer words: the share of Swedish words says too little
MIN_SWEDISH_SHARE = 0.15
MAX_ODD_SHARE = 0.02  # control, replacement and private-use characters

# Common Swedish words: function words and the vocabulary of remissvar. Their stems are what
# a word of a page is compared with (so "förslagen", "nämndens" count too).
COMMON_WORDS = """
och att det i som en på är för med till av den har inte om ett de vi kan ska bör
eller men så också även där här vid från under över efter mellan genom utan mot hos
när då sedan samt än hur vad vilken vilket vilka denna detta dessa andra annat
man alla flera många mer mest mycket några någon något inga ingen inget varje
sin sitt sina sig oss vår vårt våra er ert era han hon dem deras dess
vara varit blir bli blivit hade finns fanns ges får fått gör göra gjort kommer
skulle kunde måste behöver behov bra god goda stor stora större ny nya del delar
år tid dag enligt därför dock redan endast bara samma sätt fall fråga frågor
förslag förslaget förslagen utredning utredningen delrapport rapport remiss
remissvar yttrande yttrar synpunkter synpunkt tillstyrker avstyrker instämmer
invända erinran avstår ställer bakom stöder ställningstagande anser menar
region regionen kommun kommuner nämnd nämnden styrelse styrelsen förvaltning
bolag verksamhet verksamheten vård vården sjukvård hälso sjukhus akutsjukhus patient
patienter personal medarbetare ekonomi kostnad kostnader ansvar styrning
ledning uppdrag beslut besluta beslutats handläggning handläggare kvalitet
omvårdnad konsekvenser konsekvens analys arbete arbetet ordförande direktör
datum diarienummer sida vänlig hälsning med förslag utgår särskilt viktigt
lag lagen myndighet myndigheten samverkan utveckling uppföljning ställning
"""


@dataclass(frozen=True)
class PageQuality:
    page: int  # 1-based
    words: int
    swedish_share: float
    odd_share: float

    @property
    def empty(self) -> bool:
        return self.words == 0 and self.odd_share == 0.0

    @property
    def garbled(self) -> bool:
        if self.odd_share > MAX_ODD_SHARE:
            return True
        return self.words >= MIN_WORDS and self.swedish_share < MIN_SWEDISH_SHARE

    def reason(self) -> str:
        if self.odd_share > MAX_ODD_SHARE:
            return (
                f"sida {self.page}: {_percent(self.odd_share)} tecken som inte kan visas "
                "(styrtecken eller okända glyfer)"
            )
        return f"sida {self.page}: bara {_percent(self.swedish_share)} svenska ord"


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


@cache
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("swedish")


def _stems(words: list[str]) -> list[str]:
    result: list[str] = _stemmer().stemWords(words)  # type: ignore[attr-defined]
    return result


@cache
def _known_stems() -> frozenset[str]:
    return frozenset(_stems(COMMON_WORDS.split()))


_WORD = re.compile(r"[^\W\d_]{2,}")


def _odd(ch: str) -> bool:
    if ch in "\n\t\r":
        return False
    if ch == "\ufffd":
        return True
    category = unicodedata.category(ch)
    return category in ("Cc", "Co", "Cs", "Cn")


def page_quality(text: str, page: int) -> PageQuality:
    words = [w.casefold() for w in _WORD.findall(text)]
    known = _known_stems()
    swedish = sum(1 for stem in _stems(words) if stem in known) if words else 0
    chars = [ch for ch in text if not ch.isspace()]
    odd = sum(1 for ch in chars if _odd(ch))
    return PageQuality(
        page=page,
        words=len(words),
        swedish_share=swedish / len(words) if words else 0.0,
        odd_share=odd / len(chars) if chars else 0.0,
    )


def check_pages(pages: list[str]) -> list[PageQuality]:
    return [page_quality(text, index) for index, text in enumerate(pages, start=1)]


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5] -> "1–3, 5"."""
    out: list[str] = []
    start = prev = None
    for p in sorted(pages):
        if start is None:
            start = prev = p
        elif prev is not None and p == prev + 1:
            prev = p
        else:
            out.append(f"{start}–{prev}" if start != prev else str(start))
            start = prev = p
    if start is not None:
        out.append(f"{start}–{prev}" if start != prev else str(start))
    return ", ".join(out)
