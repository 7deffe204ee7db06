"""Mentions before merging: what NER glued onto a name, what is no name at all, and name comparison.

Why: an entity merger keyed on raw NER spans fragments one person into many ("Vermont Bernie
Sanders", "Narendra Modi Announced", "Scottish National Party - 48") and invents people out of
time zones, transcript labels and text in scripts the English model cannot read. These rules
turn a span into the name it holds, keep what was cut off (a title, a place, an organisation:
the person's side or affiliation), and compare the names that remain so that transliterations
("Haider al-Abadi" / "Haider Al Abadi", "Ja'afari" / "Jaafari") and short given names
("Tony" / "Antony") meet, while two people of one surname stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii
from nicknames import NickNamer
from rapidfuzz import fuzz, process

from ..extract.lexicon import SPEECH_VERBS
from .text import DEMONYMS, country_of, fold

TITLE_WORDS = frozenset("""
mr mrs ms miss mme dr prof sir dame lady lord president vice prime minister secretary spokesperson spokesman spokeswoman
general gen lt col colonel major maj capt captain sgt sergeant admiral adm commander senator sen rep
representative governor mayor leader chief head official ambassador chancellor director deputy former acting
press king queen prince princess pope bishop cardinal sheikh emir judge justice attorney chairman chairwoman
chair ceo founder premier speaker envoy commissioner inspector superintendent officer lieutenant brigadier
marshal coach candidate nominee lawmaker mp congressman congresswoman assemblyman councillor councilor
taoiseach
""".split())
TITLE_CONNECTORS = frozenset("of for the and state defence defense foreign affairs home health justice interior "
                             "army navy staff".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
GOVERNMENT_WORDS = frozenset("""
ministry department government parliament congress senate police army military navy force forces guard
council agency office court commission embassy cabinet presidency administration authority authorities
command directorate bureau service services kremlin pentagon legislature assembly house
""".split())
OUTLET_WORDS = frozenset("""
news times post herald tribune journal gazette telegraph guardian independent express mirror radio tv
television broadcasting broadcaster press agency wire daily weekly magazine channel network media
""".split())
UNNAMED_WORDS = frozenset("""
official officials source sources report reports reporting data study survey analysis witness witnesses
resident residents authorities authority spokesperson spokesman spokeswoman media statement statements
analysts analyst experts expert investigators investigator observers observer activists activist
intelligence reporters reporter journalists journalist paper papers document documents figures estimate
estimates records record account accounts people someone officer officers agency agencies police
government doctors hospital staff monitor monitors group groups organisations organizations he she they it
statistics website site numbers tally count toll situation update bulletin press release footage
""".split())
# Words that make a "person" span a place or an institution: "County Kerry", "Fort Lee", "UC Davis".
PLACE_WORDS = frozenset("""
county city fort lake mount island islands river province district street avenue bridge airport
university college hospital school church mosque cathedral institute centre center museum stadium
""".split())
# Words that make a name a body's, not a person's ("National Hurricane Center", "Aam Aadmi Party").
BODY_WORDS = GOVERNMENT_WORDS | OUTLET_WORDS | PLACE_WORDS | frozenset("""
party group board society federation union committee foundation company corporation organisation
organization association fund team project international inc ltd llc corp bank club league alliance
coalition movement front brigade railways airlines airways review surveillance
""".split())
# Single words NER takes for names that never are: time zones, transcript labels, and the common
# nouns of bodies standing alone ("the Court", "the Department", "the State"), which name a
# different body in every article. (Congress, Senate, Parliament stay: each names one body.)
NON_NAMES = frozenset("""
utc gmt bst cet cest est edt pst pdt cst cdt ist question answer q a moderator
state department court council command agency office service services commission authority bureau
directorate force forces guard assembly house administration embassy government ministry police army
military navy cabinet presidency legislature party group board society federation union committee
institute foundation company corporation university college organisation organization association
""".split())
# Particles that open an Arabic (and other) surname and are written with or without a hyphen.
SURNAME_PARTICLES = ("al-", "el-", "al ", "el ", "ad-", "as-", "an-", "ash-", "ar-")
PARTICLE_WORDS = frozenset("al el bin ibn bint abu van von der den de da di du la le dos das del y".split())
# Inflected speech verbs only: "Announced", "Says"; the bare forms are nouns too ("New York Post", "State").
_VERBS = frozenset(f for v in SPEECH_VERBS for f in (v + "s", v + "d", v + "ed", v.rstrip("e") + "ed")) | frozenset(
    "said told wrote".split())
# A seat count or score NER kept ("Labour Party - 203", "Noosa 32–22"), not a number that is part of
# the name ("G7", "COVID-19", "Apollo 11").
_NUMBER_TAIL = re.compile(r"(?:\s+[-–—:]\s+\d[\d.,%]*|\s+\d+\s*[-–—]\s*\d+)\s*$")
_CLAUSE = re.compile(r",?\s+(?:which|who|whose|that|where)\s+.*$")
_NICKNAMES = NickNamer()
ABBREVIATION = re.compile(r"^[A-Z][A-Z&\-]{1,7}$")
_BRACKET = re.compile(r"\s*\(([^()]*)\)?\s*$")

# A bare word joins a person named in the same article when it is this close to their surname
# (rapidfuzz ratio, 0-100). Tuned on the tune half of tests/data/entities: a transposed pair of
# letters in a 9-letter name scores 88.9; see tests/analyze/test_entities.py for the distinct
# surnames of one article that must stay below it.
SURNAME_TYPO_RATIO = 88


def latin(name: str) -> bool:
    """True when the name is written in Latin letters (the only script the English NER model reads)."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() or anyascii(ch).isalpha() and ord(ch) < 0x250 for ch in letters) \
        >= 0.8 * len(letters)


