"""Units with fixed conversion factors: lengths, areas, speeds, masses and volumes, and what one figure's unit is.

Why: news gives a length, area, speed or mass and then the same value in another unit, in brackets
("2300 miles (3700 km)", "100 mph (161 km/h)", "6.05 hectares (14.95 acres)"). In the bundled corpus
(371 documents) 34 such value-and-conversion pairs stand side by side in 19 documents, every one within
10% of the fixed factor once the unit is read whole ("18 mph (8 m/s)"); the extractor stores the two values with unrelated units ("161 km" and the
"/h" after it, "75 ft" as a count of feet, "160 square miles" as miles), so without this table they
sit in different blocks or pass for one value twice. ``unit_of`` names one figure's unit (the words
"square", "nautical" in its text, "/h", "per hour", "/s" right after it), and ``converts`` says whether
two values in two units can be one quantity.

This is the one declaration of conversion factors (the extractor's unit words are in
``extract.lexicon``; money has no fixed factor and is left to the bracket rule of ``incidents``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.lexicon import MASSES
from .text import fold, stem

# unit word (folded, plural-stemmed, as the extractor stores it) -> (canonical key, metres)
LENGTHS: dict[str, tuple[str, float]] = {
    "km": ("km", 1000.0), "kilometre": ("km", 1000.0), "kilometer": ("km", 1000.0),
    "mile": ("mi", 1609.344), "mi": ("mi", 1609.344),
    "m": ("m", 1.0), "metre": ("m", 1.0), "meter": ("m", 1.0),
    "foot": ("ft", 0.3048), "feet": ("ft", 0.3048), "ft": ("ft", 0.3048),
    "yard": ("yd", 0.9144), "inch": ("in", 0.0254), "inche": ("in", 0.0254),
    "cm": ("cm", 0.01), "centimetre": ("cm", 0.01), "centimeter": ("cm", 0.01),
    "mm": ("mm", 0.001), "millimetre": ("mm", 0.001), "millimeter": ("mm", 0.001),
}
NAUTICAL_MILE = ("nmi", 1852.0)  # "nautical miles": the word before the unit decides
ASTRONOMICAL_UNIT = ("au", 1.495978707e11)  # "1au", "30 astronomical units" (the word "unit" after "astronomical")
# unit word -> (canonical key, square metres): areas written as one word
AREAS: dict[str, tuple[str, float]] = {
    "km2": ("km2", 1e6), "m2": ("m2", 1.0), "mi2": ("mi2", 1609.344 ** 2),
    "hectare": ("ha", 1e4), "ha": ("ha", 1e4), "acre": ("acre", 4046.8564224),
}
# unit word -> (canonical key, metres per second): speeds written as one word
SPEEDS: dict[str, tuple[str, float]] = {
    "mph": ("mph", 0.44704), "kph": ("km/h", 1 / 3.6), "knot": ("kn", 0.514444),
}
# unit word -> (canonical key, cubic metres); "gallons" are US gallons unless the figure says "imperial"
VOLUMES: dict[str, tuple[str, float]] = {
    "litre": ("l", 0.001), "liter": ("l", 0.001), "gallon": ("gal", 0.003785411784),
}
IMPERIAL_GALLON = ("imp gal", 0.00454609)
SAME_SPEED = {"mi/h": "mph", "kph": "km/h"}  # "miles per hour" is "mph"
MEASURES = {"length": "distance", "area": "distance", "speed": "speed", "mass": "mass", "volume": "volume"}  # the figure's measure
SQUARE = re.compile(r"\b(?:square|sq)\b")
PER_HOUR = re.compile(r"(?:/h(?:r|our)?\b|\s+(?:per|an|a)\s+hour\b)", re.I)
PER_SECOND = re.compile(r"(?:/s(?:ec)?\b|\s+(?:per|a)\s+second\b)", re.I)
CONVERSION_SHARE = 0.1  # a conversion rounds: the two values agree within this share of the larger


@dataclass(frozen=True)
class Unit:
    """A figure's unit with a fixed factor: ``key`` ("km", "mph", "km2"), ``dimension`` ("length",
    "area", "speed", "mass", "volume"), ``factor`` to the dimension's base unit (m, m², m/s, kg, m³), and how many
    characters after the figure its unit took ("/h" of "161 km/h", " per hour")."""

    key: str
    dimension: str
    factor: float
    consumed: int = 0

    @property
    def measure(self) -> str:
        return MEASURES[self.dimension]


def unit_of(text: str, unit: str | None, after: str) -> Unit | None:
    """The unit of a figure whose text is ``text``, stored unit ``unit`` and followed by ``after``
    (None when the unit has no fixed factor: money, people, astronomical units ...)."""
    if not unit:
        return None
    word = stem(fold(unit))
    for table, dimension in ((SPEEDS, "speed"), (MASSES, "mass"), (AREAS, "area"), (VOLUMES, "volume")):
        if word in table:
            key, factor = IMPERIAL_GALLON if key_is_imperial(word, text) else table[word]
            return Unit(key, dimension, factor)
    if word == "au" or word == "unit" and "astronomical" in fold(text):
        return Unit(ASTRONOMICAL_UNIT[0], "length", ASTRONOMICAL_UNIT[1])
    if word not in LENGTHS:
        return None
    key, metres = NAUTICAL_MILE if word == "mile" and "nautical" in fold(text) else LENGTHS[word]
    if SQUARE.search(fold(text)):
        return Unit(key + "2", "area", metres ** 2)
    for pattern, seconds, suffix in ((PER_HOUR, 3600.0, "/h"), (PER_SECOND, 1.0, "/s")):
        found = pattern.match(after)
        if found:
            return Unit(SAME_SPEED.get(key + suffix, key + suffix), "speed", metres / seconds, found.end())
    return Unit(key, "length", metres)


def key_is_imperial(word: str, text: str) -> bool:
    """"31 billion imperial gallons": the word in the figure's text makes a gallon an imperial one."""
    return word == "gallon" and "imperial" in fold(text)


def converts(first: tuple[float | None, float | None, Unit], second: tuple[float | None, float | None, Unit]) -> bool:
    """Could (low, high, unit) and (low, high, unit) be one value in two units? Same dimension, other
    units, and both ends within ``CONVERSION_SHARE`` once converted."""
    (a_low, a_high, a_unit), (b_low, b_high, b_unit) = first, second
    if a_unit.dimension != b_unit.dimension or a_unit.key == b_unit.key or a_low is None or b_low is None:
        return False
    ends = ((a_low, b_low), (a_high if a_high is not None else a_low, b_high if b_high is not None else b_low))
    return all(_near(x * a_unit.factor, y * b_unit.factor) for x, y in ends)


def _near(x: float, y: float) -> bool:
    top = max(abs(x), abs(y))
    return top > 0 and abs(x - y) <= CONVERSION_SHARE * top
