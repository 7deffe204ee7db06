"""Source grades: reliability A-F set by the user, credibility 1-6 derived from corroboration."""

from __future__ import annotations

import pytest

from claimledger.analyze.grades import Corroboration, admiralty, check_reliability, credibility, describe
from claimledger.errors import LedgerError

from .conftest import group_of

EL_PASO = "wikinews-gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d"


@pytest.mark.parametrize("agree, disagree, outlets, expected", [
    (2, 0, 1, 1), (1, 0, 2, 1), (1, 0, 1, 2), (0, 0, 2, 2), (0, 0, 1, 3),
    (2, 1, 1, 3), (0, 1, 1, 4), (1, 1, 1, 4), (0, 2, 1, 5), (1, 3, 1, 5),
])
def test_credibility_rule(agree, disagree, outlets, expected):
    assert credibility(Corroboration(agree, disagree, outlets)) == expected


def test_unjudgeable_claims_and_codes():
    assert credibility(Corroboration(5, 0, 9, judgeable=False)) == 6
    assert admiralty(None, None) == "F6" and admiralty("B", 2) == "B2"
    assert describe("B2") == "usually reliable, probably true"
    assert check_reliability(" b ") == "B"
    with pytest.raises(ValueError, match="A \\(completely reliable\\)"):
        check_reliability("G")


def test_grading_a_source_grades_its_figures(corpus_copy):
    deaths = group_of(corpus_copy, "syrian-fighters-recruitment", "4,000 Russian troops")["id"]
    pentagon = next(f for f in corpus_copy.group(deaths)["figures"] if f["claimant"] == "the Pentagon")
    assert pentagon["admiralty"] == "F3"  # default F; a single source, not contradicted in its category
    result = corpus_copy.grade("Pentagon", "b")
    assert (result["source"], result["reliability"]) == ("US Department of Defense", "B")
    assert result["figures"] >= 1
    pentagon = next(f for f in corpus_copy.group(deaths)["figures"] if f["claimant"] == "the Pentagon")
    assert (pentagon["reliability"], pentagon["admiralty"]) == ("B", "B3")
    corpus_copy.grade("Wikinews", "C")  # an outlet grades the figures it states without naming anyone
    revised = group_of(corpus_copy, "wikinews-samoan-government-temporarily-shuts-down-for-nationwide-meas", "at least 62")
    assert {f["reliability"] for f in revised["figures"]} == {"C"}
    assert [g["source"] for g in corpus_copy.grades()] == ["US Department of Defense", "Wikinews"]
    with pytest.raises(LedgerError, match="reliability must be one of"):
        corpus_copy.grade("Pentagon", "Z")


def test_contradicted_claims_are_doubtful(corpus):
    group = group_of(corpus, EL_PASO, "six Mexican nationals")
    deaths = {f["low"]: f for f in group["figures"] if f["measure"] == "deaths"}
    assert (deaths[6]["credibility"], deaths[8]["credibility"]) == (4, 4)
    assert deaths[6]["disagree"] == 1 and deaths[6]["agree"] == 0
