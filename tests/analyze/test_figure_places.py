"""Where a figure happened: its clause's places, not a person's home (real sentences of the bundled corpus)."""

from __future__ import annotations

from claimledger.analyze.figure_places import DocumentContext, clause, places_of
from claimledger.analyze.text import Sentences

from _bundled import corpus_documents

KENOSHA = "wikinews-suspect-in-kenosha-wisconsin-protester-killings-released-fro"
MELBOURNE = "wikinews-wikinews-interviews-2020-melbourne-lord-mayor-candidate-wayn"
WUHAN = "wikinews-first-foreigners-die-from-coronavirus-in-wuhan-china"


def test_a_persons_home_is_not_where_the_figure_happened():
    """"A resident of Antioch, Illinois, [he] is accused of ... killing two people" in Kenosha; "63.3% of
    residents were born in Australia" counts Melbourne's. Residents of a place (plural) stay its people."""
    kenosha, melbourne = corpus_documents([KENOSHA, MELBOURNE])
    places = {"Antioch": "place:antioch", "Illinois": "place:illinois", "Kenosha": "place:kenosha",
              "Wisconsin": "place:wisconsin", "Melbourne": "place:melbourne", "Australia": "place:australia"}
    document = DocumentContext(1, kenosha.text, kenosha.title, places=places)
    accused = next(s for s in kenosha.text.split(". ") if "A resident of Antioch" in s)
    assert "killing two people" in accused
    assert places_of(accused, document) == ["place:kenosha", "place:wisconsin"]  # the title's places
    census = next(s for s in melbourne.text.split(". ") if "born in Australia" in s)
    assert places_of(census, DocumentContext(2, melbourne.text, melbourne.title, places=places)) == ["place:melbourne"]
    assert places_of("Residents of Melbourne and Antioch were among them", document) == ["place:antioch", "place:melbourne"]
    assert places_of("the President of Australia said", document) == ["place:australia"]


def test_a_figures_places_are_those_of_its_clause():
    """"killed at least 813 in China and infected around 35,000 worldwide": China's deaths, the world's
    infections; a clause naming no place keeps its sentence's; a list of places is no clause break."""
    wuhan = corpus_documents([WUHAN])[0]
    sentences = Sentences.of(wuhan.text)
    sentence = sentences.sentence(sentences.index(wuhan.text.index("813")))
    document = DocumentContext(1, wuhan.text, wuhan.title, places={"China": "place:china", "Wuhan": "place:wuhan"})
    assert clause(sentence, sentence.index("813")).endswith("killed at least 813 in China")
    assert places_of(sentence, document, at=sentence.index("813")) == ["place:china"]
    assert places_of(sentence, document, at=sentence.index("35,000")) == ["place:world"]
    assert places_of(sentence, document) == ["place:china", "place:world"]  # no offset: the sentence
    primaries = "Biden's victories in Arizona, Florida, and Illinois left him with 1,124 pledged delegates and a lead"
    states = DocumentContext(2, primaries, places={"Arizona": "place:arizona", "Illinois": "place:illinois"})
    assert places_of(primaries, states, at=primaries.index("1,124")) == ["place:arizona", "place:illinois"]
    assert places_of(primaries, states, at=primaries.index("a lead")) == ["place:arizona", "place:illinois"]
