"""Entities across documents: every way a person or organisation is named becomes one entity.

Why: the same speaker appears as "John Kirby", "Kirby", "Pentagon spokesperson John Kirby" and
"KIRBY"; the same body as "the Pentagon" and "Department of Defense". Claims can only be compared
across articles once those names point at one entity. The rules, in order (docs/analysis.md):

1. the alias table (defaults + the user's) maps a name to its canonical entity;
2. a person is keyed by first and last name (titles, honorifics and middle initials dropped);
3. a bare surname joins the person of that surname mentioned in the most documents, when that person
   has at least twice the documents of the next one (else it stays apart: ambiguous);
4. an organisation is keyed by its folded name; an all-capitals name joins the organisation whose
   bracketed abbreviation or initials it is, when exactly one matches;
5. unnamed-source descriptions ("officials", "Ukrainian news sources") stay per document: two
   articles' "officials" are not the same people;
6. the side is what the name or a title states: a nationality or country ("the Russian Defence
   Ministry" -> Russia), or the side of the organisation in a title ("Pentagon spokesperson").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .aliases import AliasRule, normal_alias
from .text import DEMONYMS, country_of, fold

TITLE_WORDS = frozenset("""
mr mrs ms miss dr sir dame lady lord president vice prime minister secretary spokesperson spokesman spokeswoman
general gen lt col colonel major maj capt captain sgt sergeant admiral adm commander senator sen rep
representative governor mayor leader chief head official ambassador chancellor director deputy former acting
press king queen prince princess pope bishop cardinal sheikh emir judge justice attorney chairman chairwoman
chair ceo founder premier speaker envoy commissioner inspector superintendent officer lieutenant brigadier
marshal coach candidate nominee lawmaker mp congressman congresswoman assemblyman councillor councilor
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
ABBREVIATION = re.compile(r"^[A-Z][A-Z&\-]{1,7}$")
_BRACKET = re.compile(r"\s*\(([^()]*)\)?\s*$")


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


@dataclass
class CanonicalEntity:
    """One entity of the whole ledger, with every name it goes by."""

    key: str
    name: str
    type: str
    side: str | None = None
    affiliation: str | None = None
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # kind -> names
    documents: set[int] = field(default_factory=set)
    sides: Counter = field(default_factory=Counter)
    forms: Counter = field(default_factory=Counter)  # surface name -> documents, to choose the display name
    fixed_name: bool = False  # set by an alias rule: the canonical name is not voted on
    id: int | None = None  # row id once stored
    known_documents: int = 0  # documents counted by an earlier run (incremental analysis)

    @property
    def document_count(self) -> int:
        return self.known_documents + len(self.documents)

    def add_name(self, kind: str, name: str) -> None:
        if name and name != self.name:
            self.names[kind].add(name)

    def finish(self) -> None:
        """Choose the display name (the form in most documents, longest on ties) and the side."""
        if self.forms and not self.fixed_name:
            best = max(self.forms.items(), key=lambda item: (item[1], len(item[0].split()), item[0]))[0]
            if best != self.name:
                self.names["alias"].add(self.name)
                self.name = best
                self.names["alias"].discard(best)
        if self.sides and self.side is None:
            self.side = max(self.sides.items(), key=lambda item: (item[1], item[0]))[0]


@dataclass
class Parsed:
    """What the rules make of one name."""

    kind: str  # rule | person | surname | organisation | outlet | place | group | unnamed
    name: str  # cleaned display form
    key: str
    title: str | None = None
    abbreviation: str | None = None
    rule: AliasRule | None = None
    fallback: "Parsed | None" = None  # what a provisional surname/abbreviation becomes if nothing claims it


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
    return text.strip(" ,;:"), abbreviation


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
    if not rest or not all(t[:1].isupper() for t in rest):
        return None, name
    return " ".join(tokens[:j]), " ".join(rest)


def person_key(name: str) -> str | None:
    """'Donald J. Trump' -> 'donald trump'; a single word gives None (a bare surname)."""
    parts = [p.strip(".,") for p in fold(name).split()]
    parts = [p for p in parts if p and p not in NAME_SUFFIXES and not (len(p) == 1)]
    parts = [p for p in parts if p not in TITLE_WORDS] or parts
    if len(parts) < 2:
        return None
    return f"{parts[0]} {parts[-1]}"


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


