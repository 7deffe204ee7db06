"""Everything that differs between database backends, in one place.

The ledger is written in SQLAlchemy Core and runs the same statements on every backend.
What SQLite needs on top (WAL, a busy timeout, real ``BEGIN`` control, FTS5 tables and the
triggers that keep them filled) lives here, behind ``is_sqlite`` checks, so PostgreSQL
support only has to add its own branch to these functions.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError

BUSY_TIMEOUT_MS = 30_000
_WRITE = "claimledger_write"  # execution option: this connection's transaction will write


def to_url(target: str | os.PathLike) -> URL:
    """A database URL; a bare path (or ``:memory:``) means a SQLite file."""
    if isinstance(target, str) and "://" in target:
        return make_url(target)
    path = os.fspath(target)
    if path != ":memory:":
        path = os.path.expanduser(path)
    return URL.create("sqlite", database=path)


def is_sqlite(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "sqlite"


def is_sqlite_url(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def create(url: URL) -> Engine:
    """An engine configured for the ledger's transaction pattern on its backend."""
    engine = create_engine(url)
    if is_sqlite(engine):
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """WAL so readers never block the writer, a busy timeout instead of instant 'database is locked',
    and SQLAlchemy (not the sqlite3 module) in charge of BEGIN, so DDL is transactional and a
    writing transaction takes the write lock up front (``BEGIN IMMEDIATE``): no lock upgrades,
    hence no deadlocks between two processes ingesting into the same file."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # pragma: no cover - exercised through every test
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL").fetchall()
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):  # pragma: no cover - exercised through every test
        immediate = connection.get_execution_options().get(_WRITE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: commits when the block ends, rolls back if it raises."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


def insert_ignore(connection: Connection, table: Table, rows: dict | list[dict]) -> None:
    """Insert rows, silently skipping any that would violate a unique constraint."""
    if not rows:
        return
    name = connection.dialect.name
    if name in ("sqlite", "postgresql"):
        if name == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        connection.execute(dialect_insert(table).on_conflict_do_nothing(), rows)
        return
    for row in rows if isinstance(rows, list) else [rows]:  # generic: one savepoint per row
        try:
            with connection.begin_nested():
                connection.execute(insert(table), row)
        except IntegrityError:
            pass


# -- full-text search tables (SQLite FTS5) -------------------------------------------------------

FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

# documents_fts indexes documents(title, text) without copying the text (external content);
# claims_fts holds quote and attribution text with the speaker/source, their kind and row id.
# Triggers keep both in step with the base tables inside the same transaction.
SQLITE_FTS_DDL = [
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id', tokenize='{FTS_TOKENIZER}')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    f"""CREATE VIRTUAL TABLE claims_fts USING fts5(
        text, who, kind UNINDEXED, claim_id UNINDEXED, document_id UNINDEXED,
        tokenize='{FTS_TOKENIZER}')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO claims_fts(text, who, kind, claim_id, document_id)
        VALUES (new.text, new.speaker, 'quote', new.id, new.document_id);
    END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM claims_fts WHERE kind = 'quote' AND claim_id = old.id;
    END""",
    """CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO claims_fts(text, who, kind, claim_id, document_id)
        VALUES (new.text, new.source, 'attribution', new.id, new.document_id);
    END""",
    """CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
        DELETE FROM claims_fts WHERE kind = 'attribution' AND claim_id = old.id;
    END""",
]


def create_search_tables(connection: Connection) -> None:
    """The backend's full-text index over documents and claims (nothing yet outside SQLite)."""
    if is_sqlite(connection):
        for statement in SQLITE_FTS_DDL:
            connection.exec_driver_sql(statement)
