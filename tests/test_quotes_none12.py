"""Speech cues with no prediction, round 12: a "that" clause after a phrase of the verb of
saying that the parser made a relative clause of the phrase's noun ("said for the first
time that …"), and a clause whose verb the parser took to be a curly contraction ("told me
he’s had …") — with the controls that keep true relative clauses out."""

from __future__ import annotations

from typing import Any

import pytest

from quote_candidates import candidate_texts as _quotes


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "Nadia Ferro also said for the first time that two of the ledgers had turned up.",
            "two of the ledgers had turned up",
            "also said",
            "Nadia Ferro",
        ),
        (
            "Ada Brook insisted for the first time that the harbour fund had been misused.",
            "the harbour fund had been misused",
            "insisted",
            "Ada Brook",
        ),
        (
            "Ivo Marek told reporters for the first time that he would not seek a second term.",
            "he would not seek a second term",
            "told",
            "Ivo Marek",
        ),
        (
            "Marsh told me he’s had a calm life and was not prepared for the storm.",
            "he’s had a calm life and was not prepared for the storm",
            "told",
            "Marsh",
        ),
        (
            "Brook told me she’s had a lucky season and was grateful to the crew.",
            "she’s had a lucky season and was grateful to the crew",
            "told",
            "Brook",
        ),
    ],
)
def test_round12_stranded_clauses(
    nlp: Any, text: str, content: str, cue: str, source: str | None
) -> None:
    assert (content, cue, source) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_in_content"),
    [
        # a true relative clause: its preposition has lost its object ("warm to")
        (
            "She would sing songs and share recipes in a homely style that neighbours could"
            " warm to while never feeling rushed.",
            "neighbours could warm",
        ),
        # "that" is the relative clause's subject: nothing reported
        ("The mayor said at the meeting that was held on Monday.", "was held on Monday"),
    ],
)
def test_round12_true_relatives_stay_out(nlp: Any, text: str, not_in_content: str) -> None:
    assert not any(not_in_content in content for content, _, _ in _quotes(nlp, text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The merger, which was first reported by the Harbour Courier, will close in June.",
            "the Harbour Courier",
        ),
        (
            "The deal, which was announced by the port authority on Monday, covers three ferries.",
            "the port authority",
        ),
    ],
)
def test_round12_passive_relative_word(nlp: Any, text: str, source: str) -> None:
    assert any(c == "which" and s == source for c, _, s in _quotes(nlp, text))


def test_round12_passive_relative_of_judging_stays_out(nlp: Any) -> None:
    # a verb of judging, not of saying: the bare relative word stays below the size floor
    text = "The levy, which was rejected by the council, would have funded the pier."
    assert not any(c == "which" for c, _, _ in _quotes(nlp, text))