class Resolver:
    """Turns names into canonical entities, keeping one registry for the whole ledger."""

    def __init__(self, rules: dict[str, AliasRule]):
        self.rules = rules
        self.entities: dict[str, CanonicalEntity] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_abbreviation: dict[str, set[str]] = defaultdict(set)
        self.by_normal: dict[str, str] = {}  # normalised surface name -> key (named entities only)

    # -- parsing ---------------------------------------------------------------------------

    def parse(self, use: NameUse, document: int | None = None) -> Parsed | None:
        """Which rule applies to a name and the key it gives (None for an empty name).

        A ``Parsed`` of kind "surname" (or with ``fallback`` set) is provisional: ``resolve``
        first tries to attach it to a known person or abbreviation, then falls back.
        """
        name, abbreviation = clean(use.name)
        if not name or not any(ch.isalpha() for ch in name):
            return None
        rule = self._rule(name) or (self._rule(abbreviation) if abbreviation else None)
        if rule is not None:
            return self._by_rule(rule, abbreviation=abbreviation)
        if use.outlet:
            return Parsed("outlet", name, "outlet:" + normal_alias(name))
        if use.label == "PERSON" and name.isupper() and len(name) > 3:
            name = name.title()  # "KIRBY"
        label = use.label
        if label in (None, "PERSON"):
            title, rest = split_title(name)
            if title is not None:
                rule = self._rule(rest)
                if rule is not None:
                    return self._by_rule(rule, title=title)
                key = person_key(rest)
                if key:
                    return Parsed("person", rest, "person:" + key, title=title)
                return Parsed("surname", rest, "surname:" + fold(rest), title=title,
                              fallback=Parsed("person", rest, "person:" + fold(rest), title=title))
        if label is None:
            if is_description(name):
                return Parsed("unnamed", name, f"unnamed:{document}:{normal_alias(name)}")
            label = self._guess_label(name)
        if label == "PERSON":
            key = person_key(name)
            if key:
                return Parsed("person", name, "person:" + key)
            return Parsed("surname", name, "surname:" + fold(name), fallback=Parsed("person", name, "person:" + fold(name)))
        if label == "GPE" or label == "ORG" and country_of(name) and not fold(name).endswith("s"):
            country = country_of(name)
            parsed = Parsed("place", country or name, "place:" + fold(country or name))
        elif label == "NORP":
            country = country_of(name)
            parsed = Parsed("group", name, "group:" + fold(country or name))
        else:
            parsed = self._organisation(name, abbreviation)
        if " " not in name and name[:1].isupper() and not name.isupper() and not country_of(name):
            return Parsed("surname", name, "surname:" + fold(name), fallback=parsed)  # "Trump" tagged ORG
        if parsed.kind in ("organisation", "outlet") and ABBREVIATION.match(name):
            return Parsed("abbreviation", name, parsed.key, fallback=parsed)
        return parsed

    def _rule(self, name: str | None) -> AliasRule | None:
        return self.rules.get(normal_alias(name)) if name else None

    @staticmethod
    def _by_rule(rule: AliasRule, *, title: str | None = None, abbreviation: str | None = None) -> Parsed:
        return Parsed("rule", rule.canonical, "rule:" + fold(rule.canonical), title=title,
                      abbreviation=abbreviation, rule=rule)

    @staticmethod
    def _organisation(name: str, abbreviation: str | None = None) -> Parsed:
        words = {fold(t).strip(".,") for t in name.split()}
        kind = "outlet" if words & OUTLET_WORDS and not words & GOVERNMENT_WORDS and len(words) <= 4 else "organisation"
        return Parsed(kind, name, ("outlet:" if kind == "outlet" else "org:") + normal_alias(name),
                      abbreviation=abbreviation)

    def _guess_label(self, name: str) -> str:
        """A label for a claimant string that extraction did not tag."""
        folded = fold(name)
        if country_of(name):
            return "NORP" if folded.endswith("s") and folded not in ("us", "u.s.") else "GPE"
        if self.by_normal.get(folded, "").startswith("place:"):
            return "GPE"
        tokens = name.split()
        if person_key(name) and len(tokens) <= 4 and all(t[:1].isupper() for t in tokens) \
                and not any(fold(t).strip(".,") in GOVERNMENT_WORDS | OUTLET_WORDS for t in tokens):
            return "PERSON"
        return "ORG"

    # -- resolving -------------------------------------------------------------------------

    def resolve(self, uses: Iterable[NameUse], story_of: dict[int, int] | None = None) -> dict[tuple[int, int], str]:
        """Register every use; returns {(use index, document or -1): entity key}.

        Claimant strings (no label) are resolved per document, since a description such as
        "officials" means different people in each (per story, given ``story_of``: a reprint's
        "officials" are its original's). Names are handled in two passes, so bare
        surnames and abbreviations are judged against every full name, whatever the order.
        """
        uses = list(uses)
        pending: list[tuple[int, NameUse, int, Parsed]] = []
        result: dict[tuple[int, int], str] = {}
        for i, use in enumerate(uses):
            for document in (sorted(use.documents) if use.label is None else [-1]):
                scope = (story_of or {}).get(document, document)  # reprints share their original's descriptions
                parsed = self.parse(use, scope if document >= 0 else None)
                if parsed is None:
                    continue
                if parsed.fallback is not None:
                    pending.append((i, use, document, parsed))
                else:
                    result[(i, document)] = self._register(parsed, use).key
        # Organisations and places first, so a bare word also tagged as a person joins them, not the reverse.
        pending.sort(key=lambda item: (item[1].label == "PERSON" or item[3].fallback.kind == "person", item[0], item[2]))
        for i, use, document, parsed in pending:
            key = self._attach(parsed)
            if key is None:
                result[(i, document)] = self._register(parsed.fallback, use).key
            else:
                self._note(self.entities[key], parsed, use)
                result[(i, document)] = key
        for entity in self.entities.values():
            entity.finish()
        return result

    def _attach(self, parsed: Parsed) -> str | None:
        """The entity a bare surname or an abbreviation belongs to, when one clearly does."""
        if parsed.kind == "surname":
            candidates = self.by_surname.get(fold(parsed.name).split()[-1], set())
        else:
            candidates = self.by_abbreviation.get(parsed.name, set())
        ranked = sorted(candidates, key=lambda k: (-self.entities[k].document_count, k))
        if len(ranked) == 1:
            return ranked[0]
        if len(ranked) > 1 and parsed.kind == "surname":
            first, second = (self.entities[k].document_count for k in ranked[:2])
            if first >= 2 * max(second, 1):
                return ranked[0]
        if not ranked:  # no person of that surname: the entity of exactly this name, if there is one
            same = self.by_normal.get(fold(parsed.name))
            if same is not None and same in self.entities:
                return same
        return None

    def load(self, entity: CanonicalEntity) -> None:
        """Add an entity stored by an earlier run, so new names can join it."""
        self.entities[entity.key] = entity
        if entity.type == "person":
            self.by_surname[fold(entity.name).split()[-1]].add(entity.key)
        if entity.type in ("organisation", "government", "outlet"):
            self.by_abbreviation[initials(entity.name)].add(entity.key)
            for name in entity.names.get("abbreviation", ()):
                self.by_abbreviation[name].add(entity.key)
        if not entity.key.startswith("unnamed:"):
            self.by_normal.setdefault(fold(entity.name), entity.key)

    def _register(self, parsed: Parsed, use: NameUse) -> CanonicalEntity:
        entity = self.entities.get(parsed.key)
        if entity is None:
            rule = parsed.rule
            if rule is not None:
                entity = CanonicalEntity(parsed.key, rule.canonical, rule.type or "organisation", side=rule.side,
                                         fixed_name=True)
                for other in self.rules.values():
                    if other.canonical == rule.canonical and other.alias != rule.canonical:
                        entity.add_name("alias", other.alias)
            else:
                entity = CanonicalEntity(parsed.key, parsed.name, _type_of(parsed))
            self.entities[parsed.key] = entity
            if entity.type == "person":
                self.by_surname[fold(entity.name).split()[-1]].add(parsed.key)
            if entity.type in ("organisation", "government", "outlet"):
                self.by_abbreviation[initials(entity.name)].add(parsed.key)
        self._note(entity, parsed, use)
        if entity.type in ("organisation", "government", "outlet") and parsed.abbreviation:
            self.by_abbreviation[parsed.abbreviation].add(parsed.key)
        if not parsed.key.startswith("unnamed:"):
            self.by_normal.setdefault(fold(parsed.name), parsed.key)
        return entity

    def _note(self, entity: CanonicalEntity, parsed: Parsed, use: NameUse) -> None:
        """Add what this use says: its surface forms, documents, titles and stated side."""
        entity.documents |= set(use.documents)
        weight = max(1, len(use.documents))
        if parsed.kind == parsed_kind_of(entity) and parsed.name:
            if not (entity.type == "person" and person_key(parsed.name) is None):
                entity.forms[parsed.name] += weight
        if use.name.strip() != entity.name:
            entity.add_name("alias", clean(use.name)[0] if parsed.kind != "rule" else use.name.strip())
        if parsed.abbreviation:
            entity.add_name("abbreviation", parsed.abbreviation)
        titles = [t for t in (*use.titles, parsed.title) if t and _good_title(t)]
        for title in titles:
            entity.add_name("title", title)
        for alias in use.aliases:
            alias_name, _ = clean(alias)
            if not alias_name:
                continue
            if entity.type == "person":
                key = person_key(alias_name)
                if key is not None and "person:" + key != entity.key:
                    continue  # another person's full name: an extraction slip, not an alias
            entity.add_name("alias", alias_name)
            if entity.type in ("organisation", "government") and ABBREVIATION.match(alias_name):
                self.by_abbreviation[alias_name].add(entity.key)
        for text in (parsed.name if entity.type in ("organisation", "government", "unnamed", "group", "outlet") else None,
                     *titles):
            for country in sides_in(text):
                entity.sides[country] += 1
        if entity.type == "place" and parsed.name in DEMONYMS.values():
            entity.sides[parsed.name] += 1
        for title in titles:
            affiliated = self._organisation_in(title)
            if affiliated is not None and affiliated.key != entity.key:
                entity.affiliation = entity.affiliation or affiliated.name
                if affiliated.side:
                    entity.sides[affiliated.side] += 1
        if entity.type == "unnamed":
            affiliated = self._organisation_in(parsed.name)
            if affiliated is not None:
                entity.affiliation = entity.affiliation or affiliated.name
                if affiliated.side:
                    entity.sides[affiliated.side] += 1

    def _organisation_in(self, text: str) -> CanonicalEntity | None:
        """An organisation of the alias table named inside a title or description ('Pentagon spokesperson')."""
        tokens = [t.strip(",;:()") for t in text.split()]
        for size in (4, 3, 2, 1):
            for i in range(len(tokens) - size + 1):
                phrase = " ".join(tokens[i : i + size])
                if not phrase[:1].isupper():
                    continue
                rule = self.rules.get(normal_alias(phrase))
                if rule is not None:
                    return CanonicalEntity("rule:" + fold(rule.canonical), rule.canonical, rule.type or "organisation",
                                           side=rule.side)
        return None


def parsed_kind_of(entity: CanonicalEntity) -> str:
    return {"government": "organisation"}.get(entity.type, entity.type)


def _type_of(parsed: Parsed) -> str:
    if parsed.kind == "organisation":
        words = {fold(t).strip(".,") for t in parsed.name.split()}
        return "government" if words & GOVERNMENT_WORDS or sides_in(parsed.name) and len(words) > 1 else "organisation"
    return {"surname": "person"}.get(parsed.kind, parsed.kind)


def _good_title(title: str) -> bool:
    """Titles worth keeping: short, no list or clause in them ('President, his wife Melania' is not)."""
    return 0 < len(title.split()) <= 6 and "," not in title and title[:1].isalpha()
