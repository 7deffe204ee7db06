"""Transcript labels: interviews and debate transcripts write each turn as ``((Name)) words`` or
``NAME: words``. Which turns there are, whose, and which labels ask rather than answer.

Why a module of its own, below ``speakers``: the speaker index names the one an interviewer's "you"
addresses, and ``turns`` (which needs the speaker index) credits the turns' words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

# "((Naomi Martisius))  So." / "((WSS)) : Which ..." / "PENCE: Well, look" / "Dr Smith: We ..."
LABEL = re.compile(
    r"^[ \t]*(?:\(\((?P<paren>[^()\n]{1,60})\)\)[ \t]*:?|(?P<caps>[A-Z][A-Z.'’ -]{0,30}[A-Z]):)[ \t]+(?=\S)",
    re.M,
)


def labelled_turns(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of every turn that opens with a speaker label. A turn runs to the next
    label (an answer may hold lines and lists of its own); the last one to the end of its line.
    end excludes trailing space."""
    matches = list(LABEL.finditer(text))
    turns = []
    for k, match in enumerate(matches):
        label = (match.group("paren") or match.group("caps")).strip()
        if k + 1 < len(matches):
            end = matches[k + 1].start()
        else:
            end = text.find("\n", match.end())
            end = len(text) if end < 0 else end
        stripped = text[match.end() : end].rstrip()
        if stripped:
            turns.append((label, match.end(), match.end() + len(stripped)))
    return turns


def interviewers(turns: list[tuple[str, int, int]], text: str) -> set[str]:
    """Labels whose turns are mostly questions: they ask, they do not state."""
    asked: dict[str, list[bool]] = defaultdict(list)
    for label, start, end in turns:
        asked[label].append(text[start:end].rstrip(" \"”").endswith("?"))
    return {label for label, marks in asked.items() if sum(marks) * 2 > len(marks)}


@lru_cache(maxsize=8)
def conversation(text: str) -> tuple[list[tuple[str, int, int]], frozenset[str]]:
    """A text's turns and the labels that ask, read once per text: ``addressee`` asks for each 'you'."""
    turns = labelled_turns(text)
    return turns, frozenset(interviewers(turns, text))


def addressee(text: str, char: int) -> str | None:
    """The label of whom an interviewer's "you" at ``char`` addresses: the next turn's speaker that is
    no interviewer ("((WN)) You mentioned you were a TV anchor as a kid." reports the interviewee's
    words). None outside an interviewer's turn. In the bundled corpus (the check gold's documents left
    out) 11 interviewer turns report the interviewee with "you said/mentioned/wrote/noted"."""
    turns, asking = conversation(text)
    for k, (label, start, end) in enumerate(turns):
        if start <= char < end:
            if label not in asking:
                return None
            return next((other for other, _, _ in turns[k + 1:] if other not in asking), None)
    return None
