"""Normalise date expressions found in news text against the article's publication date.

News copy dates events relative to the day it is published ("on Thursday", "last week",
"February 27"). :func:`resolve_date` turns such an expression into a calendar date and says
how precise it is. Parsing is done by `dateparser <https://dateparser.readthedocs.io>`_;
this module only adds two conventions of news writing that dateparser does not know:

1. **Weekday rule.** A bare weekday ("Thursday", "on Friday") names the most recent such
   day on or before publication: a weekday equal to the publication weekday is the
   publication day itself (wire copy says "on Friday" for today), any other weekday is the
   most recent past one. With ``future=True`` (for "will take effect on Sunday") it is
   the next such day instead.
2. **Month-day rule.** A month and day without a year ("February 27") resolve to the year
   (publication year, the one before or the one after) that puts them nearest the
   publication date, so "December 30" written on 2017-01-02 is 2016-12-30.

Granularity is kept: "March 2014" is a month, "2015" a year. Week-level expressions
("last week") come back at day granularity on dateparser's anchor (the publication day
minus seven days) with ``approximate=True``.

Without a publication date only absolute expressions (those that state a year) resolve;
"Thursday" or "last month" then give None.

Results are cached, and dateparser is imported on first use (its first call costs about
0.1-0.3 s while it loads its English data; later calls about 1-3 ms). A bare weekday is
decided by the weekday rule alone and never reaches dateparser.

Example:
    >>> import datetime as dt
    >>> published = dt.date(2016, 8, 26)          # a Friday
    >>> resolve_date("on Thursday", published).value
    datetime.date(2016, 8, 25)
    >>> resolve_date("Friday", published).value    # same weekday: the publication day
    datetime.date(2016, 8, 26)
    >>> r = resolve_date("February 27", published)
    >>> r.value, r.granularity.value
    (datetime.date(2016, 2, 27), 'day')
    >>> resolve_date("next month", published).value
    datetime.date(2016, 9, 1)
    >>> resolve_date("March 2014", None).granularity.value
    'month'
    >>> resolve_date("last week", None) is None
    True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from communique.models import DateGranularity

__all__ = ["ResolvedDate", "looks_like_date", "resolve_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH = re.compile(rf"\b(?:{_MONTHS})(?![a-z])", re.IGNORECASE)
_BARE_WEEKDAY = re.compile(
    rf"^(?:on\s+)?(?:early\s+|late\s+)?({'|'.join(_WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
_DATE_CUE = re.compile(
    rf"\b(?:{'|'.join(_WEEKDAYS)}|{_MONTHS}|today|yesterday|tomorrow|tonight|ago|"
    r"(?:last|next|this|previous|coming|past)\s+(?:week|month|year|weekend))(?![a-z])"
    r"|\b(?:1[89]|20)\d\d\b",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:on|in|since|from|by|until|during|as of)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedDate:
    """A normalised date expression.

    Attributes:
        value: The date. Month granularity gives the first of the month, year
            granularity the first of January.
        granularity: How precise ``value`` is (day, month or year).
        text: The expression that was resolved.
        approximate: True when the expression is vaguer than ``granularity`` says
            (week-level expressions such as "last week").
    """

    value: dt.date
    granularity: DateGranularity
    text: str
    approximate: bool = False


def looks_like_date(text: str) -> bool:
    """Whether ``text`` names a point in time (a weekday, month, year or relative day).

    Used to skip durations ("48-hour", "five-year") before calling dateparser.

    Example:
        >>> looks_like_date("last week"), looks_like_date("five-year")
        (True, False)
    """
    return _DATE_CUE.search(text) is not None


def resolve_date(
    text: str, published: dt.date | None, *, future: bool = False
) -> ResolvedDate | None:
    """Resolve a date expression against a publication date (see the module rules).

    Args:
        text: A date expression, e.g. the text of a spaCy ``DATE`` entity.
        published: The article's publication day; None resolves only expressions that
            state a year.
        future: The sentence speaks of the future ("will take effect on Sunday"): a bare
            weekday is then the publication day or the *next* such day, and dateparser
            prefers future dates. The default is the news rule for past events.

    Returns:
        The resolved date, or None when the text is not a date or cannot be anchored.

    Example:
        >>> import datetime as dt
        >>> resolve_date("December 30", dt.date(2017, 1, 2)).value
        datetime.date(2016, 12, 30)
        >>> resolve_date("in 2015", None).value
        datetime.date(2015, 1, 1)
        >>> resolve_date("on Sunday", dt.date(2016, 8, 26), future=True).value
        datetime.date(2016, 8, 28)
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    return _resolve(" ".join(text.split()), published, future)


@functools.lru_cache(maxsize=4096)
def _resolve(text: str, published: dt.date | None, future: bool) -> ResolvedDate | None:
    if not text or not looks_like_date(text):
        return None
    has_year = _YEAR.search(text) is not None
    if published is None and not has_year:
        return None
    weekday = _BARE_WEEKDAY.match(text)
    if weekday is not None and published is not None:
        # the weekday rule alone decides a bare weekday; dateparser would add nothing
        day = _weekday_rule(_WEEKDAYS.index(weekday.group(1).lower()), published, future)
        return ResolvedDate(day, DateGranularity.DAY, text)
    base = published or dt.date(2000, 1, 1)
    data = _parser(base, future).get_date_data(_LEAD.sub("", text))
    found: Any = data.date_obj
    if found is None:
        return None
    value: dt.date = found.date()
    period = str(data.period or "day")
    parts = tuple(getattr(data, "parts", None) or ())
    if (
        published is not None
        and not has_year
        and _MONTH.search(text)
        and period == "day"
        and "year" not in parts
    ):
        value = _nearest_year(value, published)
    if period == "month":
        return ResolvedDate(value.replace(day=1), DateGranularity.MONTH, text)
    if period == "year":
        return ResolvedDate(dt.date(value.year, 1, 1), DateGranularity.YEAR, text)
    return ResolvedDate(value, DateGranularity.DAY, text, approximate=period == "week")


def _weekday_rule(weekday: int, published: dt.date, future: bool = False) -> dt.date:
    """The publication day if it is that weekday, else the most recent past (or, for the
    future, the next) one."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _nearest_year(value: dt.date, published: dt.date) -> dt.date:
    """The same month and day in the year that lies nearest the publication date."""
    best = value
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = value.replace(year=year)
        except ValueError:  # 29 February in a common year
            continue
        if abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    return best


@functools.lru_cache(maxsize=64)
def _parser(base: dt.date, future: bool = False) -> Any:
    """A dateparser ``DateDataParser`` anchored at ``base`` (English; past preferred unless
    ``future``)."""
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=["en"], settings=settings)
