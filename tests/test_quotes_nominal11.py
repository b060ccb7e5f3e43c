"""Nominal cues, round 11 (issue 14): a noun of deciding or proposing with its to-infinitive
("her plan to close the depot", "the board's decision not to renew …"), and a noun of saying
whose content the copula gives ("Her argument was that …") — with the controls that keep
nouns of mere trying or ability, a question the writer raises and an attributive use out."""

from __future__ import annotations

from typing import Any

import pytest

from quote_candidates import candidate_texts as _quotes


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "Councillor Edda Brandt's plan to close the bus depot drew protests on Friday.",
            "to close the bus depot",
            "plan",
            "Councillor Edda Brandt's",
        ),
        (
            "Staff learned of the trust's decision not to renew the cleaning contract.",
            "not to renew the cleaning contract",
            "decision",
            "the trust's",
        ),
        (
            "Mayor Ilse Varga unveiled a proposal to merge the two harbour clinics.",
            "to merge the two harbour clinics",
            "proposal",
            "Mayor Ilse Varga",
        ),
        (
            "Her argument was that the levy would fall hardest on renters.",
            "the levy would fall hardest on renters",
            "argument was",
            "Her",
        ),
        (
            "The message from Mayor Tomas Olsk is that the bridge will reopen in May.",
            "the bridge will reopen in May",
            "message",
            "Mayor Tomas Olsk",
        ),
    ],
)
def test_nominal_round11(nlp: Any, text: str, content: str, cue: str, source: str | None) -> None:
    assert (content, cue, source) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # trying, ability and chance are not a course of action anyone held or stated
        ("The effort to save the old mill failed in March.", "to save the old mill"),
        ("The club lost its chance to win the cup.", "to win the cup"),
        # a question the writer raises attributes nothing
        (
            "The question is whether the council will approve the budget.",
            "whether the council will approve the budget",
        ),
        # a problem or a reason is the writer's framing, not something anyone said
        ("The problem is that the old bridge is closed.", "the old bridge is closed"),
        ("The reason was that the ferry had broken down.", "the ferry had broken down"),
    ],
)
def test_nominal_round11_controls(nlp: Any, text: str, content: str) -> None:
    assert content not in [c for c, _, _ in _quotes(nlp, text)]
