"""A quotation led by a few words of the speaker's own sentence, after their direct quote.

"“We will not rush,” said Ines Lund, who chairs the board. Ames “got it wrong. That
happens.”" — the second sentence holds a quotation with no cue of its own, opened after a
short lead ("Ames", "But", "It's") that is part of what the speaker is reported to say.
PolNeAR joins lead and quotation to the direct quote before it as a second part; the
quotation alone neither opens its sentence (so it is no cue-less quote) nor has a verb that
governs it (so it is no mixed quote), and it was lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.marks import Quotation
from communique.models import QuoteKind
from communique.parse import ParseView

MAX_LEAD_WORDS = 3
"""Longest lead: a name, a conjunction, a pronoun and its verb ("It's"); a longer one is
the writer's clause more often than the speaker's."""

_ENDS = ".!?"
_MARKS = "“”\"'‘’«»"


def led_start(
    view: ParseView, q: Quotation, speechlike: bool, before: Sequence[Candidate]
) -> int | None:
    """Where the lead of ``q`` starts, when ``q`` is a speech-like quotation that ends its
    sentence after a lead of at most :data:`MAX_LEAD_WORDS` words with no verb of its own
    (an auxiliary is allowed), and the last candidate ``before`` it is a direct quote with a
    cue in the same paragraph; else None."""
    if not speechlike or not before or not _ends_sentence(view.text, q.end):
        return None
    last = before[-1]
    start = _sentence_start(view.text, q.start, view.paragraph_bounds(q.start)[0])
    lead = view.text[start : q.start]
    if (
        last.kind is not QuoteKind.DIRECT
        or last.cue is None
        or last.end > start
        or view.paragraph_of(last.start) != view.paragraph_of(q.start)
        or not lead.strip()
        or len(lead.split()) > MAX_LEAD_WORDS
        or any(ch in _MARKS or ch in ",:;()—–" for ch in lead)
    ):
        return None
    tokens = view.tokens_in(start, q.start)
    if any(view.pos[i] == "VERB" for i in tokens):
        return None
    return start


def _sentence_start(text: str, mark: int, floor: int) -> int:
    """The first character of the sentence that holds the mark at ``mark``: after the
    last sentence end (with its closing mark) and spaces before it, or ``floor``."""
    i = mark
    while i > floor:
        ch = text[i - 1]
        if ch.isspace():
            j = i - 1
            while j > floor and text[j - 1] in '”"’»':
                j -= 1
            if j > floor and text[j - 1] in _ENDS:
                return i
        i -= 1
    return floor


def _ends_sentence(text: str, end: int) -> bool:
    """The quotation closing at ``end`` ends its sentence: a sentence end right after the
    closing mark ("…”."), or inside it ("….”") with the line or a new sentence after it."""
    if text[end : end + 1] in tuple(_ENDS):
        return True
    if end < 2 or text[end - 2] not in _ENDS:
        return False
    rest = text[end:].lstrip(" \t")
    return not rest or rest[0] in "\n\r" or rest[0].isupper() or rest[0] in '“"'
