"""``Ledger``: the one object the CLI, the API and the web pages talk to.

It sits above storage (``ledger``) and analysis (``analyze``), below the faces, in the layer order
of ``pyproject.toml`` that ``tests/test_layers.py`` enforces. It extends the storage ``Store`` with
what needs both: ingest (store, then analyse what is new), the analysis's reads and edits.
Parsing (spaCy) loads only when ``ingest`` finds something new to parse.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ._lazy import lazy
from .analyze import entity_queries, export, group_reads, incident_queries, timeline as timeline_
from .analyze.aliases import AliasRule, check_rule, read_alias_file
from .analyze.contest import LISTED_FIGURES
from .config import DEFAULT_MODEL
from .errors import InputError, Invalid, LedgerError, Rejected
from .ledger import DEFAULT_URL, IngestReport, Store, content_hash, reason
from .records import Document, Record

if TYPE_CHECKING:
    from .analyze.run import AnalysisReport

# Written in SQLAlchemy: loaded by the first write (an edit, a grade, an alias), never by the reads of
# stats, figures or contested (plain SQL, ``Store.querying``).
dialect = lazy("claimledger.ledger.dialect")
queries = lazy("claimledger.analyze.queries")

Extractor = Callable[..., Iterable[tuple[Document, Record]]]


class Ledger(Store):
    """A claim ledger: stored documents and claims, and their cross-document analysis."""

    def __init__(self, url: str | os.PathLike = DEFAULT_URL, *, model: str = DEFAULT_MODEL):
        super().__init__(url)
        self.model = model

    # -- ingest, then analyse what is new --------------------------------------------------------

    def ingest(
        self,
        sources: Iterable[str | os.PathLike | Document] | str | os.PathLike | Document,
        *,
        processes: int | None = None,
        batch_size: int = 32,
        max_bytes: int | None = None,
        field_map: dict[str, str] | None = None,
        stdin=None,
        on_error: Callable[[InputError], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        extractor: Extractor | None = None,
        analyze: bool = True,
    ) -> IngestReport:
        """Read, extract and store documents: paths (files, directories, "-" for stdin) go through
        ``claimledger.ingest.read_paths``; ``Document`` objects are used as they are.

        Documents whose text is already stored (or repeats earlier in this run) are counted as
        unchanged without being parsed. The rest are parsed ``batch_size`` at a time and each batch
        is committed in one transaction, parsing on ``processes`` cores (None: all of them).
        Unreadable input, and a document the model or an extractor fails on, becomes an
        ``InputError`` in ``report.failed`` (and is passed to ``on_error``); ``on_progress`` receives
        the running number of documents handled (stored or skipped as unchanged) after each one.
        ``max_bytes``/``field_map``/``stdin`` go to ``read_paths`` (None: its defaults).
        ``extractor`` replaces ``pipeline.extract_documents`` (same signature, pairs in input order,
        failed documents to ``on_error``),
        e.g. ``claimledger.engines.RayExtractor`` to parse on a Ray cluster.
        With ``analyze`` (the default), the cross-document analysis then runs on whatever is not yet
        analysed (incremental: only the new documents' groups are recomputed); its report is
        ``report.analysis``.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be positive, got {batch_size}")
        report = IngestReport()
        seen: set[str] = set()
        handled = 0

        def progress() -> None:
            nonlocal handled
            handled += 1
            if on_progress is not None:
                on_progress(handled)

        def fail(error: InputError) -> None:
            report.failed.append(error)
            if on_error is not None:
                on_error(error)

        def fresh() -> Iterator[Document]:
            for item in _read(sources, max_bytes=max_bytes, field_map=field_map, stdin=stdin):
                if isinstance(item, InputError):
                    fail(item)
                    continue
                digest = content_hash(item.text)
                if digest in seen or self.has_text(digest):
                    report.unchanged += 1
                    progress()
                    continue
                seen.add(digest)
                yield item

        todo = fresh()
        first = next(todo, None)
        if first is not None:  # something new: only now is the model loaded
            pairs = (extractor or _default_extractor())(
                itertools.chain([first], todo), model=self.model, processes=processes, batch_size=batch_size,
                on_error=fail,
            )
            for batch in _batches(pairs, batch_size):
                report.absorb(self.add(batch))
                for _ in batch:
                    progress()
        if analyze and self.analysis_pending():  # also finishes a run interrupted before its analysis
            report.analysis = self.analyze()
        return report

    def analyze(self, *, full: bool = False, on_progress: Callable[[int], None] | None = None) -> AnalysisReport:
        """Analyse what is new since the last analysis (``full``: everything again). Runs by itself
        after ``ingest``. Commits a chunk of documents at a time (``on_progress`` gets the running
        number analysed): if it stops, the chunks done are kept and the next analysis finishes."""
        from .analyze import run  # MinHash and numpy: loaded only when something is analysed

        try:
            return run.analyze(self.engine, full=full, on_progress=on_progress)
        except dialect.SQLAlchemyError as exc:
            raise LedgerError(f"the analysis stopped (the chunks of documents done are kept; analyse again to "
                              f"finish): {reason(exc)}") from exc

    # -- figure groups ---------------------------------------------------------------------------

    def contested(self, *, category: str | None = None, include_all: bool = False, limit: int | None = 100,
                  offset: int = 0, per_group: int | None = LISTED_FIGURES) -> list[dict]:
        """Contested groups (revisions are no contest), biggest first, with estimates, ``figure_count`` and up
        to ``per_group`` figures (None: all; each claimant's value once, extremes first: claimant, value, span,
        grade). ``include_all``: every group of 2+ figures; ``category``: of it."""
        with self.querying() as reader:
            return group_reads.contested(reader, category=category, include_all=include_all, limit=limit,
                                         offset=offset, per_group=per_group)

    def group(self, group_id: int) -> dict | None:
        """One figure group (by its id, or the id of a figure in it) with its timeline; None if none."""
        with self.querying() as reader:
            found = group_reads.group(reader, int(group_id))
        if found is not None:
            found["timeline"] = [entry.to_dict() for entry in timeline_.build(found["figures"])]
        return found

    def timeline(self, group_id: int) -> list[dict] | None:
        """A group's figures in time order, each with its change and revision; None if no such group."""
        found = self.group(group_id)
        return None if found is None else found["timeline"]

    def incidents(self, *, place: str | None = None, since: str | None = None, limit: int = 50, offset: int = 0):
        """Incidents (``records.Incident``; groups as summaries), latest first; ``since``: an ISO day."""
        with self.querying() as reader:
            return incident_queries.incident_list(reader, place=place, since=since, limit=limit, offset=offset)

    def incident(self, incident_id: int) -> dict | None:
        """One incident: reports in publication order, tallies, groups with figures and timelines."""
        with self.querying() as reader:
            return incident_queries.incident(reader, int(incident_id))

    def merge(self, *group_ids: int) -> dict:
        """Put figure groups together (the edit is kept and replayed by every later analysis)."""
        ids = sorted({int(g) for g in group_ids})
        if len(ids) < 2:
            raise Rejected("merge needs at least two group ids")
        with dialect.writing(self.engine) as connection:
            for group_id in ids:
                queries.require_group(connection, group_id)
            queries.record_edit(connection, "merge", ids)  # a group's id is a figure id in it
        _regroup(self.engine, ids)
        return self.group(ids[0])

    def split(self, group_id: int, figure_ids: Iterable[int]) -> list[dict]:
        """Take figures out of their group into a group of their own (kept across re-analysis);
        returns the two groups."""
        wanted = sorted({int(f) for f in figure_ids})
        with dialect.writing(self.engine) as connection:
            members = queries.require_group(connection, int(group_id))
            strangers = [f for f in wanted if f not in members]
            if strangers:
                raise Rejected(f"figure(s) {', '.join(map(str, strangers))} are not in group {group_id}; "
                               f"its figures are {', '.join(map(str, members))}")
            if not wanted or len(wanted) == len(members):
                raise Rejected("split needs some, but not all, of the group's figures")
            queries.record_edit(connection, "split", wanted)
        _regroup(self.engine, members)
        return [g for g in (self.group(min(set(members) - set(wanted))), self.group(wanted[0])) if g]

    # -- entities, grades, aliases ---------------------------------------------------------------

    def merged_entities(self, *, name: str | None = None, type: str | None = None, limit: int = 100,
                        offset: int = 0) -> list[dict]:
        """Entities merged across documents (one per person or organisation, with aliases, titles,
        type and side), most documents first. ``name``: substring of the name or an alias."""
        with self.querying() as reader:
            return entity_queries.merged_entities(reader, name=name, type=type, limit=limit, offset=offset)

    def entity(self, entity_id: int) -> dict | None:
        """One merged entity by id with what it said (quotes), is credited with (attributions) and
        claims (figures); None if there is none."""
        with self.querying() as reader:
            found = entity_queries.entity(reader, int(entity_id))
            if found is not None and "variants" not in found:
                merged = entity_queries.entity_by_id(reader, int(entity_id))
                found["variants"] = merged["variants"] if merged else []
            return found

    def merged_entity(self, entity_id: int) -> dict | None:
        """One merged entity by id, with its variants and the documents behind each; None if unknown."""
        with self.querying() as reader:
            return entity_queries.entity_by_id(reader, int(entity_id))

    def merge_entities(self, *entity_ids: int) -> dict:
        """Make entities one, by hand: stored as user alias rules, so the edit survives re-analysis
        (undo with ``remove_alias``). Re-analyses and returns the merged entity."""
        with dialect.writing(self.engine) as connection:
            rules = entity_queries.merge_rules(self.reader_on(connection), [int(i) for i in entity_ids])
            queries.add_aliases(connection, rules)
        self.analyze(full=True)  # entity ids are given afresh
        return self._entity_named(rules[0].canonical)

    def split_entity(self, entity_id: int, names: Iterable[str]) -> list[dict]:
        """Take some of an entity's names into an entity of their own (kept across re-analysis as user
        alias rules); re-analyses and returns the entities that now hold the names."""
        names = [n for n in names if n and n.strip()]
        with dialect.writing(self.engine) as connection:
            reader = self.reader_on(connection)
            before = entity_queries.entity_by_id(reader, int(entity_id))
            rules = entity_queries.split_rules(reader, int(entity_id), names)
            queries.add_aliases(connection, rules)
        self.analyze(full=True)  # entity ids are given afresh
        moved = {r.alias for r in rules}
        rest = [v["name"] for v in before["variants"] if v["name"] not in moved] + [before["name"]]
        found = [self._entity_named(n) for n in (rest[0], rules[0].canonical)]
        return [e for e in found if e]

    def _entity_named(self, name: str) -> dict | None:
        """The entity that has this name, a variant or an alias exactly so."""
        for entity in self.merged_entities(name=name, limit=50):
            if name == entity["name"] or name in entity["aliases"] or name in (v["name"] for v in entity["variants"]):
                return entity
        return None

    def grade(self, source: str, reliability: str) -> dict:
        """Set the Admiralty reliability (A-F) of an outlet or entity; every figure it gives is graded
        so. A name no source can be made of, or a grade outside A-F, is ``Rejected``."""
        try:
            with dialect.writing(self.engine) as connection:
                return queries.set_grade(connection, source, reliability)
        except ValueError as exc:
            raise Rejected(str(exc)) from None
        except dialect.SQLAlchemyError as exc:
            raise LedgerError(f"could not store the grade: {reason(exc)}") from exc

    def grades(self) -> list[dict]:
        """Every reliability grade set (sources not listed are F, 'cannot be judged')."""
        with self.reading() as connection:
            return queries.list_grades(connection)

    def aliases(self) -> list[dict]:
        """The alias table in effect: the built-in defaults and the user's rules (which win)."""
        with self.reading() as connection:
            return queries.list_aliases(connection)

    def add_alias(self, alias: str, canonical: str, *, type: str | None = None, side: str | None = None) -> dict:
        """Make ``alias`` a name of ``canonical``; applies at the next ``analyze(full=True)``."""
        return self.add_aliases([(alias, canonical, type, side)])[0]

    def add_aliases(self, rules) -> list[dict]:
        """Store alias rules: (alias, canonical[, type[, side]]) tuples or ``AliasRule`` objects."""
        try:
            checked = [r if isinstance(r, AliasRule) else check_rule(*r) for r in rules]
        except (TypeError, ValueError) as exc:
            raise Rejected(str(exc)) from None
        with dialect.writing(self.engine) as connection:
            queries.add_aliases(connection, checked)
        return [{"alias": r.alias, "canonical": r.canonical, "type": r.type, "side": r.side} for r in checked]

    def load_aliases(self, path: str | os.PathLike) -> int:
        """Store the rules of a CSV file (alias,canonical[,type][,side]); returns how many."""
        return len(self.add_aliases(read_alias_file(path)))

    def remove_alias(self, alias: str) -> bool:
        """Drop a user alias rule (the built-in defaults cannot be removed, only overridden)."""
        with dialect.writing(self.engine) as connection:
            return queries.remove_alias(connection, alias)

    # -- export ----------------------------------------------------------------------------------

    def export(self, format: str, out, *, contested_only: bool = False, category: str | None = None,
               what: str = "figures") -> int:
        """Write every analysed figure (with group, grade, corroboration) as jsonl, csv, parquet or
        claimreview to ``out`` (a text stream; for parquet a path or binary stream); returns the count.
        ``what``: "tallies" or "incidents" instead, one row each (jsonl, csv or parquet)."""
        formats = export.FORMATS if what == "figures" else export.TALLY_FORMATS
        if what not in export.WHAT or format not in formats:
            raise Rejected(f"unknown export format {format!r} for {what}; figures: {', '.join(export.FORMATS)}, "
                           f"tallies and incidents: {', '.join(export.TALLY_FORMATS)}")
        with self.querying() as reader:
            rows = (export.tally_rows(reader, category=category) if what == "tallies"
                    else export.incident_rows(reader) if what == "incidents"
                    else export.export_rows(reader, contested_only=contested_only, category=category))
            return export.write(rows, format, out, what)


# -- extraction without a ledger -----------------------------------------------------------------


def read_options(max_bytes: int | None = None, field_map: dict[str, str] | None = None) -> dict[str, Any]:
    """Keyword arguments for the readers, checked now (``Invalid``), not when the first file is read."""
    from .ingest import DEFAULT_MAX_BYTES, read_paths  # the readers load trafilatura: only when reading

    options = {"max_bytes": max_bytes if max_bytes is not None else DEFAULT_MAX_BYTES, "field_map": field_map}
    try:
        read_paths([], **options)
    except ValueError as exc:
        raise Invalid(str(exc)) from None
    return options


def extract_paths(paths: list[str], *, model: str = DEFAULT_MODEL, processes: int | None = None, batch_size: int = 32,
                  max_bytes: int | None = None, field_map: dict[str, str] | None = None,
                  on_error: Callable[[InputError], None] | None = None) -> Iterator[Record]:
    """Records for every document in ``paths``, no database; unreadable inputs go to ``on_error``.
    Options and the model are checked now (an unknown model fails before anything is read)."""
    from .ingest import read_paths
    from .nlp import load_nlp
    from .pipeline import extract_documents

    options = read_options(max_bytes, field_map)
    load_nlp(model)

    def documents() -> Iterator[Document]:
        for item in read_paths(paths, **options):
            if isinstance(item, InputError):
                if on_error is not None:
                    on_error(item)
            else:
                yield item

    pairs = extract_documents(documents(), model=model, processes=processes, batch_size=batch_size,
                              on_error=on_error)
    return (record for _document, record in pairs)


# -- helpers -------------------------------------------------------------------------------------


def _regroup(engine, figure_ids: Iterable[int]) -> None:
    from .analyze import run  # MinHash and numpy: loaded only when something is analysed

    run.regroup(engine, figure_ids)


def _default_extractor() -> Extractor:
    """spaCy's pipeline, imported when something is parsed (loading spaCy takes about a second)."""
    from .pipeline import extract_documents

    return extract_documents


def _read(sources, *, max_bytes, field_map, stdin) -> Iterator[Document | InputError]:
    """Documents as given, paths through the readers (consecutive paths in one call)."""
    if isinstance(sources, (str, bytes, os.PathLike, Document)):
        sources = [sources]
    options: dict[str, Any] = {"field_map": field_map, "stdin": stdin}
    if max_bytes is not None:
        options["max_bytes"] = max_bytes

    def read(group: list) -> Iterator[Document | InputError]:
        from .ingest import read_paths  # the readers pull in trafilatura and lxml: only when reading

        return read_paths(group, **options)

    paths: list[str | os.PathLike] = []
    for source in sources:
        if isinstance(source, Document):
            if paths:
                yield from read(paths)
                paths = []
            yield source
        else:
            paths.append(source)
    if paths:
        yield from read(paths)


def _batches(pairs: Iterable[Any], size: int) -> Iterator[list]:
    batch: list = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
