"""Storage: the database of documents and their claims, and the questions asked of it.

``Store`` opens (and migrates) the database, stores parsed documents batch by batch, and reads
them back. It knows nothing of parsing or of the cross-document analysis: the ``Ledger`` facade
(``claimledger.facade``) sits above it and above ``analyze``, and is what every face talks to.
It never prints, exits or reads the environment; failures surface as ``LedgerError``.

Reads are plain SQL on a DB-API connection (``reads.py``, ``sql.py``): a SQLite file is read through
the ``sqlite3`` module, so a command that only reads never loads SQLAlchemy. The SQLAlchemy engine
is made when something needs it: a write, a migration, the analysis, another database (PostgreSQL,
whose reads go through the engine's DB-API connections).

Each batch of parsed documents is committed in one transaction with all its claim rows, so an
interrupted run keeps its committed batches and loses only the batch in flight.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from .._lazy import lazy
from ..errors import LedgerError, Rejected
from ..records import Document, Record
from . import reads, sql, tallies as tallies_, version
from .report import IngestReport

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.engine import URL

# SQLAlchemy and what is written in it: loaded to write, migrate, search or analyse, never to read.
dialect = lazy("claimledger.ledger.dialect")
migrations = lazy("claimledger.ledger.migrations")
search_ = lazy("claimledger.ledger.search")
writer = lazy("claimledger.ledger.writer")

DEFAULT_URL = "sqlite:///claimledger.db"


class Store:
    """A claim ledger's database: SQLite by default (a bare path is a SQLite file)."""

    def __init__(self, url: str | os.PathLike = DEFAULT_URL):
        self._target = url
        self._engine: Engine | None = None
        self._closed = False
        self._engine_lock = threading.Lock()  # the API server's threads may want the engine at once
        self._file = sql.plain_file(url)  # an existing SQLite file: read without SQLAlchemy
        if self._file is not None:
            self.where = str(self._file)
            if version.is_current(self._recorded_migrations(), self.where):
                return  # up to date: the engine waits until something needs it
        self._open_engine()

    def _recorded_migrations(self) -> list[str]:
        """The migrations recorded in the SQLite file: none in a new, empty one, and none known when the
        file cannot be read right now (another process is creating it and switching it to WAL, or it is
        no database): then the engine opens it, waiting its busy timeout, and says what is wrong if anything is."""
        try:
            with sql.sqlite_reader(self._file) as reader:
                if reader.scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 [version.TABLE]) is None:
                    return []
                return reader.column(f"SELECT name FROM {version.TABLE}")
        except LedgerError:
            return []

    @property
    def url(self) -> URL:
        """The database's SQLAlchemy URL (a bare path becomes sqlite:///path)."""
        try:
            return dialect.to_url(self._target)
        except dialect.SQLAlchemyError as exc:  # e.g. ArgumentError for a malformed URL
            raise LedgerError(f"not a database URL or path: {self._target!s}: {exc}") from exc

    def _open_engine(self) -> None:
        """The SQLAlchemy engine, with the database's schema checked and migrated."""
        url = self.url
        self.where = where = (
            url.database if dialect.is_sqlite_url(url) else url.render_as_string(hide_password=True)
        )  # for messages: the SQLite file, or the URL without its password
        try:
            self._engine = self._migrated(url, where)
        except ImportError as exc:
            self._dispose()
            hint = " (pip install 'claimledger[postgres]')" if url.get_backend_name() == "postgresql" else ""
            raise LedgerError(f"cannot open ledger {where}: database driver not installed{hint}: {exc}") from exc
        except LedgerError:
            self._dispose()
            raise
        except dialect.SQLAlchemyError as exc:
            self._dispose()
            raise LedgerError(f"cannot open ledger {where}: {reason(exc)}") from exc
        self._file = self._file or sql.plain_file(self._target)  # created just now: read it directly too

    def _migrated(self, url: URL, where: str) -> Engine:
        """An engine on a checked, migrated schema. Two processes creating one new SQLite file at once
        can meet SQLite's "database is locked" without its busy handler being asked (the switch to WAL,
        a lock upgrade on the first read), so a locked file is tried again until the busy timeout ends."""
        deadline = time.monotonic() + dialect.BUSY_TIMEOUT_MS / 1000
        pause = 0.02
        while True:
            engine = dialect.create(url)
            try:
                known = [function.__name__ for function in migrations.MIGRATIONS]
                version.is_current(migrations.applied(engine), where, known)  # a newer ledger: one clear error
                migrations.migrate(engine)
                return engine
            except dialect.SQLAlchemyError as exc:
                engine.dispose()
                if not dialect.is_locked(exc) or time.monotonic() + pause > deadline:
                    raise
            except BaseException:
                engine.dispose()
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the database connections (the ledger cannot be used afterwards)."""
        self._closed = True
        self._dispose()

    def _dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @property
    def engine(self) -> Engine:
        """The database engine (for writes and the analysis, which runs its own transaction), made
        on first use."""
        if self._closed:
            raise LedgerError("the ledger is closed")
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._open_engine()
        return self._engine

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.where!r})"

    def reading(self) -> "ReadContext":
        """A SQLAlchemy connection for reads whose database errors become ``LedgerError``."""
        return ReadContext(self.engine)

    def querying(self) -> AbstractContextManager[sql.Reader]:
        """A ``Reader`` for the plain-SQL reads: the ``sqlite3`` module on a SQLite file, else a
        DB-API connection from the engine's pool. Database errors become ``LedgerError``."""
        if self._closed:
            raise LedgerError("the ledger is closed")
        if self._file is not None:
            return sql.sqlite_reader(self._file)
        engine = self.engine
        try:
            connection = engine.raw_connection()
        except dialect.SQLAlchemyError as exc:
            raise LedgerError(f"cannot read the ledger: {reason(exc)}") from exc
        dbapi = engine.dialect.loaded_dbapi
        return sql.dbapi_reader(connection, dbapi.Error, qmark=dbapi.paramstyle == "qmark")

    @staticmethod
    def reader_on(connection: Connection) -> sql.Reader:
        """A ``Reader`` inside an open SQLAlchemy transaction: reads that decide a write see what it sees."""
        qmark = connection.dialect.loaded_dbapi.paramstyle == "qmark"
        return sql.Reader(connection.connection.dbapi_connection, qmark=qmark)

    # -- writing ---------------------------------------------------------------------------------

    def has_text(self, digest: str) -> bool:
        """Whether a text with this content hash (``content_hash``) is stored."""
        with self.querying() as reader:
            return reader.scalar("SELECT id FROM documents WHERE content_hash = ?", [digest]) is not None

    def add(self, pairs: Iterable[tuple[Document, Record]]) -> IngestReport:
        """Store extracted documents (document rows, claims, entities) in ONE transaction.

        Either every document of the batch is stored, or (on any error) none is. A text already
        stored, or repeated within the batch, is counted as unchanged and not stored again.
        """
        batch = list(pairs)
        for document, record in batch:
            writer.check(document, record)
        report = IngestReport()
        try:
            with dialect.writing(self.engine) as connection:
                store = writer.Writer(connection)
                for document, record in batch:
                    outcome = store.store(document, record)
                    setattr(report, outcome, getattr(report, outcome) + 1)
        except dialect.SQLAlchemyError as exc:
            raise LedgerError(f"could not store the batch (nothing of it was kept): {reason(exc)}") from exc
        return report

    def analysis_pending(self) -> bool:
        """Current documents not analysed yet, or analysed documents that are no longer current."""
        with self.querying() as reader:
            new = reader.scalar("SELECT id FROM documents WHERE is_current "
                                "AND id NOT IN (SELECT document_id FROM document_analysis) LIMIT 1")
            gone = reader.scalar("SELECT da.document_id FROM document_analysis da "
                                 "JOIN documents d ON d.id = da.document_id WHERE NOT d.is_current LIMIT 1")
        return new is not None or gone is not None

    # -- reading ---------------------------------------------------------------------------------

    def documents(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        """Current revisions, oldest first, with claim counts (no text: see ``document``)."""
        with self.querying() as reader:
            return reads.document_list(reader, limit=limit, offset=offset)

    def document(self, key_or_id: str | int) -> dict | None:
        """One document with its text, claims (figures with their group id), entities and revision
        history; None if unknown. An int is a row id (any revision); a str is a key (its current
        revision), or failing that a row id written as digits."""
        with self.querying() as reader:
            doc_id = reads.resolve(reader, key_or_id)
            return None if doc_id is None else reads.document(reader, doc_id)

    def quotes(self, *, speaker: str | None = None, kind: str | None = None, document: str | int | None = None,
               limit: int = 100, offset: int = 0, text: str | None = None) -> list[dict]:
        """Quotes of current documents (or of one ``document``); ``speaker`` is a case-insensitive substring
        (so is ``text``, of the quoted words, for every claim method)."""
        conditions = []
        if speaker is not None:
            conditions.append(sql.contains("t.speaker", speaker))
        if kind is not None:
            conditions.append(("t.kind = ?", [kind]))
        return self._claims("quotes", conditions, document, limit, offset, text)

    def attributions(self, *, source: str | None = None, document: str | int | None = None,
                     limit: int = 100, offset: int = 0, text: str | None = None) -> list[dict]:
        """Attributions of current documents; ``source`` is a case-insensitive substring."""
        conditions = [] if source is None else [sql.contains("t.source", source)]
        return self._claims("attributions", conditions, document, limit, offset, text)

    def figures(self, *, category: str | None = None, claimant: str | None = None,
                document: str | int | None = None, limit: int = 100, offset: int = 0,
                text: str | None = None) -> list[dict]:
        """Figures of current documents with their group id (null until analysed); ``claimant`` is a
        case-insensitive substring, ``category`` exact."""
        conditions = []
        if category is not None:
            conditions.append(("t.category = ?", [category]))
        if claimant is not None:
            conditions.append(sql.contains("t.claimant", claimant))
        return self._claims("figures", conditions, document, limit, offset, text)

    def _claims(self, table: str, conditions: list, document, limit, offset, text=None) -> list[dict]:
        if text is not None:
            conditions = [*conditions, sql.contains("t.text", text)]
        with self.querying() as reader:
            doc_id = None
            if document is not None:
                doc_id = reads.resolve(reader, document)
                if doc_id is None:
                    return []
            return reads.claims(reader, table, conditions, doc_id, limit=limit, offset=offset)

    def entities(self, *, name: str | None = None, label: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict]:
        """People and organisations mentioned in current documents, most mentioned first, with
        aliases, titles and the number of documents. ``name``: case-insensitive substring of the
        name or an alias; ``label``: exact (PERSON, ORG, ...)."""
        names = (None, None) if name is None else (sql.contains("e.name", name), sql.contains("alias", name))
        with self.querying() as reader:
            return reads.entity_list(reader, name=names[0], alias=names[1], label=label, limit=limit, offset=offset)

    def search(self, query: str, *, limit: int = 20, offset: int = 0, marks: tuple[str, str] | None = None) -> list[dict]:
        """Full-text search of current documents and their quotes and attributions, best first.

        ``query`` is plain words and "phrases" (all must match; ``word*`` is a prefix); any other
        syntax is read as text. Each hit: kind (document | quote | attribution), id, document
        (key), document_id, title, who (speaker/source), snippet (matches wrapped in ``marks``,
        default ``search.DEFAULT_MARKS``), score.
        """
        with self.reading() as connection:
            hits = search_.backend_for(connection).search(connection, query, limit=offset + limit,
                                                          marks=marks or search_.DEFAULT_MARKS)
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
        with self.querying() as reader:
            if by is None:
                return tallies_.tally_list(reader, **options)
            return tallies_.tally_totals(reader, by, **options)

    def stats(self) -> dict:
        """Counts over current revisions (``revisions`` counts every stored text) and top speakers."""
        with self.querying() as reader:
            return reads.stats(reader)


class ReadContext:
    """A SQLAlchemy connection for reads; database errors become LedgerError."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._connection: Connection | None = None

    def __enter__(self) -> Connection:
        try:
            self._connection = self._engine.connect()
        except dialect.SQLAlchemyError as exc:
            raise LedgerError(f"cannot read the ledger: {reason(exc)}") from exc
        return self._connection

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._connection.close()
        if exc is not None and isinstance(exc, dialect.SQLAlchemyError):
            raise LedgerError(f"cannot read the ledger: {reason(exc)}") from exc
        return False


def reason(exc: Exception) -> str:
    """The database's own words for a failure, without SQLAlchemy's statement dump."""
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).split("\n")[0]


__all__ = ["DEFAULT_URL", "IngestReport", "ReadContext", "Store", "reason"]
