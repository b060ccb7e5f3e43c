"""Seats of government and national institutions that wire news names by metonymy.

"The Kremlin said", "the Pentagon announced": the OEDA dictionaries list people and
organisations, not these buildings, and a newcomer would not guess them. Registered through
the knowledge hook like any user's entries (see :mod:`.csv_actors`), so they show the path a
plugin takes.
"""

from __future__ import annotations

from communique.knowledge.actors import ActorEntry
from communique.models import ActorKind

_ROWS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("White House", (), "USA", "GOV"),
    ("Pentagon", (), "USA", "MIL"),
    ("State Department", ("U.S. State Department",), "USA", "GOV"),
    ("NASA", (), "USA", "GOV"),
    ("Kremlin", (), "RUS", "GOV"),
    ("Downing Street", ("No. 10",), "GBR", "GOV"),
    ("BBC", ("British Broadcasting Corporation",), "GBR", "MED"),
    ("Elysee", ("Élysée", "Elysee Palace", "Élysée Palace"), "FRA", "GOV"),
    ("Quai d'Orsay", (), "FRA", "GOV"),
    ("Zhongnanhai", (), "CHN", "GOV"),
    ("Blue House", (), "KOR", "GOV"),
    ("Bundestag", (), "DEU", "LEG"),
    ("Knesset", (), "ISR", "LEG"),
    ("Duma", ("State Duma",), "RUS", "LEG"),
)

INSTITUTIONS: tuple[ActorEntry, ...] = tuple(
    ActorEntry(
        kb_id=f"institution:{name.replace(' ', '_').upper()}",
        name=name,
        kind=ActorKind.ORGANIZATION,
        aliases=aliases,
        country=country,
        sector=sector,
    )
    for name, aliases, country, sector in _ROWS
)
"""The entries, with country and sector."""

__all__ = ["INSTITUTIONS"]