def is_non_name(name: str) -> bool:
    """Spans that are not names: other scripts, all-lowercase phrases, time zones, transcript labels."""
    if not latin(name):
        return True
    tokens = name.split()
    if not any(t[:1].isupper() or t[:1].isdigit() for t in tokens):
        return True
    return len(tokens) == 1 and fold(name).strip(".:") in NON_NAMES


def trim(name: str) -> str:
    """Cut a trailing score or seat count ('Labour Party - 203') and a relative clause ('Acme, which ...')."""
    text = _CLAUSE.sub("", name)
    cut = _NUMBER_TAIL.sub("", text)
    return cut if any(ch.isalpha() for ch in cut) else text


def place_like(name: str) -> bool:
    """A span naming a place or an institution, whatever NER called it ('County Kerry', 'UC Davis')."""
    return any(fold(t).strip(".,") in PLACE_WORDS for t in name.split())


def trailing_verb(name: str) -> str | None:
    """'Narendra Modi Announced' -> 'Narendra Modi': a speech verb NER took into the name."""
    tokens = name.split()
    if len(tokens) >= 3 and fold(tokens[-1]).strip(".,") in _VERBS:
        return " ".join(tokens[:-1])
    return None


def glued_head(name: str, is_person, is_head) -> tuple[str, str] | None:
    """'Vermont Bernie Sanders' -> ('Vermont', 'Bernie Sanders') when the tail is a known person's
    full name and ``is_head`` accepts what comes before it (a place, an organisation, a title)."""
    tokens = name.split()
    for i in range(1, len(tokens) - 1):
        head, tail = " ".join(tokens[:i]), " ".join(tokens[i:])
        if is_person(tail) and is_head(head):
            return head, tail
    return None


# -- comparing person names -------------------------------------------------------------------------------


def flat(word: str) -> str:
    """A name word in ASCII, lowercase, without apostrophes, dots or hyphens ('Ja’afari' -> 'jaafari')."""
    return re.sub(r"[^a-z0-9]", "", anyascii(word).lower())


