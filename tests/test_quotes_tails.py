"""Tails (:mod:`communique.extractors.quotes.tails`): a second report closing another's
content is its own quote when it can be the same source's act; otherwise the content stays
whole. Read at the candidate level, so the cut and the taken-over source show directly."""

from __future__ import annotations

from typing import Any

import pytest

from quote_candidates import candidate_texts


def test_relative_clause_report_with_pronoun_is_split(nlp: Any) -> None:
    text = (
        "Amir Haddad, a county councillor, called for a new bypass, "
        "which he said the county should pay for."
    )
    got = candidate_texts(nlp, text)
    contents = [c for c, _, _ in got]
    assert "a new bypass" in contents
    assert any(cue == "said" and "the county should pay for" in c for c, cue, _ in got)


def test_subjectless_second_report_takes_the_outer_source(nlp: Any) -> None:
    text = (
        "Senator Rosa Lindqvist was noting the problems the governor had answering questions "
        "about the budget and saying he could not explain the deficit."
    )
    got = candidate_texts(nlp, text)
    saying = [(c, s) for c, cue, s in got if cue == "saying"]
    assert saying == [("he could not explain the deficit", "Senator Rosa Lindqvist")]
    noting = [c for c, cue, _ in got if cue and "noting" in cue]
    assert noting == ["the problems the governor had answering questions about the budget"]


@pytest.mark.parametrize(
    "text",
    [
        # the second verb shares the content's own subject ("the mayor … opposed")
        "The union's newsletter said the mayor backed the pension plan and opposed the cuts.",
        # a coordinated "that" clause continues the same report
        "The ministry said that exports had fallen by a fifth and that it expected a recovery.",
    ],
)
def test_content_stays_whole(nlp: Any, text: str) -> None:
    got = candidate_texts(nlp, text)
    assert len(got) == 1
    assert got[0][1] == "said"
