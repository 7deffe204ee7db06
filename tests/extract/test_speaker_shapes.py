"""Speakers named in shapes the parser garbles: a long aside between the name and the verb after
a quote, the verb whose clause holds a quote, and 'he'/'she' continuing the last main subject.

Invented passages, one per rule.
"""

from __future__ import annotations

import pytest

from claimledger.extract.cues import find_cue
from claimledger.extract.marks import quote_spans

from .support import assert_speaker, same_name


def speakers(record, words: str) -> list[str | None]:
    return [q.speaker for q in record.quotes if q.text.startswith(words)]


# (passage, the quote's opening words, its speaker): one shape each that the parser garbles
SHAPES = [
    # '“…,” Mr. Roe, now 70 and retired in Dover, Del., said': the name before the aside speaks
    pytest.param("The mill closed in the spring.\n\n“It was the best job I ever had, and I miss it every day,” Tom Roe, "
                 "now 70 and retired in Dover, Del., said by telephone on Monday.", "It was the best job", "Tom Roe",
                 id="long-aside-after-the-quote"),
    # '“…,” Roe is quoted as saying': the passive subject is the speaker
    pytest.param("Ann Roe ran the survey firm for years.\n\n“Our method works where others fail because we call more "
                 "people,” Roe is quoted as saying.", "Our method works", "Ann Roe", id="quoted-as-saying"),
    # 'Stone thanked the council for “…”': the quoted words hang on the sentence's own verb, so its subject
    # speaks though the tagger knows no such name; not the speaker of the paragraph before
    pytest.param('Ann Roe said the road would reopen in May. "We have done what we promised," she said.\n\n'
                 "Stone thanked the council for “listening to the people who live on this street and acting before "
                 "winter.”", "listening to the people", "Stone", id="hung-on-the-main-verb"),
    # 'a woman asked for a photo and Roe said, “…”': the clause the comma closes is Roe's, not the question's
    pytest.param("Tom Roe spoke with voters outside the school before heading inside. At one point, a woman asked for a "
                 "photo and Roe said, “as long as we are not breaking any election rules.”", "as long as", "Tom Roe",
                 id="coordinated-clause-with-its-own-subject"),
    # 'Roe was prompted to say, “…”': the infinitive's speaker is the passive subject of the verb above
    pytest.param("The debate was so quiet that Tom Roe was prompted to say, “So far, I cannot believe how polite everyone "
                 "has been up here.”", "So far", "Tom Roe", id="made-to-speak"),
    # '“…,” mused Bill Doe.', '“…,” he shrugged.': a quote ending in a comma runs on into a short clause whose
    # verb, listed as a speech verb or not, gives the words to its subject
    pytest.param("Ann Roe said the road would reopen in May. “We could have finished the whole bridge by spring if the "
                 "money had come,” mused Bill Doe, the county engineer.", "We could have", "Bill Doe",
                 id="any-verb-after-a-comma-inverted"),
    pytest.param("Ann Roe said the road would reopen in May.\n\nBill Doe disagreed. “Nobody who drives this road every "
                 "morning believes that date,” he shrugged.", "Nobody who drives", "Bill Doe", id="any-verb-after-a-comma"),
    # 'Roe was joined on stage by Doe and joked, “…”': Roe joked; the agent of the joining did not
    pytest.param("As the crowd began to chant, Ann Roe was joined on stage again by Senator Tom Doe and joked, “You are "
                 "all being ridiculous tonight,” drawing loud jeers.", "You are all", "Ann Roe",
                 id="passive-clause-before-and"),
    # 'Comic artist Ann Roe (…) told of …. “…”': the parser heads the name with its title; the name has the floor
    pytest.param("Comic artist Ann Roe (Night Train, The Long Field) told of being forced to rethink her career after "
                 "art school. “In my first year, I didn't get any work, and now I work seven days a week.”",
                 "In my first year", "Ann Roe", id="title-heading-its-name-has-the-floor"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SHAPES)
def test_a_garbled_shape_still_names_the_speaker(run, text, words, speaker):
    assert [same_name(s, speaker) for s in speakers(run(text), words)] == [True]


def test_narration_after_a_quote_names_no_speaker(run):
    """'“…!” — the balloons came down': a dash after the quote opens the writer's narration."""
    record = run("“I will fight for you, and I will win for you!” — the balloons came down on the crowd.")
    assert speakers(record, "I will fight") == [None]


def test_quote_belongs_to_the_verb_whose_clause_holds_it(nlp):
    """'Brant says Holloway “has …”. He warns …': the cue is Brant's 'says', whose clause holds the
    quote, not the nearer 'warns' of the next sentence."""
    doc = nlp("Brant says Holloway “has a track record of bringing people together.” He warns that "
              "front-runner Bob Smith would “drive the Republican Party off the cliff.”")
    spans = quote_spans(doc.text)
    verb, subject = find_cue(doc, spans[0][0], spans[0][1], spans)
    assert (verb.text, subject.text) == ("says", "Brant")


def test_pronoun_subject_continues_the_main_subject(run):
    """'Roe says Doe “…”. He warns …': 'he' is Roe, the main subject before, not Doe inside his clause."""
    record = run("Bill Roe endorsed the governor on Friday. Roe says Governor Bob Doe has a long record of "
                 "getting things done. He warns that the other side would take the state back twenty years.")
    assert_speaker(record, "the other side", "Bill Roe")


def test_pronoun_of_the_other_gender_skips_the_main_subject(run):
    """'Mr. Roe said Doe …. She said …': the honorific says Roe is a 'he', so 'she' is Doe."""
    record = run("Ann Doe chairs the board. Mr. Roe said on Monday that Ann Doe had backed the plan. She said the "
                 "vote would take place in the spring.")
    assert_speaker(record, "the vote would", "Ann Doe")


def test_pronoun_continues_a_subject_named_in_apposition(run):
    """'One of the vice presidents, Ann Roe, also commented …. She said “…”': the name in apposition to the
    subject is who 'she' is, not the speaker of the quote before."""
    record = run('Tom Doe told a radio programme "It is a great loss to the nation." One of the vice presidents, '
                 "Ann Roe, also commented on the death to a newspaper. She said “He was an honest and brilliant man.”")
    assert [same_name(s, "Ann Roe") for s in speakers(record, "He was an honest")] == [True]


def test_they_continues_the_plural_subject_before(run):
    """'The researchers suggested C. They reported, “…”': 'they' is the researchers, not a plural
    name inside what they said."""
    record = run("The biologists counted the fish on two reefs. The biologists suggested the algae might weaken "
                 "the corals. They reported, “Macroalgae are suggested to disrupt the microbiomes of Acropora.”")
    assert [same_name(s, "The biologists") for s in speakers(record, "Macroalgae")] == [True]


def test_a_writing_that_reads_speaks_for_its_author(run):
    """'“…”, reads a club press release, “…”' and 'Their statement reads: “…”': a writing that reads words
    gives them to its author; a person who reads words out ('she read') speaks none of hers."""
    record = run('"Roe was respected and loved in every way", reads a Harbour FC press release, "a fierce talent '
                 'and a kind soul."')
    assert [same_name(s, "Harbour FC") for s in speakers(record, "Roe was respected")] == [True]
    record = run('The council of Eastport met on Monday. Their statement reads: "The ruling violates the principles '
                 'of self-government."')
    assert [same_name(s, "The council of Eastport") for s in speakers(record, "The ruling violates")] == [True]
    assert speakers(run('She read the letter aloud. "I am sorry for everything," she read.'), "I am sorry") == [None]
