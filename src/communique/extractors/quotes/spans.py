"""Helper: span edges: trimming punctuation and quotation marks the way PolNeAR's spans end.

Every span the quote layer reports is a character range into the article text (never a
token index, which is how peers end up with offsets off by a token or a space); the offset
lookups themselves are on the pipeline's :class:`~communique.parse.ParseView`.
"""

from __future__ import annotations

PUNCT_EDGE = set(" \t\n\r\"'“”‘’«»„‟‹›.,;:!?—–-()[]")
"""Characters trimmed from the edges of content, cue and source spans (as PolNeAR does)."""


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without white space, punctuation and quotation marks at its edges.

    A quotation mark whose partner lies inside the span stays, so a quoted fragment at
    either edge keeps both its marks ('the plan “a disaster”', not 'the plan “a disaster').

    Example:
        >>> text = ' “Never,” he said.'
        >>> text[slice(*trim(text, 0, 9))]
        '“Never,”'
    """
    while start < end and text[start] in PUNCT_EDGE:
        if _closed_inside(text, start, end):
            break
        start += 1
    while end > start and text[end - 1] in PUNCT_EDGE:
        if opened_inside(text, start, end - 1):
            break
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
