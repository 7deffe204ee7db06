"""Units with fixed factors: a value and its conversion in brackets are one figure group (analyze/units.py).

Real sentences of bundled articles (none of them in the group gold), ingested once for the module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.analyze.contest import Claim, judge
from claimledger.analyze.figures import FigureFacts
from claimledger.analyze.grouping import in_one_unit
from claimledger.analyze.units import converts, unit_of

from _bundled import corpus_documents

from .conftest import figure_in

DEPRESSION = "wikinews-tropical-depression-three-of-2019-approaches-florida-before-"
HUMBERTO = "wikinews-tropical-storm-humberto-upgraded-to-hurricane-status"
DINOSAUR = "wikinews-scientific-study-suggests-dinosaurs-flapped-their-wings-as-t"


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("units") / "units.db"
    with Ledger(path) as ledger:
        ledger.ingest(corpus_documents([DEPRESSION, HUMBERTO, DINOSAUR]), batch_size=8)
    return path


def test_a_unit_is_read_whole_from_the_figure_and_the_words_after_it():
    # "... moving northwest at 13 mph (20 km/h)."; "... sustained winds of 30 miles per hour (45 kilometers per hour)"
    assert unit_of("20 km", "km", "/h).").key == "km/h"
    assert unit_of("30 miles", "mile", " per hour (45").key == "mph"  # the same unit as "13 mph"
    assert unit_of("13 mph", "mph", " (20 km/h)").dimension == "speed"
    assert unit_of("160 square miles", "mile", " (~415 km2)").dimension == "area"
    assert unit_of("120 miles", "mile", " (195 km) south").dimension == "length"
    assert unit_of("about ten lbs", "lb", " (five kg)").dimension == "mass"
    assert unit_of("82 pounds", "pound", " (37 kg)").dimension == "mass"  # weight pounds; money is stored as "GBP"
    assert unit_of("36 people", "people", " believed") is None


def test_two_values_convert_only_by_the_fixed_factor():
    mph, kmh = unit_of("13 mph", "mph", ""), unit_of("20 km", "km", "/h")
    assert converts((13, 13, mph), (20, 20, kmh))
    assert not converts((13, 13, mph), (30, 30, kmh))
    assert not converts((13, 13, mph), (13, 13, mph))  # one unit: a restatement, not a conversion
    feet, metres = unit_of("18 to 23 foot", "foot", ""), unit_of("5.5 to 7 meter", "meter", "")
    assert converts((18, 23, feet), (5.5, 7, metres))
    assert not converts((18, 23, feet), (120, 195, unit_of("120 km", "km", "")))
    assert not converts((120, 120, unit_of("120 miles", "mile", "")), (195, 195, kmh))  # a length, a speed


def test_a_value_and_its_conversion_in_brackets_are_one_group(ledger_path):
    with Ledger(ledger_path) as ledger:
        pairs = [(figure_in(ledger, DEPRESSION, a), figure_in(ledger, DEPRESSION, b))
                 for a, b in (("30 miles", "45 kilometers"), ("13 mph", "20 km"), ("120 miles", "195 km"))]
        pairs += [(figure_in(ledger, DINOSAUR, "about ten lbs"), figure_in(ledger, DINOSAUR, "five kg")),
                  (figure_in(ledger, DINOSAUR, "about 18 mph"), figure_in(ledger, DINOSAUR, "8 m"))]
    assert all(a["group"] == b["group"] for a, b in pairs), [(a["text"], b["text"]) for a, b in pairs]


def test_the_same_speed_far_away_is_no_conversion(ledger_path):
    # "winds of 75 miles per hour (120 kilometers per hour)" ... "category 1 hurricanes must sustain winds of
    # at least 74 miles per hour": the storm's winds and a threshold, seven sentences apart
    with Ledger(ledger_path) as ledger:
        storm, converted = figure_in(ledger, HUMBERTO, "75 miles"), figure_in(ledger, HUMBERTO, "120 kilometers")
        threshold = figure_in(ledger, HUMBERTO, "at least 74 miles")
    assert storm["group"] == converted["group"]
    assert threshold["group"] not in (storm["group"], converted["group"])


def test_a_weight_in_pounds_converts_to_kilograms():
    # "weighed 82 pounds (37 kg)": the extractor stores weight pounds as "pound", money as "GBP"
    assert converts((82, 82, unit_of("82 pounds", "pound", " (37 kg)")), (37, 37, unit_of("37 kg", "kg", ")")))
    assert unit_of("82 pounds", "GBP", "") is None


def test_volumes_have_fixed_factors():
    # "... is upwards of 141 billion liters (about 37 billion U.S. gallons, 31 billion imperial gallons)"
    liters = unit_of("upwards of 141 billion liters", "liter", " (about 37")
    gallons = unit_of("about 37 billion U.S. gallons", "gallon", ", 31 billion")
    imperial = unit_of("31 billion imperial gallons", "gallon", "); which")
    assert (liters.dimension, gallons.key, imperial.key) == ("volume", "gal", "imp gal")
    assert converts((141e9, 141e9, liters), (37e9, 37e9, gallons))
    assert converts((37e9, 37e9, gallons), (31e9, 31e9, imperial))
    assert not converts((37e9, 37e9, gallons), (37e9, 37e9, imperial))  # 20% apart: not one volume


def test_an_astronomical_unit_is_a_length():
    # "(1au; 150 million km; 93 million miles)"; "around 30 astronomical units — one astronomical unit is ..."
    au = unit_of("1au", "au", "; 150 million")
    assert au.key == "au" and unit_of("around 30 astronomical units", "unit", " — one").key == "au"
    assert unit_of("two units", "unit", " of") is None  # only the astronomical one
    assert converts((1, 1, au), (150e6, 150e6, unit_of("150 million km", "km", "; 93 million")))
    assert unit_of("60km", "km", "/s [about 37").key == "km/s"


def test_a_quantity_given_in_three_units_is_no_contest():
    # "... 1au (150 million km, 93 million miles) ...": one distance, three units
    values = [("1au", 1.0, "au", 1.495978707e11, "astronomical unit"), ("150 million km", 1.5e8, "km", 1000.0, "km"),
              ("93 million miles", 9.3e7, "mi", 1609.344, "miles")]
    members = [FigureFacts(i, 1, v, v, None, "distance", "distance", f"distance:{u}", subject=subject, unit=u,
                           dimension="length", scale=scale) for i, (_text, v, u, scale, subject) in enumerate(values)]
    claims = [Claim(f.id, "distance", f.low, f.high, claimant=f"c{f.id}", document=1) for f in members]
    assert judge(claims).contested  # raw values: 1 and 150 million "disagree"
    verdict = judge(in_one_unit(claims, members))
    assert not verdict.contested
    assert verdict.low == 1.0 and abs(verdict.high - 1.0) < 0.01  # in astronomical units, the unit the group shows
