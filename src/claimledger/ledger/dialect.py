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
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError

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


def sqlite_path(target: str | os.PathLike) -> "Path | None":
    """The SQLite file a path or sqlite:/// URL names; None for other databases, ``:memory:`` and
    malformed URLs (those are reported when the ledger opens them)."""
    if not (isinstance(target, str) and "://" in target):
        return Path(target).expanduser()
    try:
        url = make_url(target)
    except Exception:  # noqa: BLE001 - ArgumentError and friends: reported when the ledger opens it
        return None
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser()
    return None


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


# -- full-text search tables (PostgreSQL tsvector) ----------------------------------------------

PG_TS_CONFIG = "english"
PG_FALLBACK_CHARS = 100_000  # at most ~50,000 words: always under tsvector's 1 MB limit

# The same two tables as on SQLite, holding tsvectors under GIN indexes: documents_fts (title
# weighted A, text B) per document, claims_fts (quote/attribution text B, speaker/source A) per
# claim, with the text and who copied so snippets need no join. Triggers fill them in the same
# transaction as the base rows. claimledger_tsvector never raises: a text whose tsvector would
# pass PostgreSQL's 1 MB limit is indexed by its first PG_FALLBACK_CHARS characters, so no
# document is refused for being too big to index.
PG_FTS_DDL = [
    f"""CREATE FUNCTION claimledger_tsvector(body text, weight "char") RETURNS tsvector
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    BEGIN
        IF body IS NULL THEN
            RETURN ''::tsvector;
        END IF;
        IF length(body) <= {PG_FALLBACK_CHARS} THEN  -- always fits: no subtransaction for the usual case
            RETURN setweight(to_tsvector('{PG_TS_CONFIG}', body), weight);
        END IF;
        BEGIN
            RETURN setweight(to_tsvector('{PG_TS_CONFIG}', body), weight);
        EXCEPTION WHEN program_limit_exceeded THEN
            RETURN setweight(to_tsvector('{PG_TS_CONFIG}', left(body, {PG_FALLBACK_CHARS})), weight);
        END;
    END $$""",
    """CREATE TABLE documents_fts (
        document_id integer PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        vector tsvector NOT NULL)""",
    "CREATE INDEX ix_documents_fts_vector ON documents_fts USING gin (vector)",
    """CREATE FUNCTION claimledger_documents_fts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO documents_fts (document_id, vector)
        VALUES (NEW.id, claimledger_tsvector(NEW.title, 'A') || claimledger_tsvector(NEW.text, 'B'))
        ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents
        FOR EACH ROW EXECUTE FUNCTION claimledger_documents_fts()""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents
        FOR EACH ROW EXECUTE FUNCTION claimledger_documents_fts()""",
    """CREATE TABLE claims_fts (
        id bigserial PRIMARY KEY,
        kind varchar NOT NULL,
        claim_id integer NOT NULL,
        document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        text text,
        who varchar,
        vector tsvector NOT NULL,
        UNIQUE (kind, claim_id))""",
    "CREATE INDEX ix_claims_fts_vector ON claims_fts USING gin (vector)",
    "CREATE INDEX ix_claims_fts_document_id ON claims_fts (document_id)",
    """CREATE FUNCTION claimledger_claims_fts() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        claim_kind varchar := TG_ARGV[0];
        who_value varchar;
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            DELETE FROM claims_fts WHERE kind = claim_kind AND claim_id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            IF claim_kind = 'quote' THEN  -- separate statements: each table has only one of the columns
                who_value := NEW.speaker;
            ELSE
                who_value := NEW.source;
            END IF;
            INSERT INTO claims_fts (kind, claim_id, document_id, text, who, vector)
            VALUES (claim_kind, NEW.id, NEW.document_id, NEW.text, who_value,
                    claimledger_tsvector(NEW.text, 'B') || claimledger_tsvector(who_value, 'A'));
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER quotes_fts AFTER INSERT OR DELETE OR UPDATE OF text, speaker, document_id ON quotes
        FOR EACH ROW EXECUTE FUNCTION claimledger_claims_fts('quote')""",
    """CREATE TRIGGER attributions_fts AFTER INSERT OR DELETE OR UPDATE OF text, source, document_id
        ON attributions FOR EACH ROW EXECUTE FUNCTION claimledger_claims_fts('attribution')""",
]


def create_search_tables(connection: Connection) -> None:
    """The backend's full-text index over documents and claims (SQLite FTS5, PostgreSQL tsvector)."""
    if is_sqlite(connection):
        for statement in SQLITE_FTS_DDL:
            connection.exec_driver_sql(statement)
    elif is_postgresql(connection):
        for statement in PG_FTS_DDL:
            connection.exec_driver_sql(statement)
