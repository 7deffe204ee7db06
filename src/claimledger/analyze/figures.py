"""Figure groups: figures that measure the same quantity, within and across documents.

Why: "almost 12,000 casualties" (Ukrainian news sources) and "just about 500" (the Russians) answer one
question; a revised toll a week later is a third answer. Grouping them lets the ledger say a figure is contested.

The rule (docs/analysis.md has it in full, with examples from the bundled corpus):

* only figures of one *block* are ever compared: one measure (deaths, injuries, casualties, strikes, tanks,
  dollars ... each apart; an incident shows its deaths and injuries side by side); a rate apart;
* a pair can never share a group when a hard constraint says they measure different things:
  subjects of different sides ("Azerbaijani soldiers" / "Artsakh soldiers"), incompatible subjects
  (soldiers / civilians; a sub-population such as children / everyone; "active" / "recovered"),
  an increment ("five new deaths", "other civilians") against a total, places that exclude each
  other, or days that do (two days for a per-day count; more than ``REVISION_DAYS`` for a toll);
* a pair is *linked* by evidence: in one document, two different named claimants within
  ``CLAIM_WINDOW`` sentences (competing claims), or the same toll restated; across documents,
  reprints of one story, or contexts (the figure's sentence, the one before it and the title)
  sharing ``SHARED_WORDS`` rare words with consistent values (tolls: ``TOLL_SHARED_WORDS``, any values);
* links are taken strongest first, and two groups join only if no pair across them breaks a hard
  constraint (so a chain of links cannot carry a figure into a group it contradicts);
* the user's merges and splits are replayed, in the order made, on top.
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from ..extract.lexicon import QUALIFIERS, SCALES, WORD_NUMBERS
from ..extract.places import country
from .periods import Day, days_apart
from .text import content_terms, country_of, fold, stem, words
from .terms import TermWeights, overlap
from .figure_places import DocumentContext, places_of
from .interviews import guessing, restating
from .units import unit_of

CASUALTY_FAMILY = frozenset({"casualties", "deaths", "injuries"})
RUNNING = frozenset({"casualties", "detained", "people", "cases"})  # families that are running totals (tolls)
LOCAL_ONLY = frozenset({"duration", "distance"})  # measures of time and length: grouped within one document only ...
# ... but a distance no day of its text dates holds on any day (the Sun-Earth distance of two interviews, 150
# million km and 93 million miles, six weeks apart): across documents the same value in the same unit, in
# contexts sharing ``SHARED_WORDS`` rare words (in the bundled corpus 15 pairs of documents state one distance
# in one unit, 4 of them in such contexts, all 4 the Sun-Earth distance)
UNDATED = frozenset({"distance"})
OPEN_BOUNDS = frozenset({"at least", "more than", "over", "up to", "fewer than", "less than", "below", "under"})
REVISION_DAYS = 60  # a running toll reported this many days apart can still be one quantity, revised
CLAIM_WINDOW = 3  # sentences between two claimants' figures in one document
SHARED_WORDS = 2.0  # rare context words two figures must share (rarity-weighted) for a cross-document link
TOLL_SHARED_WORDS = 2.5  # ... for a toll whose values differ (revised, or rival figures for one event)
TOLL_FRACTION = 0.2  # ... which must also be this share of the smaller context's rare words
TOLLS = frozenset({"casualties", "detained"})
MIN_SHARED = 2  # ... and at least this many distinctive words shared
OPENING_CHARS = 16  # characters before a figure kept to recognise a conversion ("75 miles per hour (120 km")
CLOSING_CHARS = 12  # characters after a figure read for its unit ("/h" of "161 km/h", " per hour")

FATES = {
    "deaths": re.compile(r"\b(dead|died|dies|die|killed|killing|kills|death of|deaths of|lost their lives|"
                         r"lives were lost|death toll|toll|perished|slain|fatalit\w*|bodies)\b"),
    "injuries": re.compile(r"\b(injured|injuring|injures|wounded|wounding|hurt|hospitali[sz]ed|injuries)\b"),
    "detained": re.compile(r"\b(arrested|arresting|arrests|detained|detaining|captured|abducted|kidnapped|"
                           r"imprisoned|jailed|held hostage)\b"),
    # infections: in the bundled news corpus every "N cases" / "N infections" (28 of 28) counts a disease
    "cases": re.compile(r"\b(cases|infections|infected|tested positive)\b"),
}
INCREMENT_WORDS = frozenset("other others more additional new further another remaining extra fresh".split())
RATE = re.compile(r"^\W*(?:\w+\W+){0,2}?(per|a|each|every)\s+(day|week|month|year|hour|minute)\b|^\W*(?:\w+\W+){0,2}?(daily|weekly|monthly|annually|yearly|a year|a day)\b"
                  r"|^\W*(?:\w+\W+){0,2}?in the (?:(?:past|last|previous|preceding) )?(?:24|twenty[- ]four) hours\b")
OFFSET = re.compile(r"\W*(earlier|later|ago|before|after)\b", re.I)
HEADS_COUNT = frozenset("""
death casualty fatality body victim life live toll number figure case infection dead injured wounded injury total
""".split())  # words (stems: "lives" is "live") that only say "how many": compatible with any subject
HEADS_PEOPLE = frozenset("""
people person individual member resident civilian inhabitant villager worshipper worshiper bystander
passenger citizen
""".split())
HEADS_MILITARY = frozenset("""
troop soldier fighter militant personnel serviceman servicemember marine force combatant insurgent rebel
jihadist guerrilla sailor airman paratrooper commando sniper conscript reservist mercenary recruit volunteer
terrorist gunman attacker assailant
""".split())
HEADS_SUBPOPULATION = frozenset("""
child children kid woman women girl boy infant baby teenager teen student pupil journalist foreigner
elderly man men minor worker doctor nurse police policeman officer firefighter pilgrim migrant refugee
""".split())
QUALIFIER_WORDS = frozenset(word for words, _ in QUALIFIERS for word in words)
MODIFIER_STOP = frozenset("the a an of in on at and or for to by with from as than".split())
NOT_SIDES = frozenset("the a an of in on at and or for to".split())


@dataclass(slots=True)
class FigureFacts:
    """What the grouping rule knows about one figure (stored as JSON so later runs can compare to it).
    Slots, and words shared (interned) when read back: a chunk compares tens of thousands of stored
    figures, whose words are mostly the same few thousand."""

    id: int
    document: int
    low: float | None
    high: float | None
    qualifier: str | None
    category: str
    measure: str
    family: str | None  # None: never grouped automatically
    subject: str | None = None
    period: str | None = None
    sides: list[str] = field(default_factory=list)
    head: str = "count"
    modifiers: list[str] = field(default_factory=list)
    increment: bool = False
    places: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)  # words of its sentence and the one before, not in the title
    offset: bool = False  # a duration that places a moment ("Two days later"), not an amount of time
    day: str | None = None  # the day the figure's own period names (ISO, '--MM-DD' without a year)
    date: str | None = None  # the day it refers to: ``day``, else the document's date
    claimant: str | None = None  # canonical entity key of the claimant
    named: bool = False  # the claimant is named in the text (not the outlet by default)
    sentence: int = 0
    stance: str = "asserts"
    vague: bool = False
    cluster: int | None = None  # the document's near-duplicate cluster (its first-seen document)
    start: int = 0  # the figure's span in its document (for a value restated in another unit)
    end: int = 0
    opening: str = ""  # the few characters right before the figure ("(" of "22 miles (35 km)")
    unit: str | None = None  # its unit when that has a fixed factor ("km", "mph", "km2"; ``units``)
    dimension: str | None = None  # ... that unit's dimension (length, area, speed, mass)
    scale: float | None = None  # ... and its factor to the dimension's base unit (m, m², m/s, kg)
    turn: int | None = None  # its turn in a transcript (``interviews``), None outside one
    asks: bool = False  # ... an interviewer's turn (a question)
    turn_sentence: int = 0  # ... the sentence of the turn that holds it (0: the first)
    restates: bool = False  # ... its sentence says it repeats the other speaker ("You said ...")
    guess: bool = False  # ... an answer's sentence ending in a question mark ("I would say nine years?")

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "FigureFacts":
        data = json.loads(text)
        for name in WORD_LISTS:
            if name in data:
                data[name] = [sys.intern(word) for word in data[name]]
        return cls(**data)


WORD_LISTS = ("sides", "modifiers", "places", "terms", "local")  # FigureFacts' lists of words


# --- facts ---------------------------------------------------------------------------------------


def measure_of(figure: dict, before: str, after: str) -> str:
    """The figure's category, refined when it counts people and the words around say what befell them:
    the verb before it ('killing seven riders') or the words right after ('seven motorcyclists dead'),
    the nearest one when there are several ('killed 813 ... and infected around 35,000')."""
    category = figure["category"]
    if category not in ("people", "troops", "other"):
        return category
    before, rest = fold(before), fold(f" {figure['text']} {after}")
    nearest = []
    for rank, fate in enumerate(FATES):
        gaps = [len(before) - m.end() for m in FATES[fate].finditer(before)]
        gaps += [m.start() - len(figure["text"]) - 1 for m in FATES[fate].finditer(rest)]
        if gaps:
            nearest.append((max(0, min(gaps)), rank, fate))
    return min(nearest)[2] if nearest else category


def family_of(measure: str, unit: str | None) -> str | None:
    """The block a figure is compared within (None for measures never grouped automatically)."""
    if measure in CASUALTY_FAMILY:
        return "casualties"
    if measure in ("detained", "troops", "people", "percent", "cases"):
        return measure
    return f"{measure}:{stem(fold(unit))}" if unit else measure


def subject_facts(subject: str | None, text: str) -> tuple[list[str], str, list[str], bool]:
    """Sides (capitalised modifiers; countries for demonyms), head class, lower-case modifiers
    ('active' cases, 'premature' deaths) and the increment flag of a figure's subject."""
    phrase = subject or text
    tokens = re.findall(r"[A-Za-z][\w.'\-]*", phrase if subject else _unqualified(phrase))
    lowered = [fold(t).strip(".'") for t in tokens]
    head_at = (lowered.index("of") if "of" in lowered else len(lowered)) - 1
    head_word = stem(lowered[head_at]) if head_at >= 0 else ""
    sides, modifiers = [], []
    for i, token in enumerate(tokens):
        clean = token.strip(".'")
        word = lowered[i]
        if word in MODIFIER_STOP or word in INCREMENT_WORDS:
            continue
        if i == head_at and not (clean[:1].isupper() and (i > 0 or subject is not None)):
            continue
        if clean[:1].isupper():
            if i == 0 and subject is None:
                continue
            side = country_of(clean) or word
            if stem(word) not in HEADS_COUNT | HEADS_PEOPLE | HEADS_MILITARY | HEADS_SUBPOPULATION and side not in sides:
                sides.append(side)
        elif i < head_at and word.isalpha() and stem(word) not in HEADS_COUNT | HEADS_PEOPLE:
            modifiers.append(word)
    if head_word in HEADS_COUNT or not head_word or head_word in WORD_NUMBERS or head_word in SCALES \
            or head_word[:1].isdigit():
        head = "count"
    elif head_word in HEADS_MILITARY:
        head = "military"
    elif head_word in HEADS_PEOPLE:
        head = "people"
    elif head_word in HEADS_SUBPOPULATION or head_word.rstrip("s") in HEADS_SUBPOPULATION:
        head = "sub:" + head_word
    else:
        head = "other:" + head_word
    increment = any(w in INCREMENT_WORDS for w in words(" ".join(tokens)))  # qualifier words left out
    return sides, head, modifiers, increment


