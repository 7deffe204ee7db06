"""Find the spans between quotation marks in raw text.

Handles curly and straight double marks, NYT-style doubled apostrophes (''…''), guillemets, a quote running over several
paragraphs (opening mark repeated, closing mark only at the end), a missing closing mark
(the quote ends with its paragraph), and top-level single quotes ('...' or ‘...’) when
they hold several words. Nested single quotes inside double quotes stay inside.
"""

from __future__ import annotations

import re

OPENERS = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
# Two apostrophes stand for a double mark in some wire and archive text (''Yes,'' he said).
DOUBLE_MARK = re.compile(r"[“”\"«»„]|(?<!')''(?!')")
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[“\"«„]|''))")


def _paragraph_break(text: str, start: int, end: int) -> bool:
    """A paragraph boundary between two marks (the mark at ``end`` may start the new paragraph)."""
    return PARAGRAPH.search(text, start, end + 1) is not None


def _straight_role(text: str, i: int, width: int = 1) -> str:
    """Opening or closing, from the characters around a straight double mark ('"' or "''")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{—–-:,;" or i == 0:
        return "open" if not after.isspace() else "close"
    return "close"


def double_quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each double-quoted passage, marks excluded."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    first_open: int | None = None
    marks = [(m.start(), m.group()) for m in DOUBLE_MARK.finditer(text)]
    for n, (i, mark) in enumerate(marks):
        width = len(mark)
        role = "open" if mark in OPENERS else "close" if mark in CLOSERS else (
            _straight_role(text, i, width) if open_at is None or _paragraph_break(text, open_at, i) else "close"
        )
        if role == "open" and open_at is not None and _typed_as_opener(text, open_at, marks, n):
            role = "close"
        if role == "open":
            if open_at is not None and _paragraph_break(text, open_at, i):
                if text[i - 1].isspace() and text[open_at:i].rstrip()[-1:] not in "”\"":
                    continue  # repeated opening mark of a multi-paragraph quote
                spans.append(_close_at_paragraph(text, first_open or open_at))
            first_open = i + width
            open_at = i
        elif open_at is not None:
            spans.append((first_open if first_open is not None else open_at + width, i))
            open_at = first_open = None
    if open_at is not None and first_open is not None:
        spans.append(_close_at_paragraph(text, first_open))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span[1] > span[0]]


def _typed_as_opener(text: str, open_at: int, marks: list[tuple[int, str]], n: int) -> bool:
    """An opening mark inside an open quote, in the same paragraph, followed by another opening
    mark: it closes the quote (a typo, '“…reach, “Caughlin said. “If …”')."""
    i, mark = marks[n]
    if mark not in OPENERS or _paragraph_break(text, open_at, i) or n + 1 >= len(marks):
        return False
    following, next_mark = marks[n + 1]
    return next_mark == mark and not _paragraph_break(text, i, following) and text[i - 2 : i].strip() in {",", ".", "?", "!"}


def _close_at_paragraph(text: str, start: int) -> tuple[int, int]:
    """An unclosed quote ends where its paragraph does."""
    found = re.compile(r"\n\s*\n").search(text, start)
    return start, found.start() if found else len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))[‘'](?=\w)(?P<body>[^‘'\n]*?(?:[\w.,!?])(?:[’'](?=\w)[^‘'\n]*?)*)[’'](?=[\s.,;:!?)\]—–]|$)", re.M)


def single_quote_spans(text: str, inside: list[tuple[int, int]], min_words: int = 3) -> list[tuple[int, int]]:
    """Top-level single-quoted passages of a few words (apostrophes and nested quotes skipped)."""
    spans = []
    for match in SINGLE.finditer(text):
        start, end = match.span("body")
        if any(s - 1 <= start < e + 1 for s, e in inside):
            continue
        if len(match.group("body").split()) >= min_words:
            spans.append(_trim(text, start, end))
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    """All quoted passages, double and single, in text order."""
    doubles = double_quote_spans(text)
    return sorted(doubles + single_quote_spans(text, doubles))
