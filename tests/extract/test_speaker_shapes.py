"""Speakers named in shapes the parser garbles: a long aside between the name and the verb after
a quote, the verb whose clause holds a quote, and 'he'/'she' continuing the last main subject.

Invented passages, one per rule.
"""

from __future__ import annotations

from claimledger.extract.cues import find_cue
from claimledger.extract.marks import quote_spans

from .support import assert_speaker, same_name


def speakers(record, words: str) -> list[str | None]:
    return [q.speaker for q in record.quotes if q.text.startswith(words)]


def test_long_aside_after_quote_names_the_speaker(run):
    """'“…,” Mr. Roe, now 70 and retired in Dover, Del., said': the name before the aside speaks."""
    record = run("The mill closed in the spring.\n\n“It was the best job I ever had, and I miss it every day,” "
                 "Tom Roe, now 70 and retired in Dover, Del., said by telephone on Monday.")
    assert [same_name(s, "Tom Roe") for s in speakers(record, "It was the best job")] == [True]


def test_quoted_as_saying_names_the_speaker(run):
    """'“…,” Roe is quoted as saying': the passive subject is the speaker."""
    record = run("Ann Roe ran the survey firm for years.\n\n“Our method works where others fail because we call "
                 "more people,” Roe is quoted as saying.")
    assert [same_name(s, "Ann Roe") for s in speakers(record, "Our method works")] == [True]


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


def test_quote_hung_on_the_main_verb_belongs_to_its_subject(run):
    """'Stone thanked the council for “…”': the quoted words hang on the sentence's own verb, so its
    subject speaks, though the tagger knows no such name; not the speaker of the paragraph before."""
    record = run('Ann Roe said the road would reopen in May. "We have done what we promised," she said.\n\n'
                 "Stone thanked the council for “listening to the people who live on this street and acting "
                 "before winter.”")
    assert [same_name(s, "Stone") for s in speakers(record, "listening to the people")] == [True]


def test_a_coordinated_clause_with_its_own_subject_names_the_speaker(run):
    """'a woman asked for a photo and Roe said, “…”': the clause the comma closes is Roe's; the question
    before 'and' is another clause with another subject."""
    record = run("Tom Roe spoke with voters outside the school before heading inside. At one point, a woman asked "
                 "for a photo and Roe said, “as long as we are not breaking any election rules.”")
    assert [same_name(s, "Tom Roe") for s in speakers(record, "as long as")] == [True]


def test_the_one_made_to_speak_is_the_speaker(run):
    """'Roe was prompted to say, “…”': the infinitive's speaker is the passive subject of the verb above."""
    record = run("The debate was so quiet that Tom Roe was prompted to say, “So far, I cannot believe how polite "
                 "everyone has been up here.”")
    assert [same_name(s, "Tom Roe") for s in speakers(record, "So far")] == [True]


def test_any_verb_closing_a_quote_that_runs_on_names_the_speaker(run):
    """'“…,” mused Bill Doe.', '“…,” he shrugged.': a quote ending in a comma runs on into a short clause
    whose verb, listed as a speech verb or not, gives the words to its subject."""
    record = run("Ann Roe said the road would reopen in May. “We could have finished the whole bridge by spring "
                 "if the money had come,” mused Bill Doe, the county engineer.")
    assert [same_name(s, "Bill Doe") for s in speakers(record, "We could have")] == [True]
    record = run("Ann Roe said the road would reopen in May.\n\nBill Doe disagreed. “Nobody who drives this road "
                 "every morning believes that date,” he shrugged.")
    assert [same_name(s, "Bill Doe") for s in speakers(record, "Nobody who drives")] == [True]
    record = run("“I will fight for you, and I will win for you!” — the balloons came down on the crowd.")
    assert speakers(record, "I will fight") == [None]


def test_a_passive_clause_shares_its_subject_with_the_verb_after_and(run):
    """'Roe was joined on stage by Doe and joked, “…”': Roe joked; the agent of the joining did not. A
    passive speech verb after 'and' ('was taken to hospital and is reported to be ...') names nobody."""
    record = run("As the crowd began to chant, Ann Roe was joined on stage again by Senator Tom Doe and joked, "
                 "“You are all being ridiculous tonight,” drawing loud jeers.")
    assert [same_name(s, "Ann Roe") for s in speakers(record, "You are all")] == [True]
