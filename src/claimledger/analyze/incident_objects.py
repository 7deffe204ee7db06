"""Incidents as objects: the tallies and casualty figures that tell of one event, within and across documents.

Why: an analyst compares the numbers of one event (an attack, a crash, an outbreak) across reports,
and a figure group answers one quantity only; the incident holds them all: its casualties, deaths
and injuries side by side, its reports in publication order.

The rule:

* an *item* is a stored tally, or a figure whose measure counts people (``MEASURES``); what the
  rule reads of it is kept in ``incident_items`` (computed once per document): the event's kind
  (``what``: the ``EVENT_KINDS`` word nearest to it in its sentence, else in the sentence before,
  else in the title), its place as the text names it, its day (the tally's date or the figure's
  referred day, else the document's date) and its sentence;
* two items may never share an incident when their places exclude each other (neither place's
  parts hold the other's: "Andar district, Ghazni province" holds "Ghazni" and Afghanistan, not
  "Kabul"; in one document a place naming only a country holds the towns it tells of), or both
  kinds are known and are neither equal nor kin (``EVENT_KIN``; in one document, at one place, two
  words for one event are likelier than two events), or their days are more than ``REVISION_DAYS``
  apart (so short links cannot chain a place's reports of a year into one incident);
* they are *linked* when their figures share a figure group (one quantity is one incident), when
  they are of one document (nearer sentences first, days at most ``DOCUMENT_DAYS`` apart), or across
  documents when both kinds are known and compatible, a place part below country level is shared (a
  country only between two reports of one kind that both name no more than the country) and their
  days are at most ``INCIDENT_DAYS`` apart. Cross-document candidates come from blocking keys
  (place part x window of days), so the work grows with the ledger, not its square;
* links are taken strongest first and two incidents join only when no pair across them clashes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from ..extract.tally_words import EVENT_KIN, EVENT_KINDS, EVENT_PHRASES, PLACE_LEVELS
from ..extract.places import country, fold
from .clusters import day_number_of, join_strongest
from .figures import REVISION_DAYS
from .incidents import INCIDENT_DAYS
from .periods import Day, days_apart
from .text import Sentences

MEASURES = frozenset({"casualties", "deaths", "injuries", "detained", "missing", "cases"})
KIND_ORDER = {kind: i for i, kind in enumerate(EVENT_KINDS)}
WORD_KIND = {word: kind for kind, words_ in EVENT_KINDS.items() for word in words_}
_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")
_SPLIT = re.compile(r",|;| in | near ")
_NOT_NAMES = frozenset("the north south east west northern southern eastern western central".split())
_RESERVED = {"uk": "gb"}  # ISO 3166's exceptionally reserved code for the United Kingdom
_PHRASES = [(re.compile(pattern), word) for pattern, word in EVENT_PHRASES.items()]
DOCUMENT_DAYS = 7  # days between two counts of one document that can still be one incident
NEIGHBOURS = 64  # items of one key (place and days, figure group) each is compared with, in day order


@dataclass
class Item:
    """One tally or figure as the incident rule sees it."""

    id: int
    document: int
    what: str | None
    place: str | None
    date: str | None
    sentence: int
    group: int | None = None  # the figure group of a figure item
    incident: int | None = None  # the incident it was in before this analysis run, if any

    @property
    def parts(self) -> frozenset[str]:
        return place_parts(self.place)


# -- what one item reads ----------------------------------------------------------------------------


def event_kind(text: str, title: str | None, at: int, sentences: Sentences) -> str | None:
    """The kind of event told of around offset ``at``: the nearest kind word in its sentence, else in
    the sentence before, else the first in the title."""
    index = sentences.index(at)
    for i, near in ((index, True), (index - 1, False)):
        if i < 0:
            continue
        start, end = sentences.span(i)
        hits = [m for m in _WORD.finditer(_phrased(text[start:end])) if m.group() in WORD_KIND]
        found = [(abs(start + m.start() - at) if near else -m.start(), KIND_ORDER[WORD_KIND[m.group()]],
                  WORD_KIND[m.group()]) for m in hits]  # the sentence before: its last kind word
        if found:
            return min(found)[2]
    found = [WORD_KIND[m.group()] for m in _WORD.finditer(_phrased(title or "")) if m.group() in WORD_KIND]
    return found[0] if found else None


def _phrased(text: str) -> str:
    """Folded text with ``EVENT_PHRASES`` replaced by their word (same length not needed: offsets
    are only compared within one sentence)."""
    text = fold(text)
    for pattern, word in _PHRASES:
        text = pattern.sub(word, text)
    return text


@lru_cache(maxsize=65536)
def place_parts(place: str | None) -> frozenset[str]:
    """The names a place is made of, folded, with the country of a first-level subdivision added:
    "Andar district, Ghazni province" -> {andar, ghazni, afghanistan}."""
    if not place:
        return frozenset()
    parts = set()
    for piece in _SPLIT.split(fold(place)):
        words_ = [w for w in piece.split() if w not in _NOT_NAMES]
        if len(words_) > 1 and words_[-1] in PLACE_LEVELS and not country(" ".join(words_)):
            words_.pop()  # "Ghazni province" is Ghazni
        if words_:
            parts.add(country_name(" ".join(words_)))
    parts |= {c for p in list(parts) if (c := subdivision_country(p))}
    return frozenset(parts)


@lru_cache(maxsize=4096)
def country_name(part: str) -> str:
    """One name per country ("us", "u.s." -> "united states"), else the part as it is."""
    part = _RESERVED.get(part.replace(".", ""), part.replace(".", "") if len(part) <= 4 else part)
    if not country(part):
        return part
    try:
        return fold(pycountry.countries.lookup(part).name)
    except LookupError:
        return part


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Folded first-level subdivision name -> folded country name (one country only)."""
    found: dict[str, set[str]] = defaultdict(set)
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            found[fold(s.name)].add(fold(pycountry.countries.get(alpha_2=s.country_code).name))
    return {name: next(iter(c)) for name, c in found.items() if len(c) == 1}


