"""Entities: the people and organisations a document names, one record per referent.

Surnames and honorific forms fold into the full name ("Kirby", "Mr. Kirby" -> "John
Kirby"); an abbreviation in brackets joins its organisation ("Federal Security Service
(FSB)"); titles come from the speakers the quote extractor resolved.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ._cache import doc_ents, doc_text
from ..records import Entity, Quote
from .names import clean_person

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}


def extract_entities(doc: Doc, quotes: list[Quote]) -> list[Entity]:
    """People, organisations and places, with aliases and titles."""
    people: dict[str, Entity] = {}
    others: dict[tuple[str, str], Entity] = {}
    for ent in doc_ents(doc):
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        if label == "PERSON":
            name = clean_person(ent)
            if name:
                add_person(people, name, ent.text)
        elif ent.text in surnames(people):
            add_person(people, ent.text, ent.text)  # NER called a surname a place: "Mendez is known for"
        else:
            name = strip_article(ent.text)
            entity = others.setdefault((name.lower(), label), Entity(name, label))
            abbreviation = bracketed_after(doc_text(doc), ent.end_char)
            if abbreviation and abbreviation not in entity.aliases:
                entity.aliases.append(abbreviation)
    for quote in quotes:
        if quote.speaker and quote.speaker in people and quote.speaker_title:
            titles = people[quote.speaker].titles
            if quote.speaker_title not in titles:
                titles.append(quote.speaker_title)
    return list(people.values()) + list(others.values())


def surnames(people: dict[str, Entity]) -> set[str]:
    """Last names of the people found so far."""
    return {name.split()[-1] for name in people if len(name.split()) > 1}


def add_person(people: dict[str, Entity], name: str, surface: str) -> None:
    """Merge a person mention into the entity of the fullest name sharing its surname."""
    surname = name.split()[-1]
    match = next((e for e in people.values() if e.name.split()[-1] == surname and compatible(e.name, name)), None)
    if match is None:
        people[name] = Entity(name, "PERSON")
        match = people[name]
    elif len(name.split()) > len(match.name.split()):
        del people[match.name]
        match.aliases.append(match.name)
        match.name = name
        people[name] = match
    for alias in dict.fromkeys((name, surface)):  # in this order: a set's order changes with the process's hash seed
        if alias != match.name and alias not in match.aliases:
            match.aliases.append(alias)


def compatible(known: str, new: str) -> bool:
    """'Kirby' fits 'John Kirby'; 'Joe Biden' does not fit 'Hunter Biden'."""
    a, b = known.split(), new.split()
    return len(a) == 1 or len(b) == 1 or a[0] == b[0]


def strip_article(text: str) -> str:
    """'the Pentagon' -> 'Pentagon'."""
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article):]
    return text


def bracketed_after(text: str, end: int) -> str | None:
    """An abbreviation in brackets right after a name: ' (FSB)'."""
    rest = text[end : end + 16]
    if rest.startswith(" (") and ")" in rest:
        inner = rest[2 : rest.index(")")]
        if inner.isupper() and 1 < len(inner) <= 10:
            return inner
    return None
