"""Users' own actor entries from a CSV file: the easy way to extend the knowledge base.

The OEDA dictionaries end around 2014; a newsroom adds the people and organisations its
articles name since then with one CSV and a ten-line plugin (see ``docs/extractors/actors.md``).
Columns (header row required): ``name``, ``aliases`` (separated by ``|``), ``kind``
(person, organization, country, group; default person), ``country`` (ISO alpha-3),
``sector`` (a code of the actors page), ``kb_id`` (default ``csv:<name>``), ``valid_from``
and ``valid_until`` (ISO dates, optional).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from communique.knowledge.actors import ActorEntry, name_key
from communique.models import ActorKind

__all__ = ["read_actor_csv"]


def _date(cell: str | None) -> dt.date | None:
    return dt.date.fromisoformat(cell.strip()) if cell and cell.strip() else None


def read_actor_csv(path: str | Path) -> list[ActorEntry]:
    """The entries of one CSV file, in file order (rows without a name are skipped).

    Example:
        >>> import tempfile, os
        >>> f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
        >>> _ = f.write("name,aliases,country,sector\\nJane Roe,Roe|J. Roe,GBR,GOV\\n")
        >>> f.close()
        >>> [(e.kb_id, e.aliases, e.country, e.sector) for e in read_actor_csv(f.name)]
        [('csv:jane roe', ('Roe', 'J. Roe'), 'GBR', 'GOV')]
        >>> os.unlink(f.name)
    """
    out = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            out.append(
                ActorEntry(
                    kb_id=(row.get("kb_id") or "").strip() or f"csv:{name_key(name)}",
                    name=name,
                    kind=ActorKind((row.get("kind") or "person").strip().lower()),
                    aliases=aliases,
                    country=(row.get("country") or "").strip().upper() or None,
                    sector=(row.get("sector") or "").strip().upper() or None,
                    valid_from=_date(row.get("valid_from")),
                    valid_until=_date(row.get("valid_until")),
                )
            )
    return out
