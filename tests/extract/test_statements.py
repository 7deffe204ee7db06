"""Press-release statements (extract/statements.py) on passages of the bundled corpus: which
'X said:' lines introduce the paragraphs below as X's statement."""

from __future__ import annotations

from .support import reported, same_name

# UK Government (Open Government Licence v3.0), bundled corpus: a press release's statement.
ELLWOOD = (
    "Minister for the Middle East Tobias Ellwood comments on reports of violations of the ceasefire in Syria "
    "announced by Russia and Turkey on 29 December.\n\nMinister Ellwood said:\n\nWe are concerned by reports of "
    "ceasefire violations and call on all parties to respect the ceasefire, particularly around the Wadi Barada "
    "area of Damascus, where civilians are facing ongoing shelling and airstrikes by the Asad regime and militias "
    "like Hezbollah. More than five million people across Damascus also remain without access to the central "
    "water supply.\n\nIt is vital that all guarantors of the ceasefire use their influence to ensure it is adhered "
    "to, and that all parties take greater steps to ensure humanitarian aid reaches all those in need across Syria."
)
# CENTCOM (re3d, public domain), bundled corpus: a line that announces a list, not a statement.
VOTEL = (
    "U.S. Army General Joseph Votel, commander, U.S. Central Command recently met with U.S. Air Force civilian "
    "employees and provided an overview of the CENTCOM vision, the current mission, and strategic approach.\n \n"
    "Votel explained U.S. Central Command’s top priorities:\n\n- Ensure an effective posture.\n\n- Strengthen "
    "relationships with allies.\n\n- Deter and counter state aggression.\n\n- Disrupt and counter violent "
    "extremism.\n\nVotel expressed his desire that the command attracts and retains the very best people to "
    "support these critical priorities and that they are fully enabled to develop and contribute to the mission."
)


def test_a_said_line_introduces_the_paragraphs_below(run):
    """'Minister X said:' then unquoted paragraphs: each paragraph is the minister's statement."""
    items = reported(run(ELLWOOD))
    statements = [(t, s) for t, s, _ in items if t.startswith(("We are concerned", "It is vital"))]
    assert len(statements) == 2, items
    assert all(same_name(s, ("Tobias Ellwood", "Ellwood")) for _, s in statements), statements


def test_a_line_announcing_something_else_introduces_no_statement(run):
    """'X explained the priorities:' ends on what was explained, not on the cue: the author's next
    paragraph ('Votel expressed his desire ...') is narration, not Votel's statement."""
    items = reported(run(VOTEL))
    assert not [t for t, _, _ in items if t.startswith("Votel expressed")], items
