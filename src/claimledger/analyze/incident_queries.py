"""Reading incidents back: a page of them, latest first, and one incident with everything in it.

Why a module of its own: an incident joins three stores (its items, the tallies, the figure groups);
the SQL lives here, next to ``incident_objects`` that writes them, and every face shows the dicts
returned here (the fields of ``records.Incident``). In a list, groups are summaries; one incident
shows every group's figures, each claimant's value, and its timeline with revisions marked.
"""

from __future__ import annotations

from collections import defaultdict

from ..ledger.sql import Reader, contains, marks
from ..ledger.tallies import tallies_by_id
from ..records import Incident, field_names, whole
from . import timeline
from .group_reads import group_dicts

FIELDS = field_names(Incident)
INCIDENT_SELECT = 'i.id, i.what, i.place, i."first", i."last", i.documents, i.items'


def incident_list(reader: Reader, *, place: str | None = None, since: str | None = None, limit: int = 50,
                  offset: int = 0) -> list[dict]:
    """Incidents whose place holds ``place`` (any case) and whose last day is ``since`` or later, latest first."""
    where, params = ["1 = 1"], []
    if place:
        condition, values = contains("i.place", place)
        where.append(condition)
        params += values
    if since:
        where.append('i."last" >= ?')
        params.append(since)
    rows = reader.rows(f"SELECT {INCIDENT_SELECT} FROM incidents i WHERE {' AND '.join(where)} "
                       'ORDER BY CASE WHEN i."last" IS NULL THEN 1 ELSE 0 END, i."last" DESC, i.id DESC '
                       "LIMIT ? OFFSET ?", [*params, limit, offset])
    return assemble(reader, rows, detail=False)


def incident(reader: Reader, incident_id: int) -> dict | None:
    """One incident by id with its reports, tallies and full groups; None if there is none."""
    row = reader.row(f"SELECT {INCIDENT_SELECT} FROM incidents i WHERE i.id = ?", [incident_id])
    return assemble(reader, [row], detail=True)[0] if row is not None else None


def assemble(reader: Reader, rows: list[dict], *, detail: bool) -> list[dict]:
    """Incident rows as ``records.Incident`` dicts: reports, tallies and groups attached."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    items = reader.rows("SELECT ii.incident_id, ii.kind, ii.ref, ii.document_id, fa.group_id FROM incident_items ii "
                        "LEFT JOIN figure_analysis fa ON ii.kind = 'figure' AND fa.figure_id = ii.ref "
                        f"WHERE ii.incident_id IN ({marks(ids)})", ids)
    docs, tally_ids, group_ids = defaultdict(set), defaultdict(list), defaultdict(set)
    for item in items:
        docs[item["incident_id"]].add(item["document_id"])
        if item["kind"] == "tally":
            tally_ids[item["incident_id"]].append(item["ref"])
        elif item["group_id"] is not None:
            group_ids[item["incident_id"]].add(item["group_id"])
    reports = report_rows(reader, {doc for found in docs.values() for doc in found})
    tally_of = tally_rows(reader, [t for found in tally_ids.values() for t in found])
    groups = group_rows(reader, sorted({g for found in group_ids.values() for g in found}), detail)
    result = []
    for r in rows:
        own = sorted(group_ids[r["id"]])
        found = {
            "id": r["id"], "what": r["what"], "place": r["place"], "first": r["first"], "last": r["last"],
            "contested": any(groups[g]["contested"] for g in own if g in groups),
            "reports": sorted((reports[doc] for doc in docs[r["id"]] if doc in reports),
                              key=lambda rep: (rep["time"] or "", rep["document_id"])),
            "tallies": [tally_of[t] for t in sorted(tally_ids[r["id"]]) if t in tally_of],
            "groups": sorted((groups[g] for g in own if g in groups), key=lambda g: (_rank(g["category"]), g["id"])),
        }
        result.append({name: found[name] for name in FIELDS})
    return result


def report_rows(reader: Reader, doc_ids: set[int]) -> dict[int, dict]:
    """Each document as a report: key, title, outlet, URL and when it was published (and how known)."""
    ids = sorted(doc_ids)
    if not ids:
        return {}
    found = {}
    for row in reader.rows(
            "SELECT d.id, d.key, d.title, d.url, d.published, d.ingested_at, da.date AS dated, o.name AS outlet "
            "FROM documents d LEFT JOIN document_analysis da ON da.document_id = d.id "
            "LEFT JOIN outlets o ON o.id = d.outlet_id "
            f"WHERE d.id IN ({marks(ids)}) AND d.is_current", ids):
        time, source = timeline.when({"published": row["published"], "dated": row["dated"],
                                      "ingested_at": row["ingested_at"]})
        found[row["id"]] = {"document_id": row["id"], "document": row["key"], "title": row["title"],
                            "outlet": row["outlet"], "url": row["url"], "published": row["published"],
                            "time": time or None, "time_source": source}
    return found


def tally_rows(reader: Reader, ids: list[int]) -> dict[int, dict]:
    """Tallies by id, with their claims and the key of their document; whole values as integers."""
    found = tallies_by_id(reader, ids)
    for row in found:
        for key in ("low", "high"):
            row[key] = whole(row[key])
        for claim in row["claims"]:
            claim["low"], claim["high"] = whole(claim["low"]), whole(claim["high"])
    return {row["id"]: row for row in found}


def group_rows(reader: Reader, ids: list[int], detail: bool) -> dict[int, dict]:
    """Groups by id: in detail with their figures (each marked: ``revises``, the figure it revises, and
    ``contest``, whether another claimant disagrees) and timeline; else a summary each."""
    rows = reader.rows(f"SELECT * FROM figure_groups WHERE id IN ({marks(ids)})", ids) if ids else []
    if not detail:
        return {r["id"]: {"id": r["id"], "category": r["category"], "subject": r["subject"], "period": r["period"],
                          "contested": bool(r["contested"]), "low": whole(r["low"]), "best": whole(r["best"]),
                          "high": whole(r["high"]), "figures": r["figures"], "claimants": r["claimants"],
                          "documents": r["documents"]} for r in rows}
    found = {}
    for group in group_dicts(reader, rows):
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
