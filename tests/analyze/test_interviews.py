"""Interview facts (analyze/interviews.py) and links (incidents.interview): a question's figure and its
answer, an interviewer's restatement, an interviewee's guess and its correction. Real transcripts of
bundled Wikinews interviews; the figures are read as the extractor stores them (span, value, unit), no
parse needed.
"""

from __future__ import annotations

from claimledger.analyze.figure_places import DocumentContext
from claimledger.analyze.figures import figure_facts
from claimledger.analyze.incidents import interview
from claimledger.analyze.interviews import could_repeat, guessing, restating

from _bundled import corpus_documents

HIV = "wikinews-living-with-hiv-during-covid-19-wikinews-talks-to-hiv-positi"
CHESS = "wikinews-iranian-international-master-dorsa-derakhshani-discusses-her"
NOT_AN_INTERVIEW = "wikinews-paris-court-jails-two-police-in-high-profile-rape-case"


def context(key: str) -> DocumentContext:
    doc = corpus_documents([key])[0]
    return DocumentContext(1, doc.text, doc.title)


def facts(document: DocumentContext, text: str, value: float, unit: str, *, after: int = 0, high: float | None = None,
          claimant: str | None = None, number: int = 1):
    """The facts of the figure ``text`` found at or after offset ``after`` (a duration or a count)."""
    start = document.text.index(text, after)
    figure = {"id": number, "start": start, "end": start + len(text), "text": text, "low": value,
              "high": value if high is None else high, "category": "duration" if unit in ("year", "month") else "people",
              "unit": unit, "claimant": claimant}
    return figure_facts(figure, document, claimant=claimant, named=claimant is not None, period_day=None)


def test_a_transcript_knows_who_asks():
    hiv = context(HIV)
    at = hiv.text.index("last 25 years")
    turn = hiv.transcript.turn_at(at, hiv.sentences.index)
    assert turn is not None and turn.asks  # "((WN))  You said you have been working for like what, last 25 years, [right]?"
    answer = hiv.transcript.turn_at(hiv.text.index("[For the past] 30 years"), hiv.sentences.index)
    assert answer.index == turn.index + 1 and not answer.asks and answer.sentence == 0
    article = context(NOT_AN_INTERVIEW)
    assert article.transcript.turns == [] and article.transcript.turn_at(100, article.sentences.index) is None


def test_a_restated_figure_and_the_answer_that_corrects_it_are_one_quantity():
    hiv = context(HIV)
    said = facts(hiv, "25-26 years", 25, "year", high=26, claimant="person:akram pasha", number=1)
    asked = facts(hiv, "25 years", 25, "year", after=hiv.text.index("You said you have been"), number=2)
    answer = facts(hiv, "30 years", 30, "year", after=hiv.text.index("[For the past]"), claimant="person:akram pasha",
                   number=3)
    assert asked.asks and asked.restates and not said.asks and not answer.asks
    assert interview(said, asked) > 0  # "You said ... last 25 years": 25 lies in "25-26 years"
    assert interview(asked, answer) > 0  # "[For the past] 30 years.": the answer's first sentence
    assert interview(said, answer) == 0  # no evidence of its own (it joins through the question)


def test_the_same_value_twice_in_one_answer_is_not_linked_by_the_interview_rule():
    hiv = context(HIV)
    at = hiv.text.index("for 15 years, and I am practicing")
    living = facts(hiv, "15 years", 15, "year", after=at, claimant="org:jaya", number=1)
    working = facts(hiv, "15 years", 15, "year", after=at + 10, claimant="org:jaya", number=2)
    assert interview(living, working) == 0  # living with HIV and working: two durations


def test_a_figure_deep_in_a_long_answer_does_not_answer_the_question():
    hiv = context(HIV)
    asked = facts(hiv, "three to four months", 3, "month", high=4, after=hiv.text.index("last three to four months"))
    rent = facts(hiv, "three months", 3, "month", after=hiv.text.index("The rent of the last three months"), number=2)
    assert asked.asks and rent.turn == asked.turn + 1 and rent.turn_sentence >= 2
    assert interview(asked, rent) == 0


def test_a_guess_and_the_correction_that_follows_are_one_quantity():
    chess = context(CHESS)
    at = chess.text.index("nine years?")
    guess = facts(chess, "nine years", 9, "year", after=at, claimant="person:dorsa derakhshani", number=1)
    corrected = facts(chess, "ten years", 10, "year", after=at, claimant="person:dorsa derakhshani", number=2)
    assert guess.guess and not corrected.guess
    assert interview(guess, corrected) > 0


def test_sentence_cues():
    assert restating("So you are telling that for the last 18 years you have AIDS.")
    assert restating("As you mentioned, the spot formation of this potential planet is quite far")
    assert not restating("What were the precautions that you took in the last three months?")
    assert guessing("I think we were like ten people?  ")
    assert not guessing("We are eleven people.")


def test_could_repeat():
    hiv = context(HIV)
    said = facts(hiv, "25-26 years", 25, "year", high=26)
    again = facts(hiv, "25 years", 25, "year", after=hiv.text.index("You said you have been"))
    other = facts(hiv, "30 years", 30, "year", after=hiv.text.index("[For the past]"))
    assert could_repeat(again.low, again.high, said.low, said.high)  # 25 inside 25-26
    assert not could_repeat(other.low, other.high, said.low, said.high)
