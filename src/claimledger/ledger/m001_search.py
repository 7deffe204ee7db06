"""The full-text search tables migration 1 created, frozen as they were: never edit this module.

Why a module of its own: a migration must do the same thing on every database it ever runs on,
so the DDL it ran is kept here as it was, not read from live code that may change. A change to
the search tables is a new migration (with its own DDL), never an edit of this one.
"""

from __future__ import annotations

from sqlalchemy import Connection

from . import dialect

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

TS_CONFIG = "english"
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
            RETURN setweight(to_tsvector('{TS_CONFIG}', body), weight);
        END IF;
        BEGIN
            RETURN setweight(to_tsvector('{TS_CONFIG}', body), weight);
        EXCEPTION WHEN program_limit_exceeded THEN
            RETURN setweight(to_tsvector('{TS_CONFIG}', left(body, {PG_FALLBACK_CHARS})), weight);
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


def create(connection: Connection) -> None:
    """The backend's full-text index over documents and claims (SQLite FTS5, PostgreSQL tsvector)."""
    if dialect.is_sqlite(connection):
        for statement in SQLITE_FTS_DDL:
            connection.exec_driver_sql(statement)
    elif dialect.is_postgresql(connection):
        for statement in PG_FTS_DDL:
            connection.exec_driver_sql(statement)
