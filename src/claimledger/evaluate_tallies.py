"""Score tallies against casualty coders' counts: ISAF-coded releases and the project's news gold.

Two measures, both as the coders count:

- per document and category (deaths, detained, ...): does the sum of ``low`` over the
  tallies (security forces left out, as the ISAF coding leaves out Afghan and coalition
  forces) equal the coded number? This is the rule of ``../shared/eval/isaf_score.py``, kept
  here so the measure runs without the shared files;
- per tally: precision and recall of (category, victims' group, low) against hand-made tallies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

OWN_FORCES = "security forces"
CODED = {"deaths": "min_killed", "detained": "min_captured"}


@dataclass
class TallyScore:
    """Exact-match shares of coded counts, and tally-level precision and recall."""

    documents: int
    exact: dict[str, float]  # category -> share of documents whose count matches
    province: float | None = None  # share whose coded province is named in a tally's place
    precision: float | None = None
    recall: float | None = None


def counted(record: dict, category: str) -> float:
    """What a coder counts for one category: the tallies' low, security forces left out."""
    return sum(float(t.get("low") or 0) for t in record.get("tallies") or []
               if t.get("category") == category and t.get("group") != OWN_FORCES)


def score_coded(predictions: dict[str, dict], coded: Iterable[dict]) -> TallyScore:
    """Exact match of killed / captured and the province, against ISAF-style coded rows."""
    rows = list(coded)
    exact = {}
    for category, field in CODED.items():
        hits = sum(counted(predictions.get(row["id"], {}), category) == row[field] for row in rows)
        exact[category] = hits / len(rows) if rows else 0.0
    placed = [row for row in rows if row.get("province")]
    province = None
    if placed:
        hits = 0
        for row in placed:
            places = " ".join(str(t.get("place") or "") for t in predictions.get(row["id"], {}).get("tallies") or []).lower()
            hits += all(p.lower() in places for p in row["province"])
        province = hits / len(placed)
    return TallyScore(len(rows), exact, province)


def score_gold(predictions: dict[str, dict], gold: Iterable[dict]) -> TallyScore:
    """Tally precision/recall on (category, group, low) and per-category exact match."""
    docs = list(gold)
    true_pos = n_pred = n_gold = 0
    exact: dict[str, list[bool]] = {}
    for doc in docs:
        predicted = predictions.get(doc["document"], {})
        wanted = [(t["category"], t["group"], float(t["low"])) for t in doc.get("tallies") or []]
        found = [(t["category"], t["group"], float(t["low"])) for t in predicted.get("tallies") or []]
        n_gold, n_pred = n_gold + len(wanted), n_pred + len(found)
        remaining = list(found)
        for item in wanted:
            if item in remaining:
                remaining.remove(item)
                true_pos += 1
        for category in {t[0] for t in wanted + found}:
            gold_sum = sum(t[2] for t in wanted if t[0] == category and t[1] != OWN_FORCES)
            exact.setdefault(category, []).append(counted(predicted, category) == gold_sum)
    shares = {category: sum(hits) / len(hits) for category, hits in exact.items()}
    return TallyScore(len(docs), shares, None,
                      precision=true_pos / n_pred if n_pred else 1.0, recall=true_pos / n_gold if n_gold else 1.0)
