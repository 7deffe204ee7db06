"""Where a figure sits in an interview: its turn, whether the interviewer asks it, its sentence of the turn.

Why: in a transcript (``((WN)) question`` / ``((Name)) answer``, see ``extract.turns``) the
interviewer restates what the interviewee said ("So you have run the shelter for ten years,
right?") and the answer gives the number again or corrects it ("Twelve years, in fact."). The two figures are one quantity, but they rarely share the rare words the wording rule
needs, and their values may differ (a correction is a contest of one speaker with the restatement).
This module reads those facts of a figure (``Transcript``, ``restating``, ``guessing``, ``could_repeat``);
``incidents.interview`` links two figures by them, only figures of one block (one unit) and never
across a hard constraint:

* **answer**: a figure in an interviewer's turn and one of its family in the opening
  ``incidents.ANSWER_SENTENCES`` sentences of the very next turn (in the bundled corpus 4 such pairs in 21
  interviews, all four one quantity; the later figures of a long answer are often about something else);
* **restated**: a figure in an interviewer's turn whose sentence says it repeats the interviewee
  ("you said", "you mentioned", "you are telling", ``RESTATING``) and an earlier figure of its
  family, outside the interviewer's turns, that the value could repeat (equal, inside a range
  "20-21 years" / "20 years", or a rounding; in the bundled corpus 5 of the 7 such sentences state
  a figure, each repeating one the interviewee gave);
* **corrected**: an interviewee's guess, a figure in a sentence of an answer that ends in a question
  mark ("maybe six months?"), and a figure of its family the same turn gives within
  ``incidents.GUESS_SENTENCES`` sentences after it ("No, closer to eight months."): in the bundled
  corpus 5 such guesses, the 2 followed by a figure of their family both corrected so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..extract.transcripts import interviewers, labelled_turns

RESTATING = re.compile(
    r"\byou (?:said|mentioned|told us|(?:are|were) (?:telling|saying))\b|\bas you (?:said|mentioned)\b", re.I)
ROUNDING = 0.1  # a restated value may round the original by this share ("around 5000" / "almost 5700" is not one)


@dataclass(frozen=True)
class Turn:
    """Where a figure sits in a transcript: its turn, whether an interviewer asks it, and which
    sentence of the turn holds the figure (0: the turn's first)."""

    index: int
    asks: bool
    sentence: int


class Transcript:
    """The labelled turns of one document (none when it is no conversation: fewer than two labels
    with two turns each, as ``extract.turns.transcript_claims`` decides)."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def turns(self) -> list[tuple[str, int, int]]:
        turns = labelled_turns(self.text)
        labels = [label for label, _, _ in turns]
        if sum(labels.count(label) >= 2 for label in set(labels)) < 2:
            return []
        return turns

    @cached_property
    def asking(self) -> set[str]:
        return interviewers(self.turns, self.text) if self.turns else set()

    @cached_property
    def starts(self) -> list[int]:
        return [start for _, start, _ in self.turns]

    def turn_at(self, offset: int, sentence_of: Callable[[int], int]) -> Turn | None:
        """The turn holding ``offset`` (``sentence_of`` maps an offset to its sentence index)."""
        k = bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        label, start, end = self.turns[k]
        if offset >= end:
            return None
        return Turn(k, label in self.asking, sentence_of(offset) - sentence_of(start))


def guessing(sentence: str) -> bool:
    """Does an answer's sentence end in a question mark: the speaker's own guess ("nine years?")?"""
    return sentence.rstrip().rstrip("\"”’'").endswith("?")


def restating(sentence: str) -> bool:
    """Does this sentence say it repeats what the other speaker said ("You said ...")?"""
    return bool(RESTATING.search(sentence))


def could_repeat(low: float | None, high: float | None, earlier_low: float | None, earlier_high: float | None) -> bool:
    """Could a value (low, high) state an earlier one again: equal, inside its range, or a rounding of it?"""
    if low is None or earlier_low is None:
        return False
    high = low if high is None else high
    earlier_high = earlier_low if earlier_high is None else earlier_high
    if earlier_low <= low and high <= earlier_high:
        return True
    top = max(abs(earlier_high), abs(high))
    return abs(low - earlier_low) <= ROUNDING * top and abs(high - earlier_high) <= ROUNDING * top
