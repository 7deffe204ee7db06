"""Score extraction output against the gold annotations, layer by layer.

The matching rules are those of the annotation guide (docs/annotation-guide.md) and give the
same numbers as the reference scorer the gold was written for:

- a gold item and a prediction pair up only when a layer's rule accepts them and their spans
  overlap; pairs are taken greedily, largest overlap first, each item used at most once;
- quotes and reported statements need an overlap of at least half the longer span;
  figures need any overlap and equal ``low``/``high`` values;
- names match when the prediction equals a gold alias or contains one as a run of whole
  words, ignoring case, punctuation and leading articles; gold ``[]`` (unnamed) accepts only
  an empty prediction or "unknown", gold ``["*"]`` (a bare pronoun) accepts any name;
- a gold file may list ``ignore`` spans (PolNeAR's beliefs and intentions): a predicted quote
  or attribution lying at least half inside one is dropped, neither a hit nor a false alarm;
- predicted indirect quotes and attributions are both "reported"; predicted figures flagged
  ``vague`` are not scored; a document with gold but no prediction counts as all missed,
  and a prediction for a document without gold is not scored.

Precision, recall and F1 are micro-averaged over documents. The headline is the mean F1 of
``direct+speaker``, ``reported+source`` and ``figures+claimant``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .extract.lexicon import PRONOUN_NAMES
from .evaluate_files import NAME_FIELDS, load_gold, load_predictions, record_problem  # noqa: F401  load_predictions: public
from .records import Record

LAYERS = (
    "direct",
    "direct+speaker",
    "reported",
    "reported+source",
    "figures",
    "figures+category",
    "figures+claimant",
)
HEADLINE_LAYERS = ("direct+speaker", "reported+source", "figures+claimant")
ARTICLES = frozenset({"the", "a", "an"})
UNNAMED = ("unknown",)

Item = Mapping[str, Any]
Rule = Callable[[Item, Item], bool]


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayerScore:
    """Counts for one layer, so precision, recall and F1 are derived rather than stored."""

    tp: int
    n_gold: int
    n_pred: int

    @property
    def precision(self) -> float:
        """Share of predictions that matched gold; 0 when nothing was predicted."""
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items that were found; 0 when there is no gold."""
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, the number layers are compared by."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: LayerScore) -> LayerScore:
        """Sum counts, which is what micro-averaging over documents means."""
        return LayerScore(self.tp + other.tp, self.n_gold + other.n_gold, self.n_pred + other.n_pred)

    def to_dict(self) -> dict[str, float | int]:
        """Plain numbers for JSON output."""
        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "tp": self.tp, "n_gold": self.n_gold, "n_pred": self.n_pred,
        }


