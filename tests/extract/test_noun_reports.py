"""Reports carried by a noun: "issued a statement that C", "Trump's claim that C".

The content is the noun's "that" clause; the source is whoever made the statement (the
noun's possessor, or the subject of the verb it is the object of), or nobody named.
Passages are from the bundled Wikinews corpus (CC BY 2.5).
"""

from __future__ import annotations

import pytest

from .support import assert_reported, reported

NOUN_REPORTS = [
    pytest.param(
        "The California Department of Corrections and Rehabilitation (CDCR) did not identify Sirhan as the "
        "victim. The Department issued a statement that an inmate had been stabbed.",
        "an inmate had been stabbed", ("The California Department of Corrections and Rehabilitation",
                                       "Department", "CDCR"),
        id="issued-a-statement-that",
    ),
]


@pytest.mark.parametrize(("text", "content", "source"), NOUN_REPORTS)
def test_claim_noun_with_a_that_clause(run, text, content, source):
    items = reported(run(text))
    assert_reported(items, content, source)


def test_a_relative_clause_is_not_a_report(run):
    items = reported(run("Melbournians can offer topics/suggestions that the candidates don't see."))
    assert items == [], items


def test_a_claim_noun_with_its_that_left_out_reports_the_clause(run):
    """'allegations he beat his ex-wife': a complete clause after the noun is the claim, though the
    parser makes it a relative clause; 'a claim Clinton made' is one (its verb lacks an object)."""
    items = reported(run("The campaign began falling apart over allegations he beat his former wife. The ad "
                         "pushed a claim the governor made during the hearing."))
    assert [t for t, _, _ in items] == ["he beat his former wife"]


def test_claim_noun_in_a_phrase_on_the_verb(run):
    """'X said in a statement that C', 'X opened with an assertion that C': the claim, and so C, is X's."""
    items = reported(run("Councilman Bo Jones, who chairs the committee, said in a statement that the budget was "
                         "balanced. Mayor Ann Smith opened the meeting with an assertion that the bridge would reopen."))
    assert_reported(items, "the budget was balanced", ("Bo Jones",))
    assert_reported(items, "the bridge would reopen", ("Ann Smith",))


def test_claim_noun_after_despite_is_not_the_subjects(run):
    """'Despite complaints that C, X won': the complaints are other people's."""
    items = [i for i in reported(run("Despite complaints that the vote was rigged, Ann Smith won the seat easily."))
             if "rigged" in i[0]]
    assert not any(source == "Ann Smith" for _, source, _ in items), items


def test_a_voiced_stance_reports_its_that_clause(run):
    """'X expressed concern that C', 'Y expressed confidence that C': C is what X, Y said (invented)."""
    items = reported(run("Mayor Ann Smith expressed concern that the bridge would stay closed. Councilman Bo Jones "
                         "expressed confidence that the budget would pass."))
    assert_reported(items, "the bridge would stay closed", ("Ann Smith",))
    assert_reported(items, "the budget would pass", ("Bo Jones",))


def test_an_answer_or_claim_as_subject_of_be_reports_the_that_clause(run):
    """'X's answer was that C', 'The mayor's argument is that C': the clause after the copula is
    what was said, and the possessor (without its 's) is the source (invented)."""
    items = reported(run("Senator Maria Lopez spoke on Tuesday. Lopez's answer was that the budget should be cut. "
                         "The mayor's argument is that the new tax will hurt small shops."))
    assert_reported(items, "the budget should be cut", ("Maria Lopez",))
    assert_reported(items, "the new tax will hurt small shops", ("mayor",))
    assert not any(source and source.endswith("'s") for _, source, _ in items), items


def test_a_description_of_be_is_not_a_report(run):
    """'The answer was simple': no 'that' clause, nothing reported (invented)."""
    assert reported(run("The answer was simple. The response was slow and the reply never came.")) == []
