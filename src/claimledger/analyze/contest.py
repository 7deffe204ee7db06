"""Contest: does a group's claimants disagree, and what are its low, best and high values.

Why: an analyst's first question about a number is who else gives one and how far apart they are.

The rule (docs/analysis.md):

* each figure is an interval: an exact or approximate value v ("about", "almost", none) is
  v ± ``TOLERANCE``; "at least"/"more than"/"over" and vague floors ("dozens") are [v, ∞);
  "up to"/"fewer than" are [0, v]; a range "200 to 300" is [200 − 10%, 300 + 10%];
* two figures *disagree* when their intervals do not meet, they come from different claimants, and
  they refer to days at most ``SAME_TIME_DAYS`` apart (the days their periods state, else their
  documents' dates; two figures of one document without stated days are contemporaneous). Further
  apart it is a revision, not a dispute: the timeline shows it. A later report of the same outlet
  that changes the value is a revision too (``revision``), whoever it credits: no contest;
* a category of a group is contested when two of its figures disagree; a group is contested when a
  category is, or when a part (deaths, injuries) exceeds a whole (casualties) another claimant gives;
* low and high are the smallest and largest values given (UCDP's low and high estimates); best is the
  conservative estimate ACLED and Iraq Body Count use: each claimant's latest figure, and the lowest
  of those (vague floors only count when nothing firmer was given; denials never count).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from .periods import Day, days_apart

TOLERANCE = 0.10
SAME_TIME_DAYS = 3
LOWER_BOUNDS = frozenset({"at least", "more than", "over"})
UPPER_BOUNDS = frozenset({"up to", "fewer than"})
PARTS = {"deaths": "casualties", "injuries": "casualties"}
CATEGORY_ORDER = ("casualties", "deaths", "injuries", "detained", "troops", "people")


@dataclass
class Claim:
    """One figure as the contest rule sees it."""

    figure: int
    measure: str
    low: float | None
    high: float | None
    qualifier: str | None = None
    claimant: str = ""  # canonical key; figures without a claimant stand for their outlet
    stance: str = "asserts"
    vague: bool = False
    date: str | None = None  # ISO day the figure refers to or was published
    order: tuple = ()  # sorts claims in time (published or ingested, then position)
    day: str | None = None  # the day the figure's own period states, if it states one
    document: int | None = None
    outlet: str | None = None  # the outlet whose report carries it

    @property
    def counts(self) -> bool:
        return self.low is not None and self.stance != "denies"


@dataclass
class Estimate:
    """Low, best and high of one category of a group, and whether it is contested."""

    category: str
    low: float | None
    best: float | None
    high: float | None
    contested: bool
    figures: int


@dataclass
class GroupVerdict:
    category: str
    contested: bool
    low: float | None
    best: float | None
    high: float | None
    estimates: list[Estimate] = field(default_factory=list)


def interval(claim: Claim) -> tuple[float, float]:
    """The values a claim allows (see the module rule)."""
    low = float(claim.low)
    high = float(claim.high if claim.high is not None else claim.low)
    if claim.vague or claim.qualifier in LOWER_BOUNDS:
        return low, math.inf
    if claim.qualifier in UPPER_BOUNDS:
        return 0.0, high
    return low * (1 - TOLERANCE), high * (1 + TOLERANCE)


def contemporaneous(a: Claim, b: Claim) -> bool:
    """Reported at about the same time: their stated days, else (in one document) yes, else their dates."""
    if a.day and b.day:
        apart = days_apart(Day.parse(a.day), Day.parse(b.day))
    elif a.document is not None and a.document == b.document:
        return True
    else:
        apart = days_apart(Day.parse(a.date), Day.parse(b.date))
    return apart is None or apart <= SAME_TIME_DAYS


def revision(a: Claim, b: Claim) -> bool:
    """Two reports of one claimant, or of one outlet, that state the quantity differently: the later
    one revises the earlier (a toll raised from "at least 20" to "27 dead")."""
    if a.document == b.document or not (a.counts and b.counts) or a.measure != b.measure:
        return False
    same = a.claimant == b.claimant or (a.outlet is not None and a.outlet == b.outlet)
    return same and (a.low, a.high) != (b.low, b.high)


def disagree(a: Claim, b: Claim) -> bool:
    """Different claimants whose values cannot both be right, reported at about the same time (not
    a revision: one outlet's later report)."""
    if not (a.counts and b.counts) or a.claimant == b.claimant or not contemporaneous(a, b) or revision(a, b):
        return False
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    return a_high < b_low or b_high < a_low


def agree(a: Claim, b: Claim) -> bool:
    """Different claimants whose values fit together (the same quantity within the tolerance)."""
    if not (a.counts and b.counts) or a.claimant == b.claimant:
        return False
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    return not (a_high < b_low or b_high < a_low)


def estimate(category: str, claims: list[Claim]) -> Estimate:
    """Low/best/high and contest for the claims of one category."""
    counted = [c for c in claims if c.counts]
    if not counted:
        return Estimate(category, None, None, None, False, len(claims))
    low = min(c.low for c in counted)
    high = max(c.high if c.high is not None else c.low for c in counted)
    latest: dict[str, Claim] = {}
    for claim in sorted(counted, key=lambda c: c.order):
        latest[claim.claimant] = claim
    firm = [c for c in latest.values() if not c.vague] or list(latest.values())
    best = min(c.low for c in firm)
    contested = any(disagree(a, b) for i, a in enumerate(counted) for b in counted[i + 1 :])
    return Estimate(category, low, best, high, contested, len(claims))


def judge(claims: list[Claim]) -> GroupVerdict:
    """The verdict for one group: its headline category, contest and estimates per category."""
    by_category: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_category[claim.measure].append(claim)
    estimates = [estimate(category, items) for category, items in sorted(by_category.items(), key=_category_rank)]
    categories = set(by_category)
    if len(categories) == 1:
        headline = next(iter(categories))
    elif categories <= {"casualties", "deaths", "injuries"}:
        headline = "casualties"
    else:
        headline = max(by_category, key=lambda c: (len(by_category[c]), -_rank(c)))
    shown = next((e for e in estimates if e.category == headline), None)
    if shown is None:
        shown = max(estimates, key=lambda e: (e.figures, -_rank(e.category)))
    contested = any(e.contested for e in estimates) or _part_exceeds_whole(by_category)
    return GroupVerdict(headline, contested, shown.low, shown.best, shown.high, estimates)


def _part_exceeds_whole(by_category: dict[str, list[Claim]]) -> bool:
    for part, whole in PARTS.items():
        for a in by_category.get(part, []):
            for b in by_category.get(whole, []):
                if a.counts and b.counts and a.claimant != b.claimant and contemporaneous(a, b):
                    if interval(a)[0] > interval(b)[1]:
                        return True
    return False


def _rank(category: str) -> int:
    return CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else len(CATEGORY_ORDER)


def _category_rank(item: tuple[str, list]) -> tuple[int, str]:
    return _rank(item[0]), item[0]


# Figures a group shows in a list of groups (``claimledger contested``, the home page): a running toll's
# group holds hundreds, and reading them all made a page take a second on a 100,000-document ledger.
LISTED_FIGURES = 8


def listed_ranks(claims: list[Claim], verdict: GroupVerdict) -> dict[int, int]:
    """Figure id -> place (1, 2, ...) of the figures a list shows: the first of each claimant's value
    per measure (a repeat adds nothing to a contest), those at the group's low or high first, then in
    time order; at most ``LISTED_FIGURES``. The group's own page shows every figure."""
    first: dict[tuple, Claim] = {}
    for claim in sorted(claims, key=lambda c: c.order):
        first.setdefault((claim.claimant, claim.measure, claim.low, claim.high), claim)

    def extreme(claim: Claim) -> bool:
        return (claim.low is not None and verdict.low is not None and claim.low <= verdict.low) or \
            (claim.high is not None and verdict.high is not None and claim.high >= verdict.high)

    ranked = sorted(first.values(), key=lambda c: (not extreme(c), c.order))
    return {claim.figure: place for place, claim in enumerate(ranked[:LISTED_FIGURES], 1)}
