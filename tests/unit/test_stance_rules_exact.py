"""Exact cases of the offline stance rules (domain/stance_rules.py): boundaries and branches."""

from __future__ import annotations

import pytest

from tests.unit.test_stance_rules import AV, IE, PROPOSALS, TM, A, T, _stances
from utredning_app.domain import stance_rules as rules
from utredning_app.domain.enums import StanceKind
from utredning_app.domain.stance_rules import ProposalRef, Suggestion, iter_pairs, suggest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nämnden motsätter sig inte förslag 2.", {1: None, 2: IE, 3: None}),
        (
            "Vi tillstyrker förslag 1 och avstyrker förslag 2, dock med tvekan.",
            {1: T, 2: A, 3: None},
        ),
        ("Vi tillstyrker förslagen, utom förslag 3 som vi avstyrker.", {1: T, 2: T, 3: A}),
        ("Vi tillstyrker förslag nr 2.", {1: None, 2: T, 3: None}),
        ("Vi tillstyrker förslaget nummer 3.", {1: None, 2: None, 3: T}),
        ("Vi avstyrker förslag 1-2.", {1: A, 2: A, 3: None}),
        ("Vi avstyrker förslag 2 till 3.", {1: None, 2: A, 3: A}),
        ("Vi tillstyrker förslagen 1 samt 3.", {1: T, 2: None, 3: T}),
        ("Vi inte gärna tillstyrker förslag 2.", {1: None, 2: A, 3: None}),
        ("Vi inte alls gärna tillstyrker förslag 2.", {1: None, 2: T, 3: None}),
        ("Vi ej avstyrker förslag 2.", {2: IE}),
        ("Vi icke tillstyrker förslag 2.", {2: A}),
        ("Vi aldrig avstyrker förslag 2.", {2: IE}),
        ("Vi tillstyrker förslag 2. Vi avstyrker förslag 2.", {1: None, 2: T, 3: None}),
        ("Vi tillstyrker förslag 2 men vill se en plan.", {1: None, 2: TM, 3: None}),
        ("Vi tillstyrker förslag 2 under förutsättning att det finansieras.", {2: TM}),
        ("Vi tillstyrker förslag 2 med reservation.", {2: TM}),
        ("Vi avstyrker förslag 2 med synpunkter.", {1: None, 2: A, 3: None}),
        ("Synpunkter på förslag 3\nVi avstår från att yttra oss.", {1: None, 2: None, 3: AV}),
        ("Vi avstår.", {1: AV, 2: AV, 3: AV}),
        ("Vi tillstyrker i sin helhet.", {1: T, 2: T, 3: T}),
        ("Vi tillstyrker.", {1: None, 2: None, 3: None}),
        ("Vi ser förslaget om ramanslag som rimligt.", {1: None, 2: None, 3: T}),
        ("Vi välkomnar akutsjukhusnämnden.", {1: None, 2: T, 3: None}),
        ("Vi tillstyrker förslag 9.", {1: None, 2: None, 3: None}),
        ("Vi avstyrker förslag 2. Vi tillstyrker i övrigt.", {1: T, 2: A, 3: T}),
        ("Vi tillstyrker utredningens förslag. Vi avstyrker förslagen.", {1: T, 2: T, 3: T}),
        ("Förslag 2\nVi tillstyrker.", {1: None, 2: T, 3: None}),
        (
            "Vi tillstyrker förslag 2 och har inget att invända mot förslagen i övrigt.",
            {1: IE, 2: T, 3: IE},
        ),
        ("Regionen har inga invändningar mot förslag 1.", {1: IE}),
        ("Förbundet säger nej till förslag 1.", {1: A}),
        ("Förbundet stöder förslag 1.", {1: T}),
        ("Förbundet är positivt till förslag 1.", {1: T}),
        ("Vi motsätter sig inte förslag 1 och avstyrker förslag 2.", {1: IE, 2: A, 3: None}),
        (
            "Vi tillstyrker förslag 1 med undantag för förslag 2 som vi avstyrker.",
            {1: T, 2: A, 3: None},
        ),
        ("Vi avstyrker förslag 2 men tillstyrker förslag 1.", {1: T, 2: A, 3: None}),
        ("Förslag 2 avstyrks. Förslag 1 tillstyrks, dock med oro.", {1: TM, 2: A, 3: None}),
        ("Vi tillstyrker förslag 1, men avstyrker förslagen i övrigt.", {1: TM, 2: A, 3: A}),
        ("Förslag 1\nVi tillstyrker delrapporten.", {1: T, 2: T, 3: T}),
        (
            "Vi avstyrker akutsjukhusnämnden men ser ramanslag som rimligt.",
            {1: None, 2: A, 3: T},
        ),
        (
            "Vi tillstyrker förslag 1 och 2, utom förslag 3 som vi avstyrker.",
            {1: T, 2: T, 3: A},
        ),
        (
            "Vi lämnar förslagen utan erinran, utom förslag 3 som vi avstyrker.",
            {1: IE, 2: IE, 3: A},
        ),
        ("Vi tillstyrker förslag 1 men avstyrker resten.", {1: TM, 2: None, 3: None}),
        # an exception with no stance after it: the others keep the stance, no crash
        ("Vi tillstyrker förslagen, utom förslag 3.", {1: T, 2: T}),
    ],
)
def test_rules_exact(text: str, expected: dict[int, StanceKind | None]) -> None:
    got = _stances(text)
    for number, stance in expected.items():
        assert got[number] is stance, (text, number, got[number])


