"""Reading merged entities back: the list, one entity with what it said and claims, its variants
with the documents behind each, and the alias rules a merge or split by hand becomes.

Kept apart from ``analyze.queries`` (grades, aliases) so each reads in one sitting. Plain SQL on a
``Reader`` (``ledger/sql.py``), as every read the faces ask for: no SQLAlchemy to list entities.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..errors import Rejected
from ..ledger.sql import Reader, contains, marks
from .aliases import AliasRule, normal_alias
from .text import fold

NAME_KINDS = {"alias": "aliases", "abbreviation": "abbreviations", "title": "titles"}
CHUNK = 500  # ids per IN (...) list


def merged_entities(reader: Reader, *, name: str | None = None, type: str | None = None,
                    limit: int = 100, offset: int = 0) -> list[dict]:
    """Canonical entities, most documents first, with their aliases, abbreviations and titles."""
    where, params = ["ce.documents > 0"], []
    if type is not None:
        where.append("ce.type = ?")
        params.append(type)
    if name is not None:
        named, named_params = contains("ce.name", name)
        normal, normal_params = contains("normal", normal_alias(name) or fold(name), any_case=False)
        where.append(f"({named} OR ce.id IN (SELECT canonical_id FROM canonical_names WHERE {normal}))")
        params += named_params + normal_params
    rows = reader.rows(f"SELECT ce.* FROM canonical_entities ce WHERE {' AND '.join(where)} "
                       "ORDER BY ce.documents DESC, ce.name, ce.id LIMIT ? OFFSET ?", [*params, limit, offset])
    return entity_dicts(reader, rows)


def entity_dicts(reader: Reader, rows: list[dict]) -> list[dict]:
    """Canonical entity rows with their aliases, abbreviations and titles."""
    names: dict[int, dict[str, list[str]]] = {r["id"]: {"aliases": [], "abbreviations": [], "titles": []} for r in rows}
    if rows:
        ids = list(names)
        for row in reader.rows(f"SELECT canonical_id, kind, name FROM canonical_names WHERE canonical_id IN "
                               f"({marks(ids)}) ORDER BY name", ids):
            key = NAME_KINDS.get(row["kind"])
            if key:
                names[row["canonical_id"]][key].append(row["name"])
    variants = entity_variants(reader, list(names))
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "side": r["side"], "affiliation": r["affiliation"],
             "documents": r["documents"], **names[r["id"]], "variants": variants.get(r["id"], [])} for r in rows]


def entity_variants(reader: Reader, ids: list[int]) -> dict[int, list[dict]]:
    """Each entity's variants: every extracted name merged into it, with the current documents that use it.

    Why: a merge is only checkable when the user sees which spelling came from which article
    ("Haider al-Abadi" in one, "Al-Abadi" in another) and can split a wrong one off by name.
    """
    found: dict[int, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for part in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
        rows = reader.rows(
            "SELECT el.canonical_id, e.name, d.id AS document_id, d.key FROM entity_links el "
            "JOIN entities e ON e.id = el.entity_id JOIN mentions m ON m.entity_id = e.id "
            f"JOIN documents d ON d.id = m.document_id WHERE el.canonical_id IN ({marks(part)}) AND d.is_current",
            part)
        for row in rows:
            found[row["canonical_id"]][row["name"]][row["document_id"]] = row["key"]
    return {cid: [{"name": name, "documents": [{"id": d, "key": k} for d, k in sorted(docs.items())]}
                  for name, docs in sorted(by_name.items(), key=lambda item: (-len(item[1]), item[0]))]
            for cid, by_name in found.items()}


ENTITY_CLAIMS = 200  # claims of each kind shown for an entity
ENTITY_SCAN = 2000  # attributions read per name before the whole-word check


def entity(reader: Reader, entity_id: int) -> dict | None:
    """One canonical entity with its claims: the quotes and figures the analysis resolved to it, and
    the attributions whose source names it (one of its names as whole words)."""
    row = reader.row("SELECT * FROM canonical_entities WHERE id = ?", [entity_id])
    if row is None:
        return None
    found = entity_dicts(reader, [row])[0]
    for table, link, column, extra in (("quotes", "quote_analysis", "speaker_id", ""),
                                       ("figures", "figure_analysis", "claimant_id", ', l.group_id AS "group"')):
        found[table] = reader.rows(
            f"SELECT t.*, d.key AS document, d.title{extra} FROM {table} t JOIN documents d ON d.id = t.document_id "
            f"JOIN {link} l ON l.{table[:-1]}_id = t.id WHERE d.is_current AND l.{column} = ? "
            "ORDER BY t.document_id, t.start, t.id LIMIT ?", [entity_id, ENTITY_CLAIMS])
    found["attributions"] = _attributions_naming(reader, _names_of(found))
    return found


def _names_of(entity: dict) -> list[str]:
    seen: dict[str, str] = {}
    for name in (entity["name"], *entity["aliases"], *entity["abbreviations"]):
        if name and name.strip():
            seen.setdefault(name.strip().lower(), name.strip())
    return list(seen.values())


def _attributions_naming(reader: Reader, names: list[str]) -> list[dict]:
    """Attributions whose source names one of ``names`` as whole words ("US" finds "US officials",
    not "Russia"): attributions have no resolved source, so their text is matched."""
    found: dict[int, dict] = {}
    for name in names:
        whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        condition, params = contains("t.source", name)
        rows = reader.rows(
            "SELECT t.*, d.key AS document, d.title FROM attributions t JOIN documents d ON d.id = t.document_id "
            f"WHERE d.is_current AND {condition} ORDER BY t.document_id, t.start, t.id LIMIT ?", [*params, ENTITY_SCAN])
        for row in rows:
            if whole.search(row["source"] or ""):
                found.setdefault(row["id"], row)
    ordered = sorted(found.values(), key=lambda r: (r["document_id"], r["start"], r["id"]))
    return ordered[:ENTITY_CLAIMS]


def entity_by_id(reader: Reader, entity_id: int) -> dict | None:
    """One merged entity with its names and variants, or None."""
    row = reader.row("SELECT * FROM canonical_entities WHERE id = ?", [entity_id])
    return None if row is None else entity_dicts(reader, [row])[0]


def _every_name(entity: dict) -> list[str]:
    found = [entity["name"], *entity["aliases"], *entity["abbreviations"], *(v["name"] for v in entity["variants"])]
    return list(dict.fromkeys(n for n in found if n and normal_alias(n)))


def merge_rules(reader: Reader, entity_ids: list[int]) -> list[AliasRule]:
    """Alias rules that make these entities one (named as the one in most documents).

    Why rules: the user's alias rules are replayed by every analysis, so a merge by hand survives
    re-analysis the way group edits do, and shows in ``claimledger alias`` where it can be undone."""
    found = [entity_by_id(reader, i) for i in sorted(set(entity_ids))]
    if len(found) < 2 or any(e is None for e in found):
        missing = [str(i) for i, e in zip(sorted(set(entity_ids)), found) if e is None]
        raise Rejected(f"no entity {', '.join(missing)}" if missing else "merge needs at least two entity ids")
    target = max(found, key=lambda e: (e["documents"], -e["id"]))
    return [AliasRule(name, target["name"], target["type"], target["side"], "user")
            for entity in found for name in _every_name(entity)]


def split_rules(reader: Reader, entity_id: int, names: list[str]) -> list[AliasRule]:
    """Alias rules that take these names (variants or aliases) out of an entity into one of their own."""
    entity = entity_by_id(reader, entity_id)
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
