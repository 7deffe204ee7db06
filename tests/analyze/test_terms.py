"""Rarity weights of context words: what makes two passages look like one story."""

from claimledger.analyze.terms import TermWeights, overlap
from claimledger.analyze.text import content_terms

# two reports of one plane crash, and a report of something else, as the figure rules see their contexts
CRASH = content_terms("The Boeing 737 crashed into the Java Sea shortly after take-off from Jakarta, officials said.")
CRASH_AGAIN = content_terms("Divers searched the Java Sea for the flight recorders of the Boeing 737 lost off Jakarta.")
ELECTION = content_terms("The council announced that the election would take place in the capital next month.")


def weights() -> TermWeights:
    counts = {term: 2 for term in CRASH | CRASH_AGAIN}  # each word of the crash in two documents of 400
    counts.update({term: 300 for term in ELECTION})  # the election's words everywhere
    return TermWeights(counts, 400)


def test_a_word_in_few_documents_weighs_more_and_is_distinctive():
    w = weights()
    assert w.weight("java") > w.weight("election") > 0
    assert w.distinctive("java") and not w.distinctive("election")


def test_background_news_words_are_never_distinctive():
    assert not TermWeights({}, 400).distinctive("announced")  # in no document, but common in any news


def test_two_reports_of_one_crash_share_rare_words_an_unrelated_story_does_not():
    w = weights()
    shared, fraction = overlap(CRASH, CRASH_AGAIN, w)
    assert shared >= 2 and 0 < fraction <= 1
    assert overlap(CRASH, ELECTION, w) == (0.0, 0.0)
