"""Shared by the quote-core tests: the quote core's candidates for one text, as plain text.

The tests read candidates (before screening-by-actors and Article building), so that a
failing rule shows its own content, cue and source rather than the Article's final quote.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView


def candidate_texts(nlp: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, source) of every candidate, as text."""
    view = ParseView.build(nlp(text), text)
    out = []
    for cand in find_candidates(view):
        content = " ".join(text[a:b] for a, b in cand.parts)
        cue = text[cand.cue[0] : cand.cue[1]] if cand.cue else None
        source = text[cand.source[0] : cand.source[1]] if cand.source else None
        out.append((content, cue, source))
    return out


def extended(
    nlp: Any, text: str, content: str, end_of: Callable[[ParseView, int, int], int]
) -> str:
    """``content`` (its first occurrence in ``text``) as far as the extent rule ``end_of``
    (``boundaries.name_end``, ``object_phrase_end`` …) takes it."""
    view = ParseView.build(nlp(text), text)
    start = text.index(content)
    return text[start : end_of(view, start, start + len(content))]
