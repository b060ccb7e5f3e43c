"""Data: plain data passed between the quote modules: attribution frames and quote candidates.

Character offsets only, no pydantic and no actors, so the core can be developed, tested and
scored on text and a spaCy ``Doc`` alone; :mod:`.extractor` turns candidates into models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from communique.models import QuoteKind

Range = tuple[int, int]
"""A character range ``[start, end)`` into the article text."""


@dataclass
class Frame:
    """An attribution found from the parse: a cue, maybe a source, maybe content.

    Attributes:
        cue_token: Index of the cue's head token (the verb, noun or "according").
        cue: Character range of the cue (verb group, "according to", "statement").
        source: Character range of the source phrase, if the parse shows one.
        source_token: Index of the source's head token.
        content: Content fragments (excluding the complementizer), or empty when the cue
            has no clause of its own (e.g. "“…,” he said", where the quotation is content).
        complementizer: The leading "that", excluded from content but kept for exporters.
        attachment: How the content hangs on the cue ("ccomp", "parataxis", "xcomp",
            "dobj", "according", "noun"); it sets the confidence.
    """

    cue_token: int
    cue: Range
    source: Range | None
    source_token: int | None
    content: list[Range] = field(default_factory=list)
    complementizer: Range | None = None
    attachment: str = ""
    used: bool = False
    fragments: list[Range] = field(default_factory=list)
    negated: bool = False


@dataclass
class Candidate:
    """One quotation found in the text, before it becomes a :class:`~communique.models.Quote`.

    Attributes:
        parts: Content fragments in text order (one for an unsplit quote).
        continues: Index of the candidate this one continues (a quotation with no cue of its
            own that carries on the attribution just before it), else None.
        source_token: Token index of the speaker head, for actor lookup.
        fragments: Quoted fragments inside an indirect quote (what makes it mixed).
        negated: The statement is reported as denied or not made ("did not say that …").
    """

    kind: QuoteKind
    parts: list[Range]
    cue: Range | None
    source: Range | None
    source_token: int | None = None
    complementizer: Range | None = None
    confidence: float = 0.8
    continues: int | None = None
    fragments: list[Range] = field(default_factory=list)
    negated: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


EndFinder = Callable[[int, int, Range], int]
"""Where a reported content ``[a, b)`` with cue ``cue`` should end instead (``b`` if not)."""


def extend_content_ends(candidates: Sequence[Candidate], finders: Sequence[EndFinder]) -> None:
    """Move the end of each one-part reported content to the first finder's new end: the
    shared loop of the content-edge steps (:mod:`.elaboration`, :mod:`.clause_rest`)."""
    for cand in candidates:
        if cand.kind is QuoteKind.DIRECT or cand.cue is None or len(cand.parts) != 1:
            continue
        a, b = cand.parts[0]
        for finder in finders:
            new_b = finder(a, b, cand.cue)
            if new_b != b:
                cand.parts[0] = (a, new_b)
                break
