"""Entity resolution, the analysis step that turns names into canonical entities.

Why a module of its own: the run (``run.py``) hands it the new documents and gets back one
``Resolved`` with every look-up the later steps need; nothing passes through attributes set on
the way. The rules themselves (who is who) live in ``entities.py`` and ``aliases.py``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, distinct, func, insert, or_, select, union, update

from ..ledger import dialect
from ..ledger.schema import (
    alias_rules, attributions, canonical_entities, canonical_names, documents, entities, entity_aliases,
    entity_links, entity_titles, figure_analysis, figures, mentions, quote_analysis, quotes,
)
from .aliases import AliasRule, normal_alias, rule_table
from .entities import CanonicalEntity, NameUse, Resolver
from .tx import Tx, chunks

UNNAMED = "unnamed:"  # the key prefix of unnamed sources (entities.Resolver.parse): "unnamed:<story>:<words>"


@dataclass
class Resolved:
    """What entity resolution found for the new documents, for the steps after it."""

    rows: dict[int, str]  # extracted entity row id -> canonical key
    names: dict[tuple[int, str], str]  # (document id, claimant/speaker/source string) -> canonical key
    outlets: dict[str, str]  # outlet name -> canonical key
    ids: dict[str, int]  # canonical key -> canonical entity id
    key_types: dict[str, str]  # canonical key -> type (person, place, ...)
    entity_rows: dict[int, tuple]  # extracted entity id -> (name, label, document ids, aliases, titles)


def user_rules(connection: Connection) -> list[AliasRule]:
    """The alias rules the user added (they override the defaults)."""
    rows = connection.execute(select(alias_rules).order_by(alias_rules.c.id))
    return [AliasRule(r.alias, r.canonical, r.type, r.side, "user") for r in rows]


class EntityStep(Tx):
    """Resolves names to canonical entities inside the analysis's transaction; ``touched`` collects
    the canonical entities whose document counts must be refreshed at the end of the run."""

    def __init__(self, connection: Connection, touched: set[int] | None = None):
        super().__init__(connection)
        self.touched: set[int] = touched if touched is not None else set()

    def resolve(self, docs: dict[int, object], story_of: dict[int, int]) -> Resolved:
        """Canonical entities for every name the new documents use; returns look-ups by row and by name.
        Unnamed sources ("officials") are one entity per story, so a reprint's officials are the original's."""
        doc_ids = list(docs)
        resolver = Resolver(rule_table(user_rules(self.c)))
        stored = self.load_registry(resolver, {story_of.get(doc_id, doc_id) for doc_id in doc_ids} - set(doc_ids))
        row_info = self.entity_rows(doc_ids)
        linked = dict(self.rows_in(lambda part: select(entity_links.c.entity_id, canonical_entities.c.key)
                                   .join(canonical_entities, canonical_entities.c.id == entity_links.c.canonical_id)
                                   .where(entity_links.c.entity_id.in_(part)), row_info))
        self.touched |= {resolver.entities[key].id for key in linked.values() if key in resolver.entities}
        uses: list[NameUse] = []
        row_of_use: dict[int, int] = {}
        for row_id, (name, label, docs_of, aliases_, titles_) in sorted(row_info.items()):
            if row_id in linked:
                continue
            row_of_use[len(uses)] = row_id
            uses.append(NameUse(name, label, frozenset(docs_of), row_id, tuple(aliases_), tuple(titles_)))
        claimant_of_use: dict[int, str] = {}
        for raw, (docs_of, titles_) in sorted(self.claimant_strings(doc_ids).items()):
            claimant_of_use[len(uses)] = raw
            uses.append(NameUse(raw, None, frozenset(docs_of), titles=tuple(sorted(titles_))))
        outlet_of_use: dict[int, str] = {}
        outlet_docs: dict[str, set[int]] = defaultdict(set)
        for doc in docs.values():
            if doc.outlet:
                outlet_docs[doc.outlet].add(doc.id)
        for name, docs_of in sorted(outlet_docs.items()):
            outlet_of_use[len(uses)] = name
            uses.append(NameUse(name, None, frozenset(docs_of), outlet=True))
        mapping = resolver.resolve(uses, story_of)
        ids = self.store_registry(resolver, stored)
        rows, names, outlet_keys = dict(linked), {}, {}
        for (i, document), key in mapping.items():
            if i in row_of_use:
                rows[row_of_use[i]] = key
            elif i in claimant_of_use:
                names[(document, claimant_of_use[i])] = key
            else:
                outlet_keys[outlet_of_use[i]] = key
        links = [{"entity_id": row, "canonical_id": ids[key]} for row, key in rows.items() if row not in linked]
        if links:
            self.c.execute(insert(entity_links), links)
        key_types = {key: entity.type for key, entity in resolver.entities.items()}
        return Resolved(rows=rows, names=names, outlets=outlet_keys, ids=ids, key_types=key_types,
                        entity_rows=row_info)

    def entity_rows(self, doc_ids: list[int]) -> dict[int, tuple]:
        """Extracted entities mentioned in these documents: id -> (name, label, docs, aliases, titles)."""
        found: dict[int, list] = {}
        for part in chunks(doc_ids):
            rows = self.c.execute(select(entities.c.id, entities.c.name, entities.c.label, mentions.c.document_id)
                                  .join(mentions, mentions.c.entity_id == entities.c.id)
                                  .where(mentions.c.document_id.in_(part)))
            for row in rows:
                found.setdefault(row.id, [row.name, row.label, set(), [], []])[2].add(row.document_id)
        for table, column, slot in ((entity_aliases, entity_aliases.c.alias, 3), (entity_titles, entity_titles.c.title, 4)):
            for row in self.rows_in(lambda part, table=table, column=column: select(table.c.entity_id, column)
                                    .where(table.c.entity_id.in_(part)).order_by(table.c.id), found):
                found[row[0]][slot].append(row[1])
        return {k: tuple(v) for k, v in found.items()}

    def claimant_strings(self, doc_ids: list[int]) -> dict[str, tuple[set[int], set[str]]]:
        """Figure claimants, quote speakers (with their titles) and attribution sources, by string."""
        found: dict[str, tuple[set[int], set[str]]] = {}
        for part in chunks(doc_ids):
            for column, table, title in ((figures.c.claimant, figures, None), (quotes.c.speaker, quotes, quotes.c.speaker_title),
                                         (attributions.c.source, attributions, None)):
                columns = [column, table.c.document_id] + ([title] if title is not None else [])
                for row in self.c.execute(select(*columns).where(table.c.document_id.in_(part), column.is_not(None))):
                    entry = found.setdefault(row[0], (set(), set()))
                    entry[0].add(row[1])
                    if title is not None and row[2]:
                        entry[1].add(row[2])
        return found

    def load_registry(self, resolver: Resolver, scopes: set[int]) -> dict[str, tuple]:
        """The canonical entities of earlier runs, so new names can join them; returns what was stored
        of each (key -> name, type, side, affiliation), to write back only what changed. Unnamed sources
        ("officials") are one entity per story and only ever found by their key, so only those of the
        older stories the new documents joined (``scopes``) are loaded: most of a large ledger's
        entities are unnamed sources, and a new document's own story has none yet."""
        ce, cn = canonical_entities, canonical_names
        stored: dict[int, CanonicalEntity] = {}
        named = select(ce).where(~ce.c.key.startswith(UNNAMED, autoescape=True))
        unnamed = [f"{UNNAMED}{scope}:" for scope in sorted(scopes | {None}, key=str)]  # None: a labelled name's
        rows = [*self.stream(named, ce.c.id), *self.rows_in(lambda part: select(ce).where(or_(
            *(ce.c.key.startswith(prefix, autoescape=True) for prefix in part))), unnamed)]
        for row in rows:
            stored[row.id] = CanonicalEntity(row.key, row.name, row.type, side=row.side, affiliation=row.affiliation,
                                             id=row.id, known_documents=row.documents, fixed_name=True)
        for row in self.rows_in(lambda part: select(cn.c.canonical_id, cn.c.kind, cn.c.name)
                                .where(cn.c.canonical_id.in_(part)).order_by(cn.c.id), stored):
            stored[row.canonical_id].names[row.kind].add(row.name)
        for entity in sorted(stored.values(), key=lambda e: e.id):
            resolver.load(entity)
        return {e.key: (e.name, e.type, e.side, e.affiliation) for e in stored.values()}

    def store_registry(self, resolver: Resolver, stored: dict[str, tuple]) -> dict[str, int]:
        """Insert new canonical entities and names, update changed ones; returns key -> id."""
        ce, cn = canonical_entities, canonical_names
        fresh, changed = [], []
        for key, entity in sorted(resolver.entities.items()):
            values = {"name": entity.name, "type": entity.type, "side": entity.side, "affiliation": entity.affiliation}
            if entity.id is None:
                fresh.append({"key": key, "documents": 0, **values})  # counted by ``add_counts``
            elif stored.get(key) != tuple(values.values()):
                changed.append({"i": entity.id, **values})
        for part in chunks(fresh):
            self.c.execute(insert(ce), part)
        new_ids = dict(self.rows_in(lambda part: select(ce.c.key, ce.c.id).where(ce.c.key.in_(part)),
                                    [row["key"] for row in fresh]))
        if changed:
            self.c.execute(update(ce).where(ce.c.id == bindparam("i")).values(
                name=bindparam("name"), type=bindparam("type"), side=bindparam("side"),
                affiliation=bindparam("affiliation")), changed)
        ids: dict[str, int] = {}
        for key, entity in resolver.entities.items():
            if entity.id is None:
                entity.id = new_ids[key]
            if entity.documents:
                self.touched.add(entity.id)
            ids[key] = entity.id
        rows = [{"canonical_id": entity.id, "kind": kind, "name": name, "normal": normal_alias(name)}
                for entity in resolver.entities.values() if entity.documents
                for kind, names in sorted(entity.names.items()) for name in sorted(names) if name]
        for part in chunks(rows):
            dialect.insert_ignore(self.c, cn, part)
        return ids

    def add_counts(self, new_ids: list[int]) -> None:
        """Add the new documents to the document counts of the entities they name, quote or cite.
        Why not recount the touched entities: a chunk's new documents were counted nowhere, and the
        entities of older documents keep their links, so their counts only grow by the new documents;
        recounting an entity named in half the ledger rereads half the ledger every chunk (54 s of a
        500-document chunk at 46,000 synthetic documents). New entities are stored with no documents."""
        found: dict[int, set[int]] = defaultdict(set)
        for part in chunks(sorted(new_ids)):
            for cid, did in self.c.execute(entity_documents(documents_in=part)):
                found[cid].add(did)
        if found:
            self.c.execute(update(canonical_entities).where(canonical_entities.c.id == bindparam("i"))
                           .values(documents=canonical_entities.c.documents + bindparam("n")),
                           [{"i": cid, "n": len(docs)} for cid, docs in sorted(found.items())])

    def refresh_counts(self) -> None:
        """Documents per canonical entity, counted again: mentions, claims and quotes in current
        documents (after documents were revised away)."""
        if not self.touched:
            return
        d = documents
        for part in chunks(sorted(self.touched)):
            sources = entity_documents(entities_in=part).subquery()
            counts = dict(self.c.execute(
                select(sources.c.cid, func.count(distinct(sources.c.did)))
                .join(d, d.c.id == sources.c.did).where(d.c.is_current).group_by(sources.c.cid)).all())
            self.c.execute(update(canonical_entities).where(canonical_entities.c.id == bindparam("i"))
                           .values(documents=bindparam("n")), [{"i": cid, "n": counts.get(cid, 0)} for cid in part])


def entity_documents(*, entities_in: list[int] | None = None, documents_in: list[int] | None = None):
    """(cid, did): each canonical entity with each document that names it (a mention), cites it (a
    figure's claimant) or quotes it (a speaker), for these entities or these documents: what an
    entity's document count counts, whether it is added to or counted again."""
    el, fa, qa = entity_links, figure_analysis, quote_analysis

    def restrict(stmt, entity, document):
        stmt = stmt.where(entity.is_not(None))
        if entities_in is not None:
            stmt = stmt.where(entity.in_(entities_in))
        return stmt if documents_in is None else stmt.where(document.in_(documents_in))

    return union(
        restrict(select(el.c.canonical_id.label("cid"), mentions.c.document_id.label("did"))
                 .join(mentions, mentions.c.entity_id == el.c.entity_id), el.c.canonical_id, mentions.c.document_id),
        restrict(select(fa.c.claimant_id, fa.c.document_id), fa.c.claimant_id, fa.c.document_id),
        restrict(select(qa.c.speaker_id, qa.c.document_id), qa.c.speaker_id, qa.c.document_id),
    )
