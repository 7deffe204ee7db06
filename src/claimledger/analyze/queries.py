"""Reading the analysis back: contested groups, one group, grades, aliases, edits (entities:
``analyze.entity_queries``).

Why a module of its own: ``Ledger`` stays a thin face; the SQL that joins the analysis tables to
the claims lives next to the code that writes them. Every function takes an open connection.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timezone


from sqlalchemy import Connection, and_, delete, exists, func, insert, or_, select, update

from ..errors import Rejected
from ..ledger.schema import (
    alias_rules, canonical_entities, canonical_names, document_analysis, documents, figure_analysis, figure_groups,
    figures, group_edits, group_estimates, outlets, source_grades,
)
from . import grades
from .aliases import AliasRule, normal_alias, rule_table
from .entities import NameUse, Resolver
from .resolve import user_rules
from .text import iso_time

GROUP_FIELDS = ("id", "category", "subject", "period", "contested", "low", "best", "high")


def number(value):
    """Whole floats as ints (12000.0 -> 12000), as the record format prints them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value




# -- figures with their analysis --------------------------------------------------------------------


def figure_select():
    """Figures joined with their analysis, document, outlet, claimant entity and source grade."""
    f, fa, d, o, ce, sg, da = figures, figure_analysis, documents, outlets, canonical_entities, source_grades, \
        document_analysis
    first = documents.alias("first_document")
    return (
        select(
            f.c.id, f.c.document_id, f.c.start, f.c.end, f.c.text, f.c.low, f.c.high, f.c.qualifier, f.c.unit,
            f.c.category, f.c.subject, f.c.period, f.c.claimant, f.c.stance, f.c.vague,
            fa.c.group_id, fa.c.measure, fa.c.source.label("source_key"), fa.c.outlets, fa.c.agree,
            fa.c.disagree, fa.c.credibility, fa.c.first_seen, first.c.key.label("first_document"),
            d.c.key.label("document"), d.c.url, d.c.title, d.c.published, d.c.ingested_at, da.c.date.label("dated"),
            o.c.name.label("outlet"), ce.c.name.label("claimant_entity"), ce.c.type.label("claimant_type"),
            sg.c.name.label("graded_name"),
            sg.c.reliability,
        )
        .select_from(
            fa.join(f, f.c.id == fa.c.figure_id)
            .join(d, d.c.id == fa.c.document_id)
            .outerjoin(da, da.c.document_id == fa.c.document_id)
            .outerjoin(o, o.c.id == d.c.outlet_id)
            .outerjoin(ce, ce.c.id == fa.c.claimant_id)
            .outerjoin(sg, sg.c.key == fa.c.source)
            .outerjoin(first, first.c.id == fa.c.first_document_id)
        )
    )


