"""Score claimledger on a converted PolNeAR split (train or dev; never test).

Convert a local copy first (``scripts/polnear_convert.py``), then:

    .venv/bin/python benchmarks/polnear.py /tmp/polnear-dev [--verbose] [--json]

Extracts every ``text/<article>.txt`` with the default pipeline and scores the records
against the split's gold files with ``claimledger.evaluate`` (which honours PolNeAR's
``ignore`` spans, as the reference scorer does). ``--verbose`` adds the speaker-error
summary and every miss and false alarm. PolNeAR has no figure annotations, so its figure
layers read 0; the layers that matter are direct+speaker and reported+source.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from claimledger.evaluate import evaluate  # noqa: E402
from claimledger.evaluate_table import format_table  # noqa: E402
from claimledger.nlp import DEFAULT_MODEL  # noqa: E402
from claimledger.pipeline import extract_documents  # noqa: E402
from claimledger.records import Document  # noqa: E402


def documents(split: Path) -> list[Document]:
    """The split's articles, named by file stem as the gold files name them."""
    return [Document(id=path.stem, text=path.read_text(encoding="utf-8"), source=str(path))
            for path in sorted((split / "text").glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="output folder of scripts/polnear_convert.py")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if "test" in args.split.name:
        print("error: PolNeAR's test split is not for development benchmarks", file=sys.stderr)
        return 2
    docs = documents(args.split)
    if not docs:
        print(f"error: no text/*.txt under {args.split}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    records = [record for _doc, record in extract_documents(docs, model=args.model)]
    elapsed = time.perf_counter() - started
    evaluation = evaluate(records, args.split)
    if args.json:
        print(evaluation.to_json(indent=2))
    else:
        print(format_table(evaluation, verbose=args.verbose))
        print(f"{len(docs)} documents extracted in {elapsed:.1f} s ({len(docs) / elapsed:.1f} docs/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
