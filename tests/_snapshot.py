"""Everything a ledger stores, without row ids or times, on any backend: for "identical ledger" checks.

Plain module (no pytest) so child processes and benchmarks can import it too.
"""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from claimledger.ledger.dialect import to_url

QUERIES = {
    "documents": "SELECT key, identity, content_hash, revision, is_current, url, title, published, author, source, "
                 "text FROM documents",
    "outlets": "SELECT o.name, d.key FROM outlets o LEFT JOIN documents d ON d.outlet_id = o.id",
    "quotes": 'SELECT d.key, d.revision, q.kind, q.start, q."end", q.text, q.speaker, q.speaker_title, q.cue '
              "FROM quotes q JOIN documents d ON d.id = q.document_id",
    "attributions": 'SELECT d.key, d.revision, a.start, a."end", a.text, a.source, a.cue '
                    "FROM attributions a JOIN documents d ON d.id = a.document_id",
    "figures": 'SELECT d.key, d.revision, f.start, f."end", f.text, f.low, f.high, f.qualifier, f.unit, f.category, '
               "f.subject, f.period, f.claimant, f.stance, f.vague FROM figures f JOIN documents d ON d.id = f.document_id",
    "mentions": "SELECT d.key, d.revision, e.name, e.label FROM mentions m JOIN documents d ON d.id = m.document_id "
                "JOIN entities e ON e.id = m.entity_id",
    "entities": "SELECT name, label FROM entities",
    "aliases": "SELECT e.name, e.label, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id",
    "titles": "SELECT e.name, e.label, t.title FROM entity_titles t JOIN entities e ON e.id = t.entity_id",
    "documents_fts": "SELECT d.key, d.revision FROM documents_fts f JOIN documents d ON d.id = {fts_doc}",
    "claims_fts": "SELECT d.key, d.revision, c.kind, c.text FROM claims_fts c JOIN documents d ON d.id = c.document_id",
}


def snapshot(target) -> dict[str, list[tuple]]:
    """Sorted rows per table (joined to document keys instead of ids) of the ledger at ``target``."""
    engine = create_engine(to_url(str(target)))
    try:
        fts_doc = "f.rowid" if engine.dialect.name == "sqlite" else "f.document_id"
        with engine.connect() as connection:
            if not inspect(connection).has_table("_migrations"):  # killed before the schema was made
                return {name: [] for name in QUERIES}
            return {
                name: sorted((tuple(_plain(v) for v in row) for row in connection.execute(text(sql.format(fts_doc=fts_doc)))),
                             key=repr)
                for name, sql in QUERIES.items()
            }
    finally:
        engine.dispose()


def _plain(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def integrity(target) -> None:
    """SQLite: the file, its foreign keys and its FTS indexes are consistent (raises otherwise)."""
    import sqlite3
    from contextlib import closing

    url = to_url(str(target))
    if url.get_backend_name() != "sqlite":
        return
    with closing(sqlite3.connect(url.database)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in ("documents_fts", "claims_fts"):
            if table in tables:  # not there when killed before the first migration committed
                db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
