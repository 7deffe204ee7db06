"""'He' or 'she' opening a sentence goes on about the main subject of the sentence before.

Readers take the subject pronoun of a new sentence to continue the previous sentence's topic,
its main-clause subject, not a name buried in what that subject said: 'Roe says Doe “has a
record.” He warns …' is Roe warning. SpeakerIndex.antecedent alone takes the nearest subject,
which here is Doe, the subject of the reported clause.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ._cache import doc_text
from .names import Speaker

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def main_subject_before(token: Token, mentions: list[Speaker]) -> Speaker | None:
    """The person mention that is the main-clause subject of the sentence just before, when
    ``token`` (he/she) is the main-clause subject of its own sentence. PolNeAR train: changes 80
    quote and report speakers; by reading 70 right, 10 wrong ('she' after a man the text
    gives no honorific, misparsed coordinations). PolNeAR's gold mostly keeps the pronoun itself,
    so its scores do not move; tune reported+source 0.798 -> 0.806."""
    if token.lower_ not in {"he", "she"}:
        return None
    subject = named_subject(previous_subject(token))
    if subject is None:
        return None
    low, high = subject.left_edge.idx, subject.idx + len(subject)
    found = next((m for m in reversed(mentions) if m.is_person and low <= m.start < high), None)  # the head's
    # name, not one in its modifiers ('Trump campaign chairman Paul Manafort')
    if found is None:  # the tagger missed the name here ('Pataki' as an organisation): a person named so before
        found = next((m for m in reversed(mentions) if (m.is_person or personal_name(m)) and m.start < low
                      and m.name.split()[-1] == subject.text), None)
    if found is not None and gender(token.doc, found) not in {None, token.lower_}:
        return None  # 'Mr. Roe …. She said': the pronoun is someone else
    return found


def personal_name(mention: Speaker) -> bool:
    """A name of two or three capitalised words that the tagger took for an organisation ('Gáspár
    Maróth' as ORG): once the text calls it by its last word and then 'he' or 'she', it is a person's."""
    words = mention.name.split()
    return mention.label == "ORG" and 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def previous_subject(token: Token) -> Token | None:
    """The main-clause subject of the sentence just before, in the same paragraph, when ``token``
    is the main-clause subject of its own sentence."""
    if token.dep_ not in SUBJECTS or token.head != token.sent.root:
        return None
    k = token.sent.start - 1
    while k >= 0 and token.doc[k].is_space:
        k -= 1
    if k < 0 or "\n\n" in token.doc[k].text_with_ws + token.doc[k + 1 : token.sent.start].text_with_ws:
        return None
    return next((c for c in token.doc[k].sent.root.children if c.dep_ in SUBJECTS), None)


def group_subject_before(token: Token) -> Token | None:
    """'The researchers suggested C. They reported, “…”': a sentence-opening 'they' goes on about
    the plural noun that was the main subject of the sentence before (not a name inside it), and
    the 'they' of a second conjunct about the first's ('The researchers observed flies and they
    found C': on PolNeAR train it changes no speaker; tune 1 finding credited right). PolNeAR
    train: 7 statements change speaker, all read right by eye (the gold keeps the pronoun); tune: 2,
    both to the gold's source."""
    if token.lower_ != "they":
        return None
    verb = token.head
    if token.dep_ in SUBJECTS and verb.dep_ == "conj":  # "The researchers observed flies and they found C"
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
    else:
        subject = previous_subject(token)
    return subject if subject is not None and group(subject) else None


def group(subject: Token) -> bool:
    """A subject that names several: a plural noun ('the researchers'), 'Roe and colleagues', 'Roe
    and Doe' (a 'they' after it goes on about them all)."""
    return subject.tag_ == "NNS" or any(c.dep_ == "conj" for c in subject.children)


def named_subject(subject: Token | None) -> Token | None:
    """A subject that is a name, or names one in apposition ('One of the vice presidents, Ann Roe,
    also commented ...'; 'The spokeswoman, Ann Roe, said ...'). PolNeAR train: 14 quote and report speakers
    change, those of 7 passages, all 7 read right by eye (the gold keeps the pronoun); tune: 1 quote."""
    if subject is None or subject.pos_ == "PROPN":
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


MALE = frozenset("mr mr. he his him husband father son brother spokesman chairman congressman".split())
FEMALE = frozenset("mrs mrs. ms ms. miss she her wife mother daughter sister spokeswoman chairwoman congresswoman".split())


def gender(doc: Doc, mention: Speaker) -> str | None:
    """'he' or 'she' for a person the text marks as one: an honorific before the surname anywhere
    ('Mr. Roe', 'Ms. Roe') or a gendered word in the title kept with the name ('spokeswoman Ann
    Roe'); None when the text does not say."""
    words = set((mention.title or "").lower().split())
    surname = mention.name.split()[-1]
    for match in re.finditer(r"\b(Mr|Mrs|Ms|Miss)\.? " + re.escape(surname) + r"\b", doc_text(doc)):
        words.add(match.group(1).lower())
    male, female = bool(words & MALE), bool(words & FEMALE)
    return "he" if male and not female else "she" if female and not male else None
