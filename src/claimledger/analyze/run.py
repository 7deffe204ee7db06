"""Running the analysis on a ledger: read what is new, work it out, write the results back.

Why a separate step from ingest: analysis compares documents with each other, so it needs the
whole ledger, not one batch. It is incremental: a document is analysed once; a new document is
compared with the figures already grouped, and only the groups it touches are recomputed. A revised
or removed document's analysis is dropped and its groups recomputed. ``full=True`` starts over
(the user's alias rules, grades and group edits are kept and replayed).

Everything happens in one write transaction: an analysis is either stored whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, bindparam, delete, distinct, func, insert, select, union, update

from ..ledger import dialect
from ..ledger.schema import (
    alias_rules, attributions, canonical_entities, canonical_names, document_analysis, documents, entities,
    entity_aliases, entity_links, entity_titles, figure_analysis, figure_groups, figures, group_edits,
    group_estimates, mentions, outlets, quote_analysis, quotes, term_counts,
)
from . import contest, corroboration, grades
from .aliases import AliasRule, normal_alias, rule_table
from .entities import CanonicalEntity, NameUse, Resolver
from .figures import DocumentContext, Edit, FigureFacts, TermWeights, apply_edits, cluster, conflict, figure_facts, link
from .figures import blocks as figure_blocks
from .figures import candidate_pairs
from .periods import Day, first_date, period_day
from .text import content_terms, fold, words, iso_time

CHUNK = 500


@dataclass
class AnalysisReport:
    """What one analysis run did."""

    full: bool = False
    documents: int = 0  # documents analysed now
    removed: int = 0  # revised-away documents whose analysis was dropped
    figures: int = 0  # figures (re)grouped
    groups: int = 0  # groups written
    contested: int = 0  # of those, contested
    entities: int = 0  # canonical entities in the ledger afterwards
    seconds: float = 0.0


@dataclass
class DocInfo:
    """What group statistics need of a document."""

    id: int
    key: str
    outlet: str | None
    seen: str | None
    date: str | None
    story: int


def analyze(engine: Engine, *, full: bool = False) -> AnalysisReport:
    """Analyse the documents not yet analysed (all of them with ``full``), in one transaction."""
    started = time.perf_counter()
    with dialect.writing(engine) as connection:
        report = Analysis(connection).run(full=full)
    report.seconds = time.perf_counter() - started
    return report


def regroup(engine: Engine, figure_ids: Iterable[int]) -> None:
    """Recompute the groups holding these figures (after the user edited groups)."""
    with dialect.writing(engine) as connection:
        analysis = Analysis(connection)
        groups = set(analysis.scalars(select(figure_analysis.c.group_id).where(
            figure_analysis.c.figure_id.in_(sorted(set(figure_ids))))))
        analysis.regroup([], groups)


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def user_rules(connection: Connection) -> list[AliasRule]:
    rows = connection.execute(select(alias_rules).order_by(alias_rules.c.id))
    return [AliasRule(r.alias, r.canonical, r.type, r.side, "user") for r in rows]


def document_terms(title: str | None, text: str) -> set[str]:
    """The words a document contributes to the term counts (each once)."""
    return content_terms(f"{title or ''} {text}")


class Analysis:
    """One analysis run inside an open write transaction."""

    def __init__(self, connection: Connection):
        self.c = connection
        self.now = datetime.now(timezone.utc)
        self.touched_entities: set[int] = set()

    # -- small helpers ---------------------------------------------------------------------------

    def scalars(self, stmt) -> list:
        return list(self.c.execute(stmt).scalars())

    def rows_in(self, make, ids: Iterable) -> list:
        """Rows of ``make(chunk)`` for the ids, a chunk at a time (keeps IN lists short)."""
        found = []
        for part in chunks(sorted(set(ids))):
            found.extend(self.c.execute(make(part)).all())
        return found

    # -- the run ---------------------------------------------------------------------------------

    def run(self, *, full: bool) -> AnalysisReport:
        if full:
            self.clear()
        d, da = documents, document_analysis
        pending_ids = self.scalars(
            select(d.c.id).where(d.c.is_current, d.c.id.not_in(select(da.c.document_id))).order_by(d.c.id))
        stale_ids = self.scalars(
            select(da.c.document_id).join(d, d.c.id == da.c.document_id).where(~d.c.is_current))
        report = AnalysisReport(full=full, documents=len(pending_ids), removed=len(stale_ids))
        if not pending_ids and not stale_ids:
            report.entities = self.c.scalar(select(func.count()).select_from(canonical_entities))
            return report
        affected = self.remove(stale_ids) if stale_ids else set()
        docs = self.load_documents(pending_ids)
        self.count_terms([document_terms(r.title, r.text) for r in docs.values()], +1)
        story_of, affected_by_stories = self.find_stories(docs)
        affected |= affected_by_stories
        resolved = self.resolve_entities(docs, story_of)
        contexts = self.document_contexts(docs, resolved)
        self.store_documents(docs, contexts, story_of)
        new_facts = self.figure_facts(docs, contexts, resolved)
        self.quote_claims(docs, resolved)
        written = self.regroup(new_facts, affected)
        self.refresh_entity_counts()
        report.figures = len(new_facts)
        report.groups = len(written)
        report.contested = sum(1 for contested in written.values() if contested)
        report.entities = self.c.scalar(select(func.count()).select_from(canonical_entities))
        return report

    def clear(self) -> None:
        """Drop every analysis result (not the user's rules, grades or edits)."""
        for table in (figure_analysis, quote_analysis, group_estimates, figure_groups, entity_links,
                      canonical_names, canonical_entities, document_analysis, term_counts):
            self.c.execute(delete(table))

    def remove(self, stale_ids: list[int]) -> set[int]:
        """Forget the analysis of documents that are no longer current; returns the groups they were in."""
        fa = figure_analysis
        groups = set(self.scalars(select(fa.c.group_id).distinct().where(fa.c.document_id.in_(stale_ids))))
        rows = self.rows_in(lambda part: select(documents.c.title, documents.c.text).where(documents.c.id.in_(part)),
                            stale_ids)
        self.count_terms([document_terms(r.title, r.text) for r in rows], -1)
        claims = set(self.scalars(select(quote_analysis.c.claim).distinct().where(
            quote_analysis.c.document_id.in_(stale_ids))))
        for part in chunks(stale_ids):
            self.c.execute(delete(fa).where(fa.c.document_id.in_(part)))
            self.c.execute(delete(quote_analysis).where(quote_analysis.c.document_id.in_(part)))
            self.c.execute(delete(document_analysis).where(document_analysis.c.document_id.in_(part)))
        self.refresh_quote_claims(claims)
        return groups

    def load_documents(self, ids: list[int]) -> dict[int, object]:
        d = documents
        rows = self.rows_in(lambda part: (
            select(d.c.id, d.c.key, d.c.title, d.c.text, d.c.url, d.c.published, d.c.ingested_at,
                   outlets.c.name.label("outlet"))
            .select_from(d.outerjoin(outlets, outlets.c.id == d.c.outlet_id))
            .where(d.c.id.in_(part))), ids)
        return {row.id: row for row in sorted(rows, key=lambda r: r.id)}

    # -- term counts -----------------------------------------------------------------------------

    def count_terms(self, term_sets: list[set[str]], sign: int) -> None:
        counts = Counter(term for terms in term_sets for term in terms)
        if not counts:
            return
        t = term_counts
        existing = dict(self.rows_in(lambda part: select(t.c.term, t.c.documents).where(t.c.term.in_(part)), counts))
        inserts = [{"term": term, "documents": n} for term, n in counts.items() if term not in existing and sign > 0]
        if inserts:
            self.c.execute(insert(t), inserts)
        changed = [{"k": term, "v": existing[term] + sign * n} for term, n in counts.items() if term in existing]
        keep = [row for row in changed if row["v"] > 0]
        if keep:
            self.c.execute(update(t).where(t.c.term == bindparam("k")).values(documents=bindparam("v")), keep)
        gone = [row["k"] for row in changed if row["v"] <= 0]
        for part in chunks(gone):
            self.c.execute(delete(t).where(t.c.term.in_(part)))

    def weights(self, terms: Iterable[str]) -> TermWeights:
        t = term_counts
        counts = dict(self.rows_in(lambda part: select(t.c.term, t.c.documents).where(t.c.term.in_(part)), terms))
        n = self.c.scalar(select(func.count()).select_from(document_analysis))
        return TermWeights(counts, n)

    # -- entities --------------------------------------------------------------------------------

    def resolve_entities(self, docs: dict[int, object], story_of: dict[int, int]) -> dict:
        """Canonical entities for every name the new documents use; returns look-ups by row and by name.
        Unnamed sources ("officials") are one entity per story, so a reprint's officials are the original's."""
        doc_ids = list(docs)
        resolver = Resolver(rule_table(user_rules(self.c)))
        self.load_registry(resolver)
        self._entity_rows = row_info = self.entity_rows(doc_ids)
        linked = dict(self.rows_in(lambda part: select(entity_links.c.entity_id, canonical_entities.c.key)
                                   .join(canonical_entities, canonical_entities.c.id == entity_links.c.canonical_id)
                                   .where(entity_links.c.entity_id.in_(part)), row_info))
        self.touched_entities |= {resolver.entities[key].id for key in linked.values() if key in resolver.entities}
        uses: list[NameUse] = []
        row_of_use: dict[int, int] = {}
        for row_id, (name, label, docs_of, aliases_, titles_) in sorted(row_info.items()):
            if row_id in linked:
                continue
            row_of_use[len(uses)] = row_id
            uses.append(NameUse(name, label, frozenset(docs_of), row_id, tuple(aliases_), tuple(titles_)))
        claimant_of_use: dict[int, str] = {}
        for raw, (docs_of, titles_) in sorted(self.claimant_strings(doc_ids).items()):
            claimant_of_use[len(uses)] = raw
            uses.append(NameUse(raw, None, frozenset(docs_of), titles=tuple(sorted(titles_))))
        outlet_of_use: dict[int, str] = {}
        outlet_docs: dict[str, set[int]] = defaultdict(set)
        for doc in docs.values():
            if doc.outlet:
                outlet_docs[doc.outlet].add(doc.id)
        for name, docs_of in sorted(outlet_docs.items()):
            outlet_of_use[len(uses)] = name
            uses.append(NameUse(name, None, frozenset(docs_of), outlet=True))
        mapping = resolver.resolve(uses, story_of)
        ids = self.store_registry(resolver)
        rows, names, outlet_keys = dict(linked), {}, {}
        for (i, document), key in mapping.items():
            if i in row_of_use:
                rows[row_of_use[i]] = key
            elif i in claimant_of_use:
                names[(document, claimant_of_use[i])] = key
            else:
                outlet_keys[outlet_of_use[i]] = key
        links = [{"entity_id": row, "canonical_id": ids[key]} for row, key in rows.items() if row not in linked]
        if links:
            self.c.execute(insert(entity_links), links)
        key_names = {key: entity.name for key, entity in resolver.entities.items()}
        key_types = {key: entity.type for key, entity in resolver.entities.items()}
        return {"rows": rows, "names": names, "outlets": outlet_keys, "ids": ids, "key_names": key_names,
                "key_types": key_types}

    def entity_rows(self, doc_ids: list[int]) -> dict[int, tuple]:
        """Extracted entities mentioned in these documents: id -> (name, label, docs, aliases, titles)."""
        found: dict[int, list] = {}
        for part in chunks(doc_ids):
            rows = self.c.execute(select(entities.c.id, entities.c.name, entities.c.label, mentions.c.document_id)
                                  .join(mentions, mentions.c.entity_id == entities.c.id)
                                  .where(mentions.c.document_id.in_(part)))
            for row in rows:
                found.setdefault(row.id, [row.name, row.label, set(), [], []])[2].add(row.document_id)
        for table, column, slot in ((entity_aliases, entity_aliases.c.alias, 3), (entity_titles, entity_titles.c.title, 4)):
            for row in self.rows_in(lambda part, table=table, column=column: select(table.c.entity_id, column)
                                    .where(table.c.entity_id.in_(part)).order_by(table.c.id), found):
                found[row[0]][slot].append(row[1])
        return {k: tuple(v) for k, v in found.items()}

    def claimant_strings(self, doc_ids: list[int]) -> dict[str, tuple[set[int], set[str]]]:
        """Figure claimants, quote speakers (with their titles) and attribution sources, by string."""
        found: dict[str, tuple[set[int], set[str]]] = {}
        for part in chunks(doc_ids):
            for column, table, title in ((figures.c.claimant, figures, None), (quotes.c.speaker, quotes, quotes.c.speaker_title),
                                         (attributions.c.source, attributions, None)):
                columns = [column, table.c.document_id] + ([title] if title is not None else [])
                for row in self.c.execute(select(*columns).where(table.c.document_id.in_(part), column.is_not(None))):
                    entry = found.setdefault(row[0], (set(), set()))
                    entry[0].add(row[1])
                    if title is not None and row[2]:
                        entry[1].add(row[2])
        return found

    def load_registry(self, resolver: Resolver) -> None:
        """The canonical entities of earlier runs, so new names can join them."""
        ce, cn = canonical_entities, canonical_names
        stored: dict[int, CanonicalEntity] = {}
        for row in self.c.execute(select(ce)):
            stored[row.id] = CanonicalEntity(row.key, row.name, row.type, side=row.side, affiliation=row.affiliation,
                                             id=row.id, known_documents=row.documents, fixed_name=True)
        for row in self.c.execute(select(cn.c.canonical_id, cn.c.kind, cn.c.name)):
            stored[row.canonical_id].names[row.kind].add(row.name)
        for entity in stored.values():
            resolver.load(entity)
        self._stored = {e.key: (e.name, e.type, e.side, e.affiliation) for e in stored.values()}

    def store_registry(self, resolver: Resolver) -> dict[str, int]:
        """Insert new canonical entities and names, update changed ones; returns key -> id."""
        ce, cn = canonical_entities, canonical_names
        fresh, changed = [], []
        for key, entity in sorted(resolver.entities.items()):
            values = {"name": entity.name, "type": entity.type, "side": entity.side, "affiliation": entity.affiliation}
            if entity.id is None:
                fresh.append({"key": key, "documents": entity.document_count, **values})
            elif self._stored.get(key) != tuple(values.values()):
                changed.append({"i": entity.id, **values})
        for part in chunks(fresh):
            self.c.execute(insert(ce), part)
        new_ids = dict(self.rows_in(lambda part: select(ce.c.key, ce.c.id).where(ce.c.key.in_(part)),
                                    [row["key"] for row in fresh]))
        if changed:
            self.c.execute(update(ce).where(ce.c.id == bindparam("i")).values(
                name=bindparam("name"), type=bindparam("type"), side=bindparam("side"),
                affiliation=bindparam("affiliation")), changed)
        ids: dict[str, int] = {}
        for key, entity in resolver.entities.items():
            if entity.id is None:
                entity.id = new_ids[key]
            if entity.documents:
                self.touched_entities.add(entity.id)
            ids[key] = entity.id
        rows = [{"canonical_id": entity.id, "kind": kind, "name": name, "normal": normal_alias(name)}
                for entity in resolver.entities.values() if entity.documents
                for kind, names in sorted(entity.names.items()) for name in sorted(names) if name]
        for part in chunks(rows):
            dialect.insert_ignore(self.c, cn, part)
        return ids

    def refresh_entity_counts(self) -> None:
        """Documents per canonical entity: mentions, claims and quotes in current documents."""
        if not self.touched_entities:
            return
        d = documents
        for part in chunks(sorted(self.touched_entities)):
            sources = union(
                select(entity_links.c.canonical_id.label("cid"), mentions.c.document_id.label("did"))
                .join(mentions, mentions.c.entity_id == entity_links.c.entity_id)
                .where(entity_links.c.canonical_id.in_(part)),
                select(figure_analysis.c.claimant_id, figure_analysis.c.document_id)
                .where(figure_analysis.c.claimant_id.in_(part)),
                select(quote_analysis.c.speaker_id, quote_analysis.c.document_id)
                .where(quote_analysis.c.speaker_id.in_(part)),
            ).subquery()
            counts = dict(self.c.execute(
                select(sources.c.cid, func.count(distinct(sources.c.did)))
                .join(d, d.c.id == sources.c.did).where(d.c.is_current).group_by(sources.c.cid)).all())
            self.c.execute(update(canonical_entities).where(canonical_entities.c.id == bindparam("i"))
                           .values(documents=bindparam("n")), [{"i": cid, "n": counts.get(cid, 0)} for cid in part])

    # -- documents: dates, places, stories -------------------------------------------------------

    def document_contexts(self, docs: dict[int, object], resolved: dict) -> dict[int, DocumentContext]:
        """Date and place names of each new document."""
        places: dict[int, dict[str, str]] = defaultdict(dict)
        place_rows = getattr(self, "_entity_rows", None) or self.entity_rows(list(docs))
        for row_id, (name, label, docs_of, aliases_, _titles) in place_rows.items():
            key = resolved["rows"].get(row_id)
            if key is None or resolved["key_types"].get(key) != "place":
                continue
            for surface in {name, *aliases_}:
                if surface and len(surface) > 1:
                    for doc_id in docs_of:
                        places[doc_id][surface] = key
        contexts = {}
        for doc in docs.values():
            published = Day.parse(doc.published)
            date = published or first_date(doc.title) or first_date(doc.text[:300])
            contexts[doc.id] = DocumentContext(doc.id, doc.text, doc.title, date, places.get(doc.id, {}))
        return contexts

    def find_stories(self, docs: dict[int, object]) -> tuple[dict[int, int], set[int]]:
        """MinHash the new documents and put near duplicates into one story: returns each new
        document's story, and the groups of older documents whose story changed (to recompute)."""
        da = document_analysis
        self._signatures = {}
        new = []
        for doc in docs.values():
            seen = doc.published or iso_time(doc.ingested_at)
            self._signatures[doc.id] = (corroboration.signature(doc.text), seen)
            new.append(corroboration.Seen(doc.id, *self._signatures[doc.id]))
        old_rows = self.c.execute(select(da.c.document_id, da.c.signature, da.c.seen, da.c.story_id)).all()
        old = [corroboration.Seen(r.document_id, r.signature, r.seen) for r in old_rows]
        old_story = {r.document_id: r.story_id for r in old_rows}
        changes = corroboration.stories(new, old, old_story)
        moved = [doc_id for doc_id in changes if doc_id in old_story]
        for doc_id in moved:
            self.c.execute(update(da).where(da.c.document_id == doc_id).values(story_id=changes[doc_id]))
        story_of = {doc_id: changes.get(doc_id, doc_id) for doc_id in docs}
        if not moved:
            return story_of, set()
        return story_of, set(self.scalars(select(figure_analysis.c.group_id).distinct()
                                          .where(figure_analysis.c.document_id.in_(moved))))

    def store_documents(self, docs: dict[int, object], contexts: dict[int, DocumentContext],
                        story_of: dict[int, int]) -> None:
        rows = []
        for doc in docs.values():
            signature, seen = self._signatures[doc.id]
            context = contexts[doc.id]
            context.cluster = story_of[doc.id]
            rows.append({"document_id": doc.id, "signature": signature, "story_id": story_of[doc.id],
                         "date": context.date.iso() if context.date else None, "seen": seen,
                         "places": json.dumps(sorted(context.place_keys)), "analyzed_at": self.now})
        for part in chunks(rows):
            self.c.execute(insert(document_analysis), part)

    # -- figures ---------------------------------------------------------------------------------

    def figure_facts(self, docs: dict[int, object], contexts: dict[int, DocumentContext], resolved: dict) -> list[FigureFacts]:
        found = []
        for part in chunks(list(docs)):
            rows = self.c.execute(select(figures).where(figures.c.document_id.in_(part)).order_by(figures.c.id))
            for row in rows:
                figure = dict(row._mapping)
                context = contexts[figure["document_id"]]
                key = resolved["names"].get((figure["document_id"], figure["claimant"])) if figure["claimant"] else None
                day = period_day(figure["period"], context.date)
                found.append(figure_facts(figure, context, claimant=key, named=key is not None, period_day=day))
        self._resolved = resolved
        return found

    def quote_claims(self, docs: dict[int, object], resolved: dict) -> None:
        """A quote claim is its speaker's entity and its folded words; count the outlets carrying each."""
        rows, claims = [], set()
        for part in chunks(list(docs)):
            for q in self.c.execute(select(quotes.c.id, quotes.c.document_id, quotes.c.speaker, quotes.c.text)
                                    .where(quotes.c.document_id.in_(part))):
                key = resolved["names"].get((q.document_id, q.speaker)) if q.speaker else None
                claim = hashlib.sha256(f"{key or q.speaker or ''}\n{' '.join(words(q.text))}".encode()).hexdigest()
                claims.add(claim)
                rows.append({"quote_id": q.id, "document_id": q.document_id,
                             "speaker_id": resolved["ids"].get(key) if key else None, "claim": claim, "outlets": 1,
                             "first_document_id": q.document_id, "first_seen": None})
        if rows:
            self.c.execute(insert(quote_analysis), rows)
            self.touched_entities |= {r["speaker_id"] for r in rows if r["speaker_id"]}
        self.refresh_quote_claims(claims)

    def refresh_quote_claims(self, claims: set[str]) -> None:
        qa, da = quote_analysis, document_analysis
        for part in chunks(sorted(claims)):
            rows = self.c.execute(select(qa.c.quote_id, qa.c.claim, qa.c.document_id, da.c.story_id, da.c.seen)
                                  .join(da, da.c.document_id == qa.c.document_id).where(qa.c.claim.in_(part))).all()
            info = self.doc_info({r.story_id for r in rows})
            by_claim = defaultdict(list)
            for row in rows:
                by_claim[row.claim].append(row)
            values = []
            for claim, items in by_claim.items():
                first = min(items, key=lambda r: (r.seen or "", r.document_id))
                outlets_ = corroboration.independent_outlets((r.story_id for r in items),
                                                             {s: i.outlet for s, i in info.items()})
                values.append({"k": claim, "n": outlets_, "d": first.document_id, "s": first.seen})
            if values:
                self.c.execute(update(qa).where(qa.c.claim == bindparam("k")).values(
                    outlets=bindparam("n"), first_document_id=bindparam("d"), first_seen=bindparam("s")), values)

    def doc_info(self, ids: Iterable[int]) -> dict[int, DocInfo]:
        d, da = documents, document_analysis
        rows = self.rows_in(lambda part: (
            select(d.c.id, d.c.key, outlets.c.name.label("outlet"), da.c.seen, da.c.date, da.c.story_id)
            .select_from(d.join(da, da.c.document_id == d.c.id).outerjoin(outlets, outlets.c.id == d.c.outlet_id))
            .where(d.c.id.in_(part))), ids)
        return {r.id: DocInfo(r.id, r.key, r.outlet, r.seen, r.date, r.story_id) for r in rows}

    # -- groups ----------------------------------------------------------------------------------

    def regroup(self, new_facts: list[FigureFacts], affected: set[int]) -> dict[int, bool]:
        """Group the new figures with those they link to, recompute the affected groups; returns
        {group id: contested} of the groups written."""
        fa = figure_analysis
        facts: dict[int, FigureFacts] = {f.id: f for f in new_facts}
        group_of: dict[int, int] = {}
        families = sorted({f.family for f in new_facts if f.family is not None})
        block_rows = []
        for part in chunks(families, 50):
            block_rows += self.c.execute(select(fa.c.figure_id, fa.c.group_id, fa.c.features)
                                         .where(fa.c.family.in_(part))).all()
        existing = {}
        for row in block_rows:
            existing[row.figure_id] = FigureFacts.from_json(row.features)
            group_of[row.figure_id] = row.group_id
        involved_docs = {f.document for f in new_facts} | {f.document for f in existing.values()}
        places = self.document_places(involved_docs)
        weights = self.weights({t for f in (*new_facts, *existing.values()) for t in f.terms})
        if new_facts and existing:
            everyone = [*existing.values(), *new_facts]
            for block in figure_blocks(everyone).values():
                for a, b in candidate_pairs(block, weights):
                    if (a.id in facts) == (b.id in facts):
                        continue
                    if conflict(a, b, places) is None and link(a, b, weights) > 0:
                        old = a if a.id in existing else b
                        affected.add(group_of[old.id])
        edits = [Edit(r.kind, tuple(json.loads(r.figures))) for r in
                 self.c.execute(select(group_edits).order_by(group_edits.c.id))]
        # Close over the user's edits: a merge reaching into another group brings that group along.
        while True:
            members = self.group_members(affected)
            for fid, gid in members.items():
                group_of.setdefault(fid, gid)
            subset = set(facts) | set(members)
            extra = set()
            for edit in edits:
                if subset & set(edit.figures):
                    extra |= set(self.scalars(select(fa.c.group_id).distinct().where(fa.c.figure_id.in_(edit.figures))))
            if extra <= affected:
                break
            affected |= extra
        missing = [fid for fid in members if fid not in existing and fid not in facts]
        for part in chunks(missing):
            for row in self.c.execute(select(fa.c.figure_id, fa.c.features).where(fa.c.figure_id.in_(part))):
                existing[row.figure_id] = FigureFacts.from_json(row.features)
        subset_facts = [facts.get(fid) or existing[fid] for fid in sorted(subset) if fid in facts or fid in existing]
        if not subset_facts:
            self.drop_groups(affected)
            return {}
        extra_docs = {f.document for f in subset_facts} - involved_docs
        if extra_docs:
            places.update(self.document_places(extra_docs))
            weights = self.weights({t for f in subset_facts for t in f.terms})
        automatic = cluster(subset_facts, weights, places)
        groups = apply_edits(automatic, edits)
        unchanged = {tuple(g) for g in automatic}
        edited = {fid for g in groups if tuple(g) not in unchanged for fid in g}
        self.drop_groups(affected)
        return self.write_groups(groups, {f.id: f for f in subset_facts}, set(facts), edited)

    def group_members(self, groups: set[int]) -> dict[int, int]:
        fa = figure_analysis
        rows = self.rows_in(lambda part: select(fa.c.figure_id, fa.c.group_id).where(fa.c.group_id.in_(part)), groups)
        return {r.figure_id: r.group_id for r in rows}

    def document_places(self, doc_ids: Iterable[int]) -> dict[int, set[str]]:
        da = document_analysis
        rows = self.rows_in(lambda part: select(da.c.document_id, da.c.places).where(da.c.document_id.in_(part)), doc_ids)
        return {r.document_id: set(json.loads(r.places)) for r in rows}

    def drop_groups(self, groups: set[int]) -> None:
        for part in chunks(sorted(groups)):
            self.c.execute(delete(group_estimates).where(group_estimates.c.group_id.in_(part)))
            self.c.execute(delete(figure_groups).where(figure_groups.c.id.in_(part)))

    def write_groups(self, groups: list[list[int]], facts: dict[int, FigureFacts], new: set[int],
                     edited: set[int]) -> dict[int, bool]:
        """Statistics, contest and corroboration of each group, written with its members' rows."""
        info = self.doc_info({f.document for f in facts.values()})
        info.update(self.doc_info({i.story for i in info.values()} - set(info)))
        resolved = getattr(self, "_resolved", None) or {}
        ids = dict(resolved.get("ids", {}))
        missing_keys = {f.claimant for f in facts.values() if f.claimant and f.claimant not in ids}
        ids.update(self.entity_ids(missing_keys))
        outlet_keys = self.outlet_keys({i.outlet for i in info.values() if i.outlet})
        names = self.entity_names({f.claimant for f in facts.values() if f.claimant}
                                  | {k for f in facts.values() for k in f.places})
        written: dict[int, bool] = {}
        group_rows, estimate_rows, new_rows, updates = [], [], [], []
        for ids_ in groups:
            members = [facts[i] for i in ids_]
            claims = [self.claim(f, info) for f in members]
            verdict = contest.judge(claims)
            gid = ids_[0]
            written[gid] = verdict.contested
            seen = sorted(info[f.document].seen or "" for f in members if info[f.document].seen)
            group_rows.append({
                "id": gid, "category": verdict.category, "subject": _subject(members), "period": _period(members),
                "place": _place(members, names), "contested": verdict.contested, "low": verdict.low,
                "best": verdict.best, "high": verdict.high, "figures": len(members),
                "claimants": len({c.claimant for c in claims}), "documents": len({f.document for f in members}),
                "first_seen": seen[0] if seen else None, "last_seen": seen[-1] if seen else None,
                "edited": bool(edited & set(ids_)),
            })
            estimate_rows += [{"group_id": gid, "category": e.category, "contested": e.contested, "low": e.low,
                               "best": e.best, "high": e.high, "figures": e.figures} for e in verdict.estimates]
            for fact, claim in zip(members, claims):
                values = self.corroborate(fact, claim, members, claims, info)
                source = fact.claimant or outlet_keys.get(info[fact.document].outlet) or f"document:{fact.document}"
                values.update(group_id=gid, source=source)
                if fact.id in new:
                    new_rows.append({"figure_id": fact.id, "document_id": fact.document, "family": fact.family,
                                     "measure": fact.measure, "claimant_id": ids.get(fact.claimant),
                                     "features": fact.to_json(), **values})
                else:
                    updates.append({"i": fact.id, **values})
        for part in chunks(group_rows):
            self.c.execute(insert(figure_groups), part)
        for part in chunks(estimate_rows):
            self.c.execute(insert(group_estimates), part)
        for part in chunks(new_rows):
            self.c.execute(insert(figure_analysis), part)
        if updates:
            columns = [k for k in updates[0] if k != "i"]
            self.c.execute(update(figure_analysis).where(figure_analysis.c.figure_id == bindparam("i"))
                           .values(**{k: bindparam(k) for k in columns}), updates)
        self.touched_entities |= {r["claimant_id"] for r in new_rows if r["claimant_id"]}
        return written

    def claim(self, fact: FigureFacts, info: dict[int, DocInfo]) -> contest.Claim:
        """The figure as the contest rule sees it; an unattributed figure is its story's outlet's claim."""
        doc = info[fact.document]
        story = info.get(doc.story, doc)
        claimant = fact.claimant or (f"outlet:{fold(story.outlet)}" if story.outlet else f"document:{story.id}")
        return contest.Claim(fact.id, fact.measure, fact.low, fact.high, fact.qualifier, claimant, fact.stance,
                             fact.vague, fact.date or doc.date, (doc.seen or "", doc.id, fact.id), fact.day, fact.document)

    @staticmethod
    def corroborate(fact: FigureFacts, claim: contest.Claim, members: list[FigureFacts], claims: list[contest.Claim],
                    info: dict[int, DocInfo]) -> dict:
        same = [(f, c) for f, c in zip(members, claims)
                if c.claimant == claim.claimant and c.measure == claim.measure and claim.counts and c.counts
                and not _apart(c, claim)] or [(fact, claim)]
        stories = [info[f.document].story for f, _ in same]
        outlets_ = corroboration.independent_outlets(stories, {s: info[s].outlet if s in info else None for s in stories})
        peers = [c for c in claims if c.measure == claim.measure]
        agree = len({c.claimant for c in peers if contest.agree(claim, c)})
        disagree = len({c.claimant for c in peers if contest.disagree(claim, c)})
        first, _ = min(same, key=lambda item: (info[item[0].document].seen or "", item[0].document, item[0].id))
        judgeable = claim.counts and not claim.vague
        value = grades.credibility(grades.Corroboration(agree, disagree, outlets_, judgeable))
        return {"outlets": outlets_, "agree": agree, "disagree": disagree, "credibility": value,
                "first_document_id": first.document, "first_seen": info[first.document].seen}

    def entity_ids(self, keys: set[str]) -> dict[str, int]:
        ce = canonical_entities
        return dict(self.rows_in(lambda part: select(ce.c.key, ce.c.id).where(ce.c.key.in_(part)), keys))

    def entity_names(self, keys: set[str]) -> dict[str, str]:
        ce = canonical_entities
        return dict(self.rows_in(lambda part: select(ce.c.key, ce.c.name).where(ce.c.key.in_(part)), keys))

    def outlet_keys(self, names: set[str]) -> dict[str, str]:
        """The canonical entity key each outlet name resolved to (for grades)."""
        cn, ce = canonical_names, canonical_entities
        found = {}
        for name in names:
            key = self.c.scalar(select(ce.c.key).where(ce.c.name == name, ce.c.type == "outlet").limit(1)) or \
                self.c.scalar(select(ce.c.key).join(cn, cn.c.canonical_id == ce.c.id)
                              .where(cn.c.normal == normal_alias(name)).order_by(ce.c.id).limit(1))
            found[name] = key or f"outlet:{normal_alias(name)}"
        return found


def _apart(a: contest.Claim, b: contest.Claim) -> bool:
    (a_low, a_high), (b_low, b_high) = contest.interval(a), contest.interval(b)
    return a_high < b_low or b_high < a_low


def _subject(members: list[FigureFacts]) -> str | None:
    """The most specific subject among the figures (most sides, then most words, then first)."""
    subjects = [f for f in members if f.subject]
    if not subjects:
        return None
    best = max(subjects, key=lambda f: (len(f.sides), len(f.subject.split()), -f.id))
    return best.subject


def _period(members: list[FigureFacts]) -> str | None:
    """The days the figures refer to (ISO day or interval), else their most common period phrase."""
    days = sorted({f.day or f.date for f in members if f.day or f.date}, key=lambda d: d.lstrip("-"))
    if days:
        return days[0] if len(days) == 1 else f"{days[0]}/{days[-1]}"
    phrases = Counter(f.period for f in members if f.period)
    if not phrases:
        return None
    first = {f.period: f.id for f in sorted(members, key=lambda f: -f.id) if f.period}
    return max(phrases, key=lambda p: (phrases[p], -first[p]))


def _place(members: list[FigureFacts], names: dict[str, str]) -> str | None:
    counts = Counter(key for f in members for key in f.places)
    if not counts:
        return None
    key = max(counts, key=lambda k: (counts[k], k))
    return names.get(key, key.split(":", 1)[-1])


