"""Where a figure happened: the places its clause (else its sentence, else the title) names.

Why a module of its own: which words of a sentence place a figure is a rule of its own, refined by
counts over the bundled corpus (a person's home, a second clause), while ``figures`` compares
figures whose places are already read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .interviews import Transcript
from .periods import Day
from .text import Sentences, fold

WORLD = re.compile(r"\b(worldwide|globally|global|around the world|across the world|in the world|world-wide)\b")
# where one clause of a sentence ends and another, with its own verb, begins ("killed 813 in China and
# infected 35,000 worldwide"): a semicolon, or a conjunction before a lower-case word (not "Alabama and Mississippi")
CLAUSE_BREAK = re.compile(r";|\s(?:and|but|while|whereas)\s+(?=[a-z])")
# a person's home, not where the figure happened ("A resident of Antioch, Illinois, he is accused of
# killing two people" in Kenosha): a singular resident / native / citizen of, or born in, a chain of names
ORIGIN = re.compile(r"\b(?:(?i:resident|native|citizen) of|(?i:born) in)\s+((?:the\s+)?[A-Z][\w.'\-]*(?:(?:,\s*|\s+)[A-Z][\w.'\-]*)*)")


@dataclass
class DocumentContext:
    """One document as the figure rules see it."""

    id: int
    text: str
    title: str | None = None
    date: Day | None = None  # published, else the first date its title or lead states
    places: dict[str, str] = field(default_factory=dict)  # surface name -> place key
    cluster: int | None = None
    _sentences: Sentences | None = None
    _pattern: re.Pattern | None = None
    _transcript: Transcript | None = None

    @property
    def sentences(self) -> Sentences:
        if self._sentences is None:
            self._sentences = Sentences.of(self.text)
        return self._sentences

    @property
    def transcript(self) -> Transcript:
        """Its labelled turns, when it is an interview or a debate transcript."""
        if self._transcript is None:
            self._transcript = Transcript(self.text)
        return self._transcript

    def places_in(self, text: str) -> list[str]:
        """Place keys whose names occur (as words) in ``text``."""
        if not self.places:
            return []
        if self._pattern is None:
            names = sorted(self.places, key=len, reverse=True)
            self._pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
        return sorted({self.places[m.group(1)] for m in self._pattern.finditer(text)})

    @property
    def place_keys(self) -> set[str]:
        return set(self.places.values())


def places_of(sentence: str, document: DocumentContext, claimant: str | None = None, at: int | None = None) -> list[str]:
    """Places the figure's clause names (its part of the sentence at offset ``at``: ``clause``), else its
    sentence's (not counting its claimant: 'Armenia claimed ...', nor a person's home: ``ORIGIN``); else
    those of the title. 'worldwide' is the place 'world'."""
    sentence = ORIGIN.sub(lambda m: " " * len(m.group(0)), sentence)
    found = _named(clause(sentence, at), document, claimant) if at is not None else []
    found = found or _named(sentence, document, claimant)
    if not found and document.title:
        found = _named(document.title, document, None)
    return sorted(set(found))


def _named(text: str, document: DocumentContext, claimant: str | None) -> list[str]:
    found = [p for p in document.places_in(text) if not claimant or p not in document.places_in(claimant)]
    return found + (["place:world"] if WORLD.search(fold(text)) else [])


def clause(sentence: str, at: int) -> str:
    """The part of a sentence around offset ``at`` between clause breaks (``CLAUSE_BREAK``): "killed at
    least 813 in China" of "... had killed at least 813 in China and infected around 35,000 worldwide"."""
    starts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(sentence)]
    begin = max(s for s in starts if s <= at)
    after = [m.start() for m in CLAUSE_BREAK.finditer(sentence) if m.start() > at]
    return sentence[begin : min(after) if after else len(sentence)]
