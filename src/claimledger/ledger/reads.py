"""Reading the stored documents and claims: one function per question, each on an open ``Reader``.

Why a module of its own: ``Store`` owns connections and errors; the SQL lives here, written once as
plain parametrised SQL (``ledger/sql.py``) that SQLite and PostgreSQL both run, so reading needs no
SQLAlchemy. Rows are the plain dicts every face shows (booleans as bool, times as ISO 8601 text).
"""

from __future__ import annotations

from typing import Any

from ..extract.lexicon import PRONOUN_NAMES
from .sql import Reader, marks
from .tallies import document_tallies

TOP_SPEAKERS = 10
CLAIM_TABLES = ("quotes", "attributions", "figures")  # the claim tables, in the order documents list them
Condition = tuple[str, list]  # an SQL condition on the claim table (alias t) and its parameters

DOCUMENT_COLUMNS = """d.id, d.key, d.identity, d.revision, d.is_current, d.content_hash, d.url, d.title,
    o.name AS outlet, d.published, d.author, d.source, d.ingested_at, length(d.text) AS chars"""
WITH_OUTLET = "documents d LEFT JOIN outlets o ON o.id = d.outlet_id"
CLAIM_COUNTS = ", ".join(f"(SELECT count(*) FROM {table} c WHERE c.document_id = d.id) AS {table}"
                         for table in CLAIM_TABLES)
CURRENT = "SELECT id FROM documents WHERE is_current"
# A quote's corroboration (``analyze`` fills ``quote_analysis``): independent outlets carrying the same
# words from the same speaker (reprints of one story counted once), and where and when they were first
# seen. Null until analysed. One declaration for every read of quotes.
QUOTE_CORROBORATION = ("qa.outlets, qa.first_seen, qd.key AS first_document",
                       " LEFT JOIN quote_analysis qa ON qa.quote_id = t.id"
                       " LEFT JOIN documents qd ON qd.id = qa.first_document_id")


# The figure a stored reference points back to (a reference keeps its figure's offsets: figure ids are not
# known when a record is stored). One declaration for every read of references (r) with their figure (f).
REFERENCED_FIGURE = ('JOIN figures f ON f.document_id = r.document_id AND f.start = r.figure_start '
                     'AND f."end" = r.figure_end')


def document_references(reader: Reader, doc_id: int) -> list[dict]:
    """The phrases of a document that point back to a figure ("the 36"), as the record has them (the
    figure as ``{start, end, text}``, with its row ``id``) and with that figure's ``group``."""
    rows = reader.rows(
        'SELECT r.id, r.start, r."end", r.text, r.low, r.high, f.id AS figure_id, f.start AS figure_start, '
        f'f."end" AS figure_end, f.text AS figure_text, fa.group_id AS "group" FROM figure_references r {REFERENCED_FIGURE} '
        "LEFT JOIN figure_analysis fa ON fa.figure_id = f.id WHERE r.document_id = ? ORDER BY r.start, r.id", [doc_id])
    for row in rows:
        row["figure"] = {key: row.pop(f"figure_{key}") for key in ("id", "start", "end", "text")}
    return rows


def document_list(reader: Reader, *, limit: int, offset: int) -> list[dict]:
    """Current revisions, oldest first, with claim counts."""
    return reader.rows(f"SELECT {DOCUMENT_COLUMNS}, {CLAIM_COUNTS} FROM {WITH_OUTLET} WHERE d.is_current "
                       f"ORDER BY d.id LIMIT ? OFFSET ?", [limit, offset])


def document(reader: Reader, doc_id: int) -> dict:
    """One stored document by row id, with its text, claims, entities and revision history."""
    result = reader.row(f"SELECT {DOCUMENT_COLUMNS}, d.text FROM {WITH_OUTLET} WHERE d.id = ?", [doc_id])
    columns, joins = QUOTE_CORROBORATION
    result["quotes"] = reader.rows(f"SELECT t.*, {columns} FROM quotes t{joins} WHERE t.document_id = ? "
                                   "ORDER BY t.start, t.id", [doc_id])
    result["attributions"] = reader.rows("SELECT * FROM attributions WHERE document_id = ? ORDER BY start, id",
                                         [doc_id])
    result["figures"] = reader.rows(
        'SELECT f.*, fa.group_id AS "group" FROM figures f LEFT JOIN figure_analysis fa ON fa.figure_id = f.id '
        "WHERE f.document_id = ? ORDER BY f.start, f.id", [doc_id])
    result["references"] = document_references(reader, doc_id)
    result["tallies"] = document_tallies(reader, doc_id)
    result["entities"] = with_names(reader, "SELECT e.id, e.name, e.label FROM entities e "
                                            "JOIN mentions m ON m.entity_id = e.id WHERE m.document_id = ? "
                                            "ORDER BY e.name", [doc_id])
    result["revisions"] = reader.rows("SELECT id, key, revision, is_current, content_hash, ingested_at "
                                      "FROM documents WHERE identity = ? ORDER BY revision", [result["identity"]])
    return result


def claims(reader: Reader, table: str, conditions: list[Condition], document_id: int | None, *, limit: int,
           offset: int) -> list[dict]:
    """Claims (``table``: quotes, attributions or figures) of current documents, or of one document,
    in text order; figures with their group id, quotes with their corroboration, in the same query."""
    if table not in CLAIM_TABLES:
        raise ValueError(f"no claim table {table!r}")
    columns, joins = "t.*, d.key AS document, d.title", f"{table} t JOIN documents d ON d.id = t.document_id"
    if table == "figures":
        columns += ', fa.group_id AS "group"'
        joins += " LEFT JOIN figure_analysis fa ON fa.figure_id = t.id"
    elif table == "quotes":
        columns += ", " + QUOTE_CORROBORATION[0]
        joins += QUOTE_CORROBORATION[1]
    where, params = ["d.is_current"] if document_id is None else ["d.id = ?"], [] if document_id is None else [document_id]
    for sql, values in conditions:
        where.append(sql)
        params += values
    return reader.rows(f"SELECT {columns} FROM {joins} WHERE {' AND '.join(where)} "
                       "ORDER BY t.document_id, t.start, t.id LIMIT ? OFFSET ?", [*params, limit, offset])


