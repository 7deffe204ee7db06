"""Incident evidence for figure groups: what happened where and when, rather than shared wording.

Why: the wording rule (``figures.link``) needs two figures' contexts to share rare words, so a toll
restated further down an article, or the same running count reported by two outlets on the same
days about the same place, stayed apart (issue 12: 3 of 18 same-quantity pairs found). Two kinds of
evidence are added here, both on top of the hard constraints of ``figures.conflict``:

* **in one document**, the same measure stated again nearby: the identical value within
  ``RESTATE_SENTENCES`` sentences (not for strikes, units or shares: ``PER_PLACE``), or, for a
  running count, an approximate value within ``NEAR_SHARE`` of it (a rounding) within
  ``NEAR_SENTENCES``; one value of one unit restated anywhere when the two passages share a rare word
  (``restated``: the lead and an interview); a toll's floor and its count (``raised``); and a value
  restated in another unit right after it, in brackets or after a
  semicolon or slash ("€20,000 (£17,500; US$22,900)", "22 miles (35 km)"): the units differ, so
  such figures sit in different blocks and are paired by ``conversion_pairs``;
* **across documents**, an *incident*: a running count (casualties, deaths, injuries, detained,
  people) of the same measure, the same place named in the figure's sentence, the referred days
  at most ``INCIDENT_DAYS`` apart (the figure's own day, else the document's published date) and
  compatible values. Candidates come from blocking keys (place × measure × date window), so the
  work grows with the ledger, not with its square.
  A disease's cases in one place are one outbreak's for weeks (``revised``).

Deaths, injuries and casualties are separate measures and never link here; different places or
days outside the window never link.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..extract.tally_words import DISEASES
from .interviews import could_repeat
from .figures import LOCAL_ONLY, REVISION_DAYS, RUNNING, FigureFacts, consistent, link
from .terms import TermWeights, overlap
from .periods import Day, days_apart
from .text import stem
from .units import Unit, converts

RESTATE_SENTENCES = 10  # the identical value of one measure restated this far apart is one quantity
NEAR_SENTENCES = 2  # ... a close value (a rounding) only this near
NEAR_SHARE = 0.1  # how close: the values differ by at most this share of the larger
INCIDENT_DAYS = 3  # days between two reports' referred dates for one incident across documents
# families whose equal values in one document are usually different things: a release's strikes and
# units per location ("three tactical units" near two towns), shares of different wholes ("100%")
PER_PLACE = frozenset({"events", "troops", "percent"})
SPECIFIC_DIGITS = 3  # significant digits of a value two documents rarely state by chance ("1,991", "3.27")
SPECIFIC_WORDS = 0.5  # ... and the rare words (``terms.overlap``) their contexts must share
RAISED_FACTOR = 2  # a toll's exact count at most this many times its floor stated nearby
RESTATED_WORDS = 1  # distinctive words two passages of one document share for a restatement anywhere in it
RESTATED_WORDS_APART = 2  # ... when the two values differ (a rounding)
RESTATED_SHARES = frozenset({"percent"})  # ... a share restated with its subject's words is one quantity
APPROXIMATE = frozenset({"about", "almost", "nearly"})  # qualifiers of a rounded value
BELOW = frozenset({"almost", "nearly"})  # ... that stays below its number
WHOLE_SHARES = frozenset({0.0, 100.0})  # shares that say "none" or "all" of something
OPEN = {"at least": "up", "more than": "up", "over": "up", "up to": "down", "fewer than": "down"}  # open bounds
REVISED = frozenset({"cases"})  # running counts revised for weeks without a shared word: an outbreak's cases
OUTBREAK_TOLLS = frozenset({"deaths"})  # ... and its deaths, when both contexts name one disease
DISEASE_TERMS = frozenset(stem(word) for word in DISEASES)
DEFAULT_MODIFIERS = frozenset({"confirmed"})  # "confirmed cases" are what "cases" means
WORLD = "place:world"
CONVERTIBLE = frozenset({"money", "distance", "speed", "mass", "volume"})  # measures written with a conversion into another unit
CONVERSION_GAP = 3  # at most this many characters between a value and its conversion
CONVERSION_MARKS = "(;/="  # ... one of which opens the conversion
# ... or an amount of money given again in another currency after "or" ("approximately GBP738 thousand or
# USD910 thousand", "US$8000 or €7000": the 2 amounts of two currencies joined by "or" in the bundled corpus)
CURRENCY_OR = re.compile(r"\s+or\s+")
ANSWER_SENTENCES = 2  # sentences at the opening of an answer whose figures answer the question (``interviews``)
GUESS_SENTENCES = 3  # sentences after a guess within which the speaker's figure of its family corrects it
# between a value in a unit with a fixed factor and its conversion: a bracket (after the rest of a speed's
# unit, "75 miles per hour (120 km"), a semicolon, slash or equals sign (34 pairs in 19 corpus documents), or
# a comma before a second conversion in the brackets ("141 billion liters (about 37 billion U.S. gallons, 31
# billion imperial gallons)"): only units with a fixed factor that agree on the value link so
CONVERTED = re.compile(r"(?:/(?:h|hr|hour|s|sec)\b|\s+(?:per|an|a)\s+(?:hour|second)\b)?\s*[(\[;/=,]\s*")


def evidence(a: FigureFacts, b: FigureFacts, weights: TermWeights) -> float:
    """The strongest evidence that two compatible figures measure one quantity (0: none)."""
    return max(link(a, b, weights), same_document(a, b), restated(a, b, weights), raised(a, b),
               same_incident(a, b), revised(a, b), conversion(a, b), interview(a, b), specific(a, b, weights))


def conversion(a: FigureFacts, b: FigureFacts) -> float:
    """One value written in two units, the second right after the first, in brackets or after ';'.
    Units with a fixed factor (``units``) must also agree on the value ("22-mile (35-km)", never
    "18 to 23 foot (5.5 to 70 meter)"); money, whose rates change, only on the brackets."""
    if a.document != b.document or a.measure != b.measure or a.measure not in CONVERTIBLE \
            or a.family is not None and a.family == b.family:  # one unit: not a conversion
        return 0.0
    first, second = (a, b) if a.start <= b.start else (b, a)
    gap = second.start - first.end
    if a.dimension and b.dimension and a.scale and b.scale:
        fixed = converts((a.low, a.high, Unit(a.unit or "", a.dimension, a.scale)),
                         (b.low, b.high, Unit(b.unit or "", b.dimension, b.scale)))
        return 2.5 if fixed and 0 < gap <= len(second.opening) and CONVERTED.fullmatch(second.opening[-gap:]) else 0.0
    if 0 <= gap <= CONVERSION_GAP and any(mark in second.opening[-gap:] for mark in CONVERSION_MARKS if gap):
        return 2.5
    if a.measure == "money" and 0 < gap <= len(second.opening) and CURRENCY_OR.fullmatch(second.opening[-gap:]):
        return 2.5
    return 0.0


def interview(a: FigureFacts, b: FigureFacts) -> float:
    """A question's figure and its answer's, an interviewer's restatement ("You said ...") of an earlier
    figure, or an interviewee's guess and its correction, of one block (``interviews`` has the counts)."""
    if a.document != b.document or a.family != b.family or a.family is None or a.turn is None or b.turn is None \
            or a.vague or b.vague or a.offset or b.offset:
        return 0.0
    first, second = sorted((a, b), key=lambda f: f.start)
    if first.asks and not second.asks and second.turn == first.turn + 1 and second.turn_sentence < ANSWER_SENTENCES:
        return 1.5
    if second.asks and second.restates and not first.asks \
            and could_repeat(second.low, second.high, first.low, first.high):
        return 1.5
    if first.guess and second.turn == first.turn and 0 < second.sentence - first.sentence <= GUESS_SENTENCES:
        return 1.2
    return 0.0


