"""Incidents as objects: what an item reads of its text, the pair rule, and the incidents of real ledgers."""

from __future__ import annotations

from datetime import date, timedelta

from claimledger import Ledger
from claimledger.analyze.incident_objects import Item, clash, cluster, event_kind, keys, link, place_parts
from claimledger.analyze.text import Sentences

from _bundled import corpus_documents

KOSZALIN = "wikinews-escape-room-fire-kills-five-teen-girls-in-koszalin-poland"
EL_PASO = "wikinews-gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d"
NEW_HAMPSHIRE = ["wikinews-new-hampshire-crash-kills-seven-including-former-us-marines",
                 "wikinews-driver-in-new-hampshire-multi-motorcycle-crash-pleads-not-gu"]
SAMOA = ["wikinews-samoan-government-temporarily-shuts-down-for-nationwide-meas",
         "wikinews-samoan-government-ends-state-of-emergency-over-measles-outbr"]
CHRISTCHURCH = "wikinews-new-zealand-mosque-murder-suspect-appears-in-court-at-christ"


def kind_at(key: str, words: str, title: str | None = None) -> str | None:
    document = corpus_documents([key])[0]
    return event_kind(document.text, title, document.text.index(words), Sentences.of(document.text))


# -- what an item reads -------------------------------------------------------------------------------


def test_the_kind_is_the_nearest_kind_word_in_the_sentence():
    assert kind_at(KOSZALIN, "killed five girls") == "fire"
    assert kind_at(EL_PASO, "22 people") == "shooting"  # "a gunman shot shoppers"


def test_without_a_kind_word_nearby_the_title_says_and_opened_fire_is_a_shooting():
    document = corpus_documents([EL_PASO])[0]
    lone = "Police said the suspected gunman surrendered himself to police after being confronted by officers."
    assert event_kind(lone.replace("gunman", "man"), document.title, 20, Sentences.of(lone)) == "shooting"
    assert event_kind("Officials gave no number.", "Troops open fire on marchers", 5,
                      Sentences.of("Officials gave no number.")) == "shooting"
    assert event_kind("Officials gave no number.", None, 5, Sentences.of("Officials gave no number.")) is None


def test_place_parts_fold_levels_and_name_each_country_once():
    assert place_parts("Koszalin, North Poland") == {"koszalin", "poland"}
    assert place_parts("U.S., El Paso, Texas") == place_parts("El Paso, Texas, United States")
    assert "afghanistan" in place_parts("Andar district, Ghazni province")  # a province knows its country
    assert place_parts("Berkshire, UK") == {"berkshire", "united kingdom"}
    assert place_parts(None) == frozenset()


# -- the pair rule --------------------------------------------------------------------------------------


def item(id_: int, document: int, what: str | None, place: str | None, date: str | None, sentence: int = 0,
         group: int | None = None) -> Item:
    return Item(id_, document, what, place, date, sentence, group)


def test_a_district_is_inside_its_province_and_two_towns_exclude_each_other():
    district = item(1, 1, "bombing", "Andar district, Ghazni province", "2013-01-25")
    province = item(2, 2, "attack", "Ghazni province", "2013-01-26")
    elsewhere = item(3, 3, "bombing", "Kabul", "2013-01-25")
    assert not clash(district, province) and link(district, province) > 0
    assert clash(district, elsewhere) and clash(province, elsewhere)


def test_kinds_days_and_countries_keep_look_alikes_apart():
    shooting = item(1, 1, "shooting", "El Paso, Texas", "2019-08-04")
    assert clash(shooting, item(2, 2, "crash", "El Paso, Texas", "2019-08-04"))  # another kind of event
    assert link(shooting, item(3, 2, "shooting", "El Paso, Texas", "2019-08-09")) == 0  # five days on
    assert link(shooting, item(4, 2, None, "El Paso, Texas", "2019-08-04")) == 0  # across reports, a kind is needed
    protest = item(5, 3, "protest", "United States", "2020-11-17")
    assert link(protest, item(6, 4, "protest", "Kenosha, Wisconsin, United States", "2020-11-18")) == 0
    assert link(protest, item(7, 4, "protest", "US", "2020-11-18")) > 0  # two national reports of one kind
    assert not clash(item(8, 5, "protest", "Kenosha", None), item(9, 6, "shooting", "Kenosha", None))  # kin
    assert clash(item(10, 5, "protest", "Kenosha", None), item(11, 6, "outbreak", "Kenosha", None))


