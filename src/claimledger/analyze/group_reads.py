"""Reading figure groups back: contested groups, one group, and every analysed figure (for export).

Why apart from ``queries.py`` (the analysis's edits: grades, aliases, group edits): these are the
reads every face asks for (``claimledger contested``, ``/api/groups``, the home page), so they are
plain SQL on a ``Reader`` (``ledger/sql.py``) and load no SQLAlchemy. Each figure comes with its
analysis, document, outlet, claimant entity and Admiralty grade.
"""

from __future__ import annotations

from collections import defaultdict

from ..ledger.reads import REFERENCED_FIGURE
from ..ledger.sql import NO_LIMIT, Reader, marks
from ..records import whole
from . import grades
from .contest import LISTED_FIGURES
from .text import iso_time

GROUP_FIELDS = ("id", "category", "subject", "period", "contested", "low", "best", "high")
CHUNK = 500  # ids per IN (...) list
FIGURE_SELECT = """SELECT f.id, f.document_id, f.start, f."end", f.text, f.low, f.high, f.qualifier, f.unit,
    f.category, f.subject, f.period, f.claimant, f.stance, f.vague,
    fa.group_id, fa.measure, fa.source AS source_key, fa.outlets, fa.agree, fa.disagree, fa.credibility,
    fa.first_seen, fd.key AS first_document, d.key AS document, d.url, d.title, d.published, d.ingested_at,
    da.date AS dated, o.name AS outlet, ce.name AS claimant_entity, ce.type AS claimant_type,
    sg.name AS graded_name, sg.reliability
FROM figure_analysis fa
    JOIN figures f ON f.id = fa.figure_id
    JOIN documents d ON d.id = fa.document_id
    LEFT JOIN document_analysis da ON da.document_id = fa.document_id
    LEFT JOIN outlets o ON o.id = d.outlet_id
    LEFT JOIN canonical_entities ce ON ce.id = fa.claimant_id
    LEFT JOIN source_grades sg ON sg.key = fa.source
    LEFT JOIN documents fd ON fd.id = fa.first_document_id"""
FIGURE_ORDER = "ORDER BY fa.group_id, f.document_id, f.start, f.id"


def figure_dict(m: dict) -> dict:
    """One figure as the JSON output shows it (the contested-format fields first)."""
    reliability = m["reliability"] or grades.DEFAULT_RELIABILITY
    code = grades.admiralty(reliability, m["credibility"])
    published = m["published"]
    return {
        "id": m["id"], "low": whole(m["low"]), "high": whole(m["high"]), "qualifier": m["qualifier"],
        "claimant": m["claimant"], "document": m["document"], "start": m["start"], "end": m["end"],
        "text": m["text"], "published": published, "dated": m["dated"],
        "category": m["category"], "measure": m["measure"], "unit": m["unit"], "subject": m["subject"],
        "period": m["period"], "stance": m["stance"], "vague": bool(m["vague"]),
        "source": m["claimant_entity"] or m["graded_name"] or m["outlet"] or m["document"],
        "source_type": m["claimant_type"] or ("outlet" if m["outlet"] else None),
        "outlet": m["outlet"], "url": m["url"], "title": m["title"],
        "seen": published or iso_time(m["ingested_at"]), "ingested_at": iso_time(m["ingested_at"]),
        "reliability": reliability, "credibility": m["credibility"], "admiralty": code,
        "admiralty_meaning": grades.describe(code), "outlets": m["outlets"], "agree": m["agree"],
        "disagree": m["disagree"], "first_seen": m["first_seen"], "first_document": m["first_document"],
        "group": m["group_id"], "document_id": m["document_id"],
    }


