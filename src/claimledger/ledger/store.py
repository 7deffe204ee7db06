"""The ledger: one object that stores extraction records and answers questions about them.

Every face (CLI, web, API) talks to ``Ledger``. It never prints, exits or reads the environment;
failures surface as ``LedgerError`` (or ``InputError``s collected in the ``IngestReport``).

Ingest is incremental and crash-safe: a document whose text (sha256) is already stored is
skipped before it is parsed, and each batch of parsed documents is committed in one transaction
with all its claim rows, so an interrupted run keeps its committed batches, loses only the batch
in flight, and a rerun finishes the job without duplicates.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, Row, distinct, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from .. import pipeline
from ..errors import InputError, LedgerError
from ..nlp import DEFAULT_MODEL
from ..records import Document, Record
from . import dialect, migrations, search as search_
from .schema import (
    attributions, document_analysis, documents, entities, entity_aliases, entity_titles, figures, mentions, outlets,
    quotes,
)

DEFAULT_URL = "sqlite:///claimledger.db"
TOP_SPEAKERS = 10


def content_hash(text: str) -> str:
    """The identity of a text: sha256 of its UTF-8 bytes, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class IngestReport:
    """What an ``ingest`` or ``add`` did, document by document."""

    added: int = 0  # new documents (revision 1)
    unchanged: int = 0  # text already stored (same content hash), or repeated within the run
    revised: int = 0  # known identity (url, else key) with a new text: stored as the next revision
    failed: list[InputError] = field(default_factory=list)
    analysis: Any = None  # the analyze.AnalysisReport of the analysis that ran after storing, if one did

    @property
    def stored(self) -> int:
        return self.added + self.revised

    def _absorb(self, other: "IngestReport") -> None:
        self.added += other.added
        self.unchanged += other.unchanged
        self.revised += other.revised
        self.failed.extend(other.failed)


