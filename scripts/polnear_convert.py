"""Convert a local copy of PolNeAR's train or dev split into gold files the scorer reads.

PolNeAR (github.com/networkdynamics/PolNeAR) is third-party news text: it is never stored in
this repository. Clone it yourself, then convert a split with the project's reference
converter (``shared/eval/polnear.py``, the conversion claimledger is measured with):

    python scripts/polnear_convert.py ~/PolNeAR/data/dev /tmp/polnear-dev \\
        [--converter ../shared/eval/polnear.py]

OUT_DIR gets ``<article>.gold.json`` and ``text/<article>.txt``; score it with
``benchmarks/polnear.py OUT_DIR``. The test split is reserved for measuring releases: this
script refuses it, so nobody reads, scores or tunes on it by accident.

A few train annotation files hold a span text broken over two lines, which the reference
converter cannot parse; they are repaired (continuation lines joined) in a temporary copy.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_CONVERTER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear.py"
ANNOTATION_LINE = re.compile(r"^[TEARN#]\d*\t")


def repaired(annotation: str) -> str:
    """Join lines that continue the previous annotation line (a span text holding a newline)."""
    lines: list[str] = []
    for line in annotation.split("\n"):
        if line and lines and not ANNOTATION_LINE.match(line):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split_dir", type=Path, help="PolNeAR data/train or data/dev (holds text/ and attributions/)")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--converter", type=Path, default=DEFAULT_CONVERTER, help="shared/eval/polnear.py")
    args = parser.parse_args(argv)
    if args.split_dir.name == "test" or "test" in args.split_dir.parts[-2:]:
        print("error: PolNeAR's test split is reserved for release measurements; convert train or dev", file=sys.stderr)
        return 2
    if not (args.split_dir / "attributions").is_dir() or not (args.split_dir / "text").is_dir():
        print(f"error: {args.split_dir} has no text/ and attributions/ folders", file=sys.stderr)
        return 2
    if not args.converter.is_file():
        print(f"error: reference converter not found: {args.converter}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / args.split_dir.name
        shutil.copytree(args.split_dir / "text", copy / "text")
        (copy / "attributions").mkdir()
        for path in sorted((args.split_dir / "attributions").glob("*.ann")):
            (copy / "attributions" / path.name).write_text(repaired(path.read_text(encoding="utf-8")), encoding="utf-8")
        return subprocess.run([sys.executable, str(args.converter), str(copy), str(args.out_dir)]).returncode


if __name__ == "__main__":
    sys.exit(main())
