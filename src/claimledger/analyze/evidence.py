"""What a batch of names tells about each name before any is merged: its label, and who is a person.

Why a pass of its own: NER labels one name differently from article to article ("Ahmed al-Assadi"
is PERSON in one, ORG in another), glues places and titles onto people, and the quote extractor's
speakers carry no label at all. Counting over the whole batch first gives each name one label
(the one it gets in most documents) and a list of people's full names, so that a span holding one
("Vermont Bernie Sanders") can be cut back to it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .aliases import AliasRule
from .mentions import (
    BODY_WORDS, TITLE_WORDS, clean, country_of, glued_head, is_description, is_given_name, is_particle, name_words,
    person_key, place_like, split_title, trailing_verb,
)
from .text import fold


@dataclass
class NameUse:
    """One way a name occurs: an extracted entity row, or a claimant/speaker/source string of a document."""

    name: str
    label: str | None = None  # PERSON / ORG / GPE / NORP for extracted entities; None for claimants
    documents: frozenset[int] = frozenset()
    row_id: int | None = None  # entities.id of an extracted entity
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    outlet: bool = False  # the name of an outlet (outlets table)


class NameEvidence:
    """Labels by vote and the people known by full name, for one resolver's batch of names."""

    def __init__(self, rule: Callable[[str | None], AliasRule | None], by_normal: dict[str, str]):
        self._rule = rule  # the alias rule of a name, if any
        self.by_normal = by_normal  # the resolver's registry of names: a place registered stays a place
        self.known_people: set[str] = set()  # person keys of full names of people
        self.known_heads: set[str] = set()  # folded names NER tagged as places, peoples or organisations
        self.label_votes: dict[str, Counter] = defaultdict(Counter)  # folded name -> label -> documents

    def learn(self, uses: list[NameUse]) -> None:
        """What the whole batch knows before any name is parsed: the full names of people and the
        names of places and bodies, so a span gluing one onto the other can be cut apart."""
        given = set()
        for use in uses:
            name = clean(use.name)[0]
            if use.label is not None:
                self.label_votes[fold(name)][use.label] += max(1, len(use.documents))
                if use.label == "PERSON" and person_key(name):
                    given.add(name_words(name)[0])
                elif use.label in ("GPE", "NORP", "ORG") and len(name.split()) <= 4:
                    self.known_heads.add(fold(name))
        for use in uses:  # a speaker or claimant of a person's shape, whose first word is somebody's given name
            name = clean(use.name)[0]
            if use.label is None and not use.outlet and name and not is_description(name) and person_key(name):
                words = name_words(name)
                if self.guess(name, shape_only=True) == "PERSON" and (words[0] in given or is_given_name(words[0])):
                    self.label_votes[fold(name)]["PERSON"] += max(1, len(use.documents))
        for use in uses:
            name = clean(use.name)[0]
            if self.person_shaped(use, name):
                key = person_key(split_title(name)[1])
                if key and len(name.split()) <= 4:
                    self.known_people.add(key)

    def label(self, name: str, label: str | None) -> str | None:
        """One name, one label: the label NER gives this name in most documents ('Ahmed al-Assadi' is
        PERSON in one article and ORG in another). On a tie a name shaped like a person's is a person."""
        votes = self.label_votes.get(fold(name))
        if label is None or not votes or len(votes) < 2:
            return label
        words = {fold(t).strip(".,") for t in name.split()}
        person_like = person_key(name) is not None and len(words) <= 4 and not words & BODY_WORDS
        return max(votes, key=lambda lab: (votes[lab], lab == "PERSON" and person_like, lab == label))

    def person_shaped(self, use: NameUse, name: str) -> bool:
        """Whether a use names a person for sure: NER said so, a title stands before it, or it speaks."""
        if use.label is not None and self.label(name, use.label) != "PERSON":
            return use.label == "ORG" and self.titled_person(name)
        if use.label == "PERSON":
            return not place_like(name)
        return use.label is None and not use.outlet and not is_description(name) and self.guess(name) == "PERSON"

    def titled_person(self, name: str) -> bool:
        """'Dr Valeria Gazzola', 'Dr Martisius': a title before a name that is no place or body."""
        title, rest = split_title(name)
        words = {fold(t).strip(".,") for t in rest.split()}
        return title is not None and len(words) <= 4 and not words & BODY_WORDS and not country_of(rest) \
            and fold(rest) not in self.known_heads

    def unglue(self, name: str, label: str | None) -> tuple[str, str] | None:
        """(what was glued on, the person's name) for 'Vermont Bernie Sanders' or 'Narendra Modi Announced'.

        Only a known person's full name is cut out, and for a span NER itself called a person only
        when what precedes it is a title, a place or a body: 'Thomas Rivera Schatz' stays whole."""
        if label is None or len(name.split()) < 3:
            return None
        known = lambda text: person_key(text) in self.known_people
        verbless = trailing_verb(name)
        if verbless is not None and known(verbless):
            return "", verbless
        if label == "PERSON":
            return glued_head(name, known, self._is_head)
        return glued_head(name, known, lambda head: head[:1].isupper())

    def _is_head(self, head: str) -> bool:
        words = [fold(t).strip(".,") for t in head.split()]
        return (fold(head) in self.known_heads or bool(country_of(head)) or self._rule(head) is not None
                or any(w in TITLE_WORDS for w in words))

    def guess(self, name: str, shape_only: bool = False) -> str:
        """A label for a claimant string that extraction did not tag: the one the name is given
        elsewhere (by NER, or as a speaker with a given name), else a guess from its shape."""
        folded = fold(name)
        votes = None if shape_only else self.label_votes.get(folded)
        if votes:
            voted = self.label(name, max(votes, key=lambda lab: (votes[lab], lab)))
            if voted != "PERSON" or person_key(name) is not None:
                return voted  # NER's PERSON for one bare word ("Twitter") is too weak to make a speaker a person
        if country_of(name):
            return "NORP" if folded.endswith("s") and folded not in ("us", "u.s.") else "GPE"
        if self.by_normal.get(folded, "").startswith("place:"):
            return "GPE"
        tokens = name.split()
        if person_key(name) and len(tokens) <= 4 and all(t[:1].isupper() or is_particle(t) for t in tokens) \
                and not any(fold(t).strip(".,") in BODY_WORDS for t in tokens):
            return "PERSON"
        return "ORG"
