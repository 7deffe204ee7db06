"""Reading casualty tallies: each tally with its claims, and the totals an analyst would tabulate.

Why a module of its own: tallies are two tables (a tally and its claimants' accounts) read three
ways (a document's tallies, a filtered list, totals per place, date, group or claimant); keeping the
SQL here keeps ``reads.py`` about the claim tables. Plain SQL on a ``Reader`` (``ledger/sql.py``).
Rows come back as the plain dicts every face shows: a tally's victims' group is ``group`` (the
column is ``grp``: ``group`` is an SQL keyword).
"""

from __future__ import annotations

import json
from collections import defaultdict

from ..records import whole, wholes
from .sql import Reader, marks

BY = ("place", "date", "group", "claimant")  # what tallies can be totalled by
TALLY_COLUMNS = 't.id, t.document_id, t.category, t.grp AS "group", t.side, t.low, t.high, t.place, t.date'
KEYS = {"place": "t.place", "date": "t.date", "group": "t.grp", "claimant": "tc.claimant"}


def document_tallies(reader: Reader, doc_id: int) -> list[dict]:
    """One document's tallies (any revision), in the order extraction found them, claims attached."""
    return with_claims(reader, reader.rows(f"SELECT {TALLY_COLUMNS} FROM tallies t WHERE t.document_id = ? "
                                           "ORDER BY t.id", [doc_id]))


def tally_list(reader: Reader, *, category: str | None, group: str | None, limit: int, offset: int) -> list[dict]:
    """Tallies of current documents (document order, then extraction order), with their document's
    key, title, published date, outlet and URL, and every claimant's account."""
    where, params = filters(category, group)
    rows = reader.rows(
        f"SELECT {TALLY_COLUMNS}, d.key AS document, d.title, d.published, o.name AS outlet, d.url "
        "FROM tallies t JOIN documents d ON d.id = t.document_id LEFT JOIN outlets o ON o.id = d.outlet_id "
        f"WHERE {where} ORDER BY t.document_id, t.id LIMIT ? OFFSET ?", [*params, limit, offset])
    return with_claims(reader, rows)


def tallies_by_id(reader: Reader, ids: list[int]) -> list[dict]:
    """The tallies of these ids (an incident's), with their document's key and every claimant's account."""
    if not ids:
        return []
    ids = sorted(ids)
    return with_claims(reader, reader.rows(f"SELECT {TALLY_COLUMNS}, d.key AS document FROM tallies t "
                                           f"JOIN documents d ON d.id = t.document_id WHERE t.id IN ({marks(ids)})", ids))


def tally_totals(reader: Reader, by: str, *, category: str | None, group: str | None, limit: int,
                 offset: int) -> list[dict]:
    """Per place, date, group or claimant of current documents: the sum of the lows and of the highs,
    how many tallies and documents, and the documents' keys; most tallies first.

    By claimant, the sums are of each claimant's own accounts (a tally two claimants dispute counts
    for both); otherwise of the tallies' low and high.
    """
    if by not in BY:
        raise ValueError(f"tallies are totalled by {', '.join(BY)}, not {by!r}")
    key, source = KEYS[by], "tc" if by == "claimant" else "t"
    joined = "tallies t JOIN documents d ON d.id = t.document_id"
    if by == "claimant":
        joined += " JOIN tally_claims tc ON tc.tally_id = t.id"
    where, params = filters(category, group)
    rows = reader.rows(
        f"SELECT {key} AS key, sum({source}.low) AS low, sum({source}.high) AS high, "
        "count(DISTINCT t.id) AS tallies, count(DISTINCT t.document_id) AS documents "
        f"FROM {joined} WHERE {where} GROUP BY {key} "
        f"ORDER BY count(DISTINCT t.id) DESC, {key} IS NULL, {key} LIMIT ? OFFSET ?", [*params, limit, offset])
    rows = [{"by": by, **row, "low": whole(row["low"]), "high": whole(row["high"])} for row in rows]
    keys = defaultdict(list)
    if rows:
        wanted = [row["key"] for row in rows if row["key"] is not None]
        which = [f"{key} IN ({marks(wanted)})"] if wanted else []
        if any(row["key"] is None for row in rows):
            which.append(f"{key} IS NULL")
        found = reader.rows(f"SELECT DISTINCT {key} AS key, d.key AS document FROM {joined} "
                            f"WHERE {where} AND ({' OR '.join(which)}) ORDER BY 1, 2", [*params, *wanted])
        for row in found:
            keys[row["key"]].append(row["document"])
    for row in rows:
        row["document_keys"] = keys[row["key"]]
    return rows


def filters(category: str | None, group: str | None) -> tuple[str, list]:
    """Current documents' tallies, of this category and victims' group when given."""
    where, params = ["d.is_current"], []
    if category is not None:
        where.append("t.category = ?")
        params.append(category)
    if group is not None:
        where.append("t.grp = ?")
        params.append(group)
    return " AND ".join(where), params


def with_claims(reader: Reader, rows: list[dict]) -> list[dict]:
    """Tally rows with their claims attached, each claim's spans decoded from JSON, whole numbers as ints."""
    by_tally: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    if by_tally:
        ids = list(by_tally)
        found = reader.rows("SELECT tally_id, claimant, low, high, stance, spans FROM tally_claims "
                            f"WHERE tally_id IN ({marks(ids)}) ORDER BY tally_id, id", ids)
        for claim in found:
            tally_id = claim.pop("tally_id")
            claim["spans"] = json.loads(claim["spans"])
            by_tally[tally_id].append(claim)
    for row in rows:
        row["claims"] = by_tally[row["id"]]
    return wholes(rows)  # 500, not 500.0: as the record format and every other read print numbers
