"""Throughput of parsing, extraction and ingest on the bundled corpus, in one run.

Times three passes over the same N documents (default 100) after warming the model up:

1. bare parse: ``nlp.pipe`` with the plain spaCy model (no claimledger components);
2. extraction: ``pipeline.extract_documents`` (parse + claimledger components + records);
3. ingest: ``Ledger.ingest`` into a fresh temporary SQLite ledger (read + extract + store).

and prints documents per second for each, with the ratios extract/bare-parse (target >= 0.9)
and ingest/bare-parse (target >= 0.8): the extractors and the database should cost little
next to spaCy's own parse.

Usage: .venv/bin/python benchmarks/throughput.py [--n 100] [--model NAME] [--batch-size 32] [--repeat 1] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from claimledger.errors import InputError  # noqa: E402
from claimledger.ingest import read_paths  # noqa: E402
from claimledger import Ledger  # noqa: E402
from claimledger.ingest.bundled import bundled_corpus  # noqa: E402
from claimledger.nlp import DEFAULT_MODEL, load_nlp  # noqa: E402
from claimledger.pipeline import extract_documents  # noqa: E402
from claimledger.records import Document  # noqa: E402

CORPUS = bundled_corpus()
TARGETS = {"extract": 0.9, "ingest": 0.8}
WARMUP_DOCS = 8


def corpus_documents(n: int) -> list[Document]:
    """The first ``n`` readable documents of the bundled corpus, in the readers' order."""
    documents = (item for item in read_paths([CORPUS]) if not isinstance(item, InputError))
    found = list(islice(documents, n))
    if len(found) < n:
        print(f"note: the corpus has only {len(found)} documents; timing those", file=sys.stderr)
    return found


def write_jsonl(documents: list[Document], path: Path) -> None:
    """The documents as one JSONL file, so ingest reads exactly the same N documents."""
    fields = ("id", "title", "text", "url", "outlet", "published")
    with path.open("w", encoding="utf-8") as handle:
        for document in documents:
            row = {key: value for key, value in asdict(document).items() if key in fields}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def timed(run, clock=time.process_time) -> float:  # noqa: ANN001
    """Seconds one call takes: CPU seconds of this process by default, which other load on a
    shared machine barely moves (all three passes run in this one process)."""
    start = clock()
    run()
    return clock() - start


def main(argv: list[str] | None = None) -> int:
    """Run the three passes and print the table; with --check, exit 1 when a ratio misses its target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="documents to time (default 100)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model (default {DEFAULT_MODEL})")
    parser.add_argument("--batch-size", type=int, default=32, help="documents per batch (default 32, as ingest)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the three passes this many times, in turn, and keep each one's best time "
                             "(steadier on a busy machine; default 1)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                        help="cpu: this process's CPU time (default, steady on a busy machine); wall: elapsed time")
    parser.add_argument("--check", action="store_true", help="exit 1 if a ratio is below its target")
    args = parser.parse_args(argv)

    documents = corpus_documents(args.n)
    texts = [document.text for document in documents]
    n = len(documents)
    chars = sum(map(len, texts))
    print(f"{n} documents, {chars:,} characters, model {args.model}, batch size {args.batch_size}, {args.clock} clock")

    bare = load_nlp(args.model, extractors=False)
    full = load_nlp(args.model)
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        tmp_path = Path(tmp)
        source = tmp_path / "documents.jsonl"
        write_jsonl(documents, source)
        warmup = tmp_path / "warmup.jsonl"
        write_jsonl(documents[:WARMUP_DOCS], warmup)

        # Warm up: load vectors/caches, import the extractors, create and migrate a schema.
        for _ in bare.pipe(texts[:WARMUP_DOCS], batch_size=args.batch_size):
            pass
        for _ in full.pipe(texts[:WARMUP_DOCS], batch_size=args.batch_size):
            pass
        Ledger(f"sqlite:///{tmp_path / 'warmup.db'}", model=args.model).ingest(
            [str(warmup)], processes=1, batch_size=args.batch_size)

        def parse() -> None:
            for _ in bare.pipe(texts, batch_size=args.batch_size):
                pass

        def extract() -> None:
            for _ in extract_documents(documents, model=args.model, batch_size=args.batch_size):
                pass

        report = None

        def ingest(round_: int, analyze: bool = False) -> None:
            nonlocal report
            name = f"bench-{round_}-{'analysed' if analyze else 'stored'}.db"
            with Ledger(f"sqlite:///{tmp_path / name}", model=args.model) as ledger:
                report = ledger.ingest([str(source)], processes=1, batch_size=args.batch_size, analyze=analyze)

        seconds: dict[str, float] = {}
        for round_ in range(max(1, args.repeat)):
            passes = (("bare parse", parse), ("extract", extract), ("ingest", lambda: ingest(round_)),
                      ("ingest+analyze", lambda: ingest(round_, analyze=True)))
            for name, run in passes:
                elapsed = timed(run, CLOCKS[args.clock])
                seconds[name] = min(elapsed, seconds.get(name, elapsed))

    if report is not None and report.added != n:
        print(f"warning: ingest added {report.added} of {n} documents", file=sys.stderr)
    base = n / seconds["bare parse"]
    print("ingest = parse, extract and store in SQLite; ingest+analyze adds the cross-document analysis")
    print(f"{'pass':<15} {'seconds':>8} {'docs/s':>8} {'chars/s':>10} {'ratio':>6}  target")
    ok = True
    for name, secs in seconds.items():
        rate = n / secs
        key = name if name in TARGETS else None
        ratio = rate / base
        target = f">= {TARGETS[key]:.1f} {'ok' if ratio >= TARGETS[key] else 'BELOW'}" if key else ""
        ok = ok and (key is None or ratio >= TARGETS[key])
        print(f"{name:<15} {secs:8.2f} {rate:8.1f} {chars / secs:10,.0f} {ratio:6.2f}  {target}")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
