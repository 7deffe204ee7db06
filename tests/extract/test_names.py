"""Naming one phrase on its own: a cue's subject as a name and a title, or an unnamed source's
description with the modifiers that say which people it means (annotation guide: "for an unnamed
speaker use the description"). Passages are real corpus text."""

from __future__ import annotations

from claimledger.extract.names import describe


def test_description_keeps_an_adjectives_complement(nlp):
    """'sources close to the investigation': the adjective after the head brings its own complement,
    without which the description says nobody in particular."""
    doc = nlp("According to Agence France-Presse, which cited sources close to the investigation, the man had "
              "converted to Islam a year-and-a-half ago.")
    sources = next(t for t in doc if t.text == "sources")
    assert describe(sources).name == "sources close to the investigation"


def test_name_and_title_kept_apart(nlp):
    """'Pentagon spokesperson John Kirby': the person's name, the title beside it."""
    doc = nlp("“It’s interesting that (Russian President Vladimir) Putin would have to rely on foreign fighters,” "
              "said Pentagon spokesperson John Kirby.")
    kirby = next(t for t in doc if t.text == "Kirby")
    speaker = describe(kirby)
    assert (speaker.name, speaker.title, speaker.is_person) == ("John Kirby", "Pentagon spokesperson", True)


def test_partitive_head_keeps_what_it_counts(nlp):
    """'Some of the protesters Wikinews interviewed': 'Some' alone says nobody; the phrase after it
    says which people spoke (on PolNeAR train, sources such as 'those surveyed', 'most of them')."""
    doc = nlp("Some of the protesters Wikinews interviewed said they had gone to \"defend [their] children's right "
              "to live and work in Europe\".")
    some = next(t for t in doc if t.text == "Some")
    assert describe(some).name == "Some of the protesters Wikinews interviewed"


def test_description_keeps_its_qualifier(nlp):
    """'Around 300,000 people': the adverb that says how many belongs to the description."""
    doc = nlp("Around 300,000 people were killed in the conflict, during which Nkurunziza survived.")
    people = next(t for t in doc if t.text == "people")
    assert describe(people).name == "Around 300,000 people"


def test_description_runs_up_to_a_relative_clause(nlp):
    """'a new feature on the 737 Max, which had not …': the relative clause hangs on the last noun,
    so the description stops at its comma instead of losing the whole phrase (PolNeAR train: '“…,”
    said a longtime adviser to Trump, who declined to be identified', +7 speakers)."""
    doc = nlp("Preliminary investigations suggest a new feature on the 737 Max, which had not suffered a crash "
              "before, was forcing the nose down in an erroneous attempt to prevent an aerodynamic stall.")
    feature = next(t for t in doc if t.text == "feature")
    assert describe(feature).name == "a new feature on the 737 Max"


def test_description_does_not_cut_a_list(nlp):
    """'German firms including Deutsche Bahn, Deutsche Telekom, …': a comma inside a list is no place
    to stop; the description keeps only what is whole."""
    doc = nlp("With the US encouraging commercial entities to cease trading in Iran, German firms including Deutsche "
              "Bahn, Deutsche Telekom, Daimler, and Siemens have announced plans to pull out of the Middle Eastern "
              "country.")
    firms = next(t for t in doc if t.text == "firms")
    assert describe(firms).name == "German firms"


def test_a_name_keeps_its_of_phrase_before_an_apposition(run):
    """'The University of Oslo, Norway's oldest, said C': the name is 'University of Oslo', not 'University'
    (invented passage)."""
    record = run("The University of Oslo, Norway's oldest, said that the ice shelf is thinning.")
    assert [q.speaker for q in record.quotes] == ["University of Oslo"]


def test_a_name_ends_before_a_relative_clause(nlp):
    """'Northwind, which does not publish its accounts, rejected …': the parser hangs the closing comma on
    the name; the clause between says something of the speaker and is no part of its name (a description
    keeps its aside, as above)."""
    doc = nlp("Northwind, which does not publish its accounts, rejected the claim on Tuesday.")
    assert describe(doc[0]).name == "Northwind"
    doc = nlp('Moreno, who was described as "hot-tempered" by neighbours, told her to leave.')
    assert describe(doc[0]).name == "Moreno"


def test_a_description_ends_before_the_clause_that_holds_the_report(nlp):
    """'The candidate who won the seat by declaring that C': the cue sits deep inside the relative clause,
    which holds the report and so is no part of who spoke (invented passage; PolNeAR train: 33 sources such
    as 'A woman who has accused X of Y' are named without their clause)."""
    doc = nlp("The candidate who won the seat by declaring that taxes would fall has resigned.")
    declaring = next(t for t in doc if t.text == "declaring")
    assert describe(doc[1], declaring.i).name == "The candidate"
    assert describe(doc[1]).name == "The candidate who won the seat by declaring that taxes would fall"
