"""How far the extractor is from a second careful annotator, on articles of the tune and check gold.

``tests/data/gold/agreement/<split>/`` holds a second, independent annotation of 20 articles of that
split's gold (drawn at random from its articles of 1,500 to 6,000 characters; see
``tests/data/gold/README.md``), made to the same guide and examples without seeing the first annotation
or the extractor's output. Scoring one annotation against the other, with the project's scorer, says how
consistently the guide can be applied: the ceiling a target such as issue 10's "reported + source >=
0.80" must sit under to be reachable. The extractor is scored against both annotations on the same
articles. Only whole-set scores are printed: the check split is never read item by item.

Usage: .venv/bin/python benchmarks/agreement.py [--split tune|check] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from claimledger.evaluate import HEADLINE_LAYERS, LAYERS, Evaluation, evaluate  # noqa: E402
from claimledger.pipeline import extract_documents  # noqa: E402
from claimledger.records import Document  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
SPLITS = ("tune", "check")


def first_name(aliases: list[str]) -> str | None:
    """The name a record would carry for a gold alias list: its first alias; none for an unnamed
    source ([]); for a bare pronoun (["*"], which any named prediction matches) a placeholder that
    matches only another bare pronoun."""
    if aliases == ["*"]:
        return "someone named"
    return aliases[0] if aliases else None


def as_record(gold: dict[str, Any]) -> dict[str, Any]:
    """One annotation read as a prediction record, so the scorer can compare two annotations."""
    return {
        "id": gold["document"],
        "quotes": [{"kind": "direct", "start": q["start"], "end": q["end"], "text": q["text"],
                    "speaker": first_name(q["speaker"])} for q in gold["direct_quotes"]],
        "attributions": [{"start": r["start"], "end": r["end"], "text": r["text"],
                          "source": first_name(r["source"]) or ""} for r in gold["reported"]],
        "figures": [{"start": f["start"], "end": f["end"], "text": f["text"], "low": f["low"], "high": f["high"],
                     "category": f["category"], "claimant": first_name(f.get("claimant") or [])}
                    for f in gold["figures"]],
    }


def texts(split: str, ids: set[str]) -> list[Document]:
    rows = [json.loads(line) for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [Document(id=row["id"], text=row["text"]) for row in rows if row["id"] in ids]


def comparisons(split: str) -> dict[str, Evaluation]:
    """The second annotation against the split's gold, and the extractor against each."""
    second = GOLD / "agreement" / split
    seconds = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(second.glob("*.gold.json"))]
    ids = {gold["document"] for gold in seconds}
    records = [record for _doc, record in extract_documents(texts(split, ids))]
    with tempfile.TemporaryDirectory() as folder:
        first = Path(folder)  # the split's gold of just these articles: the scorer reads a whole folder
        for path in second.glob("*.gold.json"):
            (first / path.name).write_text((GOLD / split / path.name).read_text(encoding="utf-8"), encoding="utf-8")
        return {
            f"second annotation vs {split} gold": evaluate([as_record(gold) for gold in seconds], first),
            f"extractor vs {split} gold": evaluate(records, first),
            "extractor vs second annotation": evaluate(records, second),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = comparisons(args.split)
    if args.json:
        print(json.dumps({name: json.loads(result.to_json()) for name, result in results.items()}, indent=2))
        return 0
    width = max(map(len, results))
    print(f"{'F1 on ' + str(next(iter(results.values())).documents) + ' articles':{width}s}  headline  "
          + "  ".join(f"{layer:>16s}" for layer in LAYERS))
    for name, result in results.items():
        print(f"{name:{width}s}  {result.headline:8.3f}  " + "  ".join(f"{result.layers[layer].f1:16.3f}" for layer in LAYERS))
    print("headline = mean of", ", ".join(HEADLINE_LAYERS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