def figure_dict(row) -> dict:
    """One figure as the JSON output shows it (the contested-format fields first)."""
    m = row._mapping
    reliability = m["reliability"] or grades.DEFAULT_RELIABILITY
    code = grades.admiralty(reliability, m["credibility"])
    published = m["published"]
    return {
        "id": m["id"], "low": number(m["low"]), "high": number(m["high"]), "qualifier": m["qualifier"],
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


def group_dicts(connection: Connection, groups: list) -> list[dict]:
    """Group rows with their per-category estimates and their figures, in order."""
    ids = [g.id for g in groups]
    if not ids:
        return []
    estimates: dict[int, dict] = defaultdict(dict)
    for row in connection.execute(select(group_estimates).where(group_estimates.c.group_id.in_(ids))
                                  .order_by(group_estimates.c.group_id, group_estimates.c.id)):
        estimates[row.group_id][row.category] = {
            "low": number(row.low), "best": number(row.best), "high": number(row.high),
            "contested": bool(row.contested), "figures": row.figures}
    members: dict[int, list[dict]] = defaultdict(list)
    rows = connection.execute(figure_select().where(figure_analysis.c.group_id.in_(ids))
                              .order_by(figure_analysis.c.group_id, figures.c.document_id, figures.c.start, figures.c.id))
    for row in rows:
        members[row.group_id].append(figure_dict(row))
    result = []
    for g in groups:
        result.append({
            "id": g.id, "category": g.category, "subject": g.subject, "period": g.period,
            "contested": bool(g.contested), "low": number(g.low), "best": number(g.best), "high": number(g.high),
            "place": g.place, "claimants": g.claimants, "documents": g.documents, "first_seen": g.first_seen,
            "last_seen": g.last_seen, "edited": bool(g.edited), "categories": estimates.get(g.id, {}),
            "figures": members.get(g.id, []),
        })
    return result


def contested(connection: Connection, *, category: str | None = None, include_all: bool = False,
              limit: int | None = 100, offset: int = 0) -> list[dict]:
    """Contested groups (``include_all``: every group of two or more figures), biggest first.

    ``category`` keeps groups of that category or holding figures of it (deaths is in casualties).
    """
    g = figure_groups
    stmt = select(g)
    stmt = stmt.where(g.c.contested) if not include_all else stmt.where(g.c.figures > 1)
    if category is not None:
        ge = group_estimates
        stmt = stmt.where(or_(g.c.category == category,
                              exists().where(and_(ge.c.group_id == g.c.id, ge.c.category == category))))
    stmt = stmt.order_by(g.c.figures.desc(), g.c.id.desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return group_dicts(connection, connection.execute(stmt).all())


def group(connection: Connection, group_id: int) -> dict | None:
    """One group by id (a figure id in it also finds it)."""
    g = figure_groups
    row = connection.execute(select(g).where(g.c.id == group_id)).first()
    if row is None:
        owner = connection.scalar(select(figure_analysis.c.group_id).where(figure_analysis.c.figure_id == group_id))
        if owner is None:
            return None
        row = connection.execute(select(g).where(g.c.id == owner)).first()
    return group_dicts(connection, [row])[0]


def timeline_rows(connection: Connection, group_id: int) -> list[dict] | None:
    found = group(connection, group_id)
    if found is None:
        return None
    return found["figures"]


def figure_rows(connection: Connection, *, contested_only: bool = False, category: str | None = None):
    """Every analysed figure of current documents (for export), in group order."""
    stmt = figure_select().where(documents.c.is_current)
    if contested_only or category is not None:
        stmt = stmt.join(figure_groups, figure_groups.c.id == figure_analysis.c.group_id)
        if contested_only:
            stmt = stmt.where(figure_groups.c.contested)
        if category is not None:
            stmt = stmt.where(or_(figure_analysis.c.measure == category, figures.c.category == category))
    stmt = stmt.order_by(figure_analysis.c.group_id, figures.c.document_id, figures.c.start, figures.c.id)
    for row in connection.execute(stmt):
        yield figure_dict(row)


def group_summaries(connection: Connection, ids: list[int]) -> dict[int, dict]:
    g = figure_groups
    found = {}
    for i in range(0, len(ids), 500):
        for row in connection.execute(select(g).where(g.c.id.in_(ids[i : i + 500]))):
            found[row.id] = {k: number(getattr(row, k)) if k in ("low", "best", "high") else getattr(row, k)
                             for k in (*GROUP_FIELDS, "figures", "claimants", "place")}
    return found


# -- entities -----------------------------------------------------------------------------------------


def source_key(connection: Connection, source: str) -> tuple[str, str]:
    """(grade key, display name) for a source named by the user: a known entity, an outlet, or a new name."""
    ce, cn = canonical_entities, canonical_names
    text = " ".join(source.split())
    if not text:
        raise ValueError("the source name is empty")
    row = connection.execute(select(ce.c.key, ce.c.name).where(func.lower(ce.c.name) == text.lower(),
                                                              ~ce.c.key.like("unnamed:%"))
                             .order_by(ce.c.documents.desc(), ce.c.id).limit(1)).first()
    if row is None:
        row = connection.execute(select(ce.c.key, ce.c.name).join(cn, cn.c.canonical_id == ce.c.id)
                                 .where(cn.c.normal == normal_alias(text), cn.c.kind != "title",
                                        ~ce.c.key.like("unnamed:%"))
                                 .order_by(ce.c.documents.desc(), ce.c.id).limit(1)).first()
    if row is not None:
        return row.key, row.name
    rules = rule_table(user_rules(connection))
    parsed = Resolver(rules).parse(NameUse(text, None, frozenset(), outlet=_is_outlet(connection, text)))
    if parsed is None:
        raise ValueError(f"cannot grade {source!r}: no name in it")
    return parsed.key, parsed.name


def _is_outlet(connection: Connection, name: str) -> bool:
    return connection.scalar(select(outlets.c.id).where(func.lower(outlets.c.name) == name.lower())) is not None


def set_grade(connection: Connection, source: str, reliability: str) -> dict:
    grade = grades.check_reliability(reliability)
    key, name = source_key(connection, source)
    now = datetime.now(timezone.utc)
    sg = source_grades
    if connection.scalar(select(sg.c.id).where(sg.c.key == key)) is None:
        connection.execute(insert(sg).values(key=key, name=name, reliability=grade, updated_at=now))
    else:
        connection.execute(update(sg).where(sg.c.key == key).values(name=name, reliability=grade, updated_at=now))
    figures_ = connection.scalar(select(func.count()).select_from(figure_analysis).where(figure_analysis.c.source == key))
    return {"source": name, "key": key, "reliability": grade, "meaning": grades.RELIABILITY[grade], "figures": figures_}


def list_grades(connection: Connection) -> list[dict]:
    sg = source_grades
    return [{"source": r.name, "key": r.key, "reliability": r.reliability, "meaning": grades.RELIABILITY[r.reliability],
             "updated_at": iso_time(r.updated_at)} for r in connection.execute(select(sg).order_by(sg.c.name))]


# -- aliases ------------------------------------------------------------------------------------------


def add_aliases(connection: Connection, rules: list[AliasRule]) -> int:
    """Store user rules (a rule for an alias already present replaces it); returns how many."""
    now = datetime.now(timezone.utc)
    for rule in rules:
        connection.execute(delete(alias_rules).where(alias_rules.c.normal == rule.normal))
        connection.execute(insert(alias_rules).values(alias=rule.alias, normal=rule.normal, canonical=rule.canonical,
                                                      type=rule.type, side=rule.side, created_at=now))
    return len(rules)


def remove_alias(connection: Connection, alias: str) -> bool:
    result = connection.execute(delete(alias_rules).where(alias_rules.c.normal == normal_alias(alias)))
    return result.rowcount > 0


def list_aliases(connection: Connection) -> list[dict]:
    """The alias table in effect: the defaults, overridden by the user's rules."""
    table = rule_table(user_rules(connection))
    return [{"alias": r.alias, "canonical": r.canonical, "type": r.type, "side": r.side, "origin": r.origin}
            for r in sorted(table.values(), key=lambda r: (r.canonical.lower(), r.alias.lower()))]


# -- edits --------------------------------------------------------------------------------------------


def record_edit(connection: Connection, kind: str, figure_ids: list[int]) -> None:
    connection.execute(insert(group_edits).values(kind=kind, figures=json.dumps(sorted(set(figure_ids))),
                                                  created_at=datetime.now(timezone.utc)))


def members_of(connection: Connection, group_id: int) -> list[int] | None:
    fa = figure_analysis
    ids = list(connection.execute(select(fa.c.figure_id).where(fa.c.group_id == group_id)).scalars())
    return sorted(ids) or None


def require_group(connection: Connection, group_id: int) -> list[int]:
    members = members_of(connection, group_id)
    if members is None:
        raise Rejected(f"no figure group {group_id} (see 'claimledger contested --all' for group ids)")
    return members



# -- entity edits -------------------------------------------------------------------------------------
