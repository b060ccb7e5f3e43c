"""Round 8: direct quotes split by one shared cue, and invisible marks before a quotation."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.core import _mixed_before_cue, _shares_cue
from communique.extractors.quotes.direct import _introduced
from communique.extractors.quotes.marks import find_quotations
from communique.models import QuoteKind
from communique.parse import ParseView
from quote_candidates import candidate_texts


def _inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotations(text, [(0, len(text))])]


@pytest.mark.parametrize("mark", ["\u202a", "\u200e", "\u200b", "\ufeff", " \u200b \u202a"])
def test_invisible_mark_before_reversed_opener(mark: str) -> None:
    text = f"{mark}”We will rebuild the school!” wrote Tomas Eklund."
    assert _inner(text) == ["We will rebuild the school!"]


def test_invisible_mark_before_straight_opener() -> None:
    text = 'The chief said:\u200e"Nobody should drive tonight," she added.'
    assert _inner(text) == ["Nobody should drive tonight,"]


def test_visible_letter_before_straight_mark_still_closes() -> None:
    # a straight mark glued to a word is no opener: nothing opens here
    assert _inner('It was 6" long and "wide enough"') == ["wide enough"]


def test_split_quote_with_a_topic_phrase_is_one_quote(nlp: Any) -> None:
    text = (
        "“It seems to me the ferry owners have every reason to cut prices,” he said of "
        "the strike, “because to be busy in winter they both need the tourists.”"
    )
    cands = candidate_texts(nlp, text)
    assert len(cands) == 1
    content, cue, source = cands[0]
    assert content.startswith("It seems to me") and content.endswith("the tourists.")
    assert (cue, source) == ("said", "he")


def _pair(nlp: Any, text: str) -> tuple[ParseView, Candidate, Candidate]:
    """Two direct candidates, one per quotation of ``text``, both cued by "said"."""
    view = ParseView.build(nlp(text), text)
    first, second = find_quotations(text, [(0, len(text))])
    cue = (text.index("said"), text.index("said") + 4)

    def cand(q: Any) -> Candidate:
        return Candidate(QuoteKind.DIRECT, [(q.inner_start, q.inner_end)], cue, None)

    return view, cand(first), cand(second)


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("“We will wait,” Ruth Abara said of the plan, “and then we will vote.”", True),
        # another verb introduces the second quotation: its own act
        ("“We will wait,” Ruth Abara said as a man shouted: “Answer us now!”", False),
        ("“We will wait,” Ruth Abara said before adding: “Then we vote.”", False),
        # a paragraph break between them: not one split quote
        ("“We will wait,” Ruth Abara said.\n\n“Then we vote.”", False),
    ],
)
def test_shared_cue_join_needs_a_bare_attribution(nlp: Any, text: str, joined: bool) -> None:
    view, first, second = _pair(nlp, text)
    assert _shares_cue(view, first, second) is joined


def _introduced_at(nlp: Any, text: str) -> bool:
    view = ParseView.build(nlp(text), text)
    return _introduced(view, find_quotations(text, [(0, len(text))])[-1])


@pytest.mark.parametrize(
    ("text", "introduced"),
    [
        ("Her advice was simple, “Leave the car at home and take the tram.”", True),
        # a title after the comma is no one's words
        ("They waved signs with the slogan, “Keep The Harbour Open.”", False),
        # the quotation does not end the sentence
        ("Her advice, “leave the car at home,” was ignored by most drivers.", False),
        # no comma before the quotation
        ("Her advice was “leave the car at home and take the tram.”", False),
        # a comma ending the paragraph before introduces nothing in this one
        ("The list ran on: bread, milk,\n\n“Leave the car at home and take the tram.”", False),
    ],
)
def test_comma_introduced_quotation(nlp: Any, text: str, introduced: bool) -> None:
    assert _introduced_at(nlp, text) is introduced


def _mixed(nlp: Any, text: str) -> tuple[ParseView, Candidate]:
    """A mixed candidate over the text up to the first closing mark, cued by the last "said"."""
    view = ParseView.build(nlp(text), text)
    q = find_quotations(text, [(0, len(text))])[0]
    at = text.rindex("said")  # the cue after the quotation
    cand = Candidate(QuoteKind.MIXED, [(0, q.end)], (at, at + 4), None)
    cand.fragments = [(q.inner_start, q.inner_end)]
    return view, cand


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        ("Ana Ruiz “felt a duty to act,” her deputy said. “She could not wait.”", True),
        # a speech verb in the mixed quote's own words: two attributions run together
        ("Asked about it, Ruiz said “we acted,” she said. “We could not wait.”", False),
    ],
)
def test_mixed_quote_before_its_cue_is_carried_on(nlp: Any, text: str, carried: bool) -> None:
    view, cand = _mixed(nlp, text)
    assert _mixed_before_cue(view, cand) is carried
