"""Load the shipped OEDA knowledge base lazily and answer questions about it.

One :class:`OedaKnowledge` object reads the data on first use and builds its matcher once per
spaCy vocabulary; nothing is cached at module level, so each Pipeline's knowledge base owns its
copy and tests can load their own small data files.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from communique.knowledge.oeda.dates import codes_on
from communique.knowledge.oeda.records import CodeRange, OedaEntry, RoleNoun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from communique.knowledge.oeda.matcher import ActorMatch, OedaMatcher

__all__ = ["ACTORS_FILE", "ROLES_FILE", "OedaKnowledge", "read_actors", "read_roles"]

ACTORS_FILE = "actors.jsonl.gz"
ROLES_FILE = "roles.tsv"


def _data_dir() -> Path:
    return Path(str(resources.files("communique.knowledge.oeda").joinpath("data")))


def read_actors(path: Path) -> list[OedaEntry]:
    """Every entry of a gzip'd JSON-lines actors file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [OedaEntry.from_json(json.loads(line)) for line in handle if line.strip()]


def read_roles(path: Path) -> list[RoleNoun]:
    """Every role noun of a ``phrase<TAB>sector<TAB>code`` file."""
    text = path.read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO(text), delimiter="\t")
    return [RoleNoun(row[0], row[1], row[2]) for row in rows if len(row) == 3]


class OedaKnowledge:
    """The OEDA actors and role nouns, read on first use from ``data_dir``.

    Example:
        >>> kb = OedaKnowledge()
        >>> kb.entry("oeda:BARACK_OBAMA").name, kb.sector_of_role("police")
        ('Barack Obama', 'COP')
        >>> kb.codes_on(kb.entry("oeda:BARACK_OBAMA"), dt.date(2012, 1, 1)).code
        'USAGOV'
    """

    def __init__(self, data_dir: Path | None = None) -> None:
        self._dir = data_dir if data_dir is not None else _data_dir()
        self._entries: dict[str, OedaEntry] | None = None
        self._roles: dict[str, RoleNoun] | None = None
        self._matchers: dict[int, tuple[Vocab, OedaMatcher]] = {}

    @property
    def entries(self) -> Mapping[str, OedaEntry]:
        """Every actor entry by ``kb_id`` (read from disk on first access)."""
        if self._entries is None:
            self._entries = {e.kb_id: e for e in read_actors(self._dir / ACTORS_FILE)}
        return self._entries

    @property
    def roles(self) -> Mapping[str, RoleNoun]:
        """Every role noun (lower case, singular and plural forms) → its sector."""
        if self._roles is None:
            self._roles = {r.phrase: r for r in read_roles(self._dir / ROLES_FILE)}
        return self._roles

    def entry(self, kb_id: str) -> OedaEntry | None:
        """The entry with this id (``oeda:BARACK_OBAMA``, ``country:USA``), or None."""
        return self.entries.get(kb_id)

    def codes_on(self, entry: OedaEntry, day: dt.date | None) -> CodeRange | None:
        """The code (country, sector) of ``entry`` on a publication date; see ``dates``."""
        return codes_on(entry, day)

    def sector_of_role(self, noun: str) -> str | None:
        """The sector a role noun implies ("police" → COP, "rebels" → REB), or None."""
        role = self.roles.get(" ".join(noun.lower().split()))
        return role.sector if role else None

    def matcher(self, vocab: Vocab) -> OedaMatcher:
        """The phrase matcher for ``vocab``, built on first call and kept for this loader."""
        from communique.knowledge.oeda.matcher import OedaMatcher

        key = id(vocab)
        if key not in self._matchers:
            # Keep the vocab referenced so its id cannot be reused by another object.
            self._matchers[key] = (vocab, OedaMatcher(vocab, self.entries.values()))
        return self._matchers[key][1]

    def match(self, doc: Doc | Span, date: dt.date | None = None) -> list[ActorMatch]:
        """Every known actor in ``doc`` with the entry and code valid on ``date``."""
        return self.matcher(doc.vocab)(doc, date)
