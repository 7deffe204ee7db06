"""Entities: names of one person or organisation merge, within and across articles."""

from __future__ import annotations

import pytest

from claimledger.analyze.aliases import DEFAULT_ALIASES, read_alias_file, rule_table
from claimledger.analyze.entities import NameUse, Resolver, clean, person_key, split_title
from claimledger.errors import InputError, LedgerError


def resolve(*uses: NameUse, rules=None) -> tuple[Resolver, dict]:
    resolver = Resolver(rules or rule_table([]))
    return resolver, resolver.resolve(uses)


def test_every_form_of_a_persons_name_is_one_entity():
    resolver, keys = resolve(
        NameUse("John Kirby", "PERSON", frozenset({1}), titles=("Pentagon spokesperson",)),
        NameUse("Kirby", None, frozenset({1, 2})),
        NameUse("Pentagon spokesperson John Kirby", None, frozenset({3})),
        NameUse("Mr Kirby", None, frozenset({4})),
        NameUse("KIRBY", "PERSON", frozenset({5})),
    )
    assert len(set(keys.values())) == 1
    kirby = resolver.entities[next(iter(keys.values()))]
    assert (kirby.name, kirby.type) == ("John Kirby", "person")
    assert "Pentagon spokesperson" in kirby.names["title"]
    assert {"Kirby", "KIRBY"} <= kirby.names["alias"]
    assert kirby.affiliation == "US Department of Defense" and kirby.side == "United States"
    assert kirby.document_count == 5


def test_the_default_alias_table_merges_the_pentagon_with_the_department_of_defense():
    resolver, keys = resolve(NameUse("the Pentagon", None, frozenset({1})), NameUse("Department of Defense", "ORG", frozenset({2})),
                             NameUse("DoD", "ORG", frozenset({3})))
    assert len(set(keys.values())) == 1
    entity = resolver.entities[next(iter(keys.values()))]
    assert (entity.name, entity.type, entity.side) == ("US Department of Defense", "government", "United States")
    assert any(rule.alias == "Pentagon" and rule.canonical == "US Department of Defense" for rule in DEFAULT_ALIASES)


def test_side_comes_from_what_the_name_states():
    resolver, keys = resolve(NameUse("the Russian Defence Ministry", None, frozenset({1})),
                             NameUse("the Iraqi Ministry of Interior", None, frozenset({1})),
                             NameUse("Ukrainian news sources", None, frozenset({1})),
                             NameUse("Chechen leader Ramzan Kadyrov", None, frozenset({1})))
    found = {resolver.entities[k].name: resolver.entities[k] for k in keys.values()}
    assert found["Russian Ministry of Defence"].side == "Russia"
    assert (found["Iraqi Ministry of Interior"].type, found["Iraqi Ministry of Interior"].side) == ("government", "Iraq")
    assert (found["Ukrainian news sources"].type, found["Ukrainian news sources"].side) == ("unnamed", "Ukraine")
    assert found["Ramzan Kadyrov"].side == "Chechnya"


def test_unnamed_sources_stay_apart_per_document():
    resolver, keys = resolve(NameUse("officials", None, frozenset({1, 2})), NameUse("Police", None, frozenset({3})))
    assert len(set(keys.values())) == 3
    assert {resolver.entities[k].type for k in keys.values()} == {"unnamed"}


def test_a_bare_surname_joins_only_a_clearly_dominant_person():
    resolver, keys = resolve(NameUse("Donald Trump", "PERSON", frozenset(range(10))),
                             NameUse("Melania Trump", "PERSON", frozenset({1})),
                             NameUse("Trump", "ORG", frozenset({11, 12})))
    assert keys[(2, -1)] == keys[(0, -1)] == "person:donald trump"
    _, keys = resolve(NameUse("Boris Johnson", "PERSON", frozenset({1, 2, 3})),
                      NameUse("Lyndon Johnson", "PERSON", frozenset({4, 5})), NameUse("Johnson", None, frozenset({6})))
    assert keys[(2, 6)] not in (keys[(0, -1)], keys[(1, -1)])  # 3 documents to 2: not clear enough


def test_abbreviations_in_brackets_and_initials_join_their_organisation():
    _, keys = resolve(NameUse("Federal Security Service (FSB)", "ORG", frozenset({1})), NameUse("FSB", "ORG", frozenset({2})),
                      NameUse("Syrian Democratic Forces", "ORG", frozenset({3})), NameUse("SDF", None, frozenset({4})))
    assert keys[(0, -1)] == keys[(1, -1)]
    assert keys[(2, -1)] == keys[(3, 4)]


def test_name_helpers():
    assert clean("the World Health Organization (WHO") == ("World Health Organization", "WHO")
    assert split_title("Mexican President Andrés Manuel López Obrador") == ("Mexican President", "Andrés Manuel López Obrador")
    assert split_title("Secretary of State Mike Pompeo") == ("Secretary of State", "Mike Pompeo")
    assert person_key("Donald J. Trump") == person_key("Donald Trump") == "donald trump"


# -- on real articles ------------------------------------------------------------------------------


def by_name(ledger, name):
    found = [e for e in ledger.merged_entities(name=name, limit=50) if e["name"] == name]
    assert len(found) == 1, [e["name"] for e in ledger.merged_entities(name=name, limit=50)]
    return found[0]


def test_people_and_organisations_merge_across_articles(corpus):
    trump = by_name(corpus, "Donald Trump")
    assert trump["type"] == "person" and trump["documents"] == 3 and "Trump" in trump["aliases"]
    assert trump["side"] == "United States"
    soleimani = by_name(corpus, "Qasem Soleimani")
    assert soleimani["documents"] == 2 and "Soleimani" in soleimani["aliases"]
    dod = by_name(corpus, "US Department of Defense")
    assert dod["documents"] >= 3 and "Pentagon" in dod["aliases"]
    kirby = by_name(corpus, "John Kirby")
    assert "Pentagon spokesperson" in kirby["titles"] and kirby["side"] == "United States"
    assert not [e for e in corpus.merged_entities(name="Soleimani") if e["name"] == "Soleimani"]


def test_figure_claimants_point_at_merged_entities(corpus):
    group = corpus.group(1)
    sources = {f["claimant"]: f["source"] for f in group["figures"]}
    assert sources["the Pentagon"] == "US Department of Defense"


def test_a_user_alias_merges_after_reanalysis(corpus_copy, tmp_path):
    assert corpus_copy.add_alias("Emergencies Ministry", "Russian Ministry of Emergency Situations", type="government",
                                 side="Russia")["canonical"] == "Russian Ministry of Emergency Situations"
    corpus_copy.analyze(full=True)
    entity = by_name(corpus_copy, "Russian Ministry of Emergency Situations")
    assert (entity["type"], entity["side"]) == ("government", "Russia")
    rules = tmp_path / "aliases.csv"
    rules.write_text("alias,canonical,type,side\nState television,Iranian state television,outlet,Iran\n", encoding="utf-8")
    assert corpus_copy.load_aliases(rules) == 1
    assert any(a["alias"] == "State television" and a["origin"] == "user" for a in corpus_copy.aliases())
    assert corpus_copy.remove_alias("state television") and not corpus_copy.remove_alias("state television")


def test_bad_alias_input_is_a_clear_error(tmp_path, corpus_copy):
    bad = tmp_path / "bad.csv"
    bad.write_text("alias,canonical,type\nDoD,US DoD,ministry\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv:2: unknown entity type 'ministry'"):
        read_alias_file(bad)
    with pytest.raises(LedgerError, match="alias and a canonical"):
        corpus_copy.add_alias("", "x")
