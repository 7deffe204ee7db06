"""Storing extraction records: one document with all its claim rows, inside a write transaction.

Why a module of its own: ``Store.add`` owns the transaction; this module owns what one document
becomes in the tables (its revision, outlet, claims, entities), and the check that refuses a
record whose claims point outside its text before anything is written.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Connection, func, insert, select, update

from ..errors import LedgerError
from ..records import Attribution, Document, Figure, Quote, Record, Tally, field_names
from . import dialect
from .report import content_hash
from .schema import (
    attributions, documents, entities, entity_aliases, entity_titles, figure_references, figures, mentions, outlets,
    quotes, tallies, tally_claims,
)


# Each claim table with the record field that fills it; its columns are the record type's fields
# (tests/ledger/test_writer.py checks that every field has a column).
CLAIMS = ((quotes, "quotes", Quote), (attributions, "attributions", Attribution), (figures, "figures", Figure))


class Writer:
    """Stores documents into one open write transaction."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.outlets: dict[str, int] = {}
        self.entities: dict[tuple[str, str], int] = {}
        self.now = datetime.now(timezone.utc)

    def store(self, document: Document, record: Record) -> str:
        """Insert one document with everything extracted from it; returns the IngestReport field to count."""
        c = self.connection
        d = documents
        text = record.text
        digest = content_hash(text)
        # Checked inside the transaction: a concurrent writer, or this very batch, may have stored it.
        if c.scalar(select(d.c.id).where(d.c.content_hash == digest)) is not None:
            return "unchanged"
        key = str(record.id)
        url = record.url or document.url
        identity = url or key
        previous = c.scalar(select(func.max(d.c.revision)).where(d.c.identity == identity))
        if previous is not None:
            c.execute(update(d).where(d.c.identity == identity, d.c.is_current).values(is_current=False))
        doc_id = c.execute(
            insert(d).values(
                key=key,
                identity=identity,
                revision=(previous or 0) + 1,
                is_current=True,
                content_hash=digest,
                url=url,
                title=record.title if record.title is not None else document.title,
                outlet_id=self.outlet(record.outlet or document.outlet),
                published=record.published or document.published,
                author=document.author,
                source=record.source or document.source,
                text=text,
                ingested_at=self.now,
            )
        ).inserted_primary_key[0]
        for table, name, kind in CLAIMS:
            items = getattr(record, name)
            if items:
                names = [n for n in field_names(kind) if n in table.c]
                rows = [{"document_id": doc_id, **{n: getattr(item, n) for n in names}} for item in items]
                c.execute(insert(table), rows)
        if record.references:
            c.execute(insert(figure_references), [
                {"document_id": doc_id, "start": r.start, "end": r.end, "text": r.text, "low": r.low, "high": r.high,
                 "figure_start": r.figure["start"], "figure_end": r.figure["end"]} for r in record.references])
        for tally in record.tallies:
            self.tally(doc_id, tally)
        entity_ids = {self.entity(entity) for entity in record.entities}
        dialect.insert_ignore(c, mentions, [{"document_id": doc_id, "entity_id": e} for e in sorted(entity_ids)])
        return "added" if previous is None else "revised"

    def tally(self, doc_id: int, tally: Tally) -> None:
        """One tally with its claims (a revision is a new document row, so it gets its own tallies)."""
        c = self.connection
        tally_id = c.execute(insert(tallies).values(
            document_id=doc_id, category=tally.category, grp=tally.group, side=tally.side, low=tally.low,
            high=tally.high, place=tally.place, date=tally.date,
        )).inserted_primary_key[0]
        if tally.claims:
            c.execute(insert(tally_claims), [
                {"tally_id": tally_id, "claimant": claim.claimant, "low": claim.low, "high": claim.high,
                 "stance": claim.stance, "spans": json.dumps([list(span) for span in claim.spans])}
                for claim in tally.claims
            ])

    def outlet(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self.outlets:
            dialect.insert_ignore(self.connection, outlets, {"name": name})
            self.outlets[name] = self.connection.scalar(select(outlets.c.id).where(outlets.c.name == name))
        return self.outlets[name]

    def entity(self, entity) -> int:
        key = (entity.name, entity.label)
        entity_id = self.entities.get(key)
        if entity_id is None:
            dialect.insert_ignore(self.connection, entities, {"name": entity.name, "label": entity.label})
            entity_id = self.connection.scalar(
                select(entities.c.id).where(entities.c.name == entity.name, entities.c.label == entity.label)
            )
            self.entities[key] = entity_id
        aliases = sorted({a for a in entity.aliases if a})
        titles = sorted({t for t in entity.titles if t})
        dialect.insert_ignore(self.connection, entity_aliases, [{"entity_id": entity_id, "alias": a} for a in aliases])
        dialect.insert_ignore(self.connection, entity_titles, [{"entity_id": entity_id, "title": t} for t in titles])
        return entity_id


def check(document: Document, record: Record) -> None:
    """Refuse a record whose claims do not point into its own text (before anything is written)."""
    length = len(record.text)
    spans = [(kind, item.text, item.start, item.end) for kind, items in (
        ("quote", record.quotes), ("attribution", record.attributions), ("figure", record.figures),
        ("reference", record.references)) for item in items]
    spans += [("figure referred to", r.text, r.figure.get("start"), r.figure.get("end")) for r in record.references]
    for kind, text, start, end in spans:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length):
            raise LedgerError(
                f"document {record.id!r}: {kind} {text!r} has offsets {start!r}..{end!r} "
                f"outside its text (length {length}); nothing of the batch was stored"
            )
    for tally in record.tallies:
        for claim in tally.claims:
            for span in claim.spans:
                if not (len(span) == 2 and all(isinstance(i, int) for i in span) and 0 <= span[0] <= span[1] <= length):
                    raise LedgerError(
                        f"document {record.id!r}: a {tally.category} tally counts span {span!r} outside its "
                        f"text (length {length}); nothing of the batch was stored"
                    )