def conversion_pairs(facts: Iterable[FigureFacts]) -> Iterator[tuple[FigureFacts, FigureFacts]]:
    """Candidate conversions: figures of a convertible measure in one document, in text order, next to each
    other (not per sentence: "37 billion U.S. gallons, 31 billion imperial gallons" ends a sentence at "U.S.")."""
    by_document: dict[tuple, list[FigureFacts]] = defaultdict(list)
    for fact in facts:
        if fact.measure in CONVERTIBLE:
            by_document[(fact.document, fact.measure)].append(fact)
    for key in sorted(by_document):
        ordered = sorted(by_document[key], key=lambda f: (f.start, f.id))
        for first, second in zip(ordered, ordered[1:]):
            if conversion(first, second):
                yield first, second


def same_document(a: FigureFacts, b: FigureFacts) -> float:
    """One measure restated in one document (identical value nearby, or a rounding of a toll adjacent)."""
    if a.document != b.document or a.measure != b.measure or a.family is None or a.vague or b.vague \
            or a.family.split(":")[0] in PER_PLACE or a.measure in LOCAL_ONLY or not _same_subject(a, b):
        return 0.0
    apart = abs(a.sentence - b.sentence)
    if a.low == b.low and a.high == b.high and (a.low or 0) > 1 and apart <= RESTATE_SENTENCES:
        return 1.8
    approximate = bool(a.qualifier or b.qualifier) and min(a.low or 0, b.low or 0) > 1
    if apart <= NEAR_SENTENCES and a.family in RUNNING and approximate and _close(a, b):
        return 1.2
    return 0.0