def test_heading_context_is_limited_to_short_lines() -> None:
    # A line of exactly 80 characters is still a heading; 81 is not.
    head80 = "Synpunkter på förslag 3 " + "x" * (79 - len("Synpunkter på förslag 3 ")) + ":"
    assert len(head80) == 80
    assert _stances(head80 + "\nVi tillstyrker.") == {1: None, 2: None, 3: T}
    head81 = head80[:-1] + "y:"
    assert _stances(head81 + "\nVi tillstyrker.") == {1: None, 2: None, 3: None}


def test_a_later_heading_replaces_the_context() -> None:
    text = "Förslag 1\nVi tillstyrker.\nFörslag 2\nVi avstyrker."
    assert _stances(text) == {1: T, 2: A, 3: None}


def test_evidence_offsets_are_exact() -> None:
    text = "Inledning.\nNämnden delar analysen. Nämnden avstyrker förslag 3. Slut."
    got = suggest(text, PROPOSALS)
    assert got == [
        Suggestion("p1", 1, None),
        Suggestion("p2", 2, None),
        Suggestion("p3", 3, A, "Nämnden avstyrker förslag 3.", 35, 63),
    ]


def test_overall_suggestion_carries_its_own_sentence() -> None:
    text = "Vi avstyrker förslag 2.  Vi tillstyrker i övrigt."
    got = suggest(text, PROPOSALS)
    assert got[1] == Suggestion("p2", 2, A, "Vi avstyrker förslag 2.", 0, 23)
    assert got[0] == Suggestion("p1", 1, T, "Vi tillstyrker i övrigt.", 25, 49)
    assert got[2] == Suggestion("p3", 3, T, "Vi tillstyrker i övrigt.", 25, 49)


def test_iter_pairs() -> None:
    got = list(iter_pairs(suggest("Vi avstyrker förslag 2.", PROPOSALS)))
    assert got == [(1, None), (2, A), (3, None)]
    assert list(iter_pairs([])) == []


def test_no_proposals_no_suggestions() -> None:
    assert suggest("Vi tillstyrker förslag 1.", []) == []
    assert suggest("", PROPOSALS) == [Suggestion(p.id, p.number, None) for p in PROPOSALS]


# ------------------------------------------------------------------- the helpers


def test_numbers_lists_and_ranges() -> None:
    assert rules._numbers("1, 4 och 5") == [1, 4, 5]
    assert rules._numbers("1–3") == [1, 2, 3]
    assert rules._numbers("2 till 4") == [2, 3, 4]
    assert rules._numbers("2 samt 7") == [2, 7]
    assert rules._numbers("3-3") == []
    assert rules._numbers("5-2") == []
    assert rules._numbers("1-20") == list(range(1, 21))
    assert rules._numbers("1-21") == []
    assert rules._numbers("12") == [12]


def test_title_keys_are_the_distinguishing_stems() -> None:
    keys = rules._title_keys(tuple(PROPOSALS))
    assert keys == {
        1: {"styrpolicy"},
        2: {"akutsjukhusnämnd", "förvaltning", "ombild", "akutsjukhus"},
        3: {"ersättning", "prestationsbaser", "ramanslag"},
    }
    # a word two titles share tells neither apart; generic and short words never count
    shared = (
        ProposalRef("a", 1, "Ramanslag behålls"),
        ProposalRef("b", 2, "Ramanslag avvecklas"),
        ProposalRef("c", 3, "Förslag under regionen"),
    )
    assert rules._title_keys(shared) == {1: {"behåll"}, 2: {"avveckl"}, 3: set()}