def _unqualified(text: str) -> str:
    """A figure's text without the qualifier before its number ("more than 2.9 million" -> "2.9 million";
    "50 more" keeps its "more")."""
    tokens = text.split()
    while tokens and fold(tokens[0]) in QUALIFIER_WORDS:
        tokens.pop(0)
    return " ".join(tokens)


def figure_facts(figure: dict, document: DocumentContext, *, claimant: str | None, named: bool,
                 period_day: Day | None) -> FigureFacts:
    """Facts for one stored figure row (a dict of the ``figures`` table) in its document."""
    sentences = document.sentences
    index = sentences.index(figure["start"])
    start, end = sentences.span(index)
    sentence = document.text[start:end]
    before = re.split(r"[;:]", document.text[max(start, figure["start"] - 60) : figure["start"]])[-1]
    after = re.split(r"[,;:.]| and | but | while | who | which ", document.text[figure["end"] : min(end, figure["end"] + 30)])[0]
    unit = unit_of(figure["text"], figure.get("unit"), document.text[figure["end"] : figure["end"] + CLOSING_CHARS]) \
        if figure["category"] in ("distance", "other") else None
    measure = unit.measure if unit else measure_of(figure, before, after)
    speed = unit is not None and unit.dimension == "speed"  # "75 miles per hour" is a speed, not a rate
    rate = not speed and bool(RATE.search(document.text[figure["end"] : min(end, figure["end"] + 25)]))
    offset = measure == "duration" and bool(OFFSET.match(document.text[figure["end"] : min(end, figure["end"] + 12)]))
    sides, head, modifiers, increment = subject_facts(figure.get("subject"), figure["text"])
    if measure == "money":
        sides = []  # "Georgian lari", "US$": the currency's country, already in the unit, is no side
    previous = sentences.sentence(index - 1) if index > 0 else ""
    context = " ".join((document.title or "", previous, sentence))
    local = content_terms(f"{previous} {sentence}") - content_terms(document.title or "") - content_terms(figure["text"])
    reference = period_day or (document.date if measure not in UNDATED else None)
    turn = document.transcript.turn_at(figure["start"], sentences.index)
    return FigureFacts(
        id=figure["id"], document=document.id, low=figure["low"], high=figure["high"],
        qualifier=figure.get("qualifier"), category=figure["category"], measure=measure,
        family=_rate(f"{measure}:{unit.key}" if unit else family_of(measure, figure.get("unit")), rate), subject=figure.get("subject"), period=figure.get("period"),
        sides=sides, head=head, modifiers=modifiers, increment=increment,
        places=places_of(sentence, document, figure.get("claimant"), figure["start"] - start), terms=sorted(content_terms(context)),
        local=sorted(local), offset=offset,
        day=period_day.iso() if period_day else None, date=reference.iso() if reference else None,
        claimant=claimant, named=named, sentence=index, stance=figure.get("stance") or "asserts",
        vague=bool(figure.get("vague")), cluster=document.cluster, start=figure["start"], end=figure["end"],
        opening=document.text[max(0, figure["start"] - OPENING_CHARS) : figure["start"]],
        unit=unit.key if unit else None, dimension=unit.dimension if unit else None, scale=unit.factor if unit else None,
        turn=turn.index if turn else None, asks=bool(turn and turn.asks), turn_sentence=turn.sentence if turn else 0,
        restates=bool(turn and turn.asks and restating(sentence)),
        guess=bool(turn and not turn.asks and guessing(sentence)),
    )


