"""Bounded analysis at scale: N documents (default 100,000) through the storage path, then the analysis.

No parsing: the bundled corpus is extracted once (cached in ``--records``, a JSONL file of
document + record pairs) and N synthetic documents are made from its records. Synthetic document
i is two corpus articles joined (A's text, a blank line, B's text) with both records' claims,
entities and tallies (B's offsets shifted), published on a day spread over two years. So every
document carries realistic figures (categories, values, claimants, places, dates), quotes,
entities and tallies; a pair drawn again gets a reprint line at its end, so the N documents are
N distinct texts (stored N times) and two of one pair are near duplicates (a reprint); and one
article's figures recur in many documents months apart, as running stories do.

Prints, per 10,000 documents: the time and RSS of storing (``Ledger.ingest`` with an extractor
that hands over the ready records: read, hash, batch, one transaction per batch, full-text index),
then of the analysis (``Ledger.analyze``, which commits one chunk of documents at a time), and the
peak RSS (VmHWM) of the analysis alone (the peak is reset before it starts). The target is an
analysis peak under 1.5 GB at 100,000 documents (``--check`` exits 1 over it).

Usage: .venv/bin/python benchmarks/bounded.py [--n 100000] [--records PATH] [--db PATH] [--every 10000]
                                              [--seed 7] [--no-analysis] [--full] [--chunk N] [--check]
"""

from __future__ import annotations

import argparse
import inspect
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from claimledger import Ledger  # noqa: E402
from claimledger.errors import InputError  # noqa: E402
from claimledger.ingest import read_paths  # noqa: E402
from claimledger.ingest.bundled import bundled_corpus  # noqa: E402
from claimledger.records import Document, Record  # noqa: E402

TARGET_BYTES = 1.5 * 1024**3
SEPARATOR = "\n\n"
FIRST_DAY = date(2019, 1, 1)
DAYS = 730


def memory_kb(field: str = "VmRSS") -> int:
    """This process's /proc status field in kB (VmRSS now, VmHWM the peak)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux: write 5 to clear_refs); False if not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def corpus_records(path: Path) -> list[tuple[Document, Record]]:
    """The bundled corpus with its extraction records, extracted once and cached in ``path``."""
    if not path.exists():
        from claimledger.pipeline import extract_documents

        documents = [d for d in read_paths([bundled_corpus()]) if not isinstance(d, InputError)]
        print(f"extracting the {len(documents)}-document bundled corpus once into {path} ...", flush=True)
        with path.open("w", encoding="utf-8") as out:
            for document, record in extract_documents(documents, processes=1):
                out.write(json.dumps({"document": {k: v for k, v in asdict(document).items() if k != "text"}, "record": record.to_dict()}) + "\n")
    pairs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            record = Record.from_dict(row["record"])
            pairs.append((Document(**{**row["document"], "text": record.text}), record))
    return pairs


def shifted(items: list, by: int) -> list:
    return [replace(item, start=item.start + by, end=item.end + by) for item in items]


def joined(a: Record, b: Record, key: str, published: str) -> Record:
    """Records A and B as one document's: B's claims moved past A's text and the separator."""
    by = len(a.text) + len(SEPARATOR)
    tallies = [replace(t, claims=[replace(c, spans=[(s + by, e + by) for s, e in c.spans]) for c in t.claims])
               for t in b.tallies]
    return Record(id=key, source="synthetic", text=a.text + SEPARATOR + b.text, title=a.title, url=None,
                  outlet=a.outlet, published=published,
                  quotes=a.quotes + shifted(b.quotes, by), attributions=a.attributions + shifted(b.attributions, by),
                  figures=a.figures + shifted(b.figures, by), entities=a.entities + b.entities,
                  tallies=a.tallies + tallies)


