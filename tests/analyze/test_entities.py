"""Entities: names of one person or organisation merge, within and across articles."""

from __future__ import annotations

import pytest

from claimledger.analyze.aliases import DEFAULT_ALIASES, read_alias_file, rule_table
from claimledger.analyze.entities import NameUse, Resolver, clean, person_key, split_title
from claimledger.analyze.mentions import surname_typos
from claimledger.errors import InputError, LedgerError
from claimledger import Ledger

from . import entity_gold
from .conftest import corpus_documents, group_of


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
                      NameUse("Syrian Democratic Forces", "ORG", frozenset({3, 4})), NameUse("SDF", None, frozenset({4})),
                      NameUse("Congressional Black Caucus", "ORG", frozenset({5})), NameUse("CBC", "ORG", frozenset({6})))
    assert keys[(0, -1)] == keys[(1, -1)]  # a stated abbreviation joins anywhere
    assert keys[(2, -1)] == keys[(3, 4)]  # initials join a body named in the same article...
    assert keys[(4, -1)] != keys[(5, -1)]  # ...and only there: another article's CBC may be a broadcaster


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
    group = group_of(corpus, "syrian-fighters-recruitment", "4,000 Russian troops")
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


# -- cleaning mentions and comparing names ---------------------------------------------------------


def test_what_ner_glued_onto_a_name_is_cut_off_and_kept_as_a_title():
    people = ("Bernie Sanders", 'PERSON', frozenset({1}))
    resolver, keys = resolve(NameUse(*people), NameUse("Vermont", "GPE", frozenset({2})),
                             NameUse("Vermont Bernie Sanders", "ORG", frozenset({2})),
                             NameUse("Narendra Modi", "PERSON", frozenset({3})),
                             NameUse("Narendra Modi Announced", "PERSON", frozenset({4})),
                             NameUse("Scottish National Party", "ORG", frozenset({5})),
                             NameUse("Scottish National Party - 48", "ORG", frozenset({6})),
                             NameUse("SNP", "ORG", frozenset({6})))
    assert keys[(0, -1)] == keys[(2, -1)] and keys[(3, -1)] == keys[(4, -1)]
    assert keys[(5, -1)] == keys[(6, -1)] == keys[(7, -1)]
    assert "Vermont" in resolver.entities[keys[(0, -1)]].names["title"]


def test_a_person_ner_glued_to_nothing_keeps_every_word_of_their_name():
    resolver, keys = resolve(NameUse("Rivera Schatz", "PERSON", frozenset({1})),
                             NameUse("Thomas Rivera Schatz", "PERSON", frozenset({2, 3})))
    assert keys[(0, -1)] == keys[(1, -1)]
    assert resolver.entities[keys[(0, -1)]].name == "Thomas Rivera Schatz"


def test_spans_that_are_no_names_make_no_entity():
    resolver, keys = resolve(NameUse("UTC", "ORG", frozenset({1})), NameUse("QUESTION", "PERSON", frozenset({2})),
                             NameUse("होता है", "PERSON", frozenset({3})), NameUse("officials", None, frozenset({4})))
    assert list(keys) == [(3, 4)] and resolver.entities[keys[(3, 4)]].type == "unnamed"


def test_a_place_or_institution_tagged_as_a_person_does_not_take_a_surname():
    _, keys = resolve(NameUse("John Kerry", "PERSON", frozenset({1})), NameUse("County Kerry", "PERSON", frozenset({2})),
                      NameUse("Kerry", "PERSON", frozenset({3, 4})))
    assert keys[(2, -1)] == keys[(0, -1)] != keys[(1, -1)]


