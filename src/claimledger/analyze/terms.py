"""Rarity weights of context words, and how much two contexts share: the wording evidence of figure groups.

Why a module of its own: the weights are idf over the ledger's documents, read and updated by the
grouping step chunk by chunk, while the rules that use them (``figures.link``, ``incidents.restated``)
only ask whether a word is rare and how much two passages share.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .text import BACKGROUND_WORDS

PRIOR_DOCUMENTS = 50  # smoothing of the rarity weights (see TermWeights)


class TermWeights:
    """Rarity weights of context words: idf over the ledger's documents, smoothed for small ledgers
    as if ``PRIOR_DOCUMENTS`` more documents without the word were there (so two articles sharing
    a word in a ledger of three still count it as rare)."""

    def __init__(self, document_counts: dict[str, int], documents: int):
        self.counts = document_counts
        self.documents = max(documents, 1)
        self._total = self.documents + PRIOR_DOCUMENTS + 1

    def weight(self, term: str) -> float:
        return math.log(self._total / (self.counts.get(term, 0) + 0.5))

    @property
    def scale(self) -> float:
        """The weight of a word found in one document only: weights divided by it count 'rare words'."""
        return math.log(self._total / 1.5)

    def distinctive(self, term: str) -> bool:
        """Rare enough to be evidence: not a word common in any news, and in at most 5% of the
        ledger's documents (or 3, in a small ledger)."""
        return term not in BACKGROUND_WORDS and self.counts.get(term, 0) <= max(3, 0.05 * self.documents)


def overlap(first: Iterable[str], second: Iterable[str], weights: TermWeights) -> tuple[float, float]:
    """How much two contexts share: (rare words in common, each weighted by its rarity relative to the
    rarest possible, so ~1 per word in a ledger of any size; and that weight as a share of the smaller
    context's distinctive words, 0..1)."""
    a = {t for t in first if weights.distinctive(t)}
    b = {t for t in second if weights.distinctive(t)}
    common = sum(map(weights.weight, a & b))
    if not common:
        return 0.0, 0.0
    total = min(sum(map(weights.weight, a)), sum(map(weights.weight, b)))
    return common / weights.scale, common / total
