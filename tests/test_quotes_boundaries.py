"""Reported-clause content edges: the day of the statement and a sentence connective are
the writer's, not part of the content; a day that is the clause's subject stays."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView


def _contents(nlp: Any, text: str) -> list[str]:
    view = ParseView.build(nlp(text), text)
    return [" ".join(text[a:b] for a, b in c.parts) for c in find_candidates(view)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister said Tuesday her plan is consistent with the treaty.",
            "her plan is consistent with the treaty",
        ),
        (
            "The governor promised Monday to begin repairs on the dam within a month.",
            "to begin repairs on the dam within a month",
        ),
        (
            "In contrast, rural voters favour the opposition, the survey found.",
            "rural voters favour the opposition",
        ),
        (
            "Even so, the company expects profits to rise, its chief executive said.",
            "the company expects profits to rise",
        ),
    ],
)
def test_leading_day_or_connective_is_not_content(nlp: Any, text: str, content: str) -> None:
    assert content in _contents(nlp, text)


def test_day_as_subject_stays(nlp: Any) -> None:
    text = "Election officials said Sunday would be the last day to register."
    assert _contents(nlp, text) == ["Sunday would be the last day to register"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Ellison is expected to give a victory address later tonight.",
            ["Ellison", "to give a victory address later tonight"],
        ),
        (
            "The central bank governor was asked to explain the rise in rates.",
            ["The central bank governor", "to explain the rise in rates"],
        ),
    ],
)
def test_passive_subject_is_the_first_part(nlp: Any, text: str, parts: list[str]) -> None:
    view = ParseView.build(nlp(text), text)
    cands = find_candidates(view)
    assert [[text[a:b] for a, b in c.parts] for c in cands] == [parts]
    assert cands[0].source is None
