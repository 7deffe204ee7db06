"""When an incident happened: date words resolved against the report's own date.

The anchor is the dateline's date ("KABUL, Afghanistan (Jan. 25, 2013)") or a date line at the
top ("Thursday, January 24, 2019"), else the document's publication date. "yesterday", "last
night", weekday names and explicit dates in the incident's sentence resolve against it:
a weekday is the latest such day on or before the anchor, as news style uses it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser

from .lexicon import MONTHS, WEEKDAYS
from .tally_words import DATE_OFFSETS

MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\b\.?"  # capitalised: not "may"
TOP_DATE = re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\b\d{{1,2}}\s+{MONTH}\s+\d{{4}}|\b\d{{4}}-\d{{2}}-\d{{2}}\b")
YEAR = re.compile(r"\b(19|20)\d{2}\b")


def anchor_date(text: str, published: str | None = None) -> date | None:
    """The report's own date: a date in its first lines, else its publication date."""
    fallback = parse_iso(published)
    head = text[:400]
    for found in TOP_DATE.finditer(head):
        default = datetime(fallback.year if fallback else 1900, 1, 1)
        try:
            parsed = dateparser.parse(found.group(0).replace("Sept", "Sep"), default=default).date()
        except (ValueError, OverflowError):
            continue
        if parsed.year == 1900:
            continue  # no year anywhere: a bare "May 24" cannot anchor
        return parsed
    return fallback


def parse_iso(value: str | None) -> date | None:
    """'2019-01-24' or '2019-01-24T10:00:00Z' -> date; anything else -> None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(sentence: str, anchor: date | None) -> date | None:
    """The incident date a sentence gives, resolved against the anchor; the anchor if none."""
    if anchor is None:
        return None
    lower = sentence.lower()
    for phrase, days in DATE_OFFSETS.items():
        if re.search(rf"\b{phrase}\b", lower):
            return anchor - timedelta(days=days)
    for n, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lower):
            return anchor - timedelta(days=(anchor.weekday() - n) % 7)
    return explicit_date(sentence, anchor) or anchor


def explicit_date(text: str, anchor: date) -> date | None:
    """The first written date in the text ('July 2', 'Jan. 24, 2013'), read against the anchor:
    a day-and-month later than the anchor is last year's."""
    explicit = TOP_DATE.search(text)
    if not explicit:
        return None
    try:
        found = dateparser.parse(explicit.group(0).replace("Sept", "Sep"), default=datetime(anchor.year, anchor.month, 1)).date()
    except (ValueError, OverflowError):
        return None
    if found > anchor and not YEAR.search(explicit.group(0)):
        found = found.replace(year=found.year - 1)  # "Dec. 30" in a January report
    return found
