"""Tallies against casualty coders: ISAF-coded releases and hand-made tallies of news articles.

1. ISAF: extracts every release of a coded JSONL file (``../shared/isaf/dev.jsonl`` by default;
   the same rule as ``../shared/eval/isaf_score.py``) and prints killed / captured exact match
   overall and on releases with deaths, the province named in a tally's place, and the
   releases the rules get wrong, by kind (over- or under-counted).
2. News: the project's tally gold (``tests/data/gold/*/`` files with a ``tallies`` list),
   tally precision/recall on (category, group, low) and per-category exact match.

Usage: .venv/bin/python benchmarks/tallies.py [--isaf PATH] [--gold DIR ...] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from claimledger.evaluate_tallies import counted, score_coded, score_gold  # noqa: E402
from claimledger.pipeline import extract_documents  # noqa: E402
from claimledger.records import Document  # noqa: E402


def read_jsonl(path: Path) -> list[dict]:
    """JSON lines split on '\\n' only (texts may hold U+2028)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def extract_all(rows: list[dict]) -> dict[str, dict]:
    """Records of every row, as the record format has them."""
    documents = [Document(id=str(r["id"]), text=r["text"], outlet=r.get("outlet"), published=r.get("published")) for r in rows]
    return {doc.id: record.to_dict() for doc, record in extract_documents(documents)}


def isaf(path: Path, errors: bool) -> None:
    rows = read_jsonl(path)
    predictions = extract_all(rows)
    overall = score_coded(predictions, rows)
    with_deaths = score_coded(predictions, [r for r in rows if r["min_killed"] > 0])
    print(f"ISAF {path.name}: {overall.documents} releases")
    print(f"  killed exact   {overall.exact['deaths']:.3f}  (releases with deaths: {with_deaths.exact['deaths']:.3f}, n={with_deaths.documents})")
    print(f"  captured exact {overall.exact['detained']:.3f}")
    print(f"  province named {overall.province:.3f}")
    shapes: Counter[str] = Counter()
    for row in rows:
        for category, field in (("deaths", "min_killed"), ("detained", "min_captured")):
            got = counted(predictions[str(row["id"])], category)
            if got != row[field]:
                shapes[f"{category} {'over' if got > row[field] else 'under'}-counted"] += 1
                if errors:
                    print(f"    {row['id']}: {category} coded {row[field]}, tallied {got:g}")
    print("  errors: " + ", ".join(f"{k} {v}" for k, v in shapes.most_common()))


def news(directories: list[Path]) -> None:
    for directory in directories:
        golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.gold.json"))]
        golds = [g for g in golds if "tallies" in g]
        texts = read_jsonl(directory.with_suffix(".jsonl"))
        wanted = {g["document"] for g in golds}
        predictions = extract_all([r for r in texts if str(r["id"]) in wanted])
        result = score_gold(predictions, golds)
        shares = ", ".join(f"{k} {v:.2f}" for k, v in sorted(result.exact.items()))
        print(f"news {directory.name}: {result.documents} documents, tallies P {result.precision:.2f} "
              f"R {result.recall:.2f}; exact by category: {shares or 'n/a'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--isaf", type=Path, default=ROOT.parent / "shared" / "isaf" / "dev.jsonl")
    data = ROOT / "tests" / "data"
    parser.add_argument("--gold", type=Path, nargs="*", default=[data / "gold" / "tune", data / "gold" / "check", data / "tallies" / "tune", data / "tallies" / "check"])
    parser.add_argument("--errors", action="store_true", help="list the releases counted wrong")
    args = parser.parse_args()
    if args.isaf.exists():
        isaf(args.isaf, args.errors)
    else:
        print(f"ISAF file not found: {args.isaf} (skipped)")
    news([d for d in args.gold if d.exists()])


if __name__ == "__main__":
    main()
