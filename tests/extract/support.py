"""Helpers that pick items out of a Record the way the annotation guide describes them.

Names compare like the guide's alias lists: case, punctuation and a leading article
("the Pentagon" / "Pentagon") do not matter; an expected tuple lists acceptable names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimledger import Figure, Quote, Record

ANY = object()  # an expected value that a case does not assert on
ARTICLES = {"the", "a", "an"}

# A CENTCOM press release paragraph (re3d, public domain) that both figure and speaker tests read.
VOTEL = (
    "Gen. Joseph Votel, commander of U.S. Central Command said, \"We've been very clear from the outset of "
    "this campaign that to defeat Daesh we would need to work with many different elements operating on the "
    "ground in Iraq and Syria. In Syria, with the support of the 60-plus nation Counter-Daesh Coalition, the SDF, "
    "which includes the Syrian Arab Coalition, has made extraordinary progress over the past 20-plus months, "
    "retaking more than 18,000 square kilometers of territory previously held by the enemy. We will continue to "
    "support their efforts specific to the fight against Daesh. At the same time, we are enormously grateful "
    "for the tremendous support provided by our Coalition partners, especially the Turks. They remain integral "
    "to the accomplishment of our common objective which is the ultimate defeat of Daesh in Iraq and Syria.\""
)


# A UK Foreign Office statement (gov.uk, Open Government Licence): one quote over three paragraphs, each
# opened by its own quotation mark and only the last closed.
FOREIGN_OFFICE = (
    "A Foreign Office spokesman said: “The Foreign Secretary met Russian Foreign Minister Sergei Lavrov "
    "earlier today on the margins of the UNGA meeting in New York, their first face-to-face meeting since "
    "Boris Johnson was appointed.\n\n"
    "“Mr Johnson also raised the situation in Ukraine, where there are continued violations of the Minsk "
    "agreements, and stressed the need for a sustainable ceasefire in Eastern Ukraine.\n\n"
    "“The Foreign Secretary was clear that while ongoing disagreements mean it is too early to normalise "
    "diplomatic relations, it is right that both countries continue to discuss important global issues.”"
)

def token_at(doc, text: str):
    """The token of a parsed sentence that begins the first occurrence of ``text``."""
    start = doc.text.index(text)
    return next(t for t in doc if t.idx == start)


def name_key(name: str | None) -> tuple[str, ...]:
    """'The Pentagon' -> ('pentagon',); 'Pentagon spokesperson' -> ('pentagon', 'spokesperson')."""
    words = re.sub(r"[\W_]+", " ", (name or "").casefold()).split()
    while words and words[0] in ARTICLES:
        words.pop(0)
    return tuple(words)


def same_name(actual: str | None, expected) -> bool:
    """expected: None (no name), a name, or a tuple of acceptable names, or ANY."""
    if expected is ANY:
        return True
    if expected is None:
        return actual is None
    options = expected if isinstance(expected, tuple) else (expected,)
    return actual is not None and name_key(actual) in {name_key(o) for o in options}


def direct(record: Record) -> list[Quote]:
    """Direct quotes in text order."""
    return [q for q in record.quotes if q.kind == "direct"]


def reported(record: Record) -> list[tuple[str, str | None, str]]:
    """Everything the guide calls 'reported': indirect quotes and attributions, as (text, source, kind)."""
    items = [(q.start, q.text, q.speaker, "indirect quote") for q in record.quotes if q.kind == "indirect"]
    items += [(a.start, a.text, a.source, "attribution") for a in record.attributions]
    return [(text, source, kind) for _, text, source, kind in sorted(items, key=lambda item: item[0])]


def assert_speaker(record: Record, words: str, expected) -> None:
    """The first quote that starts with ``words`` is credited to ``expected`` (compared as ``same_name``)."""
    found = [q for q in record.quotes if q.text.startswith(words)]
    assert found and same_name(found[0].speaker, expected), [(q.text, q.speaker) for q in record.quotes]


def assert_reported(items: list[tuple[str, str | None, str]], content: str, source) -> None:
    """``content`` is among the reported statements ``items`` and credited to ``source`` (a name or a
    tuple of acceptable names)."""
    found = [(t, s) for t, s, _ in items if t == content]
    assert found, f"{content!r} not reported; reported: {items}"
    assert same_name(found[0][1], source), f"{content!r} credited to {found[0][1]!r}"


def figures_over(record: Record, anchor: str) -> list[Figure]:
    """Figures whose span overlaps the first occurrence of `anchor` in the record's text."""
    start = record.text.index(anchor)
    end = start + len(anchor)
    return [f for f in record.figures if f.start < end and start < f.end]


def show_quotes(quotes: Iterable[Quote]) -> list[tuple[str, str | None]]:
    """(text, speaker) pairs, for readable assertion messages."""
    return [(q.text, q.speaker) for q in quotes]


def show_figures(figures: Iterable[Figure]) -> list[dict]:
    """The fields a figure case asserts on, for readable assertion messages."""
    return [
        {"text": f.text, "low": f.low, "high": f.high, "qualifier": f.qualifier, "category": f.category,
         "claimant": f.claimant, "stance": f.stance, "vague": f.vague}
        for f in figures
    ]
