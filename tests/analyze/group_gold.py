"""Scoring figure groups against the hand-made group gold (tests/data/groups/groups.json).

Library-independent: it takes the gold and, per document, the stored figures as plain dicts
(``start``, ``end``, ``group``), so the benchmark and the tests share one scorer. A gold member
maps to the stored figure whose span overlaps it most; a member no figure overlaps is *unmatched*
and its pairs count as missed (recall is of the gold, not of what the extractor found).

Some gold members are marked ``"figure": false``: back-references such as "the 36" or "all four",
which the annotation guide and the figure gold's negatives say a figure extractor must not produce.
The extractor keeps them as references to the figure they point back to (``records.Reference``), in
that figure's group. Pairs with such a member stay in the pair recall over all gold pairs; the
figure-pair recall counts only pairs whose two members are figures, i.e. what figure grouping can find.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "data" / "groups" / "groups.json"


def load_gold(path: Path = GOLD) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_documents(gold: dict) -> list[str]:
    """Every document key the gold names, sorted."""
    keys = {m["doc"] for g in gold["groups"] for m in g["members"]}
    keys |= {pair[side]["doc"] for pair in gold["lookalikes"] for side in ("a", "b")}
    return sorted(keys)


def grouped_spans(document: dict | None) -> list[dict]:
    """What a gold member can map to in one stored document (``Ledger.document``): its figures, and the
    phrases that point back to one ("the 36": ``references``), which carry that figure's group."""
    if document is None:
        return []
    return document["figures"] + document["references"]


def is_figure(member: dict) -> bool:
    """False only for a member the gold marks as no figure (``"figure": false``)."""
    return member.get("figure", True) is not False


def match(member: dict, figures: list[dict]) -> dict | None:
    """The stored figure overlapping the gold span most (None if none overlaps)."""
    best, best_overlap = None, 0
    for figure in figures:
        overlap = min(member["end"], figure["end"]) - max(member["start"], figure["start"])
        if overlap > best_overlap:
            best, best_overlap = figure, overlap
    return best


@dataclass
class Score:
    """Pair counts of one split."""

    pairs: int = 0
    together: int = 0
    unmatched: int = 0  # gold pairs with a member no stored figure overlaps
    figure_pairs: int = 0  # gold pairs whose two members are figures
    figure_together: int = 0
    figure_unmatched: int = 0
    lookalikes: int = 0
    merged: int = 0
    missed: list[str] = field(default_factory=list)
    wrongly_merged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.together / self.pairs if self.pairs else 0.0

    @property
    def figure_recall(self) -> float:
        return self.figure_together / self.figure_pairs if self.figure_pairs else 0.0

    @property
    def merge_rate(self) -> float:
        return self.merged / self.lookalikes if self.lookalikes else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: pair recall {self.recall:.3f} ({self.together}/{self.pairs}, {self.unmatched} unmatched), "
                f"figure-pair recall {self.figure_recall:.3f} "
                f"({self.figure_together}/{self.figure_pairs}, {self.figure_unmatched} unmatched), "
                f"look-alikes merged {self.merge_rate:.3f} ({self.merged}/{self.lookalikes})")


def _group(member: dict, figures_of: dict[str, list[dict]]) -> int | None:
    figure = match(member, figures_of.get(member["doc"], []))
    return None if figure is None else figure.get("group")


def _score_pair(s: Score, group_id: str, a: dict, b: dict, figures_of: dict[str, list[dict]]) -> None:
    """Counts one same-quantity gold pair, in the figure-pair counts too when both are figures."""
    figures = is_figure(a) and is_figure(b)
    s.pairs += 1
    s.figure_pairs += figures
    note = "" if figures else " (not figures)"
    ga, gb = _group(a, figures_of), _group(b, figures_of)
    if ga is None or gb is None:
        s.unmatched += 1
        s.figure_unmatched += figures
        s.missed.append(f"{group_id}: {a['text']!r} / {b['text']!r} (unmatched){note}")
    elif ga == gb:
        s.together += 1
        s.figure_together += figures
    else:
        s.missed.append(f"{group_id}: {a['text']!r} / {b['text']!r}{note}")


def score(gold: dict, figures_of: dict[str, list[dict]]) -> dict[str, Score]:
    """Scores per split ('tune', 'check'); ``figures_of`` maps a document key to its stored figures
    (and references: ``grouped_spans``)."""
    scores = {"tune": Score(), "check": Score()}
    for group in gold["groups"]:
        s = scores[group["split"]]
        for a, b in combinations(group["members"], 2):
            _score_pair(s, group["id"], a, b, figures_of)
    for pair in gold["lookalikes"]:
        s = scores[pair["split"]]
        s.lookalikes += 1
        ga, gb = _group(pair["a"], figures_of), _group(pair["b"], figures_of)
        if ga is not None and ga == gb:
            s.merged += 1
            s.wrongly_merged.append(f"{pair['id']}: {pair['a']['text']!r} / {pair['b']['text']!r}")
    return scores
