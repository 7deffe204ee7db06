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

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

import pycountry
from sqlalchemy import bindparam, delete, insert, select, update

from ..extract.lexicon import EVENT_KIN, EVENT_KINDS, EVENT_PHRASES, PLACE_LEVELS
from ..extract.places import country, fold
from ..ledger.schema import (
    canonical_entities, document_analysis, documents, figure_analysis, figures, incident_items, incidents, tallies,
    tally_claims,
)
from .clusters import day_number_of, join_strongest
from .figures import REVISION_DAYS
from .incidents import INCIDENT_DAYS
from .periods import Day, days_apart
from .text import Sentences
from .tx import Tx, chunks

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


def cluster(items: list[Item]) -> list[list[int]]:
    """Incidents as lists of item ids (each sorted; sorted by smallest id). Deterministic."""
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
    return join_strongest(by_id, links, lambda p, q: clash(by_id[p], by_id[q]))


def summary(members: list[Item]) -> dict:
    """What, where and when of one incident: the most told kind, the most specific place, the days."""
    kinds = Counter(i.what for i in members if i.what)
    what = min(kinds, key=lambda k: (-kinds[k], KIND_ORDER[k])) if kinds else None
    places = Counter(i.place for i in members if i.place)
    place = max(places, key=lambda p: (len(place_parts(p)), places[p], p)) if places else None
    days = sorted(i.date for i in members if i.date and not i.date.startswith("--"))
    return {"what": what, "place": place, "first": days[0] if days else None, "last": days[-1] if days else None,
            "documents": len({i.document for i in members}), "items": len(members)}


# -- the analysis step ------------------------------------------------------------------------------