def restated(a: FigureFacts, b: FigureFacts, weights: TermWeights) -> float:
    """One quantity stated again anywhere in a document (the lead's "4.6 billion years" and the
    interviewee's "4.5 billion years"): one unit, one value, in another sentence (one sentence with
    a value twice lists two things: "two percent in the Léger poll, two percent in the Redfield"), and
    the two passages (a figure's sentence and the one before, less the title's words) share a
    distinctive word — two when one rounds the other ("about ten years" and "nine years" share one;
    two floors, "over 40%" and "at least 43%", are one statement loosely put). Never a moment ("Eight
    years earlier", "Two days later") for an amount of time."""
    if a.document != b.document or a.family != b.family or a.family is None or a.vague or b.vague \
            or a.sentence == b.sentence or a.offset or b.offset or not _same_subject(a, b) \
            or a.family.split(":")[0] in PER_PLACE - RESTATED_SHARES \
            or min(a.low or 0, b.low or 0) <= 1 and not fractional(a) or not _same_value(a, b):
        return 0.0
    shared = [t for t in set(a.local) & set(b.local) if weights.distinctive(t)]
    rounded = (a.low, a.high) != (b.low, b.high) and not (OPEN.get(a.qualifier or "") and OPEN.get(b.qualifier or ""))
    return 1.0 if len(shared) >= (RESTATED_WORDS_APART if rounded else RESTATED_WORDS) else 0.0


def fractional(fact: FigureFacts) -> bool:
    """A measured value below one ("0.2 moles per cubic meter"), not a count of one thing or nobody."""
    return fact.low is not None and 0 < fact.low < 1


def raised(a: FigureFacts, b: FigureFacts) -> float:
    """A toll's floor and a count above it a few sentences on, in one document ("at least a dozen people
    lost their lives" ... "18 people died"): one toll, told first as a floor. At most ``RAISED_FACTOR``
    times the floor, so a floor of two is no floor for fifty."""
    if a.document != b.document or a.measure != b.measure or a.family != "casualties" or a.vague or b.vague \
            or abs(a.sentence - b.sentence) > RESTATE_SENTENCES or not _same_subject(a, b):
        return 0.0
    floors = [f for f in (a, b) if OPEN.get(f.qualifier or "") == "up"]
    if len(floors) != 1:
        return 0.0
    floor = floors[0]
    count = b if floor is a else a
    if count.qualifier is not None or count.low is None or floor.low is None or floor.low < 2:
        return 0.0
    return 1.0 if floor.low < count.low <= RAISED_FACTOR * floor.low else 0.0


