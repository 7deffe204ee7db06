"""Real documents for the crash and concurrency tests, and the child process that ingests them.

Plain module: the child processes run ``python _docs.py DB DOCS.jsonl BATCH`` (or the CLI) on the
same documents the test compares against.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if __name__ == "__main__":  # the child: tests/ on the path for _bundled, as under pytest
    sys.path.insert(0, str(ROOT / "tests"))

from _bundled import WIKINEWS, jsonl_rows  # noqa: E402 - after the child's path set-up

FIELDS = ("id", "title", "text", "url", "outlet", "published")


def rows(count: int, *, skip: int = 0) -> list[dict]:
    """The ``count`` shortest Wikinews articles after the first ``skip`` (short: the tests parse them many times)."""
    every = jsonl_rows(WIKINEWS)
    every.sort(key=lambda row: (len(row["text"]), row["id"]))
    return [{k: row.get(k) for k in FIELDS} for row in every[skip:skip + count]]


def with_repeats(base: list[dict]) -> list[dict]:
    """Base rows plus a repeated text (unchanged) and a new text under a known URL (a revision):
    the bookkeeping an interrupted run must not get wrong."""
    revised = dict(base[1], text=base[1]["text"] + "\n\nUpdate: police said 14 people were detained on Sunday.")
    return [*base[:5], dict(base[0]), *base[5:], revised]


def write_jsonl(items: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for row in items:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def documents(path: Path):
    """The rows as Documents, exactly as the child builds them."""
    from claimledger.records import Document

    items = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        items.append(Document(source="reliability", **{k: row.get(k) for k in FIELDS}))
    return items


def as_rows(docs) -> list[dict]:
    return [{k: v for k, v in dataclasses.asdict(d).items() if k in FIELDS} for d in docs]


def main(db: str, docs: str, batch: str) -> None:
    """The child: ingest the documents into the ledger, batch by batch (killed at a random point)."""
    from claimledger import Ledger

    with Ledger(db) as ledger:
        ledger.ingest(documents(Path(docs)), batch_size=int(batch))


if __name__ == "__main__":
    main(*sys.argv[1:4])
