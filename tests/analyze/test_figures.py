"""Figure groups: what measures the same thing groups, within and across articles; look-alikes stay apart."""

from __future__ import annotations

import dataclasses

from claimledger.analyze.clusters import Edit, apply_edits, cluster
from claimledger.analyze.figures import FigureFacts, conflict, consistent, link, subject_facts
from claimledger.analyze.terms import TermWeights

from .conftest import figure_in, group_of, members

SAMOA_1 = "wikinews-samoan-government-temporarily-shuts-down-for-nationwide-meas"
SAMOA_2 = "wikinews-samoan-government-ends-state-of-emergency-over-measles-outbr"
CRASH_1 = "wikinews-new-hampshire-crash-kills-seven-including-former-us-marines"
CRASH_2 = "wikinews-driver-in-new-hampshire-multi-motorcycle-crash-pleads-not-gu"
CHRISTCHURCH = "wikinews-new-zealand-mosque-murder-suspect-appears-in-court-at-christ"
EL_PASO = "wikinews-gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d"
MAGNITOGORSK = "wikinews-magnitogorsk-apartment-building-collapses-after-explosion-do"
CAMPAIGN = "wikinews-on-the-campaign-trail-in-the-usa-september-2020"


def test_the_example_articles_casualty_claims_are_one_group_and_its_deaths_another(example_path):
    from claimledger import Ledger

    with Ledger(example_path) as ledger:
        groups = ledger.contested()
        deaths = ledger.contested(include_all=True, category="deaths")
        pentagon = ledger.group(figure_in(ledger, "syrian-fighters-recruitment", "4,000 Russian troops")["id"])
    assert len(groups) == 1
    group = groups[0]
    values = {(f["low"], f["claimant"], f["category"]) for f in group["figures"]}
    assert values == {(12000, "Ukrainian news sources", "casualties"), (500, "The Russians", "casualties")}
    assert group["contested"] and group["category"] == "casualties" and list(group["categories"]) == ["casualties"]
    assert [(f["low"], f["claimant"]) for f in pentagon["figures"]] == [(4000, "the Pentagon")]
    assert pentagon["category"] == "deaths" and not pentagon["contested"] and pentagon["id"] not in {
        g["id"] for g in deaths}  # a group of one figure is no contest, and not listed


def test_a_revised_toll_groups_across_reports(corpus):
    group = group_of(corpus, SAMOA_1, "at least 62")
    assert members(group) == {(SAMOA_1, "at least 62"), (SAMOA_2, "81")}
    assert group["period"] == "2019-12-07/2020-01-01" and group["place"] == "Samoa"
    assert not group["contested"]  # the same outlet, weeks apart: a revision
    assert (group["low"], group["best"], group["high"]) == (62, 81, 81)  # the latest figure of the claimant


def test_one_crash_reported_twice_is_one_group(corpus):
    group = group_of(corpus, CRASH_1, "seven motorcyclists")
    assert members(group) == {(CRASH_1, "seven motorcyclists"), (CRASH_2, "seven riders")}
    assert {f["measure"] for f in group["figures"]} == {"deaths"}  # "left seven motorcyclists dead", "killing seven riders"
    assert {f["claimant"] for f in group["figures"]} == {None, "police and county officials"}


def test_rival_officials_figures_in_one_article_group_and_are_contested(corpus):
    el_paso = group_of(corpus, EL_PASO, "six Mexican nationals")
    assert {(f["low"], f["claimant"]) for f in el_paso["figures"] if f["measure"] == "deaths"} == {
        (6, "Andrés Manuel López Obrador"), (8, "Another report from the Mexican government")}
    assert el_paso["contested"]
    missing = group_of(corpus, MAGNITOGORSK, "68 people")
    assert {(f["low"], f["high"], f["claimant"]) for f in missing["figures"]} == {
        (36, 40, "Yevgeny Zinichev"), (68, 68, "Oleg Klimov")}
    assert missing["contested"]
    artsakh = group_of(corpus, CAMPAIGN, "103 Artsakh deaths")
    assert {(f["low"], f["claimant"]) for f in artsakh["figures"]} == {(103, "Armenia"), (2300, "Azerbaijan")}
    assert artsakh["contested"]