class IncidentStep(Tx):
    """Reads the items of new documents, forgets those of stale ones, and rebuilds the incidents they
    touch: those holding an item of a changed document, one of a figure group a new item is in, or
    one dated within ``INCIDENT_DAYS`` of a new item. A full analysis empties the tables first
    (``run.Analysis.clear``), so the same step then builds every incident; it may run once per chunk
    of documents."""

    def run(self, new_ids: list[int], stale_ids: list[int]) -> int:
        """Returns how many incidents were (re)built."""
        ii = incident_items
        changed = sorted({*new_ids, *stale_ids})
        region = set(self.scalars_in(lambda part: select(ii.c.incident_id).distinct().where(
            ii.c.document_id.in_(part), ii.c.incident_id.is_not(None)), changed))
        for part in chunks(changed):
            self.c.execute(delete(ii).where(ii.c.document_id.in_(part)))
        for part in chunks(sorted(new_ids), 100):
            rows = self.items_of(part)
            if rows:
                self.c.execute(insert(ii), rows)
        region |= self.near(sorted(new_ids))
        return self.rebuild(region, sorted(new_ids))

    def scalars_in(self, make, ids) -> list:
        return [row[0] for row in self.rows_in(make, ids)]

    def near(self, new_ids: list[int]) -> set[int]:
        """Incidents a new item could join: sharing its figure group, or dated within the window."""
        ii, fa = incident_items, figure_analysis
        new = self.rows_in(lambda part: select(ii.c.date, fa.c.group_id)
                           .outerjoin(fa, (ii.c.kind == "figure") & (fa.c.figure_id == ii.c.ref))
                           .where(ii.c.document_id.in_(part)), new_ids)
        groups = {r.group_id for r in new if r.group_id is not None}
        found = set(self.scalars_in(lambda part: select(ii.c.incident_id).distinct()
                                    .join(fa, (ii.c.kind == "figure") & (fa.c.figure_id == ii.c.ref))
                                    .where(fa.c.group_id.in_(part), ii.c.incident_id.is_not(None)), groups))
        for low, high in _windows(r.date for r in new):
            found |= set(self.scalars(select(ii.c.incident_id).distinct().where(
                ii.c.date >= low, ii.c.date <= high, ii.c.incident_id.is_not(None))))
        return found

    def items_of(self, doc_ids: list[int]) -> list[dict]:
        d, da = documents, document_analysis
        docs = {r.id: r for r in self.c.execute(
            select(d.c.id, d.c.title, d.c.text, da.c.date).outerjoin(da, da.c.document_id == d.c.id)
            .where(d.c.id.in_(doc_ids), d.c.is_current))}
        sentences = {i: Sentences.of(r.text) for i, r in docs.items()}
        rows = []
        t, tc = tallies, tally_claims
        first_span: dict[int, int] = {}
        for claim in self.c.execute(select(tc.c.tally_id, tc.c.spans).join(t, t.c.id == tc.c.tally_id)
                                    .where(t.c.document_id.in_(list(docs))).order_by(tc.c.id)):
            spans = json.loads(claim.spans)
            if spans and claim.tally_id not in first_span:
                first_span[claim.tally_id] = spans[0][0]
        for r in self.c.execute(select(t.c.id, t.c.document_id, t.c.category, t.c.place, t.c.date)
                                .where(t.c.document_id.in_(list(docs)))):
            doc = docs[r.document_id]
            at = first_span.get(r.id, 0)
            rows.append(self.row("tally", r.id, r.document_id, r.category, r.place, r.date or doc.date, at, doc,
                                 sentences[r.document_id]))
        fa = figure_analysis
        found = self.c.execute(select(figures.c.id, figures.c.document_id, figures.c.start, fa.c.measure, fa.c.features)
                               .join(fa, fa.c.figure_id == figures.c.id)
                               .where(figures.c.document_id.in_(list(docs)), fa.c.measure.in_(sorted(MEASURES)))).all()
        names = self.place_names({k for r in found for k in json.loads(r.features)["places"]})
        for r in found:
            facts = json.loads(r.features)
            place = ", ".join(sorted(names.get(k, k.split(":", 1)[-1]) for k in facts["places"] if k != "place:world"))
            rows.append(self.row("figure", r.id, r.document_id, r.measure, place or None, facts.get("date"),
                                 r.start, docs[r.document_id], sentences[r.document_id]))
        return rows

    @staticmethod
    def row(kind: str, ref: int, doc_id: int, category: str, place: str | None, date: str | None, at: int, doc,
            sentences: Sentences) -> dict:
        return {"kind": kind, "ref": ref, "document_id": doc_id, "category": category, "place": place,
                "date": date, "what": event_kind(doc.text, doc.title, at, sentences),
                "sentence": sentences.index(at), "incident_id": None}

    def place_names(self, keys_: set[str]) -> dict[str, str]:
        ce = canonical_entities
        return dict(self.rows_in(lambda part: select(ce.c.key, ce.c.name).where(ce.c.key.in_(part)), keys_))

    def rebuild(self, region: set[int], new_ids: list[int]) -> int:
        """Cluster the items of the incidents in ``region`` with those of the new documents; an
        incident's id is its smallest item id, so ids stay put."""
        ii, fa, d = incident_items, figure_analysis, documents
        stmt = (select(ii.c.id, ii.c.document_id, ii.c.what, ii.c.place, ii.c.date, ii.c.sentence, ii.c.incident_id,
                       fa.c.group_id)
                .join(d, d.c.id == ii.c.document_id)
                .outerjoin(fa, (ii.c.kind == "figure") & (fa.c.figure_id == ii.c.ref))
                .where(d.c.is_current))
        found = self.rows_in(lambda part: stmt.where(ii.c.incident_id.in_(part)), region)
        found += self.rows_in(lambda part: stmt.where(ii.c.document_id.in_(part)), new_ids)
        items = [Item(r.id, r.document_id, r.what, r.place, r.date, r.sentence, r.group_id) for r in found]
        before = {r.id: r.incident_id for r in found}
        by_id = {i.id: i for i in items}
        rows, moved = [], []
        for ids in cluster(items):
            rows.append({"id": ids[0], **summary([by_id[i] for i in ids])})
            moved += [{"i": i, "n": ids[0]} for i in ids if before[i] != ids[0]]
        self.write(rows, region)
        if moved:
            self.c.execute(update(ii).where(ii.c.id == bindparam("i")).values(incident_id=bindparam("n")), moved)
        return len(rows)

    def write(self, rows: list[dict], region: set[int]) -> None:
        """Replace the incidents of the region with the rebuilt ones."""
        for part in chunks(sorted(region | {r["id"] for r in rows})):
            self.c.execute(delete(incidents).where(incidents.c.id.in_(part)))
        for part in chunks(rows):
            self.c.execute(insert(incidents), part)


def _windows(dates) -> list[tuple[str, str]]:
    """ISO day ranges within ``INCIDENT_DAYS`` of the dated ones (overlapping ranges joined)."""
    days = sorted({day.as_date() for text in dates if (day := Day.parse(text)) and day.year})
    spans: list[list] = []
    for day in days:
        low, high = day - timedelta(days=INCIDENT_DAYS), day + timedelta(days=INCIDENT_DAYS)
        if spans and low <= spans[-1][1]:
            spans[-1][1] = high
        else:
            spans.append([low, high])
    return [(low.isoformat(), high.isoformat()) for low, high in spans]
