"""Transcript turns: in an interview, the figures of an answer are the interviewee's claims.

The passages are from a Wikinews interview in the bundled corpus (CC BY 2.5), shortened.
"""

from __future__ import annotations

from claimledger.extract.transcripts import interviewers, labelled_turns
from claimledger.extract.turns import quote_label

from .support import figures_over, same_name

INTERVIEW = (
    "((WN))  For how long were these bone tools exposed to the plastic containers?\n\n\n"
    "((Naomi Martisius))  It was various amounts of time depending, well, depending on a number of things, "
    "but most of the Abri Peyrony ones were sitting in a plastic box for about five years.  One of them had "
    "been found more recently, and it was only in its plastic box for about two months.\n\n\n"
    "((WN))  How many institutes were involved in this research?\n\n\n"
    "((Naomi Martisius))  So, on the paper, I think it lists seven different institutes.\n"
)


def test_turns_are_found_with_their_labels():
    turns = labelled_turns(INTERVIEW)
    assert [label for label, _, _ in turns] == ["WN", "Naomi Martisius", "WN", "Naomi Martisius"]
    label, start, end = turns[1]
    assert INTERVIEW[start:end].startswith("It was various amounts of time")
    assert INTERVIEW[start:end].endswith("for about two months.")


def test_the_label_that_asks_is_the_interviewer():
    assert interviewers(labelled_turns(INTERVIEW), INTERVIEW) == {"WN"}


def test_figures_in_an_answer_are_the_interviewees(run):
    record = run(INTERVIEW)
    for anchor in ("about five years", "about two months", "seven different institutes"):
        (figure,) = figures_over(record, anchor)
        assert same_name(figure.claimant, ("Naomi Martisius", "Martisius")), (anchor, figure.claimant)


def test_an_answer_is_not_a_reported_statement(run):
    record = run(INTERVIEW)
    assert not any(q.cue == "transcript" for q in record.quotes)


def test_a_quote_opening_with_a_speaker_label():
    text = '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night."'
    assert quote_label(text, 1, len(text) - 1) == "PENCE"
    assert quote_label('"Gennifer Flowers will not be attending."', 1, 30) is None


ANSWER_WITH_A_LIST = (
    "((WN))  How many institutes were involved in this research?\n\n\n"
    "((Naomi Martisius))  So, on the paper, I think it lists seven different institutes.\n\n\n"
    "((WN))  What were the results?\n\n\n"
    "((Naomi Martisius))  The layer was dominated by reindeer.\n\n"
    "██\xa0Hare: 3\n\n██\xa0Roe deer: 5\n\n"
    "Just thinking about that: 90 per cent reindeer, and then three of these bone tools come from this layer.\n\n\n"
    "((WN))  You mentioned the bones were obtained from two different sites.\n"
)


def test_an_answer_runs_to_the_next_label(run):
    (figure,) = figures_over(run(ANSWER_WITH_A_LIST), "90 per cent")
    assert same_name(figure.claimant, ("Naomi Martisius", "Martisius")), figure.claimant


def test_one_repeated_label_is_not_a_conversation(run):
    text = INTERVIEW.replace("((WN))", "").replace("((Naomi Martisius))", "((Note))")
    (figure,) = figures_over(run(text), "seven different institutes")
    assert figure.claimant is None


# An interview whose answers are labelled with the interviewee's initials (invented, in the layout of
# the Wikinews interviews of the bundled corpus).
INITIALLED = (
    "Wikinews spoke with ecologist Rosa Tamez about the survey.\n\n\n"
    "((WN))  How long did the fieldwork last?\n\n\n"
    "RT: We spent about five months at the site each year.\n\n\n"
    "((WN))  How many nests did you count?\n\n\n"
    "RT: Nearly 300 nests in all.\n"
)


def test_initials_label_the_turns_of_the_one_they_name(run):
    assert [label for label, _, _ in labelled_turns(INITIALLED)] == ["WN", "RT", "WN", "RT"]
    record = run(INITIALLED)
    for anchor in ("about five months", "Nearly 300 nests"):
        (figure,) = figures_over(record, anchor)
        assert same_name(figure.claimant, ("Rosa Tamez",)), (anchor, figure.claimant)
