"""Stories: near-duplicate documents (reprints, syndicated copies) found through stored LSH buckets.

Why a module and a table of their own: every chunk of new documents must meet its near duplicates
among all older ones. Streaming every stored MinHash past the new documents' buckets made that cost
grow with the ledger for every chunk (about a fifth of the analysis time at 35,000 documents), so the
analysis grew with the square of the ledger. Each analysed document's bucket of each LSH band is now
a row of ``document_bands`` (a 64-bit hash of the band's values), and a chunk asks the index on it for
the documents sharing a bucket with a new one: the work of a chunk depends on the chunk, not the
ledger. Ledgers analysed before the table existed get their rows once, at the next analysis
(``backfill``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from ..ledger.schema import document_analysis, document_bands, figure_analysis
from . import corroboration
from .text import iso_time
from .tx import Tx, batched, chunks


@dataclass
class Stories:
    """What near-duplicate detection found for the new documents."""

    story_of: dict[int, int]  # new document -> its story (the first-seen document of its near duplicates)
    affected: set[int]  # groups of older documents whose story changed (to recompute)
    signatures: dict[int, tuple[bytes, str | None]]  # new document -> (MinHash signature, when seen)


def band_hashes(signature: bytes) -> list[int]:
    """One signed 64-bit number per LSH band of a signature (``corroboration.band_keys``): the band's
    bucket as a database column can hold it. A rare collision only adds a candidate, which the
    signatures then reject."""
    return [int.from_bytes(hashlib.blake2b(bytes([i]) + values, digest_size=8).digest(), "big", signed=True)
            for i, values in corroboration.band_keys(signature)]


def band_rows(document_id: int, signature: bytes) -> list[dict]:
    return [{"band": band, "document_id": document_id} for band in band_hashes(signature)]


class StoryStep(Tx):
    """Near duplicates of the new documents among the analysed ones, and the bucket rows that find them."""

    def find(self, docs: dict[int, object]) -> Stories:
        """MinHash the new documents and put near duplicates into one story; only the stored documents
        that share a bucket with a new one, and the stories they belong to, are read."""
        return self.link({doc.id: (corroboration.signature(doc.text), doc.published or iso_time(doc.ingested_at))
                          for doc in docs.values()})

    def link(self, signatures: dict[int, tuple[bytes, str | None]]) -> Stories:
        """``find`` given the new documents' signatures and when each was seen."""
        da = document_analysis
        new = [corroboration.Seen(doc_id, signature, seen) for doc_id, (signature, seen) in signatures.items()]
        index = corroboration.BandIndex(new)
        buckets = {band for signature, _ in signatures.values() for band in band_hashes(signature)}
        candidates = set(self.scalars_in(
            lambda part: select(document_bands.c.document_id).where(document_bands.c.band.in_(part)), buckets))
        near = {row.document_id for row in self.rows_in(
            lambda part: select(da.c.document_id, da.c.signature).where(da.c.document_id.in_(part)), candidates)
            if index.near(corroboration.Seen(row.document_id, row.signature, ""))}
        touched_stories = set(self.scalars_in(
            lambda part: select(da.c.story_id).where(da.c.document_id.in_(part)), near))
        old_rows = self.rows_in(lambda part: select(da.c.document_id, da.c.signature, da.c.seen, da.c.story_id)
                                .where(da.c.story_id.in_(part)), touched_stories)
        old = [corroboration.Seen(r.document_id, r.signature, r.seen) for r in old_rows]
        old_story = {r.document_id: r.story_id for r in old_rows}
        changes = corroboration.stories(new, old, old_story)
        moved = [doc_id for doc_id in changes if doc_id in old_story]
        for doc_id in moved:
            self.c.execute(update(da).where(da.c.document_id == doc_id).values(story_id=changes[doc_id]))
        story_of = {doc_id: changes.get(doc_id, doc_id) for doc_id in signatures}
        affected = set(self.scalars(select(figure_analysis.c.group_id).distinct()
                                    .where(figure_analysis.c.document_id.in_(moved)))) if moved else set()
        return Stories(story_of, affected, signatures)

    def store(self, stories: Stories) -> None:
        """The bucket rows of the new documents (with their ``document_analysis`` rows, in one chunk)."""
        rows = [row for doc_id, (signature, _) in stories.signatures.items() for row in band_rows(doc_id, signature)]
        for part in chunks(rows, 5_000):
            self.c.execute(insert(document_bands), part)

    def forget(self, document_ids: list[int]) -> None:
        for part in chunks(document_ids):
            self.c.execute(delete(document_bands).where(document_bands.c.document_id.in_(part)))

    def backfill(self) -> int:
        """Bucket rows for analysed documents that have none (a ledger analysed before the table
        existed): one pass over their signatures. Returns how many documents were filled."""
        da, db = document_analysis, document_bands
        missing = select(da.c.document_id, da.c.signature).where(
            ~select(db.c.document_id).where(db.c.document_id == da.c.document_id).exists())
        if self.c.execute(missing.limit(1)).first() is None:
            return 0
        filled = 0
        for page in batched(self.stream(missing, da.c.document_id), 2_000):
            rows = [row for r in page for row in band_rows(r.document_id, r.signature)]
            self.c.execute(insert(db), rows)
            filled += len(page)
        return filled
