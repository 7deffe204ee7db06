"""Backends and engines, measured in one run: PostgreSQL vs SQLite ingest, Ray with 1 vs 2 workers.

1. Storage: the same N documents, extracted once, stored with ``Ledger.add`` (one transaction per
   batch, full-text index included) into a fresh SQLite file and into a fresh PostgreSQL database
   (a throwaway cluster started here with initdb + pg_ctl, default durability settings); then
   the whole ``Ledger.ingest`` (parse + extract + store) into each. Prints documents/s and the
   PostgreSQL/SQLite ratios.
2. Ray: ``RayExtractor`` on a local Ray instance with 1 and then 2 workers over the same N
   documents (actors started and the model loaded before the clock starts), next to the local
   engine in one process. Prints documents/s and the 2-worker/1-worker ratio.

What to expect on N nodes: each Ray worker is one CPU parsing on its own, so throughput grows
with the number of workers (about linearly, as the 1 -> 2 ratio here shows, when each worker has
a free core) until the driver, which reads, hashes and commits every batch to the one database,
becomes the limit. The "store only" figures are that limit: with the numbers measured here one
driver can store roughly (store-only docs/s) / (per-worker docs/s) workers' worth of output; past
that, run several ingests (each over its own part of the input) into the same PostgreSQL ledger,
whose writers queue on one lock per commit.

Usage: .venv/bin/python benchmarks/engines.py [--n 120] [--batch-size 16] [--skip-ray] [--skip-postgres]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too
sys.path.insert(0, str(ROOT / "tests"))  # the throwaway PostgreSQL cluster helper

from claimledger.errors import InputError  # noqa: E402
from claimledger.ingest import read_paths  # noqa: E402
from claimledger import Ledger  # noqa: E402
from claimledger.ingest.bundled import bundled_corpus  # noqa: E402
from claimledger.nlp import DEFAULT_MODEL, load_nlp  # noqa: E402
from claimledger.pipeline import extract_documents  # noqa: E402

WIKINEWS = bundled_corpus() / "wikinews" / "wikinews-2019-2020.jsonl"
MAX_CHARS = 12_000  # leave out the few very long articles, so the runs time typical news


def documents(n: int):
    found = (d for d in read_paths([WIKINEWS]) if not isinstance(d, InputError) and len(d.text) <= MAX_CHARS)
    docs = list(islice(found, n))
    if len(docs) < n:
        print(f"note: only {len(docs)} documents available", file=sys.stderr)
    return docs


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.1f} docs/s ({seconds:6.1f} s)"


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def store_only(url, pairs, batch_size: int) -> float:
    with Ledger(url) as ledger:
        def run():
            for i in range(0, len(pairs), batch_size):
                ledger.add(pairs[i:i + batch_size])
        return timed(run)


def full_ingest(url, docs, batch_size: int, **options) -> float:
    with Ledger(url) as ledger:
        return timed(lambda: ledger.ingest(docs, batch_size=batch_size, analyze=False, **options))


def storage(docs, pairs, batch_size: int, tmp: Path) -> None:
    from _postgres import Cluster, Unavailable

    n = len(docs)
    print(f"\n== storage: {n} documents, batches of {batch_size} ==")
    try:
        cluster = Cluster(fast=False)
    except Unavailable as why:
        print(f"PostgreSQL skipped: {why}")
        cluster = None
    try:
        sqlite_store = store_only(tmp / "store.db", pairs, batch_size)
        print(f"store only   SQLite      {rate(n, sqlite_store)}")
        if cluster:
            pg_store = store_only(cluster.create_database("store"), pairs, batch_size)
            print(f"store only   PostgreSQL  {rate(n, pg_store)}   PostgreSQL/SQLite speed {sqlite_store / pg_store:.2f}")
        sqlite_full = full_ingest(tmp / "ingest.db", docs, batch_size)
        print(f"full ingest  SQLite      {rate(n, sqlite_full)}")
        if cluster:
            pg_full = full_ingest(cluster.create_database("ingest"), docs, batch_size)
            print(f"full ingest  PostgreSQL  {rate(n, pg_full)}   PostgreSQL/SQLite speed {sqlite_full / pg_full:.2f}")
            search_timing(tmp / "ingest.db", cluster.create_database("search"), pairs)
    finally:
        if cluster:
            cluster.stop()


def search_timing(sqlite_path, pg_url, pairs) -> None:
    with Ledger(pg_url) as ledger:
        ledger.add(pairs)
        queries = ["police", '"prime minister"', "kill*", "government said", "election"]
        pg = timed(lambda: [ledger.search(q) for q in queries * 10])
    with Ledger(sqlite_path) as ledger:
        lite = timed(lambda: [ledger.search(q) for q in queries * 10])
    print(f"search       SQLite {lite * 1000 / 50:6.1f} ms/query, PostgreSQL {pg * 1000 / 50:6.1f} ms/query")


def ray_engines(docs, batch_size: int) -> None:
    try:
        import ray
    except ImportError:
        print("\nRay skipped: not installed (pip install 'claimledger[ray]')")
        return
    from claimledger.engines import RayExtractor

    n = len(docs)
    print(f"\n== engines: {n} documents, batches of {batch_size}, {os.cpu_count()} CPUs ==")
    load_nlp(DEFAULT_MODEL)
    local = timed(lambda: list(extract_documents(docs, processes=1, batch_size=batch_size)))
    print(f"local engine, 1 process   {rate(n, local)}")
    ray.init(num_cpus=max(2, os.cpu_count() or 1), include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        results = {}
        for workers in (1, 2):
            with RayExtractor(workers=workers) as extractor:
                list(extractor(docs[:workers * 2], batch_size=1))  # start the actors, load the model, warm up
                results[workers] = timed(lambda: list(extractor(docs, batch_size=batch_size)))
            print(f"Ray, {workers} worker{'s' if workers > 1 else ' '}            {rate(n, results[workers])}")
        print(f"Ray 2 workers / 1 worker throughput: {results[1] / results[2]:.2f}x; "
              f"Ray 1 worker / local engine: {local / results[1]:.2f}x")
    finally:
        ray.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()

    docs = documents(args.n)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} Wikinews documents, {chars:,} characters; model {DEFAULT_MODEL}")
    if not args.skip_ray:
        ray_engines(docs, args.batch_size)
    if not args.skip_postgres:
        pairs = list(extract_documents(docs, batch_size=args.batch_size))
        with tempfile.TemporaryDirectory() as tmp:
            storage(docs, pairs, args.batch_size, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
