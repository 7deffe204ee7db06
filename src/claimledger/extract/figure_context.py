"""What around a figure says whose it is and when: the claim holding it (claimant and stance) and a
date phrase near it in its sentence (period).

Why apart from ``figures``: reading a number and its counted noun is one job, placing it among the
document's claims another; both run once per figure, in ``figures.read_figures``.
"""

from __future__ import annotations

from spacy.tokens import Span

from ._cache import doc_ents
from ..records import Figure
from .lexicon import DENY_VERBS, DISPUTE_VERBS


def credit(figure: Figure, claims: list[tuple[int, int, str | None, str | None]]) -> None:
    """Claimant and stance from the innermost quote or attribution holding the figure. A claim
    holds a figure that starts inside it (a span may stop short of a trailing '%'); an unnamed
    claim inside a named one ('according to X, the five firearms he allegedly used — two
    shotguns') is carried by the named source, which reports it."""
    holding = [c for c in claims if c[0] <= figure.start and figure.end <= c[1]] or [
        c for c in claims if c[0] <= figure.start < c[1]]
    if not holding:
        return
    named = [c for c in holding if c[2]]
    start, end, source, cue = min(named or holding, key=lambda c: c[1] - c[0])
    figure.claimant = source
    lemma = (cue or "").split()[0].lower() if cue else ""
    if lemma.rstrip("sd").rstrip("e") in {v.rstrip("e") for v in DENY_VERBS}:
        figure.stance = "denies"
    elif any(lemma.startswith(v[:-1]) for v in DISPUTE_VERBS):
        figure.stance = "disputes"


def period_near(sent: Span, figure: Figure) -> str | None:
    """A stated period for the figure: a date phrase in the same sentence ('last week')."""
    best = None
    for ent in doc_ents(sent.doc):
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if ent.label_ != "DATE" or not any(t.is_alpha for t in ent) or (ent.start_char < figure.end and figure.start < ent.end_char):
            continue
        distance = abs(ent.start_char - figure.end) if ent.start_char >= figure.end else abs(figure.start - ent.end_char)
        if distance < 80 and (best is None or distance < best[0]):
            best = (distance, ent.text)
    return best[1] if best else None
