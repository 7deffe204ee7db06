"""Blocking for figure groups: which pairs are scored, and that the bounds never drop a pair the rule could link."""

from __future__ import annotations

from datetime import date, timedelta

from claimledger.analyze.clusters import (
    BLOCK_DOCUMENTS, NEIGHBOURS, blocking_term, candidate_pairs, day_number, join_strongest, within_reach,
)
from claimledger.analyze.figures import REVISION_DAYS, FigureFacts, TermWeights, conflict
from claimledger.analyze.grouping import day_spans


def fact(id, document, day: str | None, family="casualties", **kw) -> FigureFacts:
    measure = "deaths" if family == "casualties" else "events"
    return FigureFacts(id=id, document=document, low=5, high=5, qualifier=None, category=measure, measure=measure,
                       family=family, date=day, **kw)


def test_within_reach_is_false_only_where_the_dates_conflict():
    start = date(2020, 1, 1)
    for family in ("casualties", "events:strike"):
        for gap in (0, 1, 3, REVISION_DAYS, REVISION_DAYS + 1, 400):
            for document in (1, 2):
                a, b = fact(1, 1, start.isoformat(), family), fact(2, document, (start + timedelta(gap)).isoformat(), family)
                if not within_reach(a, day_number(a), b, day_number(b)):
                    assert conflict(a, b, {}) == "dates", (family, gap, document)
    undated = fact(3, 2, None)
    assert within_reach(undated, None, fact(4, 3, "2020-01-01"), day_number(fact(4, 3, "2020-01-01")))
    assert day_number(fact(5, 1, "--01-08")) is None  # a day without a year is compared with any


def test_a_key_shared_over_many_days_proposes_pairs_of_near_days_each_with_its_neighbours():
    weights = TermWeights({"ghazni": 2}, 1000)
    first = date(2020, 1, 1)
    facts = [fact(i, i, (first + timedelta(days=i // 4)).isoformat(), terms=["ghazni"]) for i in range(400)]
    pairs = [(a.id, b.id) for a, b in candidate_pairs(facts, weights)]
    assert all(abs(a - b) // 4 <= REVISION_DAYS + 1 for a, b in pairs)  # never two days too far apart
    partners = {}
    for a, b in pairs:
        partners[a] = partners.get(a, 0) + 1
    assert max(partners.values()) == NEIGHBOURS  # each with its next 64 in day order, not all 240 in reach
    assert (0, 1) in pairs and (10, 20) in pairs


def test_a_documents_figures_are_all_compared_however_many():
    facts = [fact(i, 7, "2020-01-01") for i in range(NEIGHBOURS + 20)]
    assert len(list(candidate_pairs(facts, TermWeights({}, 10)))) == len(facts) * (len(facts) - 1) // 2


def test_a_word_in_many_documents_proposes_no_pairs():
    weights = TermWeights({"kabul": BLOCK_DOCUMENTS + 1, "andar": 3}, 100_000)
    assert weights.distinctive("kabul") and not blocking_term("kabul", weights)  # still evidence, no key
    assert blocking_term("andar", weights)
    facts = [fact(1, 1, "2020-01-01", terms=["kabul"]), fact(2, 2, "2020-01-02", terms=["kabul"])]
    assert list(candidate_pairs(facts, weights)) == []
    facts = [fact(1, 1, "2020-01-01", terms=["andar"]), fact(2, 2, "2020-01-02", terms=["andar"])]
    assert len(list(candidate_pairs(facts, weights))) == 1


def test_clusters_that_clash_never_join_however_many_links_between_them():
    clash = lambda p, q: {p, q} == {1, 4}  # noqa: E731
    links = [(2.0, 1, 2), (2.0, 3, 4), *((1.0, a, b) for a in (1, 2) for b in (3, 4))]
    assert join_strongest([1, 2, 3, 4], links, clash) == [[1, 2], [3, 4]]


def test_day_spans_join_overlapping_days_and_stay_few():
    assert day_spans([10, 12, 100], 3) == [(7, 15), (97, 103)]
    assert day_spans(list(range(0, 1000, 10)), 0, most=5) == [(0, 990)]
