"""Actor entries: known people, organisations and countries, with their aliases.

A :class:`ActorEntry` is what a dictionary knows about an actor before any article is read:
its canonical name, aliases, kind, country, sector, a stable knowledge-base id and the dates
between which the entry holds ("Foreign Minister of Russia" from 2004). Plugins add entries
through the ``communique_register_knowledge`` hook (a newsroom's list of people, say); the
actors extractor links the names it finds to them by :meth:`ActorDictionary.lookup`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from communique.models import ActorKind

_SPACES = re.compile(r"\s+")
_CODE = re.compile(r"[A-Z]{3}")


def name_key(name: str) -> str:
    """Lookup key of a name: case-folded, dots dropped, spaces collapsed."""
    return _SPACES.sub(" ", name.replace(".", "")).strip().casefold()


@dataclass(frozen=True)
class ActorEntry:
    """One known actor.

    Attributes:
        kb_id: Stable id in its source ("oeda:USAGOV", "newsroom:1234"); unique per dictionary.
        name: Canonical name, used as ``Actor.name`` when an article mentions the entry.
        kind: Person, organisation, country, group or other.
        aliases: Other names that refer to the same actor.
        country: ISO 3166-1 alpha-3 code of the actor's country, if any.
        sector: CAMEO/PLOVER sector code ("GOV", "MIL", "BUS", "IGO", …; docs: actors page).
        valid_from, valid_until: The period in which the entry holds (None: open).
    """

    kb_id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def __post_init__(self) -> None:
        # checked here, where a plugin registers the entry, so that a wrong code is a clear
        # error at start-up instead of Articles that fail validation when read back
        for field, value in (("country", self.country), ("sector", self.sector)):
            if value is not None and not _CODE.fullmatch(value):
                raise ValueError(
                    f"actor entry {self.kb_id!r}: {field} must be a three-letter upper-case "
                    f"code ({'ISO 3166-1 alpha-3' if field == 'country' else 'CAMEO/PLOVER'}),"
                    f" got {value!r}"
                )

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the entry holds on ``day`` (always, when the day is unknown)."""
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until


class ActorDictionary:
    """Actor entries, looked up by any of their names.

    Example:
        >>> actors = ActorDictionary()
        >>> actors.add(ActorEntry("x:1", "Sergei Lavrov", ActorKind.PERSON,
        ...                       aliases=("Lavrov",), country="RUS"))
        >>> [e.kb_id for e in actors.lookup("LAVROV")]
        ['x:1']
    """

    def __init__(self) -> None:
        self._entries: dict[str, ActorEntry] = {}
        self._by_name: dict[str, list[str]] = {}

    def add(self, entry: ActorEntry) -> None:
        """Add an entry; a later entry with the same ``kb_id`` replaces the earlier one."""
        old = self._entries.get(entry.kb_id)
        if old is not None:
            for name in (old.name, *old.aliases):
                ids = self._by_name.get(name_key(name), [])
                if entry.kb_id in ids:
                    ids.remove(entry.kb_id)
        self._entries[entry.kb_id] = entry
        for name in (entry.name, *entry.aliases):
            ids = self._by_name.setdefault(name_key(name), [])
            if entry.kb_id not in ids:
                ids.append(entry.kb_id)

    def get(self, kb_id: str) -> ActorEntry | None:
        """The entry with this id, if any."""
        return self._entries.get(kb_id)

    def lookup(self, name: str, *, on: dt.date | None = None) -> list[ActorEntry]:
        """Entries with this name or alias (ignoring case and dots), valid on ``on``."""
        found = (self._entries[k] for k in self._by_name.get(name_key(name), ()))
        return [e for e in found if e.valid_on(on)]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries.values())


__all__ = ["ActorDictionary", "ActorEntry", "name_key"]
