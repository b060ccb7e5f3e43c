"""Content edges PolNeAR draws differently from the parse: a stance noun conveyed by a light
verb belongs to the cue, and a subject cut off by a parenthetical attribution starts the
content (``boundaries.move_stance_nouns`` and ``boundaries.include_cut_subjects``)."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView


def _candidates(nlp: Any, text: str) -> list[Candidate]:
    return find_candidates(ParseView.build(nlp(text), text))


def _content(text: str, cand: Candidate) -> str:
    """The content as the exporter sees it: the complementizer, then the parts."""
    start = cand.complementizer[0] if cand.complementizer else cand.start
    return text[start : cand.end]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Union leader Marta Koval expressed concern that the new shift rules would cut pay.",
            "that the new shift rules would cut pay",
            "expressed concern",
        ),
        (
            "Finance Minister Jonas Berg showed no sign of backing down from the fuel levy.",
            "backing down from the fuel levy",
            "showed no sign of",
        ),
        (
            "Opposition lawmakers voiced dismay at the cuts to rural clinics.",
            "the cuts to rural clinics",
            "voiced dismay at",
        ),
    ],
)
def test_conveyed_stance_noun_is_part_of_the_cue(
    nlp: Any, text: str, content: str, cue: str
) -> None:
    cands = _candidates(nlp, text)
    assert [_content(text, c) for c in cands] == [content]
    assert cands[0].cue is not None
    assert text[slice(*cands[0].cue)] == cue


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Governor Ruth Adeyemi reiterated her frustration over the delays at the port.",
            "her frustration over the delays at the port",
        ),
        (
            "Analyst Rui Campos expressed a deep regret for the decision to close the mine.",
            "a deep regret for the decision to close the mine",
        ),
    ],
)
def test_a_determined_stance_noun_stays_in_the_content(nlp: Any, text: str, content: str) -> None:
    """A possessor or determiner makes the noun phrase the content, as PolNeAR's gold mostly
    does ("his frustration over …")."""
    assert [_content(text, c) for c in _candidates(nlp, text)] == [content]


def test_a_thing_shown_is_not_a_stance(nlp: Any) -> None:
    """ "showed images of" shows a thing: whatever is reported, the noun is not moved out."""
    text = "Mayor Lena Marsh showed images of the flooded villages to the council."
    for cand in _candidates(nlp, text):
        assert not text[cand.start :].startswith("the flooded villages")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Survival, Mr. Okafor says, depends on finding new readers online.", "Survival"),
        ("Time, Ms. Lindqvist added, was on the side of the strikers.", "Time"),
        (
            "In the long run, Governor Paulo Reis said, the dam will pay for itself.",
            "In the long run",
        ),
    ],
)
def test_content_starts_before_a_parenthetical_attribution(nlp: Any, text: str, first: str) -> None:
    cands = _candidates(nlp, text)
    assert len(cands) == 1
    assert text[slice(*cands[0].parts[0])] == first
    assert len(cands[0].parts) == 2


def test_a_fronted_connective_is_not_a_cut_subject(nlp: Any) -> None:
    """Only a noun phrase is given back: "But, X said, …" leaves the content as it was."""
    text = "But, Senator Ana Costa said, the bill will not pass this year."
    for cand in _candidates(nlp, text):
        assert not text[cand.start :].startswith("But")
