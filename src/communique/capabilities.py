"""Typed capabilities: what one extractor publishes for the extractors after it.

A capability is a name (``"actors"``) that an extractor lists in ``provides`` and another in
``requires``; the pipeline hands the provider's value to the consumer. The built-in ones
have typed keys here, so ``ctx.require(ACTORS)`` is an :class:`ActorIndex` to mypy as well
as at run time:

- :data:`ACTORS` — an :class:`ActorIndex` over the article's actors (the ``actors`` extractor).
- :data:`QUOTES` — the tuple of :class:`~communique.models.Quote` (the ``quotes`` extractor).
- :data:`AGREEMENTS` — the tuple of :class:`~communique.models.Agreement`.

The types live in the core, not in the package that provides them, so a consumer never
imports another extractor's internals.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from communique.models import Actor, ActorKind, Agreement, Mention, MentionForm, Quote

T = TypeVar("T")


class Capability(Generic[T]):
    """A typed capability key: its ``name`` (as listed in ``requires``/``provides``) and the
    type of its value.

    Example:
        >>> MONEY: Capability[list[str]] = Capability("money", list)
        >>> MONEY.name, MONEY
        ('money', Capability('money'))
    """

    __slots__ = ("name", "type")

    def __init__(self, name: str, type_: type[Any]) -> None:
        self.name = name
        self.type = type_

    def __repr__(self) -> str:
        return f"Capability({self.name!r})"


@dataclass(frozen=True)
class LocatedMention:
    """A mention together with the actor it belongs to."""

    mention: Mention
    actor: Actor

    @property
    def start(self) -> int:
        return self.mention.span.start

    @property
    def end(self) -> int:
        return self.mention.span.end


PHRASE_LINKS = ("appos", "compound", "flat", "nmod")
"""Dependencies that tie a name to the head of the phrase it names (see
:meth:`ActorIndex.actor_for_phrase`)."""


class ActorIndex:
    """Look up actors by character offsets, tokens and sentences.

    Example:
        >>> from communique.models import Actor, ActorKind, Mention, MentionForm, Span
        >>> kerry = Actor(id="actor-1", name="John Kerry", kind=ActorKind.PERSON,
        ...               aliases=("Kerry",), mentions=(Mention(
        ...                   span=Span(start=0, end=5, text="Kerry"), form=MentionForm.NAME),))
        >>> index = ActorIndex([kerry])  # in an extractor: ctx.require(ACTORS)
        >>> index.by_name("kerry").name, index.mention_at(0, 5).actor.id
        ('John Kerry', 'actor-1')
    """

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: tuple[Actor, ...] = tuple(actors)
        self._by_id = {actor.id: actor for actor in self.actors}
        self._by_name: dict[str, Actor] = {}
        for actor in self.actors:  # the first actor, in order, with that name or alias wins
            for name in (actor.name, *actor.aliases):
                self._by_name.setdefault(name.casefold(), actor)
        located = [LocatedMention(m, a) for a in self.actors for m in a.mentions]
        located.sort(key=lambda lm: (lm.start, lm.end, lm.actor.id))
        self._mentions = tuple(located)
        self._starts = [lm.start for lm in located]
        # No mention starts more than this before an offset it covers: bounds the search.
        self._longest = max((lm.end - lm.start for lm in located), default=0)

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def get(self, actor_id: str) -> Actor:
        """The actor with this id (``KeyError`` if unknown)."""
        return self._by_id[actor_id]

    def by_name(self, name: str) -> Actor | None:
        """The actor whose canonical name or an alias equals ``name``, ignoring case."""
        return self._by_name.get(name.casefold())

    @property
    def mentions(self) -> tuple[LocatedMention, ...]:
        """Every mention of every actor, in text order."""
        return self._mentions

    def mentions_between(self, start: int, end: int) -> list[LocatedMention]:
        """Mentions that overlap the character range ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [lm for lm in self._mentions[lo:hi] if lm.end > start]

    def mention_at(self, start: int, end: int) -> LocatedMention | None:
        """The mention that best covers ``[start, end)``: the largest overlap, then the shortest."""
        best: LocatedMention | None = None
        best_key: tuple[int, int] | None = None
        for lm in self.mentions_between(start, end):
            overlap = min(end, lm.end) - max(start, lm.start)
            key = (overlap, -(lm.end - lm.start))
            if best_key is None or key > best_key:
                best, best_key = lm, key
        return best

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor mentioned over ``[start, end)``, or None."""
        found = self.mention_at(start, end)
        return found.actor if found else None

    def actor_for_token(self, token: Any) -> Actor | None:
        """The actor a spaCy token refers to (the token lies inside one of its mentions)."""
        start = int(token.idx)
        return self.actor_at(start, start + len(token.text))

    def actor_for_span(self, span: Any) -> Actor | None:
        """The actor a spaCy ``Span`` (or anything with ``start_char``/``end_char``) refers to."""
        return self.actor_at(int(span.start_char), int(span.end_char))

    def actors_between(self, start: int, end: int) -> list[Actor]:
        """Distinct actors mentioned in ``[start, end)``, in order of first mention."""
        seen: dict[str, Actor] = {}
        for lm in self.mentions_between(start, end):
            seen.setdefault(lm.actor.id, lm.actor)
        return list(seen.values())

    def actors_in_sentence(self, sentence: Any) -> list[Actor]:
        """Distinct actors mentioned in a spaCy sentence ``Span``, in order of mention."""
        return self.actors_between(int(sentence.start_char), int(sentence.end_char))

    def mention_for_token(self, token: Any) -> LocatedMention | None:
        """The mention a spaCy token lies in, with its form (name, nominal or pronoun)."""
        start = int(token.idx)
        return self.mention_at(start, start + len(token.text))

    def actor_for_phrase(
        self,
        token: Any,
        *,
        span: tuple[int, int] | None = None,
        links: tuple[str, ...] = PHRASE_LINKS,
    ) -> Actor | None:
        """The actor a noun phrase headed by ``token`` refers to.

        The token's own mention first; else a name linked to it by one of the ``links``
        dependencies, in apposition or compounded ("the minister, Sergei Lavrov"; "Foreign
        Minister Lavrov" headed by a title); else, when the phrase's character ``span`` is
        given, the actor mentioned over it. A possessor is not the phrase's referent
        ("Kerry's aide" is not Kerry).
        """
        found = self.actor_for_token(token)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ in links and child.i != token.i:
                found = self.actor_for_token(child)
                if found is not None:
                    return found
        return self.actor_at(*span) if span is not None else None

    def actors_of_kind(self, kind: ActorKind | str) -> list[Actor]:
        """Every actor of one kind ("person", ActorKind.COUNTRY, …), in order of mention."""
        wanted = ActorKind(kind)
        return [actor for actor in self.actors if actor.kind is wanted]

    def named_mentions(self, actor: Actor) -> list[Mention]:
        """The actor's mentions by name (not nominal or pronoun)."""
        return [m for m in actor.mentions if m.form is MentionForm.NAME]


ACTORS: Capability[ActorIndex] = Capability("actors", ActorIndex)
"""The article's actors, as an :class:`ActorIndex` (provided by the ``actors`` extractor)."""
QUOTES: Capability[tuple[Quote, ...]] = Capability("quotes", tuple)
"""The article's quotes (provided by the ``quotes`` extractor)."""
AGREEMENTS: Capability[tuple[Agreement, ...]] = Capability("agreements", tuple)
"""The article's agreements (provided by the ``agreements`` extractor)."""

__all__ = [
    "ACTORS",
    "AGREEMENTS",
    "PHRASE_LINKS",
    "QUOTES",
    "ActorIndex",
    "Capability",
    "LocatedMention",
]
