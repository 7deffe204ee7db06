"""Full-text search over documents (title, text) and claims (quote/attribution text, speaker/source).

A query is plain words and "quoted phrases"; every term must match (AND), and a trailing ``*``
makes a prefix (``Kirb*``). Nothing else in it is syntax: ``-``, ``AND``, ``NEAR``, parentheses,
column filters and stray quotes are read as text, so no user input can raise.

Backends sit behind ``backend_for``: SQLite uses its FTS5 tables (ranked by bm25, with snippets);
PostgreSQL its tsvector tables (GIN indexes, ranked by ts_rank, snippets by ts_headline; see
``m001_search.PG_FTS_DDL``); any other database gets ``LikeSearch``, a slow but portable scan.

PostgreSQL's ``english`` configuration drops stop words ("the", "and", ...), so a query made of
stop words only finds nothing there, and a stop word inside a phrase matches any word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection, String, and_, cast, func, literal, null, or_, select, text, union_all

from . import dialect
from .schema import attributions, documents, quotes

DEFAULT_MARKS = ("**", "**")
SNIPPET_TOKENS = 16  # words around the match in a snippet


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    prefix: bool = False


_TERM = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')
_WORD = re.compile(r"\w+")


def parse_query(query: str) -> list[Term]:
    """The user's query as terms: quoted phrases and bare words, stripped of all punctuation."""
    terms = []
    for match in _TERM.finditer(query or ""):
        phrase, bare = match.groups()
        words = tuple(_WORD.findall(phrase if phrase is not None else bare))
        if words:
            terms.append(Term(words, prefix=bare is not None and bare.endswith("*")))
    return terms


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH expression that means exactly the terms of ``query`` (None when it has none).

    Each term becomes a double-quoted FTS5 string, which FTS5 never reads as an operator; the
    terms hold only word characters, so no quote can end a string early.
    """
    parts = []
    for term in parse_query(query):
        part = '"' + " ".join(term.words) + '"'
        parts.append(part + "*" if term.prefix else part)
    return " ".join(parts) or None


class SearchBackend(Protocol):
    def search(self, connection: Connection, query: str, *, limit: int, marks: tuple[str, str]) -> list[dict]:
        """Hits, best first: dicts with kind (document | quote | attribution), id, document (key),
        document_id, title, who (speaker or source, for claims), snippet and score (higher is better)."""


def tsquery_text(query: str) -> str | None:
    """A ``to_tsquery`` expression meaning the terms of ``query`` (None when it has none).

    Each word becomes a single-quoted operand (words hold only word characters, so no quote or
    backslash can end one early); a phrase joins its words with ``<->``, a prefix term ends in
    ``:*``, and terms are joined with ``&``.
    """
    parts = []
    for term in parse_query(query):
        part = " <-> ".join(f"'{word}'" for word in term.words)
        parts.append(part + ":*" if term.prefix else part)
    return " & ".join(parts) or None


def backend_for(connection: Connection) -> SearchBackend:
    """The search implementation for this database."""
    if dialect.is_sqlite(connection):
        return Fts5Search()
    if dialect.is_postgresql(connection):
        return TsvectorSearch()
    return LikeSearch()


class Fts5Search:
    """SQLite FTS5 over ``documents_fts`` and ``claims_fts`` (see ``m001_search.SQLITE_FTS_DDL``)."""

    _DOCUMENTS = text(
        """
        SELECT 'document' AS kind, d.id AS id, d.key AS document, d.id AS document_id, d.title AS title,
               NULL AS who,
               snippet(documents_fts, -1, :open, :close, '…', :tokens) AS snippet,
               -bm25(documents_fts, 5.0, 1.0) AS score
        FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid
        WHERE documents_fts MATCH :query AND d.is_current
        ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT :limit
        """
    )
    _CLAIMS = text(
        """
        SELECT claims_fts.kind AS kind, claims_fts.claim_id AS id, d.key AS document,
               d.id AS document_id, d.title AS title, claims_fts.who AS who,
               snippet(claims_fts, 0, :open, :close, '…', :tokens) AS snippet,
               -bm25(claims_fts, 1.0, 2.0) AS score
        FROM claims_fts JOIN documents AS d ON d.id = claims_fts.document_id
        WHERE claims_fts MATCH :query AND d.is_current
        ORDER BY bm25(claims_fts, 1.0, 2.0) LIMIT :limit
        """
    )

    def search(self, connection: Connection, query: str, *, limit: int, marks: tuple[str, str]) -> list[dict]:
        match = fts5_query(query)
        if match is None or limit <= 0:
            return []
        params = {"query": match, "open": marks[0], "close": marks[1], "tokens": SNIPPET_TOKENS, "limit": limit}
        hits = [dict(row._mapping) for statement in (self._DOCUMENTS, self._CLAIMS)
                for row in connection.execute(statement, params)]
        hits.sort(key=lambda hit: -hit["score"])
        return hits[:limit]


class TsvectorSearch:
    """PostgreSQL full-text search over ``documents_fts`` and ``claims_fts`` (tsvector + GIN).

    Ranked by ``ts_rank`` (title and speaker/source words weigh more, as with SQLite's bm25
    weights); snippets come from ``ts_headline`` around the best match. The marks go in as
    private-use characters and are swapped for the caller's afterwards, so no mark can upset
    ts_headline's option syntax.
    """

    _OPEN, _CLOSE = "\ue000", "\ue001"
    _HEADLINE = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={SNIPPET_TOKENS + 4}, MinWords={SNIPPET_TOKENS // 2}"
    _WEIGHTS = "'{0.1, 0.2, 0.2, 1.0}'"  # D, C, B, A

    _DOCUMENTS = text(
        f"""
        WITH query AS (SELECT to_tsquery('{dialect.PG_TS_CONFIG}', :query) AS q),
        hits AS (
            SELECT d.id AS id, ts_rank({_WEIGHTS}, f.vector, query.q) AS score
            FROM documents_fts AS f CROSS JOIN query JOIN documents AS d ON d.id = f.document_id
            WHERE f.vector @@ query.q AND d.is_current
            ORDER BY score DESC, d.id LIMIT :limit
        )
        SELECT 'document' AS kind, d.id AS id, d.key AS document, d.id AS document_id, d.title AS title,
               NULL AS who,
               ts_headline('{dialect.PG_TS_CONFIG}', left(d.text, :window), query.q, :options) AS snippet,
               hits.score AS score
        FROM hits JOIN documents AS d ON d.id = hits.id CROSS JOIN query
        ORDER BY hits.score DESC, d.id
        """
    )
    _CLAIMS = text(
        f"""
        WITH query AS (SELECT to_tsquery('{dialect.PG_TS_CONFIG}', :query) AS q)
        SELECT c.kind AS kind, c.claim_id AS id, d.key AS document, d.id AS document_id, d.title AS title,
               c.who AS who,
               ts_headline('{dialect.PG_TS_CONFIG}', coalesce(c.text, ''), query.q, :options) AS snippet,
               ts_rank({_WEIGHTS}, c.vector, query.q) AS score
        FROM claims_fts AS c CROSS JOIN query JOIN documents AS d ON d.id = c.document_id
        WHERE c.vector @@ query.q AND d.is_current
        ORDER BY score DESC, c.id LIMIT :limit
        """
    )
    HEADLINE_WINDOW = 200_000  # characters of a document ts_headline looks at (it parses them all)

    def search(self, connection: Connection, query: str, *, limit: int, marks: tuple[str, str]) -> list[dict]:
        expression = tsquery_text(query)
        if expression is None or limit <= 0:
            return []
        params = {"query": expression, "options": self._HEADLINE, "limit": limit, "window": self.HEADLINE_WINDOW}
        hits = []
        for statement in (self._DOCUMENTS, self._CLAIMS):
            for row in connection.execute(statement, params):
                hit = dict(row._mapping)
                hit["score"] = float(hit["score"])
                hit["snippet"] = (hit["snippet"] or "").replace(self._OPEN, marks[0]).replace(self._CLOSE, marks[1])
                hits.append(hit)
        hits.sort(key=lambda hit: -hit["score"])
        return hits[:limit]


class LikeSearch:
    """Portable fallback: case-insensitive substring match of every term, no ranking."""

    def search(self, connection: Connection, query: str, *, limit: int, marks: tuple[str, str]) -> list[dict]:
        needles = [" ".join(term.words).lower() for term in parse_query(query)]
        if not needles or limit <= 0:
            return []

        def all_in(*columns):
            return and_(*(or_(*(func.lower(c).contains(n, autoescape=True) for c in columns)) for n in needles))

        d = documents
        parts = [
            select(literal("document").label("kind"), d.c.id.label("id"), d.c.id.label("document_id"),
                   cast(null(), String).label("who"), d.c.text.label("body"))
            .where(d.c.is_current, all_in(d.c.title, d.c.text)),
            select(literal("quote").label("kind"), quotes.c.id, quotes.c.document_id,
                   quotes.c.speaker.label("who"), quotes.c.text.label("body"))
            .join(d, d.c.id == quotes.c.document_id)
            .where(d.c.is_current, all_in(quotes.c.text, quotes.c.speaker)),
            select(literal("attribution").label("kind"), attributions.c.id, attributions.c.document_id,
                   attributions.c.source.label("who"), attributions.c.text.label("body"))
            .join(d, d.c.id == attributions.c.document_id)
            .where(d.c.is_current, all_in(attributions.c.text, attributions.c.source)),
        ]
        hits = union_all(*parts).subquery()
        rows = connection.execute(
            select(hits, d.c.key.label("document"), d.c.title)
            .join(d, d.c.id == hits.c.document_id)
            .order_by(hits.c.document_id, hits.c.id)
            .limit(limit)
        )
        return [
            {"kind": row.kind, "id": row.id, "document": row.document, "document_id": row.document_id,
             "title": row.title, "who": row.who, "snippet": _snippet(row.body or "", needles, marks),
             "score": 0.0}
            for row in rows
        ]


def _snippet(body: str, needles: list[str], marks: tuple[str, str], width: int = 80) -> str:
    """A window of ``body`` around the first needle found, with every needle marked."""
    lowered = body.lower()
    found = [i for i in (lowered.find(n) for n in needles) if i >= 0]
    at = min(found) if found else 0
    start, end = max(0, at - width), min(len(body), at + width)
    window = body[start:end]
    pattern = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
    marked = pattern.sub(lambda m: marks[0] + m.group(0) + marks[1], window)
    return ("…" if start else "") + marked + ("…" if end < len(body) else "")


COUNT_CAP = 10_000  # the portable fallback counts by fetching: at most this many


def count(connection: Connection, query: str) -> int:
    """How many hits ``backend_for(connection).search`` has for ``query`` in all (for a page's total)."""
    if dialect.is_sqlite(connection):
        match = fts5_query(query)
        if match is None:
            return 0
        statement = text(
            """
            SELECT (SELECT count(*) FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid
                    WHERE documents_fts MATCH :query AND d.is_current)
                 + (SELECT count(*) FROM claims_fts JOIN documents AS d ON d.id = claims_fts.document_id
                    WHERE claims_fts MATCH :query AND d.is_current)
            """
        )
        return int(connection.scalar(statement, {"query": match}) or 0)
    if dialect.is_postgresql(connection):
        expression = tsquery_text(query)
        if expression is None:
            return 0
        statement = text(
            f"""
            WITH query AS (SELECT to_tsquery('{dialect.PG_TS_CONFIG}', :query) AS q)
            SELECT (SELECT count(*) FROM documents_fts AS f CROSS JOIN query JOIN documents AS d
                    ON d.id = f.document_id WHERE f.vector @@ query.q AND d.is_current)
                 + (SELECT count(*) FROM claims_fts AS c CROSS JOIN query JOIN documents AS d
                    ON d.id = c.document_id WHERE c.vector @@ query.q AND d.is_current)
            """
        )
        return int(connection.scalar(statement, {"query": expression}) or 0)
    return len(LikeSearch().search(connection, query, limit=COUNT_CAP, marks=DEFAULT_MARKS))
