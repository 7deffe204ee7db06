"""Categories of figures from the counted noun or unit (extract/categories.py).

The guide's categories: a speed is neither a length nor an area ("other"); "N times" counts
events unless it multiplies; relatives, occupations, "others" and disease cases are people.
Each case reads the noun where it stands in a real corpus sentence, parsed by the default pipeline.
"""

from __future__ import annotations

import pytest

from claimledger.extract.categories import bare_fate, category, multiplier, speed, weight_pounds

from .support import token_at

KOBE = (
    "Bryant stayed with the Lakers for 20 years, becoming an NBA champion five times, an All-NBA first-team "
    "selection 11 times, a NBA Finals MVP (Most Valuable Player) twice, an NBA All-Star 18 times, including four "
    "times as All-Star MVP, and 2008 NBA MVP."
)
STORM = (
    "Although its winds are only predicted to reach about 75 miles per hour (120 kph), the National Weather Service "
    "has issued a flash flood warning covering an area from Gulfport, Mississippi, to New Orleans and other "
    "forecasters predicted a storm surge of three to six feet (one to two meters)."
)


# (sentence, the counted noun as written, category)
CATEGORIES = [
    pytest.param("Zapata flew across the water at over 100 mph (161 km/h).", "mph", "other", id="mph-speed"),
    pytest.param(STORM, "miles", "other", id="miles-per-hour-speed"),
    pytest.param("As of midday Thursday, the storm was about 90 miles (145 km) south of the coast and moving at "
                 "roughly five miles per hour (eight kilometers per hour).", "miles", "distance", id="miles-length"),
    pytest.param("The NHC also warned of potential flash floods, with up to 30 inches (76 cm) of rain in "
                 "northwestern parts of the Bahamas.", "cm", "distance", id="centimetres"),
    pytest.param(KOBE, "times", "events", id="times-counts"),
    pytest.param("I had to work like ten times harder than a man just to be seen as half as good as him, while I "
                 "understood more and it should have been different.", "times", "other", id="times-multiplies"),
    pytest.param("Stevens died in the evening with his two daughters at his bedside at Holy Cross Hospital in Fort "
                 "Lauderdale, Florida.", "daughters", "people", id="relatives-people"),
    pytest.param("As of Sunday, the Disease Surveillance Team reported a total of 5667 cases during the outbreak.",
                 "cases", "people", id="disease-cases-people"),
    pytest.param("Puerto Rico had still not fully recovered from 2017's Hurricane Maria, estimated to have done about "
                 "$90 billion in property damage and claimed about 3000 lives.", "lives", "deaths",
                 id="lives-claimed-deaths"),
    pytest.param("The landslide claimed the lives of at least 31 villagers on Sunday.", "villagers", "deaths",  # invented
                 id="lives-of-people-claimed-deaths"),
    pytest.param("Sea-Eye credit themselves with around 14,000 lives saved during 60 rescues since commencing work in "
                 "2016.", "lives", "people", id="lives-saved-people"),
    pytest.param("In the DRC's current Ebola outbreak, two thirds of those known to be infected with Ebola, over 1800 "
                 "people, have died.", "people", "deaths", id="apposition-shares-the-fate"),
    # campaign news counts people and events by nouns of its own (invented sentences)
    pytest.param("The senator greeted about 2,000 supporters at a rally on Saturday.", "supporters", "people",
                 id="supporters-people"),
    pytest.param("The two candidates have met in three debates since January.", "debates", "events",
                 id="debates-events"),
    # a preposition passes the fate on (invented sentences)
    pytest.param("The mine collapse resulted in the deaths of 12 miners.", "miners", "deaths", id="deaths-of"),
    pytest.param("Police confirmed the arrest of 36 people on Friday.", "people", "detained", id="arrest-of"),
    pytest.param("Officials said the death toll rose to 22 people on Monday.", "people", "deaths", id="toll-rose-to"),
    pytest.param("At least seven, including four children, died in the fire.", "children", "deaths",
                 id="including-shares-the-fate"),
    pytest.param("The storm injured 40 people, including 12 students.", "students", "injuries",
                 id="including-the-verb's-fate"),
    pytest.param("One child was among the dead.", "child", "deaths", id="among-the-dead"),
    pytest.param("One child was, according to the fire service, among the dead.", "child", "deaths",
                 id="among-the-dead-past-an-aside"),  # Wikinews, bundled corpus
    pytest.param("In an online news briefing, the director of IEDCR said the fatalities included four males and one "
                 "female.", "males", "deaths", id="the-fatalities-included"),  # Wikinews, bundled corpus
    pytest.param("The delegation included four ministers and two aides.", "ministers", "people",
                 id="included-no-fate"),
    pytest.param("The town hall hosted 300 people, including 40 students.", "students", "people",
                 id="including-no-fate"),
    pytest.param("The ruling was signed by all 11 Justices.", "Justices", "people",
                 id="capitalised-plural-people"),  # invented; the tagger takes "Justices" for a proper noun
    # people, vehicles and things that happen that the corpus counted as "other" (Wikinews)
    pytest.param("In an online news briefing, the director said the infected included four males and one female.",
                 "males", "people", id="males-people"),
    pytest.param("On Friday, on Route 2 in Randolph, New Hampshire, a pickup truck and a group of ten motorcycles "
                 "collided.", "motorcycles", "equipment", id="motorcycles-equipment"),
    pytest.param("Phivolcs recorded 611 aftershocks as of Saturday.", "aftershocks", "events",
                 id="aftershocks-events"),
]


