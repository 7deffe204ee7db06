"""What one name is, on its own: the first half of merging entities (``analyze/entities.py``).

A name use ("Pentagon spokesperson John Kirby", "KIRBY", "UN Security Council", "officials") is
parsed into a ``Parsed``: its kind (an alias-table rule, a person, a bare surname, a body, an outlet,
a place, a people, an unnamed source), its display form and the key entities are merged by. Parsing
needs only the alias table and what the ledger's labels say about a name (``NameEvidence``); joining
a parsed name to the entities registered so far is ``entities.Resolver``'s part.
"""

from __future__ import annotations

from dataclasses import dataclass

from .aliases import AliasRule, normal_alias
from .evidence import NameEvidence, NameUse
from .mentions import (
    ABBREVIATION, GOVERNMENT_WORDS, OUTLET_WORDS, clean, country_of, is_description, is_non_name, person_key,
    place_like, sides_in, split_title,
)
from .text import DEMONYMS, fold, stem


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


class NameParser:
    """Parses names by the alias table's rules and the ledger's evidence about each name."""

    def __init__(self, rules: dict[str, AliasRule], by_normal: dict[str, str]):
        """``by_normal``: the registry's index of named entities (normalised name -> key), which the
        evidence reads to tell a known name from a new one."""
        self.rules = rules
        self.evidence = NameEvidence(self.rule, by_normal)

    def parse(self, use: NameUse, document: int | None = None) -> Parsed | None:
        """Which rule applies to a name and the key it gives (None for an empty name).

        A ``Parsed`` of kind "surname" (or with ``fallback`` set) is provisional: ``resolve``
        first tries to attach it to a known person or abbreviation, then falls back.
        """
        name, abbreviation = clean(use.name)
        if not name or not any(ch.isalpha() for ch in name):
            return None
        rule = self.rule(name) or (self.rule(abbreviation) if abbreviation else None)
        if rule is not None:
            return self._by_rule(rule, abbreviation=abbreviation)
        if use.outlet:
            return Parsed("outlet", name, "outlet:" + normal_alias(name))
        if use.label is not None and is_non_name(name):
            return None
        if use.label == "PERSON" and name.isupper() and len(name) > 3:
            name = name.title()  # "KIRBY"
        glued = self.evidence.unglue(name, use.label)
        if glued is not None:
            head, rest = glued
            rule = self.rule(rest)
            if rule is not None:
                return self._by_rule(rule, title=head)
            return Parsed("person", rest, "person:" + person_key(rest), title=head)
        if use.label == "PERSON" and place_like(name):
            return self._organisation(name, abbreviation)
        label = self.evidence.label(name, use.label)
        if label == "ORG" and (self.evidence.titled_person(name) or person_key(name) in self.evidence.known_people):
            label = "PERSON"  # 'Dr Valeria Gazzola': a title stands before a person; a known person's full name
        if label in (None, "PERSON"):
            title, rest = split_title(name)
            if title is not None:
                rule = self.rule(rest)
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
            label = self.evidence.label(name, self.evidence.guess(name))
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
            parsed = Parsed("group", name, "group:" + (fold(country) if country else stem(fold(name))))
        else:
            parsed = self._organisation(name, abbreviation)
        if " " not in name and name[:1].isupper() and not name.isupper() and not country_of(name):
            return Parsed("surname", name, "surname:" + fold(name), fallback=parsed)  # "Trump" tagged ORG
        if parsed.kind in ("organisation", "outlet") and ABBREVIATION.match(name):
            return Parsed("abbreviation", name, parsed.key, fallback=parsed)
        return parsed

    def rule(self, name: str | None) -> AliasRule | None:
        return self.rules.get(normal_alias(name)) if name else None

    @staticmethod
    def _by_rule(rule: AliasRule, *, title: str | None = None, abbreviation: str | None = None) -> Parsed:
        return Parsed("rule", rule.canonical, "rule:" + fold(rule.canonical), title=title,
                      abbreviation=abbreviation, rule=rule)

    def _organisation(self, name: str, abbreviation: str | None = None) -> Parsed:
        words = {fold(t).strip(".,") for t in name.split()}
        kind = "outlet" if words & OUTLET_WORDS and not words & GOVERNMENT_WORDS and len(words) <= 4 else "organisation"
        return Parsed(kind, name, ("outlet:" if kind == "outlet" else "org:") + normal_alias(self.expand(name)),
                      abbreviation=abbreviation)

    def expand(self, name: str) -> str:
        """A body's name with the abbreviations in it spelt out, so 'UN Security Council' and 'United
        Nations Security Council', 'U.S. Senate' and 'United States Senate' share one key."""
        tokens = name.split()
        if len(tokens) < 2:
            return name
        out = []
        for token in tokens:
            bare = token.strip(",;:()")
            rule = self.rule(bare) if ABBREVIATION.match(bare.replace(".", "")) else None
            country = DEMONYMS.get(fold(bare)) if bare.replace(".", "").isupper() else None
            out.append(rule.canonical if rule is not None else country or token)
        return " ".join(out)


def type_of(parsed: Parsed) -> str:
    if parsed.kind == "organisation":
        words = {fold(t).strip(".,") for t in parsed.name.split()}
        return "government" if words & GOVERNMENT_WORDS or sides_in(parsed.name) and len(words) > 1 else "organisation"
    return {"surname": "person"}.get(parsed.kind, parsed.kind)
