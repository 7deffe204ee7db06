"""Places of incidents: the most specific place named, with the region that holds it.

Real release and news sentences; the dateline ("KABUL, Afghanistan (...)") says where a report
was filed, not where things happened, so it is used only when nothing else names a region.
"""

from __future__ import annotations

import pytest

from claimledger.extract.places import dateline_span, find_places, gazetteer_level


@pytest.mark.parametrize("text, expected", [
    ("During a security operation in Andar district, Ghazni province, yesterday, an Afghan and coalition "
     "force killed the Taliban leader.", "Andar district, Ghazni province"),
    ("A combined force detained two suspected insurgents in Nad ‘Ali district, Helmand province.",
     "Nad ‘Ali district, Helmand province"),
    ("Yesterday, in Sar-e Pul district, Sar-e Pul province, a security force arrested two insurgents.",
     "Sar-e Pul district, Sar-e Pul province"),
    ("Afghan and coalition forces targeted a Haqqani Network leader during security operations detaining more "
     "than 10 suspected insurgents in Nangarhar and Khost provinces yesterday.", "Nangarhar and Khost provinces"),
])
def test_district_and_province_read_as_one_place(nlp, text, expected):
    assert expected in [p.text for p in find_places(nlp(text))]


def test_a_verb_is_no_place_level(nlp):
    places = find_places(nlp("The Russians dispute this number, while the Pentagon states that 4,000 troops had died."))
    assert all("states" not in p.text for p in places)


def test_dateline_is_left_out_when_the_text_names_a_region(nlp):
    text = ("ISAF Joint Command - Afghanistan 2011-03-S-079 For Immediate Release   KABUL, Afghanistan (March 23, "
            "2011) An ISAF patrol spotted armed insurgents in Reg-e Khan Neshin district, Helmand province.")
    assert dateline_span(text) is not None
    assert [p.text for p in find_places(nlp(text))] == ["Reg-e Khan Neshin district, Helmand province"]


@pytest.mark.parametrize("name, level", [("Afghanistan", 3), ("Ukraine", 3), ("Helmand", 2), ("Kunduz", 2), ("Sangin", 0)])
def test_gazetteer_levels(name, level):
    assert gazetteer_level(name) == level


def test_a_province_the_tagger_calls_an_organisation_is_still_a_province(nlp):
    """ISAF release (CC BY-SA): 'In Logar last night' with 'Logar' tagged ORG; a compass word ('Eastern')
    that some country's subdivision is named after is no province."""
    text = ("Mar. 27: Afghan-ISAF Operations in Eastern, Southern Afghanistan\nNEWS RELEASE\u2028ISAF Joint Command - "
            "Afghanistan\u2028\u20282010-03-CA-112 \u2028For Immediate Release\n\n\xa0In Logar last night, a joint "
            "security force searched a compound in the village of Mogkol Khel, in the Mohammad Agha district.")
    provinces = [p.text for p in find_places(nlp(text)) if p.level == 2]
    assert provinces == ["Logar"], provinces


def test_an_armed_group_is_no_place(nlp):
    """'a Haqqani facilitator': the tagger calls the network a place, which put 'Haqqani, ...' before the
    district in 11 of 200 ISAF releases."""
    text = ("An Afghan and coalition force detained a number of suspected insurgents during a security operation in "
            "search of a Haqqani facilitator in Dzadran district, Paktiya province, today.")
    assert [p.text for p in find_places(nlp(text))] == ["Dzadran district, Paktiya province"]
