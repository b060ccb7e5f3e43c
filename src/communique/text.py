"""Plain-text helpers: paragraph spans and chunk boundaries that keep offsets exact."""

from __future__ import annotations

import re

from communique.models import Span

_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"  # one line break, whichever convention
_BLANK_LINE = re.compile(_NEWLINE + r"[ \t\f\v]*" + _NEWLINE)
_BLOCK_SEPARATOR = re.compile(r"(?:[ \t\f\v]*" + _NEWLINE + "){2,}")
_LINE_SEPARATOR = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Split ``text`` into paragraph spans, trimmed of surrounding white space.

    A text with blank lines is split at blank lines (so hard-wrapped paragraphs stay whole);
    a text without any is split at every line break, which is how wire copy and the seed
    article are laid out.

    Example:
        >>> [p.text for p in paragraph_spans("One.\\nTwo.")]
        ['One.', 'Two.']
    """
    separator = _BLOCK_SEPARATOR if _BLANK_LINE.search(text) else _LINE_SEPARATOR
    spans = []
    start = 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            out.append(Span.of(text, begin, end))
    return tuple(out)


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous ``(start, end)`` pieces of at most ``limit`` characters.

    Pieces end after a line break where possible, else after a sentence end, else after
    white space, and only as a last resort mid-word. Concatenated, the pieces are the text,
    so offsets stay exact. An empty text is one empty piece.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    n = len(text)
    if n <= limit:
        return [(0, n)]
    bounds = []
    start = 0
    while n - start > limit:
        window_end = start + limit
        cut = _last_break(text, start, window_end)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


_CUT_PATTERNS = (
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)


def _last_break(text: str, start: int, end: int) -> int:
    """The best cut point in ``text[start:end]``, past its first half where possible."""
    floor = start + (end - start) // 2
    for pattern in _CUT_PATTERNS:
        last = -1
        for match in pattern.finditer(text, floor, end):
            last = match.end()
        if last > start:
            return last
    return end