def test_look_alike_figures_about_different_events_stay_apart(corpus):
    # Two attacks on one day: the Al Noor and the Linwood mosque.
    first = figure_in(corpus, CHRISTCHURCH, "at least 42 people")
    second = figure_in(corpus, CHRISTCHURCH, "at least eight people")
    assert corpus.group(first["id"])["id"] != corpus.group(second["id"])["id"]
    # The same count in two daily strike reports (Jan. 9 and Jan. 10 / Jan. 8 and Jan. 10).
    for text, documents in (("15 strikes", ("centcom-6b183780", "centcom-f5b5e863")),
                            ("23 strikes", ("centcom-26cc3286", "centcom-6b183780"))):
        ids = {corpus.group(figure_in(corpus, doc, text)["id"])["id"] for doc in documents}
        assert len(ids) == 2, text
    # Different sides of one war: Azerbaijani soldiers (by Armenia) and Artsakh soldiers (by Azerbaijan).
    assert corpus.group(figure_in(corpus, CAMPAIGN, "790 Azerbaijani soldiers")["id"])["figures"][0]["low"] == 790
    assert len(group_of(corpus, CAMPAIGN, "790 Azerbaijani soldiers")["figures"]) == 1


def test_the_same_toll_restated_by_two_officials_is_one_group(corpus):
    group = group_of(corpus, "uk-government-32aacd4c", "70 members")
    assert {f["claimant"] for f in group["figures"]} == {"The UN", "Tobias Ellwood"}
    assert not group["contested"]


# -- the pair rule on hand-made facts -----------------------------------------------------------------


def fact(id, document, low, **kw) -> FigureFacts:
    values = dict(id=id, document=document, low=low, high=low, qualifier=None, category="deaths", measure="deaths",
                  family="casualties")
    values.update(kw)
    return FigureFacts(**values)


def test_hard_constraints():
    a = fact(1, 1, 790, sides=["Azerbaijan"], head="military")
    b = fact(2, 1, 2300, sides=["artsakh"], head="military")
    assert conflict(a, b, {}) == "sides"
    assert conflict(fact(1, 1, 5, head="military"), fact(2, 1, 5, head="people"), {}) == "subjects"
    assert conflict(fact(1, 1, 5, head="sub:child"), fact(2, 2, 5), {}) == "subjects"
    assert conflict(fact(1, 1, 5, increment=True), fact(2, 2, 5), {}) == "increment"
    assert conflict(fact(1, 1, 5, modifiers=["active"]), fact(2, 1, 5, modifiers=["recovered"]), {}) == "modifiers"
    strikes = dict(family="events:strike", measure="events", category="events")
    assert conflict(fact(1, 1, 15, date="--01-10", **strikes), fact(2, 2, 15, date="--01-11", **strikes), {}) == "dates"
    assert conflict(fact(1, 1, 62, date="2019-12-07"), fact(2, 2, 81, date="2020-01-01"), {}) is None  # a toll, revised
    assert conflict(fact(1, 1, 62, date="2019-01-07"), fact(2, 2, 81, date="2020-01-01"), {}) == "dates"
    assert conflict(fact(1, 1, 5, places=["place:samoa"]), fact(2, 2, 5, places=["place:tonga"]), {}) == "places"
    assert conflict(fact(1, 1, 5, places=["place:christchurch"]), fact(2, 2, 5, places=["place:new zealand"]),
                    {1: {"place:christchurch", "place:new zealand"}}) is None


def test_two_countries_exclude_each_other_across_documents():
    """The United Kingdom's "37,542 deaths" (a report on the United States passing 100,000) and the United
    States' "at least 55,000 deaths" a month before: each document names the other's country, but two
    countries never hold each other; a city and its country still may."""
    uk = fact(1, 1, 37_542, places=["place:united kingdom"], date="2020-05-27")
    us = fact(2, 2, 55_000, places=["place:united states"], date="2020-04-28")
    named = {1: {"place:united kingdom", "place:united states"}, 2: {"place:united kingdom", "place:united states"}}
    assert conflict(uk, us, named) == "places"
    city = fact(3, 3, 50, places=["place:christchurch"])
    nation = fact(4, 4, 50, places=["place:new zealand"])
    assert conflict(city, nation, {3: {"place:christchurch", "place:new zealand"}}) is None


def test_subject_facts():
    assert subject_facts("Russian troops", "4,000 Russian troops") == (["Russia"], "military", [], False)
    assert subject_facts("active cases", "114 active cases")[2] == ["active"]
    assert subject_facts("other civilians", "five other civilians")[3] is True
    assert subject_facts("Mexicans", "eight Mexicans")[0] == ["Mexico"]


def test_links_never_chain_through_a_contradiction():
    weights = TermWeights({}, 10)
    facts = [
        fact(1, 1, 5, sides=["Azerbaijan"], claimant="a", named=True),
        fact(2, 1, 7, claimant="b", named=True),
        fact(3, 1, 9, sides=["artsakh"], claimant="c", named=True),
    ]
    groups = cluster(facts, weights, {})
    assert [1, 3] not in groups and not any({1, 3} <= set(g) for g in groups)