def specific(a: FigureFacts, b: FigureFacts, weights: TermWeights) -> float:
    """One specific value in two documents ("at least 1,991 delegates" needed for a nomination, "3.27 percent"
    of a past election): a value of ``SPECIFIC_DIGITS`` significant digits is rarely stated by chance, so the
    same value of one block, in contexts sharing a rare word, is one quantity even when they share fewer
    words than ``figures.link`` needs. Round values ("36 people", "$5 million", "100 mph") never link so.
    Within the hard constraints: a per-day count still links only on its own day."""
    if a.document == b.document or a.family != b.family or a.vague or b.vague or a.measure in LOCAL_ONLY \
            or (a.low, a.high, a.qualifier) != (b.low, b.high, b.qualifier) or not specific_value(a):
        return 0.0
    return 0.9 if overlap(a.terms, b.terms, weights)[0] >= SPECIFIC_WORDS else 0.0


def specific_value(fact: FigureFacts) -> bool:
    """A single value of at least ``SPECIFIC_DIGITS`` significant digits ("1,991", "3.27", "126,000"; not "35,000")."""
    if fact.low is None or fact.high not in (None, fact.low):
        return False
    digits = f"{abs(fact.low):.6f}".replace(".", "").strip("0")
    return len(digits) >= SPECIFIC_DIGITS


def value_keys(fact: FigureFacts) -> list[tuple]:
    """A blocking key for a specific value (``specific``): the few figures across the ledger stating it."""
    return [("value", fact.low)] if fact.measure not in LOCAL_ONLY and specific_value(fact) else []


def same_incident(a: FigureFacts, b: FigureFacts) -> float:
    """One running count of one incident reported by two documents (place, date window, measure)."""
    if a.document == b.document or a.measure != b.measure or a.family not in RUNNING or a.vague or b.vague:
        return 0.0
    if not set(a.places) & set(b.places) or not _same_subject(a, b):
        return 0.0
    apart = days_apart(Day.parse(a.date), Day.parse(b.date))
    if apart is None or apart > INCIDENT_DAYS or not consistent(a, b):
        return 0.0
    return 0.8


def revised(a: FigureFacts, b: FigureFacts) -> float:
    """A disease's cases or deaths reported again weeks later by another document ("around 35,000"
    infected worldwide on 9 February, "at least 118,381 cases" on 11 March): in one place within
    ``REVISION_DAYS`` one outbreak's count, never falling, of the same kind (not "suspected" against all).
    Deaths only when both contexts name one disease (``DISEASES``) and the counts name the same places
    (``revision_places``: none is the world's, "the virus has killed more than 1,000 people"). Tolls
    of violence are left to the wording rule: two attacks in one country within weeks are common."""
    if a.document == b.document or a.measure != b.measure or a.vague or b.vague or not _same_subject(a, b) \
            or "other:" in a.head + b.head \
            or set(a.modifiers) - DEFAULT_MODIFIERS != set(b.modifiers) - DEFAULT_MODIFIERS:
        return 0.0  # "suspected" and all cases are two quantities
    places_a, places_b = revision_places(a), revision_places(b)
    if a.measure in REVISED:
        if not places_a & places_b or (WORLD in places_a) != (WORLD in places_b):
            return 0.0  # a worldwide count and one country's are two quantities
    elif not (a.measure in OUTBREAK_TOLLS and places_a == places_b and disease(a) & disease(b)):
        return 0.0  # China's deaths told beside the world's cases ("813 in China and 35,000 worldwide")
    first, later = sorted((a, b), key=lambda f: (f.date or "", f.id))
    apart = days_apart(Day.parse(first.date), Day.parse(later.date))
    if apart is None or apart > REVISION_DAYS or (later.high or later.low or 0) < (first.low or 0):
        return 0.0
    return 0.6


def disease(fact: FigureFacts) -> set[str]:
    """The diseases a figure's context (its sentence, the one before, the title) names."""
    return DISEASE_TERMS & set(fact.terms)


