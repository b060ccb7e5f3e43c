"""communique.dates: dateparser plus the two news rules, granularity, no-publication-date."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.dates import ResolvedDate, looks_like_date, resolve_date
from communique.models import DateGranularity

FRIDAY = dt.date(2016, 8, 26)  # the seed article's publication day, a Friday
DAY, MONTH, YEAR = DateGranularity.DAY, DateGranularity.MONTH, DateGranularity.YEAR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday", "2016-08-26"),  # same weekday as publication: the publication day
        ("on Friday", "2016-08-26"),
        ("Thursday", "2016-08-25"),  # otherwise the most recent past one
        ("on Thursday", "2016-08-25"),
        ("Saturday", "2016-08-20"),
        ("Monday night", "2016-08-22"),
        ("early Sunday", "2016-08-21"),
        ("on Sunday", "2016-08-21"),
    ],
)
def test_weekday_rule(text: str, expected: str) -> None:
    resolved = resolve_date(text, FRIDAY)
    assert resolved is not None
    assert resolved.value.isoformat() == expected
    assert resolved.granularity is DAY


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("February 27", FRIDAY, "2016-02-27"),
        ("Feb. 27", FRIDAY, "2016-02-27"),
        ("December 30", dt.date(2017, 1, 2), "2016-12-30"),  # nearest: the year before
        ("January 3", dt.date(2016, 12, 29), "2017-01-03"),  # nearest: the year after
        ("Aug. 25", FRIDAY, "2016-08-25"),
        ("September 2", FRIDAY, "2016-09-02"),  # a week ahead is nearer than 51 weeks back
    ],
)
def test_month_day_rule(text: str, published: dt.date, expected: str) -> None:
    resolved = resolve_date(text, published)
    assert resolved is not None
    assert resolved.value.isoformat() == expected
    assert resolved.granularity is DAY


def test_stated_year_wins_over_the_month_day_rule() -> None:
    resolved = resolve_date("February 27, 2014", FRIDAY)
    assert resolved == ResolvedDate(dt.date(2014, 2, 27), DAY, "February 27, 2014")


@pytest.mark.parametrize(
    ("text", "expected", "granularity"),
    [
        ("March 2014", "2014-03-01", MONTH),
        ("in 2015", "2015-01-01", YEAR),
        ("2015", "2015-01-01", YEAR),
        ("next month", "2016-09-01", MONTH),
        ("last month", "2016-07-01", MONTH),
        ("last year", "2015-01-01", YEAR),
        ("Friday, Aug. 26, 2016", "2016-08-26", DAY),
    ],
)
def test_granularity(text: str, expected: str, granularity: DateGranularity) -> None:
    resolved = resolve_date(text, FRIDAY)
    assert resolved is not None
    assert resolved.value.isoformat() == expected
    assert resolved.granularity is granularity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", "2016-08-25"),
        ("today", "2016-08-26"),
        ("last week", "2016-08-19"),
        ("two weeks ago", "2016-08-12"),
        ("next week", "2016-09-02"),
    ],
)
def test_relative_expressions(text: str, expected: str) -> None:
    resolved = resolve_date(text, FRIDAY)
    assert resolved is not None
    assert resolved.value.isoformat() == expected
    assert resolved.granularity is DAY


def test_week_level_expressions_are_flagged_approximate() -> None:
    last_week = resolve_date("last week", FRIDAY)
    assert last_week is not None and last_week.approximate
    thursday = resolve_date("Thursday", FRIDAY)
    assert thursday is not None and not thursday.approximate


@pytest.mark.parametrize(
    "text", ["Thursday", "February 27", "last week", "next month", "yesterday"]
)
def test_without_publication_date_relative_expressions_do_not_resolve(text: str) -> None:
    assert resolve_date(text, None) is None


@pytest.mark.parametrize(
    ("text", "expected", "granularity"),
    [
        ("February 27, 2016", "2016-02-27", DAY),
        ("March 2014", "2014-03-01", MONTH),
        ("in 1993", "1993-01-01", YEAR),
    ],
)
def test_without_publication_date_absolute_dates_resolve(
    text: str, expected: str, granularity: DateGranularity
) -> None:
    resolved = resolve_date(text, None)
    assert resolved is not None
    assert resolved.value.isoformat() == expected
    assert resolved.granularity is granularity


@pytest.mark.parametrize(
    "text", ["48-hour", "five-year", "several hours", "the coming days", "", "Geneva"]
)
def test_durations_and_non_dates_give_none(text: str) -> None:
    assert resolve_date(text, FRIDAY) is None


def test_looks_like_date() -> None:
    assert looks_like_date("on Thursday") and looks_like_date("Feb. 27")
    assert not looks_like_date("48-hour")


def test_datetime_publication_is_reduced_to_its_day() -> None:
    published = dt.datetime(2016, 8, 26, 23, 30)
    resolved = resolve_date("Thursday", published)
    assert resolved is not None and resolved.value == dt.date(2016, 8, 25)


def test_whitespace_is_normalised_and_results_are_cached() -> None:
    first = resolve_date("February  27", FRIDAY)
    second = resolve_date("February 27", FRIDAY)
    assert first == second


@pytest.mark.parametrize(
    ("text", "expected"),
    [("on Sunday", "2016-08-28"), ("Friday", "2016-08-26"), ("Thursday", "2016-09-01")],
)
def test_future_sentences_take_the_next_weekday(text: str, expected: str) -> None:
    resolved = resolve_date(text, FRIDAY, future=True)
    assert resolved is not None and resolved.value.isoformat() == expected
