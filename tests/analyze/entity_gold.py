"""Scorer for the entity gold (tests/data/entities/gold.json): clusters whole, look-alike pairs merged.

Library-independent on purpose: it reads plain data (entities as dicts with ``id`` and ``variants``,
each variant a ``name`` with the ``documents`` -- dicts with a ``key`` -- that use it), so it scores
any resolver's output and cannot be bent by the code it checks.

A gold variant (text, document) is *located* at the entities whose variants in that document name it:
the same folded name first; else a variant holding it (NER kept more, or the extractor merged
"Johnson" into "Boris Johnson" within the article); else a variant it holds (a title glued on:
"Minister Ellwood" -> "Ellwood"); else a variant of the same last word. At each step only the
closest names count (the fewest extra words, or the most words held). A cluster is *whole* when
every one of its (variant, document) pairs is located and all at one entity; a look-alike pair is
*merged* when an entity holds a variant of each side.

Run on a ledger:  PYTHONPATH=src python tests/analyze/entity_gold.py LEDGER.db [tune|check]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "data" / "entities" / "gold.json"


def load(path: Path = GOLD) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return tuple(re.findall(r"[a-z0-9&]+", text))


def _holds(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


class Locator:
    """Where each (variant, document) of the gold landed among the entities."""

    def __init__(self, entities: list[dict]):
        self.by_document: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for entity in entities:
            for variant in entity.get("variants", []):
                for document in variant["documents"]:
                    self.by_document[document["key"]].append((_words(variant["name"]), entity["id"]))

    def __call__(self, text: str, document: str) -> set[int]:
        wanted = _words(text)
        names = self.by_document.get(document, [])
        for test, best in ((lambda n: n == wanted, min), (lambda n: _holds(n, wanted), min),
                           (lambda n: _holds(wanted, n), max), (lambda n: bool(n) and n[-1] == wanted[-1], min)):
            found = [(len(name), entity) for name, entity in names if test(name)]
            if found:
                size = best(length for length, _ in found)  # the closest name: fewest extra words, most held
                return {entity for length, entity in found if length == size}
        return set()


@dataclass
class Score:
    clusters: int = 0
    whole: int = 0
    pairs: int = 0
    merged: int = 0
    broken: list[str] = field(default_factory=list)  # clusters not whole, with why
    merged_pairs: list[str] = field(default_factory=list)

    @property
    def share_whole(self) -> float:
        return self.whole / self.clusters if self.clusters else 0.0

    def __str__(self) -> str:
        return (f"clusters whole {self.whole}/{self.clusters} ({self.share_whole:.0%}); "
                f"look-alike pairs merged {self.merged}/{self.pairs}")


def score(gold: dict, entities: list[dict], split: str | None = None) -> Score:
    """Score entities against the gold (one split, or both when ``split`` is None)."""
    locate = Locator(entities)
    result = Score()
    for cluster in gold["clusters"]:
        if split and cluster["split"] != split:
            continue
        result.clusters += 1
        landed = {(v["text"], d): locate(v["text"], d) for v in cluster["variants"] for d in v["documents"]}
        ids = set().union(*landed.values())
        missing = [pair for pair, found in landed.items() if not found]
        if len(ids) == 1 and not missing:
            result.whole += 1
        else:
            result.broken.append(f"{cluster['id']} {cluster['name']}: {len(ids)} entities, missing {missing}")
    for pair in gold["apart"]:
        if split and pair["split"] != split:
            continue
        result.pairs += 1
        sides = [set().union(set(), *(locate(v["text"], d) for v in side["variants"] for d in v["documents"]))
                 for side in (pair["first"], pair["second"])]
        if sides[0] & sides[1]:
            result.merged += 1
            result.merged_pairs.append(f"{pair['id']} {pair['first']['name']} / {pair['second']['name']}")
    return result


if __name__ == "__main__":
    from claimledger.ledger import Ledger

    with Ledger(sys.argv[1]) as ledger:
        everything = ledger.merged_entities(limit=10**6)
    for part in ([sys.argv[2]] if len(sys.argv) > 2 else ["tune", "check", None]):
        found = score(load(), everything, part)
        print(part or "all", found)
        for line in found.broken + found.merged_pairs:
            print("   ", line)