@dataclass(frozen=True)
class Unmatched:
    """A gold item nobody found (miss) or a prediction that matched no gold (false alarm)."""

    layer: str
    document: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Plain fields for JSON output."""
        return {"layer": self.layer, "document": self.document,
                "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class NameError_:
    """A quote, statement or figure found at the right place but credited to the wrong name."""

    layer: str
    document: str
    kind: str  # one of NAME_ERROR_KINDS
    text: str
    gold: tuple[str, ...]
    predicted: str

    def to_dict(self) -> dict[str, Any]:
        """Plain fields for JSON output."""
        return {"layer": self.layer, "document": self.document, "kind": self.kind, "text": self.text,
                "gold": list(self.gold), "predicted": self.predicted}


@dataclass(frozen=True)
class Evaluation:
    """Everything one scoring run found, so faces can render it without recomputing."""

    documents: int
    layers: dict[str, LayerScore]
    headline: float
    misses: tuple[Unmatched, ...] = ()
    false_alarms: tuple[Unmatched, ...] = ()
    missing_documents: tuple[str, ...] = ()  # gold documents with no prediction: all missed
    extra_documents: tuple[str, ...] = ()  # predictions with no gold: not scored
    name_errors: tuple[NameError_, ...] = ()  # right span, wrong speaker / source / claimant

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; keys ``documents``/``layers``/``headline_f1`` as the reference scorer."""
        return {
            "documents": self.documents,
            "layers": {name: score.to_dict() for name, score in self.layers.items()},
            "headline_f1": self.headline,
            "misses": [m.to_dict() for m in self.misses],
            "false_alarms": [f.to_dict() for f in self.false_alarms],
            "missing_documents": list(self.missing_documents),
            "extra_documents": list(self.extra_documents),
            "name_errors": [e.to_dict() for e in self.name_errors],
        }

    def to_json(self, indent: int | None = None) -> str:
        """One JSON document, for ``--json`` output and for machines."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def name_tokens(name: Any) -> list[str]:
    """Lower-cased words without punctuation or leading articles, so "The Pentagon" is "pentagon"."""
    words = re.sub(r"[^0-9a-z]+", " ", str(name or "").lower()).split()
    while words and words[0] in ARTICLES:
        words.pop(0)
    return words


def contains_run(words: list[str], run: list[str]) -> bool:
    """True when ``run`` occurs in ``words`` as consecutive whole words."""
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def name_matches(predicted: Any, aliases: list[str]) -> bool:
    """Accept a predicted name that is, or contains, a gold alias ("Pentagon spokesperson John Kirby")."""
    words = name_tokens(predicted)
    if aliases == ["*"]:
        return bool(words)
    if not aliases:
        return not words or tuple(words) == UNNAMED
    runs = (name_tokens(alias) for alias in aliases)
    return any(run and contains_run(words, run) for run in runs)


def overlap(a: Item, b: Item) -> float:
    """Shared characters as a share of the longer span, so a fragment cannot claim a long quote."""
    shared = min(a["end"], b["end"]) - max(a["start"], b["start"])
    longer = max(a["end"] - a["start"], b["end"] - b["start"])
    return max(0, shared) / max(1, longer)


def as_number(value: Any) -> float | None:
    """A figure value as a float, or None when it is missing or not a number."""
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return None


def same_value(gold: Item, pred: Item) -> bool:
    """Figures agree when both ends of the range are equal."""
    return (as_number(gold["low"]) == as_number(pred.get("low"))
            and as_number(gold["high"]) == as_number(pred.get("high")))


def half_overlap(gold: Item, pred: Item) -> bool:
    """Quotes and statements must share at least half of the longer span."""
    return overlap(gold, pred) >= 0.5


def speaker_ok(gold: Item, pred: Item) -> bool:
    """A direct quote found at the right place and credited to the right speaker."""
    return half_overlap(gold, pred) and name_matches(pred.get("speaker"), gold["speaker"])


def source_ok(gold: Item, pred: Item) -> bool:
    """A reported statement found at the right place and credited to the right source."""
    return half_overlap(gold, pred) and name_matches(pred.get("source"), gold["source"])


def category_ok(gold: Item, pred: Item) -> bool:
    """A figure with the right value and the right category."""
    return same_value(gold, pred) and gold["category"] == pred.get("category")


def claimant_ok(gold: Item, pred: Item) -> bool:
    """A figure with the right value credited to the right claimant."""
    return same_value(gold, pred) and name_matches(pred.get("claimant"), gold["claimant"])


def greedy_match(golds: list[Item], preds: list[Item], rule: Rule) -> tuple[set[int], set[int]]:
    """Pair gold and predictions one-to-one, largest overlap first; return the used indices."""
    pairs = greedy_pairs(golds, preds, rule)
    return {gi for gi, _ in pairs}, {pi for _, pi in pairs}


def greedy_pairs(golds: list[Item], preds: list[Item], rule: Rule) -> list[tuple[int, int]]:
    """Pair gold and predictions one-to-one, largest overlap first; return (gold, prediction) indices.

    Ties go to the later gold item, then the later prediction, as in the reference scorer,
    because greedy matching is order-sensitive and the numbers must agree exactly.
    """
    candidates = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if rule(g, p)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for shared, gi, pi in candidates:
        if shared > 0 and gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


# --- name errors ---------------------------------------------------------------------------

NAME_LAYERS = {"direct+speaker": ("direct_quotes", half_overlap), "reported+source": ("reported", half_overlap),
               "figures+claimant": ("figures", same_value)}
NAME_ERROR_KINDS = ("wrong person", "none", "unresolved pronoun", "description instead of name",
                    "named, gold unnamed")


def name_error_kind(predicted: Any, aliases: list[str]) -> str:
    """Why a predicted name missed the gold: the bucket the error summary counts it in."""
    words = name_tokens(predicted)
    if not aliases:
        return "named, gold unnamed"
    if not words or tuple(words) == UNNAMED:
        return "none"
    if all(word in PRONOUN_NAMES for word in words):
        return "unresolved pronoun"
    first = str(predicted).strip().split()[0]
    if first[:1].islower() or first.lower() in ARTICLES:
        return "description instead of name"
    return "wrong person"


def name_errors(gold: Mapping[str, Any], predicted: dict[str, list[Item]], text: str) -> list[NameError_]:
    """Items whose span (or value) matched but whose speaker, source or claimant did not."""
    out = []
    for layer, (section, rule) in NAME_LAYERS.items():
        golds, preds, field = gold[section], predicted[section], NAME_FIELDS[section]
        for gi, pi in greedy_pairs(golds, preds, rule):
            aliases, name = golds[gi][field], preds[pi].get(field)
            if not name_matches(name, aliases):
                out.append(NameError_(layer, gold["document"], name_error_kind(name, aliases),
                                      item_text(golds[gi], text), tuple(aliases), str(name or "")))
    return out


# --- scoring -------------------------------------------------------------------------------


def ignored(item: Item, spans: list[Item]) -> bool:
    """True when a prediction lies at least half inside one of the gold's ignore spans."""
    inside = max((min(item["end"], s["end"]) - max(item["start"], s["start"]) for s in spans), default=0)
    return inside * 2 >= max(1, item["end"] - item["start"])