def test_one_document_is_one_incident_per_place_and_a_figure_group_binds_reports():
    items = [item(1, 1, "shooting", "El Paso, Texas", "2019-08-03"), item(2, 1, None, None, "2019-08-03", 1),
             item(3, 1, "shooting", "Gilroy, California", "2019-08-03", 9),
             item(4, 2, None, "Texas", "2019-09-20", 0, group=7), item(5, 1, "attack", "Texas", "2019-08-04", 2, group=7)]
    assert cluster(items) == [[1, 2, 4, 5], [3]]
    assert cluster(list(reversed(items))) == cluster(items)  # deterministic
    assert keys(items[1]) == [] and len(keys(items[0])) == 4  # two parts below country level x two windows


def test_reports_every_few_days_at_one_place_do_not_chain_into_an_incident_of_a_year():
    days = [(date(2019, 1, 1) + timedelta(days=3 * i)).isoformat() for i in range(120)]
    items = [item(i, i, "attack", "Kabul", day) for i, day in enumerate(days)]  # each 3 days after the last
    incidents = cluster(items)
    assert all(link(a, b) > 0 for a, b in zip(items, items[1:]))  # each report links to the next
    assert 1 < len(incidents) <= 12 and max(len(ids) for ids in incidents) > 10  # a year in about six
    for ids in incidents:  # ... but no incident spans more than two months
        assert (date.fromisoformat(days[max(ids)]) - date.fromisoformat(days[min(ids)])).days <= 60


# -- the incidents of a ledger --------------------------------------------------------------------------


def incident_of(ledger: Ledger, key: str) -> dict:
    found = [i for i in ledger.incidents(limit=200) if key in {r["document"] for r in i["reports"]}]
    assert found, key
    return ledger.incident(found[0]["id"])


def test_the_example_holds_the_contest_with_the_pentagons_deaths_beside_it(corpus):
    incident = incident_of(corpus, "syrian-fighters-recruitment")
    assert incident["place"] == "Ukraine" and incident["contested"] is True
    groups = {g["category"]: g for g in incident["groups"]}
    assert {(f["claimant"], f["low"]) for f in groups["casualties"]["figures"]} == {
        ("Ukrainian news sources", 12000), ("The Russians", 500)}
    assert groups["casualties"]["contested"] and all(f["contest"] for f in groups["casualties"]["figures"])
    assert [(f["claimant"], f["low"]) for f in groups["deaths"]["figures"]] == [("the Pentagon", 4000)]
    assert not groups["deaths"]["contested"]


def test_two_reports_of_one_crash_are_one_incident_in_publication_order(corpus):
    incident = incident_of(corpus, NEW_HAMPSHIRE[0])
    assert incident["what"] == "crash" and "New Hampshire" in incident["place"]
    assert [r["document"] for r in incident["reports"]] == NEW_HAMPSHIRE
    assert [r["time"] for r in incident["reports"]] == sorted(r["time"] for r in incident["reports"])
    categories = [g["category"] for g in incident["groups"]]
    assert "deaths" in categories and "injuries" in categories  # related groups, never one


def test_a_raised_toll_of_one_outlet_is_a_revision_not_a_contest(corpus):
    incident = incident_of(corpus, SAMOA[0])
    assert incident["what"] == "outbreak" and [r["document"] for r in incident["reports"]] == SAMOA
    deaths = next(g for g in incident["groups"] if g["category"] == "deaths" and g["figures"][-1]["revises"])
    first, later = deaths["figures"][0], deaths["figures"][-1]
    assert later["revises"] == first["id"] and later["low"] > first["low"] and not deaths["contested"]
    assert [e["revision"] for e in deaths["timeline"]] == [False] * (len(deaths["timeline"]) - 1) + [True]


def test_incidents_of_different_places_stay_apart_and_filters_work(corpus):
    christchurch, el_paso = incident_of(corpus, CHRISTCHURCH), incident_of(corpus, EL_PASO)
    assert christchurch["id"] != el_paso["id"]
    assert {i["id"] for i in corpus.incidents(place="new hampshire")} == {incident_of(corpus, NEW_HAMPSHIRE[0])["id"]}
    recent = corpus.incidents(since="2020-01-01", limit=200)
    assert recent and all(i["last"] >= "2020-01-01" for i in recent)
    assert corpus.incident(987654321) is None
