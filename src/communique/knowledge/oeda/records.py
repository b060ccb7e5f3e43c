"""The typed records of the processed OEDA knowledge base, and their JSON-lines form.

Kept apart from the parser and the matcher so that the shipped data has one definition of its
shape, shared by the build tool (which writes it) and the loader (which reads it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["CodeRange", "OedaEntry", "RoleNoun"]


@dataclass(frozen=True)
class CodeRange:
    """A CAMEO code valid between two dates (inclusive); None bounds are open.

    A range with both bounds None is the entry's default code, used when no dated range covers
    the date asked about.

    Example:
        >>> r = CodeRange("USAGOV", "USA", "GOV", dt.date(2009, 1, 20), None)
        >>> r.covers(dt.date(2012, 5, 1)), r.is_default
        (True, False)
    """

    code: str
    country: str | None
    sector: str | None
    start: dt.date | None
    until: dt.date | None

    @property
    def is_default(self) -> bool:
        """True for an undated code (the fallback when no dated range applies)."""
        return self.start is None and self.until is None

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the range (bounds inclusive, as PETRARCH reads them)."""
        return (self.start is None or self.start <= day) and (
            self.until is None or day <= self.until
        )

    def to_json(self) -> list[Any]:
        """The compact list form stored in the shipped data."""
        return [
            self.code,
            self.country,
            self.sector,
            self.start.isoformat() if self.start else None,
            self.until.isoformat() if self.until else None,
        ]

    @classmethod
    def from_json(cls, row: list[Any]) -> CodeRange:
        """Inverse of :meth:`to_json`."""
        start = dt.date.fromisoformat(row[3]) if row[3] else None
        until = dt.date.fromisoformat(row[4]) if row[4] else None
        return cls(row[0], row[1], row[2], start, until)


@dataclass(frozen=True)
class OedaEntry:
    """One known actor: a person, organisation, country or armed group.

    ``names`` are lower-case token sequences (tokens joined by one space, as spaCy's English
    tokenizer splits them) matched case-insensitively; ``acronyms`` are token sequences in their
    original case, matched case-sensitively so that "UN" never matches "un". ``surnames`` are
    derived, not in the dictionaries: a person's family name when no other entry uses it and it
    is no English word ("mugabe"), a weaker link than a full name.
    """

    kb_id: str
    name: str
    kind: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    codes: tuple[CodeRange, ...]
    surnames: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON object stored, one per line, in the shipped data."""
        return {
            "id": self.kb_id,
            "name": self.name,
            "kind": self.kind,
            "names": list(self.names),
            "acronyms": list(self.acronyms),
            "codes": [code.to_json() for code in self.codes],
            "surnames": list(self.surnames),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> OedaEntry:
        """Inverse of :meth:`to_json`."""
        return cls(
            kb_id=obj["id"],
            name=obj["name"],
            kind=obj["kind"],
            names=tuple(obj["names"]),
            acronyms=tuple(obj["acronyms"]),
            codes=tuple(CodeRange.from_json(row) for row in obj["codes"]),
            surnames=tuple(obj.get("surnames", ())),
        )


@dataclass(frozen=True)
class RoleNoun:
    """A role noun from the agents dictionary ("police", "rebels") and the sector it implies.

    ``code`` is the full agent code (e.g. "GOVFRM" for a foreign minister); ``sector`` its
    first three letters, the part event-data coders compare.
    """

    phrase: str
    sector: str
    code: str
