"""Speech cues with no prediction, round 11: a cue after its content that the parser made a
conjunct or an adverbial clause ("…, said the chief executive, Jo Marsh."), a content whose
fronted relative word the parse put before its own cue ("what many analysts said was
a sign"), and a complement clause set off by a comma that was read as a parenthetical on
"She said" — with the controls that keep comparisons and second statements out."""

from __future__ import annotations

from typing import Any

import pytest

from quote_candidates import candidate_texts as _quotes


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "The shipyard will stay open through the winter, its owner, Pieter Lind, told the"
            " Valley Courier.",
            "The shipyard will stay open through the winter",
            "told",
            "its owner, Pieter Lind",
        ),
        (
            "The old paper mill is hanging on, but it is under heavy pressure from imports,"
            " said the company's chief executive, Jo Marsh.",
            "The old paper mill is hanging on, but it is under heavy pressure from imports",
            "said",
            "the company's chief executive, Jo Marsh",
        ),
        (
            "The crew was freed within hours, in what many analysts said was a sign of warmer"
            " relations.",
            "what was a sign of warmer relations",
            "said",
            "many analysts",
        ),
        (
            "She said, if elected, she would ask Mr. Dorn to lead the new commission.",
            "if elected, she would ask Mr. Dorn to lead the new commission",
            "said",
            "She",
        ),
    ],
)
def test_round11_closing_frames(
    nlp: Any, text: str, content: str, cue: str, source: str | None
) -> None:
    assert (content, cue, source) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_content"),
    [
        # a comparison after "than", not an attribution
        ("The deficit grew faster than the budget office had predicted.", "The deficit grew"),
        # "and" before the cue: a second statement, not a cue for the first clause
        ("The plant closed in May, and workers said nothing about it.", "The plant closed"),
        # "as expected": a comparison
        ("Fewer people signed up for the plan, as expected.", "Fewer people"),
    ],
)
def test_round11_controls(nlp: Any, text: str, not_content: str) -> None:
    assert all(not c.startswith(not_content) for c, _, _ in _quotes(nlp, text))


def test_a_complement_set_off_by_a_comma_is_not_an_aside_on_its_verb(nlp: Any) -> None:
    """ "She said, if elected, she would ask …": "would ask" is what she said, not a cue
    whose content is "She said"."""
    found = _quotes(nlp, "She said, if elected, she would ask Mr. Dorn to lead the new commission.")
    assert all(not c.startswith("She said") for c, _, _ in found)


def test_own_cue_cut_leaves_other_contents_whole(nlp: Any) -> None:
    """A content that does not hold its own cue keeps its one part."""
    found = _quotes(nlp, "The inquiry said the documents were hidden for years.")
    assert ("the documents were hidden for years", "said", "The inquiry") in found
