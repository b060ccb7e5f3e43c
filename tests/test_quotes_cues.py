"""The quote core's cue classes of round four, on the parse alone (no actors layer): the
generated cue table, attitude adjectives, "X as Y" views, questions asked with "if", wishes
with their own subject, nouns of committing, stance objects of topic verbs, and the guards
that keep acts, dates and attributive adjectives out."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.lexicon import ADJECTIVE_CUES, OBJECT_CONTENT, VIEWING
from communique.knowledge.verbs import complements_of, cue_complements
from quote_candidates import candidate_texts as _quotes


def test_cue_table_reaches_the_lexicon_classes() -> None:
    """Every row of the packaged table is merged into the class its complement names (the
    rule that keeps a row is checked in ``test_cue_table.py``)."""
    rows = cue_complements()
    assert len(rows) >= 30
    assert all(r.cues >= 2 for r in rows), [r for r in rows if r.cues < 2]
    assert complements_of("verb", "dobj") <= OBJECT_CONTENT
    assert complements_of("verb", "as") <= VIEWING
    assert all(lemma in ADJECTIVE_CUES for lemma in complements_of("adj"))


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "Senator Paul Amari has been critical of the trade deal since March.",
            "the trade deal",
            "critical of",
            "Senator Paul Amari",
        ),
        (
            "Coach Dina Mercer is confident that her team will reach the final.",
            "her team will reach the final",
            "confident",
            "Coach Dina Mercer",
        ),
        (
            "Economist Rana Patel views the tariff as a tax on consumers.",
            "the tariff as a tax on consumers",
            "views",
            "Economist Rana Patel",
        ),
        (
            "Governor Alma Reyes reiterated her support for the coastal wind farm.",
            "her support for the coastal wind farm",
            "reiterated",
            "Governor Alma Reyes",
        ),
        (
            "Most voters want the state to lower the gas tax before winter.",
            "the state to lower the gas tax before winter",
            "want",
            "Most voters",
        ),
        (
            "The reporter asked if the mayor had known about the audit.",
            "if the mayor had known about the audit",
            "asked",
            "The reporter",
        ),
        (
            "Her promise to cut property taxes won over the suburbs.",
            "to cut property taxes",
            "promise",
            "Her",
        ),
        (
            "The coach offered his assessment of the new stadium at a news conference.",
            "his assessment of the new stadium",
            "offered",
            "The coach",
        ),
    ],
)
def test_cue_classes(nlp: Any, text: str, content: str, cue: str, source: str) -> None:
    found = _quotes(nlp, text)
    assert any(c == content and q is not None and cue in q for c, q, _ in found), found
    hit = next(s for c, _, s in found if c == content)
    assert hit == source


@pytest.mark.parametrize(
    ("text", "not_content"),
    [
        ("The pilots repeated the landing twice because of crosswinds.", "the landing"),
        ("The bridge is critical to the region's economy.", "the region's economy"),
        ("Witnesses saw the truck near the border crossing.", "the truck"),
        ("The agency released a statement on the outage late on Friday.", "a statement"),
        ("Ada Brook wrote on Tuesday about the closure of the mill.", "Tuesday"),
    ],
)
def test_acts_and_dates_are_not_content(nlp: Any, text: str, not_content: str) -> None:
    """An act repeated, an attributive adjective, a thing seen, an artefact released and a
    date are not what anyone said."""
    assert all(not c.startswith(not_content) for c, _, _ in _quotes(nlp, text))