def _rate(family: str | None, rate: bool) -> str | None:
    """A rate ('1,000 deaths per day') is its own measure, never a total."""
    return f"{family}/rate" if family is not None and rate else family


# --- the pair rule -------------------------------------------------------------------------------


def conflict(a: FigureFacts, b: FigureFacts, places: dict[int, set[str]]) -> str | None:
    """Why two figures of one block cannot measure the same thing (None when nothing forbids it).

    ``places`` maps a document id to every place its text names (for the cross-document test).
    """
    if a.sides and b.sides and not set(a.sides) & set(b.sides):
        return "sides"
    if a.head != b.head and ("sub:" in a.head + b.head or {a.head, b.head} == {"military", "people"}):
        return "subjects"
    if a.modifiers and b.modifiers and not set(a.modifiers) & set(b.modifiers):
        return "modifiers"
    if a.increment != b.increment:
        return "increment"
    if a.places and b.places and not set(a.places) & set(b.places):
        if a.document == b.document or "place:world" in a.places + b.places \
                or all(map(_country, a.places + b.places)) \
                or not (set(a.places) & places.get(b.document, set())
                                             or set(b.places) & places.get(a.document, set())):
            return "places"
    running, one_document = a.family in RUNNING, a.document == b.document
    if a.day and b.day and not days_may_match(days_apart(Day.parse(a.day), Day.parse(b.day)), running, one_document):
        return "days"  # in one document a restated value keeps across the days its sentences name
    if not days_may_match(days_apart(Day.parse(a.date), Day.parse(b.date)), running, one_document):
        return "dates"
    return None


