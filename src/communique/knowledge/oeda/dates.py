"""Which code of a knowledge-base entry holds on a date, and which entry a shared name means.

The dictionaries give one person several dated codes ("George Bush": USAELI, then USAGOV
1989-1993, then USAELI) and give the same name to several entries ("President Bush" is both
George H. W. Bush and George W. Bush). The rule, in both cases: the narrowest dated range that
covers the date wins — it is the most specific statement the dictionary makes about that day
(in 1991 "President Bush" is GHWB's USAGOV 1989-1993, not GWB's USAELI 1964-2001). With no date,
the most recent range wins, since an undated article is most likely recent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from communique.knowledge.oeda.records import CodeRange, OedaEntry

__all__ = ["codes_on", "home_country", "resolve"]

_FAR = 10**6  # days: the width given to a range open at one end


def _width(code: CodeRange) -> int:
    if code.start is None or code.until is None:
        return _FAR
    return (code.until - code.start).days


def _recency(code: CodeRange) -> tuple[int, int]:
    until = code.until.toordinal() if code.until else _FAR * 10
    start = code.start.toordinal() if code.start else 0
    return until, start


def codes_on(entry: OedaEntry, day: dt.date | None) -> CodeRange | None:
    """The code of ``entry`` valid on ``day`` (None: the most recent range); None if none holds.

    Example:
        >>> from communique.knowledge.oeda.dictionary import parse_restriction as r
        >>> e = OedaEntry("oeda:X", "X", "person", ("x",), (), (
        ...     r("USAELI 420101-710216"), r("USAGOV 890120-930120"), r("USAELI")))
        >>> codes_on(e, dt.date(1991, 3, 1)).code, codes_on(e, dt.date(2005, 1, 1)).code
        ('USAGOV', 'USAELI')
        >>> codes_on(e, None).code
        'USAGOV'
    """
    dated = [code for code in entry.codes if not code.is_default]
    default = next((code for code in entry.codes if code.is_default), None)
    if day is None:
        return max(dated, key=_recency) if dated else default
    covering = [code for code in dated if code.covers(day)]
    if covering:
        return min(covering, key=lambda code: (_width(code), entry.codes.index(code)))
    return default


def _rank(entry: OedaEntry, day: dt.date | None) -> tuple[int, int, int]:
    code = codes_on(entry, day)
    if code is None:
        return (2, 0, 0)
    if day is None:
        until, start = _recency(code)
        return (0 if not code.is_default else 1, -until, -start)
    return (0 if not code.is_default else 1, _width(code), 0)


def resolve(candidates: Sequence[OedaEntry], day: dt.date | None) -> OedaEntry:
    """The entry a name shared by ``candidates`` means on ``day`` (ties: the first given)."""
    return min(candidates, key=lambda entry: _rank(entry, day))


def home_country(entry: OedaEntry) -> str | None:
    """The country most of the entry's codes name, for dates no range covers (ties: first)."""
    countries = [code.country for code in entry.codes if code.country]
    return max(countries, key=countries.count) if countries else None
