"""Reading merged entities back: the list, one entity with what it said and claims, its variants
with the documents behind each, and the alias rules a merge or split by hand becomes.

Kept apart from ``analyze.queries`` (groups, grades, aliases) so each reads in one sitting.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import Connection, func, or_, select

from ..errors import Rejected
from ..ledger.reads import contains, plain
from ..ledger.schema import (
    attributions, canonical_entities, canonical_names, documents, entities, entity_links, figure_analysis, figures,
    mentions, quote_analysis, quotes,
)
from .aliases import AliasRule, normal_alias
from .text import fold


def merged_entities(connection: Connection, *, name: str | None = None, type: str | None = None,
                    limit: int = 100, offset: int = 0) -> list[dict]:
    """Canonical entities, most documents first, with their aliases, abbreviations and titles."""
    ce, cn = canonical_entities, canonical_names
    stmt = select(ce).where(ce.c.documents > 0)
    if type is not None:
        stmt = stmt.where(ce.c.type == type)
    if name is not None:
        needle = fold(name)
        stmt = stmt.where(or_(func.lower(ce.c.name).contains(name.lower(), autoescape=True),
                              ce.c.id.in_(select(cn.c.canonical_id).where(cn.c.normal.contains(normal_alias(name) or needle,
                                                                                               autoescape=True)))))
    stmt = stmt.order_by(ce.c.documents.desc(), ce.c.name, ce.c.id).limit(limit).offset(offset)
    return entity_dicts(connection, connection.execute(stmt).all())


def entity_dicts(connection: Connection, rows: list) -> list[dict]:
    """Canonical entity rows with their aliases, abbreviations and titles."""
    cn = canonical_names
    names: dict[int, dict[str, list[str]]] = {r.id: {"aliases": [], "abbreviations": [], "titles": []} for r in rows}
    if rows:
        for row in connection.execute(select(cn.c.canonical_id, cn.c.kind, cn.c.name)
                                      .where(cn.c.canonical_id.in_(list(names))).order_by(cn.c.name)):
            key = {"alias": "aliases", "abbreviation": "abbreviations", "title": "titles"}.get(row.kind)
            if key:
                names[row.canonical_id][key].append(row.name)
    variants = entity_variants(connection, list(names))
    return [{"id": r.id, "name": r.name, "type": r.type, "side": r.side, "affiliation": r.affiliation,
             "documents": r.documents, **names[r.id], "variants": variants.get(r.id, [])} for r in rows]


def entity_variants(connection: Connection, ids: list[int]) -> dict[int, list[dict]]:
    """Each entity's variants: every extracted name merged into it, with the current documents that use it.

    Why: a merge is only checkable when the user sees which spelling came from which article
    ("Haider al-Abadi" in one, "Al-Abadi" in another) and can split a wrong one off by name.
    """
    found: dict[int, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for part in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        rows = connection.execute(
            select(entity_links.c.canonical_id, entities.c.name, documents.c.id, documents.c.key)
            .join(entities, entities.c.id == entity_links.c.entity_id)
            .join(mentions, mentions.c.entity_id == entities.c.id)
            .join(documents, documents.c.id == mentions.c.document_id)
            .where(entity_links.c.canonical_id.in_(part), documents.c.is_current.is_(True)))
        for canonical_id, name, document_id, key in rows:
            found[canonical_id][name][document_id] = key
    return {cid: [{"name": name, "documents": [{"id": d, "key": k} for d, k in sorted(docs.items())]}
                  for name, docs in sorted(by_name.items(), key=lambda item: (-len(item[1]), item[0]))]
            for cid, by_name in found.items()}


ENTITY_CLAIMS = 200  # claims of each kind shown for an entity
ENTITY_SCAN = 2000  # attributions read per name before the whole-word check


def entity(connection: Connection, entity_id: int) -> dict | None:
    """One canonical entity with its claims: the quotes and figures the analysis resolved to it, and
    the attributions whose source names it (one of its names as whole words)."""
    row = connection.execute(select(canonical_entities).where(canonical_entities.c.id == entity_id)).first()
    if row is None:
        return None
    found = entity_dicts(connection, [row])[0]
    d = documents
    for name, table, link, column in (("quotes", quotes, quote_analysis, quote_analysis.c.speaker_id),
                                      ("figures", figures, figure_analysis, figure_analysis.c.claimant_id)):
        stmt = (select(table, d.c.key.label("document"), d.c.title)
                .join(d, d.c.id == table.c.document_id)
                .join(link, link.c[name[:-1] + "_id"] == table.c.id)
                .where(d.c.is_current, column == entity_id)
                .order_by(table.c.document_id, table.c.start, table.c.id).limit(ENTITY_CLAIMS))
        if table is figures:
            stmt = stmt.add_columns(figure_analysis.c.group_id.label("group"))
        found[name] = [plain(r) for r in connection.execute(stmt)]
    found["attributions"] = _attributions_naming(connection, _names_of(found))
    return found


def _names_of(entity: dict) -> list[str]:
    seen: dict[str, str] = {}
    for name in (entity["name"], *entity["aliases"], *entity["abbreviations"]):
        if name and name.strip():
            seen.setdefault(name.strip().lower(), name.strip())
    return list(seen.values())


def _attributions_naming(connection: Connection, names: list[str]) -> list[dict]:
    """Attributions whose source names one of ``names`` as whole words ("US" finds "US officials",
    not "Russia"): attributions have no resolved source, so their text is matched."""
    d, a = documents, attributions
    found: dict[int, dict] = {}
    for name in names:
        whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        rows = connection.execute(
            select(a, d.c.key.label("document"), d.c.title).join(d, d.c.id == a.c.document_id)
            .where(d.c.is_current, contains(a.c.source, name)).order_by(a.c.document_id, a.c.start, a.c.id)
            .limit(ENTITY_SCAN))
        for row in rows:
            if whole.search(row.source or ""):
                found.setdefault(row.id, plain(row))
    ordered = sorted(found.values(), key=lambda r: (r["document_id"], r["start"], r["id"]))
    return ordered[:ENTITY_CLAIMS]


# -- grades -------------------------------------------------------------------------------------------



def entity_by_id(connection: Connection, entity_id: int) -> dict | None:
    """One merged entity with its names and variants, or None."""
    ce, cn = canonical_entities, canonical_names
    row = connection.execute(select(ce).where(ce.c.id == entity_id)).first()
    if row is None:
        return None
    names = {"aliases": [], "abbreviations": [], "titles": []}
    for kind, name in connection.execute(select(cn.c.kind, cn.c.name).where(cn.c.canonical_id == entity_id)
                                         .order_by(cn.c.name)):
        key = {"alias": "aliases", "abbreviation": "abbreviations", "title": "titles"}.get(kind)
        if key:
            names[key].append(name)
    return {"id": row.id, "name": row.name, "type": row.type, "side": row.side, "affiliation": row.affiliation,
            "documents": row.documents, **names, "variants": entity_variants(connection, [row.id]).get(row.id, [])}


def _every_name(entity: dict) -> list[str]:
    found = [entity["name"], *entity["aliases"], *entity["abbreviations"], *(v["name"] for v in entity["variants"])]
    return list(dict.fromkeys(n for n in found if n and normal_alias(n)))


def merge_rules(connection: Connection, entity_ids: list[int]) -> list[AliasRule]:
    """Alias rules that make these entities one (named as the one in most documents).

    Why rules: the user's alias rules are replayed by every analysis, so a merge by hand survives
    re-analysis the way group edits do, and shows in ``claimledger alias`` where it can be undone."""
    found = [entity_by_id(connection, i) for i in sorted(set(entity_ids))]
    if len(found) < 2 or any(e is None for e in found):
        missing = [str(i) for i, e in zip(sorted(set(entity_ids)), found) if e is None]
        raise Rejected(f"no entity {', '.join(missing)}" if missing else "merge needs at least two entity ids")
    target = max(found, key=lambda e: (e["documents"], -e["id"]))
    return [AliasRule(name, target["name"], target["type"], target["side"], "user")
            for entity in found for name in _every_name(entity)]


def split_rules(connection: Connection, entity_id: int, names: list[str]) -> list[AliasRule]:
    """Alias rules that take these names (variants or aliases) out of an entity into one of their own."""
    entity = entity_by_id(connection, entity_id)
    if entity is None:
        raise Rejected(f"no entity {entity_id}")
    known = {normal_alias(n): n for n in _every_name(entity)}
    wanted = [known.get(normal_alias(n)) for n in names]
    if not names or None in wanted:
        strangers = [n for n, w in zip(names, wanted) if w is None]
        raise Rejected(f"{', '.join(map(repr, strangers)) or 'no name'}: not a name of entity {entity_id}; "
                          f"its names are {', '.join(known.values())}")
    if len(set(wanted)) == len(known):
        raise Rejected("split needs some, but not all, of the entity's names")
    return [AliasRule(name, wanted[0], entity["type"], None, "user") for name in dict.fromkeys(wanted)]
