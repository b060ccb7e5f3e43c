"""Precision, round 7 (:mod:`communique.extractors.quotes.precision`): markup, manner tails
and credit lines give no quote; what sits next to them is kept. Unit tests of the helpers on
hand-made candidates, and the core's candidates for short texts."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.precision import drop_imprecise, markup_ranges
from communique.models import QuoteKind
from communique.parse import ParseView
from quote_candidates import candidate_texts


def test_markup_ranges_run_to_the_closing_tag_or_line_end() -> None:
    text = 'A <tweet author="@x">Hi there</tweet> b\n<tweet pic="" author="y">open\nnext'
    ranges = markup_ranges(text)
    assert [text[a:b] for a, b in ranges] == [
        '<tweet author="@x">Hi there</tweet>',
        '<tweet pic="" author="y">open',
    ]


@pytest.mark.parametrize("text", ["if a < b then", "<b>bold</b>", "x <tweet> y"])
def test_no_markup_without_attributes(text: str) -> None:
    assert markup_ranges(text) == []


def _view(nlp: Any, text: str) -> ParseView:
    return ParseView.build(nlp(text), text)


def test_continuation_indices_follow_the_drop(nlp: Any) -> None:
    text = '<tweet author="@ada">We won</tweet> “First,” Ada Lee said. “Second.” “Third.”'
    view = _view(nlp, text)
    first, second, third = (text.index(w) for w in ("First", "Second", "Third"))
    said = (text.index("said"), text.index("said") + 4)
    cands = [
        Candidate(QuoteKind.INDIRECT, [(text.index("We"), text.index("We") + 6)], (1, 6), None),
        Candidate(QuoteKind.DIRECT, [(first, first + 5)], said, None),
        Candidate(QuoteKind.DIRECT, [(second, second + 6)], None, None, continues=1),
        Candidate(QuoteKind.DIRECT, [(third, third + 5)], None, None, continues=2),
    ]
    kept = drop_imprecise(view, cands)
    assert [text[c.start : c.end] for c in kept] == ["First", "Second", "Third"]
    assert [c.continues for c in kept] == [None, 0, 1]


def test_a_lone_word_is_kept_when_a_quotation_continues_it(nlp: Any) -> None:
    text = "“First,” she went on. “We fix the roads.” Critics called it “theatre.”"
    view = _view(nlp, text)
    first, roads, theatre = (text.index(w) for w in ("First", "We fix", "theatre"))
    cands = [
        Candidate(QuoteKind.DIRECT, [(first, first + 5)], None, None),
        Candidate(QuoteKind.DIRECT, [(roads, roads + 16)], None, None, continues=0),
        Candidate(QuoteKind.DIRECT, [(theatre, theatre + 7)], None, None),
    ]
    kept = drop_imprecise(view, cands)
    assert [text[c.start : c.end] for c in kept] == ["First", "We fix the roads"]
    assert [c.continues for c in kept] == [None, 0]


def test_a_speaker_inside_markup_is_cleared(nlp: Any) -> None:
    text = '<tweet author="@ada">Ada Lee</tweet> said the vote was close.'
    view = _view(nlp, text)
    start = text.index("the vote")
    cand = Candidate(
        QuoteKind.INDIRECT,
        [(start, start + 18)],
        (text.index("said"), text.index("said") + 4),
        (text.index("Ada"), text.index("Ada") + 7),
    )
    kept = drop_imprecise(view, [cand])
    assert kept == [cand] and cand.source is None


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("“Not a chance,” Ivo Marsh said, laughing.", "laughing"),
        (
            "The mayor ended the session early on Monday.\n\n"
            '<tweet pic="" author="RitaVance" timestamp="1449075600">We tweet our thanks</tweet>',
            'pic=""',
        ),
        (
            "Harbour master Lena Holm said that the cranes would arrive in June.\n\n"
            "Contributing: Marta Lindqvist and Oskar Reyes",
            "Marta Lindqvist and Oskar Reyes",
        ),
    ],
)
def test_imprecise_candidates_are_dropped(nlp: Any, text: str, gone: str) -> None:
    contents = [c for c, _, _ in candidate_texts(nlp, text)]
    assert not any(gone in c for c in contents), contents


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a colon introduction whose label is a name, not a credit
        (
            "OKAFOR: We have the votes, and we will pass the budget before Friday.",
            "We have the votes, and we will pass the budget before Friday",
        ),
        # the cue's own reported clause, longer than a manner tail, after a quotation
        (
            "“We will appeal,” Hal Brooks said, adding that the ruling ignored two earlier "
            "decisions of the state supreme court.",
            "the ruling ignored two earlier decisions of the state supreme court",
        ),
    ],
)
def test_neighbours_are_kept(nlp: Any, text: str, kept: str) -> None:
    contents = [c for c, _, _ in candidate_texts(nlp, text)]
    assert any(kept in c for c in contents), contents


def test_twin_candidates_are_one_quote(nlp: Any) -> None:
    text = "Ada Lee said the vote was close."
    view = _view(nlp, text)
    part = (text.index("the vote"), text.index("the vote") + 18)
    cue = (text.index("said"), text.index("said") + 4)
    cands = [
        Candidate(QuoteKind.INDIRECT, [part], cue, (0, 7)),
        Candidate(QuoteKind.INDIRECT, [part], (0, 4), None),
    ]
    assert drop_imprecise(view, cands) == cands[:1]


def test_continuation_of_a_dropped_manner_tail_goes_on_with_the_quote(nlp: Any) -> None:
    """“No,” he said, laughing. “…”: the tail is dropped, the quotation after it continues
    the direct quote on the same cue instead of losing its link."""
    text = "“No,” he said, laughing. “We will not sell the port to anyone.”"
    view = _view(nlp, text)
    cue = (text.index("said"), text.index("said") + 4)
    first = Candidate(QuoteKind.DIRECT, [(1, 4)], cue, (6, 8))
    tail = Candidate(QuoteKind.INDIRECT, [(text.index("laughing"), 22)], cue, (6, 8))
    later = (text.index("We will"), len(text) - 1)
    cont = Candidate(QuoteKind.DIRECT, [later], None, (6, 8), continues=1)
    kept = drop_imprecise(view, [first, tail, cont])
    assert kept == [first, cont] and cont.continues == 0


def test_continuation_of_dropped_markup_loses_its_link(nlp: Any) -> None:
    text = 'Ada wrote <tweet author="@ada">We win</tweet>\n“And we keep winning.”'
    view = _view(nlp, text)
    inside = Candidate(
        QuoteKind.DIRECT, [(text.index("We win"), text.index("We win") + 6)], None, None
    )
    start = text.index("And")
    cont = Candidate(QuoteKind.DIRECT, [(start, start + 19)], None, None, continues=0)
    assert drop_imprecise(view, [inside, cont]) == [cont] and cont.continues is None


@pytest.mark.parametrize(("words", "dropped"), [(5, True), (6, False)])
def test_manner_tail_ends_at_tail_words(nlp: Any, words: int, dropped: bool) -> None:
    """``TAIL_WORDS`` is the boundary: five words on the quotation's cue are its manner, six
    may be a report of their own."""
    tail = " ".join(["slowly"] * words)
    text = f"“No,” he said, {tail}."
    view = _view(nlp, text)
    cue = (text.index("said"), text.index("said") + 4)
    first = Candidate(QuoteKind.DIRECT, [(1, 4)], cue, (6, 8))
    start = text.index("slowly")
    manner = Candidate(QuoteKind.INDIRECT, [(start, start + len(tail))], cue, (6, 8))
    assert (drop_imprecise(view, [first, manner]) == [first]) is dropped