def test_edits_replay_in_order():
    groups = [[1, 2, 3], [4], [5, 6]]
    assert apply_edits(groups, [Edit("merge", (1, 4))]) == [[1, 2, 3, 4], [5, 6]]
    assert apply_edits(groups, [Edit("split", (2, 3))]) == [[1], [2, 3], [4], [5, 6]]
    assert apply_edits(groups, [Edit("merge", (1, 5)), Edit("split", (6,))]) == [[1, 2, 3, 5], [4], [6]]
    assert apply_edits(groups, [Edit("merge", (99, 100))]) == groups


def test_an_undated_distance_links_across_documents_as_one_value_in_one_unit():
    """The Sun-Earth distance of two interviews six weeks apart: "(1au; 150 million km; 93 million miles)" and
    "[an astronomical unit is the distance from the Sun to the Earth, about 150 million km; 93 million miles]"."""
    context = ["sun", "earth", "astronomical", "unit", "distance"]
    first = FigureFacts(1, 1, 150e6, 150e6, None, "distance", "distance", "distance:km", unit="km", terms=context)
    second = dataclasses.replace(first, id=2, document=2, qualifier="about")
    weights = TermWeights({term: 2 for term in context}, 371)
    assert link(first, second, weights) > 0
    assert link(first, dataclasses.replace(second, low=93e6, high=93e6), weights) == 0  # another value
    assert link(first, dataclasses.replace(second, qualifier="over"), weights) == 0  # a threshold
    assert link(first, dataclasses.replace(second, terms=["orbit"]), weights) == 0  # no shared context
    dated = dataclasses.replace(second, date="2020-07-07")  # a distance its text dates: one document only
    assert link(dataclasses.replace(first, date="2020-05-22"), dated, weights) == 0


def test_a_count_of_lives_or_infections_only_says_how_many():
    assert subject_facts("lives", "15,393 lives")[1] == "count"
    assert subject_facts("infections", "36 infections")[1] == "count"


def test_one_document_restates_a_value_across_the_days_it_names():
    """"a vote ... to submit two articles of impeachment" (today) / "On December 18, the House passed two
    articles of impeachment": in one report one quantity; in two reports per-day counts of two days."""
    today = FigureFacts(1, 1, 2, 2, None, "other", "other", "other:article", day="2020-01-15", date="2020-01-15")
    passed = dataclasses.replace(today, id=2, day="2019-12-18", date="2019-12-18")
    assert conflict(today, passed, {}) is None
    assert conflict(today, dataclasses.replace(passed, document=2), {}) == "days"


def test_a_count_of_one_links_across_documents_only_as_a_toll():
    """"One user submitted a pull request" and, weeks later, an interview's "without worrying about one
    individual paying for it": both about a code-hosting takedown, but a single somebody is described, not
    counted; "one soldier was killed" in two reports of one attack is still one toll."""
    weights = TermWeights({"takedown": 3, "repository": 3, "hosting": 3}, 400)
    shared = dict(terms=["takedown", "repository", "hosting"], date="2020-10-26", category="people",
                  measure="people", family="people")
    user, individual = fact(1, 1, 1, **shared), fact(2, 2, 1, qualifier="about", **{**shared, "date": "2020-11-17"})
    assert link(user, individual, weights) == 0
    assert link(dataclasses.replace(user, low=12, high=12), dataclasses.replace(individual, low=12, high=12),
                weights) > 0
    soldier = dict(shared, family="casualties", category="deaths", measure="deaths", date="2020-10-26")
    assert link(fact(1, 1, 1, **soldier), fact(2, 2, 1, **soldier), weights) > 0


def test_a_small_exact_count_matches_only_itself():
    """2% of a count under 100 reaches the next integer: "41 pledged delegates" (one party's) and "40
    delegates" (the other's) are two counts, while large exact values still allow a rounding."""
    assert not consistent(fact(1, 1, 41), fact(2, 2, 40))
    assert consistent(fact(1, 1, 40), fact(2, 2, 40))
    assert consistent(fact(1, 1, 1_051_635), fact(2, 2, 1_050_000))


def test_rival_sources_compete_only_over_the_same_modifiers():
    """Two outlets' numbers side by side are rival answers to one question only when they count the
    same thing: "41 pledged delegates" (NBC) beside "40 delegates" (ABC) are not."""
    weights = TermWeights({}, 10)
    people = dict(family="people", measure="people", category="people", named=True)
    nbc = fact(1, 1, 41, claimant="outlet:nbc", sentence=12, modifiers=["pledged"], **people)
    abc = fact(2, 1, 40, claimant="outlet:abc", sentence=14, **people)
    assert link(nbc, abc, weights) == 0.0
    assert link(nbc, fact(3, 1, 38, claimant="outlet:abc", sentence=14, modifiers=["pledged"], **people), weights) == 3.0
