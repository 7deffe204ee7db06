"""Back-references: a definite phrase that counts again what a figure already counted.

The annotation guide says "the eight" or "the two units" is no figure (no new amount), yet it
speaks of the quantity an earlier figure gave; the record keeps it under ``references``, pointing
at that figure. Passages are real Wikinews text (CC BY 2.5, bundled corpus).
"""

from __future__ import annotations

import pytest

from claimledger.records import Record

TORONTO = (
    "Bruce McArthur, from Toronto, Canada, on Tuesday admitted his guilt in eight murders. McArthur pleaded "
    "guilty to each crime at the Superior Court.\n\n\nBeginning in 2010 and continuing for seven years, McArthur "
    "murdered gay men; all but one victim was found dismembered in large planters at a house he had access to. "
    "The eighth was discovered in a nearby ravine. McArthur's first victim of the eight was 40-year-old "
    "Skandaraj Navaratnam, a former boyfriend and employee of McArthur."
)
JACKAL = (
    "Authorities on Monday arrested twelve people in Tamil Nadu, India after a jackal died trying to eat a bomb "
    "embedded in meat that subsequently exploded. Jackals are protected in India.\n\n\nOfficials said a police "
    "constable, reportedly one Vijayaragavan, saw the twelve with the dead jackal in Trichy."
)
FAN_EXPO = (
    "\"...basically working seven days a week for the last eight years.\"\n\n\n\"You have to work those seven "
    "days to earn a weekend,\" quipped Valiant Entertainment editor Heather Antos."
)
DEBATES = (
    "The Free and Equal Elections Foundation held two debates in October, attracting third party and "
    "independent candidates.  The criterion for inclusion was ballot access in at least eight states. \xa0The "
    "two major party candidates qualified but were barred from participating."
)


@pytest.mark.parametrize("text, reference, figure", [
    (TORONTO, "the eight", "eight murders"),
    (JACKAL, "the twelve", "twelve people"),
    (FAN_EXPO, "those seven days", "seven days"),
], ids=["bare number", "bare number after a verb", "the same measure"])
def test_a_definite_number_points_back_to_the_figure_it_repeats(run, text, reference, figure):
    record = run(text)
    found = [(r.text, r.figure["text"]) for r in record.references]
    assert (reference, figure) in found
    pointed = next(r for r in record.references if r.text == reference)
    assert text[pointed.figure["start"]:pointed.figure["end"]] == figure
    assert text[pointed.start:pointed.end] == reference
    assert reference not in [f.text for f in record.figures]  # no second figure for the same people


def test_an_equal_count_of_something_else_is_no_reference(run):
    record = run(DEBATES)
    assert record.references == []
    assert "two debates" in [f.text for f in record.figures]


def test_references_survive_the_record_format(run):
    record = run(TORONTO)
    again = Record.from_dict(record.to_dict())
    assert again.references == record.references
    assert record.to_dict()["references"][0]["low"] == 8  # a whole number prints without ".0"
