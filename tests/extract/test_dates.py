"""Incident dates: date words resolved against the report's own date (dateline or published)."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.extract.dates import anchor_date, explicit_date, resolve

REPORT = date(2011, 10, 10)  # a Monday


@pytest.mark.parametrize("head, published, expected", [
    ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation ...", None, date(2013, 1, 25)),
    ("KABUL, Afghanistan (August 19, 2011)\nIn Nahr-e Saraj district ...", None, date(2011, 8, 19)),
    ("Thursday, January 24, 2019 \n\n\nA car bomb was on Monday rammed into a military base.", None, date(2019, 1, 24)),
    ("KABUL, Afghanistan (May 24)\nIn Argo district ...", "2012-05-24", date(2012, 5, 24)),
    ("A car bomb was rammed into a military base.", "2019-01-24T09:00:00Z", date(2019, 1, 24)),
    ("A car bomb was rammed into a military base.", None, None),
])
def test_anchor_is_the_reports_own_date(head, published, expected):
    assert anchor_date(head, published) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Afghan forces killed two insurgents in Khost province yesterday.", date(2011, 10, 9)),
    ("A patrol killed several insurgents in Gomal district, Paktika province, Monday.", date(2011, 10, 10)),
    ("Forces detained a leader during an operation Saturday.", date(2011, 10, 8)),
    ("Insurgents attacked the base last night.", date(2011, 10, 9)),
    ("Two insurgents were detained during the operation.", REPORT),
    ("Forces confirmed the Oct. 7 arrest of a Taliban leader.", date(2011, 10, 7)),
])
def test_date_words_resolve_against_the_report(sentence, expected):
    assert resolve(sentence, REPORT) == expected


def test_a_day_and_month_after_the_report_is_last_years():
    assert explicit_date("the Dec. 30 attack", date(2012, 1, 3)) == date(2011, 12, 30)
