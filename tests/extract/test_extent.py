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
