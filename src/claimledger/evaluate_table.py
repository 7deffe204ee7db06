"""``claimledger evaluate``'s table: per-layer precision, recall and F1, and with ``verbose``
the speaker-error summary (biggest bucket first) and every miss and false alarm."""

from __future__ import annotations

from .evaluate import HEADLINE_LAYERS, NAME_ERROR_KINDS, NAME_LAYERS, Evaluation


def format_table(evaluation: Evaluation, verbose: bool = False) -> str:
    """Per-layer P/R/F1 as text; ``verbose`` adds every miss and false alarm per layer."""
    lines = [f"{'layer':<18} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'gold':>5} {'pred':>5}"]
    for layer, s in evaluation.layers.items():
        lines.append(f"{layer:<18} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
                     f" {s.tp:5d} {s.n_gold:5d} {s.n_pred:5d}")
    lines.append(f"headline F1 over {evaluation.documents} documents: {evaluation.headline:.3f}"
                 f" (mean F1 of {', '.join(HEADLINE_LAYERS)})")
    if evaluation.missing_documents:
        lines.append(f"no prediction for {len(evaluation.missing_documents)} gold document(s): "
                     + ", ".join(evaluation.missing_documents))
    if evaluation.extra_documents:
        lines.append(f"not scored, no gold for {len(evaluation.extra_documents)} predicted document(s): "
                     + ", ".join(evaluation.extra_documents))
    if verbose:
        lines += name_error_lines(evaluation) + unmatched_lines(evaluation)
    return "\n".join(lines)


def unmatched_lines(evaluation: Evaluation) -> list[str]:
    """One section per layer listing misses, then false alarms, with document id and text."""
    lines = []
    for layer in evaluation.layers:
        missed = [m for m in evaluation.misses if m.layer == layer]
        alarms = [f for f in evaluation.false_alarms if f.layer == layer]
        lines += ["", f"{layer}: {len(missed)} missed, {len(alarms)} false alarm(s)"]
        lines += [f"  missed       {m.document} [{m.start}:{m.end}] {m.text!r}" for m in missed]
        lines += [f"  false alarm  {f.document} [{f.start}:{f.end}] {f.text!r}" for f in alarms]
    return lines


def name_error_lines(evaluation: Evaluation) -> list[str]:
    """Counts of wrong names by kind and layer (the biggest bucket first), then each error."""
    lines = ["", "speaker errors (span found, name wrong):"]
    for layer in NAME_LAYERS:
        errors = [e for e in evaluation.name_errors if e.layer == layer]
        counts = {kind: sum(e.kind == kind for e in errors) for kind in NAME_ERROR_KINDS}
        ranked = sorted((kind for kind in NAME_ERROR_KINDS if counts[kind]), key=lambda kind: -counts[kind])
        summary = ", ".join(f"{kind} {counts[kind]}" for kind in ranked) or "none"
        lines.append(f"  {layer:<17} {len(errors):3d}: {summary}")
    for error in evaluation.name_errors:
        lines.append(f"  {error.kind:<28} {error.layer:<16} {error.document} {short_text(error.text)!r}"
                     f" -> {error.predicted!r} (gold {list(error.gold)})")
    return lines


def short_text(text: str, width: int = 70) -> str:
    """One-line text cut to ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
