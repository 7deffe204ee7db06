"""Dates for figures: when a document was published, and which day or span a figure's period names.

Why: look-alike figures about different days ("15 strikes" in the Jan. 10 and the Jan. 11 strike
report) must stay apart, while a toll revised a few days later must not. A date without a year
("Jan. 8" in an undated release) is kept as month and day and compared as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..extract.lexicon import MONTHS
from ..extract.lexicon import WEEKDAYS as WEEKDAY_NAMES

WEEKDAYS = {name: number for number, name in enumerate(WEEKDAY_NAMES)}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.IGNORECASE)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{4})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH_ONLY = re.compile(r"^(?:in |since |during |by |early |late |mid-?)?" + _MONTH + r"$", re.IGNORECASE)


@dataclass(frozen=True)
class Day:
    """A calendar day whose year may be unknown (undated press releases name only 'Jan. 8')."""

    month: int
    day: int
    year: int | None = None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else f"--{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str | None) -> "Day | None":
        """The inverse of ``iso`` (also reads the date part of a full ISO timestamp)."""
        if not text:
            return None
        if text.startswith("--"):
            month, day = text[2:7].split("-")
            return cls(int(month), int(day))
        match = _ISO.match(text)
        return cls(int(match.group(2)), int(match.group(3)), int(match.group(1))) if match else None

    def as_date(self, year: int | None = None) -> date | None:
        try:
            return date(self.year or year or 2000, self.month, self.day)
        except ValueError:
            return None


def days_apart(a: Day | None, b: Day | None) -> int | None:
    """Days between two days (a missing year borrows the other's); None when either is unknown."""
    if a is None or b is None:
        return None
    first, second = a.as_date(b.year), b.as_date(a.year)
    if first is None or second is None:
        return None
    return abs((first - second).days)


def first_date(text: str | None) -> Day | None:
    """The first calendar date written in a text ('On Jan. 8, ...', 'January 9: ...', '20 Nov 2019')."""
    if not text:
        return None
    found = []
    for pattern, order in ((_ISO, "ymd"), (_MONTH_DAY, "mdy"), (_DAY_MONTH, "dmy")):
        for match in pattern.finditer(text):
            day = _day_from(match, order)
            if day is not None:
                found.append((match.start(), day))
                break
    return min(found, key=lambda item: item[0])[1] if found else None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


def _day_from(match: re.Match, order: str) -> Day | None:
    groups = match.groups()
    month_word = groups[0] if order == "mdy" else groups[1] if order == "dmy" else None
    if month_word is not None and month_word.islower():
        return None  # news capitalises months: "officials may 20 ..." is a modal verb, not May 20
    try:
        if order == "ymd":
            year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
        elif order == "mdy":
            month, day, year = _month(groups[0]), int(groups[1]), groups[2]
            year = int(year) if year else None
        else:
            day, month, year = int(groups[0]), _month(groups[1]), groups[2]
            year = int(year) if year else None
    except (KeyError, ValueError):
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Day(month, day, year)


def period_day(period: str | None, published: Day | None) -> Day | None:
    """The single day a figure's period phrase names, if it names one.

    Explicit dates ('Jan. 8', 'September 30'), and, given the publication day, 'today',
    'yesterday' and weekday names (the last such day on or before publication).
    Spans ('last week', 'since October', 'this year') name no single day: None.
    """
    if not period:
        return None
    text = period.strip().lower()
    if text.startswith(("since ", "by ", "until ", "before ", "after ")):
        return None
    explicit = first_date(period)
    if explicit is not None:
        return explicit if explicit.year or not published else nearest_year(explicit, published)
    if published is None or published.year is None:
        return None
    base = published.as_date()
    if base is None:
        return None
    words = re.findall(r"[a-z]+", text)
    if any(w in ("today", "tonight") for w in words) or "this morning" in text or "this evening" in text:
        target = base
    elif "yesterday" in words or "last night" in text:
        target = base - timedelta(days=1)
    else:
        weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
        if weekday is None or any(w in ("every", "each", "next") for w in words):
            return None
        back = (base.weekday() - weekday) % 7
        if "last" in words and back == 0:
            back = 7
        target = base - timedelta(days=back)
    return Day(target.month, target.day, target.year)


def nearest_year(day: Day, published: Day) -> Day:
    """A day named without its year, in the year that puts it nearest the publication day: "December 24"
    in a report of 1 January is last December's (in the bundled corpus 6 of the 34 such periods are
    December days named in early-January reports; the publication's own year put them a year ahead)."""
    if published.year is None:
        return Day(day.month, day.day, None)
    base = published.as_date()
    candidates = [Day(day.month, day.day, year) for year in (published.year - 1, published.year, published.year + 1)]
    dated = [(abs((c.as_date() - base).days), c) for c in candidates if c.as_date() is not None and base is not None]
    return min(dated, key=lambda item: item[0])[1] if dated else Day(day.month, day.day, published.year)


def period_month(period: str | None, published: Day | None) -> tuple[int | None, int] | None:
    """(year, month) for a period that is just a month ('October', 'in May 2019'), else None."""
    if not period:
        return None
    match = _MONTH_YEAR.search(period)
    if match:
        return int(match.group(2)), _month(match.group(1))
    match = _MONTH_ONLY.match(period.strip())
    if match:
        return (published.year if published else None), _month(match.group(1))
    return None
