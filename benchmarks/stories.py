"""Near-duplicate lookup of one analysis chunk as the ledger grows: the stored LSH buckets against a stream.

Why: issue 12 asks that the analysis grow near-linearly with the ledger, so each chunk's work must not
grow with it. A chunk of new documents used to find its near duplicates by streaming every stored
MinHash signature past its LSH buckets (O(ledger) per chunk); it now asks the indexed ``document_bands``
(``analyze.stories``). This builds ledgers of N analysed documents (rows, signatures and bucket rows
written directly: no parsing; the documents a chunk reprints have real texts, the rest random
signatures), then times, for one chunk of
2,000 new documents (half of them reprints of stored ones) MinHashing the chunk (the same at any
ledger size), then (a) the rest of ``StoryStep.find`` (``link``): the bucket lookup, the stories of the near
duplicates and their union, and (b) the stream of every stored signature past the chunk's buckets
(the former way, kept here as the reference), given the signatures. Both run in one process on one
ledger, so the printed ratio of (b) to (a) holds on any machine.

Usage: .venv/bin/python benchmarks/stories.py [--sizes 10000 50000 100000] [--chunk 2000]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

import numpy as np  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from claimledger import Ledger  # noqa: E402
from claimledger.analyze import corroboration  # noqa: E402
from claimledger.analyze.stories import StoryStep, band_rows  # noqa: E402
from claimledger.analyze.tx import Tx, batched  # noqa: E402
from claimledger.ingest.bundled import bundled_documents  # noqa: E402
from claimledger.ledger import dialect  # noqa: E402
from claimledger.ledger.schema import document_analysis, document_bands, documents  # noqa: E402

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def text_of(texts: list[str], i: int) -> str:
    """Document i: two corpus articles joined, a pair no other i below len(texts) squared has."""
    return f"{texts[i % len(texts)]}\n\n{texts[(i // len(texts) + i) % len(texts)]}"


def reprinted(stored: int, size: int) -> list[int]:
    """The stored documents the chunk reprints (every other new document reprints one)."""
    return [(k * 7919) % stored for k in range(1, size, 2)]


def fill(ledger: Ledger, texts: list[str], start: int, stop: int, real: set[int]) -> None:
    """Documents ``start``..``stop`` as analysed: their rows, signatures and bucket rows. Only the
    documents in ``real`` get the MinHash of their text; the others a random signature, which spreads
    over the buckets as a real one does and costs nothing to make (no near duplicates among them)."""
    rng = np.random.default_rng(start)
    for part in batched(range(start, stop), 5_000):
        docs, analysis, bands = [], [], []
        for i in part:
            text = text_of(texts, i) if i in real else f"document {i}"
            signature = corroboration.signature(text) if i in real else \
                rng.integers(0, 2**32, corroboration.NUM_PERM, dtype=corroboration.DTYPE).tobytes()
            docs.append({"id": i + 1, "key": f"d{i}", "identity": f"d{i}", "revision": 1, "is_current": True,
                         "content_hash": hashlib.sha256(text.encode()).hexdigest(), "text": text, "ingested_at": NOW})
            analysis.append({"document_id": i + 1, "signature": signature, "story_id": i + 1, "places": "[]",
                             "analyzed_at": NOW})
            bands += band_rows(i + 1, signature)
        with dialect.writing(ledger.engine) as connection:
            connection.execute(insert(documents), docs)
            connection.execute(insert(document_analysis), analysis)
            connection.execute(insert(document_bands), bands)


def streamed(step: Tx, signatures: dict[int, tuple[bytes, str | None]]) -> set[int]:
    """The former lookup: every stored signature streamed past the new documents' buckets."""
    index = corroboration.BandIndex(corroboration.Seen(i, signature, "") for i, (signature, _) in signatures.items())
    da = document_analysis
    return {row.document_id for row in step.stream(select(da.c.document_id, da.c.signature), da.c.document_id)
            if index.near(corroboration.Seen(row.document_id, row.signature, ""))}


def chunk_of(texts: list[str], stored: int, size: int) -> dict[int, object]:
    """``size`` new documents: every other one a reprint of a stored document (a line added), the rest
    pairs of articles no stored document has."""
    docs = {}
    for k in range(size):
        text = text_of(texts, (k * 7919) % stored) + "\n\nReprinted." if k % 2 else text_of(texts, 10_000_000 + k)
        docs[10_000_000 + k] = SimpleNamespace(id=10_000_000 + k, text=text, published="2026-01-01", ingested_at=NOW)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--chunk", type=int, default=2_000)
    args = parser.parse_args()
    texts = [d.text for d in bundled_documents()]
    stored = 0
    with Ledger(Path(tempfile.mkdtemp()) / "stories.db") as ledger:
        print(f"{'ledger':>9}  {'MinHash':>9}  {'buckets':>9}  {'stream':>9}  {'ratio':>6}")
        for size in sorted(args.sizes):
            # the documents the chunk at this size and at every larger one reprints get real signatures
            real = {i for later in args.sizes if later >= size for i in reprinted(later, args.chunk)}
            fill(ledger, texts, stored, size, real)
            stored = size
            docs = chunk_of(texts, stored, args.chunk)
            started = time.perf_counter()
            signatures = {doc.id: (corroboration.signature(doc.text), doc.published) for doc in docs.values()}
            minhash_seconds = time.perf_counter() - started
            with dialect.writing(ledger.engine) as connection:
                started = time.perf_counter()
                stories = StoryStep(connection).link(signatures)
                bucket_seconds = time.perf_counter() - started
                started = time.perf_counter()
                near = streamed(Tx(connection), signatures)
                stream_seconds = time.perf_counter() - started
                connection.rollback()
            joined = {story for doc_id, story in stories.story_of.items() if story != doc_id and story < 10_000_000}
            assert joined <= near, "the buckets found a near duplicate the stream did not"
            print(f"{size:>9,}  {minhash_seconds:>8.2f}s  {bucket_seconds:>8.2f}s  {stream_seconds:>8.2f}s"
                  f"  {stream_seconds / max(bucket_seconds, 1e-3):>5.1f}x"
                  f"   (near duplicates found: {len(near):,} by the stream; stories joined: {len(joined):,})")


if __name__ == "__main__":
    main()
