"""Reading casualty tallies: each tally with its claims, and the totals an analyst would tabulate.

Why a module of its own: tallies are two tables (a tally and its claimants' accounts) read three
ways (a document's tallies, a filtered list, totals per place, date, group or claimant); keeping the
SQL here keeps ``reads.py`` about the claim tables. Rows come back as the plain dicts every face
shows: a tally's victims' group is ``group`` (the column is ``grp``: ``group`` is an SQL keyword).
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, distinct, func, select

from .schema import documents, outlets, tallies, tally_claims

BY = ("place", "date", "group", "claimant")  # what tallies can be totalled by


def tally_columns():
    t = tallies
    return (t.c.id, t.c.document_id, t.c.category, t.c.grp.label("group"), t.c.side, t.c.low, t.c.high, t.c.place,
            t.c.date)


def document_tallies(connection: Connection, doc_id: int) -> list[dict]:
    """One document's tallies (any revision), in the order extraction found them, claims attached."""
    rows = connection.execute(select(*tally_columns()).where(tallies.c.document_id == doc_id).order_by(tallies.c.id))
    return with_claims(connection, [dict(row._mapping) for row in rows])


def tally_list(connection: Connection, *, category: str | None, group: str | None, limit: int,
               offset: int) -> list[dict]:
    """Tallies of current documents (document order, then extraction order), with their document's
    key, title, published date, outlet and URL, and every claimant's account."""
    d = documents
    stmt = (
        select(*tally_columns(), d.c.key.label("document"), d.c.title, d.c.published,
               outlets.c.name.label("outlet"), d.c.url)
        .join(d, d.c.id == tallies.c.document_id)
        .outerjoin(outlets, outlets.c.id == d.c.outlet_id)
        .where(d.c.is_current, *filters(category, group))
        .order_by(tallies.c.document_id, tallies.c.id)
        .limit(limit)
        .offset(offset)
    )
    return with_claims(connection, [dict(row._mapping) for row in connection.execute(stmt)])


def tally_totals(connection: Connection, by: str, *, category: str | None, group: str | None, limit: int,
                 offset: int) -> list[dict]:
    """Per place, date, group or claimant of current documents: the sum of the lows and of the highs,
    how many tallies and documents, and the documents' keys; most tallies first.

    By claimant, the sums are of each claimant's own accounts (a tally two claimants dispute counts
    for both); otherwise of the tallies' low and high.
    """
    if by not in BY:
        raise ValueError(f"tallies are totalled by {', '.join(BY)}, not {by!r}")
    d, t, tc = documents, tallies, tally_claims
    key = {"place": t.c.place, "date": t.c.date, "group": t.c.grp, "claimant": tc.c.claimant}[by]
    source = tc if by == "claimant" else t
    joined = t.join(d, d.c.id == t.c.document_id)
    if by == "claimant":
        joined = joined.join(tc, tc.c.tally_id == t.c.id)
    conditions = [d.c.is_current, *filters(category, group)]
    count = func.count(distinct(t.c.id))
    stmt = (
        select(key.label("key"), func.sum(source.c.low).label("low"), func.sum(source.c.high).label("high"),
               count.label("tallies"), func.count(distinct(t.c.document_id)).label("documents"))
        .select_from(joined)
        .where(*conditions)
        .group_by(key)
        .order_by(count.desc(), key.is_(None), key)
        .limit(limit)
        .offset(offset)
    )
    rows = [{"by": by, **row._mapping} for row in connection.execute(stmt)]
    keys = defaultdict(list)
    if rows:
        wanted = [row["key"] for row in rows if row["key"] is not None]
        where = key.in_(wanted) if wanted else None
        if any(row["key"] is None for row in rows):
            where = key.is_(None) if where is None else where | key.is_(None)
        found = connection.execute(
            select(key, d.c.key).distinct().select_from(joined).where(*conditions, where).order_by(key, d.c.key)
        )
        for value, document_key in found:
            keys[value].append(document_key)
    for row in rows:
        row["document_keys"] = keys[row["key"]]
    return rows


def filters(category: str | None, group: str | None) -> list:
    conditions = []
    if category is not None:
        conditions.append(tallies.c.category == category)
    if group is not None:
        conditions.append(tallies.c.grp == group)
    return conditions


def with_claims(connection: Connection, rows: list[dict]) -> list[dict]:
    """Tally rows with their claims attached, each claim's spans decoded from JSON."""
    by_tally: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    if by_tally:
        tc = tally_claims
        found = connection.execute(
            select(tc.c.tally_id, tc.c.claimant, tc.c.low, tc.c.high, tc.c.stance, tc.c.spans)
            .where(tc.c.tally_id.in_(list(by_tally))).order_by(tc.c.tally_id, tc.c.id)
        )
        for row in found:
            claim = dict(row._mapping)
            tally_id = claim.pop("tally_id")
            claim["spans"] = json.loads(claim["spans"])
            by_tally[tally_id].append(claim)
    for row in rows:
        row["claims"] = by_tally[row["id"]]
    return rows
