"""Everything that differs between database backends, in one place.

The ledger is written in SQLAlchemy Core and runs the same statements on every backend.
What each backend needs on top lives here:

- SQLite: WAL, a busy timeout, real ``BEGIN`` control (``BEGIN IMMEDIATE`` for writers), FTS5
  tables and the triggers that keep them filled.
- PostgreSQL (psycopg 3): ``postgresql://`` URLs use psycopg; writers serialise on a
  transaction-level advisory lock (as SQLite's write lock does), so two ingests never race on a
  content hash or a revision number; full-text search uses ``tsvector`` tables with GIN indexes,
  kept filled by triggers (see ``PG_FTS_DDL``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError  # SQLAlchemyError: what Store and Ledger catch

BUSY_TIMEOUT_MS = 30_000
_WRITE = "claimledger_write"  # execution option: this connection's transaction will write


PG_DRIVER = "postgresql+psycopg"
# Any constant works: every ledger writer in one database takes this same lock.
PG_WRITE_LOCK = 0x436C4C6564676572  # "ClLedger"


def to_url(target: str | os.PathLike) -> URL:
    """A database URL; a bare path (or ``:memory:``) means a SQLite file.

    ``postgresql://`` (and ``postgres://``) without a driver means psycopg 3.
    """
    if isinstance(target, str) and "://" in target:
        url = make_url(target)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername=PG_DRIVER)
        return url
    path = os.fspath(target)
    if path != ":memory:":
        path = os.path.expanduser(path)
    return URL.create("sqlite", database=path)


def is_sqlite(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "sqlite"


def is_sqlite_url(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def is_postgresql(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "postgresql"


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


def is_locked(exc: Exception) -> bool:
    """Whether a database error is SQLite's "database is locked" (another connection holds the file)."""
    return "database is locked" in str(getattr(exc, "orig", None) or exc)


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: commits when the block ends, rolls back if it raises.

    Writers run one at a time per database (readers never wait): SQLite's ``BEGIN IMMEDIATE``,
    PostgreSQL's transaction-level advisory lock, released by the commit or rollback.
    """
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            if is_postgresql(connection):
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
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


# -- full-text search ----------------------------------------------------------------------------

# The text search configuration PostgreSQL's search queries use: the one the tsvector triggers of
# migration 1 (``m001_search.py``, frozen) index with. A new configuration is a new migration.
PG_TS_CONFIG = "english"
