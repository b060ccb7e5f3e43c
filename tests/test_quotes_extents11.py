"""Content extents, round 11: an "according to X" content ends with the clause X vouches for.

The phrase closing a clause ("…, according to the clerk, but …", "… according to a tally —
despite …") vouches for that clause only; what follows the phrase is the writer's. Controls:
the phrase inside the clause it vouches for, an ", and" clause that carries the figures on,
and a fronted phrase too short to be a claim keep their content.
"""

from __future__ import annotations

from typing import Any

import pytest

from communique.parse import ParseView


def _according(nlp: Any, text: str) -> list[str]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    found = [c for c in find_candidates(view) if c.cue and "according" in text[c.cue[0] : c.cue[1]]]
    return [" | ".join(text[a:b] for a, b in c.parts) for c in found]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Turnout rose by 8 percent in Lowell, according to the county clerk, but the count "
            "is not final.",
            "Turnout rose by 8 percent in Lowell",
        ),
        (
            "Ida Marsh leads Tom Brandt by 90 delegates according to a tally by the Courier - "
            "despite losing Ohio.",
            "Ida Marsh leads Tom Brandt by 90 delegates",
        ),
        (
            "The ferry line carried 2 million riders last year, according to port records, "
            "a figure that surprised the board.",
            "The ferry line carried 2 million riders last year",
        ),
        (
            "Coastal towns (most of them lost residents in 2019, according to the census) "
            "top the list.",
            "most of them lost residents in 2019",
        ),
    ],
)
def test_content_ends_with_the_vouched_clause(nlp: Any, text: str, content: str) -> None:
    assert _according(nlp, text) == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The next day, according to Ann Lee, the talks resumed in Vardo.",
            "The next day | the talks resumed in Vardo",
        ),
        (
            "Four people died in the flood, according to the agency, and 40 more were hurt.",
            "Four people died in the flood | and 40 more were hurt",
        ),
    ],
)
def test_phrase_inside_the_clause_or_before_and_keeps_the_rest(
    nlp: Any, text: str, content: str
) -> None:
    assert _according(nlp, text) == [content]


def test_other_cues_are_not_touched(nlp: Any) -> None:
    from communique.extractors.quotes.boundaries import vouched_clause_end
    from communique.extractors.quotes.candidates import Candidate
    from communique.models import QuoteKind

    text = "Turnout rose by 8 percent, the clerk said, but the count is not final."
    view = ParseView.build(nlp(text), text)
    cue = text.index("said")
    cand = Candidate(
        kind=QuoteKind.INDIRECT, parts=[(0, len(text) - 1)], cue=(cue, cue + 4), source=None
    )
    assert vouched_clause_end(view, cand) is None


def _closing_aside(nlp: Any, text: str, content: str) -> str:
    from communique.extractors.quotes.boundaries import closing_name_aside_end

    view = ParseView.build(nlp(text), text)
    start = text.index(content)
    return text[start : closing_name_aside_end(view, start, start + len(content))]


@pytest.mark.parametrize(
    ("text", "content", "kept"),
    [
        (
            "Senator Ada Brook praised the speech of Ivo Marek, the father of a fallen officer.",
            "the speech of Ivo Marek, the father of a fallen officer",
            "the speech of Ivo Marek",
        ),
        (
            "Mayor Lina Cho defended her ties to the Harbour Trust, a charity that funds shelters.",
            "her ties to the Harbour Trust, a charity that funds shelters",
            "her ties to the Harbour Trust",
        ),
    ],
)
def test_closing_aside_on_a_name_is_cut(nlp: Any, text: str, content: str, kept: str) -> None:
    assert _closing_aside(nlp, text, content) == kept


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a place keeps its apposition, with or without an article
        (
            "Officials said the council studied the flood damage in Vardo, the capital.",
            "the council studied the flood damage in Vardo, the capital",
        ),
        (
            "Officials said the council studied the flood damage in Lowell, Vermont.",
            "the council studied the flood damage in Lowell, Vermont",
        ),
        # no article: the apposition says who is meant by relation, and stays
        (
            "Lina Cho said Tom Brandt began attacking Heidi Marsh, Senator Marsh's wife.",
            "Tom Brandt began attacking Heidi Marsh, Senator Marsh's wife",
        ),
        # a content that starts with the name is name_end's, not this rule's
        (
            "Ada Brook praised Ivo Marek, the father of a fallen officer.",
            "Ivo Marek, the father of a fallen officer",
        ),
    ],
)
def test_other_appositions_are_kept(nlp: Any, text: str, content: str) -> None:
    assert _closing_aside(nlp, text, content) == content