def test_transliterations_and_short_given_names_are_one_person():
    _, keys = resolve(NameUse("Haider al-Abadi", "PERSON", frozenset({1})), NameUse("Haider Al Abadi", "PERSON", frozenset({2})),
                      NameUse("Al-Abadi", "PERSON", frozenset({3})), NameUse("Ibrahim Al-Ja’afari", "PERSON", frozenset({4})),
                      NameUse("Ibrahim al-Jaafari", "PERSON", frozenset({5})), NameUse("Antony Blinken", "PERSON", frozenset({6})),
                      NameUse("Tony Blinken", "PERSON", frozenset({7})))
    assert keys[(0, -1)] == keys[(1, -1)] == keys[(2, -1)]
    assert keys[(3, -1)] == keys[(4, -1)] and keys[(5, -1)] == keys[(6, -1)]


def test_people_sharing_a_surname_or_a_given_name_stay_apart():
    _, keys = resolve(NameUse("Bill Clinton", "PERSON", frozenset({1})), NameUse("Hillary Clinton", "PERSON", frozenset({2})),
                      NameUse("Sam Harris", "PERSON", frozenset({3})), NameUse("Kamala Harris", "PERSON", frozenset({4})),
                      NameUse("Elizabeth Warren", "PERSON", frozenset({5})), NameUse("Elizabeth II", "PERSON", frozenset({6})))
    assert len(set(keys.values())) == 6


def test_double_surnames_and_a_misspelt_surname_in_the_same_article():
    _, keys = resolve(NameUse("Pedro Pierluisi", "PERSON", frozenset({1, 2})),
                      NameUse("Pedro R. Pierluisi Urrutia", "PERSON", frozenset({2})),
                      NameUse("Pierliusi", "ORG", frozenset({2})), NameUse("Wanda Vázquez Garced", "PERSON", frozenset({3})),
                      NameUse("Vázquez", "PERSON", frozenset({4})))
    assert keys[(0, -1)] == keys[(1, -1)] == keys[(2, -1)]
    assert keys[(3, -1)] == keys[(4, -1)]


def test_a_surname_slip_joins_only_a_person_named_in_the_same_article():
    assert surname_typos("Johnston", ["johnson"]) == ["johnson"]  # close enough to need the same-article guard
    _, keys = resolve(NameUse("Boris Johnson", "PERSON", frozenset({1})), NameUse("Johnston", "ORG", frozenset({2})))
    assert keys[(0, -1)] != keys[(1, -1)]


def test_bodies_short_forms_initials_and_plural_groups():
    resolver, keys = resolve(NameUse("UN Security Council", "ORG", frozenset({1, 2})),
                             NameUse("United Nations Security Council", "ORG", frozenset({3})),
                             NameUse("UNSC", "ORG", frozenset({3})), NameUse("Security Council", "ORG", frozenset({5})),
                             NameUse("United Nations", "ORG", frozenset({6})),
                             NameUse("Republican", "NORP", frozenset({7})), NameUse("Republicans", "NORP", frozenset({8})),
                             NameUse("Democratic Party", "ORG", frozenset({9, 10, 11})),
                             NameUse("Maryland Democratic Party", "ORG", frozenset({12})))
    assert len({keys[(i, -1)] for i in range(4)}) == 1
    assert keys[(4, -1)] != keys[(0, -1)] and keys[(5, -1)] == keys[(6, -1)] and keys[(7, -1)] != keys[(8, -1)]


# -- own gold: clusters whole, look-alikes apart ---------------------------------------------------------


@pytest.fixture(scope="module")
def gold_ledger(tmp_path_factory):
    """A ledger of every document the entity gold names (tests/data/entities)."""
    gold = entity_gold.load()
    keys = sorted({d for c in gold["clusters"] for v in c["variants"] for d in v["documents"]}
                  | {d for p in gold["apart"] for side in ("first", "second") for v in p[side]["variants"]
                     for d in v["documents"]})
    path = tmp_path_factory.mktemp("entity-gold") / "gold.db"
    with Ledger(path) as ledger:
        ledger.ingest(corpus_documents(keys), batch_size=16)
        yield ledger