def entity_list(reader: Reader, *, name: Condition | None, alias: Condition | None, label: str | None, limit: int,
                offset: int) -> list[dict]:
    """Entities of current documents, most mentioned first, with aliases, titles and documents;
    ``name`` and ``alias`` (together) keep those whose name or one of whose aliases matches."""
    where, params = ["d.is_current"], []
    if label is not None:
        where.append("e.label = ?")
        params.append(label)
    if name is not None and alias is not None:
        where.append(f"({name[0]} OR e.id IN (SELECT entity_id FROM entity_aliases WHERE {alias[0]}))")
        params += name[1] + alias[1]
    return with_names(reader, "SELECT e.id, e.name, e.label, count(DISTINCT m.document_id) AS documents "
                              "FROM entities e JOIN mentions m ON m.entity_id = e.id "
                              f"JOIN documents d ON d.id = m.document_id WHERE {' AND '.join(where)} "
                              "GROUP BY e.id, e.name, e.label "
                              "ORDER BY count(DISTINCT m.document_id) DESC, e.name, e.id LIMIT ? OFFSET ?",
                      [*params, limit, offset])


def stats(reader: Reader) -> dict[str, Any]:
    """Counts over current revisions (``revisions`` counts every stored text) and top speakers."""

    def count(table: str, where: str = "") -> Any:
        return reader.scalar(f"SELECT count(*) FROM {table} WHERE document_id IN ({CURRENT}){where}")

    return {
        "documents": reader.scalar("SELECT count(*) FROM documents WHERE is_current"),
        "revisions": reader.scalar("SELECT count(*) FROM documents"),
        "outlets": reader.scalar("SELECT count(*) FROM outlets"),
        "quotes": count("quotes"),
        "direct_quotes": count("quotes", " AND kind = 'direct'"),
        "indirect_quotes": count("quotes", " AND kind = 'indirect'"),
        "attributions": count("attributions"),
        "figures": count("figures"),
        "references": count("figure_references"),  # phrases naming a figure's quantity again ("the eight")
        "tallies": count("tallies"),
        # one probe per entity (index on mentions.entity_id), not a DISTINCT over every mention
        "entities": reader.scalar("SELECT count(*) FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m "
                                  "JOIN documents d ON d.id = m.document_id WHERE m.entity_id = e.id AND d.is_current)"),
        "top_speakers": top_speakers(reader),
    }


def top_speakers(reader: Reader, n: int = TOP_SPEAKERS) -> list[dict]:
    """The ``n`` speakers with most quotes in current revisions, most first; a bare pronoun ("They",
    "I": nobody the extractor could name) is no speaker to rank.

    Why two queries: counting every speaker's quotes reads only the index on ``quotes.speaker``, while
    keeping to current revisions made SQLite read every quote row (about a second at 20,000 documents).
    So all quotes are counted by that index, and the quotes of replaced revisions (few) subtracted."""
    totals = {row["speaker"]: row["quotes"] for row in reader.rows(
        "SELECT speaker, count(*) AS quotes FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker")}
    for row in reader.rows("SELECT speaker, count(*) AS quotes FROM quotes WHERE speaker IS NOT NULL AND document_id "
                           "IN (SELECT id FROM documents WHERE NOT is_current) GROUP BY speaker"):
        totals[row["speaker"]] -= row["quotes"]
    ranked = sorted((-quotes, speaker) for speaker, quotes in totals.items()
                    if quotes > 0 and speaker.strip().lower() not in PRONOUN_NAMES)[:n]
    return [{"speaker": speaker, "quotes": -negative} for negative, speaker in ranked]


def resolve(reader: Reader, key_or_id: str | int) -> int | None:
    """A document's row id: an int is a row id (any revision); a str a key (its current revision),
    or failing that a row id written as digits."""
    if isinstance(key_or_id, int) and not isinstance(key_or_id, bool):
        return reader.scalar("SELECT id FROM documents WHERE id = ?", [key_or_id])
    key = str(key_or_id)
    found = reader.scalar("SELECT id FROM documents WHERE key = ? ORDER BY is_current DESC, id DESC LIMIT 1", [key])
    if found is None and key.isdigit():
        found = reader.scalar("SELECT id FROM documents WHERE id = ?", [int(key)])
    return found


def with_names(reader: Reader, sql: str, params: list) -> list[dict]:
    """Entity rows (id, name, label, ...) with their aliases and titles attached."""
    result = reader.rows(sql, params)
    ids = [row["id"] for row in result]
    extra: dict[int, dict[str, list[str]]] = {i: {"aliases": [], "titles": []} for i in ids}
    if ids:
        for table, column, name in (("entity_aliases", "alias", "aliases"), ("entity_titles", "title", "titles")):
            found = reader.rows(f"SELECT entity_id, {column} AS value FROM {table} WHERE entity_id IN ({marks(ids)}) "
                                "ORDER BY id", ids)
            for row in found:
                extra[row["entity_id"]][name].append(row["value"])
    for row in result:
        row.update(extra[row["id"]])
    return result