def subdivision_country(name: str) -> str | None:
    return _subdivisions().get(name)


def is_country(part: str) -> bool:
    return country(part)


# -- the pair rule ----------------------------------------------------------------------------------


def clash(a: Item, b: Item) -> bool:
    """Places that exclude each other, known kinds that are neither equal nor kin (in one document
    at one place, two words for one event are more likely than two events: they may differ), or days
    more than ``REVISION_DAYS`` apart: links of a few days each must not chain one place's attacks or
    outbreak reports into a single incident of a year (on 68,856 synthetic documents, a place's
    reports made incidents of up to 2,102 items over eleven months; on the bundled corpus the longest
    incident spans 57 days)."""
    a_day, b_day = day_number_of(a.date), day_number_of(b.date)
    if a_day is not None and b_day is not None and abs(a_day - b_day) > REVISION_DAYS:
        return True
    pa, pb = a.parts, b.parts
    if pa and pb and not (pa <= pb or pb <= pa) and not (a.document == b.document and national(pa) != national(pb)):
        return True
    return not kin(a.what, b.what) and not (a.document == b.document and pa == pb)


def national(parts: frozenset[str]) -> bool:
    """A place that names only a country: in one document it holds the towns the text tells of."""
    return all(is_country(p) for p in parts)


def kin(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or b in EVENT_KIN.get(a, ()) or a in EVENT_KIN.get(b, ())


def link(a: Item, b: Item) -> float:
    """Evidence that two compatible items tell of one incident (0: none)."""
    if a.group is not None and a.group == b.group:
        return 4.0
    apart = days_apart(Day.parse(a.date), Day.parse(b.date)) or 0
    if apart > (DOCUMENT_DAYS if a.document == b.document else INCIDENT_DAYS):
        return 0.0
    if a.document == b.document:
        return 2.0 + 1.0 / (1 + abs(a.sentence - b.sentence))
    if a.what is None or b.what is None or not a.date or not b.date:
        return 0.0
    shared = a.parts & b.parts
    below = {p for p in shared if not is_country(p)}
    if not below and not (shared and a.what == b.what and national(a.parts) and national(b.parts)):
        return 0.0  # a country in common links only reports that both speak of the whole country
    return 1.0 + 0.5 * (a.what == b.what) + 0.5 * (a.parts == b.parts)


def keys(item: Item) -> list[tuple]:
    """Blocking keys: each place part below country level (a country only when there is none), in
    the item's window of days and the one before."""
    day = Day.parse(item.date)
    when = day.as_date() if day and day.year else None
    if when is None or item.what is None or not item.parts:
        return []
    below = [p for p in item.parts if not is_country(p)] or sorted(item.parts)
    window = when.toordinal() // INCIDENT_DAYS
    return [(p, w) for p in below for w in (window, window - 1)]


def cluster(items: list[Item], joined: Iterable[list[int]] = ()) -> list[list[int]]:
    """Incidents as lists of item ids (each sorted; sorted by smallest id). Deterministic. ``joined``:
    items that are one incident already (an incident built before, which new reports may join)."""
    by_id = {i.id: i for i in items}
    index: dict[tuple, list[int]] = defaultdict(list)
    for item in sorted(items, key=lambda i: i.id):
        index[("document", item.document)].append(item.id)
        if item.group is not None:
            index[("group", item.group)].append(item.id)
        for key in keys(item):
            index[key].append(item.id)
    links = set()
    for key, ids in index.items():
        if key[0] != "document":  # a place's items in day order, each with its NEIGHBOURS next
            ids = sorted(ids, key=lambda i: (by_id[i].date or "", i))
        for x in range(len(ids)):
            for y in range(x + 1, len(ids) if key[0] == "document" else min(len(ids), x + 1 + NEIGHBOURS)):
                a, b = by_id[min(ids[x], ids[y])], by_id[max(ids[x], ids[y])]
                if not clash(a, b) and (score := link(a, b)) > 0:
                    links.add((score, a.id, b.id))
    return join_strongest(by_id, links, lambda p, q: clash(by_id[p], by_id[q]), joined)


def summary(kinds: Counter, places: Counter, days: Iterable[str], documents: int, items: int) -> dict:
    """What, where and when of one incident from its items' kinds and places (with counts) and days:
    the most told kind, the most specific place, the first and last day (not a yearless one)."""
    what = min(kinds, key=lambda k: (-kinds[k], KIND_ORDER[k])) if kinds else None
    place = max(places, key=lambda p: (len(place_parts(p)), places[p], p)) if places else None
    days = sorted(d for d in days if d and not d.startswith("--"))
    return {"what": what, "place": place, "first": days[0] if days else None, "last": days[-1] if days else None,
            "documents": documents, "items": items}
