"""Where reported statements begin and end beyond the parse's complement clause (extract/extent.py),
on invented sentences."""

from __future__ import annotations

import pytest

from .support import assert_reported, reported


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("If the old rule has never had its test in court, Smith said, there's an easy answer.",
                 "If the old rule has never had its test in court, Smith said, there's an easy answer", "Smith",
                 id="conditional-frame"),
    pytest.param("At times last month, people close to the mayor said, the mere mention of the budget could make "
                 "him angry.", "At times last month, people close to the mayor said, the mere mention of the budget "
                 "could make him angry", "people close to the mayor", id="time-frame"),
])
def test_a_frame_before_an_aside_cue_is_part_of_the_statement(run, text, content, source):
    """'If C1, X said, C2': the opening of the sentence is what X said too."""
    assert_reported(reported(run(text)), content, source)


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("Several council members have called for an outside auditor to review the budget before the vote.",
                 "an outside auditor to review the budget before the vote", "Several council members",
                 id="called-for-someone-to"),
    pytest.param("The mayor issued a statement calling on the state \"to restore our funding\" before the winter.",
                 "the state \"to restore our funding\" before the winter", "The mayor", id="called-on-quoted-deed"),
])
def test_a_demand_keeps_the_deed_demanded(run, text, content, source):
    """'called for X to Y', 'calling on X “to Y”': what X is to do is part of the demand."""
    assert_reported(reported(run(text)), content, source)


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The committee chair said the process was fair, but required every applicant to submit a full report.",
                 "the process was fair, but required every applicant to submit a full report", "The committee chair",
                 id="but-goes-on"),
    pytest.param("The coach said the team played well, but argued that the referee had missed a foul.",
                 "the team played well", "The coach", id="but-argued-is-a-report-of-its-own"),
])
def test_a_subjectless_but_phrase_goes_on_with_the_content(run, text, content, source):
    """'said C, but VP': the verb phrase goes on with C's subject; a speech verb there does not."""
    assert_reported(reported(run(text)), content, source)


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("The chef trained in Lyon and was reportedly offered a job in Paris; he declined it.",
                 "The chef trained in Lyon and was reportedly offered a job in Paris", id="conjunct-before-semicolon"),
    pytest.param("The firm was reportedly on the shortlist, but the board had chosen another bidder.",
                 "The firm was reportedly on the shortlist", id="but-with-own-subject-cut"),
])
def test_the_clause_an_adverb_of_report_qualifies(run, text, content):
    """'reportedly' credits its own clause to unnamed reports: the first conjunct's subject and
    opening included, a clause past ';' or after ', but' with its own subject left out."""
    assert [a.text for a in run(text).attributions if a.cue == "reportedly"] == [content]


