"""Storage: the database of documents and their claims, and the questions asked of it.

``Store`` opens (and migrates) the database, stores parsed documents batch by batch, and reads
them back. It knows nothing of parsing or of the cross-document analysis: the ``Ledger`` facade
(``claimledger.facade``) sits above it and above ``analyze``, and is what every face talks to.
It never prints, exits or reads the environment; failures surface as ``LedgerError``.

Each batch of parsed documents is committed in one transaction with all its claim rows, so an
interrupted run keeps its committed batches and loses only the batch in flight.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import LedgerError, Rejected
from ..records import Document, Record
from . import dialect, migrations, reads, search as search_, tallies as tallies_
from .reads import contains
from .schema import attributions, document_analysis, documents, figures, quotes
from .writer import IngestReport, Writer, check, content_hash

DEFAULT_URL = "sqlite:///claimledger.db"


class Store:
    """A claim ledger's database: SQLite by default (a bare path is a SQLite file)."""

    def __init__(self, url: str | os.PathLike = DEFAULT_URL):
        self._engine: Engine | None = None
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
            hint = " (pip install 'claimledger[postgres]')" if self.url.get_backend_name() == "postgresql" else ""
            raise LedgerError(f"cannot open ledger {where}: database driver not installed{hint}: {exc}") from exc
        except SQLAlchemyError as exc:
            self._dispose()
            raise LedgerError(f"cannot open ledger {where}: {reason(exc)}") from exc

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the database connections (the ledger cannot be used afterwards)."""
        self._dispose()

    def _dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @property
    def engine(self) -> Engine:
        """The open database engine (for the analysis, which runs its own transaction)."""
        if self._engine is None:
            raise LedgerError("the ledger is closed")
        return self._engine

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.where!r})"

    def reading(self) -> "ReadContext":
        """A connection for reads whose database errors become ``LedgerError``."""
        return ReadContext(self.engine)

    # -- writing ---------------------------------------------------------------------------------

    def has_text(self, digest: str) -> bool:
        """Whether a text with this content hash (``content_hash``) is stored."""
        with self.reading() as connection:
            found = connection.scalar(select(documents.c.id).where(documents.c.content_hash == digest))
        return found is not None

    def add(self, pairs: Iterable[tuple[Document, Record]]) -> IngestReport:
        """Store extracted documents (document rows, claims, entities) in ONE transaction.

        Either every document of the batch is stored, or (on any error) none is. A text already
        stored, or repeated within the batch, is counted as unchanged and not stored again.
        """
        batch = list(pairs)
        for document, record in batch:
            check(document, record)
        report = IngestReport()
        try:
            with dialect.writing(self.engine) as connection:
                writer = Writer(connection)
                for document, record in batch:
                    outcome = writer.store(document, record)
                    setattr(report, outcome, getattr(report, outcome) + 1)
        except SQLAlchemyError as exc:
            raise LedgerError(f"could not store the batch (nothing of it was kept): {reason(exc)}") from exc
        return report

    def analysis_pending(self) -> bool:
        """Current documents not analysed yet, or analysed documents that are no longer current."""
        d, da = documents, document_analysis
        with self.reading() as connection:
            new = connection.scalar(select(d.c.id).where(d.c.is_current, d.c.id.not_in(select(da.c.document_id)))
                                    .limit(1))
            gone = connection.scalar(select(da.c.document_id).join(d, d.c.id == da.c.document_id)
                                     .where(~d.c.is_current).limit(1))
        return new is not None or gone is not None

    # -- reading ---------------------------------------------------------------------------------

    def documents(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        """Current revisions, oldest first, with claim counts (no text: see ``document``)."""
        with self.reading() as connection:
            return reads.document_list(connection, limit=limit, offset=offset)

    def document(self, key_or_id: str | int) -> dict | None:
        """One document with its text, claims (figures with their group id), entities and revision
        history; None if unknown. An int is a row id (any revision); a str is a key (its current
        revision), or failing that a row id written as digits."""
        with self.reading() as connection:
            doc_id = reads.resolve(connection, key_or_id)
            return None if doc_id is None else reads.document(connection, doc_id)

    def quotes(self, *, speaker: str | None = None, kind: str | None = None, document: str | int | None = None,
               limit: int = 100, offset: int = 0, text: str | None = None) -> list[dict]:
        """Quotes of current documents (or of one ``document``); ``speaker`` is a case-insensitive substring
        (so is ``text``, of the quoted words, for every claim method)."""
        conditions = []
        if speaker is not None:
            conditions.append(contains(quotes.c.speaker, speaker))
        if kind is not None:
            conditions.append(quotes.c.kind == kind)
        return self._claims(quotes, conditions, document, limit, offset, text)

    def attributions(self, *, source: str | None = None, document: str | int | None = None,
                     limit: int = 100, offset: int = 0, text: str | None = None) -> list[dict]:
        """Attributions of current documents; ``source`` is a case-insensitive substring."""
        conditions = [] if source is None else [contains(attributions.c.source, source)]
        return self._claims(attributions, conditions, document, limit, offset, text)

    def figures(self, *, category: str | None = None, claimant: str | None = None,
                document: str | int | None = None, limit: int = 100, offset: int = 0,
                text: str | None = None) -> list[dict]:
        """Figures of current documents with their group id (null until analysed); ``claimant`` is a
        case-insensitive substring, ``category`` exact."""
        conditions = []
        if category is not None:
            conditions.append(figures.c.category == category)
        if claimant is not None:
            conditions.append(contains(figures.c.claimant, claimant))
        return self._claims(figures, conditions, document, limit, offset, text)

    def _claims(self, table, conditions, document, limit, offset, text=None) -> list[dict]:
        if text is not None:
            conditions = [*conditions, contains(table.c.text, text)]
        with self.reading() as connection:
            doc_id = None
            if document is not None:
                doc_id = reads.resolve(connection, document)
                if doc_id is None:
                    return []
            return reads.claims(connection, table, conditions, doc_id, limit=limit, offset=offset)

    def entities(self, *, name: str | None = None, label: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict]:
        """People and organisations mentioned in current documents, most mentioned first, with
        aliases, titles and the number of documents. ``name``: case-insensitive substring of the
        name or an alias; ``label``: exact (PERSON, ORG, ...)."""
        with self.reading() as connection:
            return reads.entity_list(connection, name=name, label=label, limit=limit, offset=offset)

    def search(self, query: str, *, limit: int = 20, offset: int = 0,
               marks: tuple[str, str] = search_.DEFAULT_MARKS) -> list[dict]:
        """Full-text search of current documents and their quotes and attributions, best first.

        ``query`` is plain words and "phrases" (all must match; ``word*`` is a prefix); any other
        syntax is read as text. Each hit: kind (document | quote | attribution), id, document
        (key), document_id, title, who (speaker/source), snippet (matches wrapped in ``marks``), score.
        """
        with self.reading() as connection:
            hits = search_.backend_for(connection).search(connection, query, limit=offset + limit, marks=marks)
        return hits[offset:]

    def search_total(self, query: str) -> int:
        """How many hits ``search`` finds for ``query`` in all."""
        with self.reading() as connection:
            return search_.count(connection, query)

    def tallies(self, *, category: str | None = None, group: str | None = None, by: str | None = None,
                limit: int = 100, offset: int = 0) -> list[dict]:
        """Casualty tallies of current documents, each with its document (key, title, published) and
        every claimant's account; with ``by`` (place, date, group or claimant), totals per key instead:
        sums of low and high, numbers of tallies and documents, and the documents' keys."""
        if by is not None and by not in tallies_.BY:
            raise Rejected(f"tallies are totalled by {', '.join(tallies_.BY)}, not {by!r}")
        options = {"category": category, "group": group, "limit": limit, "offset": offset}
        with self.reading() as connection:
            if by is None:
                return tallies_.tally_list(connection, **options)
            return tallies_.tally_totals(connection, by, **options)

    def stats(self) -> dict:
        """Counts over current revisions (``revisions`` counts every stored text) and top speakers."""
        with self.reading() as connection:
            return reads.stats(connection)


class ReadContext:
    """A connection for reads; database errors become LedgerError."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._connection: Connection | None = None

    def __enter__(self) -> Connection:
        try:
            self._connection = self._engine.connect()
        except SQLAlchemyError as exc:
            raise LedgerError(f"cannot read the ledger: {reason(exc)}") from exc
        return self._connection

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._connection.close()
        if isinstance(exc, SQLAlchemyError):
            raise LedgerError(f"cannot read the ledger: {reason(exc)}") from exc
        return False


def reason(exc: SQLAlchemyError) -> str:
    """The database's own words for a failure, without SQLAlchemy's statement dump."""
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).split("\n")[0]


__all__ = ["DEFAULT_URL", "IngestReport", "ReadContext", "Store", "content_hash", "reason"]
