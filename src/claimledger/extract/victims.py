"""Victims: how many people a noun phrase names, and who they are, as casualty coders count.

"two insurgents" is 2; "several suspects" takes the coders' floor (3); "an insurgent" and a named
person are 1; "more than 30" is 31; "the insurgents", "both men", "them" point back at people
named before; the victims' group (civilians, armed groups, security forces) comes from the words
that name them, modifiers first, and their side from a nation or organisation named with them.
``extract.casualties`` asks these questions of each phrase a fate happened to.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ._cache import doc_ents
from .lexicon import CATEGORY_NOUNS, QUALIFIERS
from .tally_words import (
    ANAPHORIC_DETERMINERS, BARE_PLURAL_FLOOR, COLLECTIVE_NOUNS, PERSON_NOUNS, TALLY_FLOORS, TALLY_NOUNS, THING_NOUNS, VICTIM_GROUPS,
)
from .numbers import is_number_start, read_number, token_range

PERSON_WORDS = PERSON_NOUNS.union(*VICTIM_GROUPS.values())
PRONOUNS = {"he": 1, "him": 1, "she": 1, "her": 1, "they": None, "them": None, "himself": 1}
# Verbs that only happen to people: their object is a person unless it names a thing. Not "execute",
# which also carries out plans ("executed a planned shutdown of public services").
PEOPLE_ONLY_VERBS = frozenset("kill wound injure arrest detain apprehend abduct kidnap murder stab hospitalize hospitalise".split())
# Person words that make a people phrase only as its head: "two others", not "other equipment".
HEAD_ONLY_PERSON_WORDS = frozenset({"other", "others"})


@dataclass
class Count:
    """How many people a noun phrase names, and how it names them."""

    low: float
    high: float
    back: bool = False  # points at people named before: "the two attackers", "them"
    negated: bool = False  # "no civilians"
    vague: bool = False  # a floor from a vague word or a bare plural, not a stated number


def count_of(head: Token) -> Count | None:
    """How many people one victim noun phrase names, or None if it names no people."""
    lower, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON":
        n = float(PRONOUNS.get(lower) or 1)
        return Count(n, n, back=True) if lower in PRONOUNS else None
    words = [c for c in head.children if c.i < head.i]
    determiners = {w.lower_ for w in words if w.dep_ in {"det", "predet", "poss"} or w.tag_ in {"PRP$", "POS"}}
    definite = bool(determiners & ANAPHORIC_DETERMINERS) or any(w.dep_ == "poss" for w in words)
    if lemma in COLLECTIVE_NOUNS:
        floor = vague_floor(head) or (3 if any(c.lower_ in PERSON_WORDS for c in head.subtree) else None)
        if floor:
            return Count(float(floor), float(floor), back=definite, vague=True)  # "a group of insurgents"
    floor = vague_floor(head)
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if floor and of is not None and head.pos_ in {"ADJ", "NOUN", "PRON", "DET"} and head.i == head.left_edge.i + len(vague_words(head)) - 1:
        return Count(float(floor), float(floor), vague=True)  # "several of his associates"
    if not is_people(head):
        return None
    if "no" in determiners or any(w.lower_ == "no" for w in words):
        return Count(1.0, 1.0, negated=True)
    if head.pos_ == "NUM":
        return partitive(head)
    number = next((w for w in words if w.dep_ == "nummod" or (w.pos_ == "NUM" and w.dep_ in {"amod", "quantmod", "compound"})), None)
    if number is not None:
        value = number_value(number)
        if value is not None:
            return Count(value[0], value[1], back=definite)  # "the two attackers" points back
    if determiners & {"both"}:
        return Count(2.0, 2.0, back=True)
    floor = vague_floor(head)
    if floor:  # "several insurgents"; "Several were detained" (no noun) points back
        return Count(float(floor), float(floor), back=vague_words(head) == (lower,) and head.pos_ != "NOUN", vague=True)
    plural = head.tag_ in {"NNS", "NNPS"} or lower == "others"
    if lemma in TALLY_NOUNS and (plural or not determiners):
        return None  # "recorded casualties", "sentenced to death": no number, nobody to count
    if plural:  # "insurgents were detained": the coders' floor; the same people as any count before
        return Count(float(BARE_PLURAL_FLOOR), float(BARE_PLURAL_FLOOR), back=lower != "others", vague=True)
    return Count(1.0, 1.0, back=definite and "another" not in determiners)


def partitive(number: Token) -> Count | None:
    """'two of the shooters' points back; 'one of more than 50 insurgents' counts one."""
    value = number_value(number)
    if value is None:
        return None
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ in {"pobj"}), None) if of is not None else None
    back = whole is not None and (whole.pos_ == "PRON" or any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in whole.children))
    return Count(value[0], value[1], back=back)


def is_people(head: Token) -> bool:
    """A noun phrase that names people: a person word, a person's name, a group of people, or
    what a verb that only happens to people ('arrested', 'wounded') happened to."""
    lemma = head.lemma_.lower()
    thing = lemma in THING_NOUNS or lemma in CATEGORY_NOUNS["equipment"]  # "a passenger jet", "a police car"
    if head.pos_ == "NOUN" and head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_.lower() in PEOPLE_ONLY_VERBS \
            and not thing and lemma not in CATEGORY_NOUNS["events"] and not head.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "PRODUCT"}:
        return True
    if head.ent_type_ in {"PERSON", "NORP"}:
        return True
    if lemma in PERSON_WORDS or head.lower_ in PERSON_WORDS or lemma in TALLY_NOUNS:
        return True  # "ten insurgent deaths", "12,000 casualties": the people counted by their fate
    if head.pos_ == "NUM" or head.pos_ == "ADJ":
        return True  # "killing 12", "two dead"
    if thing:
        return False  # a thing named for the people it carries or serves
    return any(c.lower_ in PERSON_WORDS and c.lower_ not in HEAD_ONLY_PERSON_WORDS
               for c in head.children if c.dep_ in {"compound", "amod"})


def person_inside(phrase: Token) -> Token | None:
    """A person word inside a phrase NER or the parser took for a name: '<Org> of <Place> leader'."""
    for token in phrase.subtree:
        if token.i != phrase.i and token.lemma_.lower() in PERSON_WORDS and token.dep_ not in {"relcl", "acl"} \
                and token.lower_ not in HEAD_ONLY_PERSON_WORDS:  # "other equipment"
            if token.dep_ in {"amod", "compound"} and token.head.ent_type_ == "PERSON":
                return token.head  # "their general Magomed Tushayev": the named man
            return token
    return None


def number_value(number: Token) -> tuple[float, float] | None:
    """The value of a count word with its qualifier: 'more than 30' is 31, as coders count."""
    doc = number.doc
    packed = token_range(number)
    if packed:
        low, high = packed
    else:
        first = number.i
        while first > 0 and doc[first - 1].head == number and (is_number_start(doc[first - 1]) or glued_hyphen(doc[first - 1])):
            first -= 1  # "Sixty-six" is parsed as "Sixty", "-", "six": read_number reads the three
        read = read_number(list(doc[first : number.i + 2]), 0)
        if read is None:
            return None
        low = high = read[0]
    before = tuple(t.lower_ for t in doc[max(0, number.i - 3) : number.i])
    qualifier = next((normal for words, normal in QUALIFIERS if before[-len(words):] == words), None)
    if qualifier in {"more than", "over"} and low == int(low):
        low = high = low + 1
    return low, high


def glued_hyphen(token: Token) -> bool:
    """A hyphen between two number words with no space around it ('Sixty-six')."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_ \
        and is_number_start(token.nbor(-1))