def test_an_adverb_inside_a_report_adds_no_second_one(run):
    """'X allegedly did Y, the paper reported': the paper's report holds the clause already."""
    record = run("The singer allegedly damaged the hotel room, the newspaper reported.")
    assert not [a for a in record.attributions if a.cue == "allegedly"], record.attributions
    assert_reported(reported(record), "The singer allegedly damaged the hotel room", "the newspaper")


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The bakery is closing early this week, the owner said, because the oven needs repairs.",
                 "The bakery is closing early this week, the owner said, because the oven needs repairs", "the owner",
                 id="because-after-the-aside"),
    pytest.param("Nor does the mayor have any plans, aides say, to raise taxes this year.",
                 "Nor does the mayor have any plans, aides say, to raise taxes this year", "aides",
                 id="infinitive-after-the-aside"),
    pytest.param("The shop had no recent complaints, the inspector added, and had passed every safety check.",
                 "The shop had no recent complaints", "the inspector", id="and-after-the-aside-left-out"),
])
def test_a_statement_runs_on_past_a_trailing_aside(run, text, content, source):
    """'C1, X said, because C2': the words after the aside carry on the statement."""
    assert_reported(reported(run(text)), content, source)


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("The mayor skipped the meeting because, according to his aides, the schedule had changed at the last "
                 "minute.", "the schedule had changed at the last minute", id="after-because"),
    pytest.param("While most of the roads were cleared, according to the county, two bridges remained closed.",
                 "two bridges remained closed", id="after-a-while-clause"),
    pytest.param("The parade was watched by, according to police estimates, nearly 5000 people, in a crowd both young "
                 "and old.", "The parade was watched by, according to police estimates, nearly 5000 people, in a crowd "
                 "both young and old", id="a-preposition-is-no-subordinator"),
])
def test_according_to_after_a_subordinator_credits_the_clause_after_it(run, text, content):
    """'…, because, according to X, C': X is credited with C, not with the writer's whole sentence."""
    assert [a.text for a in run(text).attributions if a.cue == "according to"] == [content]


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The singer's family gave no cause of death, but, according to his manager, he had been treated for "
                 "pneumonia in March.", "he had been treated for pneumonia in March", "his manager", id="but-comma-aside"),
    pytest.param("The senator spent two weeks in a clinic in Vienna this spring and according to his office he returned "
                 "to work on Monday.", "he returned to work on Monday", "his office", id="and-without-commas"),
    pytest.param("The valley grows most of the country's wheat and, according to the ministry, was once called its "
                 "granary.", "was once called its granary", "the ministry", id="a-conjunct-without-subject"),
    pytest.param("Hammond is the country's top diplomat, a former banker and, according to critics, hostile to the "
                 "union.\n\n\nThe talks resume on Monday.", "hostile to the union", "critics",
                 id="paragraph-end-with-the-rest-hung-on-the-source"),
])
def test_according_to_after_a_conjunction_credits_the_conjunct_it_opens(run, text, content, source):
    """'C0, but, according to X, C': X is credited with the conjunct C, not with the writer's C0 before it."""
    assert [(a.text, a.source) for a in run(text).attributions if a.cue == "according to"] == [(content, source)]


@pytest.mark.parametrize("text", [
    pytest.param("Party chairman Reince Tolley is even calling major fundraisers himself.", id="calling-himself"),
    pytest.param("The city has called a referendum for June on the new stadium.", id="called-a-referendum-for"),
    pytest.param("Even supporters of the bill sounded doubtful: Senator Ray Ortiz called it \"the least bad choice.\"",
                 id="called-it-after-a-colon"),
])
def test_calling_an_object_something_reports_no_clause(run, text):
    """'calling donors himself', 'called a referendum for June': a call with an object and no
    demand right after the verb reports nothing; 'C: X called it “…”' does not report C."""
    assert not reported(run(text)), reported(run(text))


@pytest.mark.parametrize("text", [
    pytest.param("It was a ruling that had threatened to cripple the state's public schools.", id="a-thing-threatens"),
    pytest.param("That threatened to create a lot of unhappy families over the next few years.", id="that-threatened"),
    pytest.param("In Maine, 25 pledged delegates and four superdelegates were at stake.", id="pledged-delegates"),
    pytest.param("Looking at the same data, one could argue that the rise in prices came from the drought.",
                 id="one-could-argue"),
    pytest.param("Critics of the mayor might claim the new stadium is a waste of public money.", id="might-claim"),
    pytest.param("The early results may suggest that the vaccine works in older patients too.", id="may-suggest"),
])
def test_a_cue_that_commits_nobody_reports_nothing(run, text):
    """'promise'/'threaten' with a thing for subject mean 'is likely to'; 'pledged' before its noun
    is a participle; 'one could argue that C', 'critics might claim C' are possibilities: nobody
    promised or said anything."""
    assert not reported(run(text)), reported(run(text))


def test_what_somebody_would_later_say_is_reported(run):
    """'would later say C' tells what was said, as 'can', 'should' and 'will' may; only 'could',
    'might' and 'may' make the cue a possibility."""
    assert ("her second marriage was her only happy one", "She") in [
        (t, s) for t, s, _ in reported(run("She would later say her second marriage was her only happy one."))]
