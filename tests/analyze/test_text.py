"""The plain-text helpers the analysis compares names and contexts with, on the corpus's own wording."""

from __future__ import annotations

from datetime import datetime, timezone

from claimledger.analyze.text import Sentences, content_terms, country_of, fold, iso_time, stem, words

from _bundled import example_text


def test_fold_makes_spellings_of_one_name_equal():
    assert fold("Brudziński") == fold("Brudzinski") == "brudzinski"
    assert fold("the  Pentagon’s\nspokesman") == "the pentagon's spokesman"


def test_words_and_content_terms_keep_distinctive_stemmed_words():
    sentence = "A total of 39 are confirmed dead, officials told state media."
    assert words(sentence)[:4] == ["a", "total", "of", "39"]
    terms = content_terms(sentence)
    assert {"total", "confirmed", "dead", "official", "state", "media"} <= terms
    assert not {"39", "told", "of", "a"} & terms  # numbers, reporting verbs and stopwords are no evidence


def test_stem_folds_the_plurals_that_tolls_use():
    assert stem("casualties") == "casualty" and stem("deaths") == "death"
    assert stem("press") == "press" and stem("gas") == "gas"


def test_country_of_maps_demonyms_and_names():
    assert country_of("Russian") == "Russia"
    assert country_of("Ukrainian") == "Ukraine"
    assert country_of("Syria") == "Syria"
    assert country_of("Pentagon") is None


def test_sentences_find_the_sentence_around_a_claim_in_the_example_article():
    text = example_text()
    sentences = Sentences.of(text)
    offset = text.index("12,000")
    sentence = sentences.sentence(sentences.index(offset))
    assert "12,000" in sentence and sentence.count("\n") <= 1
    start, end = sentences.span(sentences.index(offset))
    assert start <= offset < end
    assert sentences.index(0) == 0 and sentences.index(len(text) - 1) == len(sentences.starts) - 1


def test_iso_time_reads_naive_times_as_utc():
    assert iso_time(datetime(2019, 1, 4, 6, 0)) == "2019-01-04T06:00:00+00:00"
    assert iso_time(datetime(2019, 1, 4, 6, 0, tzinfo=timezone.utc)) == "2019-01-04T06:00:00+00:00"
    assert iso_time("2019-01-04") == "2019-01-04" and iso_time(None) is None
