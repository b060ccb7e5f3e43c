"""Data: the working entity: mentions gathered so far plus the evidence about who it is.

An :class:`Entity` is mutable while the layer runs; :mod:`.extractor` freezes each one into a
:class:`~communique.models.Actor` at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from communique.extractors.actors.candidates import Candidate
from communique.models import ActorKind, MentionForm


@dataclass(eq=False)
class Entity:
    """One real-world actor being assembled."""

    kind: ActorKind
    key: tuple[str, ...]
    cands: list[Candidate] = field(default_factory=list)
    name: str = ""
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    former: set[str] = field(default_factory=set)
    """Titles held in the past ("former President Bill Clinton")."""
    gender: str | None = None
    plural: bool = False
    country_votes: Counter[str] = field(default_factory=Counter)
    affiliation: Entity | None = None
    extensions: dict[str, Any] = field(default_factory=dict)

    def add(self, cand: Candidate) -> None:
        self.cands.append(cand)
        if cand.title and self.kind is ActorKind.PERSON:
            self.add_title(cand.title, former=bool(cand.extra.get("former")))
        if cand.country and self.kind is not ActorKind.COUNTRY:
            self.country_votes[cand.country] += 1
        if (
            cand.gender in ("m", "f")
            and self.gender is None
            and cand.form is not MentionForm.PRONOUN
        ):
            self.gender = cand.gender

    def add_title(self, title: str, former: bool = False) -> None:
        if title not in self.titles:
            self.titles.append(title)
            if former:
                self.former.add(title)
        elif not former:
            self.former.discard(title)

    def current_titles(self) -> tuple[str, ...]:
        """Titles not marked former: "the president" is not a former president."""
        return tuple(t for t in self.titles if t not in self.former)

    @property
    def first(self) -> int:
        return min(c.cstart for c in self.cands)

    def names(self) -> list[Candidate]:
        return [c for c in self.cands if c.form is MentionForm.NAME]