@pytest.mark.parametrize(("sentence", "noun", "expected"), CATEGORIES)
def test_category(nlp, sentence, noun, expected):
    assert category(token_at(nlp(sentence), noun), None) == expected


# (sentence, "times" or "twice" as written, multiplies?)
MULTIPLIERS = [
    pytest.param("He was re-elected twice, in 2014 and 2018.", "twice", False, id="twice-counts"),
    pytest.param("However, the host star AB Aurigae is more massive than the Sun: about 2.4 times the mass of the "
                 "Sun.", "times", True, id="times-the-mass"),
    pytest.param(KOBE, "times as", False, id="times-as-a-role"),
]


@pytest.mark.parametrize(("sentence", "words", "expected"), MULTIPLIERS)
def test_multiplier(nlp, sentence, words, expected):
    assert multiplier(token_at(nlp(sentence), words)) is expected


def test_speed_is_a_unit_over_time(nlp):
    doc = nlp("update on Monday had the depression 120 miles (195 km) southeast of Florida's West Palm Beach, "
              "moving northwest at 13 mph (20 km/h).")
    assert speed(token_at(doc, "mph")) and speed(token_at(doc, "km/h")) and not speed(token_at(doc, "km)"))


def test_pounds_are_a_weight_when_the_sentence_weighs_them(nlp):
    # Wikinews, California court sentences parents ...: a weight with its kilograms in brackets
    doc = nlp("The oldest of the Turpin's offspring, age 29, weighed 82 pounds (37 kg).")
    assert weight_pounds(token_at(doc, "pounds")) and category(token_at(doc, "pounds"), None) == "other"
    assert weight_pounds(token_at(nlp("Police seized 300 pounds of cocaine at the port."), "pounds"))
    assert not weight_pounds(token_at(nlp("The court fined him 500 pounds on Tuesday."), "pounds"))


# A bare number takes the category of the count that reaches it (Wikinews, bundled corpus): 'other' before.
BARE_COUNTS = [
    pytest.param("On Wednesday, the total number of confirmed deaths linked to SARS-CoV-2 coronavirus infections "
                 "surpassed 100,000 in the United States.", "100,000", "deaths", id="number-of-deaths-surpassed"),
    pytest.param("Reports said at least 116 people died due to this earthquake, while the number of casualties rose to "
                 "at least 1,035 in Turkey and about 19 in Greece.", "1,035", "casualties", id="casualties-rose-to"),
    pytest.param("By the end of the month, with coronavirus deaths surpassing 100,000 and protests and riots related "
                 "to the death of Floyd spreading throughout the nation, Biden maintained his lead.", "100,000",
                 "deaths", id="deaths-surpassing"),
    pytest.param("Some estimated death tolls, provided anonymously by officials to journalists, exceeded 100.", "100",
                 "deaths", id="death-tolls-exceeded"),
    pytest.param("Yesterday, the total number of confirmed cases of the SARS-CoV-2 coronavirus infections surpassed "
                 "one million in the United States.", "million", "people", id="cases-are-people"),
    pytest.param("A total of 39 are confirmed dead, officials told state media.", "39", "deaths",
                 id="are-confirmed-dead"),
    pytest.param("The Senate voted 70 to 20 to send the bill back to committee, where it died.", "70", "other",
                 id="votes-no-fate"),
    pytest.param("The company's revenue rose to 500 last year.", "500", "other", id="a-count-of-no-fate"),  # invented
]


@pytest.mark.parametrize(("sentence", "number", "expected"), BARE_COUNTS)
def test_bare_number_reached_by_a_count(nlp, sentence, number, expected):
    assert bare_fate(token_at(nlp(sentence), number)) == expected
