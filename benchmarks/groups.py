"""Figure groups against the hand-made group gold (tests/data/groups/groups.json, issue 12).

Ingests the whole bundled corpus into a fresh ledger (``--gold-only``: just the gold's documents; or
reuses ``--db``), because grouping weighs a context word by how many of the ledger's documents hold it: in
a ledger of only the gold's documents, adding 30 documents of tune gold moved the check split's pair
recall from 33/46 to 26/46 with no change of code (a word such as "star" left the rare words). The whole
corpus is the ledger the demo builds and a user meets. Maps each gold member to the stored figure (or
back-reference to a figure, "the 36") overlapping it most, and prints per split (tune, check) the pairwise recall of same-quantity pairs (over all gold pairs, and over the pairs whose two
members are figures: the gold marks back-references such as "the 36" ``"figure": false``) and the
share of look-alike pairs merged.

Usage: .venv/bin/python benchmarks/groups.py [--db PATH] [--gold-only] [--reanalyze] [--errors]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "analyze"))

from claimledger import Ledger  # noqa: E402
from claimledger.ingest.bundled import bundled_documents  # noqa: E402

from group_gold import gold_documents, grouped_spans, load_gold, score  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="ledger to use (ingested if it does not exist)")
    parser.add_argument("--reanalyze", action="store_true", help="run a full analysis first")
    parser.add_argument("--gold-only", action="store_true",
                        help="ingest only the gold's documents (faster; the rarity of words then rests on few documents)")
    parser.add_argument("--errors", action="store_true",
                        help="list the tune split's missed pairs and wrong merges (never the check split's: no rule "
                             "may be written against it)")
    args = parser.parse_args()
    gold = load_gold()
    keys = gold_documents(gold)
    path = args.db or Path(tempfile.mkdtemp()) / "groups.db"
    fresh = not path.exists()
    with Ledger(path) as ledger:
        started = time.perf_counter()
        if fresh:
            wanted = set(keys)
            chosen = [d for d in bundled_documents() if d.id in wanted or not args.gold_only]
            ledger.ingest(chosen, batch_size=8)
            print(f"ingested {len(chosen)} documents in {time.perf_counter() - started:.1f}s")
        elif args.reanalyze:
            ledger.analyze(full=True)
            print(f"re-analysed in {time.perf_counter() - started:.1f}s")
        figures_of = {key: grouped_spans(ledger.document(key)) for key in keys}
    for name, result in score(gold, figures_of).items():
        print(result.line(name))
        if args.errors and name == "tune":
            for line in result.missed:
                print("   missed", line)
            for line in result.wrongly_merged:
                print("   merged", line)


if __name__ == "__main__":
    main()
