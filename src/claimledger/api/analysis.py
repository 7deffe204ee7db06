"""The faces' view of the ledger's cross-document analysis: figure groups and contests
(``Ledger.contested``, ``group``, ``timeline``), merged entities (``merged_entities``) and source
grades (``grade``). Analysis runs by itself when the ledger ingests, so there is nothing to start.

The adapters here only reshape what those methods return for the pages and the API: a group gets
its timeline, a document's figures their group ids, an entity what it said and claims.
"""

from __future__ import annotations

from ..errors import LedgerError

SCAN = 1000  # entities per look-up page when finding one by id
MAX_LINKED_FIGURES = 300  # a document's figures looked up for their group (beyond: no link)


class Rejected(Exception):
    """The ledger refused the input of a write (not a database failure)."""


def available(ledger) -> bool:
    """Whether this ledger answers questions about figure groups."""
    return callable(getattr(ledger, "contested", None)) and callable(getattr(ledger, "group", None))


def contested(ledger, *, category: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
    """Contested groups, biggest first (empty on a ledger without analysis)."""
    if not available(ledger):
        return []
    return ledger.contested(category=category, limit=limit, offset=offset)


def group(ledger, group_id: int) -> dict | None:
    """A group (by its id or a figure's) with its timeline; None when there is none."""
    if not available(ledger):
        return None
    found = ledger.group(group_id)
    if found is None:
        return None
    timeline = ledger.timeline(found["id"]) if callable(getattr(ledger, "timeline", None)) else None
    found["timeline"] = timeline if timeline is not None else []
    return found


def figure_groups(ledger, document: dict) -> dict[int, int]:
    """Figure id -> id of its group, for the figures of ``document`` that share a group with others."""
    if not available(ledger):
        return {}
    groups: dict[int, int] = {}
    sizes: dict[int, int] = {}
    for fig in document.get("figures", [])[:MAX_LINKED_FIGURES]:
        if fig["id"] in groups:
            continue
        found = ledger.group(fig["id"])  # a figure's id finds its group
        if found is None:
            continue
        sizes[found["id"]] = len(found.get("figures", []))
        for member in found.get("figures", []):
            groups[member["id"]] = found["id"]
    return {fid: gid for fid, gid in groups.items() if sizes.get(gid, 0) > 1}


def merged(ledger) -> bool:
    return callable(getattr(ledger, "merged_entities", None))


def entities(ledger, *, name: str | None, label: str | None, limit: int, offset: int) -> list[dict]:
    """People and organisations: one per real-world entity when the ledger merges them."""
    if merged(ledger):
        return ledger.merged_entities(name=name, type=label, limit=limit, offset=offset)
    return ledger.entities(name=name, label=label, limit=limit, offset=offset)


def entity(ledger, entity_id: int) -> dict | None:
    """One entity by id (merged entities when the ledger has them)."""
    lookup = getattr(type(ledger), "entity", None)
    if callable(lookup):
        return lookup(ledger, entity_id)
    offset = 0
    while True:  # no look-up by id in the ledger: walk its entity list
        rows = entities(ledger, name=None, label=None, limit=SCAN, offset=offset)
        for row in rows:
            if row["id"] == entity_id:
                return row
        if len(rows) < SCAN:
            return None
        offset += SCAN


def grade(ledger, source: str, reliability: str) -> dict:
    """Set a source's reliability; a source the ledger cannot make sense of is ``Rejected``."""
    try:
        return ledger.grade(source, reliability)
    except LedgerError as exc:
        if exc.__cause__ is None:  # raised from the ledger's own check of the input, not the database
            raise Rejected(str(exc)) from None
        raise