def test_own_entity_gold_clusters_come_out_whole_and_look_alikes_apart(gold_ledger):
    gold, everything = entity_gold.load(), gold_ledger.merged_entities(limit=10**6)
    tune, check = entity_gold.score(gold, everything, "tune"), entity_gold.score(gold, everything, "check")
    assert tune.clusters + check.clusters >= 40 and tune.pairs + check.pairs >= 20
    assert tune.share_whole >= 0.9, tune.broken
    assert check.share_whole >= 0.8, check.broken
    assert tune.merged == 0 and check.merged == 0, tune.merged_pairs + check.merged_pairs


def test_the_scorer_counts_a_split_cluster_and_a_merged_pair():
    gold = {"clusters": [{"id": "c1", "split": "tune", "name": "A", "variants": [
        {"text": "Ann Lee", "documents": ["d1"]}, {"text": "Lee", "documents": ["d2"]}]}],
        "apart": [{"id": "a1", "split": "tune", "first": {"name": "Ann Lee", "variants": [{"text": "Ann Lee", "documents": ["d1"]}]},
                   "second": {"name": "Bo Lee", "variants": [{"text": "Bo Lee", "documents": ["d3"]}]}}]}
    one = [{"id": 1, "variants": [{"name": "Ann Lee", "documents": [{"key": "d1"}]}, {"name": "Lee", "documents": [{"key": "d2"}]},
                                  {"name": "Bo Lee", "documents": [{"key": "d3"}]}]}]
    two = [{"id": 1, "variants": [{"name": "Ann Lee", "documents": [{"key": "d1"}]}]},
           {"id": 2, "variants": [{"name": "Lee", "documents": [{"key": "d2"}]}, {"name": "Bo Lee", "documents": [{"key": "d3"}]}]}]
    assert (entity_gold.score(gold, one).whole, entity_gold.score(gold, one).merged) == (1, 1)
    assert (entity_gold.score(gold, two).whole, entity_gold.score(gold, two).merged) == (0, 0)


# -- variants and edits by hand --------------------------------------------------------------------------


def test_entities_list_their_variants_with_the_documents_behind_each(corpus):
    trump = by_name(corpus, "Donald Trump")
    variants = {v["name"]: {d["key"] for d in v["documents"]} for v in trump["variants"]}
    assert "wikinews-united-states-military-kills-qasem-soleimani" in set().union(*variants.values())
    assert all(documents for documents in variants.values())
    assert corpus.merged_entity(trump["id"])["variants"] == trump["variants"]


def test_merge_and_split_by_hand_survive_reanalysis(corpus_copy):
    kirby, dod = by_name(corpus_copy, "John Kirby"), by_name(corpus_copy, "US Department of Defense")
    merged = corpus_copy.merge_entities(kirby["id"], dod["id"])
    assert merged["name"] == "US Department of Defense" and "John Kirby" in merged["aliases"]
    corpus_copy.analyze(full=True)
    again = by_name(corpus_copy, "US Department of Defense")
    kept, apart = corpus_copy.split_entity(again["id"], ["John Kirby", "Kirby"])
    assert apart["name"] == "John Kirby" and kept["name"] == "US Department of Defense"
    corpus_copy.analyze(full=True)
    assert by_name(corpus_copy, "John Kirby")["id"] != by_name(corpus_copy, "US Department of Defense")["id"]
    with pytest.raises(LedgerError, match="not a name of entity"):
        corpus_copy.split_entity(by_name(corpus_copy, "John Kirby")["id"], ["Pentagon"])


def test_a_doubled_letter_joins_only_a_person_named_often():
    _, keys = resolve(NameUse("Bashar al-Assad", "PERSON", frozenset({1, 2, 3})), NameUse("Asad", "ORG", frozenset({4})),
                      NameUse("Coco Chanel", "PERSON", frozenset({5})), NameUse("Channel", "ORG", frozenset({6})))
    assert keys[(1, -1)] == keys[(0, -1)] and keys[(3, -1)] != keys[(2, -1)]
