"""Streaming ingest in bounded memory: N documents (default 100,000) into a fresh ledger.

The documents are the bundled corpus replicated: copy k of each article gets a one-line variation
("Wire copy k.") so its hash differs and it is really parsed and stored, and its own id and URL so
it is a new document. They are generated lazily, so the benchmark itself holds only the corpus.

Prints documents per second and the peak resident memory (VmHWM) of the ingesting process and of
each spaCy worker process, with RSS samples along the way: flat samples mean memory does not grow
with N. The target is a peak under 1.5 GB for 100,000 documents (``--check`` exits 1 over it).

Usage: .venv/bin/python benchmarks/memory.py [--n 100000] [--processes 1] [--batch-size 16] [--extract spacy]
                                             [--db PATH_OR_URL] [--every 5000] [--check]

With the small English model a core parses only a few of these documents a second (Wikinews
articles average 4,400 characters, the longest 104,000), so 100,000 documents take many hours on
two cores. ``--extract none`` runs the same streaming path (read, hash, skip known texts, batch,
one transaction per batch, full-text index) with claims left empty instead of parsed, which does
100,000 documents in minutes; the parser's own memory does not grow with N (it peaks on the
longest document), which a real-model run over a few corpus cycles (``--n 1500``) shows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from claimledger.errors import InputError  # noqa: E402
from claimledger.ingest import read_paths  # noqa: E402
from claimledger import Ledger  # noqa: E402
from claimledger.ingest.bundled import bundled_corpus  # noqa: E402
from claimledger.nlp import DEFAULT_MODEL  # noqa: E402
from claimledger.records import Document, Record  # noqa: E402

TARGET_BYTES = 1.5 * 1024**3


def corpus() -> list[Document]:
    found = [item for item in read_paths([bundled_corpus()]) if not isinstance(item, InputError)]
    if not found:
        raise SystemExit("the bundled corpus is missing")
    return found


def replicated(base: list[Document], n: int) -> Iterator[Document]:
    """``n`` documents: the corpus over and over, each copy varied so its text and identity are new."""
    for i in range(n):
        original = base[i % len(base)]
        copy = i // len(base)
        if copy == 0:
            yield original
            continue
        yield Document(
            id=f"{original.id}~{copy}",
            text=f"{original.text}\n\nWire copy {copy}.",
            source=original.source,
            title=original.title,
            url=f"{original.url}#copy-{copy}" if original.url else None,
            outlet=original.outlet,
            published=original.published,
        )


def no_extraction(documents, *, model, processes=None, batch_size=32, on_error=None):
    """Records without claims, in input order: the ledger's streaming path without the parser."""
    for document in documents:
        yield document, Record(id=document.id, source=document.source, text=document.text, title=document.title,
                               url=document.url, outlet=document.outlet, published=document.published)


def memory_kb(pid: int | str = "self", field: str = "VmRSS") -> int:
    """A /proc/PID/status field in kB (VmRSS now, VmHWM the peak); 0 if the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children() -> list[int]:
    """Processes whose parent is this one (spaCy's worker processes with --processes > 1)."""
    me = os.getpid()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == me:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


class Monitor:
    """Samples RSS every ``every`` documents and keeps each process's peak."""

    def __init__(self, every: int):
        self.every = every
        self.samples: list[tuple[int, float, int, int]] = []  # (done, seconds, main kB, workers kB)
        self.worker_peaks: dict[int, int] = {}
        self.started = time.perf_counter()
        self.last = 0

    def __call__(self, done: int) -> None:
        for pid in children():  # the peak of a worker is read while it is alive
            self.worker_peaks[pid] = max(self.worker_peaks.get(pid, 0), memory_kb(pid, "VmHWM"))
        if done - self.last >= self.every:
            self.last = done
            workers = sum(memory_kb(pid) for pid in children())
            self.samples.append((done, time.perf_counter() - self.started, memory_kb(), workers))
            main, spent = self.samples[-1][2], self.samples[-1][1]
            print(f"  {done:>9,} docs  {spent:8.0f}s  {done / spent:7.1f} docs/s  main RSS {main / 1024:7.0f} MB"
                  f"  workers RSS {workers / 1024:7.0f} MB", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to ingest")
    parser.add_argument("--processes", type=int, default=1, help="spaCy worker processes (each loads the model)")
    parser.add_argument("--batch-size", type=int, default=16, help="documents per spaCy batch and per commit "
                        "(larger batches parse a little faster but need more memory)")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--extract", choices=("spacy", "none"), default="spacy",
                        help="none: store documents without parsing them (the streaming path alone)")
    parser.add_argument("--db", help="ledger path or URL (default: a fresh temporary SQLite file)")
    parser.add_argument("--every", type=int, default=None, help="print an RSS sample every this many documents")
    parser.add_argument("--check", action="store_true", help="exit 1 if the peak is over 1.5 GB")
    parser.add_argument("--no-analyze", dest="analyze", action="store_false",
                        help="skip the cross-document analysis that ingest runs after storing")
    args = parser.parse_args()

    base = corpus()
    every = args.every or max(100, args.n // 20)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "memory.db")
        what = f"model {args.model}" if args.extract == "spacy" else "no extraction"
        print(f"ingesting {args.n:,} documents (the {len(base)}-document corpus replicated) into {db}, "
              f"{args.processes} process(es), batch size {args.batch_size}, {what}", flush=True)
        monitor = Monitor(every)
        with Ledger(db, model=args.model) as ledger:
            report = ledger.ingest(replicated(base, args.n), processes=args.processes, batch_size=args.batch_size,
                                   on_progress=monitor, extractor=no_extraction if args.extract == "none" else None,
                                   analyze=False)
            elapsed = time.perf_counter() - monitor.started
            streamed_peak = memory_kb("self", "VmHWM") * 1024
            analysis_seconds = None
            if args.analyze:  # what ingest runs after storing, timed and measured on its own
                started = time.perf_counter()
                ledger.analyze()
                analysis_seconds = time.perf_counter() - started
            stats = ledger.stats()
        size = sum(p.stat().st_size for p in Path(tmp).glob("memory.db*")) if not args.db else 0

    main_peak = memory_kb("self", "VmHWM") * 1024
    worker_peak = max(monitor.worker_peaks.values(), default=0) * 1024
    total_peak = main_peak + sum(monitor.worker_peaks.values()) * 1024
    print(f"\nstored {report.added:,} added, {report.unchanged:,} unchanged, {report.revised:,} revised, "
          f"{len(report.failed)} failed; {stats['quotes']:,} quotes, {stats['figures']:,} figures"
          + (f"; database {size / 1024**2:,.0f} MB" if size else ""))
    print(f"throughput: {args.n / elapsed:,.1f} documents/s ({elapsed:,.0f} s), peak RSS while streaming "
          f"{streamed_peak / 1024**2:,.0f} MB")
    if analysis_seconds is not None:
        print(f"cross-document analysis afterwards: {analysis_seconds:,.0f} s")
    print(f"peak RSS: ingesting process {main_peak / 1024**2:,.0f} MB; largest worker {worker_peak / 1024**2:,.0f} MB; "
          f"all processes together at most {total_peak / 1024**3:,.2f} GB (target < 1.5 GB)")
    if len(monitor.samples) >= 2:
        first, last = monitor.samples[len(monitor.samples) // 4], monitor.samples[-1]
        growth = (last[2] - first[2]) / 1024
        print(f"main RSS from {first[0]:,} to {last[0]:,} documents: {growth:+,.0f} MB")
    if args.check and total_peak > TARGET_BYTES:
        print("over the 1.5 GB target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