def test_subject_refs_positions() -> None:
    keys = rules._title_keys(tuple(PROPOSALS))
    assert rules._subject_refs("om ramanslag och akutsjukhusnämnden", keys) == [(3, 3), (17, 2)]
    assert rules._subject_refs("inget här", keys) == []


def test_cues_positions_and_negation() -> None:
    assert rules._cues("Vi kan inte tillstyrka detta") == [(3, 22, A)]
    assert rules._cues("Vi ej avstyrker") == [(6, 15, IE)]
    assert rules._cues("Vi tillstyrker och avstyrker") == [(3, 14, T), (19, 28, A)]
    assert rules._cues("Vi avstår från att yttra oss") == [(3, 24, AV)]
    assert rules._cues("Inget här") == []


def test_refine_only_turns_a_plain_yes() -> None:
    assert rules._refine(T, "tillstyrker med synpunkter") is TM
    assert rules._refine(T, "tillstyrker helt") is T
    assert rules._refine(A, "avstyrker, men") is A
    assert rules._refine(IE, "dock") is IE


def test_units_offsets() -> None:
    text = "Första meningen. Andra meningen!\n  Tredje? fjärde.\nRubrik"
    units = rules._units(text)
    assert [(u.start, u.end, u.text) for u in units] == [
        (0, 16, "Första meningen."),
        (17, 32, "Andra meningen!"),
        (35, 50, "Tredje? fjärde."),
        (51, 57, "Rubrik"),
    ]
    for u in units:
        assert text[u.start : u.end] == u.text
    assert rules._units("") == []
    assert rules._units("\n\n") == []


LONG40 = "a" * 39 + "b"  # 40 characters, no closing punctuation


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (LONG40 + "\nfortsätter.", True),
        (LONG40[1:] + "\nfortsätter.", False),  # 39 characters
        (LONG40 + ".\nNästa.", False),
        (LONG40 + "!\nNästa.", False),
        (LONG40 + "?\nNästa.", False),
        (LONG40 + ":\nNästa.", False),
        (LONG40 + ";\nNästa.", False),
        (LONG40 + ",\nNästa.", False),
        (LONG40 + " |\nNästa.", False),
        (LONG40 + "\n| Nästa", False),
        (LONG40 + "\n- punkt", False),
        (LONG40 + "\n• punkt", False),
        (LONG40 + "\n* punkt", False),
        (LONG40 + "\n– punkt", False),
        (LONG40 + "\n1. punkt", False),
        (LONG40 + "\n2) punkt", False),
        (LONG40 + "\nFörslag 2 gäller", False),
        (LONG40 + "\n\nfortsätter.", False),
    ],
)
def test_lines_join_only_wrapped_sentences(text: str, joined: bool) -> None:
    lines = rules._lines(text)
    if joined:
        assert lines == [(0, len(text))]
    else:
        assert len(lines) == 2
        assert lines[0] == (0, text.index("\n"))
        assert lines[1][1] == len(text)


def test_lines_spans_exact() -> None:
    assert rules._lines("") == []
    assert rules._lines("ab\ncd") == [(0, 2), (3, 5)]


def test_lines_go_on_after_a_joined_line() -> None:
    text = LONG40 + "\nfortsätter.\nNy rad."
    assert rules._lines(text) == [(0, 52), (53, 60)]


def test_subject_refs_match_long_keys_inside_words() -> None:
    assert rules._subject_refs("ramanslagen", {3: {"ramansl"}}) == [(0, 3)]  # 7: a prefix
    assert rules._subject_refs("ramanslagen", {3: {"ramans"}}) == []  # 6: only equal
    assert rules._subject_refs("ramanslagen", {3: {"ramanslag"}}) == [(0, 3)]
    assert rules._subject_refs("akutsjukhuset", {2: {"sjukhus"}}) == [(0, 2)]  # inside


def test_title_keys_keep_five_letter_stems() -> None:
    shared = (ProposalRef("a", 1, "Ramanslag införs"), ProposalRef("b", 2, "Ramanslag slopas"))
    assert rules._title_keys(shared) == {1: {"inför"}, 2: set()}