def scored_items(record: Mapping[str, Any], ignore: list[Item] | None = None) -> dict[str, list[Item]]:
    """Split a prediction into the three kinds of item the gold has, minus ignored quotes."""
    spans = ignore or []
    quotes = [q for q in record.get("quotes") or [] if not ignored(q, spans)]
    direct = [q for q in quotes if q.get("kind") == "direct"]
    reported = [dict(q, source=q.get("speaker")) for q in quotes if q.get("kind") != "direct"]
    reported += [a for a in record.get("attributions") or [] if not ignored(a, spans)]
    figures = [f for f in record.get("figures") or [] if not f.get("vague")]
    return {"direct_quotes": direct, "reported": reported, "figures": figures}


LAYER_RULES: dict[str, tuple[str, Rule]] = {
    "direct": ("direct_quotes", half_overlap),
    "direct+speaker": ("direct_quotes", speaker_ok),
    "reported": ("reported", half_overlap),
    "reported+source": ("reported", source_ok),
    "figures": ("figures", same_value),
    "figures+category": ("figures", category_ok),
    "figures+claimant": ("figures", claimant_ok),
}


def item_text(item: Item, document_text: str) -> str:
    """An item's own text, or the span it points at when it carries none."""
    text = item.get("text")
    if isinstance(text, str):
        return text
    start, end = int(item["start"]), int(item["end"])
    return document_text[start:end]


def score_document(gold: Mapping[str, Any], record: Mapping[str, Any]) -> tuple[
        dict[str, LayerScore], list[Unmatched], list[Unmatched], list[NameError_]]:
    """Score one document on every layer and keep what went unmatched."""
    document = gold["document"]
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    predicted = scored_items(record, gold.get("ignore"))
    scores, misses, false_alarms = {}, [], []
    for layer, (section, rule) in LAYER_RULES.items():
        golds, preds = gold[section], predicted[section]
        used_gold, used_pred = greedy_match(golds, preds, rule)
        scores[layer] = LayerScore(len(used_gold), len(golds), len(preds))
        misses += [Unmatched(layer, document, g["start"], g["end"], item_text(g, text))
                   for i, g in enumerate(golds) if i not in used_gold]
        false_alarms += [Unmatched(layer, document, p["start"], p["end"], item_text(p, text))
                         for i, p in enumerate(preds) if i not in used_pred]
    return scores, misses, false_alarms, name_errors(gold, predicted, text)


def index_predictions(predictions: Iterable[Mapping[str, Any] | Record]) -> dict[str, Mapping[str, Any]]:
    """Key predictions by document id (a later record for the same id replaces an earlier one)."""
    indexed = {}
    for number, record in enumerate(predictions, start=1):
        if isinstance(record, Record):  # the pipeline's own output scores without a JSON round trip
            record = record.to_dict()
        problem = record_problem(dict(record) if isinstance(record, Mapping) else record)
        if problem:
            raise InputError("predictions", f"record {number}: {problem}")
        indexed[str(record["id"])] = record
    return indexed


def evaluate(predictions: Iterable[Mapping[str, Any] | Record], gold_dir: str | Path) -> Evaluation:
    """Score prediction records (``load_predictions`` output or ``Record``s) against a gold directory."""
    golds = load_gold(gold_dir)
    indexed = index_predictions(predictions)
    totals = {layer: LayerScore(0, 0, 0) for layer in LAYERS}
    misses: list[Unmatched] = []
    false_alarms: list[Unmatched] = []
    wrong_names: list[NameError_] = []
    for gold in golds:
        scores, missed, extra, wrong = score_document(gold, indexed.get(gold["document"], {}))
        wrong_names += wrong
        totals = {layer: totals[layer] + scores[layer] for layer in LAYERS}
        misses += missed
        false_alarms += extra
    gold_ids = {gold["document"] for gold in golds}
    headline = sum(totals[layer].f1 for layer in HEADLINE_LAYERS) / len(HEADLINE_LAYERS)
    return Evaluation(
        documents=len(golds),
        layers=totals,
        headline=headline,
        misses=tuple(by_layer(misses)),
        false_alarms=tuple(by_layer(false_alarms)),
        missing_documents=tuple(g["document"] for g in golds if g["document"] not in indexed),
        extra_documents=tuple(sorted(set(indexed) - gold_ids)),
        name_errors=tuple(wrong_names),
    )


def by_layer(items: list[Unmatched]) -> list[Unmatched]:
    """Group unmatched items layer by layer, keeping document order within a layer."""
    return sorted(items, key=lambda item: LAYERS.index(item.layer))
