"""Offset bookkeeping over a spaCy ``Doc``: characters to tokens, tokens to sentences.

Every span the quote layer reports is a character range into the article text (never a
token index, which is how peers end up with offsets off by a token or a space). These
lookups are built once per document in linear time and answered by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

PUNCT_EDGE = set(" \t\n\r\"'“”‘’«»„‟‹›.,;:!?—–-()[]")
"""Characters trimmed from the edges of content, cue and source spans (as PolNeAR does)."""


class DocView:
    """Read-only helpers over ``text`` and its ``doc``, built in one pass."""

    def __init__(self, text: str, doc: Any, paragraphs: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.doc = doc
        self.paragraphs = list(paragraphs) or [(0, len(text))]
        self._para_starts = [s for s, _ in self.paragraphs]
        self.starts: list[int] = [int(t.idx) for t in doc]
        # sentences, also cut at line breaks: a parse may run a sentence across paragraphs
        n = len(doc)
        self.sent_start: list[int] = [0] * n
        self.sent_end: list[int] = [0] * n
        begin = 0
        for i in range(1, n + 1):
            if i == n or doc[i].is_sent_start or "\n" in doc[i - 1].text:
                for j in range(begin, i):
                    self.sent_start[j] = begin
                    self.sent_end[j] = i
                begin = i

    def __len__(self) -> int:
        return len(self.starts)

    def token_at(self, offset: int) -> int:
        """Index of the token containing or starting after ``offset`` (clamped to the doc)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        if offset >= tok.idx + len(tok.text) and i + 1 < len(self.starts):
            return i + 1
        return i

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def tok_end(self, i: int) -> int:
        tok = self.doc[i]
        return int(tok.idx) + len(tok.text)

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        """The ``(start, end)`` of the paragraph containing ``offset``."""
        return self.paragraphs[self.paragraph_of(offset)]

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph that contains (or precedes) ``offset``."""
        return max(0, bisect.bisect_right(self._para_starts, offset) - 1)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without white space, punctuation and quotation marks at its edges.

        A quotation mark whose partner lies inside the span stays, so a quoted fragment at
        either edge keeps both its marks ('the plan “a disaster”', not 'the plan “a disaster').
        """
        text = self.text
        while start < end and text[start] in PUNCT_EDGE:
            if _closed_inside(text, start, end):
                break
            start += 1
        while end > start and text[end - 1] in PUNCT_EDGE:
            if opened_inside(text, start, end - 1):
                break
            end -= 1
        return start, end

    def strip_space(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


_PARTNER = {"”": "“", "»": "«", "“": "„"}  # closing mark -> its opening mark
_OPENS = {"“": "”", "«": "»", "„": "“"}  # opening mark -> its closing mark


def opened_inside(text: str, start: int, close: int) -> bool:
    """Whether the closing mark at ``close`` ends a quotation opened in ``[start, close)``."""
    mark = text[close]
    if mark == '"':
        return text.count('"', start, close) % 2 == 1
    opener = _PARTNER.get(mark)
    if opener is None:
        return False
    return text.count(opener, start, close) > text.count(mark, start, close)


def _closed_inside(text: str, open_at: int, end: int) -> bool:
    """Whether the opening mark at ``open_at`` is closed again before ``end``."""
    mark = text[open_at]
    if mark == '"':
        return text.count('"', open_at + 1, end) % 2 == 1
    closer = _OPENS.get(mark)
    return closer is not None and closer in text[open_at + 1 : end]
