"""Mentions before merging: what NER glued on, what is no name, how person names compare."""

from __future__ import annotations

from claimledger.analyze.mentions import (
    is_non_name, name_words, same_given_name, same_person_name, split_title, surname_typos, trailing_verb, trim,
)


def test_seat_counts_scores_and_clauses_come_off_but_numbers_in_names_stay():
    assert trim("Labour Party - 203") == "Labour Party" and trim("Noosa 32–22") == "Noosa"
    assert trim("Acme, which makes rockets") == "Acme"
    assert [trim(n) for n in ("G7", "COVID-19", "Apollo 11")] == ["G7", "COVID-19", "Apollo 11"]


def test_inflected_speech_verbs_are_cut_but_nouns_that_look_like_verbs_stay():
    assert trailing_verb("Narendra Modi Announced") == "Narendra Modi"
    assert trailing_verb("New York Post") is None and trailing_verb("New York State") is None


def test_no_names():
    assert is_non_name("UTC") and is_non_name("QUESTION") and is_non_name("State") and is_non_name("होता है")
    assert not is_non_name("Congress")
    assert not is_non_name("Kirby") and not is_non_name("Recep Tayyip Erdoğan")


def test_names_fold_particles_apostrophes_and_accents():
    assert name_words("Haider al-Abadi") == name_words("Haider Al Abadi") == ["haider", "abadi"]
    assert name_words("Ibrahim Al-Ja’afari") == name_words("Ibrahim al-Jaafari")
    assert name_words("Recep Tayyip Erdoğan")[-1] == "erdogan"
    assert split_title("Martin Luther King Jr. Day") == (None, "Martin Luther King Jr. Day")


def test_given_names_and_person_names():
    assert same_given_name("Antony", "Tony") and same_given_name("Nicholas", "Nick")
    assert same_given_name("Mohammed", "Muhammad") and same_given_name("Sergei", "Sergey")
    assert not same_given_name("Bill", "Hillary") and not same_given_name("Sam", "Kamala")
    assert not same_given_name("Robert", "Gerald") and not same_given_name("Kristen", "Frido")
    assert same_person_name(name_words("Pedro Pierluisi"), name_words("Pedro R. Pierluisi Urrutia"))
    assert same_person_name(name_words("Rivera Schatz"), name_words("Thomas Rivera Schatz"))
    assert not same_person_name(name_words("Alex Van Halen"), name_words("Eddie Van Halen"))


def test_a_surname_slip_is_close_but_a_plural_is_a_family():
    assert surname_typos("Pierliusi", ["pierluisi", "pierce"]) == ["pierluisi"]
    assert surname_typos("Trumps", ["trump"]) == []
