"""Reading incidents back: a page of them, latest first, and one incident with everything in it.

Why a module of its own: an incident joins three stores (its items, the tallies, the figure groups);
the SQL lives here, next to ``incident_objects`` that writes them, and every face shows the dicts
returned here (the fields of ``records.Incident``). In a list, groups are summaries; one incident
shows every group's figures, each claimant's value, and its timeline with revisions marked.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, func, select

from ..ledger.schema import (
    document_analysis, documents, figure_analysis, figure_groups, incident_items, incidents, outlets, tallies,
)
from ..ledger.tallies import tally_columns, with_claims
from ..records import Incident, field_names
from . import timeline
from .queries import group_dicts, number
from .text import iso_time

FIELDS = field_names(Incident)


def incident_list(connection: Connection, *, place: str | None = None, since: str | None = None, limit: int = 50,
                  offset: int = 0) -> list[dict]:
    """Incidents whose place holds ``place`` (any case) and whose last day is ``since`` or later, latest first."""
    i = incidents
    conditions = []
    if place:
        conditions.append(func.lower(i.c.place).contains(place.lower(), autoescape=True))
    if since:
        conditions.append(i.c.last >= since)
    rows = connection.execute(select(i).where(*conditions).order_by(i.c.last.is_(None), i.c.last.desc(), i.c.id.desc())
                              .limit(limit).offset(offset)).all()
    return assemble(connection, rows, detail=False)


def incident(connection: Connection, incident_id: int) -> dict | None:
    """One incident by id with its reports, tallies and full groups; None if there is none."""
    row = connection.execute(select(incidents).where(incidents.c.id == incident_id)).first()
    return assemble(connection, [row], detail=True)[0] if row is not None else None


def assemble(connection: Connection, rows: list, *, detail: bool) -> list[dict]:
    """Incident rows as ``records.Incident`` dicts: reports, tallies and groups attached."""
    ids = [r.id for r in rows]
    if not ids:
        return []
    ii, fa = incident_items, figure_analysis
    items = connection.execute(select(ii.c.incident_id, ii.c.kind, ii.c.ref, ii.c.document_id, fa.c.group_id)
                               .outerjoin(fa, (ii.c.kind == "figure") & (fa.c.figure_id == ii.c.ref))
                               .where(ii.c.incident_id.in_(ids))).all()
    docs, tally_ids, group_ids = defaultdict(set), defaultdict(list), defaultdict(set)
    for item in items:
        docs[item.incident_id].add(item.document_id)
        if item.kind == "tally":
            tally_ids[item.incident_id].append(item.ref)
        elif item.group_id is not None:
            group_ids[item.incident_id].add(item.group_id)
    reports = report_rows(connection, {doc for found in docs.values() for doc in found})
    tally_of = tally_rows(connection, [t for found in tally_ids.values() for t in found])
    groups = group_rows(connection, sorted({g for found in group_ids.values() for g in found}), detail)
    result = []
    for r in rows:
        own = sorted(group_ids[r.id])
        found = {
            "id": r.id, "what": r.what, "place": r.place, "first": r.first, "last": r.last,
            "contested": any(groups[g]["contested"] for g in own if g in groups),
            "reports": sorted((reports[doc] for doc in docs[r.id] if doc in reports),
                              key=lambda rep: (rep["time"] or "", rep["document_id"])),
            "tallies": [tally_of[t] for t in sorted(tally_ids[r.id]) if t in tally_of],
            "groups": sorted((groups[g] for g in own if g in groups), key=lambda g: (_rank(g["category"]), g["id"])),
        }
        result.append({name: found[name] for name in FIELDS})
    return result


def report_rows(connection: Connection, doc_ids: set[int]) -> dict[int, dict]:
    """Each document as a report: key, title, outlet, URL and when it was published (and how known)."""
    d, da = documents, document_analysis
    found = {}
    for row in connection.execute(
            select(d.c.id, d.c.key, d.c.title, d.c.url, d.c.published, d.c.ingested_at, da.c.date.label("dated"),
                   outlets.c.name.label("outlet"))
            .outerjoin(da, da.c.document_id == d.c.id).outerjoin(outlets, outlets.c.id == d.c.outlet_id)
            .where(d.c.id.in_(sorted(doc_ids)), d.c.is_current)):
        time, source = timeline.when({"published": row.published, "dated": row.dated,
                                      "ingested_at": iso_time(row.ingested_at)})
        found[row.id] = {"document_id": row.id, "document": row.key, "title": row.title, "outlet": row.outlet,
                         "url": row.url, "published": row.published, "time": time or None, "time_source": source}
    return found


def tally_rows(connection: Connection, ids: list[int]) -> dict[int, dict]:
    rows = connection.execute(select(*tally_columns(), documents.c.key.label("document"))
                              .join(documents, documents.c.id == tallies.c.document_id)
                              .where(tallies.c.id.in_(sorted(ids)))).all() if ids else []
    found = with_claims(connection, [dict(r._mapping) for r in rows])
    for row in found:
        for key in ("low", "high"):
            row[key] = number(row[key])
        for claim in row["claims"]:
            claim["low"], claim["high"] = number(claim["low"]), number(claim["high"])
    return {row["id"]: row for row in found}


def group_rows(connection: Connection, ids: list[int], detail: bool) -> dict[int, dict]:
    """Groups by id: in detail with their figures (each marked: ``revises``, the figure it revises, and
    ``contest``, whether another claimant disagrees) and timeline; else a summary each."""
    rows = connection.execute(select(figure_groups).where(figure_groups.c.id.in_(ids))).all() if ids else []
    if not detail:
        return {r.id: {"id": r.id, "category": r.category, "subject": r.subject, "period": r.period,
                       "contested": bool(r.contested), "low": number(r.low), "best": number(r.best),
                       "high": number(r.high), "figures": r.figures, "claimants": r.claimants,
                       "documents": r.documents} for r in rows}
    found = {}
    for group in group_dicts(connection, rows):
        entries = [e.to_dict() for e in timeline.build(group["figures"])]
        revises = {e["figure"]: e["revises"] for e in entries}
        for figure in group["figures"]:
            figure["revises"] = revises.get(figure["id"])
            figure["contest"] = bool(figure["disagree"])
        group["timeline"] = entries
        found[group["id"]] = group
    return found


def _rank(category: str | None) -> int:
    order = ("casualties", "deaths", "injuries", "missing", "detained", "cases")
    return order.index(category) if category in order else len(order)
