"""Content extents, round 9: a clause content takes the condition right after it that the parse
hung outside it (an inverted "should he win", or "if"/"unless"/"because" with no comma), which
PolNeAR keeps with what was said; objects and clauses after a comma keep their end."""

from __future__ import annotations

from typing import Any

import pytest

from communique.parse import ParseView


def _condition_end(nlp: Any, text: str, content: str) -> str:
    from communique.extractors.quotes.boundaries import condition_end

    view = ParseView.build(nlp(text), text)
    start = text.index(content)
    return text[start : condition_end(view, start, start + len(content))]


def _contents(nlp: Any, text: str) -> list[list[str]]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    return [[text[a:b] for a, b in c.parts] for c in find_candidates(view)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Ines Kolar said she would step down should the council reject the budget.",
            "she would step down should the council reject the budget",
        ),
        (
            "Tomas Brenner pledged to rebuild the pier should he win the election.",
            "to rebuild the pier should he win the election",
        ),
        (
            "Councillor Mira Dahl vowed to repeal the parking charge should she be elected in May.",
            "to repeal the parking charge should she be elected in May",
        ),
        (
            "Nora Quist said she would back the plan should it include the north shore.",
            "she would back the plan should it include the north shore",
        ),
    ],
)
def test_inverted_condition_joins_the_reported_clause(nlp: Any, text: str, content: str) -> None:
    assert content in [parts[0] for parts in _contents(nlp, text)]


def test_inverted_condition_after_a_comma_is_taken(nlp: Any) -> None:
    text = "Mayor Ines Kolar said she would step down, should the council reject the budget."
    taken = _condition_end(nlp, text, "she would step down")
    assert taken == "she would step down, should the council reject the budget"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an object, not a clause
        ("Nora Quist backed the plan should it include the north shore.", "the plan"),
        # "if" after a comma: as often the writer's clause as the source's
        (
            "Mayor Ines Kolar said she would step down, if the council rejected the budget.",
            "she would step down",
        ),
        # a clause of time is not a condition
        (
            "Mayor Ines Kolar said she would step down when the council rejected the budget.",
            "she would step down",
        ),
    ],
)
def test_objects_comma_clauses_and_time_clauses_keep_their_end(
    nlp: Any, text: str, content: str
) -> None:
    assert _condition_end(nlp, text, content) == content


def _infinitive_end(nlp: Any, text: str, content: str) -> str:
    from communique.extractors.quotes.boundaries import infinitive_end

    view = ParseView.build(nlp(text), text)
    start = text.index(content)
    return text[start : infinitive_end(view, start, start + len(content))]


def test_for_to_clause_after_a_verb_of_asking_is_taken(nlp: Any) -> None:
    text = "Senator Ada Brook called for the port authority to publish the minutes of its meetings."
    taken = _infinitive_end(nlp, text, "the port authority")
    assert taken == "the port authority to publish the minutes of its meetings"


def test_purpose_infinitive_after_other_for_phrases_stays_out(nlp: Any) -> None:
    text = "Ines Kolar voted for the bill to show her support for the fishermen."
    assert _infinitive_end(nlp, text, "the bill") == "the bill"


def _relative_end(nlp: Any, text: str, content: str) -> str:
    from communique.extractors.quotes.boundaries import relative_end

    view = ParseView.build(nlp(text), text)
    start = text.index(content)
    return text[start : relative_end(view, start, start + len(content))]


@pytest.mark.parametrize(
    ("text", "content", "kept"),
    [
        (
            "Senator Lia Berg questioned the health of Ivo Marek, who is 70.",
            "the health of Ivo Marek, who is 70",
            "the health of Ivo Marek",
        ),
        (
            "The mayor defended the harbour bill, which passed the council in 2013.",
            "the harbour bill, which passed the council in 2013",
            "the harbour bill",
        ),
    ],
)
def test_closing_relative_aside_on_a_name_or_the_head_is_cut(
    nlp: Any, text: str, content: str, kept: str
) -> None:
    assert _relative_end(nlp, text, content) == kept
    assert [kept] in _contents(nlp, text)


def test_relative_clause_on_another_common_noun_stays(nlp: Any) -> None:
    text = "Olav Dahl praised the crews who rescued the ferry, which sank in May."
    content = "the crews who rescued the ferry, which sank in May"
    assert _relative_end(nlp, text, content) == content
