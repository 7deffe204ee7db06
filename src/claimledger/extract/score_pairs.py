"""Scores and vote tallies: "voted 66 to 27", and written as one word, "defeated Caboolture 43–5", "passed 230-to-198".

Two counts, the larger first. Spaced ("66 to 27") each side is a bare number that counts
(``tally_pair``, asked by ``bare_counts.elliptical``); glued by a dash (``score_pair_at``), two figures
come out of one token. A range is written the other way round ("200–400") and
is read by ``figures.figure_at``; a descending pair is no range, and left to that reader it was either
dropped ("43–5") or cut to its first half ("230-to-198"). Bundled corpus without the check
documents: 6 such pairs (three match scores, three vote tallies), none read before; the tune gold counts
both halves of each as figures. Phone numbers ("910-432-3383") and codes are left alone: a digit or a dash
on either side; so are spans of years written short ("2012–13").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..records import Figure
from ._cache import doc_text
from .numbers import digit_value

PAIR = re.compile(r"(\d{1,4})(?:[–—]|-to-|-)(\d{1,4})")
# Two shares glued by a dash, the larger first (never a range, which rises): a poll's split or a mixture ("By 61%-30%, the residents polled
# said", "an 80%-20% N2-CO2 environment"). PolNeAR train's texts glue 16 pairs of shares so, 14 of them
# falling; the bundled corpus (check documents left out) 2, both falling. None was read before (the
# tokenizer keeps "61%-30" as one token); a rising one ("20%-30%") is a range (``numbers.DIGIT_RANGE``).
SHARE_PAIR = re.compile(r"(\d{1,3}(?:\.\d+)?)%[–—-](\d{1,3}(?:\.\d+)?)%")


def score_pair_at(tokens: list[Token], i: int) -> tuple[list[Figure], int] | None:
    """The two counts of a score or tally starting at tokens[i], and where scanning should resume."""
    token = tokens[i]
    if not token.text[:1].isdigit():
        return None
    text = doc_text(token.doc)
    shares = SHARE_PAIR.match(text, token.idx)
    if shares is not None and float(shares.group(1)) >= float(shares.group(2)):  # a rising pair is a range: read on
        return [_count(text, shares.start(1), shares.end(1) + 1), _count(text, shares.start(2), shares.end(2) + 1)], \
            _after(tokens, i, shares.end())
    found = PAIR.match(text, token.idx)
    if found is None or int(found.group(1)) <= int(found.group(2)) or 1800 <= int(found.group(1)) <= 2100:
        return None  # a range, or a span of years written short ("2012–13", "(1919–33)")
    before = text[token.idx - 1] if token.idx > 0 else " "
    after = text[found.end()] if found.end() < len(text) else " "
    glued_after = after.isdigit() or (after in "-–—/.:" and not _sentence_end(text, found.end()))
    if before.isdigit() or before in "-–—/." or glued_after:
        return None
    figures = [_count(text, found.start(1), found.end(1)), _count(text, found.start(2), found.end(2))]
    return figures, _after(tokens, i, found.end())


def _after(tokens: list[Token], i: int, end: int) -> int:
    """The first token at or after character ``end``: where scanning resumes."""
    resume = i + 1
    while resume < len(tokens) and tokens[resume].idx < end:
        resume += 1
    return resume


def _sentence_end(text: str, at: int) -> bool:
    """A full stop closing the sentence after the pair ("passed 230-to-198."), not a decimal or code."""
    return text[at] == "." and (at + 1 == len(text) or text[at + 1].isspace())


def _count(text: str, start: int, end: int) -> Figure:
    """One side of a pair: a count, or a share when its text ends in '%'."""
    written = text[start:end]
    if written.endswith("%"):
        value = float(written[:-1])
        return Figure(start=start, end=end, text=written, low=value, high=value, unit="percent", category="percent")
    value = float(written)
    return Figure(start=start, end=end, text=written, low=value, high=value, category="other")


def tally_pair(token: Token) -> bool:
    """One side of a vote or a score, 'A to B' with B below A: two counts, not a range."""
    doc, value = token.doc, digit_value(token.text)
    if value is None:
        return False
    after = digit_value(doc[token.i + 2].text) if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to" else None
    if after is not None:
        return after < value
    before = doc[max(0, token.i - 3) : token.i - 1]
    if token.i > 1 and doc[token.i - 1].lower_ == "to" and before:
        other = next((digit_value(t.text) for t in reversed(before) if digit_value(t.text) is not None), None)
        return other is not None and other > value
    return False
