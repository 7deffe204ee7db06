"""Questions (extract/questions.py), on invented sentences: a question credits no content to anyone."""

from __future__ import annotations

import pytest

from .support import reported


@pytest.mark.parametrize(("text", "question"), [
    pytest.param("During a radio interview, the mayor was asked if she would run again.",
                 "she would run again", id="passive-asked-if"),
    pytest.param("Asked if he was ever afraid, the pilot said he was not.",
                 "he was ever afraid", id="opening-asked-if"),
    pytest.param("The governor was asked what he thought the council could do.",
                 "he thought the council could do", id="passive-asked-what"),
    pytest.param("Asked on Monday who leads the club, the captain said he does.",
                 "leads the club", id="asked-on-x-who"),
    pytest.param("A law professor asked whether the city was part of the state at all.",
                 "the city was part of the state at all", id="named-asker-whether"),
    pytest.param("The reporter asked the minister how the plan would be paid for.",
                 "the plan would be paid for", id="named-asker-how"),
])
def test_a_question_is_no_claim_of_anyone(run, text, question):
    """'X asked whether C', 'X was asked if C', 'Asked if C, Y said …': C is what was asked, not what
    anyone claimed, so no statement holds it (the answer, 'he was not', still is one)."""
    items = reported(run(text))
    assert not any(question in t for t, _, _ in items), items


def test_the_answer_to_an_unnamed_askers_question_is_the_answerers(run):
    """'Asked if C, the pilot said C2': the pilot's answer is reported, credited to the pilot."""
    items = reported(run("Asked if he was ever afraid, the pilot said he was not."))
    assert ("he was not", "the pilot") in [(t, s) for t, s, _ in items], items


def test_a_request_is_not_a_question(run):
    """'asked residents to stay indoors' is a request, reported as the mayor's; 'was asked to leave'
    names no asker, so no statement of the protester's comes from it."""
    assert ("residents to stay indoors", "The mayor") in [
        (t, s) for t, s, _ in reported(run("The mayor asked residents to stay indoors."))]
    items = reported(run("When asked to leave the hall, the protester refused."))
    assert not any(t.startswith("to leave") and s == "the protester" for t, s, _ in items), items
