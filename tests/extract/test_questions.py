"""Questions put by an unnamed asker (extract/questions.py), on invented sentences."""

from __future__ import annotations

import pytest

from .support import reported


@pytest.mark.parametrize(("text", "question"), [
    pytest.param("During a radio interview, the mayor was asked if she would run again.",
                 "if she would run again", id="passive-asked-if"),
    pytest.param("Asked if he was ever afraid, the pilot said he was not.",
                 "if he was ever afraid", id="opening-asked-if"),
    pytest.param("The governor was asked what he thought the council could do.",
                 "what he thought the council could do", id="passive-asked-what"),
    pytest.param("Asked on Monday who leads the club, the captain said he does.",
                 "who leads the club", id="asked-on-x-who"),
])
def test_the_question_of_an_unnamed_asker_is_reported(run, text, question):
    """'X was asked if C', 'Asked if C, X said …': the question is reported, with no named source
    (the one asked did not ask it)."""
    items = reported(run(text))
    assert any(t == question and s is None for t, s, _ in items), items


def test_a_request_is_not_a_question(run):
    """'was asked to leave' is a request: no question reported from it."""
    items = reported(run("When asked to leave the hall, the protester refused."))
    assert not any(t.startswith("to leave") and s is None for t, s, _ in items), items