def vague_words(head: Token) -> tuple[str, ...]:
    """The vague phrase that opens the head's phrase ('a small group'), or ()."""
    words = tuple(t.lower_ for t in head.doc[head.left_edge.i : head.i + 1])
    return next((phrase for phrase, _ in TALLY_FLOORS if words[: len(phrase)] == phrase), ())


def vague_floor(head: Token) -> int | None:
    """The coders' floor for a vague amount before the head: 'several', 'a small group of'."""
    doc = head.doc
    words = tuple(t.lower_ for t in doc[head.left_edge.i : head.i + 1])
    for phrase, floor in TALLY_FLOORS:
        if words[: len(phrase)] == phrase:
            return floor
        if len(words) > len(phrase) and words[1 : len(phrase) + 1] == phrase and words[0] in {"at", "least"}:
            return floor
    return None


def group_of(head: Token) -> str:
    """Victims' group from the words naming them, modifiers first ('police commander')."""
    words = [c for c in head.subtree if c.dep_ in {"compound", "amod", "nmod"} and c.i < head.i] + [head]
    words += [c for c in head.children if c.dep_ == "appos"]
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        words += [t for t in of.subtree if t.pos_ in {"NOUN", "PROPN"}]
    for word in words:
        key = word.lemma_.lower()
        for group, lemmas in VICTIM_GROUPS.items():
            if key in lemmas or word.lower_ in lemmas:
                return group
    return "unspecified"


def side_of(heads: list[Token]) -> str | None:
    """Whose people, when the phrase names a group or nation: 'Taliban fighters', 'Russian
    troops', 'their general, head of the regiment of the National Guard'."""
    for head in heads:
        for word in head.subtree:
            if word.i > head.i:
                break
            if word.ent_type_ in {"NORP", "ORG"} and word.dep_ in {"compound", "amod", "nmod", "poss"}:
                return entity_text(word)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            for word in appos.subtree:
                if word.ent_type_ == "ORG" and word.dep_ == "pobj":
                    return entity_text(word)
    return None


def entity_text(word: Token) -> str:
    """The whole named entity a word belongs to."""
    span = next((e for e in doc_ents(word.doc) if e.start <= word.i < e.end), None)
    return span.text if span is not None else word.text