def revision_places(fact: FigureFacts) -> set[str]:
    """The places of an outbreak's count; for a disease's deaths naming none, the world's (its own toll)."""
    if not fact.places and fact.measure in OUTBREAK_TOLLS and disease(fact):
        return {WORLD}
    return set(fact.places)


def incident_keys(fact: FigureFacts) -> list[tuple]:
    """Blocking keys (place, measure, window): two figures within ``INCIDENT_DAYS`` of each other
    share a window, as each is filed under its own window and the one before (for an outbreak's
    cases and deaths also windows of ``REVISION_DAYS``, ``revision_places``)."""
    day = Day.parse(fact.date)
    when = day.as_date() if day and day.year else None  # a day without a year is not blocked on
    if fact.family not in RUNNING or when is None:
        return []
    window = when.toordinal() // INCIDENT_DAYS
    keys = [("incident", place, fact.measure, w) for place in fact.places for w in (window, window - 1)]
    if fact.measure in REVISED or fact.measure in OUTBREAK_TOLLS and disease(fact):  # revised for weeks
        weeks = when.toordinal() // REVISION_DAYS
        keys += [("revision", place, fact.measure, w) for place in sorted(revision_places(fact))
                 for w in (weeks, weeks - 1)]
    return keys


def _close(a: FigureFacts, b: FigureFacts) -> bool:
    """Values within ``NEAR_SHARE`` of each other ("about 40", "40.3"): a rounding of one value, not two
    open-ended bounds ("at least 42", "at least eight") that merely allow each other."""
    if None in (a.low, b.low):
        return False
    top = max(abs(a.low), abs(b.low), abs(a.high or a.low), abs(b.high or b.low))
    return abs(a.low - b.low) <= NEAR_SHARE * top and abs((a.high or a.low) - (b.high or b.low)) <= NEAR_SHARE * top


def _same_value(a: FigureFacts, b: FigureFacts) -> bool:
    """Could two statements give one value? Two exact values must be equal; a rounded value allows
    its neighbourhood ("almost 5700" / "around 5000", never "almost fourteen" / "15"); an open bound only its
    own number ("40%" / "over 40%", never "at least 74 miles" / "75 miles": a threshold), or a close
    open bound pointing the same way ("over 40%" / "at least 43%"). Two shares are never rounded into each other ("about 36%" and "about 34%" are two candidates'
    votes), nor shares of 0 or 100% restated."""
    if a.measure == "percent" and {a.low, a.high, b.low, b.high} & WHOLE_SHARES:
        return False  # "100% air", "100% hydrogen": all of different wholes
    direction_a, direction_b = OPEN.get(a.qualifier or ""), OPEN.get(b.qualifier or "")
    if direction_a and direction_b and direction_a != direction_b:
        return False  # "over 1400 feet" / "below 1400 feet"
    if a.low == b.low and a.high == b.high:
        return True
    if direction_a or direction_b:  # a floor restates only its own number, or a close floor
        return bool(direction_a and direction_b) and _close(a, b)
    if a.measure == "percent" or not (_approximate(a) or _approximate(b)):
        return False
    (a_low, a_high), (b_low, b_high) = _rounding(a), _rounding(b)
    return a_low <= b_high and b_low <= a_high


def _rounding(fact: FigureFacts) -> tuple[float, float]:
    """The values a rounded figure stands for: "about 40" 36-44, "almost 5700" 5130-5700 (never above)."""
    low, high = float(fact.low or 0), float(fact.high if fact.high is not None else fact.low or 0)
    if fact.qualifier in BELOW:
        return low * (1 - NEAR_SHARE), high
    if fact.qualifier in APPROXIMATE:
        return low * (1 - NEAR_SHARE), high * (1 + NEAR_SHARE)
    return low, high


def _approximate(fact: FigureFacts) -> bool:
    """A rounded value ("about 40", "almost 5700"), not an open bound ("at least 40")."""
    return fact.qualifier in APPROXIMATE


def _same_subject(a: FigureFacts, b: FigureFacts) -> bool:
    """The same head class, or one of them only says 'how many'."""
    return a.head == b.head or "count" in (a.head, b.head)
