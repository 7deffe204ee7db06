"""Contest: intervals, the tolerance, revisions versus disputes, and the conservative best estimate."""

from __future__ import annotations

import math

from claimledger.analyze.contest import (
    LISTED_FIGURES, TOLERANCE, Claim, agree, disagree, estimate, interval, judge, listed_ranks, revision,
)


def claim(figure, low, claimant, *, measure="deaths", high=None, qualifier=None, date=None, order=None, **kw):
    return Claim(figure, measure, low, high if high is not None else low, qualifier, claimant, date=date,
                 order=order or (date or "", figure), **kw)


def test_intervals_follow_the_qualifier():
    assert interval(claim(1, 100, "a")) == (100 * (1 - TOLERANCE), 100 * (1 + TOLERANCE))
    assert interval(claim(1, 100, "a", qualifier="at least")) == (100, math.inf)
    assert interval(claim(1, 100, "a", qualifier="up to")) == (0, 100)
    assert interval(claim(1, 12, "a", vague=True)) == (12, math.inf)
    assert interval(claim(1, 200, "a", high=300)) == (180, 330)


def test_values_within_the_tolerance_agree():
    assert agree(claim(1, 100, "a"), claim(2, 105, "b")) and not disagree(claim(1, 100, "a"), claim(2, 105, "b"))
    assert disagree(claim(1, 100, "a"), claim(2, 130, "b"))
    assert not disagree(claim(1, 100, "a"), claim(2, 130, "a"))  # one claimant cannot dispute itself
    assert not disagree(claim(1, 100, "a", qualifier="at least"), claim(2, 130, "b"))
    assert not disagree(claim(1, 100, "a"), claim(2, 900, "b", stance="denies"))  # a denial is not a value


def test_a_revision_weeks_later_is_not_a_dispute():
    early, late = claim(1, 62, "a", date="2019-12-07"), claim(2, 81, "b", date="2020-01-01")
    assert not disagree(early, late)
    assert disagree(claim(1, 62, "a", date="2019-12-07"), claim(2, 81, "b", date="2019-12-08"))
    # two figures of one document without stated days are contemporaneous, whatever their dates
    assert disagree(claim(1, 103, "a", date="2020-09-30", day="2020-09-30", document=7),
                    claim(2, 2300, "b", date="2020-10-29", document=7))


def test_a_later_report_of_one_outlet_revises_whoever_it_credits():
    # the New Hampshire crash: one outlet's two reports, days apart, credit different officials
    early = claim(1, 7, "outlet:wikinews", date="2019-06-24", document=1, outlet="wikinews")
    later = claim(2, 9, "police", date="2019-06-25", document=2, outlet="wikinews")
    assert revision(early, later) and not disagree(early, later)
    rival = claim(3, 9, "police", date="2019-06-25", document=3, outlet="other wire")
    assert not revision(early, rival) and disagree(early, rival)  # another outlet's claimant: a contest
    assert not revision(early, claim(4, 7, "police", document=2, outlet="wikinews"))  # the same value
    same_report = claim(5, 9, "police", document=1, outlet="wikinews")
    assert not revision(early, same_report) and disagree(early, same_report)  # one report: rivals side by side


def test_best_is_the_lowest_of_each_claimants_latest_figure():
    claims = [claim(1, 62, "outlet", date="2019-12-07"), claim(2, 81, "outlet", date="2020-01-01"),
              claim(3, 90, "ministry", date="2020-01-02"), claim(4, 12, "ngo", vague=True, date="2020-01-03")]
    result = estimate("deaths", claims)
    assert (result.low, result.best, result.high) == (12, 81, 90)  # 62 was revised to 81; "dozens" is only a floor
    assert not result.contested  # 81 and 90 agree within the tolerance; 62 was weeks earlier
    claims[2] = claim(3, 120, "ministry", date="2020-01-02")
    assert estimate("deaths", claims).contested


def test_judge_the_example_group():
    verdict = judge([claim(1, 12000, "ukrainian news", measure="casualties", qualifier="almost"),
                     claim(2, 500, "russians", measure="casualties", qualifier="about"),
                     claim(3, 4000, "pentagon")])
    assert verdict.category == "casualties" and verdict.contested
    assert (verdict.low, verdict.best, verdict.high) == (500, 500, 12000)
    by_category = {e.category: e for e in verdict.estimates}
    assert (by_category["deaths"].low, by_category["deaths"].best, by_category["deaths"].high) == (4000, 4000, 4000)
    assert by_category["casualties"].contested and not by_category["deaths"].contested


def test_a_part_larger_than_anothers_whole_is_contested():
    verdict = judge([claim(1, 500, "russians", measure="casualties"), claim(2, 4000, "pentagon")])
    assert not any(e.contested for e in verdict.estimates) and verdict.contested
    assert not judge([claim(1, 5000, "a", measure="casualties"), claim(2, 4000, "b")]).contested


def test_a_list_shows_each_claimants_value_once_extremes_first():
    # a running toll restated day after day by one ministry, and one rival figure from a group of monitors
    claims = [claim(i, 40, "ministry", date=f"2020-03-{i:02d}") for i in range(1, 12)]
    claims += [claim(20, 55, "ministry", date="2020-03-12"), claim(21, 90, "monitors", date="2020-03-12")]
    verdict = judge(claims)
    ranks = listed_ranks(claims, verdict)
    assert sorted(ranks, key=ranks.get) == [1, 21, 20]  # the low and the high first, the repeats of 40 once
    many = [claim(i, 100 + 10 * i, f"source {i}", date="2020-03-01") for i in range(LISTED_FIGURES + 5)]
    assert sorted(listed_ranks(many, judge(many)).values()) == list(range(1, LISTED_FIGURES + 1))
