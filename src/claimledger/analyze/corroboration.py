"""Corroboration: how many independent outlets carry a claim, with reprints counted once.

Why: a wire story reprinted by ten sites is one source, not ten. Documents whose texts are near
duplicates (MinHash over word 5-grams, LSH at Jaccard ≥ ``THRESHOLD``, confirmed on the signatures)
form one *story*; its first-seen document (earliest published, else ingested) stands for all of them.
A claim is then carried by as many independent outlets as there are distinct outlets among the
first-seen documents of the stories that carry it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Select, case, distinct, func, select

from ..ledger.schema import document_analysis, documents, outlets, quote_analysis
from .text import words

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.7
SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme; its hash values are 32-bit
DTYPE = np.uint32


def shingles(text: str) -> set[bytes]:
    """Word 5-grams of the folded text (the words themselves for very short texts)."""
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode()} if tokens else {b""}
    return {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(len(tokens) - SHINGLE + 1)}


_PERMUTATIONS = None


def _new_minhash(hashvalues=None):
    """A MinHash with the ledger's parameters (permutations computed once per process)."""
    global _PERMUTATIONS
    from datasketch import MinHash

    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=hashvalues, permutations=_PERMUTATIONS)


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes for the ledger."""
    minhash = _new_minhash()
    minhash.update_batch(sorted(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype=DTYPE).tobytes()


def estimated_jaccard(a: bytes, b: bytes) -> float:
    """Jaccard similarity of two texts estimated from their signatures."""
    return float(np.mean(np.frombuffer(a, dtype=DTYPE) == np.frombuffer(b, dtype=DTYPE)))


@dataclass(frozen=True)
class Seen:
    """A document as corroboration needs it: its signature and when it was first seen."""

    id: int
    signature: bytes
    seen: str  # published date, else ingest time (ISO): orders documents in time


_BANDS = None


def bands() -> list[tuple[int, int]]:
    """The LSH bands (byte ranges of a signature) datasketch chooses for ``THRESHOLD``: two documents
    are candidates when all values of one band are equal."""
    global _BANDS
    if _BANDS is None:
        from datasketch import MinHashLSH

        size = np.dtype(DTYPE).itemsize
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        _BANDS = [(start * size, end * size) for start, end in lsh.hashranges]
    return _BANDS


def band_keys(signature: bytes) -> list[tuple[int, bytes]]:
    """The LSH bucket of each band of a signature."""
    return [(i, signature[start:end]) for i, (start, end) in enumerate(bands())]


class BandIndex:
    """LSH buckets of a few documents (the new ones), to test others against them one at a time: the
    stored documents that share a bucket with one (``stories.StoryStep.find``)."""

    def __init__(self, docs: Iterable[Seen]):
        self.docs = {d.id: d for d in docs}
        self.buckets: dict[tuple[int, bytes], list[int]] = {}
        for doc in self.docs.values():
            for key in band_keys(doc.signature):
                self.buckets.setdefault(key, []).append(doc.id)

    def near(self, doc: Seen) -> set[int]:
        """Indexed documents that share a band with ``doc`` and are near duplicates of it."""
        found = {i for key in band_keys(doc.signature) for i in self.buckets.get(key, ())}
        return {i for i in found if i != doc.id
                and estimated_jaccard(doc.signature, self.docs[i].signature) >= THRESHOLD}


def stories(new: Iterable[Seen], old: Iterable[Seen], old_story: dict[int, int]) -> dict[int, int]:
    """The story (first-seen document id) of every document whose story is new or changed.

    ``old`` are documents already analysed, with their story in ``old_story``: at least every old
    near duplicate of a new document and the other members of its story (the rest cannot change).
    New documents join the story of any near duplicate (LSH candidates confirmed on the signatures);
    a story whose members now include an earlier document is re-pointed to it, so the result may
    also list old documents.
    """
    new, old = list(new), list(old)
    if not new:
        return {}
    everyone = {d.id: d for d in old + new}
    index = BandIndex(everyone.values())
    parent = {d.id: old_story.get(d.id, d.id) for d in old + new}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for doc in new:
        for other in sorted(index.near(doc)):
            a, b = find(doc.id), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[int, list[int]] = {}
    for doc_id in everyone:
        members.setdefault(find(doc_id), []).append(doc_id)
    result = {}
    for ids in members.values():
        first = min(ids, key=lambda i: (everyone[i].seen or "", i))
        for doc_id in ids:
            if old_story.get(doc_id) != first:
                result[doc_id] = first
    return result


def independent_outlets(stories_carrying: Iterable[int], outlet_of: dict[int, str | None]) -> int:
    """Distinct outlets among the first-seen documents of the stories carrying a claim."""
    outlets = {outlet_of.get(story) or f"document:{story}" for story in set(stories_carrying)}
    return len(outlets)


def outlet_counts(claims: list[str]) -> Select:
    """Per claim, its independent outlets (``independent_outlets`` in SQL): the distinct
    outlets of the stories carrying it, a story without an outlet counting as one of its own."""
    qa, da, story = quote_analysis, document_analysis, documents.alias("story")
    outlets_ = func.count(distinct(outlets.c.name)) + func.count(distinct(case((outlets.c.name.is_(None), da.c.story_id))))
    return (select(qa.c.claim, outlets_.label("outlets"))
            .select_from(qa.join(da, da.c.document_id == qa.c.document_id).join(story, story.c.id == da.c.story_id)
                         .outerjoin(outlets, outlets.c.id == story.c.outlet_id))
            .where(qa.c.claim.in_(claims)).group_by(qa.c.claim))


def first_reports(claims: list[str]) -> Select:
    """Per claim, its first report: the earliest seen (undated first), then the lowest document id."""
    qa, da = quote_analysis, document_analysis
    rank = func.row_number().over(partition_by=qa.c.claim, order_by=(func.coalesce(da.c.seen, ""), qa.c.document_id))
    ranked = (select(qa.c.claim, qa.c.document_id, da.c.seen, rank.label("rank"))
              .select_from(qa.join(da, da.c.document_id == qa.c.document_id)).where(qa.c.claim.in_(claims)).subquery())
    return select(ranked.c.claim, ranked.c.document_id, ranked.c.seen).where(ranked.c.rank == 1)
