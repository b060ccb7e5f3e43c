"""Data: plain data passed between the quote modules: attribution frames and quote candidates.

Character offsets only, no pydantic and no actors, so the core can be developed, tested and
scored on text and a spaCy ``Doc`` alone; :mod:`.extractor` turns candidates into models.
"""

from __future__ import annotations

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


@dataclass
class Candidate:
    """One quotation found in the text, before it becomes a :class:`~communique.models.Quote`.

    Attributes:
        parts: Content fragments in text order (one for an unsplit quote).
        continues: Index of the candidate this one continues (a quotation with no cue of its
            own that carries on the attribution just before it), else None.
        source_token: Token index of the speaker head, for actor lookup.
        fragments: Quoted fragments inside an indirect quote (what makes it mixed).
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

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]
