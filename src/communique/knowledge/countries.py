"""The country table: names, variants, demonyms (and their plurals) and capitals.

Countries are the one kind of actor whose every name form can be listed in advance, so they
are matched by table rather than guessed: ISO names from pycountry plus curated short names,
variants ("U.S.", "America"), demonyms ("Russian") and capitals ("Moscow"). Capitals are kept
apart from names because a capital is a country only when it acts ("Moscow said").

The curated table (``communique/data/countries.tsv``) comes first; where it lists no demonym
or no capital for a country, the ``countryinfo`` package fills the gap
(:func:`countryinfo_rows`), so nothing is typed by hand that a maintained package knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from communique.knowledge.packaged import packaged_rows

_DOTS = re.compile(r"\.")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Country:
    """One row of the table."""

    alpha3: str
    name: str
    variants: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


def key(text: str) -> str:
    """Lookup key: case-folded, dots removed, leading "the" dropped, spaces collapsed."""
    folded = _SPACES.sub(" ", _DOTS.sub("", text)).strip().casefold()
    return folded[4:] if folded.startswith("the ") else folded


def _is_acronym(text: str) -> bool:
    bare = _DOTS.sub("", text)
    return len(bare) <= 4 and bare.isalpha() and bare.isupper()


NATIONAL_NOUNS: dict[str, str] = {
    **dict.fromkeys("frenchman frenchwoman".split(), "FRA"),
    **dict.fromkeys("scot scotsman scotswoman briton brit englishman englishwoman".split(), "GBR"),
    **dict.fromkeys("welshman welshwoman".split(), "GBR"),
    **dict.fromkeys("irishman irishwoman".split(), "IRL"),
    **dict.fromkeys("dutchman dutchwoman".split(), "NLD"),
    "pole": "POL",
    "dane": "DNK",
    "swede": "SWE",
    "finn": "FIN",
    "spaniard": "ESP",
    "turk": "TUR",
    "serb": "SRB",
    "croat": "HRV",
    "kiwi": "NZL",
    "aussie": "AUS",
}
"""Nouns naming a person by nationality that are not the adjective ("the Frenchman", "the
Scot", "the Pole"): a description of someone, never a country, so they live apart from the
demonyms, which make a country actor."""


class CountryTable:
    """Lookups by name, demonym and capital. Build it with :func:`country_table`."""

    def __init__(self, rows: Iterable[Country]) -> None:
        rows = list(rows)
        self.rows = tuple(rows)
        self._by_code = {row.alpha3: row for row in rows}
        self._names: dict[str, tuple[str, bool]] = {}
        self._demonyms: dict[str, str] = {}
        self._capitals: dict[str, str] = {}
        for row in rows:
            for name in (row.name, *row.variants):
                self._names.setdefault(key(name), (row.alpha3, _is_acronym(name)))
            for demonym in row.demonyms:
                self._demonyms.setdefault(demonym.casefold(), row.alpha3)
                self._demonyms.setdefault(_plural(demonym).casefold(), row.alpha3)
            for capital in row.capitals:
                self._capitals.setdefault(key(capital), row.alpha3)

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, alpha3: str) -> Country | None:
        """The row for an ISO alpha-3 code."""
        return self._by_code.get(alpha3)

    def by_name(self, text: str) -> str | None:
        """Alpha-3 for a country name or variant. Acronyms ("US") must be written in capitals,
        so the pronoun "us" never becomes the United States."""
        found = self._names.get(key(text))
        if found is None:
            return None
        code, acronym = found
        if acronym and not _DOTS.sub("", text).isupper():
            return None
        return code

    def by_demonym(self, word: str) -> str | None:
        """Alpha-3 for a demonym or its plural ("Russian", "Russians")."""
        return self._demonyms.get(word.casefold()) if word[:1].isupper() else None

    def by_national(self, word: str) -> str | None:
        """Alpha-3 for a person's nationality noun ("Frenchman", "Scot"; not plurals)."""
        return NATIONAL_NOUNS.get(word.casefold()) if word[:1].isupper() else None

    def by_capital(self, text: str) -> str | None:
        """Alpha-3 of the country whose capital (seat of government) this is."""
        return self._capitals.get(key(text))

    def name_of(self, alpha3: str) -> str:
        """Common short name, the canonical name of a country actor."""
        row = self._by_code.get(alpha3)
        return row.name if row else alpha3

    def demonym_of(self, alpha3: str) -> str | None:
        """The first demonym listed for a country, if any."""
        row = self._by_code.get(alpha3)
        return row.demonyms[0] if row and row.demonyms else None


def _plural(word: str) -> str:
    """ "Russians", "Israelis"; "Chinese", "British", "Swiss" do not take an s."""
    return word if word.endswith(("ese", "ss", "sh", "ch")) else word + "s"


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def curated_rows() -> list[Country]:
    """The rows of the packaged, curated table (``communique/data/countries.tsv``)."""
    rows: list[Country] = []
    for row in packaged_rows("countries.tsv"):
        cells = [*row, "", "", "", ""][:5]
        rows.append(
            Country(cells[0], cells[1], _split(cells[2]), _split(cells[3]), _split(cells[4]))
        )
    return rows


def countryinfo_rows(rows: Iterable[Country]) -> list[Country]:
    """``rows`` with missing demonyms and capitals filled in from the countryinfo package.

    What the curated table lists always wins; countryinfo only fills empty cells, so a
    curated correction ("Kyiv", not "Kiev") is never overwritten.
    """
    from countryinfo import CountryInfo

    known: dict[str, tuple[str, str]] = {}
    for data in CountryInfo.all().values():
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            known[str(code)] = (str(data.get("demonym") or ""), str(data.get("capital") or ""))
    rows = list(rows)
    # a filled demonym never takes a word the curated table gives another country
    # (countryinfo calls the French Southern Territories' people "French")
    curated = {d.casefold() for row in rows for d in row.demonyms}
    out = []
    for row in rows:
        demonym, capital = known.get(row.alpha3, ("", ""))
        filled = tuple(d for d in _split(demonym.replace(",", "|")) if d.casefold() not in curated)
        out.append(
            Country(
                row.alpha3,
                row.name,
                row.variants,
                row.demonyms or filled,
                row.capitals or _split(capital.replace(",", "|")),
            )
        )
    return out
