"""Cues from general lexical knowledge (WordNet 3.0, ``word_senses.tsv``): verbs kin to the
judging and stating verbs, and light verbs with a noun of saying; with the guards that keep
acts, signatures and lawsuits out."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.lexicon import (
    CONVEYED_NOUNS,
    OBJECT_CONTENT,
    SPEECH,
    WORDNET_CLAUSE,
    WORDNET_OBJECT,
)
from communique.knowledge.verbs import first_sense, word_senses
from quote_candidates import candidate_texts as _quotes


def test_word_senses_table() -> None:
    """The packaged table reads back with senses in WordNet's order and broader terms for
    verbs; words with no sense of saying, thinking or feeling are absent."""
    table = word_senses()
    assert len(table) > 5000
    assert table[("verb", "castigate")].senses[0] == "communication"
    assert "criticize" in table[("verb", "castigate")].broader
    assert table[("noun", "allegation")].broader == ()
    assert first_sense("verb", "walk") is None
    assert first_sense("noun", "remorse") == "feeling"


def test_wordnet_classes_add_to_the_hand_written_lists() -> None:
    """The WordNet classes only add verbs no hand-written list holds, and leave out the
    verbs of acting that WordNet files under communication ("sign", "file", "face")."""
    assert not WORDNET_OBJECT & (OBJECT_CONTENT | SPEECH)
    assert not WORDNET_CLAUSE & SPEECH
    assert {"castigate", "extol", "deplore", "rubbish"} <= WORDNET_OBJECT
    assert "reaffirm" in WORDNET_CLAUSE
    assert not {"sign", "file", "face", "deliver", "promote"} & (WORDNET_OBJECT | WORDNET_CLAUSE)
    assert {"comment", "allegation", "case", "swipe"} <= CONVEYED_NOUNS


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "Mayor Ines Duarte castigated the transport authority for the delays.",
            "the transport authority for the delays",
            "castigated",
            "Mayor Ines Duarte",
        ),
        (
            "Opposition leader Paulo Reis deplored the decision to close the ward.",
            "the decision to close the ward",
            "deplored",
            "Opposition leader Paulo Reis",
        ),
        (
            "The dockers' union reaffirmed that its members would strike on Friday.",
            "its members would strike on Friday",
            "reaffirmed",
            "The dockers' union",
        ),
        (
            "Senator Joana Lima made the case that the tax cut would pay for itself.",
            "the tax cut would pay for itself",
            "made the case",
            "Senator Joana Lima",
        ),
        (
            "Defense Minister Hugo Matos took a swipe at the opposition's budget plan.",
            "the opposition's budget plan",
            "took a swipe at",
            "Defense Minister Hugo Matos",
        ),
    ],
)
def test_wordnet_cues(nlp: Any, text: str, content: str, cue: str, source: str) -> None:
    assert (content, cue, source) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_content"),
    [
        ("President Carla Neves signed the housing bill on Friday.", "the housing bill"),
        ("The city council filed a lawsuit against the water company.", "the water company"),
        ("The airline faced a fine of two million euros after the strike.", "a fine"),
        ("The campaign promoted the new candidate at every rally.", "the new candidate"),
        ("She made a donation to the hospital last year.", "the hospital"),
    ],
)
def test_acts_are_not_content(nlp: Any, text: str, not_content: str) -> None:
    assert all(not c.startswith(not_content) for c, _, _ in _quotes(nlp, text))
