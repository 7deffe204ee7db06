"""Reading the stored documents and claims: one function per question, each on an open connection.

Why a module of its own: ``Store`` owns connections and errors; the SQL lives here, next to the
helpers that turn rows into the plain dicts every face shows (datetimes as ISO strings).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, Row, distinct, func, or_, select

from .schema import (
    attributions, documents, entities, entity_aliases, entity_titles, figure_analysis, figures, mentions, outlets,
    quotes, tallies,
)
from .tallies import document_tallies

TOP_SPEAKERS = 10


def document_list(connection: Connection, *, limit: int, offset: int) -> list[dict]:
    """Current revisions, oldest first, with claim counts."""
    d = documents
    stmt = (
        select(*document_columns(), *claim_counts())
        .select_from(d.outerjoin(outlets, outlets.c.id == d.c.outlet_id))
        .where(d.c.is_current)
        .order_by(d.c.id)
        .limit(limit)
        .offset(offset)
    )
    return [plain(row) for row in connection.execute(stmt)]


def document(connection: Connection, doc_id: int) -> dict:
    """One stored document by row id, with its text, claims, entities and revision history."""
    d = documents
    row = connection.execute(
        select(*document_columns(), d.c.text)
        .select_from(d.outerjoin(outlets, outlets.c.id == d.c.outlet_id))
        .where(d.c.id == doc_id)
    ).one()
    result = plain(row)
    for name, table in (("quotes", quotes), ("attributions", attributions)):
        rows = connection.execute(
            select(table).where(table.c.document_id == doc_id).order_by(table.c.start, table.c.id)
        )
        result[name] = [plain(r) for r in rows]
    rows = connection.execute(
        select(figures, figure_analysis.c.group_id.label("group"))
        .outerjoin(figure_analysis, figure_analysis.c.figure_id == figures.c.id)
        .where(figures.c.document_id == doc_id).order_by(figures.c.start, figures.c.id)
    )
    result["figures"] = [plain(r) for r in rows]
    result["tallies"] = document_tallies(connection, doc_id)
    result["entities"] = with_names(
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
    result["revisions"] = [plain(r) for r in history]
    return result


def claims(connection: Connection, table, conditions: list, document_id: int | None, *, limit: int,
           offset: int) -> list[dict]:
    """Claims of current documents (or of one document), in text order; figures with their group id."""
    d = documents
    columns = [table, d.c.key.label("document"), d.c.title]
    stmt = select(*columns).join(d, d.c.id == table.c.document_id)
    if table is figures:  # the group id, in the same query: no second look-up per figure
        stmt = stmt.add_columns(figure_analysis.c.group_id.label("group")).outerjoin(
            figure_analysis, figure_analysis.c.figure_id == figures.c.id)
    stmt = stmt.where(d.c.is_current) if document_id is None else stmt.where(d.c.id == document_id)
    stmt = stmt.where(*conditions).order_by(table.c.document_id, table.c.start, table.c.id)
    return [plain(row) for row in connection.execute(stmt.limit(limit).offset(offset))]


def entity_list(connection: Connection, *, name: str | None, label: str | None, limit: int,
                offset: int) -> list[dict]:
    """Entities of current documents, most mentioned first, with aliases, titles and documents."""
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
        aliased = select(entity_aliases.c.entity_id).where(contains(entity_aliases.c.alias, name))
        stmt = stmt.where(or_(contains(entities.c.name, name), entities.c.id.in_(aliased)))
    return with_names(connection, stmt)


def stats(connection: Connection) -> dict[str, Any]:
    """Counts over current revisions (``revisions`` counts every stored text) and top speakers."""
    d = documents
    current = select(d.c.id).where(d.c.is_current).scalar_subquery()

    def count(table, *where) -> Any:
        return select(func.count()).select_from(table).where(table.c.document_id.in_(current), *where)

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
        "tallies": scalar(count(tallies)),
        "entities": scalar(
            select(func.count(distinct(mentions.c.entity_id))).where(mentions.c.document_id.in_(current))
        ),
        "top_speakers": [{"speaker": row.speaker, "quotes": row.quotes} for row in speakers],
    }


def resolve(connection: Connection, key_or_id: str | int) -> int | None:
    """A document's row id: an int is a row id (any revision); a str a key (its current revision),
    or failing that a row id written as digits."""
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


def document_columns():
    d = documents
    return (
        d.c.id, d.c.key, d.c.identity, d.c.revision, d.c.is_current, d.c.content_hash, d.c.url, d.c.title,
        outlets.c.name.label("outlet"), d.c.published, d.c.author, d.c.source, d.c.ingested_at,
        func.length(d.c.text).label("chars"),
    )


def claim_counts():
    d = documents
    return tuple(
        select(func.count()).select_from(table).where(table.c.document_id == d.c.id).scalar_subquery().label(name)
        for name, table in (("quotes", quotes), ("attributions", attributions), ("figures", figures))
    )


def with_names(connection: Connection, stmt) -> list[dict]:
    """Entity rows (id, name, label, ...) with their aliases and titles attached."""
    result = [plain(row) for row in connection.execute(stmt)]
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


def contains(column, needle: str):
    """Case-insensitive substring match, with LIKE wildcards in the needle taken literally."""
    return func.lower(column).contains(needle.lower(), autoescape=True)


def plain(row: Row) -> dict:
    """A result row as a plain dict (datetimes as ISO strings, booleans as bool)."""
    result = dict(row._mapping)
    for name, value in result.items():
        if isinstance(value, datetime):
            if value.tzinfo is None:  # SQLite returns the stored UTC time without its zone
                value = value.replace(tzinfo=timezone.utc)
            result[name] = value.isoformat()
    return result
