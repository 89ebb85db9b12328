"""The offline rules behind suggested coding (domain/stance_rules.py)."""

from __future__ import annotations

import pytest

from utredning_app.domain.enums import StanceKind
from utredning_app.domain.stance_rules import ProposalRef, suggest

PROPOSALS = [
    ProposalRef("p1", 1, "Samlad ägar- och styrpolicy för den egenägda vården"),
    ProposalRef("p2", 2, "Akutsjukhusen ombildas till förvaltningar under en akutsjukhusnämnd"),
    ProposalRef("p3", 3, "Ramanslag i stället för prestationsbaserad ersättning"),
]
T, TM, A, IE, AV = (
    StanceKind.TILLSTYRKER,
    StanceKind.TILLSTYRKER_MED_SYNPUNKTER,
    StanceKind.AVSTYRKER,
    StanceKind.INGEN_ERINRAN,
    StanceKind.AVSTAR,
)


def _stances(text: str) -> dict[int, StanceKind | None]:
    return {s.number: s.stance for s in suggest(text, PROPOSALS)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nämnden tillstyrker förslag 2.", {1: None, 2: T, 3: None}),
        ("Styrelsen avstyrker förslagen 1 och 3.", {1: A, 2: None, 3: A}),
        ("Vi tillstyrker förslag 1–3.", {1: T, 2: T, 3: T}),
        ("Förslag 3 tillstyrks med synpunkten att uppföljningen stärks.", {3: TM}),
        ("Vi har inget att invända mot förslag 1.", {1: IE}),
        ("Förbundet kan inte tillstyrka förslag 2.", {2: A}),
        ("Förbundet ställer sig inte bakom förslag 2.", {2: A}),
        ("Förbundet ställer sig bakom förslag 2.", {2: T}),
        ("Vi motsätter oss inte förslag 2.", {2: None}),  # not a phrase we know: no guess
        ("Nämnden avstyrker förslaget om ramanslag.", {1: None, 2: None, 3: A}),
        ("Vi avstår från att yttra oss.", {1: AV, 2: AV, 3: AV}),
        (
            "Vi tillstyrker förslagen 1 och 2 och avstyrker förslag 3.",
            {1: T, 2: T, 3: A},
        ),
        ("Vi har ingen erinran mot förslagen, utom förslag 3 som vi avstyrker.", {1: IE, 3: A}),
        # an exception without a stance of its own: the general one does not hold for it
        ("Vi tillstyrker förslagen, utom förslag 3.", {1: T, 2: T, 3: None}),
        ("Synpunkter på förslag 2\nVi tillstyrker, men övergången måste planeras.", {2: TM}),
        ("Bolaget har en lång tradition av god vård.", {1: None, 2: None, 3: None}),
    ],
)
def test_rules(text: str, expected: dict[int, StanceKind | None]) -> None:
    got = _stances(text)
    for number, stance in expected.items():
        assert got[number] is stance, (text, number, got[number])


def test_the_evidence_is_the_sentence_with_its_place() -> None:
    text = "Inledning.\nNämnden delar analysen. Nämnden avstyrker förslag 3. Slut."
    (s,) = [x for x in suggest(text, PROPOSALS) if x.number == 3]
    assert s.sentence == "Nämnden avstyrker förslag 3."
    assert s.start is not None and s.end is not None
    assert text[s.start : s.end] == s.sentence


def test_a_wrapped_line_is_one_sentence() -> None:
    text = (
        "Vision har inget att invända mot förslagen i delrapporten, med undantag för förslag 3\n"
        "som Vision avstyrker."
    )
    assert _stances(text) == {1: IE, 2: IE, 3: A}
