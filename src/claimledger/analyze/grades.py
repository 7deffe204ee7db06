"""Source grades in the Admiralty (NATO) system: how reliable the source, how credible the claim.

Why: a figure is judged by who gave it (reliability, A–F, set by the user for an outlet or entity;
F "cannot be judged" until someone does) and by what else is known (credibility, 1–6, derived
from corroboration and contradiction in its group). "B2" reads "usually reliable, probably true".

Credibility rule (docs/analysis.md), per figure, counting *other* claimants in its group:

* 6 cannot be judged: a vague amount ("dozens"), a denial, or no value;
* not contradicted by anyone: 1 confirmed when two other claimants agree, or one agrees and the claim
  is carried by two or more independent outlets; 2 probably true when one other claimant agrees or
  two independent outlets carry it; 3 possibly true otherwise (a single source);
* contradicted: 3 when more claimants agree than contradict; 5 improbable when two or more
  contradict and they outnumber those who agree; 4 doubtful otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
DEFAULT_RELIABILITY = "F"


def check_reliability(value: str) -> str:
    """'b' -> 'B'; anything but A–F is a ValueError that lists the grades."""
    grade = (value or "").strip().upper()
    if grade not in RELIABILITY:
        choices = ", ".join(f"{k} ({v})" for k, v in RELIABILITY.items())
        raise ValueError(f"reliability must be one of {choices}; got {value!r}")
    return grade


@dataclass(frozen=True)
class Corroboration:
    """What the rest of the ledger says about one figure."""

    agree: int  # other claimants in the group whose values agree
    disagree: int  # other claimants whose values disagree (reported at about the same time)
    outlets: int  # independent outlets carrying this claim (reprints counted once)
    judgeable: bool = True  # False for vague amounts, denials and figures without a value


def credibility(c: Corroboration) -> int:
    """The Admiralty information-credibility number (1–6) for a figure."""
    if not c.judgeable:
        return 6
    if c.disagree == 0:
        if c.agree >= 2 or (c.agree >= 1 and c.outlets >= 2):
            return 1
        if c.agree >= 1 or c.outlets >= 2:
            return 2
        return 3
    if c.agree > c.disagree:
        return 3
    if c.disagree >= 2:
        return 5
    return 4


def admiralty(reliability: str | None, credibility_value: int | None) -> str:
    """The two-character code, e.g. 'B2' (F and 6 when unknown)."""
    return f"{reliability or DEFAULT_RELIABILITY}{credibility_value or 6}"


def describe(code: str) -> str:
    """'B2' -> 'usually reliable, probably true'."""
    return f"{RELIABILITY.get(code[:1], '?')}, {CREDIBILITY.get(int(code[1:]) if code[1:].isdigit() else 0, '?')}"