def group_dicts(reader: Reader, groups: list[dict], *, listed: int | None = None) -> list[dict]:
    """Group rows with their per-category estimates and their figures, in order: all of them, or with
    ``listed``, the first that many of each group's list (``contest.listed_ranks``, ranked by the
    analysis); ``figure_count`` is always the whole count."""
    ids = [g["id"] for g in groups]
    if not ids:
        return []
    estimates: dict[int, dict] = defaultdict(dict)
    for row in reader.rows(f"SELECT * FROM group_estimates WHERE group_id IN ({marks(ids)}) ORDER BY group_id, id", ids):
        estimates[row["group_id"]][row["category"]] = {
            "low": whole(row["low"]), "best": whole(row["best"]), "high": whole(row["high"]),
            "contested": bool(row["contested"]), "figures": row["figures"]}
    members: dict[int, list[dict]] = defaultdict(list)

    def read(of: list[int], ranked: str = "", params: tuple = ()) -> None:
        for row in reader.rows(f"{FIGURE_SELECT} WHERE fa.group_id IN ({marks(of)}){ranked} {FIGURE_ORDER}",
                               [*of, *params]):
            members[row["group_id"]].append(figure_dict(row))

    whole_groups = ids
    if listed is not None:  # the ranked figures (contest.listed_ranks); unranked groups (analysed before) whole
        read(ids, " AND fa.listed <= ?", (listed,))
        whole_groups = [i for i in ids if i not in members]
    if whole_groups:
        read(whole_groups)
    return [{
        "id": g["id"], "category": g["category"], "subject": g["subject"], "period": g["period"],
        "contested": bool(g["contested"]), "low": whole(g["low"]), "best": whole(g["best"]),
        "high": whole(g["high"]), "place": g["place"], "claimants": g["claimants"], "documents": g["documents"],
        "first_seen": g["first_seen"], "last_seen": g["last_seen"], "edited": bool(g["edited"]),
        "categories": estimates.get(g["id"], {}), "figure_count": g["figures"], "figures": members.get(g["id"], []),
    } for g in groups]


def contested(reader: Reader, *, category: str | None = None, include_all: bool = False,
              limit: int | None = 100, offset: int = 0, per_group: int | None = LISTED_FIGURES) -> list[dict]:
    """Contested groups (``include_all``: every group of two or more figures), biggest first, each with
    its ``figure_count`` and at most ``per_group`` of its figures (None: all), the sides of its contest.

    ``category`` keeps groups of that category or holding figures of it (deaths is in casualties).
    """
    where, params = (["g.figures > 1"], []) if include_all else (["g.contested = ?"], [True])
    if category is not None:
        where.append("(g.category = ? OR EXISTS (SELECT 1 FROM group_estimates ge "
                     "WHERE ge.group_id = g.id AND ge.category = ?))")
        params += [category, category]
    groups = reader.rows(f"SELECT g.* FROM figure_groups g WHERE {' AND '.join(where)} "
                         "ORDER BY g.figures DESC, g.id DESC LIMIT ? OFFSET ?",
                         [*params, NO_LIMIT if limit is None else limit, offset])
    return group_dicts(reader, groups, listed=per_group)


def group(reader: Reader, group_id: int) -> dict | None:
    """One group by id (a figure id in it also finds it)."""
    row = reader.row("SELECT * FROM figure_groups WHERE id = ?", [group_id])
    if row is None:
        owner = reader.scalar("SELECT group_id FROM figure_analysis WHERE figure_id = ?", [group_id])
        if owner is None:
            return None
        row = reader.row("SELECT * FROM figure_groups WHERE id = ?", [owner])
    found = group_dicts(reader, [row])[0]
    found["references"] = references(reader, row["id"])
    return found


def references(reader: Reader, group_id: int) -> list[dict]:
    """The phrases that point back to a figure of the group ("the eight"), where they are: the text
    names the same quantity again, so whoever reads the group sees it was not counted twice."""
    return reader.rows(
        'SELECT r.id, r.document_id, d.key AS document, d.title, r.start, r."end", r.text, r.low, r.high, '
        f"f.id AS figure_id FROM figure_references r {REFERENCED_FIGURE} JOIN figure_analysis fa ON fa.figure_id = f.id "
        "JOIN documents d ON d.id = r.document_id WHERE fa.group_id = ? ORDER BY r.document_id, r.start", [group_id])


def figure_rows(reader: Reader, *, contested_only: bool = False, category: str | None = None) -> list[dict]:
    """Every analysed figure of current documents (for export), in group order."""
    joins, where, params = "", ["d.is_current"], []
    if contested_only or category is not None:
        joins = " JOIN figure_groups g ON g.id = fa.group_id"
        if contested_only:
            where.append("g.contested")
        if category is not None:
            where.append("(fa.measure = ? OR f.category = ?)")
            params += [category, category]
    rows = reader.rows(f"{FIGURE_SELECT}{joins} WHERE {' AND '.join(where)} {FIGURE_ORDER}", params)
    return [figure_dict(row) for row in rows]


def group_summaries(reader: Reader, ids: list[int]) -> dict[int, dict]:
    """Each group's fields, figures, claimants and place, by id (for export rows)."""
    found = {}
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        for row in reader.rows(f"SELECT * FROM figure_groups WHERE id IN ({marks(chunk)})", chunk):
            found[row["id"]] = {k: whole(row[k]) if k in ("low", "best", "high") else row[k]
                                for k in (*GROUP_FIELDS, "figures", "claimants", "place")}
    return found
