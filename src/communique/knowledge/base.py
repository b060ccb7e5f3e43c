"""The knowledge base: everything the extractors look up rather than compute.

One :class:`KnowledgeBase` belongs to one :class:`~communique.Pipeline`. It starts empty;
plugins fill it through the ``communique_register_knowledge`` hook (the built-in data comes
through that same hook, from :mod:`communique.knowledge.builtin`), the first time the
pipeline needs it. Data that is costly to build (the country table) is built on first use,
once per knowledge base; there are no module-level caches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from communique.knowledge.actor_matcher import DictionaryMatcher
from communique.knowledge.actors import ActorDictionary, ActorEntry
from communique.knowledge.countries import Country, CountryTable
from communique.knowledge.csv_actors import read_actor_csv
from communique.knowledge.oeda.loader import OedaKnowledge
from communique.knowledge.verbs import VerbLexicon
from communique.models import ActorKind

CountrySource = Callable[[], Iterable[Country]]
"""A function returning country rows; called once, when the table is first used."""


class KnowledgeBase:
    """Countries, reporting verbs, titles, first names and actor entries.

    Example:
        >>> kb = KnowledgeBase()
        >>> kb.add_actor("Example Corp", kind="organization", kb_id="x:1", aliases=("ExCo",))
        ActorEntry(kb_id='x:1', name='Example Corp', ...)
        >>> kb.actors.lookup("exco")[0].name
        'Example Corp'
    """

    def __init__(self) -> None:
        self.verbs = VerbLexicon()
        """Reporting verbs and their classes."""
        self.actors = ActorDictionary()
        """Known actors (people, organisations, countries) by name and alias."""
        self.titles: set[str] = set()
        """Lower-case titles that may precede a person's name ("foreign minister")."""
        self.first_names: dict[str, str] = {}
        """Given name → "m" or "f" (weak evidence of a person and of gender)."""
        self.place_adjectives: dict[str, str] = {}
        """Lower-case place adjective → place name ("syrian" → "Syria"), for locations."""
        self.oeda: OedaKnowledge | None = None
        """The OEDA actor and agent dictionaries (set by the built-in plugin; read lazily)."""
        self.role_sectors: dict[str, str] = {}
        """Lower-case role noun → sector code, consulted before the OEDA agents list."""
        self.subnational: dict[str, str] = {}
        """Sub-national place ("Kentucky") → its country's alpha-3 code."""
        self.actor_matcher = DictionaryMatcher(self.actors)
        """Finds the names of :attr:`actors` in a parsed text."""
        self._country_sources: list[CountrySource] = []
        self._countries: CountryTable | None = None

    # -- countries -------------------------------------------------------------------------

    def add_countries(self, source: CountrySource) -> None:
        """Register a source of country rows. Earlier sources win where two list a name."""
        if self._countries is not None:
            raise RuntimeError("the country table is built already; add countries in the hook")
        self._country_sources.append(source)

    @property
    def countries(self) -> CountryTable:
        """The country table, built from every registered source on first use."""
        if self._countries is None:
            rows = [row for source in self._country_sources for row in source()]
            self._countries = CountryTable(rows)
        return self._countries

    def adjective_place(self, word: str) -> str | None:
        """The place a lower-case adjective names: "syrian" → "Syria"; else None.

        The hand-made :attr:`place_adjectives` first, then every demonym in the country table.
        """
        found = self.place_adjectives.get(word)
        if found is not None:
            return found
        code = self.countries.by_demonym(word[:1].upper() + word[1:]) if word else None
        return self.countries.name_of(code) if code else None

    # -- actors ----------------------------------------------------------------------------

    def add_actor(
        self,
        name: str,
        *,
        kind: ActorKind | str,
        kb_id: str,
        aliases: Iterable[str] = (),
        country: str | None = None,
        sector: str | None = None,
        valid_from: dt.date | None = None,
        valid_until: dt.date | None = None,
    ) -> ActorEntry:
        """Add a known actor and return its entry (see :class:`ActorEntry`)."""
        entry = ActorEntry(
            kb_id=kb_id,
            name=name,
            kind=ActorKind(kind),
            aliases=tuple(aliases),
            country=country,
            sector=sector,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        self.actors.add(entry)
        return entry

    def add_actors_csv(self, path: str | Path) -> int:
        """Add every entry of a CSV file (see :mod:`.csv_actors`); returns how many."""
        entries = read_actor_csv(path)
        for entry in entries:
            self.actors.add(entry)
        return len(entries)

    def add_role(self, noun: str, sector: str) -> None:
        """Teach a role noun's sector ("coastguard" → "MIL"); singular and plural apart."""
        self.role_sectors[" ".join(noun.lower().split())] = sector

    def role_sector(self, noun: str) -> str | None:
        """The sector a role noun implies: :attr:`role_sectors`, then the OEDA agents.

        Example:
            >>> kb = KnowledgeBase()
            >>> kb.add_role("coastguard", "MIL")
            >>> kb.role_sector("Coastguard"), kb.role_sector("pilots")
            ('MIL', None)
        """
        key = " ".join(noun.lower().split())
        found = self.role_sectors.get(key)
        if found is None and self.oeda is not None:
            found = self.oeda.sector_of_role(key)
        return found or None  # "" in role_sectors: the noun implies no sector

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase {len(self.verbs)} verbs, {len(self.actors)} actors, "
            f"{len(self.titles)} titles, {len(self.first_names)} first names>"
        )

    def summary(self) -> dict[str, Any]:
        """Counts per kind of entry (for ``Pipeline.explain`` and debugging)."""
        return {
            "verbs": len(self.verbs),
            "actors": len(self.actors),
            "titles": len(self.titles),
            "first_names": len(self.first_names),
            "countries": len(self.countries),
        }


__all__ = ["CountrySource", "KnowledgeBase"]
