"""Which day a figure's period names, read as the Wikinews and press-release corpus writes dates."""

from __future__ import annotations

import pytest

from claimledger.analyze.periods import Day, days_apart, first_date, period_day, period_month

FRIDAY = Day(1, 4, 2019)  # "Friday, January 4, 2019", the dateline of a corpus article


@pytest.mark.parametrize("text, expected", [
    ("Friday, January 4, 2019 \n\nAn apartment building collapsed on Monday", Day(1, 4, 2019)),
    ("KABUL, Afghanistan (Jan. 25, 2013) - An Afghan and coalition security force", Day(1, 25, 2013)),
    ("On 20 Nov 2019 the ministry said", Day(11, 20, 2019)),
    ("published 2019-03-15T10:00:00Z", Day(3, 15, 2019)),
    ("Jan. 8 - insurgents were detained", Day(1, 8)),  # undated release: month and day only
    ("Officials may 20 percent of the budget", None),  # 'may' followed by a number is no date
    ("No date here at all.", None),
])
def test_first_date_reads_datelines_and_inline_dates(text, expected):
    assert first_date(text) == expected


@pytest.mark.parametrize("period, expected", [
    ("yesterday", Day(1, 3, 2019)),
    ("on Monday", Day(12, 31, 2018)),  # the last Monday on or before a Friday's report
    ("last Friday", Day(12, 28, 2018)),  # "last" never means the report's own day
    ("today", FRIDAY),
    ("Jan. 2", Day(1, 2, 2019)),  # a day without a year takes the report's year ...
    ("December 27th", Day(12, 27, 2018)),  # ... or the one that puts it nearest the report: last December
    ("since October", None),  # spans name no single day
    ("every Monday", None),
    ("last week", None),
])
def test_period_day_resolves_against_the_publication_day(period, expected):
    assert period_day(period, FRIDAY) == expected


def test_relative_days_need_a_dated_report():
    assert period_day("yesterday", None) is None
    assert period_day("yesterday", Day(1, 8)) is None  # an undated release's "Jan. 8" has no year


def test_period_month_reads_a_month_alone_or_with_its_year():
    assert period_month("in May 2019", None) == (2019, 5)
    assert period_month("October", FRIDAY) == (2019, 10)
    assert period_month("early March", FRIDAY) == (2019, 3)
    assert period_month("last week", FRIDAY) is None


def test_days_apart_lets_a_missing_year_borrow_the_other():
    assert days_apart(Day(1, 8), Day(1, 10, 2013)) == 2
    assert days_apart(Day(12, 31, 2018), FRIDAY) == 4
    assert days_apart(None, FRIDAY) is None
    assert days_apart(Day(2, 30, 2019), FRIDAY) is None  # no such day


def test_iso_round_trips_with_and_without_a_year():
    for day in (FRIDAY, Day(1, 8)):
        assert Day.parse(day.iso()) == day
    assert Day.parse("2019-01-04T10:00:00+00:00") == FRIDAY
    assert Day.parse("") is None


def test_a_day_without_its_year_is_the_one_nearest_the_report():
    """"NEOC reported a 95% immunization rate on December 24" in a report dated 1 January 2020."""
    new_year = Day(1, 1, 2020)
    assert period_day("December 24", new_year) == Day(12, 24, 2019)
    assert period_day("January 3", Day(12, 30, 2019)) == Day(1, 3, 2020)  # a plan for next month
    assert period_day("June 1", new_year) == Day(6, 1, 2020)  # half a year either way: the report's year
