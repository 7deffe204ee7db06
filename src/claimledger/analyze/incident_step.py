"""The incident step of an analysis run: read the items of new documents, join them to the incidents.

Why new reports *join* the incidents built before rather than rebuild them: a running story's
incident gains reports with every chunk of documents, so rebuilding it rereads every item it holds
and a chunk's work and memory grew with the ledger (on 46,000 synthetic documents one chunk of 500
reread 13,475 incidents, 89,932 items and 2.05 million links: 180 s and 815 MB). An incident built
before is kept whole; in the rule (``incident_objects.cluster``) it stands as the distinct
(kind, place, day, figure group) of its items, one *profile* each, so a story retold by a thousand
reports is read as the few things they say. New items join such an incident, or bridge two, only
when none of its profiles clashes with them. A report that is revised away can split an incident:
the incidents it was in are rebuilt from all their items.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import bindparam, case, delete, distinct, func, insert, select, update

from ..ledger.schema import (
    canonical_entities, document_analysis, documents, figure_analysis, figures, incident_items, incidents, tallies,
    tally_claims,
)
from .incident_objects import MEASURES, Item, cluster, event_kind, keys, summary
from .incidents import INCIDENT_DAYS
from .periods import Day
from .text import Sentences
from .tx import Tx, chunks

WHOLE_ITEMS = 64  # an incident of more items is kept whole when new reports join it (its profiles are read)


class IncidentStep(Tx):
    """Reads the items of new documents, forgets those of stale ones; rebuilds the incidents a stale
    document was in and joins the new items to the incidents they may belong to (``near``). A full analysis empties
    the tables first (``run.Analysis.clear``), so the same step then builds every incident; it runs
    once per chunk of documents."""

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
        built = self.cluster(region, [], whole=None) if region else 0
        if new_ids:
            new = self.items_in(incident_items.c.document_id, sorted(new_ids))
            built += self.cluster(self.near(new), new, whole=WHOLE_ITEMS)
        return built

    def near(self, new: list[Item]) -> set[int]:
        """Incidents a new item could join: those sharing its figure group, or holding an item that
        shares one of its blocking keys (place part x window of days; ``incident_objects.keys``).
        Only these are read: the other incidents dated in the same days (elsewhere) stay as they are."""
        ii, fa = incident_items, figure_analysis
        groups = {item.group for item in new if item.group is not None}
        found = set(self.scalars_in(lambda part: select(ii.c.incident_id).distinct()
                                    .join(fa, (ii.c.kind == "figure") & (fa.c.figure_id == ii.c.ref))
                                    .where(fa.c.group_id.in_(part), ii.c.incident_id.is_not(None)), groups))
        keyed = {item.id: keys(item) for item in new}
        wanted = {key for found_keys in keyed.values() for key in found_keys}
        for low, high in _windows(item.date for item in new if keyed[item.id]):
            for r in self.c.execute(select(ii.c.incident_id, ii.c.what, ii.c.place, ii.c.date).distinct().where(
                    ii.c.date >= low, ii.c.date <= high, ii.c.incident_id.is_not(None))):
                if r.incident_id not in found and not wanted.isdisjoint(
                        keys(Item(0, 0, r.what, r.place, r.date, 0))):
                    found.add(r.incident_id)
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

    def item_select(self):
        ii, fa = incident_items, figure_analysis
        return (select(ii.c.id, ii.c.document_id, ii.c.what, ii.c.place, ii.c.date, ii.c.sentence, ii.c.incident_id,
                       fa.c.group_id)
                .outerjoin(fa, (ii.c.kind == "figure") & (fa.c.figure_id == ii.c.ref)))

    @staticmethod
    def item(row) -> Item:
        return Item(row.id, row.document_id, row.what, row.place, row.date, row.sentence, row.group_id,
                    row.incident_id)

    def items_in(self, column, ids) -> list[Item]:
        """The items whose ``column`` (document or incident) is one of ``ids``."""
        stmt = self.item_select()
        return [self.item(r) for r in self.rows_in(lambda part: stmt.where(column.in_(part)), ids)]

    def cluster(self, region: set[int], new: list[Item], whole: int | None) -> int:
        """Cluster the ``new`` items with the incidents of ``region``: an incident of more than
        ``whole`` items is kept whole and read as its profiles, a smaller one is clustered again from
        its items (as one incident a document that is gone may leave two). An incident's id is its
        smallest item id, so ids stay put. Returns how many incidents were written."""
        ii = incident_items
        sizes = dict(self.rows_in(lambda part: select(ii.c.incident_id, func.count()).where(
            ii.c.incident_id.in_(part)).group_by(ii.c.incident_id), region))
        kept = {i for i, n in sizes.items() if whole is not None and n > whole}
        items = self.items_in(ii.c.incident_id, sorted(region - kept)) + new
        before = {item.id: item.incident for item in items}
        profiles, incident_of = self.profiles(kept)
        joined = defaultdict(list)
        for profile in profiles:
            joined[incident_of[profile.id]].append(profile.id)
        merged, moved, built, alive = [], [], set(), set()
        for ids in cluster(profiles + items, joined.values()):
            olds = sorted({incident_of[i] for i in ids if i in incident_of})
            loose = [i for i in ids if i not in incident_of]
            target = min(olds + loose)
            alive.add(target)
            changed = [i for i in loose if before[i] != target]
            if len(olds) + len({before[i] for i in loose}) == 1 and not changed:
                continue  # an incident as it was
            built.add(target)
            merged += [{"o": old, "n": target} for old in olds if old != target]
            moved += [{"i": i, "n": target} for i in changed]
        if merged:
            self.c.execute(update(ii).where(ii.c.incident_id == bindparam("o")).values(incident_id=bindparam("n")),
                           merged)
        if moved:
            self.c.execute(update(ii).where(ii.c.id == bindparam("i")).values(incident_id=bindparam("n")), moved)
        self.write(built, set(region) - alive)
        return len(built)

    def profiles(self, region: set[int]) -> tuple[list[Item], dict[int, int]]:
        """The distinct (kind, place, day, figure group) of each incident's items, as items (the id
        of the first item; a document of their own: only one report's items are linked by being in
        one document, and those are in the incident already); with the incident of each."""
        ii, fa = incident_items, figure_analysis
        key = (ii.c.incident_id, ii.c.what, ii.c.place, ii.c.date, fa.c.group_id)
        stmt = (select(*key, func.min(ii.c.id).label("id"))
                .outerjoin(fa, (ii.c.kind == "figure") & (fa.c.figure_id == ii.c.ref)).group_by(*key))
        rows = self.rows_in(lambda part: stmt.where(ii.c.incident_id.in_(part)), region)
        items = [Item(r.id, -r.id, r.what, r.place, r.date, 0, r.group_id) for r in rows]
        return items, {r.id: r.incident_id for r in rows}

    def write(self, built: set[int], gone: set[int]) -> None:
        """Replace the rows of the incidents built (and of those merged into them) with their
        summaries, counted over all their items in the database."""
        ii = incident_items
        ids = sorted(built)
        kinds: dict[int, Counter] = defaultdict(Counter)
        places: dict[int, Counter] = defaultdict(Counter)
        totals: dict[int, tuple] = {}
        for part in chunks(ids):
            for r in self.c.execute(select(ii.c.incident_id, ii.c.what, ii.c.place, func.count().label("n"))
                                    .where(ii.c.incident_id.in_(part)).group_by(ii.c.incident_id, ii.c.what, ii.c.place)):
                kinds[r.incident_id][r.what] += r.n if r.what else 0
                places[r.incident_id][r.place] += r.n if r.place else 0
            dated = case((~ii.c.date.startswith("--"), ii.c.date))  # a day without a year is no first or last
            for r in self.c.execute(select(ii.c.incident_id, func.min(dated).label("first"),
                                           func.max(dated).label("last"), func.count(distinct(ii.c.document_id))
                                           .label("documents"), func.count().label("items"))
                                    .where(ii.c.incident_id.in_(part)).group_by(ii.c.incident_id)):
                totals[r.incident_id] = ([r.first, r.last], r.documents, r.items)
        rows = [{"id": i, **summary(+kinds[i], +places[i], *totals[i])} for i in ids if i in totals]
        for part in chunks(sorted(built | gone)):
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
