"""Entities: one record per person or organisation, with the other names it goes by.

From the record format: {"name": "John Kirby", "label": "PERSON", "aliases": ["Kirby"],
"titles": ["Pentagon spokesperson"]} -- surnames and honorific forms fold into the full name,
an abbreviation in brackets joins its organisation, titles come from the resolved speakers,
a leading "the" is not part of the name, and two people who share a surname stay two.

Passages are real corpus text, a sentence or a short paragraph each.
"""

from __future__ import annotations

import pytest

from .support import name_key

KIRBY = (
    "“The accounts of the Russians seeking Syrian fighters to augment their forces in Ukraine, we do believe "
    "there’s truth to that,” said Pentagon spokesperson John Kirby. “It’s interesting that (Russian President "
    "Vladimir) Putin would have to rely on foreign fighters.”\n\n"
    "Kirby disclosed that there is no confirmation of how many fighters have been recruited, but he said some "
    "of them are already in Russia, preparing for deployment to Ukraine."
)
COOK = (
    "A series of precision U.S. airstrikes against al-Qaida operatives this week in northwestern Syria’s Idlib "
    "province killed more than 20 militants and destroyed eight vehicles and nine structures, Pentagon Press "
    "Secretary Peter Cook told reporters today.     \n"
    "A U.S. strike on Jan. 1 hit two al-Qaida vehicles that had departed a large al-Qaida headquarters near "
    "Sarmada, Syria, Cook said."
)

# (passage, name, label, aliases it must have, titles it must have)
ENTITIES = [
    pytest.param(KIRBY, "John Kirby", "PERSON", {"Kirby"}, {"Pentagon spokesperson"}, id="surname-and-title"),
    pytest.param(COOK, "Peter Cook", "PERSON", {"Cook"}, {"Pentagon Press Secretary"}, id="surname-and-long-title"),
    pytest.param(
        "Chechen leader Ramzan Kadyrov swore cooperation with Putin. However, they have already recorded "
        "casualties.\n\n“The president (Putin) took the right decision, and we will carry out his orders under "
        "any circumstances,” said Kadyrov.",
        "Ramzan Kadyrov", "PERSON", {"Kadyrov"}, set(), id="surname-later",
    ),
    pytest.param(
        "Former United States Central Intelligence Agency agent Tony Mendez died Saturday, aged 78, at a "
        "Frederick, Maryland assisted living facility.  Mendez is known for organizing the safe return in 1980 "
        "of several U.S. nationals who had hidden in the Canadian embassy during the Iran Hostage Crisis.",
        "Tony Mendez", "PERSON", {"Mendez"}, set(), id="surname-in-next-sentence",
    ),
    pytest.param(
        "“We got to shoot with them for the past two weeks before this exercise,” said Spc. Lorraine Walsh, an "
        "artillery crewmember and native of Vermillion, South Dakota.",
        "Lorraine Walsh", "PERSON", set(), set(), id="honorific-not-in-name",
    ),
    pytest.param(
        "Staff Sgt. Albert Connelly, an artillery crew chief in Abel Battery, 3rd Battalion, said “we were able "
        "to give classes on the different systems we use in the machines.”",
        "Albert Connelly", "PERSON", set(), set(), id="two-word-rank-not-in-name",
    ),
    pytest.param(
        '"President Trump treats the rule of law with utter contempt," said California Attorney General '
        "Xavier Becerra.",
        "Xavier Becerra", "PERSON", set(), {"California Attorney General"}, id="title-from-speaker",
    ),
    pytest.param(
        "The Investigative Committee and the Federal Security Service (FSB) said they believe gas, which leaks "
        "relatively frequently in Russia, was the trigger for the disaster which occurred at 6am as many "
        "occupants slept.",
        "Federal Security Service", "ORG", {"FSB"}, set(), id="bracketed-abbreviation",
    ),
    pytest.param(
        "The Russians heavily dispute this number, reporting just about 500 casualties last week, while the "
        "Pentagon states that 4,000 Russian troops had died.",
        "Pentagon", "ORG", set(), set(), id="leading-the-dropped",
    ),
]


@pytest.mark.parametrize(("text", "name", "label", "aliases", "titles"), ENTITIES)
def test_entity(run, text, name, label, aliases, titles):
    entities = run(text).entities
    found = [e for e in entities if e.name == name]
    assert found, f"no entity {name!r}; entities: {[(e.name, e.label) for e in entities]}"
    entity = found[0]
    assert entity.label == label
    assert aliases <= set(entity.aliases), f"aliases {entity.aliases}"
    assert {name_key(t) for t in titles} <= {name_key(t) for t in entity.titles}, f"titles {entity.titles}"
    same = [e.name for e in entities if e.label == label and (e.name in aliases or set(e.aliases) & {name})]
    assert same == [], f"the same referent is also listed as {same}"


# (passage, people who share a surname but are different people)
DISTINCT = [
    pytest.param(
        "The New York Times reported that, in a phone call in late July, Trump might have encouraged newly "
        "elected Ukrainian president Volodymyr Zelensky to investigate Hunter Biden, the son of Joe Biden, who "
        "served as Vice President from 2008 until 2016. Joe Biden is a leading candidate for the Democratic "
        "nomination for the 2020 presidential election.",
        ["Hunter Biden", "Joe Biden"], id="father-and-son",
    ),
    pytest.param(
        '"This day is very hard for me, as I re-experience many memories," said his father, Abdullah Kurdi, '
        "following the ceremony. \"It's people with good heart in this organization. So my boy's name stands for "
        'something good and his little soul can find ... peace." Abdullah Kurdi now resides in Iraq. The boy\'s '
        "aunt, Tima Kurdi, also attended the ceremony.",
        ["Abdullah Kurdi", "Tima Kurdi"], id="father-and-aunt",
    ),
]


@pytest.mark.parametrize(("text", "names"), DISTINCT)
def test_people_sharing_a_surname_stay_apart(run, text, names):
    people = [(e.name, e.aliases) for e in run(text).entities if e.label == "PERSON"]
    assert sorted(name for name, _ in people if name in names) == sorted(names), f"people: {people}"