def days_may_match(apart: int | None, running: bool, one_document: bool) -> bool:
    """Whether two figures this many days apart (None: a day unknown) may measure one quantity: the
    same day; up to ``REVISION_DAYS`` apart for a running count, or within one document. The one day
    rule of ``conflict`` and of the blocking that proposes pairs (``clusters.within_reach``)."""
    return not apart or apart <= REVISION_DAYS and (running or one_document)


@lru_cache(maxsize=4096)
def _country(place: str) -> bool:
    """A place key naming a country ("place:united kingdom"): two countries never hold each other."""
    return country(place.split(":", 1)[-1])


def link(a: FigureFacts, b: FigureFacts, weights: TermWeights) -> float:
    """Evidence that two compatible figures measure the same thing: 0 for none, higher is stronger."""
    if a.document == b.document:
        if a.named and b.named and a.claimant != b.claimant and abs(a.sentence - b.sentence) <= CLAIM_WINDOW \
                and competing(a.family) and set(a.modifiers) == set(b.modifiers):
            return 3.0  # competing claims: different sources' numbers for one thing, side by side (not
            # "41 pledged delegates" beside "40 delegates": a modifier names another quantity)
        if a.low == b.low and a.high == b.high and a.measure == b.measure and a.family in RUNNING \
                and not a.vague and (a.low or 0) > 1 and (a.head == b.head or "count" in (a.head, b.head)):
            return 2.0  # the same toll restated
        return 0.0
    if a.cluster is not None and a.cluster == b.cluster:  # reprints of one story
        return 4.0 if a.low == b.low and a.high == b.high else 0.0
    if a.vague or b.vague:
        return 0.0
    if a.measure in UNDATED and a.date is None and b.date is None:
        return undated(a, b, weights)
    if a.measure in LOCAL_ONLY:
        return 0.0
    if a.family not in TOLLS and max(a.high or a.low or 0, b.high or b.low or 0) <= 1:
        return 0.0  # "one user", "about one individual": somebody described, not a count reports compare
    if a.family not in RUNNING and not (a.date and a.date == b.date):
        return 0.0  # a per-day count links across documents only for the same stated day
    shared, fraction = overlap(a.terms, b.terms, weights)
    if consistent(a, b) and shared >= SHARED_WORDS:
        return 1.0 + fraction
    if a.family in TOLLS and shared >= TOLL_SHARED_WORDS and fraction >= TOLL_FRACTION:
        return 0.5 + fraction  # a revised or rival toll: other values, but clearly the same event
    return 0.0


