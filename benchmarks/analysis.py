"""Cost of the cross-document analysis, in two measurements.

1. Analysis versus extraction on the bundled corpus: the same documents are extracted (parse +
   claimledger components, the expensive part of ingest) and then analysed from scratch
   (``Ledger.analyze(full=True)``: entities, near duplicates, figure groups, contest, grades).
   Prints both times and their ratio; the target is analysis < extraction (ratio < 1).
2. ``contested`` on a ledger of 1M synthetic figures (groups, estimates and analysis rows written
   straight into SQLite by this script; most groups of 1-6 figures, one in 100 a running story of
   50-400): prints the median time of ``Ledger.contested()`` (the first page, as the CLI asks for it)
   with a category filter and with ``--all``; the target is < 100 ms.

Usage: .venv/bin/python benchmarks/analysis.py [--n DOCS] [--figures 1000000] [--skip-corpus]
       [--skip-contested] [--check]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from claimledger.errors import InputError  # noqa: E402
from claimledger.ingest import read_paths  # noqa: E402
from claimledger import Ledger  # noqa: E402
from claimledger.analyze import contest  # noqa: E402
from claimledger.ingest.bundled import bundled_corpus  # noqa: E402
from claimledger.nlp import DEFAULT_MODEL, load_nlp  # noqa: E402
from claimledger.pipeline import extract_documents  # noqa: E402

CORPUS = bundled_corpus()
CONTESTED_TARGET_MS = 100.0
CATEGORIES = ("deaths", "casualties", "injuries", "troops", "people", "detained", "money", "events")


def corpus_vs_extraction(n: int | None, model: str) -> tuple[float, float, int]:
    """(extraction seconds, analysis seconds, documents) on the bundled corpus."""
    documents = [d for d in read_paths([CORPUS]) if not isinstance(d, InputError)]
    documents = list(islice(documents, n)) if n else documents
    nlp = load_nlp(model)
    for _ in nlp.pipe([d.text for d in documents[:8]]):  # warm up: model, vectors, caches
        pass
    start = time.perf_counter()
    pairs = list(extract_documents(documents, model=model, batch_size=32))
    extraction = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        with Ledger(Path(tmp) / "bench.db", model=model) as ledger:
            ledger.add(pairs)
            ledger.analyze(full=True)  # warm up: imports (datasketch, numpy), caches
            start = time.perf_counter()
            report = ledger.analyze(full=True)
            analysis = time.perf_counter() - start
    print(f"analysis report: {report.documents} documents, {report.groups} groups ({report.contested} contested), "
          f"{report.entities} entities")
    return extraction, analysis, len(documents)


def group_size(rng: random.Random) -> int:
    """Figures of one synthetic group: mostly 1-6; one group in 100 a running story restated by many
    reports (50-400 figures), as the biggest groups of a 100,000-document ledger are."""
    return rng.randint(50, 400) if rng.random() < 0.01 else rng.choice((1, 1, 2, 2, 3, 4, 6))


def synthetic_ledger(path: Path, figures: int, seed: int = 7) -> tuple[int, int]:
    """A ledger of ``figures`` synthetic figures in groups (``group_size``; about a fifth contested, a
    few claimants each restating their values); returns (groups, contested groups). Rows go straight
    into SQLite: this measures reading, not writing. Each group's listed figures are ranked by the
    analysis's own rule (``contest.listed_ranks``)."""
    Ledger(path).close()  # the schema, through the migrations
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).isoformat(sep=" ")
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA journal_mode = MEMORY")
    per_document = 20
    documents = figures // per_document + 1
    db.execute("INSERT INTO outlets (id, name) VALUES (1, 'Synthetic Wire')")
    db.executemany(
        "INSERT INTO documents (id, key, identity, revision, is_current, content_hash, url, title, outlet_id, "
        "published, source, text, ingested_at) VALUES (?, ?, ?, 1, 1, ?, ?, ?, 1, ?, 'synthetic', ?, ?)",
        ((i, f"doc-{i}", f"doc-{i}", f"{i:064x}", f"https://example.org/{i}", f"Report {i}",
          f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", f"Synthetic report {i}.", now) for i in range(1, documents + 1)),
    )
    figure_rows, analysis_rows, group_rows, estimate_rows = [], [], [], []
    contested_groups = 0
    fid = 0
    while fid < figures:
        size = min(group_size(rng), figures - fid)
        category = rng.choice(CATEGORIES)
        base = rng.randint(2, 50_000)
        contested = size > 1 and rng.random() < 0.2
        contested_groups += contested
        gid = fid + 1
        claimants = [f"claimant {rng.randint(1, 5000)}" for _ in range(min(size, rng.randint(1, 4)))]
        claims, members = [], []
        for k in range(size):
            fid += 1
            value = float(base * (rng.choice((0.2, 3.0)) if contested and k else 1))
            document = 1 + (fid - 1) // per_document
            claimant = claimants[k % len(claimants)]
            claims.append(contest.Claim(fid, category, value, value, None, claimant, order=(document, fid)))
            figure_rows.append((fid, document, 0, 10, f"{int(value)} {category}", value, value, None, category,
                                category, claimant, "asserts", 0))
            members.append((fid, document))
        values = [c.low for c in claims]
        verdict = contest.GroupVerdict(category, contested, min(values), min(values), max(values))
        ranks = contest.listed_ranks(claims, verdict)
        analysis_rows += [(f, document, gid, category, category, "outlet:synthetic wire", "{}", 1, 0, int(contested),
                           4 if contested else 3, document, "2024-01-01", ranks.get(f)) for f, document in members]
        group_rows.append((gid, category, category, None, None, int(contested), min(values), min(values), max(values),
                           size, len(claimants), len({d for _f, d in members}), "2024-01-01", "2024-01-01", 0))
        estimate_rows.append((gid, category, int(contested), min(values), min(values), max(values), size))
    db.executemany(
        'INSERT INTO figures (id, document_id, start, "end", text, low, high, qualifier, unit, category, claimant, '
        "stance, vague) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", figure_rows)
    db.executemany(
        "INSERT INTO figure_analysis (figure_id, document_id, group_id, family, measure, source, features, outlets, "
        "agree, disagree, credibility, first_document_id, first_seen, listed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", analysis_rows)
    db.executemany(
        "INSERT INTO figure_groups (id, category, subject, period, place, contested, low, best, high, figures, "
        "claimants, documents, first_seen, last_seen, edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        group_rows)
    db.executemany(
        "INSERT INTO group_estimates (group_id, category, contested, low, best, high, figures) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", estimate_rows)
    db.commit()
    db.execute("ANALYZE")
    db.close()
    return len(group_rows), contested_groups


def time_contested(path: Path, runs: int = 7) -> dict[str, float]:
    """Median milliseconds of Ledger.contested() (first page) with and without a category filter."""
    timings: dict[str, list[float]] = {"contested": [], "contested --category deaths": [], "contested --all": []}
    with Ledger(path) as ledger:
        ledger.contested()  # warm up: connection, statement cache, pages
        for _ in range(runs):
            for name, kwargs in (("contested", {}), ("contested --category deaths", {"category": "deaths"}),
                                 ("contested --all", {"include_all": True})):
                start = time.perf_counter()
                groups = ledger.contested(**kwargs)
                timings[name].append((time.perf_counter() - start) * 1000)
                assert groups, name
    print(f"  first page: {len(groups)} groups of {sum(g['figure_count'] for g in groups):,} figures, "
          f"{sum(len(g['figures']) for g in groups):,} of them listed")
    return {name: statistics.median(values) for name, values in timings.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=None, help="corpus documents to use (default: all)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model (default {DEFAULT_MODEL})")
    parser.add_argument("--figures", type=int, default=1_000_000, help="synthetic figures (default 1,000,000)")
    parser.add_argument("--skip-corpus", action="store_true", help="skip the corpus measurement")
    parser.add_argument("--skip-contested", action="store_true", help="skip the synthetic-ledger measurement")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    ok = True
    if not args.skip_corpus:
        extraction, analysis, n = corpus_vs_extraction(args.n, args.model)
        ratio = analysis / extraction
        ok = ok and ratio < 1
        print(f"bundled corpus, {n} documents:")
        print(f"  extraction {extraction:8.2f} s")
        print(f"  analysis   {analysis:8.2f} s")
        print(f"  ratio analysis/extraction {ratio:.3f}  (target < 1: {'ok' if ratio < 1 else 'MISSED'})")
    if not args.skip_contested:
        with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
            path = Path(tmp) / "synthetic.db"
            start = time.perf_counter()
            groups, contested = synthetic_ledger(path, args.figures)
            print(f"synthetic ledger: {args.figures:,} figures, {groups:,} groups ({contested:,} contested), "
                  f"built in {time.perf_counter() - start:.1f} s")
            for name, ms in time_contested(path).items():
                met = ms < CONTESTED_TARGET_MS
                ok = ok and met
                print(f"  {name:<30} {ms:7.1f} ms  (target < {CONTESTED_TARGET_MS:.0f} ms: {'ok' if met else 'MISSED'})")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
