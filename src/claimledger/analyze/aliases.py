"""The alias table: names that mean the same entity, which no rule could guess ("Pentagon" = US DoD).

A small default table ships with the code (``DEFAULT_ALIASES``, listed in docs/analysis.md); a user
adds or overrides rows in the ledger (``Ledger.add_alias``, ``claimledger alias``) or loads them from a
CSV file with the columns ``alias,canonical,type,side`` (type and side may be empty).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass

from ..errors import InputError
from .text import fold

ENTITY_TYPES = ("person", "organisation", "government", "outlet", "unnamed", "place", "group")
"""person; organisation; government body; news outlet; unnamed-source description ("officials");
place (a country or city); group (a people or nationality: "the Russians")."""


@dataclass(frozen=True)
class AliasRule:
    """``alias`` names the entity called ``canonical``; type and side apply to that entity."""

    alias: str
    canonical: str
    type: str | None = None
    side: str | None = None
    origin: str = "default"  # default | user

    @property
    def normal(self) -> str:
        return normal_alias(self.alias)


def normal_alias(name: str) -> str:
    """How aliases are matched: folded, without a leading 'the', trailing possessive or dots."""
    text = fold(name).replace(".", "")
    if text.startswith("the "):
        text = text[4:]
    for tail in ("'s", "'"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text.strip(" ,;:")


def _rules(canonical: str, type_: str, side: str | None, *aliases: str) -> list[AliasRule]:
    return [AliasRule(alias, canonical, type_, side) for alias in (canonical, *aliases)]


DEFAULT_ALIASES: list[AliasRule] = [
    *_rules("US Department of Defense", "government", "United States", "Pentagon", "Department of Defense",
            "Defense Department", "DoD", "United States Department of Defense", "U.S. Department of Defense",
            "US Defense Department", "U.S. Defense Department"),
    *_rules("US Department of State", "government", "United States", "State Department",
            "Department of State", "US State Department", "U.S. State Department", "U.S. Department of State",
            "United States Department of State"),
    *_rules("US Central Command", "government", "United States", "CENTCOM", "U.S. Central Command",
            "Central Command", "United States Central Command"),
    *_rules("White House", "government", "United States"),
    *_rules("Kremlin", "government", "Russia", "Russian Government", "Russian presidency"),
    *_rules("Russian Ministry of Defence", "government", "Russia", "Russian Defence Ministry",
            "Russian Defense Ministry", "Russian Ministry of Defense", "Russia's Defence Ministry",
            "Russia's Defense Ministry"),
    *_rules("UK Foreign and Commonwealth Office", "government", "United Kingdom", "Foreign Office", "FCO",
            "Foreign and Commonwealth Office", "Foreign & Commonwealth Office"),
    *_rules("Islamic State (ISIL)", "organisation", "Islamic State", "ISIL", "ISIS", "Islamic State", "Daesh",
            "Da'esh", "Dae'sh", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria",
            "Islamic State of Iraq", "IS"),
    *_rules("Global Coalition against Daesh", "organisation", None, "Global Coalition", "Coalition",
            "Counter-Daesh Coalition", "Counter ISIL Coalition", "Global Coalition to Counter ISIL", "CJTF-OIR"),
    *_rules("United Nations", "organisation", None, "UN", "U.N."),
    *_rules("World Health Organization", "organisation", None, "WHO", "World Health Organisation"),
    *_rules("NATO", "organisation", None, "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    *_rules("Associated Press", "outlet", None, "AP"),
    *_rules("Reuters", "outlet", None),
    *_rules("Agence France-Presse", "outlet", None, "AFP"),
    *_rules("BBC", "outlet", "United Kingdom", "BBC News"),
    *_rules("Syrian Observatory for Human Rights", "organisation", None, "SOHR"),
]


def check_rule(alias: str, canonical: str, type_: str | None = None, side: str | None = None,
               origin: str = "user") -> AliasRule:
    """A validated rule (ValueError naming the problem otherwise)."""
    alias, canonical = (alias or "").strip(), (canonical or "").strip()
    if not alias or not canonical:
        raise ValueError("an alias rule needs both an alias and a canonical name")
    if not normal_alias(alias):
        raise ValueError(f"alias {alias!r} has no letters to match on")
    type_ = (type_ or "").strip().lower() or None
    if type_ is not None and type_ not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {type_!r}; use one of {', '.join(ENTITY_TYPES)}")
    return AliasRule(alias, canonical, type_, (side or "").strip() or None, origin)


def read_alias_file(path: str | os.PathLike) -> list[AliasRule]:
    """Rules from a CSV file with a header row ``alias,canonical[,type][,side]``; errors name file and line."""
    source = os.fspath(path)
    try:
        with open(source, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = {"alias", "canonical"} - set(reader.fieldnames or [])
    if missing:
        raise InputError(source, f"the header must name the columns alias,canonical[,type][,side]; missing "
                                 f"{', '.join(sorted(missing))}", line=1)
    rules = []
    for row in reader:
        try:
            rules.append(check_rule(row.get("alias"), row.get("canonical"), row.get("type"), row.get("side")))
        except ValueError as exc:
            raise InputError(source, str(exc), line=reader.line_num) from None
    return rules


def rule_table(user_rules: list[AliasRule]) -> dict[str, AliasRule]:
    """Normalised alias -> rule, the user's rules overriding the defaults."""
    table = {rule.normal: rule for rule in DEFAULT_ALIASES}
    table.update({rule.normal: rule for rule in user_rules})
    return table