class Synthetic:
    """N synthetic documents, generated lazily (document i is always the same for one seed)."""

    def __init__(self, pairs: list[tuple[Document, Record]], n: int, seed: int):
        self.records = [record for _document, record in pairs if record.figures or record.quotes]
        self.n = n
        self.seed = seed
        first: set[tuple[int, int]] = set()
        self.reprints: set[int] = set()  # documents whose pair was drawn before: they get a reprint line
        for i in range(n):
            pair = self.recipe(i)[:2]
            if pair in first:
                self.reprints.add(i)
            else:
                first.add(pair)

    def recipe(self, i: int) -> tuple[int, int, str]:
        rng = random.Random(self.seed * 1_000_003 + i)
        a, b = rng.randrange(len(self.records)), rng.randrange(len(self.records))
        return a, b, (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()

    def text(self, i: int, a: int, b: int) -> str:
        reprint = f"{SEPARATOR}Reprinted as item {i}." if i in self.reprints else ""
        return f"{self.records[a].text}{SEPARATOR}{self.records[b].text}{reprint}"

    def documents(self) -> Iterator[Document]:
        for i in range(self.n):
            a, b, published = self.recipe(i)
            yield Document(id=f"syn-{i}", text=self.text(i, a, b), source="synthetic", title=self.records[a].title,
                           outlet=self.records[a].outlet, published=published)

    def extractor(self, documents, *, model, processes=None, batch_size=32, on_error=None):
        """An ``extract_documents`` stand-in: each document's record, made from its recipe."""
        for document in documents:
            i = int(document.id.split("-")[1])
            a, b, published = self.recipe(i)
            record = joined(self.records[a], self.records[b], document.id, published)
            yield document, replace(record, text=self.text(i, a, b))


class Clock:
    """Prints time and RSS every ``every`` documents of a step."""

    def __init__(self, step: str, every: int):
        self.step, self.every = step, every
        self.started = self.mark = time.perf_counter()
        self.next = every
        self.rows: list[tuple[int, float, int]] = []

    def __call__(self, done: int) -> None:
        if done < self.next:
            return
        now = time.perf_counter()
        self.rows.append((done, now - self.mark, memory_kb()))
        print(f"  {self.step:<8} {done:>9,} docs  {now - self.mark:7.1f} s for the last {done - (self.next - self.every):,}"
              f"  total {now - self.started:7.1f} s  RSS {memory_kb() / 1024:6.0f} MB", flush=True)
        self.mark = now
        while self.next <= done:
            self.next += self.every


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to ingest and analyse")
    parser.add_argument("--records", type=Path, default=Path(tempfile.gettempdir()) / "claimledger-corpus-records.jsonl",
                        help="cache of the bundled corpus's extraction records (made on the first run)")
    parser.add_argument("--db", help="ledger path (default: a fresh temporary SQLite file)")
    parser.add_argument("--every", type=int, default=10_000, help="report every this many documents")
    parser.add_argument("--batch-size", type=int, default=256, help="documents per stored batch")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-analysis", dest="analysis", action="store_false",
                        help="only store (run again with the same --db to analyse: stored texts are skipped)")
    parser.add_argument("--chunk", type=int, help="documents per analysis transaction (default: the analysis's own)")
    parser.add_argument("--full", action="store_true", help="analyse everything again (a --db analysed before)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the analysis peak is over 1.5 GB")
    args = parser.parse_args()

    synthetic = Synthetic(corpus_records(args.records), args.n, args.seed)
    with tempfile.TemporaryDirectory(prefix="claimledger-bounded-") as tmp:
        db = args.db or str(Path(tmp) / "bounded.db")
        print(f"{args.n:,} synthetic documents (pairs of the {len(synthetic.records)} corpus articles with claims) "
              f"into {db}", flush=True)
        with Ledger(db) as ledger:
            clock = Clock("store", args.every)
            report = ledger.ingest(synthetic.documents(), batch_size=args.batch_size, on_progress=clock,
                                   extractor=synthetic.extractor, analyze=False)
            stored_seconds = time.perf_counter() - clock.started
            store_peak = memory_kb("VmHWM")
            stats = ledger.stats()
            print(f"stored {report.added:,} documents ({report.unchanged:,} unchanged) with {stats['figures']:,} "
                  f"figures, {stats['quotes']:,} quotes in {stored_seconds:,.0f} s; peak RSS {store_peak / 1024:,.0f} MB",
                  flush=True)
            if not args.analysis:
                return 0
            reset = reset_peak()
            base = memory_kb()
            clock = Clock("analyse", args.every)
            progress = {"on_progress": clock} if "on_progress" in inspect.signature(ledger.analyze).parameters else {}
            if args.chunk:
                from claimledger.analyze import run

                analysis = run.analyze(ledger.engine, full=args.full, chunk=args.chunk, **progress)
            else:
                analysis = ledger.analyze(full=args.full, **progress)
            analysis_seconds = time.perf_counter() - clock.started
            peak = memory_kb("VmHWM")
    print(f"analysis: {analysis.documents:,} documents, {analysis.figures:,} figures, {analysis.entities:,} entities; "
          f"{analysis.groups:,} groups written ({analysis.contested:,} contested) in {analysis_seconds:,.0f} s "
          f"({analysis_seconds / max(analysis.documents, 1) * 10_000:,.0f} s per 10,000 documents analysed)")
    what = "analysis alone" if reset else "whole run (VmHWM could not be reset)"
    print(f"peak RSS, {what}: {peak / 1024:,.0f} MB (RSS before it {base / 1024:,.0f} MB; target < 1.5 GB: "
          f"{'ok' if peak * 1024 < TARGET_BYTES else 'MISSED'})")
    return 1 if args.check and peak * 1024 >= TARGET_BYTES else 0


if __name__ == "__main__":
    sys.exit(main())