def is_particle(word: str) -> bool:
    """'al-Assadi', 'bin', 'van', 'de': the lowercase parts a name may hold."""
    folded = fold(word)
    return folded in PARTICLE_WORDS or folded.startswith(tuple(p for p in SURNAME_PARTICLES if p.endswith("-")))


def name_words(name: str) -> list[str]:
    """The words of a person's name that identify them: no titles, suffixes, initials or particles."""
    text = anyascii(name).lower()
    for particle in SURNAME_PARTICLES:
        text = re.sub(rf"(?<![a-z]){re.escape(particle)}", " ", text)
    words = [flat(w) for w in text.split()]
    words = [w for w in words if len(w) > 1 and w not in NAME_SUFFIXES]
    return [w for w in words if w not in TITLE_WORDS] or words


def undoubled(word: str) -> str:
    """A word with doubled letters single: 'assad' -> 'asad', 'phillips' -> 'philips'."""
    return re.sub(r"(.)\1+", r"\1", word)


@lru_cache(maxsize=4096)
def skeleton(word: str) -> str:
    """Consonants with doubles collapsed: 'mohammed' and 'muhammad' -> 'mhmd'; 'sergei'/'sergey' -> 'srg'."""
    out = re.sub(r"[aeiouyhw]", "", word[1:])
    return word[:1] + re.sub(r"(.)\1+", r"\1", out)


@lru_cache(maxsize=4096)
def _canonical_given(word: str) -> frozenset[str]:
    return frozenset({skeleton(word)} | {skeleton(flat(c)) for c in _NICKNAMES.canonicals_of(word)})


def is_given_name(word: str) -> bool:
    """A word the nicknames dataset knows as an English given name ('Ricardo', 'Tomasz' are not all)."""
    word = flat(word)
    return bool(_NICKNAMES.canonicals_of(word) or _NICKNAMES.nicknames_of(word))


def same_given_name(a: str, b: str) -> bool:
    """'Antony'/'Tony', 'Nicholas'/'Nick', 'Mohammed'/'Muhammad': one person's given name, spelt two ways.
    Different names ('Bill'/'Hillary', 'Sam'/'Kamala') are not."""
    a, b = flat(a), flat(b)
    if not a or not b:
        return False
    if a == b or skeleton(a) == skeleton(b):
        return True
    if len(min(a, b, key=len)) >= 3 and (a.startswith(b) or b.startswith(a)) and len(max(a, b, key=len)) <= 2 * len(
            min(a, b, key=len)) + 2:
        return True
    return bool(_canonical_given(a) & _canonical_given(b))


def same_surname(a: str, b: str) -> bool:
    """Surnames equal once folded, or transliterations of one another (same consonant skeleton)."""
    a, b = flat(a), flat(b)
    return a == b or (len(a) > 3 and skeleton(a) == skeleton(b) and a[0] == b[0])


def surname_typos(word: str, surnames: Iterable[str]) -> list[str]:
    """The surnames (flat, as ``name_words`` gives them) that ``word`` could be a slip of
    ('Pierliusi' -> 'pierluisi'): same first letter, fuzzy ratio at least ``SURNAME_TYPO_RATIO``."""
    word = flat(word)
    if len(word) <= 4:
        return []
    choices = [s for s in surnames if s[:1] == word[:1] and word not in (s, s + "s", s + "es")]  # 'Trumps': a family
    found = process.extract(word, choices, scorer=fuzz.ratio,
                            score_cutoff=SURNAME_TYPO_RATIO, limit=None)
    return [match for match, _score, _index in found]


def same_person_name(short: list[str], long: list[str]) -> bool:
    """Whether two person names (``name_words``) can be one person: same surname and given name, a
    shorter form of the same name ('Pedro Pierluisi' / 'Pedro R. Pierluisi Urrutia'), or the tail of
    a longer one ('Rivera Schatz' / 'Thomas Rivera Schatz')."""
    if len(short) > len(long):
        short, long = long, short
    if len(short) < 2:
        return False
    if len(short) < len(long) and short == long[-len(short):]:
        return True
    if not same_given_name(short[0], long[0]):
        return False
    rest = iter(long[1:])
    return all(any(same_surname(word, other) for other in rest) for word in short[1:])


