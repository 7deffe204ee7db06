"""Where an incident happened: the most specific place the text names, with what contains it.

Places come from spaCy's GPE/LOC/FAC entities and from "<Name> district|province|..." phrases
(NER often misses Afghan districts and villages). A place phrase near the incident wins; one
without a province-level part borrows the nearest province the text names, so the place reads
"Andar district, Ghazni province" rather than "Andar district". Datelines ("KABUL,
Afghanistan (Jan. 25, 2013)") say where the report was filed, not where things happened, so
they are the last resort.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from spacy.tokens import Doc, Token

from ._cache import doc_ents, doc_text, doc_tokens
from .tally_words import ARMED_GROUP_NAMES, PLACE_LEVELS

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DATELINE = re.compile(r"(?:^|\s\s)[ \t]*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*),\s*([A-Z][A-Za-z .]+?)\s*[(—–-]", re.M)


@dataclass(frozen=True)
class Place:
    """A named place in the text with its level (0 town .. 2 province .. 3 country)."""

    start: int
    end: int
    text: str
    level: int


def find_places(doc: Doc) -> list[Place]:
    """Place phrases in text order; 'X district, Y province' becomes one place."""
    text = doc_text(doc)
    dateline = dateline_span(text)
    places: list[Place] = []
    tokens = doc_tokens(doc)
    for token in tokens:
        level = PLACE_LEVELS.get(token.lower_)
        if level is None or token.i == 0 or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        first = token.i
        while first > 0 and name_part(doc, first - 1):
            first -= 1
        if first == token.i:
            continue
        first = listed_names(doc, first) if token.lower_.endswith("s") else first  # "Nangarhar and Khost provinces"
        places.append(Place(tokens[first].idx, token.idx + len(token), text[tokens[first].idx : token.idx + len(token)], level))
    covered = [(p.start, p.end) for p in places]
    for token in tokens:  # NER misses regions: "In Logar last night"
        if token.pos_ == "PROPN" and token.i > 0 and tokens[token.i - 1].lower_ in {"in", "of", "near"} and not named_apart(token) \
                and not any(s <= token.idx < e for s, e in covered) and gazetteer_level(token.text) == 2:
            places.append(Place(token.idx, token.idx + len(token), token.text, 2))
            covered.append((token.idx, token.idx + len(token)))
    for ent in doc_ents(doc):
        if ent.label_ in PLACE_LABELS and not any(s <= ent.start_char < e for s, e in covered) \
                and ent.text.strip().lower() not in ARMED_GROUP_NAMES:  # "a Haqqani facilitator": a network, no place
            level = gazetteer_level(ent.text) if ent.label_ == "GPE" else 0
            places.append(Place(ent.start_char, ent.end_char, ent.text.strip(), level))
    inside = [p for p in places if dateline and dateline[0] <= p.start < dateline[1]]
    places = join_adjacent(sorted((p for p in places if p not in inside), key=lambda p: p.start), text)
    if not any(p.level == 2 for p in places):
        # the filing place ("URUZGAN, Afghanistan") is the region only when the text names none
        places += [Place(p.start, p.end, p.text.title() if p.text.isupper() else p.text, 2) for p in inside
                   if gazetteer_level(p.text.title()) == 2]
    return places


def named_apart(token: Token) -> bool:
    """A person or organisation whose name holds a province's ('Kabul Bank', 'Mahmud of Ghazni'); a
    province alone that the tagger calls an organisation ('In Logar last night') is still the province."""
    if token.lower_ in COMPASS:
        return True  # "Operations in Eastern, Southern Afghanistan": a part of a country, not a province elsewhere
    return token.ent_type_ in {"PERSON", "ORG"} and not (token.ent_iob_ == "B" and (
        token.i + 1 >= len(token.doc) or token.nbor(1).ent_iob_ != "I"))


COMPASS = frozenset("north south east west northern southern eastern western central".split())


def gazetteer_level(name: str) -> int:
    """3 for a country, 2 for a first-level subdivision (ISO 3166), else 0 (a town)."""
    key = name.strip().removeprefix("the ").strip()
    return 3 if country(key) else 2 if fold(key) in subdivision_names() else 0


@lru_cache(maxsize=4096)
def country(name: str) -> bool:
    """Whether ISO 3166 knows the name as a country."""
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


@lru_cache(maxsize=1)
def subdivision_names() -> frozenset[str]:
    """ISO 3166-2 first-level subdivision names, folded to ASCII lower case."""
    return frozenset(fold(s.name) for s in pycountry.subdivisions if s.parent_code is None)


def fold(name: str) -> str:
    """'Paktiyā' -> 'paktiya': accents dropped, lower case."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def listed_names(doc: Doc, first: int) -> int:
    """Where a list of names before a plural level word starts: 'Nangarhar and Khost provinces',
    'Kandahar, Helmand and Zabul provinces' (each name one a place of that level)."""
    while first >= 2 and doc[first - 1].lower_ in {"and", ","} and name_part(doc, first - 2):
        first -= 2
        while first > 0 and name_part(doc, first - 1):
            first -= 1
    return first


GLUE = frozenset("- ' ’ ‘".split())


def name_part(doc: Doc, i: int) -> bool:
    """A token that belongs to a place name before 'district': 'Nad ‘Ali', 'Sar-e Pul'."""
    token = doc[i]
    if token.text in GLUE:
        return i > 0 and not doc[i - 1].is_punct
    if token.is_title or token.is_upper and token.is_alpha:
        return token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.ent_type_ in PLACE_LABELS
    glued = i > 0 and doc[i - 1].text in GLUE and not doc[i - 1].whitespace_
    return glued and token.is_lower and len(token) <= 3  # "-e", "-i", "wa"


def join_adjacent(places: list[Place], text: str) -> list[Place]:
    """'Andar district' + ', ' + 'Ghazni province' -> one place holding both."""
    joined: list[Place] = []
    for place in places:
        if joined and text[joined[-1].end : place.start].strip() in {",", "of", "in"} and place.level >= joined[-1].level:
            last = joined.pop()
            place = Place(last.start, place.end, text[last.start : place.end], max(last.level, place.level))
        joined.append(place)
    return joined


def dateline_span(text: str) -> tuple[int, int] | None:
    """The 'CITY, Country (' dateline near the top of a report, if there is one."""
    found = DATELINE.search(text, 0, min(len(text), 600))
    return (found.start(), found.end()) if found else None


def place_for(places: list[Place], at: int, sentence: tuple[int, int], eventful: list[tuple[int, int]]) -> str | None:
    """The place of an incident mentioned at offset ``at`` (inside ``sentence``): one named in
    its sentence, else the last one named in a sentence that tells of casualties (the lead
    names where the operation was; a background aside may name another city)."""
    if not places:
        return None
    inside = [p for p in places if sentence[0] <= p.start < sentence[1]]
    told = [p for p in places if p.start < sentence[0] and any(s <= p.start < e for s, e in eventful)]
    before = told or [p for p in places if p.start < sentence[0]]
    chosen = min(inside, key=lambda p: abs(p.start - at)) if inside else (
        before[-1] if before else places[0])
    if chosen.level >= 2:
        return chosen.text
    region = [p for p in places if p.level == 2]
    if not region:
        return chosen.text
    nearest = min(region, key=lambda p: abs(p.start - chosen.start))
    if nearest.text.lower() in chosen.text.lower():
        return chosen.text
    return f"{chosen.text}, {nearest.text}"