class Ledger:
    """A claim ledger in a database: SQLite by default (a bare path is a SQLite file)."""

    def __init__(self, url: str | os.PathLike = DEFAULT_URL, *, model: str = DEFAULT_MODEL):
        self.model = model
        self._engine = None
        try:
            self.url = dialect.to_url(url)
        except SQLAlchemyError as exc:  # e.g. ArgumentError for a malformed URL
            raise LedgerError(f"not a database URL or path: {url!s}: {exc}") from exc
        self.where = where = (
            self.url.database if dialect.is_sqlite_url(self.url) else self.url.render_as_string(hide_password=True)
        )  # for messages: the SQLite file, or the URL without its password
        try:
            self._engine = dialect.create(self.url)
            migrations.migrate(self._engine)
        except ImportError as exc:
            raise LedgerError(f"cannot open ledger {where}: database driver not installed ({exc})") from exc
        except SQLAlchemyError as exc:
            self._dispose()
            raise LedgerError(f"cannot open ledger {where}: {_reason(exc)}") from exc

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the database connections (the ledger cannot be used afterwards)."""
        self._dispose()

    def _dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @property
    def _db(self):
        if self._engine is None:
            raise LedgerError("the ledger is closed")
        return self._engine

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({self.where!r})"

    # -- writing ---------------------------------------------------------------------------------

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
        extractor: Callable[..., Iterable[tuple[Document, Record]]] | None = None,
        analyze: bool = True,
    ) -> IngestReport:
        """Read, extract and store documents: paths (files, directories, "-" for stdin) go through
        ``claimledger.ingest.read_paths``; ``Document`` objects are used as they are.

        Documents whose text is already stored (or repeats earlier in this run) are counted as
        unchanged without being parsed. The rest are parsed ``batch_size`` at a time and each batch
        is committed in one transaction, parsing on ``processes`` cores (None: all of them).
        Unreadable input, and a document the model or an extractor fails on, becomes an
        ``InputError`` in ``report.failed`` (and is passed to ``on_error``); ``on_progress`` receives the running
        number of documents handled (stored or skipped as unchanged) after each one.
        ``max_bytes``/``field_map``/``stdin`` go to ``read_paths`` (None: its defaults).
        ``extractor`` replaces ``pipeline.extract_documents`` (same signature, pairs in input order,
        failed documents to ``on_error``),
        e.g. ``claimledger.engines.RayExtractor`` to parse on a Ray cluster.
        With ``analyze`` (the default), the cross-document analysis then runs on whatever is not yet
        analysed (``Ledger.analyze``: incremental, so only the new documents' groups are recomputed);
        its report is ``report.analysis``.
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
            for item in self._read(sources, max_bytes=max_bytes, field_map=field_map, stdin=stdin):
                if isinstance(item, InputError):
                    fail(item)
                    continue
                digest = content_hash(item.text)
                if digest in seen or self._has_hash(digest):
                    report.unchanged += 1
                    progress()
                    continue
                seen.add(digest)
                yield item

        todo = fresh()
        first = next(todo, None)
        if first is None:  # nothing new: do not even load the model
            if analyze and self._analysis_pending():  # e.g. a run interrupted before its analysis
                report.analysis = self.analyze()
            return report
        pairs = (extractor or pipeline.extract_documents)(
            itertools.chain([first], todo), model=self.model, processes=processes, batch_size=batch_size,
            on_error=fail,
        )
        batch: list[tuple[Document, Record]] = []
        for pair in pairs:
            batch.append(pair)
            if len(batch) >= batch_size:
                self._commit(batch, report, progress)
                batch = []
        if batch:
            self._commit(batch, report, progress)
        if analyze and self._analysis_pending():
            report.analysis = self.analyze()
        return report

    def _commit(self, batch, report: IngestReport, progress: Callable[[], None]) -> None:
        report._absorb(self.add(batch))
        for _ in batch:
            progress()

    @staticmethod
    def _read(sources, *, max_bytes, field_map, stdin) -> Iterator[Document | InputError]:
        """Documents as given, paths through the readers (consecutive paths in one call)."""
        if isinstance(sources, (str, bytes, os.PathLike, Document)):
            sources = [sources]
        options: dict[str, Any] = {"field_map": field_map, "stdin": stdin}
        if max_bytes is not None:
            options["max_bytes"] = max_bytes

        def read(group: list) -> Iterator[Document | InputError]:
            from ..ingest import read_paths

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

    def _has_hash(self, digest: str) -> bool:
        try:
            with self._db.connect() as connection:
                found = connection.scalar(select(documents.c.id).where(documents.c.content_hash == digest))
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot read the ledger: {_reason(exc)}") from exc
        return found is not None

    def add(self, pairs: Iterable[tuple[Document, Record]]) -> IngestReport:
        """Store extracted documents (document rows, claims, entities) in ONE transaction.

        Either every document of the batch is stored, or (on any error) none is. A text already
        stored, or repeated within the batch, is counted as unchanged and not stored again.
        """
        batch = list(pairs)
        for document, record in batch:
            _check(document, record)
        report = IngestReport()
        try:
            with dialect.writing(self._db) as connection:
                writer = _Writer(connection)
                for document, record in batch:
                    outcome = writer.store(document, record)
                    setattr(report, outcome, getattr(report, outcome) + 1)
        except SQLAlchemyError as exc:
            raise LedgerError(f"could not store the batch (nothing of it was kept): {_reason(exc)}") from exc
        return report

    # -- reading ---------------------------------------------------------------------------------

    def documents(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        """Current revisions, oldest first, with claim counts (no text: see ``document``)."""
        d = documents
        stmt = (
            select(*_document_columns(), *_claim_counts())
            .select_from(d.outerjoin(outlets, outlets.c.id == d.c.outlet_id))
            .where(d.c.is_current)
            .order_by(d.c.id)
            .limit(limit)
            .offset(offset)
        )
        return self._rows(stmt)

    def document(self, key_or_id: str | int) -> dict | None:
        """One document with its text, claims, entities and revision history; None if unknown.

        An int is a row id (any revision); a str is a key (its current revision), or failing
        that a row id written as digits.
        """
        with self._reading() as connection:
            doc_id = _resolve(connection, key_or_id)
            if doc_id is None:
                return None
            d = documents
            row = connection.execute(
                select(*_document_columns(), d.c.text)
                .select_from(d.outerjoin(outlets, outlets.c.id == d.c.outlet_id))
                .where(d.c.id == doc_id)
            ).one()
            result = _plain(row)
            for name, table in (("quotes", quotes), ("attributions", attributions), ("figures", figures)):
                rows = connection.execute(
                    select(table).where(table.c.document_id == doc_id).order_by(table.c.start, table.c.id)
                )
                result[name] = [_plain(r) for r in rows]
            result["entities"] = _entities(
                connection,
                select(entities.c.id, entities.c.name, entities.c.label)
                .join(mentions, mentions.c.entity_id == entities.c.id)
                .where(mentions.c.document_id == doc_id)
                .order_by(entities.c.name),
            )
            history = connection.execute(
                select(d.c.id, d.c.key, d.c.revision, d.c.is_current, d.c.content_hash, d.c.ingested_at)
                .where(d.c.identity == result["identity"])
                .order_by(d.c.revision)
            )
            result["revisions"] = [_plain(r) for r in history]
            return result

    def quotes(self, *, speaker: str | None = None, kind: str | None = None, document: str | int | None = None,
               limit: int = 100, offset: int = 0, text: str | None = None) -> list[dict]:
        """Quotes of current documents (or of one ``document``); ``speaker`` is a case-insensitive substring
        (so is ``text``, of the quoted words, for every claim method)."""
        conditions = []
        if speaker is not None:
            conditions.append(_contains(quotes.c.speaker, speaker))
        if kind is not None:
            conditions.append(quotes.c.kind == kind)
        return self._claims(quotes, conditions, document, limit, offset, text)

    def attributions(self, *, source: str | None = None, document: str | int | None = None,
                     limit: int = 100, offset: int = 0, text: str | None = None) -> list[dict]:
        """Attributions of current documents; ``source`` is a case-insensitive substring."""
        conditions = [] if source is None else [_contains(attributions.c.source, source)]
        return self._claims(attributions, conditions, document, limit, offset, text)

    def figures(self, *, category: str | None = None, claimant: str | None = None,
                document: str | int | None = None, limit: int = 100, offset: int = 0,
                text: str | None = None) -> list[dict]:
        """Figures of current documents; ``claimant`` is a case-insensitive substring, ``category`` exact."""
        conditions = []
        if category is not None:
            conditions.append(figures.c.category == category)
        if claimant is not None:
            conditions.append(_contains(figures.c.claimant, claimant))
        return self._claims(figures, conditions, document, limit, offset, text)

    def _claims(self, table, conditions, document, limit, offset, text=None) -> list[dict]:
        d = documents
        if text is not None:
            conditions = [*conditions, _contains(table.c.text, text)]
        stmt = select(table, d.c.key.label("document"), d.c.title).join(d, d.c.id == table.c.document_id)
        with self._reading() as connection:
            if document is None:
                stmt = stmt.where(d.c.is_current)
            else:
                doc_id = _resolve(connection, document)
                if doc_id is None:
                    return []
                stmt = stmt.where(d.c.id == doc_id)
            stmt = stmt.where(*conditions).order_by(table.c.document_id, table.c.start, table.c.id)
            return [_plain(row) for row in connection.execute(stmt.limit(limit).offset(offset))]

    def entities(self, *, name: str | None = None, label: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict]:
        """People and organisations mentioned in current documents, most mentioned first, with
        aliases, titles and the number of documents. ``name``: case-insensitive substring of the
        name or an alias; ``label``: exact (PERSON, ORG, ...)."""
        d = documents
        count = func.count(distinct(mentions.c.document_id)).label("documents")
        stmt = (
            select(entities.c.id, entities.c.name, entities.c.label, count)
            .join(mentions, mentions.c.entity_id == entities.c.id)
            .join(d, d.c.id == mentions.c.document_id)
            .where(d.c.is_current)
            .group_by(entities.c.id, entities.c.name, entities.c.label)
            .order_by(count.desc(), entities.c.name, entities.c.id)
            .limit(limit)
            .offset(offset)
        )
        if label is not None:
            stmt = stmt.where(entities.c.label == label)
        if name is not None:
            aliased = select(entity_aliases.c.entity_id).where(_contains(entity_aliases.c.alias, name))
            stmt = stmt.where(or_(_contains(entities.c.name, name), entities.c.id.in_(aliased)))
        with self._reading() as connection:
            return _entities(connection, stmt)

    def search(self, query: str, *, limit: int = 20, marks: tuple[str, str] = search_.DEFAULT_MARKS) -> list[dict]:
        """Full-text search of current documents and their quotes and attributions, best first.

        ``query`` is plain words and "phrases" (all must match; ``word*`` is a prefix); any other
        syntax is read as text. Each hit: kind (document | quote | attribution), id, document
        (key), document_id, title, who (speaker/source), snippet (matches wrapped in ``marks``), score.
        """
        with self._reading() as connection:
            return search_.backend_for(connection).search(connection, query, limit=limit, marks=marks)

    def stats(self) -> dict:
        """Counts over current revisions (``revisions`` counts every stored text) and top speakers."""
        d = documents
        current = select(d.c.id).where(d.c.is_current).scalar_subquery()

        def count(table, *where) -> Any:
            return select(func.count()).select_from(table).where(table.c.document_id.in_(current), *where)

        with self._reading() as connection:
            scalar = connection.scalar
            speakers = connection.execute(
                select(quotes.c.speaker, func.count().label("quotes"))
                .where(quotes.c.document_id.in_(current), quotes.c.speaker.is_not(None))
                .group_by(quotes.c.speaker)
                .order_by(func.count().desc(), quotes.c.speaker)
                .limit(TOP_SPEAKERS)
            )
            return {
                "documents": scalar(select(func.count()).select_from(d).where(d.c.is_current)),
                "revisions": scalar(select(func.count()).select_from(d)),
                "outlets": scalar(select(func.count()).select_from(outlets)),
                "quotes": scalar(count(quotes)),
                "direct_quotes": scalar(count(quotes, quotes.c.kind == "direct")),
                "indirect_quotes": scalar(count(quotes, quotes.c.kind == "indirect")),
                "attributions": scalar(count(attributions)),
                "figures": scalar(count(figures)),
                "entities": scalar(
                    select(func.count(distinct(mentions.c.entity_id))).where(mentions.c.document_id.in_(current))
                ),
                "top_speakers": [{"speaker": row.speaker, "quotes": row.quotes} for row in speakers],
            }

    # -- cross-document analysis (claimledger.analyze; docs/analysis.md) ---------------------------

    def analyze(self, *, full: bool = False):
        """Analyse what is new since the last analysis (``full``: everything again); returns an
        ``analyze.AnalysisReport``. Runs by itself after ``ingest``."""
        from ..analyze.run import analyze

        try:
            return analyze(self._db, full=full)
        except SQLAlchemyError as exc:
            raise LedgerError(f"the analysis could not be stored (nothing of it was kept): {_reason(exc)}") from exc

    def _analysis_pending(self) -> bool:
        """Current documents not analysed yet, or analysed documents that are no longer current."""
        d, da = documents, document_analysis
        with self._reading() as connection:
            new = connection.scalar(select(d.c.id).where(d.c.is_current, d.c.id.not_in(select(da.c.document_id)))
                                    .limit(1))
            gone = connection.scalar(select(da.c.document_id).join(d, d.c.id == da.c.document_id)
                                     .where(~d.c.is_current).limit(1))
        return new is not None or gone is not None

    def contested(self, *, category: str | None = None, include_all: bool = False, limit: int | None = 100,
                  offset: int = 0) -> list[dict]:
        """Contested figure groups, biggest first: each with its low/best/high (and per category), and
        every figure with its claimant, value, span and Admiralty grade. ``include_all``: every group
        of two or more figures; ``category``: groups of, or holding figures of, that category."""
        from ..analyze import queries

        with self._reading() as connection:
            return queries.contested(connection, category=category, include_all=include_all, limit=limit,
                                     offset=offset)

    def group(self, group_id: int) -> dict | None:
        """One figure group (by its id, or the id of a figure in it); None if there is none."""
        from ..analyze import queries

        with self._reading() as connection:
            return queries.group(connection, int(group_id))

    def timeline(self, group_id: int) -> list[dict] | None:
        """A group's figures in time order (published date, else ingest time), each with the change
        from its claimant's previous figure; None if there is no such group."""
        from ..analyze import queries, timeline

        with self._reading() as connection:
            rows = queries.timeline_rows(connection, int(group_id))
        if rows is None:
            return None
        return [entry.to_dict() for entry in timeline.build(rows)]

    def merged_entities(self, *, name: str | None = None, type: str | None = None, limit: int = 100,
                        offset: int = 0) -> list[dict]:
        """Entities merged across documents (one per person or organisation, with aliases, titles,
        type and side), most documents first. ``name``: substring of the name or an alias."""
        from ..analyze import queries

        with self._reading() as connection:
            return queries.merged_entities(connection, name=name, type=type, limit=limit, offset=offset)

    def grade(self, source: str, reliability: str) -> dict:
        """Set the Admiralty reliability (A-F) of an outlet or entity; every figure it gives is graded so."""
        from ..analyze import queries

        try:
            with dialect.writing(self._db) as connection:
                return queries.set_grade(connection, source, reliability)
        except ValueError as exc:
            raise LedgerError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise LedgerError(f"could not store the grade: {_reason(exc)}") from exc

    def grades(self) -> list[dict]:
        """Every reliability grade set (sources not listed are F, 'cannot be judged')."""
        from ..analyze import queries

        with self._reading() as connection:
            return queries.list_grades(connection)

    def merge(self, *group_ids: int) -> dict:
        """Put figure groups together (the edit is kept and replayed by every later analysis)."""
        from ..analyze import queries
        from ..analyze.run import regroup

        ids = sorted({int(g) for g in group_ids})
        if len(ids) < 2:
            raise LedgerError("merge needs at least two group ids")
        with dialect.writing(self._db) as connection:
            for group_id in ids:
                queries.require_group(connection, group_id)
            queries.record_edit(connection, "merge", ids)  # a group's id is a figure id in it
        regroup(self._db, ids)
        return self.group(ids[0])

    def split(self, group_id: int, figure_ids: Iterable[int]) -> list[dict]:
        """Take figures out of their group into a group of their own (kept across re-analysis);
        returns the two groups."""
        from ..analyze import queries
        from ..analyze.run import regroup

        wanted = sorted({int(f) for f in figure_ids})
        with dialect.writing(self._db) as connection:
            members = queries.require_group(connection, int(group_id))
            strangers = [f for f in wanted if f not in members]
            if strangers:
                raise LedgerError(f"figure(s) {', '.join(map(str, strangers))} are not in group {group_id}; "
                                  f"its figures are {', '.join(map(str, members))}")
            if not wanted or len(wanted) == len(members):
                raise LedgerError("split needs some, but not all, of the group's figures")
            queries.record_edit(connection, "split", wanted)
        regroup(self._db, members)
        return [g for g in (self.group(min(set(members) - set(wanted))), self.group(wanted[0])) if g]

    def aliases(self) -> list[dict]:
        """The alias table in effect: the built-in defaults and the user's rules (which win)."""
        from ..analyze import queries

        with self._reading() as connection:
            return queries.list_aliases(connection)

    def add_alias(self, alias: str, canonical: str, *, type: str | None = None, side: str | None = None) -> dict:
        """Make ``alias`` a name of ``canonical``; applies at the next ``analyze(full=True)``."""
        return self.add_aliases([(alias, canonical, type, side)])[0]

    def add_aliases(self, rules) -> list[dict]:
        """Store alias rules: (alias, canonical[, type[, side]]) tuples or ``AliasRule`` objects."""
        from ..analyze import queries
        from ..analyze.aliases import AliasRule, check_rule

        try:
            checked = [r if isinstance(r, AliasRule) else check_rule(*r) for r in rules]
        except (TypeError, ValueError) as exc:
            raise LedgerError(str(exc)) from None
        with dialect.writing(self._db) as connection:
            queries.add_aliases(connection, checked)
        return [{"alias": r.alias, "canonical": r.canonical, "type": r.type, "side": r.side} for r in checked]

    def load_aliases(self, path: str | os.PathLike) -> int:
        """Store the rules of a CSV file (alias,canonical[,type][,side]); returns how many."""
        from ..analyze.aliases import read_alias_file

        return len(self.add_aliases(read_alias_file(path)))

    def remove_alias(self, alias: str) -> bool:
        """Drop a user alias rule (the built-in defaults cannot be removed, only overridden)."""
        from ..analyze import queries

        with dialect.writing(self._db) as connection:
            return queries.remove_alias(connection, alias)

    def export(self, format: str, out, *, contested_only: bool = False, category: str | None = None) -> int:
        """Write every analysed figure (with group, grade, corroboration) as jsonl, csv, parquet or
        claimreview to ``out`` (a text stream; for parquet a path or binary stream); returns the count."""
        from ..analyze import export, queries

        if format not in export.FORMATS:
            raise LedgerError(f"unknown export format {format!r}; use one of {', '.join(export.FORMATS)}")
        with self._reading() as connection:
            figures_ = list(queries.figure_rows(connection, contested_only=contested_only, category=category))
            summaries = queries.group_summaries(connection, sorted({f["group"] for f in figures_}))
        rows = (export.flat_row(f, summaries.get(f["group"], {})) for f in figures_)
        return export.write(rows, format, out)

    # -- helpers ---------------------------------------------------------------------------------

    def _reading(self):
        return _ReadContext(self._db)

    def _rows(self, stmt) -> list[dict]:
        with self._reading() as connection:
            return [_plain(row) for row in connection.execute(stmt)]


class _ReadContext:
    """A connection for reads; database errors become LedgerError."""

    def __init__(self, engine):
        self._engine = engine
        self._connection = None

    def __enter__(self) -> Connection:
        try:
            self._connection = self._engine.connect()
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot read the ledger: {_reason(exc)}") from exc
        return self._connection

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._connection.close()
        if isinstance(exc, SQLAlchemyError):
            raise LedgerError(f"cannot read the ledger: {_reason(exc)}") from exc
        return False


class _Writer:
    """Stores documents into one open write transaction."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.outlets: dict[str, int] = {}
        self.entities: dict[tuple[str, str], int] = {}
        self.now = datetime.now(timezone.utc)

    def store(self, document: Document, record: Record) -> str:
        """Insert one document with everything extracted from it; returns the IngestReport field to count."""
        c = self.connection
        d = documents
        text = record.text
        digest = content_hash(text)
        # Checked inside the transaction: a concurrent writer, or this very batch, may have stored it.
        if c.scalar(select(d.c.id).where(d.c.content_hash == digest)) is not None:
            return "unchanged"
        key = str(record.id)
        url = record.url or document.url
        identity = url or key
        previous = c.scalar(select(func.max(d.c.revision)).where(d.c.identity == identity))
        if previous is not None:
            c.execute(update(d).where(d.c.identity == identity, d.c.is_current).values(is_current=False))
        doc_id = c.execute(
            insert(d).values(
                key=key,
                identity=identity,
                revision=(previous or 0) + 1,
                is_current=True,
                content_hash=digest,
                url=url,
                title=record.title if record.title is not None else document.title,
                outlet_id=self.outlet(record.outlet or document.outlet),
                published=record.published or document.published,
                author=document.author,
                source=record.source or document.source,
                text=text,
                ingested_at=self.now,
            )
        ).inserted_primary_key[0]
        claims = (
            (quotes, record.quotes, ("kind", "start", "end", "text", "speaker", "speaker_title", "cue")),
            (attributions, record.attributions, ("start", "end", "text", "source", "cue")),
            (figures, record.figures, ("start", "end", "text", "low", "high", "qualifier", "unit", "category",
                                       "subject", "period", "claimant", "stance", "vague")),
        )
        for table, items, names in claims:
            if items:
                rows = [{"document_id": doc_id, **{n: getattr(item, n) for n in names}} for item in items]
                c.execute(insert(table), rows)
        entity_ids = {self.entity(entity) for entity in record.entities}
        dialect.insert_ignore(c, mentions, [{"document_id": doc_id, "entity_id": e} for e in sorted(entity_ids)])
        return "added" if previous is None else "revised"

    def outlet(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self.outlets:
            dialect.insert_ignore(self.connection, outlets, {"name": name})
            self.outlets[name] = self.connection.scalar(select(outlets.c.id).where(outlets.c.name == name))
        return self.outlets[name]

    def entity(self, entity) -> int:
        key = (entity.name, entity.label)
        entity_id = self.entities.get(key)
        if entity_id is None:
            dialect.insert_ignore(self.connection, entities, {"name": entity.name, "label": entity.label})
            entity_id = self.connection.scalar(
                select(entities.c.id).where(entities.c.name == entity.name, entities.c.label == entity.label)
            )
            self.entities[key] = entity_id
        aliases = sorted({a for a in entity.aliases if a})
        titles = sorted({t for t in entity.titles if t})
        dialect.insert_ignore(self.connection, entity_aliases, [{"entity_id": entity_id, "alias": a} for a in aliases])
        dialect.insert_ignore(self.connection, entity_titles, [{"entity_id": entity_id, "title": t} for t in titles])
        return entity_id


# -- module helpers ------------------------------------------------------------------------------


def _check(document: Document, record: Record) -> None:
    """Refuse a record whose claims do not point into its own text (before anything is written)."""
    length = len(record.text)
    for kind, items in (("quote", record.quotes), ("attribution", record.attributions), ("figure", record.figures)):
        for item in items:
            start, end = item.start, item.end
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length):
                raise LedgerError(
                    f"document {record.id!r}: {kind} {item.text!r} has offsets {start!r}..{end!r} "
                    f"outside its text (length {length}); nothing of the batch was stored"
                )


def _resolve(connection: Connection, key_or_id: str | int) -> int | None:
    d = documents
    if isinstance(key_or_id, int) and not isinstance(key_or_id, bool):
        return connection.scalar(select(d.c.id).where(d.c.id == key_or_id))
    key = str(key_or_id)
    found = connection.scalar(
        select(d.c.id).where(d.c.key == key).order_by(d.c.is_current.desc(), d.c.id.desc()).limit(1)
    )
    if found is None and key.isdigit():
        found = connection.scalar(select(d.c.id).where(d.c.id == int(key)))
    return found


def _document_columns():
    d = documents
    return (
        d.c.id, d.c.key, d.c.identity, d.c.revision, d.c.is_current, d.c.content_hash, d.c.url, d.c.title,
        outlets.c.name.label("outlet"), d.c.published, d.c.author, d.c.source, d.c.ingested_at,
        func.length(d.c.text).label("chars"),
    )


def _claim_counts():
    d = documents
    return tuple(
        select(func.count()).select_from(table).where(table.c.document_id == d.c.id).scalar_subquery().label(name)
        for name, table in (("quotes", quotes), ("attributions", attributions), ("figures", figures))
    )


def _entities(connection: Connection, stmt) -> list[dict]:
    """Entity rows (id, name, label, ...) with their aliases and titles attached."""
    result = [_plain(row) for row in connection.execute(stmt)]
    ids = [row["id"] for row in result]
    extra: dict[int, dict[str, list[str]]] = {i: {"aliases": [], "titles": []} for i in ids}
    if ids:
        for table, column, name in ((entity_aliases, entity_aliases.c.alias, "aliases"),
                                    (entity_titles, entity_titles.c.title, "titles")):
            rows = connection.execute(
                select(table.c.entity_id, column).where(table.c.entity_id.in_(ids)).order_by(table.c.id)
            )
            for entity_id, value in rows:
                extra[entity_id][name].append(value)
    for row in result:
        row.update(extra[row["id"]])
    return result


def _contains(column, needle: str):
    """Case-insensitive substring match, with LIKE wildcards in the needle taken literally."""
    return func.lower(column).contains(needle.lower(), autoescape=True)


def _plain(row: Row) -> dict:
    """A result row as a plain dict (datetimes as ISO strings, booleans as bool)."""
    result = dict(row._mapping)
    for name, value in result.items():
        if isinstance(value, datetime):
            if value.tzinfo is None:  # SQLite returns the stored UTC time without its zone
                value = value.replace(tzinfo=timezone.utc)
            result[name] = value.isoformat()
    return result


def _reason(exc: SQLAlchemyError) -> str:
    """The database's own words for a failure, without SQLAlchemy's statement dump."""
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).split("\n")[0]