# -- a span to a name -------------------------------------------------------------------------------------


def clean(name: str) -> tuple[str, str | None]:
    """Strip spaces, a leading 'the', possessives and a trailing '(ABBR)'; returns (name, abbreviation)."""
    text = " ".join(name.split()).strip(" ,;:\"'“”‘’")
    abbreviation = None
    match = _BRACKET.search(text)
    if match and match.start() > 0:
        inner = match.group(1).strip()
        if ABBREVIATION.match(inner):
            abbreviation = inner
        text = text[: match.start()].strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    for tail in ("'s", "’s", "'", "’"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return trim(text.strip(" ,;:")), abbreviation


def split_title(name: str) -> tuple[str | None, str]:
    """'Pentagon spokesperson John Kirby' -> ('Pentagon spokesperson', 'John Kirby'); no title -> (None, name)."""
    tokens = name.split()
    last = -1
    for i, token in enumerate(tokens[:-1]):
        if fold(token).strip(".,") in TITLE_WORDS:
            last = i
    if last < 0:
        return None, name
    j = last + 1
    while j < len(tokens) - 1 and fold(tokens[j]).strip(".,") in TITLE_CONNECTORS:
        j += 1
    rest = tokens[j:]
    if not rest or not all(t[:1].isupper() for t in rest) or fold(rest[0]).strip(".,") in NAME_SUFFIXES:
        return None, name  # 'Martin Luther King Jr. Day' has no title in it
    return " ".join(tokens[:j]), " ".join(rest)


def person_key(name: str) -> str | None:
    """'Donald J. Trump' -> 'donald trump', 'Haider Al-Abadi' -> 'haider abadi'; one word gives None (a surname)."""
    words = name_words(name)
    if len(words) < 2:
        return None
    return f"{words[0]} {words[-1]}"


def surname_of(name: str) -> str:
    """The word a bare surname is looked up by ('Al-Abadi' -> 'abadi')."""
    words = name_words(name)
    return words[-1] if words else flat(name)


def initials(name: str) -> str:
    """'World Health Organization' -> 'WHO' (small words skipped)."""
    skip = {"of", "the", "and", "for", "on", "in", "to", "&", "de", "du", "la"}
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'\-]*", name) if w.lower() not in skip).upper()


GENERIC_WORDS = UNNAMED_WORDS | TITLE_WORDS | TITLE_CONNECTORS | frozenset(
    "senior top junior local federal state national news public unnamed anonymous other".split())


def is_description(name: str) -> bool:
    """'officials', 'Ukrainian news sources', 'The Foreign Secretary': no proper name in it."""
    if not name:
        return True
    raw = name.split()
    if raw[0][:1].islower() or fold(raw[0]) in {"a", "an", "another", "some", "several", "two", "three", "many",
                                                "most", "one", "local", "senior", "unnamed", "anonymous"}:
        return True
    tokens = [fold(t).strip(".,'") for t in raw]
    if all(t in GENERIC_WORDS or country_of(t) for t in tokens) and any(t in GENERIC_WORDS for t in tokens):
        return True
    return any(t in UNNAMED_WORDS for t in tokens) and not all(t[:1].isupper() for t in raw)


def sides_in(text: str | None) -> list[str]:
    """Countries a name or title states: demonyms and country names ('Russian', 'U.S.')."""
    if not text:
        return []
    found = []
    tokens = text.replace("’", "'").split()
    for i, token in enumerate(tokens):
        word = token.strip(",;:()\"'")
        if word.endswith("'s"):
            word = word[:-2]
        if not word[:1].isupper():
            continue
        pair = f"{word} {tokens[i + 1].strip(',;:()')}" if i + 1 < len(tokens) else ""
        country = DEMONYMS.get(fold(pair)) or country_of(word)
        if country and country not in found:
            found.append(country)
    return found
