"""The working entity: mentions gathered so far plus the evidence about who it is.

An :class:`Entity` is mutable while the layer runs; :mod:`.extractor` freezes each one into a
:class:`~communique.models.Actor` at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from communique.extractors.actors.mentions import Cand
from communique.models import ActorKind, MentionForm


@dataclass(eq=False)
class Entity:
    """One real-world actor being assembled."""

    kind: ActorKind
    key: tuple[str, ...]
    cands: list[Cand] = field(default_factory=list)
    name: str = ""
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    plural: bool = False
    country_votes: Counter[str] = field(default_factory=Counter)
    affiliation: Entity | None = None
    extensions: dict[str, Any] = field(default_factory=dict)

    def add(self, cand: Cand) -> None:
        self.cands.append(cand)
        if cand.title and cand.title not in self.titles and self.kind is ActorKind.PERSON:
            self.titles.append(cand.title)
        if cand.country and self.kind is not ActorKind.COUNTRY:
            self.country_votes[cand.country] += 1
        if cand.gender in ("m", "f") and self.gender is None and cand.form is not \
                MentionForm.PRONOUN:
            self.gender = cand.gender

    def add_title(self, title: str) -> None:
        if title not in self.titles:
            self.titles.append(title)

    @property
    def first(self) -> int:
        return min(c.cstart for c in self.cands)

    def names(self) -> list[Cand]:
        return [c for c in self.cands if c.form is MentionForm.NAME]
