"""Victims: how many people a phrase names and whose they are, as casualty coders count.

Phrases are from real ISAF releases (tests/data/isaf, CC BY-SA 4.0) and corpus news.
"""

from __future__ import annotations

import pytest

from claimledger.extract.victims import count_of, group_of

VERBS = {"killed", "detained", "captured", "arrested", "wounded"}


def victim(nlp, sentence):
    """The object (or passive subject) of the fate verb in the sentence."""
    doc = nlp(sentence)
    verb = next(t for t in doc if t.text in VERBS)
    return next(c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"})


@pytest.mark.parametrize("sentence, low, back, vague", [
    ("The security force detained two suspected insurgents.", 2, False, False),
    ("The force killed several insurgents during the operation.", 3, False, True),
    ("Coalition forces killed more than 30 insurgents.", 31, False, False),
    ("The security force killed the Taliban leader.", 1, True, False),
    ("An Afghan force captured a Taliban facilitator.", 1, False, False),
    ("The combined force killed the two attackers.", 2, True, False),
    ("Insurgents were detained for further questioning.", 2, True, True),
    ("The force detained a handful of suspects.", 4, False, True),
])
def test_counts_as_the_coders_count(nlp, sentence, low, back, vague):
    counted = count_of(victim(nlp, sentence))
    assert (counted.low, counted.back, counted.vague) == (low, back, vague)


def test_no_people_is_negated(nlp):
    assert count_of(victim(nlp, "No civilians were wounded in the strike.")).negated


@pytest.mark.parametrize("sentence, group", [
    ("The force killed two Taliban insurgents.", "armed groups"),
    ("Two Afghan soldiers were killed by a roadside bomb.", "security forces"),
    ("Two civilians were killed in the crossfire.", "civilians"),
    ("A police commander was killed in the attack.", "security forces"),
    ("Police arrested two men near the scene.", "unspecified"),
])
def test_group_is_the_victims(nlp, sentence, group):
    assert group_of(victim(nlp, sentence)) == group
