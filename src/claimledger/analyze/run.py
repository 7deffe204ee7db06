"""Running the analysis on a ledger: read what is new, work it out, write the results back.

Why a separate step from ingest: analysis compares documents with each other, so it needs the
whole ledger, not one batch. It is incremental: a document is analysed once; a new document is
compared with the figures already grouped, and only the groups it touches are recomputed. A revised
or removed document's analysis is dropped and its groups recomputed. ``full=True`` starts over
(the user's alias rules, grades and group edits are kept and replayed).

Bounded: the new documents are analysed ``CHUNK_DOCUMENTS`` at a time, each chunk in its own write
transaction, exactly as if they had been ingested and analysed in batches of that size; what a
chunk compares with (older near duplicates, figures it may join) is streamed from the ledger, not
held. A document counts as analysed once its chunk commits, so an interrupted analysis leaves a
consistent ledger (every committed chunk whole, the rest not analysed) and the next run finishes it.
Chunks are taken in publication order (undated documents last): figures and incidents only match
within weeks, so a chunk of one fortnight meets the figures of nearby weeks only, and the work and
memory of a chunk stay flat however large the ledger and in whatever order it was ingested.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, update

from ..ledger import dialect
from ..ledger.schema import (
    canonical_entities, canonical_names, document_analysis, document_bands, documents, entity_links, figure_analysis,
    figure_groups, figures, group_estimates, incident_items, incidents, outlets, quote_analysis, quotes, term_counts,
)
from . import corroboration
from .figure_places import DocumentContext
from .figures import FigureFacts, figure_facts
from .grouping import GroupStep
from .incident_step import IncidentStep
from .periods import Day, first_date, period_day
from .resolve import EntityStep, Resolved
from .stories import Stories, StoryStep
from .text import content_terms, words
from .tx import Tx, chunks

CHUNK_DOCUMENTS = 2_000  # documents analysed per transaction: what bounds the analysis's memory


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
    incidents: int = 0  # incidents (re)built: those the new or removed documents touch
    seconds: float = 0.0


def analyze(engine: Engine, *, full: bool = False, chunk: int = CHUNK_DOCUMENTS,
            on_progress: Callable[[int], None] | None = None) -> AnalysisReport:
    """Analyse the documents not yet analysed (all of them with ``full``), ``chunk`` documents per
    transaction; ``on_progress`` gets the running number of documents analysed after each chunk."""
    if chunk < 1:
        raise ValueError(f"chunk must be positive, got {chunk}")
    started = time.perf_counter()
    report = AnalysisReport(full=full)
    written: dict[int, bool] = {}
    with dialect.writing(engine) as connection:
        Analysis(connection).settle(report, written, full=full)
    while True:
        with dialect.writing(engine) as connection:
            done = Analysis(connection).run_chunk(chunk, report, written)
        if not done:
            break
        if on_progress is not None:
            on_progress(report.documents)
    with engine.connect() as connection:
        report.entities = connection.scalar(select(func.count()).select_from(canonical_entities))
    report.groups = len(written)
    report.contested = sum(1 for contested in written.values() if contested)
    report.seconds = time.perf_counter() - started
    return report


def regroup(engine: Engine, figure_ids: Iterable[int]) -> None:
    """Recompute the groups holding these figures (after the user edited groups)."""
    with dialect.writing(engine) as connection:
        step = GroupStep(connection)
        groups = set(step.scalars(select(figure_analysis.c.group_id).where(
            figure_analysis.c.figure_id.in_(sorted(set(figure_ids))))))
        step.regroup([], groups)


def document_terms(title: str | None, text: str) -> set[str]:
    """The words a document contributes to the term counts (each once)."""
    return content_terms(f"{title or ''} {text}")


class Analysis(Tx):
    """One analysis run inside an open write transaction. Its steps hand their results to the next
    as return values (``Stories``, ``Resolved``, contexts, facts); ``touched`` collects the canonical
    entities whose document counts change, whichever step touches them."""

    def __init__(self, connection: Connection):
        super().__init__(connection)
        self.touched: set[int] = set()

    # -- the run ---------------------------------------------------------------------------------

    def settle(self, report: AnalysisReport, written: dict[int, bool], *, full: bool) -> None:
        """Before the chunks: drop everything (``full``), and the analysis of documents no longer current."""
        if full:
            self.clear()
        StoryStep(self.c).backfill()
        d, da = documents, document_analysis
        stale_ids = self.scalars(
            select(da.c.document_id).join(d, d.c.id == da.c.document_id).where(~d.c.is_current))
        if not stale_ids:
            return
        report.removed += len(stale_ids)
        written.update(GroupStep(self.c, {}, self.touched).regroup([], self.remove(stale_ids)))
        EntityStep(self.c, self.touched).refresh_counts()
        report.incidents += IncidentStep(self.c).run([], stale_ids)

    def run_chunk(self, size: int, report: AnalysisReport, written: dict[int, bool]) -> int:
        """Analyse the next ``size`` documents not yet analysed (in id order); returns how many."""
        d, da = documents, document_analysis
        pending_ids = self.scalars(select(d.c.id).where(d.c.is_current, d.c.id.not_in(select(da.c.document_id)))
                                   .order_by(d.c.published.is_(None), d.c.published, d.c.id).limit(size))
        if not pending_ids:
            return 0
        docs = self.load_documents(pending_ids)
        self.count_terms([document_terms(r.title, r.text) for r in docs.values()], +1)
        story_step = StoryStep(self.c)
        stories = story_step.find(docs)
        entity_step = EntityStep(self.c, self.touched)
        resolved = entity_step.resolve(docs, stories.story_of)
        contexts = self.document_contexts(docs, resolved)
        self.store_documents(docs, contexts, stories)
        story_step.store(stories)
        new_facts = self.figure_facts(docs, contexts, resolved)
        self.quote_claims(docs, resolved)
        del contexts
        written.update(GroupStep(self.c, resolved.ids, self.touched).regroup(new_facts, stories.affected))
        entity_step.add_counts(pending_ids)
        report.incidents += IncidentStep(self.c).run(pending_ids, [])
        report.documents += len(pending_ids)
        report.figures += len(new_facts)
        return len(pending_ids)

    def clear(self) -> None:
        """Drop every analysis result (not the user's rules, grades or edits)."""
        for table in (figure_analysis, quote_analysis, group_estimates, figure_groups, entity_links,
                      canonical_names, canonical_entities, document_bands, document_analysis, term_counts, incident_items,
                      incidents):
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
        StoryStep(self.c).forget(stale_ids)
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

    # -- documents: dates, places, stories -------------------------------------------------------

    def document_contexts(self, docs: dict[int, object], resolved: Resolved) -> dict[int, DocumentContext]:
        """Date and place names of each new document."""
        places: dict[int, dict[str, str]] = defaultdict(dict)
        for row_id, (name, label, docs_of, aliases_, _titles) in resolved.entity_rows.items():
            key = resolved.rows.get(row_id)
            if key is None or resolved.key_types.get(key) != "place":
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

    def store_documents(self, docs: dict[int, object], contexts: dict[int, DocumentContext],
                        stories: Stories) -> None:
        rows = []
        for doc in docs.values():
            signature, seen = stories.signatures[doc.id]
            context = contexts[doc.id]
            context.cluster = stories.story_of[doc.id]
            rows.append({"document_id": doc.id, "signature": signature, "story_id": stories.story_of[doc.id],
                         "date": context.date.iso() if context.date else None, "seen": seen,
                         "places": json.dumps(sorted(context.place_keys)), "analyzed_at": self.now})
        for part in chunks(rows):
            self.c.execute(insert(document_analysis), part)

    # -- figures ---------------------------------------------------------------------------------

    def figure_facts(self, docs: dict[int, object], contexts: dict[int, DocumentContext],
                     resolved: Resolved) -> list[FigureFacts]:
        found = []
        for part in chunks(list(docs)):
            rows = self.c.execute(select(figures).where(figures.c.document_id.in_(part)).order_by(figures.c.id))
            for row in rows:
                figure = dict(row._mapping)
                context = contexts[figure["document_id"]]
                key = resolved.names.get((figure["document_id"], figure["claimant"])) if figure["claimant"] else None
                day = period_day(figure["period"], context.date)
                found.append(figure_facts(figure, context, claimant=key, named=key is not None, period_day=day))
        return found

    def quote_claims(self, docs: dict[int, object], resolved: Resolved) -> None:
        """A quote claim is its speaker's entity and its folded words; count the outlets carrying each."""
        rows, claims = [], set()
        for part in chunks(list(docs)):
            for q in self.c.execute(select(quotes.c.id, quotes.c.document_id, quotes.c.speaker, quotes.c.text)
                                    .where(quotes.c.document_id.in_(part))):
                key = resolved.names.get((q.document_id, q.speaker)) if q.speaker else None
                claim = hashlib.sha256(f"{key or q.speaker or ''}\n{' '.join(words(q.text))}".encode()).hexdigest()
                claims.add(claim)
                rows.append({"quote_id": q.id, "document_id": q.document_id,
                             "speaker_id": resolved.ids.get(key) if key else None, "claim": claim, "outlets": 1,
                             "first_document_id": q.document_id, "first_seen": None})
        if rows:
            self.c.execute(insert(quote_analysis), rows)
            self.touched |= {r["speaker_id"] for r in rows if r["speaker_id"]}
        self.refresh_quote_claims(claims)

    def refresh_quote_claims(self, claims: set[str]) -> None:
        """Each claim's independent outlets and first report, written to its rows that changed.

        Worked out by the database (one row per claim comes back), not from every row of every
        claim: a claim a running story repeats is carried by more documents as the ledger grows,
        and reading all of them into Python for each chunk made the analysis's time and memory grow
        with the ledger. Only rows whose values change are written: a new report usually changes
        only its own rows."""
        for part in chunks(sorted(claims)):
            firsts = {r.claim: r for r in self.c.execute(corroboration.first_reports(part))}
            values = [{"k": r.claim, "n": r.outlets, "d": firsts[r.claim].document_id, "s": firsts[r.claim].seen}
                      for r in self.c.execute(corroboration.outlet_counts(part))]
            if values:
                qa = quote_analysis
                self.c.execute(update(qa).where(qa.c.claim == bindparam("k"), or_(
                    qa.c.outlets != bindparam("n"), qa.c.first_document_id != bindparam("d"),
                    ~qa.c.first_seen.is_not_distinct_from(bindparam("s")),
                )).values(outlets=bindparam("n"), first_document_id=bindparam("d"), first_seen=bindparam("s")), values)