def undated(a: FigureFacts, b: FigureFacts, weights: TermWeights) -> float:
    """An undated distance restated in another document: one value in one unit (no bound: "over 1400
    feet" is a threshold), in contexts sharing rare words."""
    if (a.low, a.high, a.unit) != (b.low, b.high, b.unit) or {a.qualifier, b.qualifier} & OPEN_BOUNDS:
        return 0.0
    shared, fraction = overlap(a.terms, b.terms, weights)
    return 1.0 + fraction if shared >= SHARED_WORDS else 0.0


def competing(family: str | None) -> bool:
    """Families where two sources' different numbers side by side are rival answers to one question."""
    return family is not None and (family in ("casualties", "detained", "troops", "people")
                                   or family.split(":")[0] in ("equipment", "events", "money"))


EXACT_BELOW = 100  # exact values under this allow no slack: 2% of a small count reaches the next integer


def bounds(fact: FigureFacts) -> tuple[float, float]:
    """The values a figure allows, for linking: exact values almost exactly (±2%), approximate ones ±10%."""
    low = float(fact.low if fact.low is not None else 0)
    high = float(fact.high if fact.high is not None else low)
    if fact.vague or fact.qualifier in ("at least", "more than", "over"):
        return low, math.inf
    if fact.qualifier in ("up to", "fewer than"):
        return 0.0, high
    if not fact.qualifier and high < EXACT_BELOW:
        return low, high  # a small count is read exactly: 40 and 41 delegates are two counts
    slack = 0.10 if fact.qualifier else 0.02
    return low * (1 - slack), high * (1 + slack)


def consistent(a: FigureFacts, b: FigureFacts) -> bool:
    """Could both figures state the same number?"""
    (a_low, a_high), (b_low, b_high) = bounds(a), bounds(b)
    return a_low <= b_high and b_low <= a_high
