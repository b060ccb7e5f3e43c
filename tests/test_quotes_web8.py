"""Round 8 precision rules, seen on web pages written blind (pages 19-26).

"Label: value" furniture lines are no colon quotes, quoted words in a list are mentioned,
not used; their controls keep transcript turns, headline lines and scare-quoted verbs.
"""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView


def _contents(nlp: Any, text: str) -> list[str]:
    view = ParseView.build(nlp(text))
    return [" | ".join(text[a:b] for a, b in c.parts) for c in find_candidates(view)]


@pytest.mark.parametrize(
    "text",
    [
        "The visitors won 1-0.\n\nReferee: Alan Tait. Attendance: 8,412.",
        "Coach Ray Dunmore was pleased.\n\nKelton Town: Shaw, Hurst, Bell, Lowe, Carr, Stott.",
        "The plant opens in 2027.\n\nMedia Contact: Jenna Park, press@verdana.example",
        "The plant opens in 2027.\n\nBYLINE: Lena Osei",
        'Words such as "expect," "anticipate" and "believe" identify such statements.',
    ],
)
def test_furniture_and_mentioned_words_are_no_quotes(nlp: Any, text: str) -> None:
    assert not [c for c in _contents(nlp, text) if "2027" not in c and "pleased" not in c]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The talks resumed.\n\nGORDON: We will not sign anything this week.", "We will not sign"),
        ("Q: What changed after the flood?\n\nHOLM: The river moved east.", "What changed"),
        ("Poll: Mayor Holds Wide Lead In Harbour Race", "Mayor Holds"),
        ("Senator Ada Roe urged voters to “recognize” the danger.", "recognize"),
    ],
)
def test_transcripts_headlines_and_scare_quotes_stay(nlp: Any, text: str, kept: str) -> None:
    assert any(kept in c for c in _contents(nlp, text))
