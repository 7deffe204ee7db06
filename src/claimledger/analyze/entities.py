"""Entities across documents: every way a person or organisation is named becomes one entity.

Why: the same speaker appears as "John Kirby", "Kirby", "Pentagon spokesperson John Kirby" and
"KIRBY"; the same body as "the Pentagon" and "Department of Defense". Claims can only be compared
across articles once those names point at one entity. The rules, in order (docs/analysis.md):

1. each name is first parsed on its own (analyze/names.py), where the alias table (defaults + the
   user's, which hold merges and splits made by hand) decides first;
2. a span is cleaned (analyze/mentions.py) and given the label it gets in most documents
   (analyze/evidence.py); spans that are no names make no entity;
3. a person is keyed by given name and surname (titles, initials, particles dropped, folded to ASCII);
   another full name joins them when it fits every full name they go by (same surname, the same
   given name spelt otherwise or shortened, a longer or shorter form of the name);
4. a bare surname joins the person of that surname, or the one in at least twice the documents of
   the next; a slip of a surname joins a person named in the same article;
5. a body is keyed by its folded name with abbreviations spelt out; an all-capitals name joins the body
   whose initials or bracketed abbreviation it is, and a shorter name the one longer name it ends,
   when one clearly fits; a people's plural and singular are one group;
6. unnamed-source descriptions ("officials") stay per document; the side is what a name or title states.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .aliases import AliasRule, normal_alias
from .evidence import NameUse
from .mentions import (  # clean, split_title, person_key: the parsing helpers, here for callers
    ABBREVIATION, clean, initials, name_words, person_key, undoubled, same_person_name, sides_in,
    split_title, surname_of, surname_typos,
)
from .names import NameParser, Parsed, type_of
from .text import DEMONYMS, fold


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


# A bare word spelt like a person's surname but for a doubled letter joins them only if they are named in
# this many documents: on the bundled corpus "Asad" -> Bashar al-Assad (9 documents) is right, while
# "Dorian" (a hurricane) -> John Dorrian and "Channel" -> Coco Chanel (1 document each) are not.
PROMINENT = 3


class Resolver:
    """Turns names into canonical entities, keeping one registry for the whole ledger."""

    def __init__(self, rules: dict[str, AliasRule]):
        self.rules = rules
        self.entities: dict[str, CanonicalEntity] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_abbreviation: dict[str, set[str]] = defaultdict(set)  # stated: '(NTSB)', an alias
        self.by_initials: dict[str, set[str]] = defaultdict(set)  # guessed from a long name's initials
        self.by_normal: dict[str, str] = {}  # normalised surface name -> key (named entities only)
        self.by_undoubled: dict[str, set[str]] = defaultdict(set)  # surname, doubled letters single -> persons
        self.by_middle: dict[str, set[str]] = defaultdict(set)  # middle word of three-word names -> persons
        self.first_names: set[str] = set()  # given names of the people registered: never a bare surname
        self.parser = NameParser(rules, self.by_normal)
        self.evidence = self.parser.evidence

    def parse(self, use: NameUse, document: int | None = None) -> Parsed | None:
        """Which rule applies to a name and the key it gives (``NameParser.parse``)."""
        return self.parser.parse(use, document)

    # -- resolving -------------------------------------------------------------------------

    def resolve(self, uses: Iterable[NameUse], story_of: dict[int, int] | None = None) -> dict[tuple[int, int], str]:
        """Register every use; returns {(use index, document or -1): entity key}.

        Claimant strings (no label) are resolved per document, since a description such as
        "officials" means different people in each (per story, given ``story_of``: a reprint's
        "officials" are its original's). Names are handled in two passes, so bare
        surnames and abbreviations are judged against every full name, whatever the order.
        """
        uses = list(uses)
        self.evidence.learn(uses)
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
            key = self._attach(parsed, use)
            if key is None:
                result[(i, document)] = self._register(parsed.fallback, use).key
            else:
                self._note(self.entities[key], parsed, use)
                result[(i, document)] = key
        moved = self._fold_short_forms()
        for entity in self.entities.values():
            entity.finish()
        return {where: moved.get(key, key) for where, key in result.items()}

    def _fold_short_forms(self) -> dict[str, str]:
        """Join a body's shorter name to the longer one it ends ('Security Council' -> 'UN Security
        Council') when exactly one longer name fits, and it is named in at least twice the documents:
        the short form is then a back-reference. A short form used as much as the long one is a body of
        its own ('Democratic Party' / 'Maryland Democratic Party'). Returns {old key: new key}."""
        tails: dict[str, set[str]] = defaultdict(set)
        for key, entity in self.entities.items():
            if entity.type in ("organisation", "government"):
                for form in {entity.name, *entity.forms}:
                    words = normal_alias(self.parser.expand(form)).split()
                    for i in range(1, len(words) - 1):
                        tails[" ".join(words[i:])].add(key)
        moved: dict[str, str] = {}
        for key, entity in list(self.entities.items()):
            own = normal_alias(self.parser.expand(entity.name))
            if entity.id is not None or entity.type not in ("organisation", "government") or len(own.split()) < 2:
                continue
            target = self._dominant(tails.get(own, set()) - {key})
            if target is not None and target not in moved and \
                    self.entities[target].document_count >= 2 * entity.document_count:
                self._absorb(self.entities[target], entity)
                del self.entities[key]
                moved[key] = target
        return moved

    @staticmethod
    def _absorb(into: CanonicalEntity, other: CanonicalEntity) -> None:
        into.documents |= other.documents
        into.forms.update(other.forms)
        into.sides.update(other.sides)
        into.add_name("alias", other.name)
        for kind, names in other.names.items():
            for name in names:
                into.add_name(kind, name)

    def _attach(self, parsed: Parsed, use: NameUse) -> str | None:
        """The entity a bare surname or an abbreviation belongs to, when one clearly does."""
        if parsed.kind == "surname":
            word = surname_of(parsed.name)
            candidates = self.by_surname.get(word, set())
            if not candidates and word not in self.first_names:
                candidates = self.by_middle.get(word, set())
            if not candidates:  # a doubled letter spelt single or the reverse ('Asad' / 'Assad'), for a person
                candidates = {k for k in self.by_undoubled.get(undoubled(word), ())  # named often enough to be meant
                              if self.entities[k].document_count >= PROMINENT}
        else:
            candidates = self.by_abbreviation.get(parsed.name, set()) or {
                k for k in self.by_initials.get(parsed.name, ()) if self.entities[k].documents & use.documents}
        chosen = self._dominant(candidates)
        if chosen is not None:
            return chosen
        if not candidates and parsed.kind == "surname":
            chosen = self._dominant(self._typo_of(parsed.name, use.documents))
            if chosen is not None:
                return chosen
        if not candidates:  # no person of that surname: the entity of exactly this name, if there is one
            same = self.by_normal.get(fold(parsed.name))
            if same is not None and same in self.entities:
                return same
        return None

    def _dominant(self, candidates: Iterable[str]) -> str | None:
        """The only candidate, or the one named in at least twice the documents of the next."""
        ranked = sorted(candidates, key=lambda k: (-self.entities[k].document_count, k))
        if len(ranked) == 1:
            return ranked[0]
        if len(ranked) > 1:
            first, second = (self.entities[k].document_count for k in ranked[:2])
            if first >= 2 * max(second, 1):
                return ranked[0]
        return None

    def _typo_of(self, name: str, documents: frozenset[int]) -> set[str]:
        """People named in the same documents whose surname this bare word misspells ('Pierliusi')."""
        return {key for surname in surname_typos(surname_of(name), self.by_surname)
                for key in self.by_surname[surname] if self.entities[key].documents & documents}

    def _same_person(self, parsed: Parsed) -> str | None:
        """A registered person this full name is another form of ('Tony Blinken' / 'Antony Blinken')."""
        words = name_words(parsed.name)
        keys = {k for word in words[1:] for index in (self.by_surname, self.by_middle) for k in index.get(word, ())}
        found = {k for k in keys if self.entities[k].type == "person" and k.startswith("person:")
                 and self._fits(words, self.entities[k])}
        return self._dominant(found)

    @staticmethod
    def _fits(words: list[str], entity: CanonicalEntity) -> bool:
        """A full name fits a person when it can be every full name they go by: 'Alex Van Halen' does
        not join 'Van Halen' once 'Eddie Van Halen' is one of its names."""
        forms = [name_words(form) for form in (entity.name, *entity.forms)]
        return any(len(f) > 1 for f in forms) and all(same_person_name(words, f) for f in forms if len(f) > 1)

    def _index_person(self, key: str, name: str) -> None:
        """Index a person by surname (the last word) and, for a name of three words, by the middle one
        too (a double surname: 'Wanda Vázquez Garced' is also 'Vázquez')."""
        words = name_words(name)
        if words:
            self.by_surname[words[-1]].add(key)
            self.by_undoubled[undoubled(words[-1])].add(key)
            self.first_names.add(words[0])
        if len(words) == 3 and "," not in name and len(words[1]) > 2:
            self.by_middle[words[1]].add(key)

    def load(self, entity: CanonicalEntity) -> None:
        """Add an entity stored by an earlier run, so new names can join it."""
        self.entities[entity.key] = entity
        if entity.type == "person":
            self._index_person(entity.key, entity.name)
        if entity.type in ("organisation", "government", "outlet"):
            self.by_initials[initials(entity.name)].add(entity.key)
            for name in entity.names.get("abbreviation", ()):
                self.by_abbreviation[name].add(entity.key)
        if not entity.key.startswith("unnamed:"):
            self.by_normal.setdefault(fold(entity.name), entity.key)

    def _register(self, parsed: Parsed, use: NameUse) -> CanonicalEntity:
        entity = self.entities.get(parsed.key)
        if entity is None and parsed.kind == "person":
            same = self._same_person(parsed)
            entity = self.entities[same] if same is not None else None
        if entity is None:
            rule = parsed.rule
            if rule is not None:
                entity = CanonicalEntity(parsed.key, rule.canonical, rule.type or "organisation", side=rule.side,
                                         fixed_name=True)
                for other in self.rules.values():
                    if other.canonical == rule.canonical and other.alias != rule.canonical:
                        entity.add_name("alias", other.alias)
            else:
                entity = CanonicalEntity(parsed.key, parsed.name, type_of(parsed))
            self.entities[parsed.key] = entity
            if entity.type == "person":
                self._index_person(parsed.key, entity.name)
            if entity.type in ("organisation", "government", "outlet"):
                self.by_initials[initials(entity.name)].add(parsed.key)
        elif entity.type == "person" and parsed.kind == "person":
            self._index_person(entity.key, parsed.name)
        self._note(entity, parsed, use)
        if entity.type in ("organisation", "government", "outlet"):
            if parsed.kind in ("organisation", "outlet") and len(parsed.name.split()) > 1:
                self.by_initials[initials(parsed.name)].add(entity.key)  # every long form: 'United Nations Security Council'
            if parsed.abbreviation:
                self.by_abbreviation[parsed.abbreviation].add(entity.key)
        if not entity.key.startswith("unnamed:"):
            self.by_normal.setdefault(fold(parsed.name), entity.key)
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
                words = name_words(alias_name)
                if len(words) > 1 and not same_person_name(words, name_words(entity.name)):
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


def _good_title(title: str) -> bool:
    """Titles worth keeping: short, no list or clause in them ('President, his wife Melania' is not)."""
    return 0 < len(title.split()) <= 6 and "," not in title and title[:1].isalpha()
