"""An article's text as HTML with each claim wrapped in its own ``<mark>``.

Every piece of article text goes through ``markupsafe.escape`` before it is joined with the
tags, and every attribute value is escaped too, so an article holding ``<script>`` or an
``onerror=`` attribute comes out as inert text. Claims may overlap without nesting (a figure
inside a reported statement that starts earlier and ends later): the marks are kept properly
nested by closing and reopening the inner ones, and every piece of one claim carries its
``data-claim`` (only the first piece has the claim's ``id``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

# Which claim is the outer one when two start together and end together: statements hold figures,
# and a figure holds the tally mention counted in it.
_NESTING = {"attribution": 0, "quote": 1, "figure": 2, "reference": 2, "tally": 3}


@dataclass
class Span:
    """One claim to mark: ``kind`` picks its colour; ``attrs`` become its tag's attributes."""

    kind: str  # quote | attribution | figure | reference | tally
    claim: str  # unique in the page, e.g. "figure-3" (one per span: a tally's spans are "tally-2-0", "tally-2-1")
    start: int
    end: int
    css: str
    attrs: dict[str, str] = field(default_factory=dict)


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as escaped HTML with every span in a ``<mark>``; empty or out-of-range spans are skipped."""
    length = len(text)
    usable = []
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            usable.append((start, end, span))
    usable.sort(key=lambda item: (item[0], -item[1], _NESTING.get(item[2].kind, 9)))
    order = {id(span): i for i, (_s, _e, span) in enumerate(usable)}
    points = sorted({0, length, *(s for s, _e, _sp in usable), *(e for _s, e, _sp in usable)})

    out: list[str] = []
    stack: list[Span] = []  # open marks, outermost first
    opened: set[str] = set()
    starts: dict[int, list[Span]] = {}
    for start, _end, span in usable:
        starts.setdefault(start, []).append(span)
    active: list[tuple[int, Span]] = []
    ends: dict[str, int] = {span.claim: end for _s, end, span in usable}

    for a, b in zip(points, points[1:]):
        active = [(e, s) for e, s in active if e > a]
        active += [(ends[s.claim], s) for s in starts.get(a, [])]
        wanted = sorted((s for _e, s in active), key=lambda s: order[id(s)])
        common = 0
        while common < len(stack) and common < len(wanted) and stack[common] is wanted[common]:
            common += 1
        for _ in range(len(stack) - common):
            stack.pop()
            out.append("</mark>")
        for span in wanted[common:]:
            out.append(_open(span, first=span.claim not in opened))
            opened.add(span.claim)
            stack.append(span)
        out.append(str(escape(text[a:b])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def _open(span: Span, *, first: bool) -> str:
    attrs = {"class": span.css, "data-claim": span.claim, **span.attrs}
    if first:
        attrs = {"id": span.claim, **attrs}
    rendered = " ".join(f'{escape(name)}="{escape(value)}"' for name, value in attrs.items() if value is not None)
    return f"<mark {rendered}>"
